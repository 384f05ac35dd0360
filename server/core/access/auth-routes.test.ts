import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { securitySettingsSchema } from '../../../contracts/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import {
  createTestOrganization,
  createTestUser,
  signIn,
  signedInAs,
  testPassword,
  type TestOrganization,
} from '../../test/factories';
import { testDatabaseKinds } from '../../test/test-databases';
import { auditEvents } from '../audit/audit-tables';
import { sessions, users } from './access-tables';
import { totpCodeAt } from './totp';

describe.each(testDatabaseKinds())('sign-in and sessions on %s', (database) => {
  let platform: TestPlatform;
  let city: TestOrganization;
  let county: TestOrganization;
  let otherCounty: TestOrganization;
  let bureau: TestOrganization;

  const signInRequest = (payload: Record<string, unknown>) =>
    platform.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload });
  const me = (headers: Record<string, string>) =>
    platform.app.inject({ method: 'GET', url: '/api/auth/me', headers });
  const userRow = async (username: string) => {
    const [row] = await platform.deps.db
      .select()
      .from(users)
      .where(and(eq(users.tenantCode, platform.config.tenantCode), eq(users.username, username)));
    return row!;
  };

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    city = await createTestOrganization(platform, { name: '示范市人民政府' });
    county = await createTestOrganization(platform, {
      name: '甲县人民政府',
      parentId: city.id,
      kind: 'government',
    });
    otherCounty = await createTestOrganization(platform, {
      name: '乙县人民政府',
      parentId: city.id,
      kind: 'government',
    });
    bureau = await createTestOrganization(platform, { name: '甲县市场监督管理局', parentId: county.id });
  });
  afterAll(async () => platform.close());

  it('signs in with an HttpOnly SameSite=Lax cookie, stores only the token digest, and describes the user', async () => {
    const officer = await createTestUser(platform, { role: 'officer', organizationId: county.id });
    const response = await signInRequest({ username: officer.username, password: testPassword });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('signedIn');
    expect(body.mustChangePassword).toBe(false);
    const cookie = response.cookies.find((candidate) => candidate.name === 'fazhi_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const stored = await platform.deps.db.select().from(sessions).where(eq(sessions.userId, officer.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).toBe(createHash('sha256').update(cookie.value).digest('hex'));
    expect(stored[0]!.id).not.toContain(cookie.value);

    const current = await me({ cookie: `fazhi_session=${cookie.value}` });
    expect(current.statusCode).toBe(200);
    expect(current.json()).toMatchObject({
      user: { username: officer.username },
      roles: [{ role: 'officer', roleLabel: '执法人员', organizationName: '甲县人民政府' }],
      activeOrganization: { id: county.id, name: '甲县人民政府' },
    });
    expect(current.json().organizations.map((organization: { id: string }) => organization.id)).toEqual([
      county.id,
      bureau.id,
    ]);
    // The same token is accepted as a bearer token.
    const bearer = await me({ authorization: `Bearer ${cookie.value}` });
    expect(bearer.statusCode).toBe(200);

    const [signInEvent] = await platform.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.signIn'), eq(auditEvents.entityId, officer.id)));
    expect(signInEvent).toBeDefined();
    expect(JSON.stringify(signInEvent!.change)).not.toContain(testPassword);
  });

  it('answers a wrong password and an unknown user alike, and audits both without the password', async () => {
    const officer = await createTestUser(platform, { role: 'officer', organizationId: county.id });
    const wrong = await signInRequest({ username: officer.username, password: 'Wrong-Password-1' });
    const unknown = await signInRequest({ username: 'nobody-here', password: 'Wrong-Password-1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    const failures = await platform.deps.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.signInFailed'));
    const entities = failures.map((event) => event.entityId);
    expect(entities).toContain(officer.id);
    expect(entities).toContain('nobody-here');
    expect(JSON.stringify(failures.map((event) => event.change))).not.toContain('Wrong-Password-1');
  });

  it('locks the account after 5 consecutive failures for 30 minutes, and the security administrator unlocks it', async () => {
    const officer = await createTestUser(platform, { role: 'officer', organizationId: county.id });
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const response = await signInRequest({ username: officer.username, password: `Wrong-Pass-${attempt}` });
      expect(response.json().code).toBe('INVALID_CREDENTIALS');
    }
    const fifth = await signInRequest({ username: officer.username, password: 'Wrong-Pass-5' });
    expect(fifth.statusCode).toBe(403);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    // 2026-09-28 09:00 Beijing time + 30 minutes.
    expect(fifth.json().message).toContain('2026-09-28 09:30');
    const locked = await signInRequest({ username: officer.username, password: testPassword });
    expect(locked.statusCode).toBe(403);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    const lockEvents = await platform.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.accountLocked'), eq(auditEvents.entityId, officer.id)));
    expect(lockEvents).toHaveLength(1);

    // Another administrator cannot unlock; the security administrator can.
    const systemAdmin = await signedInAs(platform, 'systemAdmin', city.id);
    const refused = await platform.app.inject({
      method: 'POST',
      url: `/api/accounts/${officer.id}/unlock`,
      headers: systemAdmin,
    });
    expect(refused.statusCode).toBe(403);
    const securityAdmin = await signedInAs(platform, 'securityAdmin', city.id);
    const unlocked = await platform.app.inject({
      method: 'POST',
      url: `/api/accounts/${officer.id}/unlock`,
      headers: securityAdmin,
    });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ isLocked: false, failedAttempts: 0 });
    expect((await signInRequest({ username: officer.username, password: testPassword })).statusCode).toBe(
      200,
    );
  });

  it('lifts a lockout by itself once the lock time has passed', async () => {
    const officer = await createTestUser(platform, { role: 'officer', organizationId: county.id });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await signInRequest({ username: officer.username, password: `Wrong-Pass-${attempt}` });
    }
    expect((await userRow(officer.username)).lockedUntil).not.toBeNull();
    platform.clock.advance(29 * 60_000);
    expect((await signInRequest({ username: officer.username, password: testPassword })).json().code).toBe(
      'ACCOUNT_LOCKED',
    );
    platform.clock.advance(2 * 60_000);
    expect((await signInRequest({ username: officer.username, password: testPassword })).statusCode).toBe(
      200,
    );
  });

  it('follows the lockout threshold the security administrator sets', async () => {
    const securityAdmin = await signedInAs(platform, 'securityAdmin', city.id);
    const current = await platform.app.inject({
      method: 'GET',
      url: '/api/security/settings',
      headers: securityAdmin,
    });
    expect(current.statusCode).toBe(200);
    const settings = Object.fromEntries(
      Object.keys(securitySettingsSchema.shape).map((key) => [key, current.json()[key]]),
    );
    const saved = await platform.app.inject({
      method: 'PUT',
      url: '/api/security/settings',
      headers: securityAdmin,
      payload: { ...settings, lockoutThreshold: 3, lockoutMinutes: 10 },
    });
    expect(saved.statusCode).toBe(200);
    try {
      const officer = await createTestUser(platform, { role: 'officer', organizationId: county.id });
      await signInRequest({ username: officer.username, password: 'Wrong-Pass-1' });
      await signInRequest({ username: officer.username, password: 'Wrong-Pass-2' });
      const third = await signInRequest({ username: officer.username, password: 'Wrong-Pass-3' });
      expect(third.json().code).toBe('ACCOUNT_LOCKED');
      const row = await userRow(officer.username);
      expect(row.lockedUntil!.getTime() - platform.clock.now().getTime()).toBe(10 * 60_000);
    } finally {
      await platform.app.inject({
        method: 'PUT',
        url: '/api/security/settings',
        headers: await signedInAs(platform, 'securityAdmin', city.id),
        payload: settings,
      });
    }
  });

  it('ends a session idle for longer than the idle timeout: 401 SESSION_EXPIRED, reason idle', async () => {
    const officer = await createTestUser(platform, { role: 'officer', organizationId: county.id });
    const { headers } = await signIn(platform, officer.username);
    // Activity inside the timeout keeps the session alive.
    platform.clock.advance((platform.config.sessionIdleMinutes - 1) * 60_000);
    expect((await me(headers)).statusCode).toBe(200);
    platform.clock.advance((platform.config.sessionIdleMinutes - 1) * 60_000);
    expect((await me(headers)).statusCode).toBe(200);

    platform.clock.advance((platform.config.sessionIdleMinutes + 1) * 60_000);
    const expired = await me(headers);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');
    const [session] = await platform.deps.db.select().from(sessions).where(eq(sessions.userId, officer.id));
    expect(session!.endReason).toBe('idle');
    expect(session!.endedAt).not.toBeNull();
    // It stays ended even if the user comes back.
    expect((await me(headers)).json().code).toBe('SESSION_EXPIRED');
    // A public route still answers.
    const health = await platform.app.inject({ method: 'GET', url: '/api/health', headers });
    expect(health.statusCode).toBe(200);
  });

  it('ends any session 12 hours after sign-in, however active', async () => {
    const officer = await createTestUser(platform, { role: 'officer', organizationId: county.id });
    const { headers } = await signIn(platform, officer.username);
    for (let step = 0; step < 12 * 4; step += 1) {
      platform.clock.advance(15 * 60_000);
      const response = await me(headers);
      if (step < 12 * 4 - 1) expect(response.statusCode).toBe(200);
      else expect(response.json().code).toBe('SESSION_EXPIRED');
    }
  });

  it('requires a TOTP second factor of the three administrators, enrolling it at the first sign-in', async () => {
    for (const role of ['systemAdmin', 'securityAdmin', 'auditAdmin'] as const) {
      const admin = await createTestUser(platform, { role, organizationId: city.id });
      const first = await signInRequest({ username: admin.username, password: testPassword });
      expect(first.statusCode).toBe(200);
      expect(first.json().status).toBe('totpEnrollmentRequired');
      expect(first.cookies.find((cookie) => cookie.name === 'fazhi_session')).toBeUndefined();
      const { secret, otpauthUri } = first.json();
      expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
      expect(otpauthUri).toContain(`secret=${secret}`);

      const wrongEnrollment = await platform.app.inject({
        method: 'POST',
        url: '/api/auth/totp/enroll',
        payload: {
          username: admin.username,
          password: testPassword,
          totpCode:
            '000000' === totpCodeAt(admin.username, secret, platform.clock.now()) ? '111111' : '000000',
        },
      });
      expect(wrongEnrollment.statusCode).toBe(401);
      expect(wrongEnrollment.json().code).toBe('SECOND_FACTOR_REQUIRED');
      expect((await userRow(admin.username)).totpEnabled).toBe(false);

      const enrolled = await platform.app.inject({
        method: 'POST',
        url: '/api/auth/totp/enroll',
        payload: {
          username: admin.username,
          password: testPassword,
          totpCode: totpCodeAt(admin.username, secret, platform.clock.now()),
        },
      });
      expect(enrolled.statusCode).toBe(200);
      expect(enrolled.json().status).toBe('signedIn');
      expect((await userRow(admin.username)).totpEnabled).toBe(true);

      const withoutCode = await signInRequest({ username: admin.username, password: testPassword });
      expect(withoutCode.statusCode).toBe(401);
      expect(withoutCode.json()).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED', field: 'totpCode' });
      platform.clock.advance(30_000);
      const code = totpCodeAt(admin.username, secret, platform.clock.now());
      const wrongCode = await signInRequest({
        username: admin.username,
        password: testPassword,
        totpCode: code === '123456' ? '654321' : '123456',
      });
      expect(wrongCode.json().code).toBe('SECOND_FACTOR_REQUIRED');
      const withCode = await signInRequest({
        username: admin.username,
        password: testPassword,
        totpCode: code,
      });
      expect(withCode.statusCode).toBe(200);
      expect(withCode.json().status).toBe('signedIn');

      const replayed = await signInRequest({
        username: admin.username,
        password: testPassword,
        totpCode: code,
      });
      expect(replayed.statusCode).toBe(401);
      expect(replayed.json()).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED', field: 'totpCode' });
      expect(replayed.json().message).toContain('已使用');
      expect(replayed.cookies.find((cookie) => cookie.name === 'fazhi_session')).toBeUndefined();
    }
  });

  it('does not ask a business user for a second factor', async () => {
    const reviewer = await createTestUser(platform, { role: 'legalReviewer', organizationId: county.id });
    const response = await signInRequest({ username: reviewer.username, password: testPassword });
    expect(response.json().status).toBe('signedIn');
  });

  it('signs out: the session ends and the cookie no longer opens anything', async () => {
    const officer = await createTestUser(platform, { role: 'officer', organizationId: county.id });
    const { headers } = await signIn(platform, officer.username);
    const out = await platform.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers });
    expect(out.statusCode).toBe(200);
    const after = await me(headers);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
    const [session] = await platform.deps.db.select().from(sessions).where(eq(sessions.userId, officer.id));
    expect(session!.endReason).toBe('signedOut');
    const events = await platform.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.signOut'), eq(auditEvents.entityId, officer.id)));
    expect(events).toHaveLength(1);
  });

  it('switches the active organization within the user scope only', async () => {
    const officer = await createTestUser(platform, { role: 'officer', organizationId: county.id });
    const { headers } = await signIn(platform, officer.username);
    const switched = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/switch-organization',
      headers,
      payload: { organizationId: bureau.id },
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().activeOrganization).toEqual({ id: bureau.id, name: '甲县市场监督管理局' });
    expect((await me(headers)).json().activeOrganization.id).toBe(bureau.id);

    for (const outside of [otherCounty.id, city.id]) {
      const refused = await platform.app.inject({
        method: 'POST',
        url: '/api/auth/switch-organization',
        headers,
        payload: { organizationId: outside },
      });
      expect(refused.statusCode).toBe(404);
    }
    expect((await me(headers)).json().activeOrganization.id).toBe(bureau.id);
  });

  it('changes the password under the policy; refusals name the field and change nothing', async () => {
    const officer = await createTestUser(platform, {
      role: 'officer',
      organizationId: county.id,
      username: 'zhangsan',
    });
    const { headers } = await signIn(platform, officer.username);
    const other = await signIn(platform, officer.username);
    const before = (await userRow('zhangsan')).passwordHash;
    const refusals: [Record<string, unknown>, string][] = [
      [{ currentPassword: testPassword, password: 'Ab1!short' }, 'password'],
      [{ currentPassword: testPassword, password: 'alllowercaseletters' }, 'password'],
      [{ currentPassword: testPassword, password: 'My-zhangsan-2026' }, 'password'],
      [{ currentPassword: testPassword, password: testPassword }, 'password'],
      [{ currentPassword: 'Not-The-Password-1', password: 'Brand-New-Pass-2026' }, 'currentPassword'],
      [{ currentPassword: testPassword }, 'password'],
    ];
    for (const [payload, field] of refusals) {
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        headers,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
      expect(response.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await userRow('zhangsan')).passwordHash).toBe(before);

    const changed = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers,
      payload: { currentPassword: testPassword, password: 'Brand-New-Pass-2026' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await me(headers)).statusCode).toBe(200);
    expect((await me(other.headers)).statusCode).toBe(401);
    expect((await signInRequest({ username: 'zhangsan', password: testPassword })).statusCode).toBe(401);
    expect((await signInRequest({ username: 'zhangsan', password: 'Brand-New-Pass-2026' })).statusCode).toBe(
      200,
    );
  });

  it('requires a password change after 90 days, and allows only the session routes until then', async () => {
    const officer = await createTestUser(platform, { role: 'officer', organizationId: county.id });
    platform.clock.advance(91 * 86_400_000);
    const response = await signInRequest({ username: officer.username, password: testPassword });
    expect(response.json()).toMatchObject({ status: 'signedIn', mustChangePassword: true });
    const cookie = response.cookies.find((candidate) => candidate.name === 'fazhi_session')!;
    const headers = { cookie: `fazhi_session=${cookie.value}` };
    expect((await me(headers)).statusCode).toBe(200);
    const blocked = await platform.app.inject({ method: 'GET', url: '/api/accounts', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers,
      payload: { currentPassword: testPassword, password: 'Autumn-Leaves-2026' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await platform.app.inject({ method: 'GET', url: '/api/accounts', headers })).json().code).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses a deactivated user with the same answer as a wrong password', async () => {
    const officer = await createTestUser(platform, { role: 'officer', organizationId: county.id });
    const session = await signIn(platform, officer.username);
    const systemAdmin = await signedInAs(platform, 'systemAdmin', city.id);
    const deactivated = await platform.app.inject({
      method: 'POST',
      url: `/api/accounts/${officer.id}/deactivate`,
      headers: systemAdmin,
    });
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json().isActive).toBe(false);
    expect((await me(session.headers)).statusCode).toBe(401);
    const refused = await signInRequest({ username: officer.username, password: testPassword });
    expect(refused.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('lets the security administrator reset an administrator’s lost second factor, ending his sessions, but not his own', async () => {
    const admin = await createTestUser(platform, { role: 'systemAdmin', organizationId: city.id });
    const adminSession = await signIn(platform, admin.username, admin.password);
    expect((await userRow(admin.username)).totpEnabled).toBe(true);
    const security = await createTestUser(platform, { role: 'securityAdmin', organizationId: city.id });
    const securitySession = await signIn(platform, security.username, security.password);
    const officerHeaders = await signedInAs(platform, 'officer', county.id);

    const byOfficer = await platform.app.inject({
      method: 'POST',
      url: `/api/accounts/${admin.id}/reset-second-factor`,
      headers: officerHeaders,
    });
    expect(byOfficer.statusCode).toBe(403);
    expect((await userRow(admin.username)).totpEnabled).toBe(true);

    const ownReset = await platform.app.inject({
      method: 'POST',
      url: `/api/accounts/${security.id}/reset-second-factor`,
      headers: securitySession.headers,
    });
    expect(ownReset.statusCode).toBe(403);

    const reset = await platform.app.inject({
      method: 'POST',
      url: `/api/accounts/${admin.id}/reset-second-factor`,
      headers: securitySession.headers,
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().totpEnabled).toBe(false);
    const row = await userRow(admin.username);
    expect(row.totpSecret).toBeNull();
    expect((await me(adminSession.headers)).statusCode).toBe(401);
    const events = await platform.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.resetSecondFactor'), eq(auditEvents.entityId, admin.id)));
    expect(events).toHaveLength(1);

    const again = await signInRequest({ username: admin.username, password: testPassword });
    expect(again.json().status).toBe('totpEnrollmentRequired');
  });
});
