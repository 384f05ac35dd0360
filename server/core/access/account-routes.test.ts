import ExcelJS from 'exceljs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { securitySettingsSchema } from '../../../contracts/accounts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import {
  createTestOrganization,
  createTestUser,
  signIn,
  signInNewUser,
  testPassword,
  type TestOrganization,
  type TestUser,
} from '../../test/factories';
import { testDatabaseKinds } from '../../test/test-databases';
import { queryRows } from '../db/query-rows';

type Headers = { cookie: string };

/** The settings fields of a GET /api/security/settings answer. */
const pick = (view: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(securitySettingsSchema.shape).map((key) => [key, view[key]]));

describe.each(testDatabaseKinds())('accounts, roles and security settings on %s', (database) => {
  let platform: TestPlatform;
  let city: TestOrganization;
  let countyA: TestOrganization;
  let countyB: TestOrganization;
  let bureauA: TestOrganization;
  let systemAdmin: { user: TestUser; headers: Headers };
  let countyAdminA: { user: TestUser; headers: Headers };
  let securityAdmin: { user: TestUser; headers: Headers };
  let auditAdmin: { user: TestUser; headers: Headers };
  let officerA: TestUser;
  let officerB: TestUser;

  const inject = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    headers?: Headers,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> => {
    const options: InjectOptions = { method, url };
    if (headers) options.headers = headers;
    if (payload !== undefined) options.payload = payload as InjectOptions['payload'];
    return platform.app.inject(options);
  };

  /** Rows of the tables this part writes, the audit log included. */
  async function countRows(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of ['users', 'role_assignments', 'security_settings', 'audit_events']) {
      const [row] = await queryRows<{ n: number }>(
        platform.deps.db,
        sql.raw(`SELECT count(*)::int AS n FROM ${table}`),
      );
      counts[table] = row?.n ?? 0;
    }
    const [hashes] = await queryRows<{ digest: string }>(
      platform.deps.db,
      sql.raw(
        `SELECT md5(coalesce(string_agg(id::text || display_name || password_hash || is_active::text || coalesce(person_id::text, ''), ',' ORDER BY id), '')) AS digest FROM users`,
      ),
    );
    counts[hashes?.digest ?? ''] = 1;
    return counts;
  }

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    city = await createTestOrganization(platform, { name: '示范市人民政府' });
    countyA = await createTestOrganization(platform, { name: '甲县人民政府', parentId: city.id });
    countyB = await createTestOrganization(platform, { name: '乙县人民政府', parentId: city.id });
    bureauA = await createTestOrganization(platform, { name: '甲县生态环境局', parentId: countyA.id });
    systemAdmin = await signInNewUser(platform, 'systemAdmin', city.id);
    countyAdminA = await signInNewUser(platform, 'systemAdmin', countyA.id);
    securityAdmin = await signInNewUser(platform, 'securityAdmin', city.id);
    auditAdmin = await signInNewUser(platform, 'auditAdmin', city.id);
    officerA = await createTestUser(platform, {
      role: 'officer',
      organizationId: bureauA.id,
      username: 'wang.wu',
    });
    officerB = await createTestUser(platform, {
      role: 'officer',
      organizationId: countyB.id,
      username: 'li.si',
    });
  });
  afterAll(async () => platform.close());

  it("keeps the three administrators apart: none can do another one's work (403)", async () => {
    const settings = await inject('GET', '/api/security/settings', securityAdmin.headers);
    const payload = securitySettingsSchema.parse(pick(settings.json()));
    const work: Record<'systemAdmin' | 'securityAdmin' | 'auditAdmin', [string, string, unknown?][]> = {
      systemAdmin: [
        ['GET', '/api/accounts'],
        ['GET', '/api/accounts/export'],
        [
          'POST',
          '/api/accounts',
          {
            username: 'new.one',
            displayName: '新人',
            password: 'Fresh-Start-2026',
            roles: [{ role: 'officer', organizationId: bureauA.id }],
          },
        ],
        ['POST', `/api/accounts/${officerA.id}/reset-password`, {}],
        ['POST', `/api/accounts/${officerA.id}/roles`, { role: 'legalReviewer', organizationId: bureauA.id }],
      ],
      securityAdmin: [
        ['PUT', '/api/security/settings', payload],
        ['POST', `/api/accounts/${officerA.id}/unlock`],
      ],
      auditAdmin: [
        ['GET', '/api/audit/events'],
        ['GET', '/api/audit/events/export'],
        ['POST', '/api/audit/verify'],
      ],
    };
    const admins = { systemAdmin, securityAdmin, auditAdmin };
    for (const [owner, routes] of Object.entries(work)) {
      for (const [other, session] of Object.entries(admins)) {
        if (other === owner) continue;
        for (const [method, url, body] of routes) {
          const before = await countRows();
          const response = await inject(method as 'GET', url, session.headers, body);
          expect(response.statusCode, `${other} → ${method} ${url}: ${response.body}`).toBe(403);
          expect(response.json().code).toBe('FORBIDDEN');
          expect(await countRows()).toEqual(before);
        }
      }
    }
    // And each one can do his own.
    expect((await inject('GET', '/api/accounts', systemAdmin.headers)).statusCode).toBe(200);
    expect((await inject('PUT', '/api/security/settings', securityAdmin.headers, payload)).statusCode).toBe(
      200,
    );
    expect((await inject('GET', '/api/audit/events', auditAdmin.headers)).statusCode).toBe(200);
  });

  it('never lets the system administrator give himself a role, nor mix administrator and business roles', async () => {
    for (const role of ['securityAdmin', 'auditAdmin', 'systemAdmin', 'officer'] as const) {
      const self = await inject('POST', `/api/accounts/${systemAdmin.user.id}/roles`, systemAdmin.headers, {
        role,
        organizationId: countyA.id,
      });
      expect(self.statusCode, role).toBe(403);
    }
    const mixAdministrators = await inject(
      'POST',
      `/api/accounts/${securityAdmin.user.id}/roles`,
      systemAdmin.headers,
      {
        role: 'auditAdmin',
        organizationId: city.id,
      },
    );
    expect(mixAdministrators.statusCode).toBe(400);
    expect(mixAdministrators.json().field).toBe('role');
    const adminWithBusiness = await inject(
      'POST',
      `/api/accounts/${auditAdmin.user.id}/roles`,
      systemAdmin.headers,
      {
        role: 'leader',
        organizationId: city.id,
      },
    );
    expect(adminWithBusiness.statusCode).toBe(400);
    const businessWithAdmin = await inject(
      'POST',
      `/api/accounts/${officerA.id}/roles`,
      systemAdmin.headers,
      {
        role: 'securityAdmin',
        organizationId: countyA.id,
      },
    );
    expect(businessWithAdmin.statusCode).toBe(400);
    const createMixed = await inject('POST', '/api/accounts', systemAdmin.headers, {
      username: 'mixed.roles',
      displayName: '混合',
      password: 'Mixed-Roles-2026',
      roles: [
        { role: 'officer', organizationId: bureauA.id },
        { role: 'auditAdmin', organizationId: city.id },
      ],
    });
    expect(createMixed.statusCode).toBe(400);
    expect(createMixed.json().field).toBe('roles.1.role');
  });

  it('scopes a county system administrator to his county: county B users are not found (404/empty)', async () => {
    const list = await inject('GET', '/api/accounts?pageSize=200', countyAdminA.headers);
    expect(list.statusCode).toBe(200);
    const usernames = list.json().items.map((item: { username: string }) => item.username);
    expect(usernames).toContain('wang.wu');
    expect(usernames).not.toContain('li.si');
    expect(usernames).not.toContain(systemAdmin.user.username);
    const filtered = await inject('GET', `/api/accounts?organizationId=${countyB.id}`, countyAdminA.headers);
    expect(filtered.json().total).toBe(0);
    const searched = await inject('GET', '/api/accounts?search=li.si', countyAdminA.headers);
    expect(searched.json().total).toBe(0);

    const before = await countRows();
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/accounts/${officerB.id}`],
      ['PUT', `/api/accounts/${officerB.id}`, { displayName: '改名' }],
      ['POST', `/api/accounts/${officerB.id}/deactivate`],
      ['POST', `/api/accounts/${officerB.id}/reset-password`, {}],
      ['POST', `/api/accounts/${officerB.id}/roles`, { role: 'legalReviewer', organizationId: countyA.id }],
      ['POST', `/api/accounts/${officerA.id}/roles`, { role: 'legalReviewer', organizationId: countyB.id }],
      [
        'POST',
        '/api/accounts',
        {
          username: 'b.person',
          displayName: '乙县人',
          password: 'County-B-Pass-26',
          roles: [{ role: 'officer', organizationId: countyB.id }],
        },
      ],
    ];
    for (const [method, url, body] of attempts) {
      const response = await inject(method as 'GET', url, countyAdminA.headers, body);
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(404);
      expect(response.json().code).toBe('NOT_FOUND');
    }
    expect(await countRows()).toEqual(before);

    // The city's administrator sees both counties.
    const cityList = await inject('GET', '/api/accounts?role=officer&pageSize=200', systemAdmin.headers);
    const cityUsernames = cityList.json().items.map((item: { username: string }) => item.username);
    expect(cityUsernames).toEqual(expect.arrayContaining(['wang.wu', 'li.si']));
  });

  it('creates, searches, edits, resets, deactivates and assigns roles, auditing each write', async () => {
    const created = await inject('POST', '/api/accounts', countyAdminA.headers, {
      username: 'zhao.liu',
      displayName: '赵六',
      password: 'Initial-Pass-2026',
      roles: [{ role: 'legalReviewer', organizationId: bureauA.id }],
    });
    expect(created.statusCode).toBe(201);
    const account = created.json();
    expect(account).toMatchObject({
      username: 'zhao.liu',
      mustChangePassword: true,
      isActive: true,
      roles: [{ role: 'legalReviewer', roleLabel: '法制审核人员', organizationName: '甲县生态环境局' }],
    });
    expect(JSON.stringify(account)).not.toContain('scrypt');
    const duplicate = await inject('POST', '/api/accounts', countyAdminA.headers, {
      username: 'zhao.liu',
      displayName: '赵六',
      password: 'Initial-Pass-2026',
      roles: [{ role: 'legalReviewer', organizationId: bureauA.id }],
    });
    expect(duplicate.statusCode).toBe(409);

    const found = await inject('GET', '/api/accounts?search=赵', countyAdminA.headers);
    expect(found.json().items.map((item: { username: string }) => item.username)).toEqual(['zhao.liu']);
    const byRole = await inject('GET', '/api/accounts?role=legalReviewer', countyAdminA.headers);
    expect(byRole.json().items.map((item: { username: string }) => item.username)).toEqual(['zhao.liu']);

    const edited = await inject('PUT', `/api/accounts/${account.id}`, countyAdminA.headers, {
      displayName: '赵六六',
    });
    expect(edited.json().displayName).toBe('赵六六');

    const assigned = await inject('POST', `/api/accounts/${account.id}/roles`, countyAdminA.headers, {
      role: 'officer',
      organizationId: bureauA.id,
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().roles).toHaveLength(2);
    const again = await inject('POST', `/api/accounts/${account.id}/roles`, countyAdminA.headers, {
      role: 'officer',
      organizationId: bureauA.id,
    });
    expect(again.statusCode).toBe(409);
    const officerRole = assigned.json().roles.find((role: { role: string }) => role.role === 'officer');
    const removed = await inject(
      'DELETE',
      `/api/accounts/${account.id}/roles/${officerRole.id}`,
      countyAdminA.headers,
    );
    expect(removed.json().roles).toHaveLength(1);
    const lastRole = removed.json().roles[0];
    const keepOne = await inject(
      'DELETE',
      `/api/accounts/${account.id}/roles/${lastRole.id}`,
      countyAdminA.headers,
    );
    expect(keepOne.statusCode).toBe(400);

    const reset = await inject(
      'POST',
      `/api/accounts/${account.id}/reset-password`,
      countyAdminA.headers,
      {},
    );
    expect(reset.statusCode).toBe(200);
    const temporary = reset.json().temporaryPassword as string;
    expect(temporary).toHaveLength(16);
    const signedIn = await inject('POST', '/api/auth/sign-in', undefined, {
      username: 'zhao.liu',
      password: temporary,
    });
    expect(signedIn.json()).toMatchObject({ status: 'signedIn', mustChangePassword: true });

    const deactivated = await inject('POST', `/api/accounts/${account.id}/deactivate`, countyAdminA.headers);
    expect(deactivated.json().isActive).toBe(false);
    const inactive = await inject('GET', '/api/accounts?active=false', countyAdminA.headers);
    expect(inactive.json().items.map((item: { username: string }) => item.username)).toContain('zhao.liu');
    const self = await inject(
      'POST',
      `/api/accounts/${countyAdminA.user.id}/deactivate`,
      countyAdminA.headers,
    );
    expect(self.statusCode).toBe(403);

    const actions = await queryRows<{ action: string }>(
      platform.deps.db,
      sql`SELECT action FROM audit_events WHERE entity_id = ${account.id} ORDER BY seq`,
    );
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'user.create',
        'user.update',
        'user.assignRole',
        'user.removeRole',
        'user.resetPassword',
        'user.deactivate',
      ]),
    );
  });

  it('filters locked accounts', async () => {
    const locked = await createTestUser(platform, {
      role: 'officer',
      organizationId: bureauA.id,
      username: 'locked.user',
    });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await inject('POST', '/api/auth/sign-in', undefined, {
        username: locked.username,
        password: `Wrong-${attempt}-Xx`,
      });
    }
    const list = await inject('GET', '/api/accounts?locked=true', countyAdminA.headers);
    expect(list.json().items.map((item: { username: string }) => item.username)).toEqual(['locked.user']);
    expect(list.json().items[0].isLocked).toBe(true);
    const unlocked = await inject('GET', '/api/accounts?locked=false&pageSize=200', countyAdminA.headers);
    expect(unlocked.json().items.map((item: { username: string }) => item.username)).not.toContain(
      'locked.user',
    );
  });

  it('exports the account list as .xlsx with Chinese headers, within scope', async () => {
    const response = await inject('GET', '/api/accounts/export', countyAdminA.headers);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('账号')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '用户名',
      '姓名',
      '角色',
      '状态',
      '锁定至',
      '须修改密码',
      '动态验证码',
      '最近登录',
      '创建时间',
    ]);
    const names: string[] = [];
    sheet.eachRow((row, index) => {
      if (index > 1) names.push(row.getCell(1).text);
    });
    expect(names).toContain('wang.wu');
    expect(names).not.toContain('li.si');
  });

  it('refuses passwords that break the policy, naming the field password, and writes nothing', async () => {
    const before = await countRows();
    const cases: [string, string, RegExp][] = [
      ['policy.one', 'Sh0rt!pw', /10/],
      ['policy.two', 'onlylowercaseletters', /3 种/],
      ['policy.three', 'lowercase-and-symbols', /3 种/],
      ['policy.four', 'My-policy.four-2026', /用户名/],
    ];
    for (const [username, password, message] of cases) {
      const response = await inject('POST', '/api/accounts', systemAdmin.headers, {
        username,
        displayName: '策略',
        password,
        roles: [{ role: 'officer', organizationId: bureauA.id }],
      });
      expect(response.statusCode, password).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
      expect(response.json().message).toMatch(message);
    }
    const reset = await inject('POST', `/api/accounts/${officerA.id}/reset-password`, systemAdmin.headers, {
      password: 'short',
    });
    expect(reset.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
    expect(await countRows()).toEqual(before);
  });

  it('refuses a malformed body on every write route with 400 naming the field, changing nothing', async () => {
    const before = await countRows();
    const cases: [string, string, unknown, string, Headers | undefined][] = [
      ['POST', '/api/auth/sign-in', { username: 'ab', password: 'x' }, 'username', undefined],
      ['POST', '/api/auth/sign-in', { username: 'wang.wu', password: 12 }, 'password', undefined],
      [
        'POST',
        '/api/auth/sign-in',
        { username: 'wang.wu', password: testPassword, totpCode: '12ab56' },
        'totpCode',
        undefined,
      ],
      [
        'POST',
        '/api/auth/totp/enroll',
        { username: 'wang.wu', password: testPassword },
        'totpCode',
        undefined,
      ],
      [
        'POST',
        '/api/auth/switch-organization',
        { organizationId: 'not-a-uuid' },
        'organizationId',
        systemAdmin.headers,
      ],
      [
        'POST',
        '/api/auth/change-password',
        { currentPassword: testPassword, password: ['x'] },
        'password',
        systemAdmin.headers,
      ],
      [
        'POST',
        '/api/accounts',
        { username: 'ok.name', displayName: '', password: 'Valid-Pass-2026', roles: [] },
        'displayName',
        systemAdmin.headers,
      ],
      [
        'POST',
        '/api/accounts',
        { username: 'ok.name', displayName: '名', password: 'Valid-Pass-2026', roles: [] },
        'roles',
        systemAdmin.headers,
      ],
      [
        'POST',
        '/api/accounts',
        {
          username: 'ok.name',
          displayName: '名',
          password: 'Valid-Pass-2026',
          roles: [{ role: 'king', organizationId: city.id }],
        },
        'roles.0.role',
        systemAdmin.headers,
      ],
      [
        'POST',
        '/api/accounts',
        {
          username: '坏 名字',
          displayName: '名',
          password: 'Valid-Pass-2026',
          roles: [{ role: 'officer', organizationId: city.id }],
        },
        'username',
        systemAdmin.headers,
      ],
      ['PUT', `/api/accounts/${officerA.id}`, { displayName: 42 }, 'displayName', systemAdmin.headers],
      [
        'PUT',
        `/api/accounts/${officerA.id}`,
        { displayName: '名', personId: 'x' },
        'personId',
        systemAdmin.headers,
      ],
      [
        'POST',
        `/api/accounts/${officerA.id}/reset-password`,
        { password: 7 },
        'password',
        systemAdmin.headers,
      ],
      [
        'POST',
        `/api/accounts/${officerA.id}/roles`,
        { role: 'officer' },
        'organizationId',
        systemAdmin.headers,
      ],
      [
        'POST',
        `/api/accounts/${officerA.id}/roles`,
        { role: 'boss', organizationId: city.id },
        'role',
        systemAdmin.headers,
      ],
      [
        'POST',
        '/api/accounts/not-a-uuid/roles',
        { role: 'officer', organizationId: city.id },
        'id',
        systemAdmin.headers,
      ],
      ['PUT', '/api/security/settings', { passwordMinLength: 4 }, 'passwordMinLength', securityAdmin.headers],
      [
        'PUT',
        '/api/security/settings',
        {
          passwordMinLength: 12,
          passwordMinCharacterClasses: 3,
          passwordExpiryDays: 90,
          lockoutThreshold: 'five',
          lockoutMinutes: 30,
          sessionIdleMinutes: null,
        },
        'lockoutThreshold',
        securityAdmin.headers,
      ],
    ];
    for (const [method, url, payload, field, headers] of cases) {
      const response = await inject(method as 'POST', url, headers, payload);
      expect(response.statusCode, `${method} ${url} ${JSON.stringify(payload)}: ${response.body}`).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(response.json().field, `${method} ${url}`).toBe(field);
      expect(response.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await countRows()).toEqual(before);
  });

  it('lets only a security administrator of the root organization change the settings, and applies the idle timeout', async () => {
    const countySecurity = await signInNewUser(platform, 'securityAdmin', countyA.id);
    const current = (await inject('GET', '/api/security/settings', countySecurity.headers)).json();
    expect(current).toMatchObject({
      passwordMinLength: 10,
      passwordMinCharacterClasses: 3,
      passwordExpiryDays: 90,
      lockoutThreshold: 5,
      lockoutMinutes: 30,
    });
    const settings = securitySettingsSchema.parse(pick(current));
    const refused = await inject('PUT', '/api/security/settings', countySecurity.headers, {
      ...settings,
      sessionIdleMinutes: 5,
    });
    expect(refused.statusCode).toBe(403);

    const saved = await inject('PUT', '/api/security/settings', securityAdmin.headers, {
      ...settings,
      sessionIdleMinutes: 5,
    });
    expect(saved.json()).toMatchObject({ sessionIdleMinutes: 5, effectiveSessionIdleMinutes: 5 });
    const events = await queryRows<{ n: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'securitySettings.update'`,
    );
    expect(events[0]!.n).toBeGreaterThan(0);
    try {
      const officer = await createTestUser(platform, { role: 'officer', organizationId: bureauA.id });
      const { headers } = await signIn(platform, officer.username);
      platform.clock.advance(6 * 60_000);
      const expired = await inject('GET', '/api/auth/me', headers);
      expect(expired.json().code).toBe('SESSION_EXPIRED');
    } finally {
      const fresh = await signInNewUser(platform, 'securityAdmin', city.id);
      await inject('PUT', '/api/security/settings', fresh.headers, settings);
    }
  });
});
