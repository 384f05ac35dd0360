import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { createTestOrganization, createTestUser, testPassword } from '../../test/factories';
import { testDatabaseKinds } from '../../test/test-databases';
import { queryRows } from '../db/query-rows';

describe.each(testDatabaseKinds())('an administrator’s TOTP secret at rest on %s', (database) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
  });
  afterAll(async () => platform.close());

  it('is stored encrypted, never as the secret the administrator was shown', async () => {
    const city = await createTestOrganization(platform, { name: '测试市人民政府' });
    await createTestUser(platform, { role: 'securityAdmin', organizationId: city.id, username: 'sec1' });
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'sec1', password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const { secret } = response.json<{ status: string; secret: string }>();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const [row] = await queryRows<{ totp_secret: string }>(
      platform.deps.db,
      sql`SELECT totp_secret FROM users WHERE username = 'sec1'`,
    );
    expect(row?.totp_secret).toMatch(/^v1\./);
    expect(row?.totp_secret).not.toContain(secret);
  });
});
