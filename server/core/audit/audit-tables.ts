import { bigint, index, jsonb, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, instant, tenantCode } from '../db/columns';

/**
 * 审计日志: one append-only, hash-chained log per tenant. `leafHash` is the RFC 6962 leaf hash
 * H(0x00 || canonical entry); `chainHash` is H(previous chainHash || leafHash).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    tenantCode: tenantCode(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: instant('occurred_at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    action: varchar('action', { length: 64 }).notNull(),
    entityType: varchar('entity_type', { length: 64 }).notNull(),
    entityId: text('entity_id').notNull(),
    organizationId: uuid('organization_id'),
    change: jsonb('change').notNull(),
    changeDigest: varchar('change_digest', { length: 64 }).notNull(),
    /** sha256 | sm3 */
    algorithm: varchar('algorithm', { length: 8 }).notNull(),
    leafHash: varchar('leaf_hash', { length: 64 }).notNull(),
    chainHash: varchar('chain_hash', { length: 64 }).notNull(),
    ip: varchar('ip', { length: 64 }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.seq] }),
    index('audit_events_entity_idx').on(table.tenantCode, table.entityType, table.entityId),
    index('audit_events_actor_idx').on(table.tenantCode, table.actorUserId),
  ],
);

/** Signed tree heads (RFC 6962 §3.5 shape). */
export const auditTreeHeads = pgTable(
  'audit_tree_heads',
  {
    tenantCode: tenantCode(),
    treeSize: bigint('tree_size', { mode: 'number' }).notNull(),
    rootHash: varchar('root_hash', { length: 64 }).notNull(),
    algorithm: varchar('algorithm', { length: 8 }).notNull(),
    signedAt: instant('signed_at').notNull(),
    keyId: varchar('key_id', { length: 64 }).notNull(),
    signature: text('signature').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantCode, table.treeSize] })],
);

/** Public halves of the tree-head signing keys; the private key stays in the data folder. */
export const auditSigningKeys = pgTable(
  'audit_signing_keys',
  {
    tenantCode: tenantCode(),
    keyId: varchar('key_id', { length: 64 }).notNull(),
    algorithm: varchar('algorithm', { length: 16 }).notNull(),
    publicKeyPem: text('public_key_pem').notNull(),
    createdAt: createdAt(),
    retiredAt: instant('retired_at'),
  },
  (table) => [primaryKey({ columns: [table.tenantCode, table.keyId] })],
);
