import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername, listRoleAssignments } from '../../core/access/account-repository';
import { verifyPassword } from '../../core/access/password-hashing';
import { loadConfig } from '../../core/config';
import { newId } from '../../core/db/ids';
import { projectRoot } from '../../core/db/open-database';
import { createLogger } from '../../core/logger';
import { openPlatform } from '../../core/startup';
import { organizations } from '../../modules/org/org-tables';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { createTestOrganization, type TestOrganization } from '../../test/factories';
import { testDatabaseKinds } from '../../test/test-databases';
import { runUserAdd } from './user-add';
import { runUserResetPassword } from './user-reset-password';
import { runOrgAdd } from './org-add';

describe.each(testDatabaseKinds())('fazhi user add | reset-password on %s', (database) => {
  let platform: TestPlatform;
  let bureau: TestOrganization;
  const run = async (command: typeof runUserAdd, args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await command(
      args,
      { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
      platform.deps,
    );
    return { code, firstLine: stdout.split('\n')[0] ?? '', stderr };
  };

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    const city = await createTestOrganization(platform, { name: '示范市人民政府' });
    bureau = await createTestOrganization(platform, { name: '示范市市场监督管理局', parentId: city.id });
  });
  afterAll(async () => platform.close());

  it('adds a user by organization name and prints the generated password on the first line', async () => {
    const result = await run(runUserAdd, [
      'chen.qi',
      '--name',
      '陈七',
      '--role',
      'officer',
      '--org',
      '示范市市场监督管理局',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.firstLine).toHaveLength(16);
    const user = await findUserByUsername(platform.deps.db, platform.config.tenantCode, 'chen.qi');
    expect(user).toMatchObject({ displayName: '陈七', mustChangePassword: true });
    expect(await verifyPassword(result.firstLine, user!.passwordHash)).toBe(true);
    const roles = await listRoleAssignments(platform.deps.db, platform.config.tenantCode, [user!.id]);
    expect(roles.map((role) => [role.role, role.organizationId])).toEqual([['officer', bureau.id]]);
  });

  it('adds a user by organization id with a chosen password', async () => {
    const result = await run(runUserAdd, [
      'zhou.ba',
      `--name=周八`,
      '--role',
      'securityAdmin',
      '--org',
      bureau.id,
      '--password',
      'Chosen-Pass-2026',
    ]);
    expect(result.code).toBe(0);
    expect(result.firstLine).toBe('Chosen-Pass-2026');
    const user = await findUserByUsername(platform.deps.db, platform.config.tenantCode, 'zhou.ba');
    expect(user!.mustChangePassword).toBe(false);
  });

  it('refuses bad input with a Chinese message, exit 2, and writes nothing', async () => {
    const cases: string[][] = [
      [],
      ['wu.jiu', '--role', 'officer', '--org', bureau.id],
      ['wu.jiu', '--name', '吴九', '--role', 'emperor', '--org', bureau.id],
      ['wu.jiu', '--name', '吴九', '--role', 'officer', '--org', bureau.id, '--password', 'weak'],
      ['wu.jiu', '--name', '吴九', '--role', 'officer', '--org', bureau.id, '--colour', 'red'],
    ];
    for (const args of cases) {
      const result = await run(runUserAdd, args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/[\u4e00-\u9fa5]/);
      expect(result.stderr).toContain('用法：fazhi user add');
    }
    const missingOrg = await run(runUserAdd, [
      'wu.jiu',
      '--name',
      '吴九',
      '--role',
      'officer',
      '--org',
      '不存在的局',
    ]);
    expect(missingOrg.code).toBe(1);
    expect(await findUserByUsername(platform.deps.db, platform.config.tenantCode, 'wu.jiu')).toBeUndefined();
    const duplicate = await run(runUserAdd, [
      'chen.qi',
      '--name',
      '陈七',
      '--role',
      'officer',
      '--org',
      bureau.id,
    ]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('已被使用');
  });

  it('resets a password, printing the new one on the first line', async () => {
    const generated = await run(runUserResetPassword, ['zhou.ba']);
    expect(generated.code).toBe(0);
    const user = await findUserByUsername(platform.deps.db, platform.config.tenantCode, 'zhou.ba');
    expect(await verifyPassword(generated.firstLine, user!.passwordHash)).toBe(true);
    expect(user!.mustChangePassword).toBe(true);

    const chosen = await run(runUserResetPassword, ['zhou.ba', '--password', 'Another-Pass-2026']);
    expect(chosen.firstLine).toBe('Another-Pass-2026');
    const after = await findUserByUsername(platform.deps.db, platform.config.tenantCode, 'zhou.ba');
    expect(await verifyPassword('Another-Pass-2026', after!.passwordHash)).toBe(true);

    expect((await run(runUserResetPassword, ['nobody'])).code).toBe(1);
    expect((await run(runUserResetPassword, [])).code).toBe(2);
  });
});

describe('fazhi user add (spawned CLI on a PGlite folder)', () => {
  let dataDir: string;
  let organizationId: string;
  const fazhi = (...args: string[]) => {
    const result = spawnSync(process.execPath, [join(projectRoot(), 'bin', 'fazhi.mjs'), ...args], {
      cwd: projectRoot(),
      env: {
        ...process.env,
        FAZHI_DATA_DIR: dataDir,
        FAZHI_FROM_SOURCE: '1',
        DATABASE_URL: '',
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { status: result.status, firstLine: result.stdout.split('\n')[0] ?? '', stderr: result.stderr };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fazhi-cli-user-'));
    const config = loadConfig({ FAZHI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const platform = await openPlatform(config, { logger: createLogger('silent') });
    organizationId = newId();
    await platform.deps.db.insert(organizations).values({
      tenantCode: config.tenantCode,
      id: organizationId,
      path: `/${organizationId}/`,
      jurisdictionCode: config.tenantCode,
      name: '示范市人民政府',
      kind: 'government',
    });
    await platform.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is registered and prints the password on the first line', () => {
    const added = fazhi(
      'user',
      'add',
      'sun.shi',
      '--name',
      '孙十',
      '--role',
      'systemAdmin',
      '--org',
      '示范市人民政府',
    );
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.firstLine).toMatch(/^\S{16}$/);
    const reset = fazhi('user', 'reset-password', 'sun.shi');
    expect(reset.status).toBe(0);
    expect(reset.firstLine).toMatch(/^\S{16}$/);
    expect(reset.firstLine).not.toBe(added.firstLine);
  });
});

describe.each(testDatabaseKinds())('fazhi org add on %s', (database) => {
  let platform: TestPlatform;
  const run = async (command: typeof runOrgAdd, args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await command(
      args,
      { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
      platform.deps,
    );
    return { code, firstLine: stdout.split('\n')[0] ?? '', stderr };
  };
  const organizationCount = async () =>
    (await platform.deps.db.select({ id: organizations.id }).from(organizations)).length;

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
  });
  afterAll(async () => platform.close());

  it('creates the root government of a new deployment, then a department under it by name, and its administrator', async () => {
    const root = await run(runOrgAdd, ['某某市人民政府', '--kind', 'government', '--jurisdiction', '410300']);
    expect(root.stderr).toBe('');
    expect(root.code).toBe(0);
    expect(root.firstLine).toMatch(/^[0-9a-f-]{36}$/);
    const department = await run(runOrgAdd, [
      '某某市司法局',
      '--kind',
      'department',
      '--jurisdiction',
      '410300',
      '--parent',
      '某某市人民政府',
    ]);
    expect(department.code).toBe(0);
    const admin = await run(runUserAdd, [
      'admin',
      '--name',
      '管理员',
      '--role',
      'systemAdmin',
      '--org',
      '某某市人民政府',
    ]);
    expect(admin.code).toBe(0);
  });

  it('refuses a bad kind, an unknown jurisdiction or parent with a Chinese message naming the option, writing nothing', async () => {
    const before = await organizationCount();
    const badKind = await run(runOrgAdd, ['甲局', '--kind', 'ministry', '--jurisdiction', '410300']);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain('（kind）');
    const badCode = await run(runOrgAdd, ['甲局', '--kind', 'department', '--jurisdiction', '999999']);
    expect(badCode.code).toBe(2);
    expect(badCode.stderr).toContain('999999');
    const noParent = await run(runOrgAdd, [
      '甲局',
      '--kind',
      'department',
      '--jurisdiction',
      '410300',
      '--parent',
      '不存在的政府',
    ]);
    expect(noParent.code).toBe(1);
    expect(noParent.stderr).toContain('不存在');
    expect(await organizationCount()).toBe(before);
  });
});
