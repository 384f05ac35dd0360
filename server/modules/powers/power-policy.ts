import type { Role } from '../../../contracts/roles';
import { requireRole } from '../../core/access/authorize';
import type { ServiceContext } from '../../core/context';

/**
 * Who may do what with the power lists. Reading follows the data-layer scope (any role on the
 * subtree). "A department edits only its own lists": 部门联络员 on a subtree containing the
 * organization drafts, edits, submits and withdraws; 司法局 on such a subtree approves or returns
 * (the procedure definition names the roles of each action).
 */
export const changeSetEditorRoles: readonly Role[] = ['liaison'];
export const changeSetApproverRoles: readonly Role[] = ['justiceBureau'];

/** Editing the change sets of the organization at `organizationPath`; the platform itself (seed) may. */
export function changeSetEditPolicy(ctx: Pick<ServiceContext, 'actor'>, organizationPath: string): void {
  if (!ctx.actor) return;
  requireRole(ctx, changeSetEditorRoles, organizationPath);
}
