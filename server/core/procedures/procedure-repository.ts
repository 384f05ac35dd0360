import { and, asc, eq, gte, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { DeadlineStatus, DeadlineUnit, ProcedureEffect } from '../../../contracts/procedures';
import type { ServiceContext } from '../context';
import { organizationScope } from '../access/scope';
import { organizations } from '../../modules/org/org-tables';
import type {
  DeadlineExtensionRecord,
  DeadlineHistoryEntry,
  DeadlinePause,
  DeadlineRecord,
} from './deadline-rules';
import { deadlines, procedureInstances, procedureSteps, type DeadlineRow } from './procedure-tables';

export type InstanceRow = typeof procedureInstances.$inferSelect;
export type StepRow = typeof procedureSteps.$inferSelect;

export interface ScopedInstance {
  instance: InstanceRow;
  organizationPath: string;
}

/** The instance if it lies in the actor's scope (outside scope it is simply not found). */
export async function findScopedInstance(ctx: ServiceContext, id: string): Promise<ScopedInstance | null> {
  const [row] = await ctx.tx
    .select({ instance: procedureInstances, organizationPath: organizations.path })
    .from(procedureInstances)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, procedureInstances.tenantCode),
        eq(organizations.id, procedureInstances.organizationId),
      ),
    )
    .where(
      and(
        eq(procedureInstances.tenantCode, ctx.tenantCode),
        eq(procedureInstances.id, id),
        organizationScope(ctx, procedureInstances.organizationId),
      ),
    );
  return row ?? null;
}

/** The organization's subtree path if it lies in the actor's scope. */
export async function findScopedOrganizationPath(
  ctx: ServiceContext,
  organizationId: string,
): Promise<string | null> {
  const [row] = await ctx.tx
    .select({ path: organizations.path })
    .from(organizations)
    .where(
      and(
        eq(organizations.tenantCode, ctx.tenantCode),
        eq(organizations.id, organizationId),
        organizationScope(ctx, organizations.id),
      ),
    );
  return row?.path ?? null;
}

export async function insertInstance(
  ctx: ServiceContext,
  values: Omit<typeof procedureInstances.$inferInsert, 'tenantCode'>,
): Promise<InstanceRow> {
  const [row] = await ctx.tx
    .insert(procedureInstances)
    .values({ ...values, tenantCode: ctx.tenantCode })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Moves the instance on if nobody else did since `revision` was read; null when someone did. */
export async function advanceInstance(
  ctx: ServiceContext,
  input: { id: string; revision: number; state: string; data: Record<string, unknown> },
): Promise<InstanceRow | null> {
  const [row] = await ctx.tx
    .update(procedureInstances)
    .set({ state: input.state, data: input.data, revision: input.revision + 1, updatedAt: ctx.clock.now() })
    .where(
      and(
        eq(procedureInstances.tenantCode, ctx.tenantCode),
        eq(procedureInstances.id, input.id),
        eq(procedureInstances.revision, input.revision),
      ),
    )
    .returning();
  return row ?? null;
}

export async function insertStep(
  ctx: ServiceContext,
  values: Omit<typeof procedureSteps.$inferInsert, 'tenantCode'> & { effects: readonly ProcedureEffect[] },
): Promise<void> {
  await ctx.tx
    .insert(procedureSteps)
    .values({ ...values, effects: [...values.effects], tenantCode: ctx.tenantCode });
}

export async function listSteps(ctx: ServiceContext, instanceId: string): Promise<StepRow[]> {
  return ctx.tx
    .select()
    .from(procedureSteps)
    .where(and(eq(procedureSteps.tenantCode, ctx.tenantCode), eq(procedureSteps.instanceId, instanceId)))
    .orderBy(asc(procedureSteps.revision), asc(procedureSteps.performedAt));
}

export function toDeadlineRecord(row: DeadlineRow): DeadlineRecord {
  return {
    id: row.id,
    instanceId: row.instanceId,
    organizationId: row.organizationId,
    key: row.key,
    label: row.label,
    citation: row.citation,
    startDate: row.startDate,
    length: row.length,
    unit: row.unit as DeadlineUnit,
    dueDate: row.dueDate,
    status: row.status as DeadlineStatus,
    pauses: row.pauses as DeadlinePause[],
    extensions: row.extensions as DeadlineExtensionRecord[],
    history: row.history as DeadlineHistoryEntry[],
    metAt: row.metAt,
  };
}

export async function listInstanceDeadlines(
  ctx: ServiceContext,
  instanceId: string,
): Promise<DeadlineRecord[]> {
  const rows = await ctx.tx
    .select()
    .from(deadlines)
    .where(and(eq(deadlines.tenantCode, ctx.tenantCode), eq(deadlines.instanceId, instanceId)))
    .orderBy(asc(deadlines.createdAt), asc(deadlines.id));
  return rows.map(toDeadlineRecord);
}

/** The deadlines of several instances in one read (a list's due dates), by instance. */
export async function listDeadlinesOfInstances(
  ctx: ServiceContext,
  instanceIds: readonly string[],
): Promise<Map<string, DeadlineRecord[]>> {
  const byInstance = new Map<string, DeadlineRecord[]>();
  if (instanceIds.length === 0) return byInstance;
  const rows = await ctx.tx
    .select()
    .from(deadlines)
    .where(and(eq(deadlines.tenantCode, ctx.tenantCode), inArray(deadlines.instanceId, [...instanceIds])))
    .orderBy(asc(deadlines.createdAt), asc(deadlines.id));
  for (const row of rows) {
    const list = byInstance.get(row.instanceId) ?? [];
    list.push(toDeadlineRecord(row));
    byInstance.set(row.instanceId, list);
  }
  return byInstance;
}

/** Inserts new deadlines and writes changed ones back. */
export async function saveDeadlines(
  ctx: ServiceContext,
  changed: { record: DeadlineRecord; isNew: boolean }[],
): Promise<void> {
  for (const { record, isNew } of changed) {
    const values = {
      startDate: record.startDate,
      length: record.length,
      unit: record.unit,
      dueDate: record.dueDate,
      status: record.status,
      pauses: record.pauses,
      extensions: record.extensions,
      history: record.history,
      metAt: record.metAt,
    };
    if (isNew) {
      await ctx.tx.insert(deadlines).values({
        ...values,
        tenantCode: ctx.tenantCode,
        id: record.id,
        instanceId: record.instanceId,
        organizationId: record.organizationId,
        key: record.key,
        label: record.label,
        citation: record.citation,
      });
    } else {
      await ctx.tx
        .update(deadlines)
        .set({ ...values, updatedAt: ctx.clock.now() })
        .where(and(eq(deadlines.tenantCode, ctx.tenantCode), eq(deadlines.id, record.id)));
    }
  }
}

/** Open deadlines in the actor's scope due in [from, to] (either bound optional), with their instance. */
export async function listScopedOpenDeadlines(
  ctx: ServiceContext,
  range: { dueBefore?: string; dueFrom?: string; dueTo?: string },
): Promise<{ deadline: DeadlineRecord; instance: InstanceRow }[]> {
  const rows = await ctx.tx
    .select({ deadline: deadlines, instance: procedureInstances })
    .from(deadlines)
    .innerJoin(
      procedureInstances,
      and(
        eq(procedureInstances.tenantCode, deadlines.tenantCode),
        eq(procedureInstances.id, deadlines.instanceId),
      ),
    )
    .where(
      and(
        eq(deadlines.tenantCode, ctx.tenantCode),
        eq(deadlines.status, 'open'),
        organizationScope(ctx, deadlines.organizationId),
        range.dueBefore === undefined ? undefined : lt(deadlines.dueDate, range.dueBefore),
        range.dueFrom === undefined ? undefined : gte(deadlines.dueDate, range.dueFrom),
        range.dueTo === undefined ? undefined : lte(deadlines.dueDate, range.dueTo),
      ),
    )
    .orderBy(asc(deadlines.dueDate), asc(deadlines.id));
  return rows.map((row) => ({ deadline: toDeadlineRecord(row.deadline), instance: row.instance }));
}

/**
 * Every running (open or paused) deadline of the tenant whose computation can reach `year`:
 * started on or before its last day and due on or after its first day, or still waiting for a
 * due date. Not scoped: recomputation after a calendar edit is the platform's own work.
 */
export async function listRunningDeadlinesTouchingYear(
  ctx: ServiceContext,
  year: number,
): Promise<DeadlineRecord[]> {
  const rows = await ctx.tx
    .select()
    .from(deadlines)
    .where(
      and(
        eq(deadlines.tenantCode, ctx.tenantCode),
        inArray(deadlines.status, ['open', 'paused']),
        lte(deadlines.startDate, `${year}-12-31`),
        or(isNull(deadlines.dueDate), gte(deadlines.dueDate, `${year}-01-01`)),
      ),
    )
    .orderBy(asc(deadlines.id));
  return rows.map(toDeadlineRecord);
}
