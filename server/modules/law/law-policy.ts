import type { Role } from '../../../contracts/roles';
import { requireRole } from '../../core/access/authorize';
import type { ServiceContext } from '../../core/context';

/** Who may do what in the law library. Reading is public: laws are public information. */

/** 司法局 keeps the library; 系统管理员 may load it too. */
export const lawImportRoles: readonly Role[] = ['justiceBureau', 'systemAdmin'];

/** Importing law files or watching imports. The platform itself (CLI, first start) may. */
export function lawImportPolicy(ctx: Pick<ServiceContext, 'actor'>): void {
  if (!ctx.actor) return;
  requireRole(ctx, lawImportRoles);
}
