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
