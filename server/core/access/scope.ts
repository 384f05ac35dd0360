import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles';
import type { ServiceContext } from '../context';
import { organizations } from '../../modules/org/org-tables';

/**
 * The data-layer scope every query of tenant data applies: the row's organization lies in a
 * subtree on which the actor holds one of `roles` (any role when omitted). A row outside the
 * scope is simply not found. The platform itself (actor null) sees the whole tenant.
 */
export function organizationScope(
  ctx: ServiceContext,
  organizationIdColumn: AnyColumn | SQL,
  roles?: readonly Role[],
): SQL {
  if (!ctx.actor) return sql`true`;
  const paths = ctx.actor.roles
    .filter((held) => !roles || roles.includes(held.role))
    .map((held) => held.organizationPath);
  if (paths.length === 0) return sql`false`;
  const patterns = paths.map((path) => `${path}%`);
  return sql`${organizationIdColumn} IN (SELECT ${organizations.id} FROM ${organizations} WHERE ${organizations.tenantCode} = ${ctx.tenantCode} AND ${organizations.path} LIKE ANY (${sql`ARRAY[${sql.join(
    patterns.map((pattern) => sql`${pattern}`),
    sql`, `,
  )}]::text[]`}))`;
}
