import type { ZodType } from 'zod';
import { displayNameSchema, usernameSchema } from '../../../contracts/accounts';
import { roleLabels, roles, roleSchema } from '../../../contracts/roles';
import { findOrganization, findOrganizationsByName } from '../../core/access/account-repository';
import { createUser } from '../../core/access/account-service';
import { inTransaction, type Deps } from '../../core/context';
import { AppError, invalid } from '../../core/errors';
import type { Command } from '../command';
import { parseArguments, runUserCommand, type UserCommandIo } from './user-shared';

const usage = 'user add USERNAME --name 显示名 --role ROLE --org 组织ID或名称 [--password P]';

/** A zod check of one CLI value, refused with the option's name. */
function checked<T>(schema: ZodType<T>, value: string | undefined, field: string, missing: string): T {
  if (value === undefined) throw invalid(field, missing);
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(field, result.error.issues[0]?.message ?? '格式不正确');
  return result.data;
}

/** Finds the organization by id, or by its exact name or short name when that is unique. */
export async function resolveOrganization(deps: Deps, reference: string): Promise<string> {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference)) {
    const organization = await findOrganization(deps.db, deps.config.tenantCode, reference);
    if (organization) return organization.id;
  }
  const matches = await findOrganizationsByName(deps.db, deps.config.tenantCode, reference);
  if (matches.length === 0) throw new AppError('NOT_FOUND', `组织「${reference}」不存在`, 'org');
  if (matches.length > 1) {
    throw invalid(
      'org',
      `名称「${reference}」对应 ${matches.length} 个组织，请改用组织 ID：${matches.map((match) => match.id).join('、')}`,
    );
  }
  return matches[0]?.id ?? '';
}

/** `fazhi user add`: prints the initial password (generated when none is given) on the first line. */
export async function runUserAdd(args: string[], io?: UserCommandIo, deps?: Deps): Promise<number> {
  return runUserCommand(
    usage,
    async (platformDeps) => {
      const { positionals, options } = parseArguments(args, ['name', 'role', 'org', 'password']);
      const username = checked(usernameSchema, positionals[0], 'username', '缺少用户名 USERNAME');
      const displayName = checked(displayNameSchema, options.name, 'name', '缺少 --name 显示名');
      const role = checked(roleSchema, options.role, 'role', `缺少 --role（可选：${roles.join('、')}）`);
      if (options.org === undefined) throw invalid('org', '缺少 --org 组织ID或名称');
      const organizationId = await resolveOrganization(platformDeps, options.org);
      const created = await inTransaction(platformDeps, null, (ctx) =>
        createUser(ctx, {
          username,
          displayName,
          password: options.password,
          roles: [{ role, organizationId }],
          // A generated password is a temporary one; a chosen one is the operator's decision.
          mustChangePassword: options.password === undefined,
        }),
      );
      const summary = `已创建用户 ${username}（${displayName}，${roleLabels[role]}，ID ${created.user.id}）`;
      return `${created.generatedPassword ?? options.password ?? ''}\n${summary}${created.generatedPassword ? '；首次登录须修改密码' : ''}`;
    },
    io,
    deps,
  );
}

export const userAddCommand: Command = {
  name: 'user add',
  usage,
  summary: '新建账号并分配角色（不给 --password 时生成随机密码，第一行输出密码）',
  run: (args) => runUserAdd(args),
};
