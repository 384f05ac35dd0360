import { and, asc, eq, gt, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles';
import type { Executor } from '../db/open-database';
import { organizations } from '../../modules/org/org-tables';
import { roleAssignments, sessions, users } from './access-tables';

export type UserRow = typeof users.$inferSelect;

export interface RoleAssignmentRow {
  id: string;
  userId: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  organizationPath: string;
}

export interface OrganizationRef {
  id: string;
  name: string;
  path: string;
  parentId: string | null;
}

export async function findUserByUsername(
  executor: Executor,
  tenantCode: string,
  username: string,
): Promise<UserRow | undefined> {
  const [row] = await executor
    .select()
    .from(users)
    .where(and(eq(users.tenantCode, tenantCode), eq(users.username, username)));
  return row;
}

export async function findUserById(
  executor: Executor,
  tenantCode: string,
  userId: string,
): Promise<UserRow | undefined> {
  const [row] = await executor
    .select()
    .from(users)
    .where(and(eq(users.tenantCode, tenantCode), eq(users.id, userId)));
  return row;
}

export async function insertUser(executor: Executor, row: typeof users.$inferInsert): Promise<UserRow> {
  const [inserted] = await executor.insert(users).values(row).returning();
  if (!inserted) throw new Error('insert into users returned no row');
  return inserted;
}

export async function updateUser(
  executor: Executor,
  tenantCode: string,
  userId: string,
  changes: Partial<typeof users.$inferInsert>,
): Promise<UserRow> {
  const [updated] = await executor
    .update(users)
    .set(changes)
    .where(and(eq(users.tenantCode, tenantCode), eq(users.id, userId)))
    .returning();
  if (!updated) throw new Error(`user ${userId} vanished during update`);
  return updated;
}

/** The role assignments of these users, with each organization's name and path. */
export async function listRoleAssignments(
  executor: Executor,
  tenantCode: string,
  userIds: readonly string[],
): Promise<RoleAssignmentRow[]> {
  if (userIds.length === 0) return [];
  const rows = await executor
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      organizationId: roleAssignments.organizationId,
      organizationName: organizations.name,
      organizationPath: organizations.path,
    })
    .from(roleAssignments)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, roleAssignments.tenantCode),
        eq(organizations.id, roleAssignments.organizationId),
      ),
    )
    .where(and(eq(roleAssignments.tenantCode, tenantCode), inArray(roleAssignments.userId, [...userIds])))
    .orderBy(asc(organizations.path), asc(roleAssignments.role));
  return rows.map((row) => ({ ...row, role: row.role as Role }));
}

export async function insertRoleAssignment(
  executor: Executor,
  row: typeof roleAssignments.$inferInsert,
): Promise<void> {
  await executor.insert(roleAssignments).values(row);
}

export async function deleteRoleAssignment(executor: Executor, tenantCode: string, assignmentId: string) {
  await executor
    .delete(roleAssignments)
    .where(and(eq(roleAssignments.tenantCode, tenantCode), eq(roleAssignments.id, assignmentId)));
}

export async function findOrganization(
  executor: Executor,
  tenantCode: string,
  organizationId: string,
): Promise<OrganizationRef | undefined> {
  const [row] = await executor
    .select({
      id: organizations.id,
      name: organizations.name,
      path: organizations.path,
      parentId: organizations.parentId,
    })
    .from(organizations)
    .where(and(eq(organizations.tenantCode, tenantCode), eq(organizations.id, organizationId)));
  return row;
}

export async function findOrganizationsByName(
  executor: Executor,
  tenantCode: string,
  name: string,
): Promise<OrganizationRef[]> {
  return executor
    .select({
      id: organizations.id,
      name: organizations.name,
      path: organizations.path,
      parentId: organizations.parentId,
    })
    .from(organizations)
    .where(
      and(
        eq(organizations.tenantCode, tenantCode),
        or(eq(organizations.name, name), eq(organizations.shortName, name)),
      ),
    );
}

/** The active organizations inside any of these subtrees, in tree order. */
export async function listOrganizationsUnder(
  executor: Executor,
  tenantCode: string,
  paths: readonly string[],
  limit = 2000,
): Promise<OrganizationRef[]> {
  if (paths.length === 0) return [];
  return executor
    .select({
      id: organizations.id,
      name: organizations.name,
      path: organizations.path,
      parentId: organizations.parentId,
    })
    .from(organizations)
    .where(
      and(
        eq(organizations.tenantCode, tenantCode),
        eq(organizations.isActive, true),
        or(...paths.map((path) => sql`${organizations.path} LIKE ${`${path}%`}`)),
      ),
    )
    .orderBy(asc(organizations.path))
    .limit(limit);
}

export interface AccountQuery {
  /** the data-layer scope over role_assignments.organization_id */
  scope: SQL;
  search?: string | undefined;
  role?: Role | undefined;
  organizationPath?: string | undefined;
  locked?: boolean | undefined;
  active?: boolean | undefined;
  now: Date;
}

/** The WHERE of an account list: a user is listed when one of his roles lies in the scope. */
function accountConditions(tenantCode: string, query: AccountQuery): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(users.tenantCode, tenantCode),
    sql`EXISTS (SELECT 1 FROM ${roleAssignments} WHERE ${roleAssignments.tenantCode} = ${users.tenantCode} AND ${roleAssignments.userId} = ${users.id} AND ${query.scope})`,
  ];
  if (query.search) {
    const pattern = `%${query.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)));
  }
  if (query.role || query.organizationPath) {
    const parts: SQL[] = [
      sql`${roleAssignments.tenantCode} = ${users.tenantCode}`,
      sql`${roleAssignments.userId} = ${users.id}`,
    ];
    if (query.role) parts.push(sql`${roleAssignments.role} = ${query.role}`);
    if (query.organizationPath) {
      parts.push(
        sql`${roleAssignments.organizationId} IN (SELECT ${organizations.id} FROM ${organizations} WHERE ${organizations.tenantCode} = ${tenantCode} AND ${organizations.path} LIKE ${`${query.organizationPath}%`})`,
      );
    }
    conditions.push(sql`EXISTS (SELECT 1 FROM ${roleAssignments} WHERE ${sql.join(parts, sql` AND `)})`);
  }
  if (query.locked === true) conditions.push(gt(users.lockedUntil, query.now));
  if (query.locked === false)
    conditions.push(or(isNull(users.lockedUntil), sql`${users.lockedUntil} <= ${query.now}`));
  if (query.active !== undefined) conditions.push(eq(users.isActive, query.active));
  return and(...conditions) ?? sql`true`;
}

export async function countAccounts(
  executor: Executor,
  tenantCode: string,
  query: AccountQuery,
): Promise<number> {
  const [row] = await executor
    .select({ total: sql<number>`count(*)::int` })
    .from(users)
    .where(accountConditions(tenantCode, query));
  return row?.total ?? 0;
}

export async function selectAccounts(
  executor: Executor,
  tenantCode: string,
  query: AccountQuery,
  page: { limit: number; offset: number },
): Promise<UserRow[]> {
  return executor
    .select()
    .from(users)
    .where(accountConditions(tenantCode, query))
    .orderBy(asc(users.username))
    .limit(page.limit)
    .offset(page.offset);
}

/** Ends every open session of a user (deactivation, password reset or change). */
export async function endUserSessions(
  executor: Executor,
  tenantCode: string,
  userId: string,
  at: Date,
  reason: string,
  exceptSessionId?: string,
): Promise<void> {
  await executor
    .update(sessions)
    .set({ endedAt: at, endReason: reason })
    .where(
      and(
        eq(sessions.tenantCode, tenantCode),
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined,
      ),
    );
}
