import type { Role } from '../../../contracts/roles';
import { requireRole } from '../access/authorize';
import type { ServiceContext } from '../context';

/** Who may store, attach and read evidence files. Reading follows the data-layer scope. */

/** The working roles that record evidence: not the three administrators, not 领导. */
export const fileWriterRoles: readonly Role[] = [
  'officer',
  'agencyHead',
  'legalReviewer',
  'liaison',
  'justiceBureau',
];
/** Those who see records of their subtree may see the files attached to them. */
export const fileReaderRoles: readonly Role[] = [...fileWriterRoles, 'leader'];

/** Storing or attaching a file for the organization at `organizationPath`. The platform itself may. */
export function fileWritePolicy(ctx: Pick<ServiceContext, 'actor'>, organizationPath: string): void {
  if (!ctx.actor) return;
  requireRole(ctx, fileWriterRoles, organizationPath);
}
