import type {
  LawArticleView,
  LawDetail,
  LawImportStatus,
  LawImportView,
  LawLevel,
  LawSearchHit,
  LawSummary,
} from '../../../contracts/law';
import { highlight } from '../../core/search/chinese-search';
import type { ArticleHitRecord, LawArticleRecord, LawImportRow, LawVersionRecord } from './law-repository';

/** What leaves the server from the law library: public information, so one shape for console and portal. */

export const isCurrentVersion = (version: Pick<LawVersionRecord, 'supersededById' | 'repealedOn'>) =>
  version.supersededById === null && version.repealedOn === null;

export function presentLawSummary(version: LawVersionRecord): LawSummary {
  return {
    id: version.id,
    title: version.title,
    shortTitle: version.shortTitle,
    level: version.level as LawLevel,
    category: version.category,
    issuer: version.issuer,
    versionDate: version.versionDate,
    promulgatedOn: version.promulgatedOn,
    effectiveOn: version.effectiveOn,
    isCurrent: isCurrentVersion(version),
    supersededOn: version.supersededOn,
    repealedOn: version.repealedOn,
    articleCount: version.articleCount,
  };
}

export function presentArticle(article: LawArticleRecord): LawArticleView {
  return {
    id: article.id,
    ordinal: article.ordinal,
    number: article.number,
    subNumber: article.subNumber,
    label: article.label,
    part: article.part,
    chapter: article.chapter,
    section: article.section,
    text: article.text,
    paragraphs: article.paragraphs,
  };
}

export function presentLawDetail(
  version: LawVersionRecord,
  versions: LawVersionRecord[],
  articles: LawArticleRecord[],
): LawDetail {
  return {
    ...presentLawSummary(version),
    history: version.history,
    versions: versions.map(presentLawSummary),
    articles: articles.map(presentArticle),
  };
}

export function presentSearchHit(hit: ArticleHitRecord, query: string): LawSearchHit {
  return {
    articleId: hit.id,
    lawId: hit.lawId,
    lawTitle: hit.lawTitle,
    level: hit.level as LawLevel,
    versionDate: hit.versionDate,
    isCurrent: hit.isCurrent,
    articleLabel: hit.label,
    number: hit.number,
    subNumber: hit.subNumber,
    pieces: highlight(hit.text, query),
  };
}

export function presentLawImport(row: LawImportRow): LawImportView {
  return {
    id: row.id,
    source: row.source,
    status: row.status as LawImportStatus,
    totalFiles: row.totalFiles,
    processedFiles: row.processedFiles,
    importedVersions: row.importedVersions,
    unchangedVersions: row.unchangedVersions,
    importedArticles: row.importedArticles,
    problems: row.problems,
    startedBy: row.startedBy,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
