import { and, eq, isNull, ne } from 'drizzle-orm';
import { inTransaction, type Deps } from '../context';
import { appendAuditEvent } from './append-audit-event';
import { auditSigningKeys } from './audit-tables';
import { loadSigningKey } from './signing-key';
import { signTreeHead } from './tree-heads';

/**
 * First-start step: makes or loads the signing key and registers its public half in
 * audit_signing_keys; a key that is no longer the platform's is marked retired, never deleted,
 * so the heads it signed stay checkable. Then signs a head over the log as it stands.
 * Returns no banner lines.
 */
export async function ensureSigningKey(deps: Deps): Promise<string[]> {
  await registerSigningKey(deps);
  await signTreeHead(deps);
  return [];
}

async function registerSigningKey(deps: Deps): Promise<void> {
  const key = loadSigningKey(deps.config);
  await inTransaction(deps, null, async (ctx) => {
    const [existing] = await ctx.tx
      .select({ keyId: auditSigningKeys.keyId, retiredAt: auditSigningKeys.retiredAt })
      .from(auditSigningKeys)
      .where(and(eq(auditSigningKeys.tenantCode, ctx.tenantCode), eq(auditSigningKeys.keyId, key.keyId)));
    if (existing && !existing.retiredAt) return;
    const now = ctx.clock.now();
    const retired = await ctx.tx
      .update(auditSigningKeys)
      .set({ retiredAt: now })
      .where(
        and(
          eq(auditSigningKeys.tenantCode, ctx.tenantCode),
          ne(auditSigningKeys.keyId, key.keyId),
          isNull(auditSigningKeys.retiredAt),
        ),
      )
      .returning({ keyId: auditSigningKeys.keyId });
    if (existing) {
      await ctx.tx
        .update(auditSigningKeys)
        .set({ retiredAt: null })
        .where(and(eq(auditSigningKeys.tenantCode, ctx.tenantCode), eq(auditSigningKeys.keyId, key.keyId)));
    } else {
      await ctx.tx
        .insert(auditSigningKeys)
        .values({
          tenantCode: ctx.tenantCode,
          keyId: key.keyId,
          algorithm: 'ed25519',
          publicKeyPem: key.publicKeyPem,
          createdAt: now,
        })
        .onConflictDoNothing();
    }
    await appendAuditEvent(ctx, {
      action: 'auditSigningKey.register',
      entityType: 'auditSigningKey',
      entityId: key.keyId,
      change: { keyId: key.keyId, algorithm: 'ed25519', retiredKeyIds: retired.map((row) => row.keyId) },
    });
  });
}
