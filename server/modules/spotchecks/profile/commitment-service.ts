import { and, desc, eq, type SQL } from 'drizzle-orm';
import {
  breachCommitmentSchema,
  recordCommitmentSchema,
  type BreachCommitmentInput,
  type EntityCommitmentView,
  type RecordCommitmentInput,
} from '../../../../contracts/spotchecks';
import type { Role } from '../../../../contracts/roles';
import { requireActor, requireRole } from '../../../core/access/authorize';
import { appendAuditEvent } from '../../../core/audit/append-audit-event';
import { civilDate } from '../../../core/clock';
import { actorName, type ServiceContext } from '../../../core/context';
import { newId } from '../../../core/db/ids';
import { AppError, invalid, notFound } from '../../../core/errors';
import { creditCodeMessages, creditCodeProblem } from '../../../core/identity/national-codes';
import { organizations } from '../../org/org-tables';
import { entities, entityCommitments } from '../spotcheck-tables';
import { presentCommitment } from './entity-profile-presenters';

/**
 * 信用承诺 (告知承诺制, 主动型信用承诺, 信用修复承诺): recorded by the department that received
 * it, then found fulfilled or breached (a breach with what was not kept). Never deleted; every
 * write audited. Every department's commitments are part of the entity's profile.
 */

/** Who records and settles a department's commitments: its officers, agency head and liaison. */
export const commitmentKeeperRoles: readonly Role[] = ['officer', 'agencyHead', 'liaison'];

const commitmentNotFound = () => notFound('信用承诺记录');

/** Records a commitment the entity made to a department; the actor must hold a keeper's role over it. */
export async function recordCommitment(
  ctx: ServiceContext,
  creditCode: string,
  raw: RecordCommitmentInput,
): Promise<EntityCommitmentView> {
  requireActor(ctx);
  const code = creditCode.trim().toUpperCase();
  const problem = creditCodeProblem(code);
  if (problem) throw invalid('creditCode', `统一社会信用代码：${creditCodeMessages[problem]}`);
  const input = recordCommitmentSchema.parse(raw);
  const [organization] = await ctx.tx
    .select({ id: organizations.id, path: organizations.path })
    .from(organizations)
    .where(
      and(
        eq(organizations.tenantCode, ctx.tenantCode),
        eq(organizations.id, input.organizationId),
        eq(organizations.isActive, true),
      ),
    );
  if (!organization) throw invalid('organizationId', '受理承诺的部门不存在或已撤销');
  requireRole(ctx, commitmentKeeperRoles, organization.path);
  const [entity] = await ctx.tx
    .select({ id: entities.id })
    .from(entities)
    .where(and(eq(entities.tenantCode, ctx.tenantCode), eq(entities.creditCode, code)));
  if (!entity)
    throw new AppError('NOT_FOUND', '检查对象名录库中没有该统一社会信用代码的市场主体', 'creditCode');
  if (input.committedOn > civilDate(ctx.clock.now())) throw invalid('committedOn', '承诺日期不能晚于今天');

  const now = ctx.clock.now();
  const row = {
    tenantCode: ctx.tenantCode,
    id: newId(),
    creditCode: code,
    organizationId: organization.id,
    kind: input.kind,
    title: input.title,
    committedOn: input.committedOn,
    dueOn: input.dueOn ?? null,
    status: 'inForce',
    settledOn: null,
    breachNote: null,
    recordedByName: actorName(ctx.actor),
    createdAt: now,
    updatedAt: now,
  };
  await ctx.tx.insert(entityCommitments).values(row);
  await appendAuditEvent(ctx, {
    action: 'commitment.record',
    entityType: 'entityCommitment',
    entityId: row.id,
    organizationId: organization.id,
    change: {
      creditCode: row.creditCode,
      kind: row.kind,
      title: row.title,
      committedOn: row.committedOn,
      dueOn: row.dueOn,
    },
  });
  return viewOf(ctx, row.id);
}

/** 已履约: the commitment was kept. */
export async function fulfilCommitment(ctx: ServiceContext, id: string): Promise<EntityCommitmentView> {
  return settle(ctx, id, 'fulfilled', null);
}

/** 已违诺: the commitment was not kept; the note says how. */
export async function breachCommitment(
  ctx: ServiceContext,
  id: string,
  raw: BreachCommitmentInput,
): Promise<EntityCommitmentView> {
  const { note } = breachCommitmentSchema.parse(raw);
  return settle(ctx, id, 'breached', note);
}

async function settle(
  ctx: ServiceContext,
  id: string,
  status: 'fulfilled' | 'breached',
  breachNote: string | null,
): Promise<EntityCommitmentView> {
  requireActor(ctx);
  const [current] = await ctx.tx
    .select({
      status: entityCommitments.status,
      organizationId: entityCommitments.organizationId,
      path: organizations.path,
    })
    .from(entityCommitments)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, entityCommitments.tenantCode),
        eq(organizations.id, entityCommitments.organizationId),
      ),
    )
    .where(and(eq(entityCommitments.tenantCode, ctx.tenantCode), eq(entityCommitments.id, id)));
  if (!current) throw commitmentNotFound();
  requireRole(ctx, commitmentKeeperRoles, current.path);
  if (current.status !== 'inForce')
    throw new AppError(
      'TRANSITION_FORBIDDEN',
      current.status === 'fulfilled' ? '该承诺已登记为已履约' : '该承诺已登记为已违诺',
    );
  const settledOn = civilDate(ctx.clock.now());
  await ctx.tx
    .update(entityCommitments)
    .set({ status, settledOn, breachNote, updatedAt: ctx.clock.now() })
    .where(and(eq(entityCommitments.tenantCode, ctx.tenantCode), eq(entityCommitments.id, id)));
  await appendAuditEvent(ctx, {
    action: status === 'fulfilled' ? 'commitment.fulfil' : 'commitment.breach',
    entityType: 'entityCommitment',
    entityId: id,
    organizationId: current.organizationId,
    change: { before: { status: current.status }, status, settledOn, breachNote },
  });
  return viewOf(ctx, id);
}

/** An entity's commitments, every department's, newest first. */
export async function listEntityCommitments(
  ctx: ServiceContext,
  creditCode: string,
): Promise<EntityCommitmentView[]> {
  return selectCommitments(ctx, eq(entityCommitments.creditCode, creditCode));
}

async function viewOf(ctx: ServiceContext, id: string): Promise<EntityCommitmentView> {
  const [view] = await selectCommitments(ctx, eq(entityCommitments.id, id));
  if (!view) throw commitmentNotFound();
  return view;
}

async function selectCommitments(ctx: ServiceContext, condition: SQL): Promise<EntityCommitmentView[]> {
  const rows = await ctx.tx
    .select({ commitment: entityCommitments, organizationName: organizations.name })
    .from(entityCommitments)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, entityCommitments.tenantCode),
        eq(organizations.id, entityCommitments.organizationId),
      ),
    )
    .where(and(eq(entityCommitments.tenantCode, ctx.tenantCode), condition))
    .orderBy(desc(entityCommitments.committedOn), desc(entityCommitments.createdAt))
    .limit(500);
  return rows.map((row) => presentCommitment(row.commitment, row.organizationName));
}
