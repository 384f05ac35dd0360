import { bigint, index, jsonb, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, instant, tenantCode } from '../db/columns';

/** Where and when an evidence file was made, as told by the uploader; every field optional. */
export interface CaptureMetadata {
  capturedAt?: string;
  capturedBy?: string;
  location?: string;
}

/**
 * 证据文件: one row per stored blob, keyed by its SHA-256. The bytes live under
 * FAZHI_DATA_DIR/files/<2 hex>/<2 hex>/<sha256> and are never rewritten or deleted by the app.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    tenantCode: tenantCode(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mediaType: varchar('media_type', { length: 128 }).notNull(),
    originalName: text('original_name').notNull(),
    organizationId: uuid('organization_id').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id'),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: instant('uploaded_at').notNull(),
    capture: jsonb('capture').$type<CaptureMetadata>(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.sha256] }),
    index('stored_files_organization_idx').on(table.tenantCode, table.organizationId),
  ],
);

/** A stored file attached to a record (a case step, a document…): one blob can serve several records. */
export const fileAttachments = pgTable(
  'file_attachments',
  {
    tenantCode: tenantCode(),
    id: id(),
    fileSha256: varchar('file_sha256', { length: 64 }).notNull(),
    subjectType: varchar('subject_type', { length: 64 }).notNull(),
    subjectId: text('subject_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    /** what the file is to the record, e.g. 现场照片, 询问录音 */
    label: text('label').notNull(),
    note: text('note'),
    attachedByUserId: uuid('attached_by_user_id'),
    attachedByName: text('attached_by_name').notNull(),
    attachedAt: instant('attached_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('file_attachments_subject_idx').on(table.tenantCode, table.subjectType, table.subjectId),
    index('file_attachments_file_idx').on(table.tenantCode, table.fileSha256),
  ],
);
