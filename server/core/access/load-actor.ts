import type { Actor } from '../context';
import type { Executor } from '../db/open-database';
import { findUserById, listRoleAssignments } from './account-repository';

/**
 * The actor for a user: his roles with the path of each organization subtree. Null when the user
 * does not exist or is deactivated. The active organization is the session's choice when given,
 * else the first role's organization.
 */
export async function loadActor(
  executor: Executor,
  tenantCode: string,
  userId: string,
  options: { activeOrganizationId?: string | null; sessionId?: string; ip?: string } = {},
): Promise<Actor | null> {
  const user = await findUserById(executor, tenantCode, userId);
  if (!user?.isActive) return null;
  const assignments = await listRoleAssignments(executor, tenantCode, [userId]);
  const roles = assignments.map((assignment) => ({
    role: assignment.role,
    organizationId: assignment.organizationId,
    organizationPath: assignment.organizationPath,
  }));
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    activeOrganizationId: options.activeOrganizationId ?? roles[0]?.organizationId ?? null,
    ...(options.sessionId ? { sessionId: options.sessionId } : {}),
    ...(options.ip ? { ip: options.ip } : {}),
  };
}
