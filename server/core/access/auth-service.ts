import { createHash, randomBytes } from 'node:crypto';
import type {
  ChangePasswordInput,
  CurrentUser,
  SecuritySettings,
  SignInInput,
  TotpEnrollInput,
} from '../../../contracts/accounts';
import { roleLabels } from '../../../contracts/roles';
import { appendAuditEvent } from '../audit/append-audit-event';
import { inTransaction, type Actor, type Deps, type ServiceContext } from '../context';
import { AppError, invalid } from '../errors';
import { outsideScope, requiresSecondFactor } from './access-policy';
import {
  endUserSessions,
  findOrganization,
  findUserById,
  findUserByUsername,
  listOrganizationsUnder,
  listRoleAssignments,
  updateUser,
  type UserRow,
} from './account-repository';
import { requireActor } from './authorize';
import { loadActor } from './load-actor';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password-hashing';
import { checkPasswordPolicy, isPasswordExpired } from './password-rules';
import { effectiveIdleMinutes, loadSecuritySettings } from './security-settings-service';
import { findSession, insertSession, updateSession, type SessionRow } from './session-repository';
import { newTotpSecret, totpStepOfCode, totpUri } from './totp';
import { decryptField, encryptField, loadFieldKey } from '../crypto/field-encryption';

/** TOTP secrets are kept encrypted at rest with the platform's field key, like other secrets of users. */
const sealTotpSecret = (ctx: ServiceContext, secret: string) =>
  encryptField(loadFieldKey(ctx.config), secret);
const openTotpSecret = (ctx: ServiceContext, stored: string) =>
  decryptField(loadFieldKey(ctx.config), stored);

export const sessionCookieName = 'fazhi_session';
/** A session ends 12 hours after sign-in however active it is. */
export const absoluteSessionHours = 12;

/** Only the SHA-256 of a session token is stored, so a leaked table opens no session. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The unlock time as a reader in China sees it, e.g. 2026-09-28 09:30. */
export function formatChinaTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
const accountLocked = (until: Date) =>
  new AppError(
    'ACCOUNT_LOCKED',
    `账号因连续登录失败已被锁定，请于 ${formatChinaTime(until)} 后再试，或联系安全管理员解锁`,
    undefined,
    {
      lockedUntil: until.toISOString(),
    },
  );

export interface ClientInfo {
  ip?: string | undefined;
  userAgent?: string | undefined;
}

export type SignInOutcome =
  | { kind: 'signedIn'; token: string; sessionId: string; actor: Actor; mustChangePassword: boolean }
  | { kind: 'totpEnrollment'; otpauthUri: string; secret: string }
  | { kind: 'refused'; error: AppError };

/**
 * Checks a user's password (and second factor for the three administrators) and opens a session.
 * A refusal is returned, not thrown, so that the failure count and its audit event commit.
 */
export async function signIn(
  ctx: ServiceContext,
  input: SignInInput,
  client: ClientInfo = {},
): Promise<SignInOutcome> {
  const { settings } = await loadSecuritySettings(ctx.tx, ctx.tenantCode);
  const checked = await checkCredentials(ctx, settings, input.username, input.password);
  if (checked.kind === 'refused') return checked;
  const { user, actor } = checked;
  if (requiresSecondFactor(actor.roles.map((held) => held.role))) {
    if (!user.totpEnabled) {
      const secret = user.totpSecret ? openTotpSecret(ctx, user.totpSecret) : newTotpSecret();
      await updateUser(ctx.tx, ctx.tenantCode, user.id, {
        totpSecret: sealTotpSecret(ctx, secret),
        failedAttempts: 0,
        lockedUntil: null,
        updatedAt: ctx.clock.now(),
      });
      await appendAuditEvent(
        { ...ctx, actor },
        {
          action: 'auth.totpEnrollmentStarted',
          entityType: 'user',
          entityId: user.id,
          change: { username: user.username },
        },
      );
      return { kind: 'totpEnrollment', otpauthUri: totpUri(user.username, secret), secret };
    }
    if (!input.totpCode) {
      return {
        kind: 'refused',
        error: new AppError('SECOND_FACTOR_REQUIRED', '管理员账号登录须输入动态验证码', 'totpCode'),
      };
    }
    const step = user.totpSecret
      ? totpStepOfCode(user.username, openTotpSecret(ctx, user.totpSecret), input.totpCode, ctx.clock.now())
      : null;
    if (step === null) return recordFailure(ctx, settings, user, 'wrongTotpCode');
    if (user.totpLastStep !== null && step <= user.totpLastStep) {
      return recordFailure(ctx, settings, user, 'reusedTotpCode');
    }
    await updateUser(ctx.tx, ctx.tenantCode, user.id, { totpLastStep: step });
  }
  return completeSignIn(ctx, settings, user, actor, client);
}

/** Completes an administrator's first sign-in: checks the password again and the code from the new secret. */
export async function enrollTotp(
  ctx: ServiceContext,
  input: TotpEnrollInput,
  client: ClientInfo = {},
): Promise<SignInOutcome> {
  const { settings } = await loadSecuritySettings(ctx.tx, ctx.tenantCode);
  const checked = await checkCredentials(ctx, settings, input.username, input.password);
  if (checked.kind === 'refused') return checked;
  const { user, actor } = checked;
  if (!requiresSecondFactor(actor.roles.map((held) => held.role)) || user.totpEnabled || !user.totpSecret) {
    return {
      kind: 'refused',
      error: new AppError('CONFLICT', '该账号无需绑定动态验证码，或已经绑定；请直接登录'),
    };
  }
  const step = totpStepOfCode(
    user.username,
    openTotpSecret(ctx, user.totpSecret),
    input.totpCode,
    ctx.clock.now(),
  );
  if (step === null) return recordFailure(ctx, settings, user, 'wrongTotpCode');
  const enrolled = await updateUser(ctx.tx, ctx.tenantCode, user.id, {
    totpEnabled: true,
    totpLastStep: step,
    updatedAt: ctx.clock.now(),
  });
  await appendAuditEvent(
    { ...ctx, actor },
    {
      action: 'auth.totpEnrolled',
      entityType: 'user',
      entityId: user.id,
      change: { username: user.username },
    },
  );
  return completeSignIn(ctx, settings, enrolled, actor, client);
}

type CredentialCheck = { kind: 'ok'; user: UserRow; actor: Actor } | { kind: 'refused'; error: AppError };

async function checkCredentials(
  ctx: ServiceContext,
  settings: SecuritySettings,
  username: string,
  password: string,
): Promise<CredentialCheck> {
  const now = ctx.clock.now();
  const user = await findUserByUsername(ctx.tx, ctx.tenantCode, username);
  if (!user?.isActive) {
    // Spend the same time as a real check so the answer does not tell whether the user exists.
    await verifyPassword(password, await decoyPasswordHash(ctx.config.passwordCost));
    await appendAuditEvent(ctx, {
      action: 'auth.signInFailed',
      entityType: 'user',
      entityId: user?.id ?? username,
      change: { username, reason: user ? 'inactive' : 'unknownUser' },
    });
    return { kind: 'refused', error: invalidCredentials() };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await appendAuditEvent(ctx, {
      action: 'auth.signInFailed',
      entityType: 'user',
      entityId: user.id,
      change: { username, reason: 'locked', lockedUntil: user.lockedUntil.toISOString() },
    });
    return { kind: 'refused', error: accountLocked(user.lockedUntil) };
  }
  if (!(await verifyPassword(password, user.passwordHash)))
    return recordFailure(ctx, settings, user, 'wrongPassword');
  const actor = await loadActor(ctx.tx, ctx.tenantCode, user.id);
  if (!actor) return { kind: 'refused', error: invalidCredentials() };
  return { kind: 'ok', user, actor };
}

/** Counts a failure; the threshold-th consecutive one locks the account. */
async function recordFailure(
  ctx: ServiceContext,
  settings: SecuritySettings,
  user: UserRow,
  reason: 'wrongPassword' | 'wrongTotpCode' | 'reusedTotpCode',
): Promise<{ kind: 'refused'; error: AppError }> {
  const now = ctx.clock.now();
  // A lock that has run out starts the count afresh.
  const previous = user.lockedUntil && user.lockedUntil <= now ? 0 : user.failedAttempts;
  const failedAttempts = previous + 1;
  const locks = failedAttempts >= settings.lockoutThreshold;
  const lockedUntil = locks ? new Date(now.getTime() + settings.lockoutMinutes * 60_000) : null;
  await updateUser(ctx.tx, ctx.tenantCode, user.id, {
    failedAttempts: locks ? 0 : failedAttempts,
    lockedUntil,
    updatedAt: now,
  });
  await appendAuditEvent(ctx, {
    action: 'auth.signInFailed',
    entityType: 'user',
    entityId: user.id,
    change: { username: user.username, reason, failedAttempts },
  });
  if (lockedUntil) {
    await appendAuditEvent(ctx, {
      action: 'auth.accountLocked',
      entityType: 'user',
      entityId: user.id,
      change: { username: user.username, failedAttempts, lockedUntil: lockedUntil.toISOString() },
    });
    return { kind: 'refused', error: accountLocked(lockedUntil) };
  }
  if (reason === 'wrongTotpCode') {
    return { kind: 'refused', error: new AppError('SECOND_FACTOR_REQUIRED', '动态验证码不正确', 'totpCode') };
  }
  if (reason === 'reusedTotpCode') {
    return {
      kind: 'refused',
      error: new AppError(
        'SECOND_FACTOR_REQUIRED',
        '该动态验证码已使用过，请等待验证器显示新的验证码',
        'totpCode',
      ),
    };
  }
  return { kind: 'refused', error: invalidCredentials() };
}

async function completeSignIn(
  ctx: ServiceContext,
  settings: SecuritySettings,
  user: UserRow,
  actor: Actor,
  client: ClientInfo,
): Promise<SignInOutcome> {
  const now = ctx.clock.now();
  const mustChangePassword =
    user.mustChangePassword || isPasswordExpired(user.passwordChangedAt, now, settings.passwordExpiryDays);
  await updateUser(ctx.tx, ctx.tenantCode, user.id, {
    failedAttempts: 0,
    lockedUntil: null,
    lastSignInAt: now,
    mustChangePassword,
    updatedAt: now,
  });
  const token = randomBytes(32).toString('base64url');
  const sessionId = sessionIdOf(token);
  await insertSession(ctx.tx, {
    tenantCode: ctx.tenantCode,
    id: sessionId,
    userId: user.id,
    activeOrganizationId: actor.activeOrganizationId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + absoluteSessionHours * 3600_000),
    ip: client.ip ?? null,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
  });
  const signedIn: Actor = { ...actor, sessionId, ...(client.ip ? { ip: client.ip } : {}) };
  await appendAuditEvent(
    { ...ctx, actor: signedIn },
    {
      action: 'auth.signIn',
      entityType: 'user',
      entityId: user.id,
      change: { username: user.username, ip: client.ip ?? null, mustChangePassword },
    },
  );
  return { kind: 'signedIn', token, sessionId, actor: signedIn, mustChangePassword };
}

export type SessionCheck =
  | { kind: 'none' }
  | { kind: 'expired'; reason: 'idle' | 'expired' }
  | { kind: 'active'; actor: Actor; mustChangePassword: boolean };

/**
 * The session a token opens: ended after `idle minutes` without a request (reason `idle`) or 12 hours
 * after sign-in (reason `expired`), measured with the platform clock. An active session is touched.
 */
export async function authenticateSession(
  deps: Deps,
  token: string,
  client: ClientInfo = {},
): Promise<SessionCheck> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { kind: 'none' };
  const sessionId = sessionIdOf(token);
  return inTransaction(deps, null, async (ctx) => {
    const session = await findSession(ctx.tx, ctx.tenantCode, sessionId);
    if (!session) return { kind: 'none' };
    if (session.endedAt) {
      return session.endReason === 'idle' || session.endReason === 'expired'
        ? { kind: 'expired', reason: session.endReason }
        : { kind: 'none' };
    }
    const now = ctx.clock.now();
    const { settings } = await loadSecuritySettings(ctx.tx, ctx.tenantCode);
    const idleMs = effectiveIdleMinutes(settings, ctx.config) * 60_000;
    const reason =
      now.getTime() - session.lastSeenAt.getTime() > idleMs
        ? 'idle'
        : now >= session.expiresAt
          ? 'expired'
          : null;
    if (reason) {
      await updateSession(ctx.tx, ctx.tenantCode, sessionId, { endedAt: now, endReason: reason });
      await appendAuditEvent(ctx, {
        action: 'auth.sessionEnded',
        entityType: 'user',
        entityId: session.userId,
        change: { reason, lastSeenAt: session.lastSeenAt.toISOString() },
      });
      return { kind: 'expired', reason };
    }
    const user = await findUserById(ctx.tx, ctx.tenantCode, session.userId);
    const actor = await loadActor(ctx.tx, ctx.tenantCode, session.userId, {
      activeOrganizationId: session.activeOrganizationId,
      sessionId,
      ...(client.ip ? { ip: client.ip } : {}),
    });
    if (!user || !actor) {
      await updateSession(ctx.tx, ctx.tenantCode, sessionId, { endedAt: now, endReason: 'revoked' });
      return { kind: 'none' };
    }
    await updateSession(ctx.tx, ctx.tenantCode, sessionId, { lastSeenAt: now });
    return { kind: 'active', actor, mustChangePassword: user.mustChangePassword };
  });
}

/** Ends the caller's session. */
export async function signOut(ctx: ServiceContext): Promise<void> {
  const actor = requireActor(ctx);
  if (!actor.sessionId) return;
  await updateSession(ctx.tx, ctx.tenantCode, actor.sessionId, {
    endedAt: ctx.clock.now(),
    endReason: 'signedOut',
  });
  await appendAuditEvent(ctx, {
    action: 'auth.signOut',
    entityType: 'user',
    entityId: actor.userId,
    change: { username: actor.username },
  });
}

/** Makes another organization within the user's role subtrees the active one for this session. */
export async function switchOrganization(ctx: ServiceContext, organizationId: string): Promise<Actor> {
  const actor = requireActor(ctx);
  const organization = await findOrganization(ctx.tx, ctx.tenantCode, organizationId);
  if (!organization || !actor.roles.some((held) => organization.path.startsWith(held.organizationPath))) {
    throw outsideScope();
  }
  if (actor.sessionId) {
    await updateSession(ctx.tx, ctx.tenantCode, actor.sessionId, { activeOrganizationId: organization.id });
  }
  await appendAuditEvent(ctx, {
    action: 'auth.switchOrganization',
    entityType: 'user',
    entityId: actor.userId,
    organizationId: organization.id,
    change: { from: actor.activeOrganizationId, to: organization.id },
  });
  return { ...actor, activeOrganizationId: organization.id };
}

/** Changes the caller's own password after checking the current one; other sessions end. */
export async function changePassword(ctx: ServiceContext, input: ChangePasswordInput): Promise<void> {
  const actor = requireActor(ctx);
  const user = await findUserById(ctx.tx, ctx.tenantCode, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw invalid('currentPassword', '当前密码不正确');
  }
  if (input.password === input.currentPassword) throw invalid('password', '新密码不能与当前密码相同');
  const { settings } = await loadSecuritySettings(ctx.tx, ctx.tenantCode);
  checkPasswordPolicy(input.password, user.username, settings);
  const now = ctx.clock.now();
  await updateUser(ctx.tx, ctx.tenantCode, user.id, {
    passwordHash: await hashPassword(input.password, ctx.config.passwordCost),
    passwordChangedAt: now,
    mustChangePassword: false,
    updatedAt: now,
  });
  await endUserSessions(ctx.tx, ctx.tenantCode, user.id, now, 'passwordChanged', actor.sessionId);
  await appendAuditEvent(ctx, {
    action: 'user.changePassword',
    entityType: 'user',
    entityId: user.id,
    change: { username: user.username },
  });
}

/** Who the caller is: roles with organization names, the active organization and the ones he may switch to. */
export async function describeCurrentUser(ctx: ServiceContext): Promise<CurrentUser> {
  const actor = requireActor(ctx);
  const user = await findUserById(ctx.tx, ctx.tenantCode, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
  const assignments = await listRoleAssignments(ctx.tx, ctx.tenantCode, [actor.userId]);
  const paths = [...new Set(assignments.map((assignment) => assignment.organizationPath))];
  const reachable = await listOrganizationsUnder(ctx.tx, ctx.tenantCode, paths);
  const active = actor.activeOrganizationId
    ? await findOrganization(ctx.tx, ctx.tenantCode, actor.activeOrganizationId)
    : undefined;
  const session: SessionRow | undefined = actor.sessionId
    ? await findSession(ctx.tx, ctx.tenantCode, actor.sessionId)
    : undefined;
  const { settings } = await loadSecuritySettings(ctx.tx, ctx.tenantCode);
  const idleMinutes = effectiveIdleMinutes(settings, ctx.config);
  const shallowest = Math.min(...paths.map(depthOf));
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      mustChangePassword: user.mustChangePassword,
      totpEnabled: user.totpEnabled,
    },
    roles: assignments.map((assignment) => ({
      role: assignment.role,
      roleLabel: roleLabels[assignment.role],
      organizationId: assignment.organizationId,
      organizationName: assignment.organizationName,
    })),
    activeOrganization: active ? { id: active.id, name: active.name } : null,
    organizations: reachable.map((organization) => ({
      id: organization.id,
      name: organization.name,
      parentId: organization.parentId,
      depth: depthOf(organization.path) - shallowest,
    })),
    session: {
      idleMinutes,
      expiresAt: (
        session?.expiresAt ?? new Date(ctx.clock.now().getTime() + absoluteSessionHours * 3600_000)
      ).toISOString(),
    },
  };
}

const depthOf = (path: string) => path.split('/').filter(Boolean).length;
