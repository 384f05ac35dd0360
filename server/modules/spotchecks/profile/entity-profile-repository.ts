import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNotNull,
  isNull,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { organizationScope } from '../../../core/access/scope';
import type { ServiceContext } from '../../../core/context';
import { countUpTo } from '../../../core/db/capped-count';
import { publications } from '../../../core/publication/publication-tables';
import { matchesSearch } from '../../../core/search/chinese-search';
import { caseReaderRoles } from '../../enforcement/enforcement-repository';
import { enforcementCases, enforcementParties } from '../../enforcement/enforcement-tables';
import { organizations } from '../../org/org-tables';
import { entities, spotCheckPlans, spotCheckTasks, type EntityRow } from '../spotcheck-tables';

/**
 * The reads of 涉企信息归集: one entity's row, its spot-check tasks (every department's), its
 * enforcement cases (only those in the reader's scope), and for the portal only what is public
 * today. Read-only: the tasks belong to the plan services, the cases to enforcement.
 */

/** The most rows of each kind a profile lists; the counts are always exact. */
const listLimit = 500;

/** The subject type enforcement gives its cases' publications. */
const caseSubjectType = 'enforcementCase';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the search vector is never read back
const { searchVector, ...entityColumns } = getTableColumns(entities);

export async function findEntityByCreditCode(ctx: ServiceContext, creditCode: string) {
  const [row] = await ctx.tx
    .select(entityColumns)
    .from(entities)
    .where(and(eq(entities.tenantCode, ctx.tenantCode), eq(entities.creditCode, creditCode)));
  return row ?? null;
}

/** An inspection has happened once the task has left 待检查 (the inspection is recorded). */
const isCarriedOut = ne(spotCheckTasks.state, 'assigned');

/**
 * Inspections carried out per credit code, those of `year` (by inspection date) and all: one
 * grouped count over the given codes only, by the (tenant, credit code, year) index.
 */
export async function countInspectionsByCreditCode(
  ctx: ServiceContext,
  creditCodes: readonly string[],
  year: number,
): Promise<Map<string, { thisYear: number; total: number }>> {
  if (creditCodes.length === 0) return new Map();
  const rows = await ctx.tx
    .select({
      creditCode: spotCheckTasks.creditCode,
      thisYear: sql<number>`(count(*) FILTER (WHERE ${spotCheckTasks.inspectedOn} BETWEEN ${`${String(year)}-01-01`} AND ${`${String(year)}-12-31`}))::int`,
      total: sql<number>`count(*)::int`,
    })
    .from(spotCheckTasks)
    .where(
      and(
        eq(spotCheckTasks.tenantCode, ctx.tenantCode),
        inArray(spotCheckTasks.creditCode, [...creditCodes]),
        isCarriedOut,
      ),
    )
    .groupBy(spotCheckTasks.creditCode);
  return new Map(rows.map((row) => [row.creditCode, { thisYear: row.thisYear, total: row.total }]));
}

/** Public today: published, and its publicity period (if any) not over (as the portal's decisions). */
const isPublicOn = (today: string): SQL =>
  and(
    eq(publications.status, 'published'),
    or(isNull(publications.publicUntil), gte(publications.publicUntil, today)),
  ) as SQL;

/** The entity's spot-check tasks, newest first, with their plan and their publication's status. */
export async function selectEntityTasks(ctx: ServiceContext, creditCode: string) {
  return ctx.tx
    .select({
      taskId: spotCheckTasks.id,
      planId: spotCheckTasks.planId,
      planNumber: spotCheckPlans.planNumber,
      planTitle: spotCheckPlans.title,
      organizationIds: spotCheckPlans.organizationIds,
      year: spotCheckTasks.year,
      isJoint: spotCheckTasks.isJoint,
      state: spotCheckTasks.state,
      inspectedOn: spotCheckTasks.inspectedOn,
      result: spotCheckTasks.result,
      completedOn: spotCheckTasks.completedOn,
      caseId: spotCheckTasks.caseId,
      publicationStatus: publications.status,
      publishedOn: publications.publishedOn,
      publicUntil: publications.publicUntil,
    })
    .from(spotCheckTasks)
    .innerJoin(
      spotCheckPlans,
      and(
        eq(spotCheckPlans.tenantCode, spotCheckTasks.tenantCode),
        eq(spotCheckPlans.id, spotCheckTasks.planId),
      ),
    )
    .leftJoin(
      publications,
      and(
        eq(publications.tenantCode, spotCheckTasks.tenantCode),
        eq(publications.id, spotCheckTasks.publicationId),
      ),
    )
    .where(and(eq(spotCheckTasks.tenantCode, ctx.tenantCode), eq(spotCheckTasks.creditCode, creditCode)))
    .orderBy(
      desc(spotCheckTasks.year),
      sql`${spotCheckTasks.inspectedOn} DESC NULLS FIRST`,
      desc(spotCheckTasks.createdAt),
    )
    .limit(listLimit);
}

export type EntityTaskRow = Awaited<ReturnType<typeof selectEntityTasks>>[number];

/** The cases against the entity (a party with its credit code) that the reader may see. */
function entityCaseConditions(ctx: ServiceContext, creditCode: string): SQL {
  return and(
    eq(enforcementCases.tenantCode, ctx.tenantCode),
    sql`${enforcementCases.partyId} IN (SELECT ${enforcementParties.id} FROM ${enforcementParties}
      WHERE ${enforcementParties.tenantCode} = ${ctx.tenantCode} AND ${enforcementParties.creditCode} = ${creditCode})`,
    organizationScope(ctx, enforcementCases.organizationId, caseReaderRoles),
  ) as SQL;
}

/** The entity's cases in scope, newest first. */
export async function selectEntityCases(ctx: ServiceContext, creditCode: string) {
  return ctx.tx
    .select({
      id: enforcementCases.id,
      caseNumber: enforcementCases.caseNumber,
      organizationId: enforcementCases.organizationId,
      organizationName: organizations.name,
      procedure: enforcementCases.procedure,
      title: enforcementCases.title,
      state: enforcementCases.state,
      registeredOn: enforcementCases.registeredOn,
      decisionOutcome: enforcementCases.decisionOutcome,
      decisionNumber: enforcementCases.decisionNumber,
      decidedOn: enforcementCases.decidedOn,
      decidedPenalty: enforcementCases.decidedPenalty,
      fineFen: enforcementCases.fineFen,
    })
    .from(enforcementCases)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, enforcementCases.tenantCode),
        eq(organizations.id, enforcementCases.organizationId),
      ),
    )
    .where(entityCaseConditions(ctx, creditCode))
    .orderBy(desc(enforcementCases.registeredOn), desc(enforcementCases.createdAt))
    .limit(listLimit);
}

export type EntityCaseRow = Awaited<ReturnType<typeof selectEntityCases>>[number];

/** Cases, penalties and the fines decided, over every case of the entity in scope. */
export async function countEntityCases(ctx: ServiceContext, creditCode: string) {
  const isPenalty = sql`${enforcementCases.decisionOutcome} = 'penalty' AND ${enforcementCases.decidedOn} IS NOT NULL`;
  const [row] = await ctx.tx
    .select({
      cases: sql<number>`count(*)::int`,
      penalties: sql<number>`(count(*) FILTER (WHERE ${isPenalty}))::int`,
      fineFen: sql<string>`coalesce(sum(${enforcementCases.fineFen}) FILTER (WHERE ${isPenalty}), 0)::text`,
    })
    .from(enforcementCases)
    .where(entityCaseConditions(ctx, creditCode));
  return { cases: row?.cases ?? 0, penalties: row?.penalties ?? 0, fineFen: Number(row?.fineFen ?? 0) };
}

/** The latest publication of each case (any status), by case id. */
export async function latestCasePublications(ctx: ServiceContext, caseIds: readonly string[]) {
  if (caseIds.length === 0) return new Map<string, CasePublicationRow>();
  const rows = await ctx.tx
    .select({
      subjectId: publications.subjectId,
      status: publications.status,
      publishedOn: publications.publishedOn,
      publicUntil: publications.publicUntil,
    })
    .from(publications)
    .where(
      and(
        eq(publications.tenantCode, ctx.tenantCode),
        eq(publications.subjectType, caseSubjectType),
        inArray(publications.subjectId, [...caseIds]),
      ),
    )
    .orderBy(asc(publications.createdAt), asc(publications.id));
  // later rows overwrite earlier ones: the map keeps each case's latest
  return new Map(rows.map((row) => [row.subjectId, row]));
}

export interface CasePublicationRow {
  subjectId: string;
  status: string;
  publishedOn: string | null;
  publicUntil: string | null;
}

// ── Portal: public today only ────────────────────────────────────────────────

/**
 * The directory searched by name or code for the portal. The whole directory is searched, not only
 * entities with something published: its data (name, code, industry, registered address, licences)
 * is registration data public by law (企业信息公示暂行条例 art. 6), and "nothing published" is itself
 * what a citizen checking an enterprise wants to know. A search word is required, so the directory
 * cannot be paged through whole.
 */
export async function searchDirectory(
  ctx: ServiceContext,
  q: string,
  page: { page: number; pageSize: number },
): Promise<{ rows: EntityRow[]; total: number; totalIsCapped: boolean }> {
  const code = q.toUpperCase();
  const where = and(
    eq(entities.tenantCode, ctx.tenantCode),
    /^[0-9A-Z]{18}$/.test(code)
      ? eq(entities.creditCode, code)
      : (matchesSearch(entities.searchVector, q) ?? sql`false`),
  );
  const count = await countUpTo(ctx, entities, where, 1_000);
  const rows = await ctx.tx
    .select({ ...entityColumns, searchVector: sql<string | null>`NULL` })
    .from(entities)
    .where(where)
    .orderBy(asc(entities.name), asc(entities.creditCode))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { rows, ...count };
}

/** The ids of the entity's penalty decisions public today, newest first. */
export async function selectPublicPenaltyIds(
  ctx: ServiceContext,
  creditCode: string,
  today: string,
): Promise<string[]> {
  const rows = await ctx.tx
    .select({ id: publications.id })
    .from(publications)
    .where(
      and(
        eq(publications.tenantCode, ctx.tenantCode),
        eq(publications.subjectType, caseSubjectType),
        eq(publications.kind, 'penalty'),
        isPublicOn(today),
        sql`${publications.subjectId} IN (SELECT ${enforcementCases.id}::text FROM ${enforcementCases}
          JOIN ${enforcementParties} ON ${enforcementParties.tenantCode} = ${enforcementCases.tenantCode}
            AND ${enforcementParties.id} = ${enforcementCases.partyId}
          WHERE ${enforcementCases.tenantCode} = ${ctx.tenantCode} AND ${enforcementParties.creditCode} = ${creditCode})`,
      ),
    )
    .orderBy(desc(publications.publishedOn), desc(publications.id))
    .limit(listLimit);
  return rows.map((row) => row.id);
}

/** The entity's completed spot checks whose result is public today, newest first. */
export async function selectPublicInspections(ctx: ServiceContext, creditCode: string, today: string) {
  return ctx.tx
    .select({
      planNumber: spotCheckPlans.planNumber,
      planTitle: spotCheckPlans.title,
      organizationIds: spotCheckPlans.organizationIds,
      result: spotCheckTasks.result,
      completedOn: spotCheckTasks.completedOn,
      publishedOn: publications.publishedOn,
      publicationId: publications.id,
    })
    .from(spotCheckTasks)
    .innerJoin(
      spotCheckPlans,
      and(
        eq(spotCheckPlans.tenantCode, spotCheckTasks.tenantCode),
        eq(spotCheckPlans.id, spotCheckTasks.planId),
      ),
    )
    .innerJoin(
      publications,
      and(
        eq(publications.tenantCode, spotCheckTasks.tenantCode),
        eq(publications.id, spotCheckTasks.publicationId),
      ),
    )
    .where(
      and(
        eq(spotCheckTasks.tenantCode, ctx.tenantCode),
        eq(spotCheckTasks.creditCode, creditCode),
        eq(spotCheckTasks.state, 'completed'),
        isNotNull(spotCheckTasks.result),
        isPublicOn(today),
      ),
    )
    .orderBy(desc(spotCheckTasks.completedOn), desc(spotCheckTasks.id))
    .limit(listLimit);
}

/**
 * The published 行政许可决定 about the entity: publications of kind licensing whose title or
 * content (label → masked text) names its credit code, which a licensing decision about an
 * enterprise always states. Public today only for the portal; every published one for the console.
 */
export async function selectLicensingDecisions(
  ctx: ServiceContext,
  creditCode: string,
  options: { publicOn: string | null },
) {
  const pattern = `%${creditCode}%`;
  return ctx.tx
    .select({
      id: publications.id,
      title: publications.title,
      decidedOn: publications.decidedOn,
      organizationName: organizations.name,
    })
    .from(publications)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, publications.tenantCode),
        eq(organizations.id, publications.organizationId),
      ),
    )
    .where(
      and(
        eq(publications.tenantCode, ctx.tenantCode),
        eq(publications.kind, 'licensing'),
        options.publicOn === null ? eq(publications.status, 'published') : isPublicOn(options.publicOn),
        or(sql`${publications.title} LIKE ${pattern}`, sql`${publications.content}::text LIKE ${pattern}`),
      ),
    )
    .orderBy(desc(publications.decidedOn), desc(publications.id))
    .limit(listLimit);
}

export type LicensingDecisionRow = Awaited<ReturnType<typeof selectLicensingDecisions>>[number];
