import type { FileAttachmentView, FileVerificationView, StoredFileView } from '../../../contracts/files';
import type { FileAttachmentRow, StoredFileRow } from './file-repository';

/** What leaves the server about a stored file: never its path on disk. */
export function presentStoredFile(row: StoredFileRow): StoredFileView {
  return {
    sha256: row.sha256,
    size: row.size,
    mediaType: row.mediaType,
    originalName: row.originalName,
    organizationId: row.organizationId,
    uploadedBy: { userId: row.uploadedByUserId, name: row.uploadedByName },
    uploadedAt: row.uploadedAt.toISOString(),
    capture: row.capture ?? null,
  };
}

export function presentFileAttachment(
  attachment: FileAttachmentRow,
  file: StoredFileRow,
): FileAttachmentView {
  return {
    id: attachment.id,
    subjectType: attachment.subjectType,
    subjectId: attachment.subjectId,
    organizationId: attachment.organizationId,
    label: attachment.label,
    note: attachment.note,
    attachedBy: { userId: attachment.attachedByUserId, name: attachment.attachedByName },
    attachedAt: attachment.attachedAt.toISOString(),
    file: presentStoredFile(file),
  };
}

export interface FileVerification {
  sha256: string;
  expected: string;
  actual: string | null;
  intact: boolean;
  checkedAt: Date;
}

export function presentFileVerification(result: FileVerification): FileVerificationView {
  const missing = result.actual === null;
  return {
    sha256: result.sha256,
    intact: result.intact,
    missing,
    expected: result.expected,
    actual: result.actual,
    checkedAt: result.checkedAt.toISOString(),
    message: result.intact
      ? '文件完好：重新计算的哈希与存证时一致'
      : missing
        ? '文件缺失：存储中找不到该文件'
        : `文件已被改动：存证哈希 ${result.expected}，现在的哈希 ${result.actual ?? ''}`,
  };
}
