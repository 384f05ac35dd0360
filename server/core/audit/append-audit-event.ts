import { desc, eq, sql } from 'drizzle-orm';
import { actorName, type ServiceContext } from '../context';
import { auditEvents } from './audit-tables';
import { canonicalJson, hash, leafHash, type HashAlgorithm } from './hashing';

export interface AuditEventInput {
  /** verb in camelCase, e.g. `organization.create` */
  action: string;
  entityType: string;
  entityId: string;
  organizationId?: string | null;
  /** what changed: new values, or { before, after } */
  change: unknown;
}

/** The exact text that is hashed into an event's leaf. Verification rebuilds it from the stored row. */
export function auditLeafText(event: {
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  organizationId: string | null;
  changeDigest: string;
}): string {
  return canonicalJson({
    seq: event.seq,
    occurredAt: event.occurredAt.toISOString(),
    actorUserId: event.actorUserId,
    actorName: event.actorName,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    organizationId: event.organizationId,
    changeDigest: event.changeDigest,
  });
}

/**
 * Appends one event to the tenant's hash-chained log inside the caller's transaction, so the
 * event commits with the write it records. Appends are serialized per tenant by an advisory lock.
 */
export async function appendAuditEvent(ctx: ServiceContext, input: AuditEventInput): Promise<number> {
  const algorithm: HashAlgorithm = ctx.config.auditHash;
  await ctx.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'audit:' + ctx.tenantCode}))`);
  const [last] = await ctx.tx
    .select({ seq: auditEvents.seq, chainHash: auditEvents.chainHash })
    .from(auditEvents)
    .where(eq(auditEvents.tenantCode, ctx.tenantCode))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const occurredAt = ctx.clock.now();
  const change = JSON.parse(canonicalJson(input.change ?? null)) as unknown;
  const changeDigest = hash(algorithm, canonicalJson(change)).toString('hex');
  const row = {
    seq,
    occurredAt,
    actorUserId: ctx.actor?.userId ?? null,
    actorName: actorName(ctx.actor),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    organizationId: input.organizationId ?? null,
    changeDigest,
  };
  const leaf = leafHash(algorithm, auditLeafText(row));
  const previous = last ? Buffer.from(last.chainHash, 'hex') : Buffer.alloc(0);
  const chainHash = hash(algorithm, previous, leaf).toString('hex');
  await ctx.tx.insert(auditEvents).values({
    tenantCode: ctx.tenantCode,
    ...row,
    change,
    algorithm,
    leafHash: leaf.toString('hex'),
    chainHash,
    ip: ctx.actor?.ip ?? null,
  });
  return seq;
}
