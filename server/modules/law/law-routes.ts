import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidField } from '../../../contracts/fields';
import {
  citeQuerySchema,
  lawListQuerySchema,
  lawSearchQuerySchema,
  type CiteResult,
  type LawDetail,
  type LawImportView,
  type LawSearchResult,
} from '../../../contracts/law';
import { readContext, type Deps } from '../../core/context';
import { AppError } from '../../core/errors';
import { todayOf } from '../../core/procedures/procedure-service';
import { runLawImport, startLawImport } from './import-laws';
import type { LawFileInput } from './law-file-parser';
import { lawImportPolicy } from './law-policy';
import {
  getLawDetail,
  getLawImportRun,
  listLawImportRuns,
  listLaws,
  resolveCitations,
  searchLaws,
  type LawPage,
} from './law-service';
import { type App, errorShape, security, requireSignedIn, json } from '../../core/route-kit';

const idParams = z.object({ id: uuidField('编号') });

/** The largest law file accepted in an upload, and how many files one upload may hold. */
const maxLawFileBytes = 5 * 1024 * 1024;
const maxLawFiles = 2000;

/** Law library: public reading, search and citation; imports for 司法局 and 系统管理员. */
export async function registerLawRoutes(app: App, deps: Deps): Promise<void> {
  registerPublicLawRoutes(app, deps);
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(fastifyMultipart, {
      limits: { fileSize: maxLawFileBytes, files: maxLawFiles, fields: 10 },
    });
    registerImportRoutes(scope, deps);
  });
}

function registerPublicLawRoutes(app: App, deps: Deps): void {
  const tags = ['公开：法律法规库'];
  app.get(
    '/api/public/law/laws',
    {
      schema: {
        tags,
        summary: '法律法规列表：按标题搜索，按效力层级、类别筛选（默认只列现行版本）',
        querystring: lawListQuerySchema,
        response: { 200: json<LawPage>(), 400: errorShape },
      },
    },
    async (request) => listLaws(readContext(deps, null), request.query),
  );

  app.get(
    '/api/public/law/laws/:id',
    {
      schema: {
        tags,
        summary: '法律法规全文：条文按顺序，附同名法规的全部版本',
        params: idParams,
        response: { 200: json<LawDetail>(), 400: errorShape, 404: errorShape },
      },
    },
    async (request) => getLawDetail(readContext(deps, null), request.params.id),
  );

  app.get(
    '/api/public/law/search',
    {
      schema: {
        tags,
        summary: '条文全文检索：按相关度排序，命中词标出；另列标题匹配的法规（至多 10 部）',
        querystring: lawSearchQuerySchema,
        response: { 200: json<LawSearchResult>(), 400: errorShape },
      },
    },
    async (request) => searchLaws(readContext(deps, null), request.query),
  );

  app.post(
    '/api/public/law/cite',
    {
      schema: {
        tags,
        summary: '解析引用：找出文字中的法条引用，按某日有效的版本给出条文（日期默认今天）',
        body: citeQuerySchema,
        response: { 200: json<CiteResult>(), 400: errorShape },
      },
    },
    async (request) => {
      const ctx = readContext(deps, null);
      return resolveCitations(ctx, request.body.text, request.body.date ?? todayOf(ctx));
    },
  );
}

/** The .md and .txt files of a multipart upload; 400 naming `files` for anything else. */
async function readUploadedLawFiles(request: FastifyRequest): Promise<LawFileInput[]> {
  if (!request.isMultipart())
    throw new AppError(
      'VALIDATION_FAILED',
      '请以 multipart/form-data 上传 files 字段的 .md 或 .txt 文件',
      'files',
    );
  const files: LawFileInput[] = [];
  for await (const part of request.parts()) {
    if (part.type !== 'file') continue;
    const name = part.filename;
    if (!/\.(md|txt)$/i.test(name)) {
      await part.toBuffer();
      throw new AppError('VALIDATION_FAILED', `只能上传 .md 或 .txt 文件：${name}`, 'files');
    }
    const buffer = await part.toBuffer().catch(() => {
      throw new AppError(
        'VALIDATION_FAILED',
        `单个文件不能超过 ${maxLawFileBytes / 1024 / 1024} MB：${name}`,
        'files',
      );
    });
    if (part.file.truncated)
      throw new AppError(
        'VALIDATION_FAILED',
        `单个文件不能超过 ${maxLawFileBytes / 1024 / 1024} MB：${name}`,
        'files',
      );
    files.push({ path: name, text: buffer.toString('utf8') });
  }
  if (files.length === 0)
    throw new AppError('VALIDATION_FAILED', '请选择要导入的法规文件（.md 或 .txt）', 'files');
  return files;
}

function registerImportRoutes(app: App, deps: Deps): void {
  const tags = ['法律法规库导入'];
  app.addHook('preHandler', requireSignedIn);

  app.post(
    '/api/law/imports',
    {
      schema: {
        tags,
        summary: '上传法规文件导入（司法局、系统管理员）：立即返回导入编号，导入在后台进行',
        description:
          '以 multipart/form-data 上传一个或多个 files 字段的 .md（法规库 Markdown 格式）或 .txt（首行为标题）文件。同一标题、同一版本日期且内容相同的不重复导入；较新的版本取代较旧的版本（旧版本保留）。',
        security,
        consumes: ['multipart/form-data'],
        response: { 200: json<{ importId: string }>(), 400: errorShape, 401: errorShape, 403: errorShape },
      },
    },
    async (request) => {
      lawImportPolicy({ actor: request.actor });
      const files = await readUploadedLawFiles(request);
      const source = files.length === 1 ? `上传：${files[0]?.path ?? ''}` : `上传：${files.length} 个文件`;
      const importId = await startLawImport(deps, request.actor, { source, totalFiles: files.length });
      // the import runs on after the answer; its row tells how far it got and how it ended
      runLawImport(deps, request.actor, importId, files).catch((error: unknown) => {
        deps.logger.error({ err: error, importId }, 'law import failed');
      });
      return { importId };
    },
  );

  app.get(
    '/api/law/imports',
    {
      schema: {
        tags,
        summary: '最近的导入记录',
        security,
        response: { 200: json<{ items: LawImportView[] }>(), 401: errorShape, 403: errorShape },
      },
    },
    async (request) => ({ items: await listLawImportRuns(readContext(deps, request.actor)) }),
  );

  app.get(
    '/api/law/imports/:id',
    {
      schema: {
        tags,
        summary: '导入进度与结果',
        security,
        params: idParams,
        response: {
          200: json<LawImportView>(),
          400: errorShape,
          401: errorShape,
          403: errorShape,
          404: errorShape,
        },
      },
    },
    async (request) => getLawImportRun(readContext(deps, request.actor), request.params.id),
  );
}
