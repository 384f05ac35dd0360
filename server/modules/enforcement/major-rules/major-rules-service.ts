import type { MajorRuleInput, PenaltyKind } from '../../../../contracts/enforcement';
import { majorRuleSchema } from '../../../../contracts/enforcement';
import type { UpdateMajorRuleInput } from '../../../../contracts/enforcement-oversight';
import { requireActor } from '../../../core/access/authorize';
import { appendAuditEvent } from '../../../core/audit/append-audit-event';
import type { ServiceContext } from '../../../core/context';
import { newId } from '../../../core/db/ids';
import { AppError, invalid, notFound } from '../../../core/errors';
import { findScopedOrganization } from '../../org/organization-service';
import { majorRuleEditPolicy } from './major-rules-policy';
import {
  findMajorRule,
  insertMajorRule,
  selectMajorRules,
  updateMajorRuleRow,
  type MajorRuleRecord,
} from './major-rules-repository';

/**
 * Use cases of the 重大执法决定法制审核目录. An entry is never deleted (cases decided under it
 * cite it): it is deactivated, and the log shows who did it.
 */

const toFen = (yuan: number | null) => (yuan === null ? null : Math.round(yuan * 100));

/** An entry with neither a fine threshold nor a kind matches no case: refused, naming the field. */
function requireCriterion(fineAtLeastFen: number | null, kinds: readonly string[]) {
  if ((fineAtLeastFen === null || fineAtLeastFen === 0) && kinds.length === 0) {
    throw invalid(
      'fineAtLeastYuan',
      '请至少设定罚款金额标准或处罚种类之一，否则该目录事项不会适用于任何案件',
    );
  }
}

/** The catalogue entries in scope (active ones unless asked), by body. */
export async function listMajorRules(
  ctx: ServiceContext,
  query: { organizationId?: string | undefined; includeInactive?: boolean | undefined },
): Promise<MajorRuleRecord[]> {
  requireActor(ctx);
  if (query.organizationId && !(await findScopedOrganization(ctx, query.organizationId))) {
    throw new AppError('NOT_FOUND', '执法主体不存在或不在您的管理范围内', 'organizationId');
  }
  return selectMajorRules(ctx, query);
}

/** Adds an entry to a body's catalogue. */
export async function createMajorRule(ctx: ServiceContext, input: MajorRuleInput): Promise<MajorRuleRecord> {
  requireActor(ctx);
  const parsed = majorRuleSchema.parse(input);
  const organization = await findScopedOrganization(ctx, parsed.organizationId);
  if (!organization) throw new AppError('NOT_FOUND', '执法主体不存在或不在您的管理范围内', 'organizationId');
  majorRuleEditPolicy(ctx, organization.path);
  const fineAtLeastFen = toFen(parsed.fineAtLeastYuan);
  requireCriterion(fineAtLeastFen, parsed.penaltyKinds);
  const id = newId();
  const now = ctx.clock.now();
  const row = {
    id,
    organizationId: organization.id,
    title: parsed.title,
    fineAtLeastFen,
    penaltyKinds: [...new Set(parsed.penaltyKinds)],
    requiresDeliberation: parsed.requiresDeliberation,
    isActive: true,
    createdAt: now,
    updatedAt: now,
  };
  await insertMajorRule(ctx, row);
  await appendAuditEvent(ctx, {
    action: 'majorDecisionRule.create',
    entityType: 'majorDecisionRule',
    entityId: id,
    organizationId: organization.id,
    change: { ...row, createdAt: undefined, updatedAt: undefined },
  });
  const saved = await findMajorRule(ctx, id);
  if (!saved) throw notFound('目录事项');
  return saved;
}

/** Changes an entry, or deactivates (isActive false) or reactivates it. */
export async function updateMajorRule(
  ctx: ServiceContext,
  id: string,
  input: UpdateMajorRuleInput,
): Promise<MajorRuleRecord> {
  requireActor(ctx);
  const rule = await findMajorRule(ctx, id);
  if (!rule) throw notFound('目录事项');
  majorRuleEditPolicy(ctx, rule.organizationPath);
  const changes: Parameters<typeof updateMajorRuleRow>[2] = {};
  if (input.title !== undefined) changes.title = input.title;
  if (input.fineAtLeastYuan !== undefined) changes.fineAtLeastFen = toFen(input.fineAtLeastYuan);
  if (input.penaltyKinds !== undefined) changes.penaltyKinds = [...new Set<PenaltyKind>(input.penaltyKinds)];
  if (input.requiresDeliberation !== undefined) changes.requiresDeliberation = input.requiresDeliberation;
  if (input.isActive !== undefined) changes.isActive = input.isActive;
  if (Object.keys(changes).length === 0) return rule;
  requireCriterion(
    changes.fineAtLeastFen === undefined ? rule.fineAtLeastFen : changes.fineAtLeastFen,
    changes.penaltyKinds ?? rule.penaltyKinds,
  );
  const before = Object.fromEntries(
    Object.keys(changes).map((key) => [key, rule[key as keyof typeof changes]]),
  );
  await updateMajorRuleRow(ctx, id, { ...changes, updatedAt: ctx.clock.now() });
  await appendAuditEvent(ctx, {
    action:
      input.isActive === false && rule.isActive
        ? 'majorDecisionRule.deactivate'
        : input.isActive === true && !rule.isActive
          ? 'majorDecisionRule.activate'
          : 'majorDecisionRule.update',
    entityType: 'majorDecisionRule',
    entityId: id,
    organizationId: rule.organizationId,
    change: { before, after: changes },
  });
  const saved = await findMajorRule(ctx, id);
  if (!saved) throw notFound('目录事项');
  return saved;
}
