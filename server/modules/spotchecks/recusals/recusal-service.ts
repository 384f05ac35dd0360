import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import {
  addRecusalSchema,
  endRecusalSchema,
  recusalKindLabels,
  type AddRecusalInput,
  type RecusalKind,
  type RecusalView,
} from '../../../../contracts/spotchecks';
import type { Role } from '../../../../contracts/roles';
import { requireActor, requireRole } from '../../../core/access/authorize';
import { organizationScope } from '../../../core/access/scope';
import { appendAuditEvent } from '../../../core/audit/append-audit-event';
import { actorName, type ServiceContext } from '../../../core/context';
import { newId } from '../../../core/db/ids';
import { AppError, invalid, notFound } from '../../../core/errors';
import { creditCodeMessages, creditCodeProblem } from '../../../core/identity/national-codes';
import { organizations, people } from '../../org/org-tables';
import { findPersonInScope } from '../../org/org-repository';
import { entities, inspectorRecusals } from '../spotcheck-tables';
import { actorPersonId } from '../../../core/access/actor-person';

/**
 * 回避: which inspector may not inspect which entity. Recorded by the inspector's agency head,
 * liaison or the justice bureau — or declared by the inspector himself — and ended, never deleted,
 * when the relation ends. Every change is audited; draws read the active ones.
 */

export const recusalKeeperRoles: readonly Role[] = ['agencyHead', 'liaison', 'justiceBureau'];

/** Records a recusal; an inspector may declare his own, others need a keeper's role over him. */
export async function addRecusal(ctx: ServiceContext, raw: AddRecusalInput): Promise<RecusalView> {
  requireActor(ctx);
  const input = addRecusalSchema.parse(raw);
  const problem = creditCodeProblem(input.creditCode);
  if (problem) throw invalid('creditCode', creditCodeMessages[problem]);
  const person = await findPersonInScope(ctx, input.personId);
  if (!person) throw invalid('personId', '检查人员不存在或不在您的管理范围内');
  const isSelf = (await actorPersonId(ctx)) === person.id;
  if (!isSelf) requireRole(ctx, recusalKeeperRoles, person.organizationPath);
  const [active] = await ctx.tx
    .select({ id: inspectorRecusals.id })
    .from(inspectorRecusals)
    .where(
      and(
        eq(inspectorRecusals.tenantCode, ctx.tenantCode),
        eq(inspectorRecusals.personId, person.id),
        eq(inspectorRecusals.creditCode, input.creditCode),
        isNull(inspectorRecusals.endedAt),
      ),
    );
  if (active) throw new AppError('CONFLICT', `${person.name}对该检查对象已有回避记录`, 'creditCode');
  const row = {
    tenantCode: ctx.tenantCode,
    id: newId(),
    personId: person.id,
    creditCode: input.creditCode,
    kind: input.kind,
    note: input.note ?? null,
    recordedByName: actorName(ctx.actor),
    createdAt: ctx.clock.now(),
    endedAt: null,
    endReason: null,
  };
  await ctx.tx.insert(inspectorRecusals).values(row);
  await appendAuditEvent(ctx, {
    action: 'recusal.add',
    entityType: 'inspectorRecusal',
    entityId: row.id,
    organizationId: person.organizationId,
    change: {
      personId: row.personId,
      creditCode: row.creditCode,
      kind: row.kind,
      note: row.note,
      declaredBySelf: isSelf,
    },
  });
  const [view] = await selectRecusals(ctx, eq(inspectorRecusals.id, row.id));
  if (!view) throw notFound('回避记录');
  return view;
}

/** Ends a recusal with a reason (the relation ended); it stays on record. */
export async function endRecusal(
  ctx: ServiceContext,
  id: string,
  raw: { reason: string },
): Promise<RecusalView> {
  requireActor(ctx);
  const { reason } = endRecusalSchema.parse(raw);
  const [current] = await selectRecusals(ctx, eq(inspectorRecusals.id, id));
  if (!current) throw notFound('回避记录');
  const person = await findPersonInScope(ctx, current.personId);
  if (!person) throw notFound('回避记录');
  requireRole(ctx, recusalKeeperRoles, person.organizationPath);
  if (current.endedAt) throw new AppError('TRANSITION_FORBIDDEN', '该回避记录已解除');
  await ctx.tx
    .update(inspectorRecusals)
    .set({ endedAt: ctx.clock.now(), endReason: reason })
    .where(and(eq(inspectorRecusals.tenantCode, ctx.tenantCode), eq(inspectorRecusals.id, id)));
  await appendAuditEvent(ctx, {
    action: 'recusal.end',
    entityType: 'inspectorRecusal',
    entityId: id,
    organizationId: person.organizationId,
    change: { reason },
  });
  const [view] = await selectRecusals(ctx, eq(inspectorRecusals.id, id));
  if (!view) throw notFound('回避记录');
  return view;
}

/** The recusals of inspectors in scope, by person or entity; active only unless asked. */
export async function listRecusals(
  ctx: ServiceContext,
  query: {
    personId?: string | undefined;
    creditCode?: string | undefined;
    includeEnded?: boolean | undefined;
  },
): Promise<RecusalView[]> {
  requireActor(ctx);
  const conditions: SQL[] = [];
  if (query.personId) conditions.push(eq(inspectorRecusals.personId, query.personId));
  if (query.creditCode)
    conditions.push(eq(inspectorRecusals.creditCode, query.creditCode.trim().toUpperCase()));
  if (!query.includeEnded) conditions.push(isNull(inspectorRecusals.endedAt));
  return selectRecusals(ctx, ...conditions);
}

async function selectRecusals(ctx: ServiceContext, ...conditions: SQL[]): Promise<RecusalView[]> {
  const rows = await ctx.tx
    .select({
      recusal: inspectorRecusals,
      personName: people.name,
      organizationName: organizations.name,
      entityName: entities.name,
    })
    .from(inspectorRecusals)
    .innerJoin(
      people,
      and(eq(people.tenantCode, inspectorRecusals.tenantCode), eq(people.id, inspectorRecusals.personId)),
    )
    .innerJoin(
      organizations,
      and(eq(organizations.tenantCode, people.tenantCode), eq(organizations.id, people.organizationId)),
    )
    .leftJoin(
      entities,
      and(
        eq(entities.tenantCode, inspectorRecusals.tenantCode),
        eq(entities.creditCode, inspectorRecusals.creditCode),
      ),
    )
    .where(
      and(
        eq(inspectorRecusals.tenantCode, ctx.tenantCode),
        organizationScope(ctx, people.organizationId),
        ...conditions,
      ),
    )
    .orderBy(desc(inspectorRecusals.createdAt));
  return rows.map(({ recusal, personName, organizationName, entityName }) => ({
    id: recusal.id,
    personId: recusal.personId,
    personName,
    organizationName,
    creditCode: recusal.creditCode,
    entityName,
    kind: recusal.kind as RecusalKind,
    kindLabel: recusalKindLabels[recusal.kind as RecusalKind] ?? recusal.kind,
    note: recusal.note,
    recordedByName: recusal.recordedByName,
    createdAt: recusal.createdAt.toISOString(),
    endedAt: recusal.endedAt?.toISOString() ?? null,
    endReason: recusal.endReason,
  }));
}
