import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { PublicationDisplayStatus } from '../../../contracts/publicity';
import { organizations } from '../../modules/org/org-tables';
import { organizationScope } from '../access/scope';
import type { ServiceContext } from '../context';
import { queryRows } from '../db/query-rows';
import { matchesSearch, searchRank, segmentedText, toSearchVector } from '../search/chinese-search';
import { publications, type PublicationRow } from './publication-tables';

/**
 * Drizzle queries of the publication mechanism. Console reads apply organizationScope; portal
 * reads see only what is public today: published, and not past its publicity period.
 */

export interface PublicationRecord extends Omit<PublicationRow, 'searchVector' | 'content'> {
  /** label → masked text, in display order */
  content: Record<string, string>;
  organizationName: string;
  organizationPath: string;
}

/**
 * jsonb keeps an object's keys in its own order (shorter keys first), not the order written, so the
 * parts of a text are stored as [label, text] pairs and read back as an object in that order.
 */
const toStoredContent = (content: Record<string, string>): [string, string][] => Object.entries(content);

function fromStoredContent(stored: unknown): Record<string, string> {
  if (Array.isArray(stored)) return Object.fromEntries(stored as [string, string][]);
  return (stored ?? {}) as Record<string, string>;
}

const toRecord = <Row extends { content: unknown }>(row: Row) => ({
  ...row,
  content: fromStoredContent(row.content),
});

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the search vector is left out of every select
const { searchVector, ...publicationColumns } = getTableColumns(publications);

function publicationSelect(ctx: ServiceContext) {
  return ctx.tx
    .select({
      ...publicationColumns,
      organizationName: organizations.name,
      organizationPath: organizations.path,
    })
    .from(publications)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, publications.tenantCode),
        eq(organizations.id, publications.organizationId),
      ),
    );
}

/** The text a publication is found by: its title and every part of its (masked) content. */
export const searchTextOf = (title: string, content: Record<string, string>) =>
  segmentedText([title, ...Object.values(content)].join(' '));

export async function insertPublication(
  ctx: ServiceContext,
  row: Omit<typeof publications.$inferInsert, 'tenantCode' | 'searchVector' | 'content'> & {
    content: Record<string, string>;
  },
): Promise<void> {
  await ctx.tx.insert(publications).values({
    ...row,
    content: toStoredContent(row.content),
    tenantCode: ctx.tenantCode,
    searchVector: toSearchVector(searchTextOf(row.title, row.content)),
  });
}

export async function updatePublication(
  ctx: ServiceContext,
  id: string,
  values: Partial<
    Omit<typeof publications.$inferInsert, 'tenantCode' | 'id' | 'searchVector' | 'content'>
  > & {
    content?: Record<string, string>;
  },
): Promise<void> {
  const { content, ...rest } = values;
  const searchVector =
    values.title !== undefined && content !== undefined
      ? { searchVector: toSearchVector(searchTextOf(values.title, content)) }
      : {};
  await ctx.tx
    .update(publications)
    .set({
      ...rest,
      ...(content === undefined ? {} : { content: toStoredContent(content) }),
      ...searchVector,
      updatedAt: ctx.clock.now(),
    })
    .where(and(eq(publications.tenantCode, ctx.tenantCode), eq(publications.id, id)));
}

/** One publication in the actor's scope (the platform itself sees all), locked for update when asked. */
export async function findPublicationInScope(
  ctx: ServiceContext,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PublicationRecord | null> {
  const query = publicationSelect(ctx).where(
    and(
      eq(publications.tenantCode, ctx.tenantCode),
      eq(publications.id, id),
      organizationScope(ctx, publications.organizationId),
    ),
  );
  const [row] = options.forUpdate ? await query.for('update', { of: publications }) : await query;
  return row ? toRecord(row) : null;
}

/** The latest publication of a subject in the actor's scope. */
export async function findLatestPublicationOfSubject(
  ctx: ServiceContext,
  subjectType: string,
  subjectId: string,
): Promise<PublicationRecord | null> {
  const [row] = await publicationSelect(ctx)
    .where(
      and(
        eq(publications.tenantCode, ctx.tenantCode),
        eq(publications.subjectType, subjectType),
        eq(publications.subjectId, subjectId),
        organizationScope(ctx, publications.organizationId),
      ),
    )
    .orderBy(desc(publications.createdAt), desc(publications.id))
    .limit(1);
  return row ? toRecord(row) : null;
}

/** Whether a subject already has a publication that is not withdrawn (one live publication per subject). */
export async function findLivePublicationIdOfSubject(
  ctx: ServiceContext,
  subjectType: string,
  subjectId: string,
): Promise<string | null> {
  const [row] = await ctx.tx
    .select({ id: publications.id })
    .from(publications)
    .where(
      and(
        eq(publications.tenantCode, ctx.tenantCode),
        eq(publications.subjectType, subjectType),
        eq(publications.subjectId, subjectId),
        or(eq(publications.status, 'pending'), eq(publications.status, 'published')),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

/** Public today: published, and its publicity period (if any) not over. */
function isPublicOn(today: string): SQL {
  return and(
    eq(publications.status, 'published'),
    or(isNull(publications.publicUntil), gte(publications.publicUntil, today)),
  ) as SQL;
}

function displayStatusCondition(status: PublicationDisplayStatus, today: string): SQL | undefined {
  switch (status) {
    case 'published':
      return isPublicOn(today);
    case 'expired':
      return and(
        eq(publications.status, 'published'),
        isNotNull(publications.publicUntil),
        lt(publications.publicUntil, today),
      );
    default:
      return eq(publications.status, status);
  }
}

function searchCondition(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  return matchesSearch(publications.searchVector, q) ?? sql`false`;
}

export interface PublicationFilter {
  status?: PublicationDisplayStatus | undefined;
  organizationId?: string | undefined;
  q?: string | undefined;
  overdue?: boolean | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
}

function consoleConditions(ctx: ServiceContext, filter: PublicationFilter, today: string): SQL | undefined {
  return and(
    eq(publications.tenantCode, ctx.tenantCode),
    organizationScope(ctx, publications.organizationId),
    filter.organizationId ? eq(publications.organizationId, filter.organizationId) : undefined,
    filter.status ? displayStatusCondition(filter.status, today) : undefined,
    // a due date still pending (null: the calendar lacks the year) is not overdue until it is known
    filter.overdue === undefined
      ? undefined
      : filter.overdue
        ? and(
            eq(publications.status, 'pending'),
            isNotNull(publications.dueOn),
            lt(publications.dueOn, today),
          )
        : or(ne(publications.status, 'pending'), isNull(publications.dueOn), gte(publications.dueOn, today)),
    filter.dueFrom ? gte(publications.dueOn, filter.dueFrom) : undefined,
    filter.dueTo ? lte(publications.dueOn, filter.dueTo) : undefined,
    searchCondition(filter.q),
  );
}

/** A page of publications in scope: pending first by due date, then the rest newest first. */
export async function selectPublications(
  ctx: ServiceContext,
  filter: PublicationFilter,
  page: { page: number; pageSize: number },
  today: string,
): Promise<{ rows: PublicationRecord[]; total: number }> {
  const where = consoleConditions(ctx, filter, today);
  const [total] = await ctx.tx.select({ n: count() }).from(publications).where(where);
  const rows = await publicationSelect(ctx)
    .where(where)
    .orderBy(
      sql`CASE WHEN ${publications.status} = 'pending' THEN 0 ELSE 1 END`,
      sql`CASE WHEN ${publications.status} = 'pending' THEN ${publications.dueOn} END ASC NULLS LAST`,
      desc(publications.decidedOn),
      desc(publications.id),
    )
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { rows: rows.map(toRecord), total: total?.n ?? 0 };
}

export interface PublicDecisionFilter {
  q?: string | undefined;
  organizationId?: string | undefined;
  year?: number | undefined;
  kind?: string | undefined;
}

/** A page of the decisions public today, best match first when searching, else newest first. */
export async function selectPublicDecisions(
  ctx: ServiceContext,
  filter: PublicDecisionFilter,
  page: { page: number; pageSize: number },
  today: string,
): Promise<{ rows: PublicationRecord[]; total: number }> {
  const where = and(
    eq(publications.tenantCode, ctx.tenantCode),
    isPublicOn(today),
    filter.organizationId ? eq(publications.organizationId, filter.organizationId) : undefined,
    filter.kind ? eq(publications.kind, filter.kind) : undefined,
    filter.year
      ? and(
          gte(publications.decidedOn, `${String(filter.year)}-01-01`),
          lte(publications.decidedOn, `${String(filter.year)}-12-31`),
        )
      : undefined,
    searchCondition(filter.q),
  );
  const [total] = await ctx.tx.select({ n: count() }).from(publications).where(where);
  const order = [desc(publications.publishedOn), desc(publications.decidedOn), asc(publications.id)];
  const rows = await publicationSelect(ctx)
    .where(where)
    .orderBy(...(filter.q ? [desc(searchRank(publications.searchVector, filter.q)), ...order] : order))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { rows: rows.map(toRecord), total: total?.n ?? 0 };
}

/** One decision public today, or null. */
export async function findPublicDecision(
  ctx: ServiceContext,
  id: string,
  today: string,
): Promise<PublicationRecord | null> {
  const [row] = await publicationSelect(ctx).where(
    and(eq(publications.tenantCode, ctx.tenantCode), eq(publications.id, id), isPublicOn(today)),
  );
  return row ? toRecord(row) : null;
}

/** Per organization, the decisions public today. */
export async function countPublicDecisionsByOrganization(
  ctx: ServiceContext,
  today: string,
): Promise<Map<string, number>> {
  const rows = await ctx.tx
    .select({ organizationId: publications.organizationId, n: count() })
    .from(publications)
    .where(and(eq(publications.tenantCode, ctx.tenantCode), isPublicOn(today)))
    .groupBy(publications.organizationId);
  return new Map(rows.map((row) => [row.organizationId, row.n]));
}

/**
 * The counts behind publicity timeliness, over publications falling due in [from, to] in scope. A
 * due date still pending (null: the calendar lacks the year) is neither on time nor late, nor
 * overdue, until it is known: such a record is left out.
 */
export async function timelinessCounts(
  ctx: ServiceContext,
  query: { from: string; to: string; organizationId?: string | undefined; kind?: string | undefined },
  today: string,
): Promise<{ onTime: number; late: number; overdue: number; notYetDue: number }> {
  const [row] = await queryRows<{ onTime: number; late: number; overdue: number; notYetDue: number }>(
    ctx.tx,
    sql`SELECT
        count(*) FILTER (WHERE ${publications.dueOn} IS NOT NULL AND ${publications.publishedOn} IS NOT NULL AND ${publications.publishedOn} <= ${publications.dueOn})::int AS "onTime",
        count(*) FILTER (WHERE ${publications.dueOn} IS NOT NULL AND ${publications.publishedOn} IS NOT NULL AND ${publications.publishedOn} > ${publications.dueOn})::int AS "late",
        count(*) FILTER (WHERE ${publications.dueOn} IS NOT NULL AND ${publications.publishedOn} IS NULL AND ${publications.status} = 'pending' AND ${publications.dueOn} < ${today})::int AS "overdue",
        count(*) FILTER (WHERE ${publications.dueOn} IS NOT NULL AND ${publications.publishedOn} IS NULL AND ${publications.status} = 'pending' AND ${publications.dueOn} >= ${today})::int AS "notYetDue"
      FROM ${publications}
      WHERE ${and(
        eq(publications.tenantCode, ctx.tenantCode),
        organizationScope(ctx, publications.organizationId),
        query.organizationId ? eq(publications.organizationId, query.organizationId) : undefined,
        query.kind ? eq(publications.kind, query.kind) : undefined,
        isNotNull(publications.dueOn),
        gte(publications.dueOn, query.from),
        lte(publications.dueOn, query.to),
      )}`,
  );
  return row ?? { onTime: 0, late: 0, overdue: 0, notYetDue: 0 };
}

/**
 * Every publication of the tenant whose due date — or, withdrawn after publication, whose
 * withdrawal's due date — is still pending because the calendar lacked a year, and whose period
 * starts on or before the end of `year` (the ones entering that year may settle), locked for update.
 */
export async function selectPublicationsAwaitingDueDates(
  ctx: ServiceContext,
  year: number,
): Promise<PublicationRecord[]> {
  const rows = await publicationSelect(ctx)
    .where(
      and(
        eq(publications.tenantCode, ctx.tenantCode),
        or(
          and(isNull(publications.dueOn), lte(publications.decidedOn, `${String(year)}-12-31`)),
          and(
            eq(publications.status, 'withdrawn'),
            isNotNull(publications.publishedOn),
            isNotNull(publications.withdrawEventOn),
            isNull(publications.withdrawDueOn),
            lte(publications.withdrawEventOn, `${String(year)}-12-31`),
          ),
        ),
      ),
    )
    .orderBy(asc(publications.id))
    .for('update', { of: publications });
  return rows.map(toRecord);
}
