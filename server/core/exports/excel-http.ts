import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { ImportRejectedError, writeImportErrorWorkbook, xlsxContentType } from './excel';

/** The largest workbook accepted for import. */
export const maxImportBytes = 10 * 1024 * 1024;

/** Adds multipart parsing to one route scope (the module's import routes), not to the whole app. */
export async function registerExcelUploads(scope: FastifyInstance): Promise<void> {
  await scope.register(fastifyMultipart, { limits: { fileSize: maxImportBytes, files: 1, fields: 10 } });
}

/** Sends a workbook as a download; the file name may be Chinese (RFC 6266 / RFC 5987). */
export function sendWorkbook(
  reply: FastifyReply,
  buffer: Buffer,
  fileName: string,
  status = 200,
): FastifyReply {
  const asciiName = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .status(status)
    .header('content-type', xlsxContentType)
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(buffer);
}

/**
 * The uploaded workbook of an import request: the `file` part of a multipart form (what the
 * browser sends), or `{ "fileBase64": "…" }` as JSON for scripts.
 */
export async function readUploadedWorkbook(request: FastifyRequest): Promise<Buffer> {
  if (request.isMultipart()) {
    const file = await request.file();
    if (!file) throw new AppError('VALIDATION_FAILED', '请选择要导入的 Excel 文件', 'file');
    let buffer: Buffer;
    try {
      buffer = await file.toBuffer();
    } catch {
      throw new AppError('VALIDATION_FAILED', `文件不能超过 ${maxImportBytes / 1024 / 1024} MB`, 'file');
    }
    if (file.file.truncated) {
      throw new AppError('VALIDATION_FAILED', `文件不能超过 ${maxImportBytes / 1024 / 1024} MB`, 'file');
    }
    return buffer;
  }
  const body = request.body as { fileBase64?: unknown } | null | undefined;
  if (body && typeof body.fileBase64 === 'string' && body.fileBase64.length > 0) {
    return Buffer.from(body.fileBase64, 'base64');
  }
  throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传 file 字段的 Excel 文件', 'file');
}

/**
 * Runs an import and answers: `{ imported }` when every row went in, or 400 with the problem
 * workbook (行号, 列, 问题) when any row was refused — in which case nothing was imported.
 */
export async function replyToImport(
  reply: FastifyReply,
  fileName: string,
  work: () => Promise<number>,
): Promise<FastifyReply> {
  let imported: number;
  try {
    imported = await work();
  } catch (error) {
    if (!(error instanceof ImportRejectedError)) throw error;
    const workbook = await writeImportErrorWorkbook(error.rowErrors);
    return sendWorkbook(
      reply.header('x-import-errors', String(error.rowErrors.length)),
      workbook,
      fileName,
      400,
    );
  }
  return reply.status(200).send({ imported });
}
