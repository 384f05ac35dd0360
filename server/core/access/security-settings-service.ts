import { and, eq } from 'drizzle-orm';
import {
  defaultSecuritySettings,
  securitySettingsSchema,
  type SecuritySettings,
} from '../../../contracts/accounts';
import { appendAuditEvent } from '../audit/append-audit-event';
import type { Config } from '../config';
import type { ServiceContext } from '../context';
import type { Executor } from '../db/open-database';
import { securitySettingsReadPolicy, securitySettingsWritePolicy } from './access-policy';
import { securitySettings } from './access-tables';

const settingsKey = 'security';

export interface StoredSecuritySettings {
  settings: SecuritySettings;
  updatedAt: Date | null;
}

/** The tenant's security settings: the stored ones over the defaults (min length 10, 3 classes, 90 days, 5 failures, 30 minutes). */
export async function loadSecuritySettings(
  executor: Executor,
  tenantCode: string,
): Promise<StoredSecuritySettings> {
  const [row] = await executor
    .select({ value: securitySettings.value, updatedAt: securitySettings.updatedAt })
    .from(securitySettings)
    .where(and(eq(securitySettings.tenantCode, tenantCode), eq(securitySettings.key, settingsKey)));
  if (!row) return { settings: defaultSecuritySettings, updatedAt: null };
  const parsed = securitySettingsSchema.partial().safeParse(row.value);
  return {
    settings: { ...defaultSecuritySettings, ...(parsed.success ? parsed.data : {}) },
    updatedAt: row.updatedAt,
  };
}

/** The idle timeout that applies: the security administrator's setting, else the configured default. */
export const effectiveIdleMinutes = (
  settings: SecuritySettings,
  config: Pick<Config, 'sessionIdleMinutes'>,
) => settings.sessionIdleMinutes ?? config.sessionIdleMinutes;

/** Reads the security settings (security administrator). */
export async function getSecuritySettings(ctx: ServiceContext): Promise<StoredSecuritySettings> {
  securitySettingsReadPolicy(ctx);
  return loadSecuritySettings(ctx.tx, ctx.tenantCode);
}

/** Replaces the security settings (security administrator of a root organization); audited with before and after. */
export async function updateSecuritySettings(
  ctx: ServiceContext,
  input: SecuritySettings,
): Promise<StoredSecuritySettings> {
  securitySettingsWritePolicy(ctx);
  const before = await loadSecuritySettings(ctx.tx, ctx.tenantCode);
  const now = ctx.clock.now();
  await ctx.tx
    .insert(securitySettings)
    .values({ tenantCode: ctx.tenantCode, key: settingsKey, value: input, updatedAt: now })
    .onConflictDoUpdate({
      target: [securitySettings.tenantCode, securitySettings.key],
      set: { value: input, updatedAt: now },
    });
  await appendAuditEvent(ctx, {
    action: 'securitySettings.update',
    entityType: 'securitySettings',
    entityId: settingsKey,
    change: { before: before.settings, after: input },
  });
  return { settings: input, updatedAt: now };
}
