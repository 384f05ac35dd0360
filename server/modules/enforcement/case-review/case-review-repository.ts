import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Role } from '../../../../contracts/roles';
import { organizationScope } from '../../../core/access/scope';
import type { ServiceContext } from '../../../core/context';
import { organizations } from '../../org/org-tables';
import {
  caseReviewChecklists,
  caseReviews,
  enforcementCases,
  type CaseReviewRow,
} from '../enforcement-tables';

/** Drizzle queries of 案卷评查. Reads apply organizationScope for the roles given. */

export type ChecklistRow = typeof caseReviewChecklists.$inferSelect;
export interface ChecklistRecord extends ChecklistRow {
  organizationName: string;
}
export interface ReviewRecord extends CaseReviewRow {
  caseNumber: string;
  caseTitle: string;
  organizationName: string;
  organizationPath: string;
}

// ── Checklists ───────────────────────────────────────────────────────────────

function checklistSelect(ctx: ServiceContext) {
  return ctx.tx
    .select({ ...getTableColumns(caseReviewChecklists), organizationName: organizations.name })
    .from(caseReviewChecklists)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, caseReviewChecklists.tenantCode),
        eq(organizations.id, caseReviewChecklists.organizationId),
      ),
    );
}

export async function selectChecklists(
  ctx: ServiceContext,
  filter: {
    roles: readonly Role[];
    includeInactive?: boolean | undefined;
    organizationId?: string | undefined;
  },
): Promise<ChecklistRecord[]> {
  const where: SQL[] = [
    eq(caseReviewChecklists.tenantCode, ctx.tenantCode),
    organizationScope(ctx, caseReviewChecklists.organizationId, filter.roles),
  ];
  if (!filter.includeInactive) where.push(eq(caseReviewChecklists.isActive, true));
  if (filter.organizationId) where.push(eq(caseReviewChecklists.organizationId, filter.organizationId));
  return checklistSelect(ctx)
    .where(and(...where))
    .orderBy(desc(caseReviewChecklists.isActive), desc(caseReviewChecklists.createdAt));
}

/** A checklist by id (a review's checklist is read whatever its scope: the review was scoped). */
export async function findChecklist(ctx: ServiceContext, id: string): Promise<ChecklistRecord | null> {
  const [row] = await checklistSelect(ctx).where(
    and(eq(caseReviewChecklists.tenantCode, ctx.tenantCode), eq(caseReviewChecklists.id, id)),
  );
  return row ?? null;
}

export async function countChecklistsOf(ctx: ServiceContext, organizationId: string): Promise<number> {
  const [row] = await ctx.tx
    .select({ n: count() })
    .from(caseReviewChecklists)
    .where(
      and(
        eq(caseReviewChecklists.tenantCode, ctx.tenantCode),
        eq(caseReviewChecklists.organizationId, organizationId),
      ),
    );
  return row?.n ?? 0;
}

/** Serializes checklist writes of one organization (the default seeded once, one active checklist). */
export async function lockChecklists(ctx: ServiceContext, organizationId: string): Promise<void> {
  await ctx.tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext(${`checklists:${ctx.tenantCode}:${organizationId}`}))`,
  );
}

export async function insertChecklist(
  ctx: ServiceContext,
  row: Omit<typeof caseReviewChecklists.$inferInsert, 'tenantCode'>,
): Promise<void> {
  await ctx.tx.insert(caseReviewChecklists).values({ ...row, tenantCode: ctx.tenantCode });
}

/** Deactivates the organization's active checklists; returns their ids. */
export async function deactivateChecklists(ctx: ServiceContext, organizationId: string): Promise<string[]> {
  const rows = await ctx.tx
    .update(caseReviewChecklists)
    .set({ isActive: false, updatedAt: ctx.clock.now() })
    .where(
      and(
        eq(caseReviewChecklists.tenantCode, ctx.tenantCode),
        eq(caseReviewChecklists.organizationId, organizationId),
        eq(caseReviewChecklists.isActive, true),
      ),
    )
    .returning({ id: caseReviewChecklists.id });
  return rows.map((row) => row.id);
}

// ── Sampling ─────────────────────────────────────────────────────────────────

export interface SampleCandidate {
  id: string;
  organizationId: string;
  organizationName: string;
}

/**
 * Closed or archived cases closed in `year` (the case year when no closing date is kept) of the
 * bodies in the justice bureau's scope, not yet in the campaign.
 */
export async function selectSampleCandidates(
  ctx: ServiceContext,
  filter: { year: number; campaign: string; organizationIds?: string[] | undefined },
): Promise<SampleCandidate[]> {
  const from = `${filter.year}-01-01`;
  const to = `${filter.year}-12-31`;
  const where: SQL[] = [
    eq(enforcementCases.tenantCode, ctx.tenantCode),
    organizationScope(ctx, enforcementCases.organizationId, ['justiceBureau']),
    inArray(enforcementCases.state, ['closed', 'archived']),
    or(
      and(gte(enforcementCases.closedOn, from), lte(enforcementCases.closedOn, to)),
      and(sql`${enforcementCases.closedOn} IS NULL`, eq(enforcementCases.year, filter.year)),
    ) as SQL,
    sql`NOT EXISTS (SELECT 1 FROM ${caseReviews} r WHERE r.tenant_code = ${enforcementCases.tenantCode}
      AND r.case_id = ${enforcementCases.id} AND r.campaign = ${filter.campaign})`,
  ];
  if (filter.organizationIds) where.push(inArray(enforcementCases.organizationId, filter.organizationIds));
  return ctx.tx
    .select({
      id: enforcementCases.id,
      organizationId: enforcementCases.organizationId,
      organizationName: organizations.name,
    })
    .from(enforcementCases)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, enforcementCases.tenantCode),
        eq(organizations.id, enforcementCases.organizationId),
      ),
    )
    .where(and(...where))
    .orderBy(asc(enforcementCases.id));
}

/** Serializes sampling of one campaign, so two draws never take the same case twice. */
export async function lockCampaign(ctx: ServiceContext, campaign: string): Promise<void> {
  await ctx.tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext(${`case-review:${ctx.tenantCode}:${campaign}`}))`,
  );
}

export async function insertReviews(
  ctx: ServiceContext,
  rows: Omit<typeof caseReviews.$inferInsert, 'tenantCode'>[],
): Promise<void> {
  if (rows.length === 0) return;
  await ctx.tx.insert(caseReviews).values(rows.map((row) => ({ ...row, tenantCode: ctx.tenantCode })));
}

// ── Reviews ──────────────────────────────────────────────────────────────────

export interface ReviewFilter {
  campaign?: string | null | undefined;
  year?: number | undefined;
  organizationId?: string | undefined;
  status?: string | undefined;
  grade?: string | undefined;
  ids?: string[] | undefined;
}

function reviewWhere(ctx: ServiceContext, filter: ReviewFilter, roles: readonly Role[]): SQL {
  const where: SQL[] = [
    eq(caseReviews.tenantCode, ctx.tenantCode),
    organizationScope(ctx, caseReviews.organizationId, roles),
  ];
  if (filter.campaign) where.push(eq(caseReviews.campaign, filter.campaign));
  if (filter.year !== undefined) where.push(eq(caseReviews.year, filter.year));
  if (filter.organizationId) where.push(eq(caseReviews.organizationId, filter.organizationId));
  if (filter.status) where.push(eq(caseReviews.status, filter.status));
  if (filter.grade) where.push(eq(caseReviews.grade, filter.grade));
  if (filter.ids)
    where.push(
      inArray(caseReviews.id, filter.ids.length > 0 ? filter.ids : ['00000000-0000-0000-0000-000000000000']),
    );
  return and(...where) as SQL;
}

function reviewSelect(ctx: ServiceContext) {
  return ctx.tx
    .select({
      ...getTableColumns(caseReviews),
      caseNumber: enforcementCases.caseNumber,
      caseTitle: enforcementCases.title,
      organizationName: organizations.name,
      organizationPath: organizations.path,
    })
    .from(caseReviews)
    .innerJoin(
      enforcementCases,
      and(
        eq(enforcementCases.tenantCode, caseReviews.tenantCode),
        eq(enforcementCases.id, caseReviews.caseId),
      ),
    )
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, caseReviews.tenantCode),
        eq(organizations.id, caseReviews.organizationId),
      ),
    );
}

export async function selectReviews(
  ctx: ServiceContext,
  filter: ReviewFilter,
  roles: readonly Role[],
  page: { page: number; pageSize: number },
): Promise<{ rows: ReviewRecord[]; total: number }> {
  const where = reviewWhere(ctx, filter, roles);
  const rows = await reviewSelect(ctx)
    .where(where)
    .orderBy(desc(caseReviews.sampledAt), asc(organizations.name), asc(enforcementCases.caseNumber))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [counted] = await ctx.tx.select({ n: count() }).from(caseReviews).where(where);
  return { rows, total: counted?.n ?? 0 };
}

export async function findReview(
  ctx: ServiceContext,
  id: string,
  roles: readonly Role[],
): Promise<ReviewRecord | null> {
  const [row] = await reviewSelect(ctx).where(and(reviewWhere(ctx, {}, roles), eq(caseReviews.id, id)));
  return row ?? null;
}

export async function updateReviewRow(
  ctx: ServiceContext,
  id: string,
  values: Pick<
    typeof caseReviews.$inferInsert,
    'scores' | 'totalScore' | 'grade' | 'comment' | 'reviewerName' | 'scoredAt' | 'status'
  >,
): Promise<void> {
  await ctx.tx
    .update(caseReviews)
    .set(values)
    .where(and(eq(caseReviews.tenantCode, ctx.tenantCode), eq(caseReviews.id, id)));
}

export interface ReviewResultRecord {
  organizationId: string;
  organizationName: string;
  sampled: number;
  scored: number;
  averageScore: number | null;
  excellent: number;
  pass: number;
  fail: number;
}

/** Per body: sampled, scored, the average score of those scored, and the counts by grade. */
export async function reviewResultsByOrganization(
  ctx: ServiceContext,
  filter: Pick<ReviewFilter, 'campaign' | 'year'>,
  roles: readonly Role[],
): Promise<ReviewResultRecord[]> {
  const rows = await ctx.tx
    .select({
      organizationId: caseReviews.organizationId,
      organizationName: organizations.name,
      sampled: sql<number>`count(*)::int`,
      scored: sql<number>`(count(*) FILTER (WHERE ${caseReviews.status} = 'scored'))::int`,
      averageScore: sql<
        number | string | null
      >`round(avg(${caseReviews.totalScore}) FILTER (WHERE ${caseReviews.status} = 'scored'), 2)::float8`,
      excellent: sql<number>`(count(*) FILTER (WHERE ${caseReviews.grade} = 'excellent'))::int`,
      pass: sql<number>`(count(*) FILTER (WHERE ${caseReviews.grade} = 'pass'))::int`,
      fail: sql<number>`(count(*) FILTER (WHERE ${caseReviews.grade} = 'fail'))::int`,
    })
    .from(caseReviews)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, caseReviews.tenantCode),
        eq(organizations.id, caseReviews.organizationId),
      ),
    )
    .where(reviewWhere(ctx, filter, roles))
    .groupBy(caseReviews.organizationId, organizations.name)
    .orderBy(asc(organizations.name));
  return rows.map((row) => ({
    ...row,
    averageScore: row.averageScore === null ? null : Number(row.averageScore),
  }));
}
