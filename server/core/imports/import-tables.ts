import { index, integer, jsonb, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, tenantCode } from '../db/columns';

/**
 * 大批量导入 (core mechanism 7, for lists of up to a million rows): one row per uploaded file. The
 * rows are checked in a first pass and written in one transaction in a second, so a file either
 * goes in whole or not at all; the job row says which, with the problems (the first 1,000) by row
 * and column. While it runs, progress is kept in memory (`import-jobs.ts`); a job found running at
 * start was cut off by a crash and is marked failed (nothing of it was written).
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    tenantCode: tenantCode(),
    id: id(),
    /** what is imported, e.g. `entities` */
    kind: varchar('kind', { length: 32 }).notNull(),
    fileName: text('file_name').notNull(),
    /** running | done | rejected | failed */
    status: varchar('status', { length: 16 }).notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** [{ row, column, message }] — the first 1,000 */
    errors: jsonb('errors').$type<{ row: number; column: string; message: string }[]>().notNull().default([]),
    message: text('message'),
    organizationId: uuid('organization_id'),
    createdByUserId: uuid('created_by_user_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
    finishedAt: instant('finished_at'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('import_jobs_kind_idx').on(table.tenantCode, table.kind, table.createdAt),
  ],
);

export type ImportJobRow = typeof importJobs.$inferSelect;
