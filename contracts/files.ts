import { z } from 'zod';
import { optionalText } from './fields';

/** Evidence files (证据文件), stored by content hash: what the API takes and gives. */

/** The media types an upload may have: photos, audio, video, PDF/OFD and Office documents. */
export const allowedFileMediaTypes = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/tiff',
  'image/bmp',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/wav',
  'audio/x-wav',
  'audio/amr',
  'audio/ogg',
  'audio/webm',
  'video/mp4',
  'video/quicktime',
  'video/x-msvideo',
  'video/webm',
  'video/3gpp',
  'video/mpeg',
  'application/pdf',
  'application/ofd',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;

/** Whether a (client-declared) media type may be stored; parameters such as `; charset=` are ignored. */
export const isAllowedFileMediaType = (mediaType: string) =>
  (allowedFileMediaTypes as readonly string[]).includes(mediaType.split(';')[0]?.trim().toLowerCase() ?? '');

export const sha256Field = (label = '文件哈希') =>
  z
    .string({ message: `${label}必须填写` })
    .regex(/^[0-9a-f]{64}$/, `${label}应为 64 位小写十六进制（SHA-256）`);

export const fileHashParamsSchema = z.object({ sha256: sha256Field() });

/** The optional form fields sent with an upload, before the `file` part. */
export const fileUploadFieldsSchema = z.object({
  organizationId: z.uuid({ message: '所属单位格式不正确' }).optional(),
  capturedAt: z
    .string({ message: '采集时间必须是文字' })
    .refine((value) => !Number.isNaN(Date.parse(value)), '采集时间格式不正确，例如 2026-11-23T09:30:00+08:00')
    .optional(),
  capturedBy: optionalText('采集人', 100),
  location: optionalText('采集地点', 200),
});
export type FileUploadFields = z.infer<typeof fileUploadFieldsSchema>;

/** Where and when an evidence file was made, as told by the uploader. */
export interface FileCapture {
  capturedAt?: string;
  capturedBy?: string;
  location?: string;
}

export interface StoredFileView {
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  organizationId: string;
  uploadedBy: { userId: string | null; name: string };
  uploadedAt: string;
  capture: FileCapture | null;
}

/** The answer of an upload: the record, and whether the same bytes were already stored. */
export interface StoredFileUploadResult extends StoredFileView {
  deduplicated: boolean;
}

export interface FileAttachmentView {
  id: string;
  subjectType: string;
  subjectId: string;
  organizationId: string;
  label: string;
  note: string | null;
  attachedBy: { userId: string | null; name: string };
  attachedAt: string;
  file: StoredFileView;
}

/** A re-check of a stored file: `actual` is null when the file is missing from disk. */
export interface FileVerificationView {
  sha256: string;
  intact: boolean;
  missing: boolean;
  expected: string;
  actual: string | null;
  checkedAt: string;
  message: string;
}
