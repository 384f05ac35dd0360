import { and, asc, desc, eq, gt, gte, ilike, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/open-database';
import { auditEvents, auditSigningKeys, auditTreeHeads } from './audit-tables';

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type TreeHeadRow = typeof auditTreeHeads.$inferSelect;
export type SigningKeyRow = typeof auditSigningKeys.$inferSelect;

/** Number of events and the highest sequence number; equal in an intact log. */
export async function logExtent(
  tx: Executor,
  tenantCode: string,
): Promise<{ count: number; maxSeq: number }> {
  const [row] = await tx
    .select({
      count: sql<number>`count(*)::int`,
      maxSeq: sql<number>`coalesce(max(${auditEvents.seq}), 0)::int`,
    })
    .from(auditEvents)
    .where(eq(auditEvents.tenantCode, tenantCode));
  return { count: row?.count ?? 0, maxSeq: row?.maxSeq ?? 0 };
}

/** Every leaf hash in log order, in one query (the statement's snapshot is a prefix of the log). */
export async function readLeaves(
  tx: Executor,
  tenantCode: string,
  upToSeq?: number,
): Promise<{ seq: number; leafHash: string }[]> {
  return tx
    .select({ seq: auditEvents.seq, leafHash: auditEvents.leafHash })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.tenantCode, tenantCode),
        upToSeq === undefined ? undefined : lte(auditEvents.seq, upToSeq),
      ),
    )
    .orderBy(asc(auditEvents.seq));
}

/** One batch of whole events after `afterSeq`, for walking the log without holding it all in memory. */
export async function readEventBatch(
  tx: Executor,
  tenantCode: string,
  afterSeq: number,
  size: number,
): Promise<AuditEventRow[]> {
  return tx
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.tenantCode, tenantCode), gt(auditEvents.seq, afterSeq)))
    .orderBy(asc(auditEvents.seq))
    .limit(size);
}

export async function latestTreeHead(tx: Executor, tenantCode: string): Promise<TreeHeadRow | null> {
  const [row] = await tx
    .select()
    .from(auditTreeHeads)
    .where(eq(auditTreeHeads.tenantCode, tenantCode))
    .orderBy(desc(auditTreeHeads.treeSize))
    .limit(1);
  return row ?? null;
}

export async function treeHeadOfSize(
  tx: Executor,
  tenantCode: string,
  treeSize: number,
): Promise<TreeHeadRow | null> {
  const [row] = await tx
    .select()
    .from(auditTreeHeads)
    .where(and(eq(auditTreeHeads.tenantCode, tenantCode), eq(auditTreeHeads.treeSize, treeSize)));
  return row ?? null;
}

export async function allTreeHeads(tx: Executor, tenantCode: string): Promise<TreeHeadRow[]> {
  return tx
    .select()
    .from(auditTreeHeads)
    .where(eq(auditTreeHeads.tenantCode, tenantCode))
    .orderBy(asc(auditTreeHeads.treeSize));
}

/** Stores a head unless one of that size exists (several servers may sign at once); returns the stored one. */
export async function insertTreeHead(tx: Executor, head: TreeHeadRow): Promise<TreeHeadRow> {
  await tx.insert(auditTreeHeads).values(head).onConflictDoNothing();
  return (await treeHeadOfSize(tx, head.tenantCode, head.treeSize)) ?? head;
}

export async function signingKeys(tx: Executor, tenantCode: string): Promise<SigningKeyRow[]> {
  return tx
    .select()
    .from(auditSigningKeys)
    .where(eq(auditSigningKeys.tenantCode, tenantCode))
    .orderBy(asc(auditSigningKeys.createdAt), asc(auditSigningKeys.keyId));
}

export interface EventQuery {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** inclusive lower bound */
  from?: Date | undefined;
  /** exclusive upper bound */
  until?: Date | undefined;
  /** the caller's scope, built by the service */
  scope: SQL;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

function eventConditions(tenantCode: string, query: EventQuery): SQL | undefined {
  const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return and(
    eq(auditEvents.tenantCode, tenantCode),
    query.scope,
    query.actor
      ? uuidPattern.test(query.actor)
        ? eq(auditEvents.actorUserId, query.actor)
        : ilike(auditEvents.actorName, `%${escapeLike(query.actor)}%`)
      : undefined,
    query.action
      ? or(eq(auditEvents.action, query.action), ilike(auditEvents.action, `${escapeLike(query.action)}.%`))
      : undefined,
    query.entityType ? eq(auditEvents.entityType, query.entityType) : undefined,
    query.entityId ? eq(auditEvents.entityId, query.entityId) : undefined,
    query.from ? gte(auditEvents.occurredAt, query.from) : undefined,
    query.until ? lt(auditEvents.occurredAt, query.until) : undefined,
  );
}

/** A page of events, newest first, and the number of events matching. */
export async function findEvents(
  tx: Executor,
  tenantCode: string,
  query: EventQuery,
  page: { offset: number; limit: number },
): Promise<{ rows: AuditEventRow[]; total: number }> {
  const where = eventConditions(tenantCode, query);
  const [counted] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(where);
  const rows = await tx
    .select()
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.seq))
    .offset(page.offset)
    .limit(page.limit);
  return { rows, total: counted?.total ?? 0 };
}
