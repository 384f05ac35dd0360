import type { Readable } from 'node:stream';
import { basename } from 'node:path';
import {
  isAllowedFileMediaType,
  type FileAttachmentView,
  type FileCapture,
  type FileVerificationView,
  type StoredFileUploadResult,
  type StoredFileView,
} from '../../../contracts/files';
import { appendAuditEvent } from '../audit/append-audit-event';
import { actorName, type ServiceContext } from '../context';
import { newId } from '../db/ids';
import { AppError, invalid, notFound } from '../errors';
import { fileWritePolicy } from './file-policy';
import { presentFileAttachment, presentFileVerification, presentStoredFile } from './file-presenters';
import {
  findFileAttachment,
  findOrganizationPath,
  findScopedStoredFile,
  findStoredFileRow,
  insertFileAttachment,
  insertStoredFile,
  listScopedAttachments,
} from './file-repository';
import { hashBlob, readBlob, writeBlob } from './file-storage';

export interface StoreFileInput {
  stream: Readable;
  originalName: string;
  mediaType: string;
  organizationId: string;
  capture?: FileCapture;
  /** called once the bytes are on disk, before the record: a refusal here writes no record */
  beforeRecord?: () => Promise<void>;
}

export interface AttachFileInput {
  sha256: string;
  subjectType: string;
  subjectId: string;
  organizationId: string;
  label: string;
  note?: string | null;
}

/** The subject type under which a second organization's upload of already-stored bytes is recorded. */
export const uploadSubjectType = 'upload';

/** A file name without folders or control characters, at most 200 characters. */
function cleanFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'));
  return base
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
}

/** The organization's path, or 400 naming `field`; then 403 unless the actor may write files for it. */
async function requireWritableOrganization(ctx: ServiceContext, organizationId: string, field: string) {
  const path = await findOrganizationPath(ctx.tx, ctx.tenantCode, organizationId);
  if (!path) throw invalid(field, '所属单位不存在');
  fileWritePolicy(ctx, path);
  return path;
}

/** Stores an uploaded file by its SHA-256 (the same bytes twice: one blob, one record) and audits the upload. */
export async function storeFile(ctx: ServiceContext, input: StoreFileInput): Promise<StoredFileUploadResult> {
  const originalName = cleanFileName(input.originalName);
  if (!originalName) throw invalid('file', '请选择要上传的文件');
  if (!isAllowedFileMediaType(input.mediaType))
    throw invalid(
      'file',
      `不支持的文件类型（${input.mediaType || '未知'}）：只能上传照片、录音、录像、PDF 或 Office 文档`,
    );
  const mediaType = input.mediaType.split(';')[0]?.trim().toLowerCase() ?? input.mediaType;
  await requireWritableOrganization(ctx, input.organizationId, 'organizationId');

  // the bytes go to disk before any row: a blob without a row is harmless, a row without a blob is not
  const blob = await writeBlob(ctx.config.dataDir, input.stream);
  await input.beforeRecord?.();
  const uploadedAt = ctx.clock.now();
  const capture = input.capture && Object.keys(input.capture).length > 0 ? input.capture : null;
  return ctx.tx.transaction(async (tx) => {
    const inner: ServiceContext = { ...ctx, tx };
    const row = {
      tenantCode: ctx.tenantCode,
      sha256: blob.sha256,
      size: blob.size,
      mediaType,
      originalName,
      organizationId: input.organizationId,
      uploadedByUserId: ctx.actor?.userId ?? null,
      uploadedByName: actorName(ctx.actor),
      uploadedAt,
      capture,
    };
    const inserted = await insertStoredFile(tx, row);
    const stored = inserted ? row : await findStoredFileRow(tx, ctx.tenantCode, blob.sha256);
    if (!stored) throw new AppError('INTERNAL', '文件登记失败，请重试');
    if (!inserted && stored.organizationId !== input.organizationId) {
      // one blob, a second organization: its upload is recorded as an attachment so it may see the file
      await recordAttachment(inner, {
        sha256: blob.sha256,
        subjectType: uploadSubjectType,
        subjectId: input.organizationId,
        organizationId: input.organizationId,
        label: originalName,
        note: null,
      });
    }
    await appendAuditEvent(inner, {
      action: 'file.store',
      entityType: 'storedFile',
      entityId: blob.sha256,
      organizationId: input.organizationId,
      change: {
        sha256: blob.sha256,
        size: blob.size,
        mediaType,
        originalName,
        capture,
        deduplicated: !inserted,
      },
    });
    return { ...presentStoredFile(stored), deduplicated: !inserted };
  });
}

async function recordAttachment(ctx: ServiceContext, input: AttachFileInput) {
  const existing = await findFileAttachment(ctx.tx, ctx.tenantCode, input);
  if (existing) return existing;
  return insertFileAttachment(ctx.tx, {
    tenantCode: ctx.tenantCode,
    id: newId(),
    fileSha256: input.sha256,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    organizationId: input.organizationId,
    label: input.label,
    note: input.note ?? null,
    attachedByUserId: ctx.actor?.userId ?? null,
    attachedByName: actorName(ctx.actor),
    attachedAt: ctx.clock.now(),
  });
}

/** Attaches a stored file the actor may see to a record of an organization in the actor's scope; audited. */
export async function attachFile(ctx: ServiceContext, input: AttachFileInput): Promise<FileAttachmentView> {
  const file = await findScopedStoredFile(ctx, input.sha256);
  if (!file) throw notFound('证据文件');
  await requireWritableOrganization(ctx, input.organizationId, 'organizationId');
  const label = input.label.trim();
  if (!label) throw invalid('label', '请填写文件用途，例如 现场照片');
  const attachment = await recordAttachment(ctx, { ...input, label });
  await appendAuditEvent(ctx, {
    action: 'file.attach',
    entityType: input.subjectType,
    entityId: input.subjectId,
    organizationId: input.organizationId,
    change: { sha256: input.sha256, attachmentId: attachment.id, label, note: input.note ?? null },
  });
  return presentFileAttachment(attachment, file);
}

/** The files attached to a record, those of organizations in the actor's scope, oldest first. */
export async function listAttachments(
  ctx: ServiceContext,
  subjectType: string,
  subjectId: string,
): Promise<FileAttachmentView[]> {
  const rows = await listScopedAttachments(ctx, subjectType, subjectId);
  return rows.map((row) => presentFileAttachment(row.attachment, row.file));
}

/** A stored file's record in the actor's scope, or 404. */
export async function getStoredFile(ctx: ServiceContext, sha256: string): Promise<StoredFileView> {
  const file = await findScopedStoredFile(ctx, sha256);
  if (!file) throw notFound('证据文件');
  return presentStoredFile(file);
}

/** Re-hashes a stored file from disk and reports whether it is intact, altered or missing; the check is audited. */
export async function verifyStoredFile(ctx: ServiceContext, sha256: string): Promise<FileVerificationView> {
  const file = await findScopedStoredFile(ctx, sha256);
  if (!file) throw notFound('证据文件');
  const actual = await hashBlob(ctx.config.dataDir, sha256);
  const result = { sha256, expected: sha256, actual, intact: actual === sha256, checkedAt: ctx.clock.now() };
  await appendAuditEvent(ctx, {
    action: 'file.verify',
    entityType: 'storedFile',
    entityId: sha256,
    organizationId: file.organizationId,
    change: { expected: sha256, actual, intact: result.intact, missing: actual === null },
  });
  if (!result.intact)
    ctx.logger.warn({ sha256, actual }, actual === null ? 'evidence file missing' : 'evidence file altered');
  return presentFileVerification(result);
}

/** A read stream of a stored file in the actor's scope with its record; 404 outside the scope or when gone from disk. */
export async function openStoredFile(ctx: ServiceContext, sha256: string) {
  const file = await findScopedStoredFile(ctx, sha256);
  if (!file) throw notFound('证据文件');
  const stream = await readBlob(ctx.config.dataDir, sha256);
  if (!stream) throw new AppError('NOT_FOUND', '证据文件在存储中缺失，请联系系统管理员核查');
  return { file: presentStoredFile(file), stream };
}
