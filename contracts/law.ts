import { z } from 'zod';

/** The API contract of the law library (法律法规库) and citations (GLOSSARY.md "Law and powers"). */

export const lawLevels = [
  'law',
  'adminRegulation',
  'localRegulation',
  'departmentRule',
  'localRule',
  'normativeDocument',
] as const;
export type LawLevel = (typeof lawLevels)[number];
export const lawLevelSchema = z.enum(lawLevels, { message: '效力层级不存在' });
export const lawLevelLabels: Record<LawLevel, string> = {
  law: '法律',
  adminRegulation: '行政法规',
  localRegulation: '地方性法规',
  departmentRule: '部门规章',
  localRule: '地方政府规章',
  normativeDocument: '规范性文件',
};

/**
 * One reference found in a text such as 《中华人民共和国行政处罚法》第五十八条第一款第（三）项.
 * `start`/`end` are offsets of `raw` in the text parsed. A list 第三十二条、第三十三条 gives one
 * reference per article, each carrying the law title written before it.
 */
export interface CitationReference {
  raw: string;
  start: number;
  end: number;
  /** the title as written, without 《》 (行政处罚法 or 中华人民共和国行政处罚法) */
  lawTitle: string;
  article: number;
  /** 之一 → 1; 0 for a plain article */
  articleSub: number;
  /** 款, from 1, when cited */
  paragraph: number | null;
  /** 项, from 1, when cited */
  item: number | null;
}

export const citationStatuses = [
  'resolved',
  'lawNotFound',
  'notInForce',
  'articleNotFound',
  'paragraphNotFound',
  'itemNotFound',
] as const;
export type CitationStatus = (typeof citationStatuses)[number];

/** A reference resolved against the library on a date: the article's text in the version then in force, or why not. */
export interface ResolvedCitation extends CitationReference {
  status: CitationStatus;
  /** a Chinese sentence saying what is wrong, null when resolved */
  problem: string | null;
  law: {
    id: string;
    title: string;
    level: LawLevel;
    versionDate: string;
    effectiveOn: string | null;
  } | null;
  articleId: string | null;
  /** 第五十八条 */
  articleLabel: string | null;
  /** the text cited: the 项 when one is cited, else the 款, else the whole article */
  text: string | null;
  /** the whole article, when found */
  articleText: string | null;
}

export const citeQuerySchema = z.object({
  text: z
    .string({ message: '请填写要解析的引用文本' })
    .trim()
    .min(1, '请填写要解析的引用文本')
    .max(20_000, '引用文本过长'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .optional(),
});
export type CiteQuery = z.infer<typeof citeQuerySchema>;

export interface CitationProblem {
  raw: string;
  start: number;
  message: string;
}

export interface CiteResult {
  citations: ResolvedCitation[];
  /** text that looks like a citation but cannot be read as one (e.g. 《行政处罚法》第五十八款) */
  problems: CitationProblem[];
}

// ── Laws, articles, search, imports (shapes returned) ────────────────────────

export interface LawSummary {
  id: string;
  title: string;
  shortTitle: string;
  level: LawLevel;
  category: string | null;
  issuer: string | null;
  versionDate: string;
  promulgatedOn: string | null;
  effectiveOn: string | null;
  /** the newest version of its title, not repealed */
  isCurrent: boolean;
  supersededOn: string | null;
  repealedOn: string | null;
  articleCount: number;
}

export interface LawArticleView {
  id: string;
  ordinal: number;
  number: number;
  subNumber: number;
  /** 第五十八条 */
  label: string;
  part: string | null;
  chapter: string | null;
  section: string | null;
  text: string;
  paragraphs: { text: string; items: string[] }[];
}

export interface LawDetail extends LawSummary {
  history: string[];
  /** every version of the same title, newest first (this one included) */
  versions: LawSummary[];
  articles: LawArticleView[];
}

export interface HighlightedPiece {
  text: string;
  isHit: boolean;
}

export interface LawSearchHit {
  articleId: string;
  lawId: string;
  lawTitle: string;
  level: LawLevel;
  versionDate: string;
  isCurrent: boolean;
  articleLabel: string;
  number: number;
  subNumber: number;
  /** a snippet of the article with the query's words marked */
  pieces: HighlightedPiece[];
}

export interface LawSearchResult {
  /** laws whose title matches, best first (at most 10) */
  laws: LawSummary[];
  articles: LawSearchHit[];
  total: number;
  page: number;
  pageSize: number;
}

export const lawImportStatuses = ['running', 'finished', 'failed'] as const;
export type LawImportStatus = (typeof lawImportStatuses)[number];
export const lawImportStatusLabels: Record<LawImportStatus, string> = {
  running: '导入中',
  finished: '已完成',
  failed: '失败',
};

export interface LawImportView {
  id: string;
  source: string;
  status: LawImportStatus;
  totalFiles: number;
  processedFiles: number;
  importedVersions: number;
  unchangedVersions: number;
  importedArticles: number;
  problems: { file: string; message: string }[];
  startedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export const lawListQuerySchema = z.object({
  q: z.string().trim().max(100, '搜索词不能超过 100 个字').optional(),
  level: lawLevelSchema.optional(),
  category: z.string().trim().max(50).optional(),
  includeSuperseded: z
    .enum(['true', 'false'], { message: '只能是 true 或 false' })
    .transform((value) => value === 'true')
    .optional(),
  page: z.coerce.number({ message: '页码必须是数字' }).int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce
    .number({ message: '每页条数必须是数字' })
    .int()
    .min(1)
    .max(200, '每页最多 200 条')
    .default(20),
});

export const lawSearchQuerySchema = z.object({
  q: z.string({ message: '请填写搜索词' }).trim().min(1, '请填写搜索词').max(100, '搜索词不能超过 100 个字'),
  level: lawLevelSchema.optional(),
  currentOnly: z
    .enum(['true', 'false'], { message: '只能是 true 或 false' })
    .transform((value) => value === 'true')
    .optional(),
  page: z.coerce.number({ message: '页码必须是数字' }).int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce
    .number({ message: '每页条数必须是数字' })
    .int()
    .min(1)
    .max(100, '每页最多 100 条')
    .default(20),
});
