import type { Account, SecuritySettings } from '../../../contracts/accounts';
import { roleLabels } from '../../../contracts/roles';
import type { Config } from '../config';
import type { AccountRecord } from './account-service';
import { effectiveIdleMinutes, type StoredSecuritySettings } from './security-settings-service';

/** An account as the system administrator sees it: never the password hash or the TOTP secret. */
export function presentAccount({ user, roles }: AccountRecord, now: Date): Account {
  const isLocked = user.lockedUntil !== null && user.lockedUntil > now;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    personId: user.personId,
    isActive: user.isActive,
    isLocked,
    lockedUntil: isLocked && user.lockedUntil ? user.lockedUntil.toISOString() : null,
    failedAttempts: user.failedAttempts,
    mustChangePassword: user.mustChangePassword,
    totpEnabled: user.totpEnabled,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    roles: roles.map((held) => ({
      id: held.id,
      role: held.role,
      roleLabel: roleLabels[held.role],
      organizationId: held.organizationId,
      organizationName: held.organizationName,
    })),
  };
}

export function presentSecuritySettings(
  stored: StoredSecuritySettings,
  config: Pick<Config, 'sessionIdleMinutes'>,
): SecuritySettings & { effectiveSessionIdleMinutes: number; updatedAt: string | null } {
  return {
    ...stored.settings,
    effectiveSessionIdleMinutes: effectiveIdleMinutes(stored.settings, config),
    updatedAt: stored.updatedAt?.toISOString() ?? null,
  };
}
