import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../../../contracts/roles';
import type { StatisticsIndicator } from '../../../../contracts/enforcement-oversight';
import { organizationScope } from '../../../core/access/scope';
import type { ServiceContext } from '../../../core/context';
import { queryRows } from '../../../core/db/query-rows';
import { deadlines } from '../../../core/procedures/procedure-tables';
import { organizations } from '../../org/org-tables';
import { caseReviews, enforcementCases } from '../enforcement-tables';

/**
 * The figures of 执法统计 as declared conditions over enforcement_cases (DESIGN.md core mechanism
 * 6): each figure counts the rows its condition selects, and its drill-down lists the same rows,
 * so a figure and its cases never disagree.
 */

export interface StatisticsScope {
  from: string;
  to: string;
  today: string;
  /** the subtree path of the body asked for, or null for the whole scope */
  organizationPath: string | null;
  roles: readonly Role[];
}

const c = enforcementCases;

/** The actor's scope and the body's subtree, over enforcement_cases. */
function caseScope(ctx: ServiceContext, scope: StatisticsScope): SQL {
  const parts: SQL[] = [
    sql`${c.tenantCode} = ${ctx.tenantCode}`,
    organizationScope(ctx, c.organizationId, scope.roles),
  ];
  if (scope.organizationPath) {
    parts.push(
      sql`${c.organizationId} IN (SELECT ${organizations.id} FROM ${organizations} WHERE ${organizations.tenantCode} = ${ctx.tenantCode} AND ${organizations.path} LIKE ${`${scope.organizationPath}%`})`,
    );
  }
  return sql.join(parts, sql` AND `);
}

const registeredIn = (scope: StatisticsScope) => sql`${c.registeredOn} BETWEEN ${scope.from} AND ${scope.to}`;
const majorDecidedIn = (scope: StatisticsScope) =>
  sql`${c.isMajor} AND ${c.decidedOn} BETWEEN ${scope.from} AND ${scope.to}`;
/** 行政处罚法 art. 58: the opinion (agree) recorded on or before the decision date. */
const reviewedBeforeDecision = sql`COALESCE(${c.legalReviewConclusion} = 'agree' AND ${c.legalReviewedOn} <= ${c.decidedOn}, false)`;
const overdueDeadline = (scope: StatisticsScope, key?: string) =>
  sql`EXISTS (SELECT 1 FROM ${deadlines} d WHERE d.tenant_code = ${c.tenantCode} AND d.instance_id = ${c.instanceId}
    AND d.status = 'open' AND d.due_date < ${scope.today}${key ? sql` AND d.key = ${key}` : sql``})`;
const fromYear = (scope: StatisticsScope) => Number(scope.from.slice(0, 4));
const toYear = (scope: StatisticsScope) => Number(scope.to.slice(0, 4));
const reviewedInYears = (scope: StatisticsScope, key?: string) =>
  sql`EXISTS (SELECT 1 FROM ${caseReviews} r WHERE r.tenant_code = ${c.tenantCode} AND r.case_id = ${c.id}
    AND r.year BETWEEN ${fromYear(scope)} AND ${toYear(scope)}${
      key === 'pending' ? sql` AND r.status = 'pending'` : key ? sql` AND r.grade = ${key}` : sql``
    })`;

/** The condition of one figure (with its group key where it has groups). */
export function indicatorCondition(
  indicator: StatisticsIndicator,
  scope: StatisticsScope,
  key?: string,
): SQL {
  switch (indicator) {
    case 'registered':
      return registeredIn(scope);
    case 'majorDecided':
      return majorDecidedIn(scope);
    case 'legalReviewed':
      return sql`${majorDecidedIn(scope)} AND ${reviewedBeforeDecision}`;
    case 'legalReviewMissing':
      return sql`${majorDecidedIn(scope)} AND NOT ${reviewedBeforeDecision}`;
    case 'overdue':
      return overdueDeadline(scope, key);
    case 'byState':
      return sql`${registeredIn(scope)} AND ${c.state} = ${key ?? ''}`;
    case 'bySource':
      return sql`${registeredIn(scope)} AND ${c.source} = ${key ?? ''}`;
    case 'byProcedure':
      return sql`${registeredIn(scope)} AND ${c.procedure} = ${key ?? ''}`;
    case 'fined':
      return sql`${c.decidedOn} BETWEEN ${scope.from} AND ${scope.to} AND ${c.fineFen} > 0`;
    case 'reviewGrade':
      return reviewedInYears(scope, key);
  }
}

export interface CaseFigures {
  registered: number;
  majorDecided: number;
  legalReviewed: number;
  overdueCases: number;
  finedCases: number;
  fineFen: number;
}

export async function caseFigures(ctx: ServiceContext, scope: StatisticsScope): Promise<CaseFigures> {
  const [row] = await queryRows<Record<keyof CaseFigures, number | string>>(
    ctx.tx,
    sql`SELECT
        count(*) FILTER (WHERE ${indicatorCondition('registered', scope)})::int AS "registered",
        count(*) FILTER (WHERE ${indicatorCondition('majorDecided', scope)})::int AS "majorDecided",
        count(*) FILTER (WHERE ${indicatorCondition('legalReviewed', scope)})::int AS "legalReviewed",
        count(*) FILTER (WHERE ${indicatorCondition('overdue', scope)})::int AS "overdueCases",
        count(*) FILTER (WHERE ${indicatorCondition('fined', scope)})::int AS "finedCases",
        COALESCE(sum(${c.fineFen}) FILTER (WHERE ${indicatorCondition('fined', scope)}), 0)::float8 AS "fineFen"
      FROM ${c} WHERE ${caseScope(ctx, scope)}`,
  );
  return {
    registered: Number(row?.registered ?? 0),
    majorDecided: Number(row?.majorDecided ?? 0),
    legalReviewed: Number(row?.legalReviewed ?? 0),
    overdueCases: Number(row?.overdueCases ?? 0),
    finedCases: Number(row?.finedCases ?? 0),
    fineFen: Number(row?.fineFen ?? 0),
  };
}

/** Cases registered in the period grouped by a column (state, source, procedure). */
export async function registeredBy(
  ctx: ServiceContext,
  scope: StatisticsScope,
  column: 'state' | 'source' | 'procedure',
): Promise<{ key: string; count: number }[]> {
  const target = column === 'state' ? c.state : column === 'source' ? c.source : c.procedure;
  const rows = await queryRows<{ key: string; count: number | string }>(
    ctx.tx,
    sql`SELECT ${target} AS key, count(*)::int AS count FROM ${c}
      WHERE ${caseScope(ctx, scope)} AND ${registeredIn(scope)}
      GROUP BY ${target} ORDER BY 2 DESC, 1`,
  );
  return rows.map((row) => ({ key: row.key, count: Number(row.count) }));
}

/** Open deadlines past due on cases in scope, by deadline key. */
export async function overdueByKey(
  ctx: ServiceContext,
  scope: StatisticsScope,
): Promise<{ key: string; label: string; count: number }[]> {
  const rows = await queryRows<{ key: string; label: string; count: number | string }>(
    ctx.tx,
    sql`SELECT d.key, min(d.label) AS label, count(*)::int AS count
      FROM ${deadlines} d JOIN ${c} ON ${c.tenantCode} = d.tenant_code AND ${c.instanceId} = d.instance_id
      WHERE ${caseScope(ctx, scope)} AND d.status = 'open' AND d.due_date < ${scope.today}
      GROUP BY d.key ORDER BY 3 DESC, 1`,
  );
  return rows.map((row) => ({ key: row.key, label: row.label, count: Number(row.count) }));
}

/** Case-file reviews of the years the period covers, of cases in scope: sampled, scored, average, by grade. */
export async function reviewFigures(
  ctx: ServiceContext,
  scope: StatisticsScope,
): Promise<{
  sampled: number;
  scored: number;
  averageScore: number | null;
  byGrade: { key: string; count: number }[];
}> {
  const rows = await queryRows<{
    grade: string | null;
    status: string;
    count: number | string;
    total: number | string | null;
  }>(
    ctx.tx,
    sql`SELECT r.grade, r.status, count(*)::int AS count, sum(r.total_score)::float8 AS total
      FROM ${caseReviews} r JOIN ${c} ON ${c.tenantCode} = r.tenant_code AND ${c.id} = r.case_id
      WHERE ${caseScope(ctx, scope)} AND r.year BETWEEN ${fromYear(scope)} AND ${toYear(scope)}
      GROUP BY r.grade, r.status`,
  );
  let sampled = 0;
  let scored = 0;
  let total = 0;
  const byGrade = new Map<string, number>();
  for (const row of rows) {
    const count = Number(row.count);
    sampled += count;
    if (row.status === 'scored') {
      scored += count;
      total += Number(row.total ?? 0);
    }
    const key = row.status === 'scored' ? (row.grade ?? 'pending') : 'pending';
    byGrade.set(key, (byGrade.get(key) ?? 0) + count);
  }
  return {
    sampled,
    scored,
    averageScore: scored === 0 ? null : Math.round((total / scored) * 100) / 100,
    byGrade: [...byGrade.entries()].map(([key, count]) => ({ key, count })),
  };
}

export interface StatisticsCaseRecord {
  id: string;
  caseNumber: string;
  title: string;
  organizationId: string;
  organizationName: string;
  procedure: string;
  source: string;
  state: string;
  isMajor: boolean;
  registeredOn: string;
  decidedOn: string | null;
  fineFen: number;
  instanceId: string;
  legalReviewConclusion: string | null;
  legalReviewedOn: string | null;
}

/** The cases a figure counts, a page at a time. */
export async function selectIndicatorCases(
  ctx: ServiceContext,
  scope: StatisticsScope,
  indicator: StatisticsIndicator,
  key: string | undefined,
  page: { page: number; pageSize: number },
): Promise<{ rows: StatisticsCaseRecord[]; total: number }> {
  const where = sql`${caseScope(ctx, scope)} AND ${indicatorCondition(indicator, scope, key)}`;
  const rows = await queryRows<Omit<StatisticsCaseRecord, 'fineFen'> & { fineFen: number | string }>(
    ctx.tx,
    sql`SELECT ${c.id} AS id, ${c.caseNumber} AS "caseNumber", ${c.title} AS title, ${c.organizationId} AS "organizationId",
        o.name AS "organizationName", ${c.procedure} AS procedure, ${c.source} AS source, ${c.state} AS state,
        ${c.isMajor} AS "isMajor", ${c.registeredOn}::text AS "registeredOn", ${c.decidedOn}::text AS "decidedOn",
        ${c.fineFen} AS "fineFen", ${c.instanceId} AS "instanceId",
        ${c.legalReviewConclusion} AS "legalReviewConclusion", ${c.legalReviewedOn}::text AS "legalReviewedOn"
      FROM ${c} JOIN ${organizations} o ON o.tenant_code = ${c.tenantCode} AND o.id = ${c.organizationId}
      WHERE ${where}
      ORDER BY ${c.registeredOn} DESC, ${c.caseNumber}
      LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
  );
  const [counted] = await queryRows<{ n: number | string }>(
    ctx.tx,
    sql`SELECT count(*)::int AS n FROM ${c} WHERE ${where}`,
  );
  return {
    rows: rows.map((row) => ({ ...row, fineFen: Number(row.fineFen) })),
    total: Number(counted?.n ?? 0),
  };
}

/** The open deadlines past due of the given instances, for the drill-down's detail. */
export async function overdueDeadlinesOf(
  ctx: ServiceContext,
  instanceIds: string[],
  today: string,
): Promise<{ instanceId: string; key: string; label: string; dueDate: string }[]> {
  if (instanceIds.length === 0) return [];
  return queryRows(
    ctx.tx,
    sql`SELECT d.instance_id AS "instanceId", d.key, d.label, d.due_date::text AS "dueDate" FROM ${deadlines} d
      WHERE d.tenant_code = ${ctx.tenantCode} AND d.status = 'open' AND d.due_date < ${today}
        AND d.instance_id IN (${sql.join(
          instanceIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
      ORDER BY d.due_date`,
  );
}

/** The reviews of the given cases in the years of the period, for the drill-down's detail. */
export async function reviewsOfCases(
  ctx: ServiceContext,
  caseIds: string[],
  scope: StatisticsScope,
): Promise<
  { caseId: string; campaign: string; status: string; grade: string | null; totalScore: number | null }[]
> {
  if (caseIds.length === 0) return [];
  const rows = await queryRows<{
    caseId: string;
    campaign: string;
    status: string;
    grade: string | null;
    totalScore: number | string | null;
  }>(
    ctx.tx,
    sql`SELECT r.case_id AS "caseId", r.campaign, r.status, r.grade, r.total_score::float8 AS "totalScore" FROM ${caseReviews} r
      WHERE r.tenant_code = ${ctx.tenantCode} AND r.year BETWEEN ${fromYear(scope)} AND ${toYear(scope)}
        AND r.case_id IN (${sql.join(
          caseIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
      ORDER BY r.sampled_at`,
  );
  return rows.map((row) => ({ ...row, totalScore: row.totalScore === null ? null : Number(row.totalScore) }));
}
