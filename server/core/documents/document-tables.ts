import { index, integer, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, instant, tenantCode } from '../db/columns';

/**
 * 文号: the last number given in a series (e.g. 罚决字) of one issuing body in one year, so a body's
 * documents are numbered 〔2026〕1号, 2号… without gaps; taken under a row lock in the caller's
 * transaction.
 */
export const documentNumberSeries = pgTable(
  'document_number_series',
  {
    tenantCode: tenantCode(),
    organizationId: uuid('organization_id').notNull(),
    year: integer('year').notNull(),
    series: varchar('series', { length: 32 }).notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantCode, table.organizationId, table.year, table.series] })],
);

/** A document generated from a record's data and kept in the file store (the version that was issued). */
export const generatedDocuments = pgTable(
  'generated_documents',
  {
    tenantCode: tenantCode(),
    id: id(),
    subjectType: varchar('subject_type', { length: 64 }).notNull(),
    subjectId: text('subject_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    /** e.g. decision, priorNotice */
    kind: varchar('kind', { length: 32 }).notNull(),
    title: text('title').notNull(),
    /** the full 文号, e.g. 示市监罚决〔2026〕12号; null for forms without one */
    number: varchar('number', { length: 64 }),
    fileSha256: varchar('file_sha256', { length: 64 }).notNull(),
    generatedByName: text('generated_by_name').notNull(),
    generatedAt: instant('generated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('generated_documents_subject_idx').on(table.tenantCode, table.subjectType, table.subjectId),
  ],
);

export type GeneratedDocumentRow = typeof generatedDocuments.$inferSelect;
