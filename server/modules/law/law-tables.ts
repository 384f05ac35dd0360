import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from '../../core/db/columns';
import { searchVector } from '../../core/search/search-columns';

/**
 * 法律法规库: reference tables shared by every tenant (DESIGN.md: laws are reference tables).
 * One row per version of a law; a newer version supersedes the older one, which is kept.
 */
export const laws = pgTable(
  'laws',
  {
    id: id().primaryKey(),
    /** the title every version shares, e.g. 中华人民共和国行政处罚法 — versions are grouped by it */
    title: text('title').notNull(),
    /** the title without 中华人民共和国 (行政处罚法), the short form citations use */
    shortTitle: text('short_title').notNull(),
    /** law | adminRegulation | localRegulation | departmentRule | localRule | normativeDocument */
    level: varchar('level', { length: 24 }).notNull(),
    /** the collection's folder (行政法, 经济法…), when imported from one */
    category: text('category'),
    issuer: text('issuer'),
    /** the date that names this version (promulgation or latest amendment) */
    versionDate: date('version_date', { mode: 'string' }).notNull(),
    promulgatedOn: date('promulgated_on', { mode: 'string' }),
    effectiveOn: date('effective_on', { mode: 'string' }),
    /** the promulgation and amendment history lines, as written */
    history: text('history').array().notNull().default([]),
    /** set when a newer version of the same title is imported: the day this one stopped being current */
    supersededById: uuid('superseded_by_id'),
    supersededOn: date('superseded_on', { mode: 'string' }),
    /** a law repealed without successor */
    repealedOn: date('repealed_on', { mode: 'string' }),
    articleCount: integer('article_count').notNull().default(0),
    /** SHA-256 of the source text: re-importing the same text changes nothing */
    contentHash: varchar('content_hash', { length: 64 }).notNull(),
    sourceName: text('source_name'),
    importId: uuid('import_id'),
    titleSearch: searchVector('title_search'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('laws_title_version_idx').on(table.title, table.versionDate),
    index('laws_short_title_idx').on(table.shortTitle),
    index('laws_title_search_idx').using('gin', table.titleSearch),
    index('laws_title_trgm_idx').using('gin', table.title.op('gin_trgm_ops')),
  ],
);

/** 条: one article of one law version, with its place (编/章/节), its 款 and 项. */
export const lawArticles = pgTable(
  'law_articles',
  {
    id: id().primaryKey(),
    lawId: uuid('law_id').notNull(),
    /** order within the law, from 1 */
    ordinal: integer('ordinal').notNull(),
    /** the article number (第五十八条 → 58) */
    number: integer('number').notNull(),
    /** 之一, 之二 … (第一百二十条之一 → 1); 0 for a plain article */
    subNumber: integer('sub_number').notNull().default(0),
    /** 第五十八条 as written */
    label: text('label').notNull(),
    /** 编 / 章 / 节 headings above the article */
    part: text('part'),
    chapter: text('chapter'),
    section: text('section'),
    /** the whole article text, 款 separated by newlines */
    text: text('text').notNull(),
    /** 款 in order, each with its 项: [{ text, items: [text…] }] */
    paragraphs: jsonb('paragraphs').$type<{ text: string; items: string[] }[]>().notNull(),
    search: searchVector('search'),
  },
  (table) => [
    uniqueIndex('law_articles_number_idx').on(table.lawId, table.number, table.subNumber),
    index('law_articles_search_idx').using('gin', table.search),
  ],
);

/** One run of `fazhi law import` or a console upload, with its progress and outcome. */
export const lawImports = pgTable('law_imports', {
  id: id().primaryKey(),
  source: text('source').notNull(),
  /** running | finished | failed */
  status: varchar('status', { length: 16 }).notNull(),
  totalFiles: integer('total_files').notNull().default(0),
  processedFiles: integer('processed_files').notNull().default(0),
  importedVersions: integer('imported_versions').notNull().default(0),
  unchangedVersions: integer('unchanged_versions').notNull().default(0),
  importedArticles: integer('imported_articles').notNull().default(0),
  /** [{ file, message }] for files that could not be read */
  problems: jsonb('problems').$type<{ file: string; message: string }[]>().notNull().default([]),
  startedBy: text('started_by'),
  startedAt: instant('started_at').notNull(),
  finishedAt: instant('finished_at'),
});
