import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { InspectorListQuery, InspectorPage } from '../../../../contracts/spotchecks';
import { requireRole } from '../../../core/access/authorize';
import { civilDate } from '../../../core/clock';
import type { ServiceContext } from '../../../core/context';
import { notFound } from '../../../core/errors';
import { findOrganizationInScope, selectCertifiedOfficersUnder } from '../../org/org-repository';
import { enforcementCertificates, organizations, people } from '../../org/org-tables';
import { entityReaderRoles } from '../entities/entity-service';
import { inspectorRecusals } from '../spotcheck-tables';
import { openTaskCounts } from './inspector-pool';

/**
 * 执法检查人员名录库 as a list: the officers a draw may choose from — everyone in the reader's
 * scope holding an enforcement certificate valid today — with the tasks and recusals each carries.
 */

/** The pool in the reader's scope (or under one organization of it), searched by name or certificate number. */
export async function listInspectors(ctx: ServiceContext, query: InspectorListQuery): Promise<InspectorPage> {
  const held = requireRole(ctx, entityReaderRoles);
  const paths = await poolPaths(
    ctx,
    held.map((role) => role.organizationPath),
    query.organizationId,
  );
  const today = civilDate(ctx.clock.now());
  const officers = await selectCertifiedOfficersUnder(ctx.tx, ctx.tenantCode, paths, today);
  const q = query.q?.toUpperCase();
  const matching = (
    q
      ? officers.filter(
          (officer) => officer.name.includes(q) || officer.certificateNumber.toUpperCase().includes(q),
        )
      : officers
  ).sort(
    (a, b) =>
      a.organizationPath.localeCompare(b.organizationPath) ||
      a.name.localeCompare(b.name, 'zh-CN') ||
      a.personId.localeCompare(b.personId),
  );
  const page = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const personIds = page.map((officer) => officer.personId);
  // one after another: the queries share the request's connection
  const certificates = await certificateDetails(
    ctx,
    page.map((officer) => officer.certificateNumber),
  );
  const tasks = await openTaskCounts(ctx, personIds);
  const recusals = await activeRecusalCounts(ctx, personIds);
  return {
    items: page.map((officer) => {
      const certificate = certificates.get(officer.certificateNumber);
      return {
        personId: officer.personId,
        name: officer.name,
        organizationId: officer.organizationId,
        organizationName: certificate?.organizationName ?? '',
        certificateNumber: officer.certificateNumber,
        certificateExpiresOn: certificate?.expiresOn ?? '',
        field: certificate?.field || certificate?.enforcementField || null,
        openTaskCount: tasks.get(officer.personId) ?? 0,
        activeRecusalCount: recusals.get(officer.personId) ?? 0,
      };
    }),
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The subtrees to list: the reader's, or where a chosen organization meets them (the organization
 * itself when it lies inside one, the reader's subtrees below it when it lies above).
 */
async function poolPaths(
  ctx: ServiceContext,
  readerPaths: string[],
  organizationId: string | undefined,
): Promise<string[]> {
  if (!organizationId) return readerPaths;
  const organization = await findOrganizationInScope(ctx, organizationId);
  if (!organization) throw notFound('组织');
  const paths = readerPaths.flatMap((path) =>
    organization.path.startsWith(path)
      ? [organization.path]
      : path.startsWith(organization.path)
        ? [path]
        : [],
  );
  return [...new Set(paths)];
}

/** Field, expiry and organization of each certificate, by number. */
async function certificateDetails(ctx: ServiceContext, numbers: string[]) {
  if (numbers.length === 0) return new Map<string, never>();
  const rows = await ctx.tx
    .select({
      number: enforcementCertificates.number,
      field: enforcementCertificates.field,
      expiresOn: enforcementCertificates.expiresOn,
      organizationName: organizations.name,
      enforcementField: organizations.enforcementField,
    })
    .from(enforcementCertificates)
    .innerJoin(
      people,
      and(
        eq(people.tenantCode, enforcementCertificates.tenantCode),
        eq(people.id, enforcementCertificates.personId),
      ),
    )
    .innerJoin(
      organizations,
      and(eq(organizations.tenantCode, people.tenantCode), eq(organizations.id, people.organizationId)),
    )
    .where(
      and(
        eq(enforcementCertificates.tenantCode, ctx.tenantCode),
        inArray(enforcementCertificates.number, numbers),
      ),
    );
  return new Map(rows.map((row) => [row.number, row]));
}

/** How many recusals not yet ended each person has. */
async function activeRecusalCounts(ctx: ServiceContext, personIds: string[]): Promise<Map<string, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ personId: inspectorRecusals.personId, recusals: count() })
    .from(inspectorRecusals)
    .where(
      and(
        eq(inspectorRecusals.tenantCode, ctx.tenantCode),
        inArray(inspectorRecusals.personId, personIds),
        isNull(inspectorRecusals.endedAt),
      ),
    )
    .groupBy(inspectorRecusals.personId);
  return new Map(rows.map((row) => [row.personId, row.recusals]));
}
