import type { Role } from '../../../../contracts/roles';
import { requireRole } from '../../../core/access/authorize';
import type { ServiceContext } from '../../../core/context';

/**
 * Who keeps a body's 重大执法决定法制审核目录: its 执法机关负责人 or 法制审核人员, or the
 * 司法局 over it (国办发〔2018〕118号 三（十）: the catalogue is set by each body, guided by the
 * justice department). Reading follows the data-layer scope.
 */
export const majorRuleEditorRoles: readonly Role[] = ['agencyHead', 'legalReviewer', 'justiceBureau'];

export function majorRuleEditPolicy(ctx: Pick<ServiceContext, 'actor'>, organizationPath: string): void {
  requireRole(ctx, majorRuleEditorRoles, organizationPath);
}
