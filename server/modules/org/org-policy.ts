import type { Role } from '../../../contracts/roles';
import { requireRole } from '../../core/access/authorize';
import type { ServiceContext } from '../../core/context';

/** Who may do what in the org module. Reading follows the data-layer scope (any role on the subtree). */

/** 系统管理员 keeps the organization tree. */
export const organizationManagerRoles: readonly Role[] = ['systemAdmin'];
/** 部门联络员, 司法局, 执法机关负责人 keep the people and certificates of their subtree. */
export const peopleManagerRoles: readonly Role[] = ['liaison', 'justiceBureau', 'agencyHead'];

/**
 * Creating or editing an organization under `parentPath` (null: a root): a system administrator
 * whose subtree contains it. The platform itself (seed, CLI) may. A root needs a system
 * administrator holding a root organization.
 */
export function organizationWritePolicy(ctx: Pick<ServiceContext, 'actor'>, parentPath: string | null): void {
  if (!ctx.actor) return;
  if (parentPath === null) {
    const held = requireRole(ctx, organizationManagerRoles);
    if (!held.some((role) => role.organizationPath.split('/').filter(Boolean).length === 1)) {
      requireRole(ctx, organizationManagerRoles, '/');
    }
    return;
  }
  requireRole(ctx, organizationManagerRoles, parentPath);
}

/** Creating or editing people and certificates of the organization at `organizationPath`. */
export function peopleWritePolicy(ctx: Pick<ServiceContext, 'actor'>, organizationPath: string): void {
  if (!ctx.actor) return;
  requireRole(ctx, peopleManagerRoles, organizationPath);
}
