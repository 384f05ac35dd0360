import type { z } from 'zod';
import type {
  CitationReference,
  CiteResult,
  LawDetail,
  LawImportView,
  LawLevel,
  LawSearchResult,
  LawSummary,
  ResolvedCitation,
  lawListQuerySchema,
  lawSearchQuerySchema,
} from '../../../contracts/law';
import { notFound } from '../../core/errors';
import type { ServiceContext } from '../../core/context';
import { toChineseNumeral } from './chinese-numerals';
import { parseCitations } from './citation-parser';
import { lawImportPolicy } from './law-policy';
import { presentLawDetail, presentLawImport, presentLawSummary, presentSearchHit } from './law-presenters';
import {
  countLawLibrary,
  findArticlesByNumbers,
  findArticlesOfLaw,
  findLaw,
  findLawImport,
  findLawPage,
  findLawVersionsByNames,
  findVersionsOfTitle,
  listLawImports,
  searchArticles,
  type LawArticleRecord,
  type LawVersionRecord,
} from './law-repository';
import {
  articleLabel,
  chineseDate,
  normalTitle,
  shortTitleOf,
  tidyTitle,
  titleVariants,
  versionInForce,
  versionNote,
} from './law-rules';

export type LawListQuery = z.infer<typeof lawListQuerySchema>;
export type LawSearchQuery = z.infer<typeof lawSearchQuerySchema>;
export interface LawPage {
  items: LawSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** Resolves the citations in `text` against the library as it stood on `date` (YYYY-MM-DD). */
export async function resolveCitations(ctx: ServiceContext, text: string, date: string): Promise<CiteResult> {
  const [result] = await resolveCitationTexts(ctx, [text], date);
  return result ?? { citations: [], problems: [] };
}

/**
 * Resolves the citations of many texts at once (a power list has thousands): one query for the
 * laws of every title cited, one for the articles, whatever the number of citations.
 */
export async function resolveCitationTexts(
  ctx: ServiceContext,
  texts: string[],
  date: string,
): Promise<CiteResult[]> {
  const parsed = texts.map((text) => parseCitations(text));
  const references = parsed.flatMap((result) => result.references);
  const names = [...new Set(references.flatMap((reference) => titleVariants(reference.lawTitle)))];
  const versions = await findLawVersionsByNames(ctx.tx, names);

  const versionByReference = new Map<CitationReference, LawVersionRecord[]>();
  for (const reference of references)
    versionByReference.set(reference, versionsOfTitle(versions, reference.lawTitle));
  const chosen = new Map<CitationReference, LawVersionRecord | null>();
  for (const reference of references)
    chosen.set(reference, versionInForce(versionByReference.get(reference) ?? [], date));

  const lawIds = [...new Set([...chosen.values()].flatMap((version) => (version ? [version.id] : [])))];
  const numbers = [...new Set(references.map((reference) => reference.article))];
  const articles = await findArticlesByNumbers(ctx.tx, lawIds, numbers);
  const articleByKey = new Map(
    articles.map((article) => [`${article.lawId}:${article.number}:${article.subNumber}`, article]),
  );

  return parsed.map((result) => ({
    problems: result.problems,
    citations: result.references.map((reference) => {
      const titleVersions = versionByReference.get(reference) ?? [];
      const version = chosen.get(reference) ?? null;
      if (!version) return unresolved(reference, titleVersions, date);
      const article = articleByKey.get(`${version.id}:${reference.article}:${reference.articleSub}`) ?? null;
      return resolveWithin(reference, version, article);
    }),
  }));
}

/**
 * The versions a written title stands for: the title itself first, then with or without
 * 中华人民共和国, then a short title; several laws sharing a short title resolve to the first found.
 */
function versionsOfTitle(versions: LawVersionRecord[], written: string): LawVersionRecord[] {
  const asWritten = normalTitle(written);
  const title = tidyTitle(written);
  const short = shortTitleOf(title);
  const candidates = [
    (version: LawVersionRecord) => version.title === asWritten || version.shortTitle === asWritten,
    (version: LawVersionRecord) => version.title === title,
    (version: LawVersionRecord) => shortTitleOf(version.title) === short,
    (version: LawVersionRecord) => version.shortTitle === title || version.shortTitle === short,
  ];
  for (const matches of candidates) {
    const found = versions.find(matches);
    if (found) return versions.filter((version) => version.title === found.title);
  }
  return [];
}

function baseCitation(reference: CitationReference): ResolvedCitation {
  return {
    ...reference,
    status: 'resolved',
    problem: null,
    law: null,
    articleId: null,
    articleLabel: null,
    text: null,
    articleText: null,
  };
}

function unresolved(
  reference: CitationReference,
  titleVersions: LawVersionRecord[],
  date: string,
): ResolvedCitation {
  if (titleVersions.length === 0)
    return {
      ...baseCitation(reference),
      status: 'lawNotFound',
      problem: `法规库中没有《${reference.lawTitle}》`,
    };
  const repealed = titleVersions.find((version) => version.repealedOn !== null && version.repealedOn <= date);
  return {
    ...baseCitation(reference),
    status: 'notInForce',
    problem: repealed
      ? `《${reference.lawTitle}》已于${chineseDate(repealed.repealedOn ?? date)}废止`
      : `《${reference.lawTitle}》在${chineseDate(date)}尚未施行`,
  };
}

function resolveWithin(
  reference: CitationReference,
  version: LawVersionRecord,
  article: LawArticleRecord | null,
): ResolvedCitation {
  const law = {
    id: version.id,
    title: version.title,
    level: version.level as LawLevel,
    versionDate: version.versionDate,
    effectiveOn: version.effectiveOn,
  };
  const cited = `《${reference.lawTitle}》${versionNote(version)}`;
  const label = articleLabel(reference.article, reference.articleSub);
  if (!article)
    return {
      ...baseCitation(reference),
      law,
      status: 'articleNotFound',
      problem: `${cited}没有${label}`,
    };
  const found = {
    ...baseCitation(reference),
    law,
    articleId: article.id,
    articleLabel: article.label,
    articleText: article.text,
  };
  const paragraphs = article.paragraphs;
  let paragraphIndex: number | null = null;
  if (reference.paragraph !== null) {
    if (reference.paragraph > paragraphs.length)
      return {
        ...found,
        status: 'paragraphNotFound',
        problem: `${cited}${article.label}没有第${toChineseNumeral(reference.paragraph)}款（该条共${paragraphs.length}款）`,
      };
    paragraphIndex = reference.paragraph - 1;
  }
  if (reference.item !== null) {
    // 第X条第（三）项 without a 款: the 款 that lists items
    const index =
      paragraphIndex ??
      Math.max(
        0,
        paragraphs.findIndex((paragraph) => paragraph.items.length > 0),
      );
    const items = paragraphs[index]?.items ?? [];
    const item = items[reference.item - 1];
    const where = `${article.label}${paragraphIndex === null ? '' : `第${toChineseNumeral(index + 1)}款`}`;
    if (item === undefined)
      return {
        ...found,
        status: 'itemNotFound',
        problem: `${cited}${where}没有第（${toChineseNumeral(reference.item)}）项`,
      };
    return { ...found, text: item };
  }
  if (paragraphIndex !== null) {
    const paragraph = paragraphs[paragraphIndex];
    return { ...found, text: paragraph ? [paragraph.text, ...paragraph.items].join('\n') : article.text };
  }
  return { ...found, text: article.text };
}

// ── Reading the library (public) and watching imports ───────────────────────

/** A page of laws: by title words or substring, level, category; current versions unless asked. */
export async function listLaws(ctx: ServiceContext, query: LawListQuery): Promise<LawPage> {
  const { rows, total } = await findLawPage(ctx.tx, query, query);
  return { items: rows.map(presentLawSummary), total, page: query.page, pageSize: query.pageSize };
}

/** One law version with its articles in order and every version of its title, newest first. */
export async function getLawDetail(ctx: ServiceContext, id: string): Promise<LawDetail> {
  const version = await findLaw(ctx.tx, id);
  if (!version) throw notFound('法律法规');
  const [versions, articles] = [
    await findVersionsOfTitle(ctx.tx, version.title),
    await findArticlesOfLaw(ctx.tx, version.id),
  ];
  versions.sort((a, b) => b.versionDate.localeCompare(a.versionDate));
  return presentLawDetail(version, versions, articles);
}

/** Full-text search of articles (ranked, with highlighted snippets) and up to 10 matching titles. */
export async function searchLaws(ctx: ServiceContext, query: LawSearchQuery): Promise<LawSearchResult> {
  const currentOnly = query.currentOnly ?? true;
  const [articles, titles] = [
    await searchArticles(ctx.tx, { q: query.q, level: query.level, currentOnly }, query),
    await findLawPage(
      ctx.tx,
      { q: query.q, level: query.level, includeSuperseded: !currentOnly },
      { page: 1, pageSize: 10 },
    ),
  ];
  return {
    laws: titles.rows.map(presentLawSummary),
    articles: articles.rows.map((hit) => presentSearchHit(hit, query.q)),
    total: articles.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The recent import runs, newest first (司法局, 系统管理员). */
export async function listLawImportRuns(ctx: ServiceContext): Promise<LawImportView[]> {
  lawImportPolicy(ctx);
  return (await listLawImports(ctx.tx, 20)).map(presentLawImport);
}

/** One import run with its progress (the console polls it). */
export async function getLawImportRun(ctx: ServiceContext, id: string): Promise<LawImportView> {
  lawImportPolicy(ctx);
  const row = await findLawImport(ctx.tx, id);
  if (!row) throw notFound('导入记录');
  return presentLawImport(row);
}

/** How many versions and articles the library holds. */
export async function countLibrary(ctx: ServiceContext): Promise<{ versions: number; articles: number }> {
  return countLawLibrary(ctx.tx);
}
