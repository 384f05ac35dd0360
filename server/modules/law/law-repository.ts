import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../core/db/open-database';
import { matchesSearch, searchRank, segmentedText, toSearchVector } from '../../core/search/chinese-search';
import { lawArticles, lawImports, laws } from './law-tables';

/** Drizzle queries of the law library: laws are reference tables shared by every tenant, so no scope applies. */

export type LawRow = typeof laws.$inferSelect;
export type LawArticleRow = typeof lawArticles.$inferSelect;
/** A law version without its search column (what resolution and lists need). */
export type LawVersionRecord = Omit<LawRow, 'titleSearch'>;
export type LawArticleRecord = Omit<LawArticleRow, 'search'>;

const lawColumns = {
  id: laws.id,
  title: laws.title,
  shortTitle: laws.shortTitle,
  level: laws.level,
  category: laws.category,
  issuer: laws.issuer,
  versionDate: laws.versionDate,
  promulgatedOn: laws.promulgatedOn,
  effectiveOn: laws.effectiveOn,
  history: laws.history,
  supersededById: laws.supersededById,
  supersededOn: laws.supersededOn,
  repealedOn: laws.repealedOn,
  articleCount: laws.articleCount,
  contentHash: laws.contentHash,
  sourceName: laws.sourceName,
  importId: laws.importId,
  createdAt: laws.createdAt,
};

const articleColumns = {
  id: lawArticles.id,
  lawId: lawArticles.lawId,
  ordinal: lawArticles.ordinal,
  number: lawArticles.number,
  subNumber: lawArticles.subNumber,
  label: lawArticles.label,
  part: lawArticles.part,
  chapter: lawArticles.chapter,
  section: lawArticles.section,
  text: lawArticles.text,
  paragraphs: lawArticles.paragraphs,
};

/** Every version of every law whose title or short title is one of `names` (one query for a whole batch). */
export async function findLawVersionsByNames(
  executor: Executor,
  names: string[],
): Promise<LawVersionRecord[]> {
  if (names.length === 0) return [];
  return executor
    .select(lawColumns)
    .from(laws)
    .where(or(inArray(laws.title, names), inArray(laws.shortTitle, names)));
}

/** The articles numbered `numbers` of the law versions `lawIds` (one query; the caller picks the exact ones). */
export async function findArticlesByNumbers(
  executor: Executor,
  lawIds: string[],
  numbers: number[],
): Promise<LawArticleRecord[]> {
  if (lawIds.length === 0 || numbers.length === 0) return [];
  return executor
    .select(articleColumns)
    .from(lawArticles)
    .where(and(inArray(lawArticles.lawId, lawIds), inArray(lawArticles.number, numbers)));
}

export type NewLawVersion = Omit<typeof laws.$inferInsert, 'titleSearch'>;
export type NewLawArticle = Omit<typeof lawArticles.$inferInsert, 'search'>;

/** Articles per multi-row insert: big enough to be few statements, small enough for PostgreSQL's parameter limit. */
const articleChunk = 200;

/** Inserts one law version with its title search vector. */
export async function insertLawVersion(executor: Executor, version: NewLawVersion): Promise<void> {
  const titleSearch = toSearchVector(
    segmentedText(`${version.title} ${version.shortTitle}`),
  ) as unknown as string;
  await executor.insert(laws).values({ ...version, titleSearch });
}

/** Inserts articles in multi-row chunks, each with its search vector over the law title and the article text. */
export async function insertLawArticles(
  executor: Executor,
  lawTitle: string,
  articles: NewLawArticle[],
): Promise<void> {
  for (let start = 0; start < articles.length; start += articleChunk) {
    await executor.insert(lawArticles).values(
      articles.slice(start, start + articleChunk).map((article) => ({
        ...article,
        search: toSearchVector(
          segmentedText(`${lawTitle} ${article.label} ${article.text}`),
        ) as unknown as string,
      })),
    );
  }
}

/** Marks a version superseded by a newer one from `on`. */
export async function markSuperseded(
  executor: Executor,
  lawId: string,
  successor: { id: string; on: string } | null,
): Promise<void> {
  await executor
    .update(laws)
    .set({ supersededById: successor?.id ?? null, supersededOn: successor?.on ?? null })
    .where(eq(laws.id, lawId));
}

/** Every version of one title (for supersession), without search columns. */
export async function findVersionsOfTitle(executor: Executor, title: string): Promise<LawVersionRecord[]> {
  return executor.select(lawColumns).from(laws).where(eq(laws.title, title));
}

/** How many versions and articles the library holds. */
export async function countLawLibrary(executor: Executor): Promise<{ versions: number; articles: number }> {
  const [row] = await executor
    .select({
      versions: sql<number>`(SELECT count(*)::int FROM laws)`,
      articles: sql<number>`(SELECT count(*)::int FROM law_articles)`,
    })
    .from(sql`(SELECT 1) AS one`);
  return row ?? { versions: 0, articles: 0 };
}

/** The version of `title` named by `versionDate`, if imported. */
export async function findVersion(
  executor: Executor,
  title: string,
  versionDate: string,
): Promise<LawVersionRecord | undefined> {
  const [row] = await executor
    .select(lawColumns)
    .from(laws)
    .where(and(eq(laws.title, title), eq(laws.versionDate, versionDate)));
  return row;
}

/** Replaces a version's text: new fields, its articles deleted (the caller inserts the new ones). */
export async function replaceLawVersion(
  executor: Executor,
  lawId: string,
  version: Omit<NewLawVersion, 'id' | 'supersededById' | 'supersededOn'>,
): Promise<void> {
  await executor.delete(lawArticles).where(eq(lawArticles.lawId, lawId));
  const titleSearch = toSearchVector(
    segmentedText(`${version.title} ${version.shortTitle}`),
  ) as unknown as string;
  await executor
    .update(laws)
    .set({ ...version, titleSearch })
    .where(eq(laws.id, lawId));
}

// ── Imports ──────────────────────────────────────────────────────────────────

export type LawImportRow = typeof lawImports.$inferSelect;

export async function insertLawImport(
  executor: Executor,
  row: typeof lawImports.$inferInsert,
): Promise<void> {
  await executor.insert(lawImports).values(row);
}

export async function updateLawImport(
  executor: Executor,
  id: string,
  values: Partial<Omit<LawImportRow, 'id'>>,
): Promise<void> {
  await executor.update(lawImports).set(values).where(eq(lawImports.id, id));
}

export async function findLawImport(executor: Executor, id: string): Promise<LawImportRow | undefined> {
  const [row] = await executor.select().from(lawImports).where(eq(lawImports.id, id));
  return row;
}

export async function listLawImports(executor: Executor, limit: number): Promise<LawImportRow[]> {
  return executor.select().from(lawImports).orderBy(desc(lawImports.startedAt)).limit(limit);
}

// ── Reading the library ──────────────────────────────────────────────────────

export interface LawListFilter {
  q?: string | undefined;
  level?: string | undefined;
  category?: string | undefined;
  includeSuperseded?: boolean | undefined;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
const isCurrentVersion = and(isNull(laws.supersededById), isNull(laws.repealedOn));

function lawFilter(filter: LawListFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.level) conditions.push(eq(laws.level, filter.level));
  if (filter.category) conditions.push(eq(laws.category, filter.category));
  if (!filter.includeSuperseded) conditions.push(isCurrentVersion);
  if (filter.q) {
    const words = matchesSearch(laws.titleSearch, filter.q);
    conditions.push(or(ilike(laws.title, likePattern(filter.q)), ...(words ? [words] : [])));
  }
  return and(...conditions);
}

/** A page of law versions: titles matching `q` (substring or words) best first, else by title and newest version first. */
export async function findLawPage(
  executor: Executor,
  filter: LawListFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: LawVersionRecord[]; total: number }> {
  const where = lawFilter(filter);
  const order: SQL[] = filter.q
    ? [
        sql`(${laws.shortTitle} = ${filter.q} OR ${laws.title} = ${filter.q}) DESC`,
        sql`similarity(${laws.title}, ${filter.q}) DESC`,
        desc(searchRank(laws.titleSearch, filter.q)),
      ]
    : [];
  const rows = await executor
    .select(lawColumns)
    .from(laws)
    .where(where)
    .orderBy(...order, asc(laws.title), desc(laws.versionDate))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [count] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(laws)
    .where(where);
  return { rows, total: count?.n ?? 0 };
}

export async function findLaw(executor: Executor, id: string): Promise<LawVersionRecord | undefined> {
  const [row] = await executor.select(lawColumns).from(laws).where(eq(laws.id, id));
  return row;
}

export async function findArticlesOfLaw(executor: Executor, lawId: string): Promise<LawArticleRecord[]> {
  return executor
    .select(articleColumns)
    .from(lawArticles)
    .where(eq(lawArticles.lawId, lawId))
    .orderBy(asc(lawArticles.ordinal));
}

export interface ArticleHitRecord extends LawArticleRecord {
  lawTitle: string;
  level: string;
  versionDate: string;
  isCurrent: boolean;
}

/** Articles whose words contain every word of `q`, best ranked first (current versions before older ones on a tie). */
export async function searchArticles(
  executor: Executor,
  filter: { q: string; level?: string | undefined; currentOnly: boolean },
  page: { page: number; pageSize: number },
): Promise<{ rows: ArticleHitRecord[]; total: number }> {
  const matches = matchesSearch(lawArticles.search, filter.q);
  if (!matches) return { rows: [], total: 0 };
  const where = and(
    matches,
    filter.level ? eq(laws.level, filter.level) : undefined,
    filter.currentOnly ? isCurrentVersion : undefined,
  );
  const rows = await executor
    .select({
      ...articleColumns,
      lawTitle: laws.title,
      level: laws.level,
      versionDate: laws.versionDate,
      isCurrent: sql<boolean>`(${laws.supersededById} IS NULL AND ${laws.repealedOn} IS NULL)`,
    })
    .from(lawArticles)
    .innerJoin(laws, eq(laws.id, lawArticles.lawId))
    .where(where)
    .orderBy(
      desc(searchRank(lawArticles.search, filter.q)),
      sql`(${laws.supersededById} IS NULL) DESC`,
      desc(laws.versionDate),
      asc(lawArticles.ordinal),
    )
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [count] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(lawArticles)
    .innerJoin(laws, eq(laws.id, lawArticles.lawId))
    .where(where);
  return { rows, total: count?.n ?? 0 };
}
