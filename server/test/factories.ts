import { decryptField, loadFieldKey } from '../core/crypto/field-encryption';
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Role } from '../../contracts/roles';
import { createUser } from '../core/access/account-service';
import { findUserByUsername } from '../core/access/account-repository';
import { totpCodeAt } from '../core/access/totp';
import { inTransaction } from '../core/context';
import { newId } from '../core/db/ids';
import { organizations } from '../modules/org/org-tables';
import type { TestPlatform } from './build-test-app';

/*
 * Test data for every module's tests, made through the real services (users) or, for
 * organizations (owned by the org module), by inserting the row with a correct path.
 */

/** The password every test user gets unless told otherwise; it satisfies the default policy. */
export const testPassword = 'Fazhi-Test-2026!';

export interface TestOrganization {
  id: string;
  name: string;
  path: string;
  parentId: string | null;
  jurisdictionCode: string;
}

/** An organization row; root path `/id/`, a child's path the parent's path + `id/`. */
export async function createTestOrganization(
  platform: TestPlatform,
  input: { name: string; parentId?: string; kind?: string; jurisdictionCode?: string },
): Promise<TestOrganization> {
  const id = newId();
  let parentPath = '/';
  if (input.parentId) {
    const [parent] = await platform.deps.db
      .select({ path: organizations.path })
      .from(organizations)
      .where(
        and(eq(organizations.tenantCode, platform.config.tenantCode), eq(organizations.id, input.parentId)),
      );
    if (!parent) throw new Error(`createTestOrganization: parent ${input.parentId} does not exist`);
    parentPath = parent.path;
  }
  const path = `${parentPath}${id}/`;
  const jurisdictionCode = input.jurisdictionCode ?? platform.config.tenantCode;
  await platform.deps.db.insert(organizations).values({
    tenantCode: platform.config.tenantCode,
    id,
    parentId: input.parentId ?? null,
    path,
    jurisdictionCode,
    name: input.name,
    kind: input.kind ?? (input.parentId ? 'department' : 'government'),
  });
  return { id, name: input.name, path, parentId: input.parentId ?? null, jurisdictionCode };
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  role: Role;
  organizationId: string;
}

let userCounter = 0;

/** A user with one role on an organization, made through createUser; no password change required. */
export async function createTestUser(
  platform: TestPlatform,
  input: {
    role: Role;
    organizationId: string;
    username?: string;
    displayName?: string;
    password?: string;
    /** the staff record (people) the account belongs to */
    personId?: string;
  },
): Promise<TestUser> {
  userCounter += 1;
  const username = input.username ?? `${input.role}-${userCounter}-${randomBytes(3).toString('hex')}`;
  const password = input.password ?? testPassword;
  const { user } = await inTransaction(platform.deps, null, (ctx) =>
    createUser(ctx, {
      username,
      displayName: input.displayName ?? `测试${String(userCounter)}`,
      password,
      roles: [{ role: input.role, organizationId: input.organizationId }],
      personId: input.personId ?? null,
      mustChangePassword: false,
    }),
  );
  return { id: user.id, username, password, role: input.role, organizationId: input.organizationId };
}

export interface SignedIn {
  /** `fazhi_session=…` */
  cookie: string;
  headers: { cookie: string };
}

/**
 * Signs in through the API. For an administrator the second factor is handled: the code is
 * generated from the stored secret (enrolling it first when needed) at the platform clock's time.
 */
export async function signIn(
  platform: TestPlatform,
  username: string,
  password: string = testPassword,
  totpCode?: string,
): Promise<SignedIn> {
  const user = await findUserByUsername(platform.deps.db, platform.config.tenantCode, username);
  // A TOTP code is accepted once: each administrator sign-in in a test moves the clock to a fresh 30-second step.
  const codeFor = (secret: string) => {
    platform.clock.advance(30_000);
    return totpCodeAt(username, secret, platform.clock.now());
  };
  let code = totpCode;
  if (code === undefined && user?.totpEnabled && user.totpSecret)
    code = codeFor(decryptField(loadFieldKey(platform.config), user.totpSecret));
  let response = await platform.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username, password, ...(code ? { totpCode: code } : {}) },
  });
  if (
    response.statusCode === 200 &&
    response.json<{ status: string }>().status === 'totpEnrollmentRequired'
  ) {
    const { secret } = response.json<{ secret: string }>();
    response = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/totp/enroll',
      payload: { username, password, totpCode: totpCode ?? codeFor(secret) },
    });
  }
  if (response.statusCode !== 200) {
    throw new Error(`signIn(${username}) failed: ${String(response.statusCode)} ${response.body}`);
  }
  const cookie = response.cookies.find((candidate) => candidate.name === 'fazhi_session');
  if (!cookie) throw new Error(`signIn(${username}): no session cookie`);
  const header = `fazhi_session=${cookie.value}`;
  return { cookie: header, headers: { cookie: header } };
}

/** A new user with `role` on the organization, signed in: headers ready for `app.inject`. */
export async function signedInAs(
  platform: TestPlatform,
  role: Role,
  organizationId: string,
): Promise<{ cookie: string }> {
  const user = await createTestUser(platform, { role, organizationId });
  return (await signIn(platform, user.username, user.password)).headers;
}

/** Like signedInAs, also returning the user. */
export async function signInNewUser(
  platform: TestPlatform,
  role: Role,
  organizationId: string,
): Promise<{ user: TestUser; headers: { cookie: string } }> {
  const user = await createTestUser(platform, { role, organizationId });
  return { user, headers: (await signIn(platform, user.username, user.password)).headers };
}
