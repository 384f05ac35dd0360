import type { Role } from '../../../../contracts/roles';
import { requireRole } from '../../../core/access/authorize';
import type { ServiceContext } from '../../../core/context';

/**
 * Who keeps a body's 裁量基准: its 部门联络员, 执法机关负责人 or 法制审核人员, on a subtree
 * containing the body. Reading follows the data-layer scope (any role on the subtree).
 */
export const benchmarkEditorRoles: readonly Role[] = ['liaison', 'agencyHead', 'legalReviewer'];

export function benchmarkEditPolicy(ctx: Pick<ServiceContext, 'actor'>, organizationPath: string): void {
  requireRole(ctx, benchmarkEditorRoles, organizationPath);
}
