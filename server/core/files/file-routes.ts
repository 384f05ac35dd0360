import { Readable } from 'node:stream';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allowedFileMediaTypes,
  fileHashParamsSchema,
  fileUploadFieldsSchema,
  type FileUploadFields,
  type FileVerificationView,
  type StoredFileUploadResult,
  type StoredFileView,
} from '../../../contracts/files';
import { requireActor } from '../access/authorize';
import { inTransaction, readContext, type Deps } from '../context';
import { invalid } from '../errors';
import { fileWriterRoles } from './file-policy';
import { getStoredFile, openStoredFile, storeFile, verifyStoredFile } from './file-service';
import { type App, errorShape, security, json } from '../route-kit';
import { requireSignedIn } from '../route-kit';

const tags = ['证据文件'];

/**
 * `Content-Disposition` for a download: an ASCII fallback and the real (often Chinese) name
 * per RFC 6266 / RFC 5987.
 */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const asciiName = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}

/** The form fields sent before the file, checked; 400 naming the field. */
function parseUploadFields(fields: Record<string, string>): FileUploadFields {
  const parsed = fileUploadFieldsSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalid(String(issue?.path[0] ?? 'file'), issue?.message ?? '表单填写有误');
}

/** The file part's bytes, failing with 400 naming `file` once the part was cut at the size limit. */
function limitedStream(part: MultipartFile, maxMb: number): Readable {
  return Readable.from(
    (async function* bytes() {
      for await (const chunk of part.file) yield chunk as Buffer;
      if (part.file.truncated) throw invalid('file', `文件不能超过 ${maxMb} MB`);
    })(),
  );
}

/** The organization an upload belongs to when the form names none: the actor's current organization. */
function defaultOrganizationId(request: FastifyRequest): string {
  const actor = requireActor({ actor: request.actor });
  const organizationId =
    actor.activeOrganizationId ??
    actor.roles.find((held) => fileWriterRoles.includes(held.role))?.organizationId;
  if (!organizationId) throw invalid('organizationId', '请选择文件所属单位');
  return organizationId;
}

/** Evidence files: upload (stored by content hash), download, record and integrity check. */
export async function registerFileRoutes(app: App, deps: Deps): Promise<void> {
  const maxBytes = deps.config.maxUploadMb * 1024 * 1024;
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 10 } });
    scope.addHook('preHandler', requireSignedIn);

    scope.post(
      '/api/files',
      {
        schema: {
          tags,
          summary: '上传证据文件（照片、录音、录像、PDF、Office 文档），按内容哈希（SHA-256）存证',
          description: `以 multipart/form-data 上传：可选字段 organizationId（所属单位，默认当前单位）、capturedAt（采集时间，ISO 8601）、capturedBy（采集人）、location（采集地点），须放在 file 字段之前；file 字段为文件本身，不超过 ${deps.config.maxUploadMb} MB。允许的类型：${allowedFileMediaTypes.join('、')}。同一内容再次上传不会重复存储，返回 deduplicated: true。`,
          security,
          consumes: ['multipart/form-data'],
          response: {
            200: json<StoredFileUploadResult>(),
            400: errorShape,
            401: errorShape,
            403: errorShape,
          },
        },
      },
      async (request) => {
        if (!request.isMultipart()) throw invalid('file', '请以 multipart/form-data 上传 file 字段的文件');
        const fields: Record<string, string> = {};
        let result: StoredFileUploadResult | null = null;
        const parts = request.parts()[Symbol.asyncIterator]();
        // a form field after the file would come too late to count: refused, before any record
        const refuseTrailingFields = async () => {
          for (let next = await parts.next(); next.done !== true; next = await parts.next()) {
            const part = next.value;
            if (part.type === 'file') part.file.resume();
            else if (part.fieldname in fileUploadFieldsSchema.shape)
              throw invalid(part.fieldname, `${part.fieldname} 须放在 file 字段之前发送`);
          }
        };
        for (let next = await parts.next(); next.done !== true; next = await parts.next()) {
          const part = next.value;
          if (part.type === 'field') {
            if (typeof part.value === 'string') fields[part.fieldname] = part.value;
            continue;
          }
          if (part.fieldname !== 'file' || result) {
            part.file.resume();
            continue;
          }
          try {
            const form = parseUploadFields(fields);
            const capture = {
              ...(form.capturedAt ? { capturedAt: new Date(form.capturedAt).toISOString() } : {}),
              ...(form.capturedBy ? { capturedBy: form.capturedBy } : {}),
              ...(form.location ? { location: form.location } : {}),
            };
            const organizationId = form.organizationId ?? defaultOrganizationId(request);
            result = await storeFile(readContext(deps, request.actor), {
              stream: limitedStream(part, deps.config.maxUploadMb),
              originalName: part.filename,
              mediaType: part.mimetype,
              organizationId,
              capture,
              beforeRecord: refuseTrailingFields,
            });
          } catch (error) {
            // a refused upload is read to its end so the request completes; nothing is kept
            part.file.resume();
            throw error;
          }
        }
        if (!result) throw invalid('file', '请选择要上传的文件（file 字段）');
        return result;
      },
    );
  });

  app.get(
    '/api/files/:sha256',
    {
      preHandler: requireSignedIn,
      schema: {
        tags,
        summary: '下载证据文件（原文件名）',
        security,
        params: fileHashParamsSchema,
        response: { 200: z.any().describe('文件内容'), 400: errorShape, 401: errorShape, 404: errorShape },
      },
    },
    async (request, reply) => {
      const { file, stream } = await openStoredFile(readContext(deps, request.actor), request.params.sha256);
      return reply
        .header('content-type', file.mediaType)
        .header('content-length', String(file.size))
        .header('content-disposition', contentDisposition(file.originalName))
        .header('x-content-type-options', 'nosniff')
        .header('x-content-sha256', file.sha256)
        .send(stream);
    },
  );

  app.get(
    '/api/files/:sha256/meta',
    {
      preHandler: requireSignedIn,
      schema: {
        tags,
        summary: '证据文件的存证信息：哈希、大小、类型、原文件名、上传人与时间、采集时间地点',
        security,
        params: fileHashParamsSchema,
        response: { 200: json<StoredFileView>(), 400: errorShape, 401: errorShape, 404: errorShape },
      },
    },
    async (request) => getStoredFile(readContext(deps, request.actor), request.params.sha256),
  );

  app.post(
    '/api/files/:sha256/verify',
    {
      preHandler: requireSignedIn,
      schema: {
        tags,
        summary: '核验证据文件：重新计算哈希，与存证哈希比对（被改动或缺失都会报告），核验本身记入审计日志',
        security,
        params: fileHashParamsSchema,
        response: { 200: json<FileVerificationView>(), 400: errorShape, 401: errorShape, 404: errorShape },
      },
    },
    async (request) =>
      inTransaction(deps, request.actor, (ctx) => verifyStoredFile(ctx, request.params.sha256)),
  );
}
