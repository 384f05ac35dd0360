import { createOrganizationInputSchema, organizationKindLabels } from '../../../contracts/org';
import { inTransaction, type Deps } from '../../core/context';
import { invalid } from '../../core/errors';
import { ensureJurisdictionsLoaded } from '../../modules/org/ensure-jurisdictions-loaded';
import { createOrganization } from '../../modules/org/organization-service';
import type { Command } from '../command';
import { resolveOrganization } from './user-add';
import { parseArguments, runUserCommand, type UserCommandIo } from './user-shared';

const usage =
  'org add 名称 --kind government|department|enforcementBody|township|office --jurisdiction 区划代码 [--parent 上级组织ID或名称] [--short 简称] [--authority statutory|authorized|entrusted]';

/**
 * `fazhi org add`: creates an organization — the root government of a new deployment (no
 * `--parent`), or one under an existing organization. Prints its id on the first line.
 */
export async function runOrgAdd(args: string[], io?: UserCommandIo, deps?: Deps): Promise<number> {
  return runUserCommand(
    usage,
    async (platformDeps) => {
      const { positionals, options } = parseArguments(args, [
        'kind',
        'jurisdiction',
        'parent',
        'short',
        'authority',
      ]);
      if (positionals[0] === undefined) throw invalid('name', '缺少组织名称');
      await ensureJurisdictionsLoaded(platformDeps);
      const parentId =
        options.parent === undefined ? null : await resolveOrganization(platformDeps, options.parent);
      const parsed = createOrganizationInputSchema.safeParse({
        parentId,
        name: positionals[0],
        kind: options.kind,
        jurisdictionCode: options.jurisdiction,
        shortName: options.short,
        authorityType: options.authority,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = { jurisdictionCode: 'jurisdiction', shortName: 'short', authorityType: 'authority' }[
          String(issue?.path[0] ?? '')
        ];
        throw invalid(field ?? String(issue?.path[0] ?? 'name'), issue?.message ?? '格式不正确');
      }
      const organization = await inTransaction(platformDeps, null, (ctx) =>
        createOrganization(ctx, parsed.data),
      );
      return `${organization.id}\n已创建${organizationKindLabels[organization.kind as keyof typeof organizationKindLabels]}「${organization.name}」`;
    },
    io,
    deps,
  );
}

export const orgAddCommand: Command = {
  name: 'org add',
  usage,
  summary: '新建组织（新部署时建立根组织——本级人民政府；第一行输出组织 ID）',
  run: (args) => runOrgAdd(args),
};
