import type { Role } from '../../../../contracts/roles';
import { requireRole } from '../../../core/access/authorize';
import type { HeldRole, ServiceContext } from '../../../core/context';

/**
 * 案卷评查 is the justice bureau's work (司法局 keeps the checklists, samples and scores); leaders
 * read the results. Both within their subtrees.
 */
export const reviewWriterRoles: readonly Role[] = ['justiceBureau'];
export const reviewReaderRoles: readonly Role[] = ['justiceBureau', 'leader'];

export function reviewWritePolicy(ctx: Pick<ServiceContext, 'actor'>, organizationPath?: string): HeldRole[] {
  return requireRole(ctx, reviewWriterRoles, organizationPath);
}

export function reviewReadPolicy(ctx: Pick<ServiceContext, 'actor'>): HeldRole[] {
  return requireRole(ctx, reviewReaderRoles);
}
