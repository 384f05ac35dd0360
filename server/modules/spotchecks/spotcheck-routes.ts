import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ImportJobView } from '../../../contracts/imports';
import { uuidField } from '../../../contracts/fields';
import {
  addRecusalSchema,
  endRecusalSchema,
  entityListQuerySchema,
  type EntityView,
  type RecusalView,
} from '../../../contracts/spotchecks';
import { requireRole } from '../../core/access/authorize';
import { inTransaction, readContext, type Deps } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { composeCreditCode } from '../../core/identity/national-codes';
import { writeImportErrorWorkbook, writeImportTemplate } from '../../core/exports/excel';
import { sendWorkbook } from '../../core/exports/excel-http';
import {
  findImportJob,
  listImportJobs,
  openImportJob,
  presentImportJob,
  runImportJob,
} from '../../core/imports/import-jobs';
import { type App, errors, security, requireSignedIn, json } from '../../core/route-kit';
import { entityImport, entityKeeperRoles, entityReaderRoles, listEntities } from './entities/entity-service';
import { addRecusal, endRecusal, listRecusals } from './recusals/recusal-service';
import { registerInspectorRoutes } from './inspectors/inspector-routes';
import { registerCommitmentRoutes } from './profile/commitment-routes';
import { registerEntityProfileRoutes } from './profile/profile-routes';

/** The largest list file accepted (a million rows of CSV is about 150 MB). */
const maxListFileBytes = 300 * 1024 * 1024;

const idParams = z.object({ id: uuidField('导入任务') });

/** 双随机、一公开: the entity directory and its imports (plans and draws come next). */
export async function registerSpotcheckRoutes(app: App, deps: Deps): Promise<void> {
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addHook('preHandler', requireSignedIn);
    await scope.register(fastifyMultipart, { limits: { fileSize: maxListFileBytes, files: 1, fields: 5 } });
    const tags = ['双随机：检查对象名录库'];

    scope.get(
      '/api/spotchecks/entities',
      {
        schema: {
          tags,
          summary: '检查对象名录：按名称、统一社会信用代码或住所检索，按风险分类、区划筛选',
          security,
          querystring: entityListQuerySchema,
          response: {
            200: json<{
              items: EntityView[];
              total: number;
              totalIsCapped: boolean;
              page: number;
              pageSize: number;
            }>(),
            ...errors,
          },
        },
      },
      async (request) => listEntities(readContext(deps, request.actor), request.query),
    );

    scope.get(
      '/api/spotchecks/entities/import-template',
      { schema: { tags, summary: '检查对象名录导入模板（Excel）', security } },
      async (request, reply) => {
        requireRole(readContext(deps, request.actor), entityKeeperRoles);
        const buffer = await writeImportTemplate('检查对象名录', entityImport.columns, [
          {
            creditCode: composeCreditCode('91', '410300', 'MA44KXAA'),
            name: '示范市味美餐饮管理有限公司',
            riskGrade: 'B',
            address: '示范市洛龙区开元大道 88 号',
            industry: '餐饮业',
            jurisdictionCode: '410311',
            licences: '食品经营许可证',
          },
        ]);
        return sendWorkbook(reply, buffer, '检查对象名录导入模板.xlsx');
      },
    );

    scope.post(
      '/api/spotchecks/entities/import',
      {
        schema: {
          tags,
          summary:
            '导入检查对象名录（Excel 或 CSV，至多 100 万行；先逐行检查，全部无误才一次写入，否则不导入任何数据）',
          description:
            '以 multipart/form-data 上传 file。立即返回导入任务（202），用 GET /api/spotchecks/entities/imports/:id 查看进度与结果；统一社会信用代码已在名录中的，更新其信息。',
          security,
          consumes: ['multipart/form-data'],
          response: { 202: json<ImportJobView>(), ...errors },
        },
      },
      async (request, reply) => {
        const ctx = readContext(deps, request.actor);
        requireRole(ctx, entityKeeperRoles);
        if (!request.isMultipart())
          throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传 file', 'file');
        const file = await request.file();
        if (!file) throw new AppError('VALIDATION_FAILED', '请选择要导入的 Excel 或 CSV 文件', 'file');
        const folder = join(deps.config.dataDir, 'imports');
        await mkdir(folder, { recursive: true });
        const job = await openImportJob(ctx, { kind: entityImport.kind, fileName: file.filename });
        const path = join(folder, `${job.id}.upload`);
        await pipeline(file.file, createWriteStream(path));
        if (file.file.truncated) {
          await rm(path, { force: true });
          throw new AppError(
            'VALIDATION_FAILED',
            `文件不能超过 ${maxListFileBytes / 1024 / 1024} MB`,
            'file',
          );
        }
        // the job runs on after the answer; its outcome is on the job row
        void runImportJob(deps, request.actor, job.id, path, entityImport).finally(() =>
          rm(path, { force: true }),
        );
        return reply.status(202).send(presentImportJob(job));
      },
    );

    scope.get(
      '/api/spotchecks/entities/imports',
      {
        schema: {
          tags,
          summary: '最近的名录导入任务',
          security,
          response: { 200: json<ImportJobView[]>(), ...errors },
        },
      },
      async (request) => {
        const ctx = readContext(deps, request.actor);
        requireRole(ctx, entityReaderRoles);
        return (await listImportJobs(ctx, entityImport.kind)).map(presentImportJob);
      },
    );

    scope.get(
      '/api/spotchecks/entities/imports/:id',
      {
        schema: {
          tags,
          summary: '名录导入任务的进度与结果',
          security,
          params: idParams,
          response: { 200: json<ImportJobView>(), ...errors },
        },
      },
      async (request) => {
        const ctx = readContext(deps, request.actor);
        requireRole(ctx, entityReaderRoles);
        const job = await findImportJob(ctx, entityImport.kind, request.params.id);
        if (!job) throw notFound('导入任务');
        return presentImportJob(job);
      },
    );

    scope.get(
      '/api/spotchecks/entities/imports/:id/errors',
      { schema: { tags, summary: '名录导入问题清单（Excel：行号、列、问题）', security, params: idParams } },
      async (request, reply) => {
        const ctx = readContext(deps, request.actor);
        requireRole(ctx, entityReaderRoles);
        const job = await findImportJob(ctx, entityImport.kind, request.params.id);
        if (!job) throw notFound('导入任务');
        return sendWorkbook(reply, await writeImportErrorWorkbook(job.errors), '名录导入问题.xlsx');
      },
    );

    const recusalTags = ['双随机：检查人员回避'];
    scope.get(
      '/api/spotchecks/recusals',
      {
        schema: {
          tags: recusalTags,
          summary: '检查人员回避记录（按人员或检查对象；默认只列未解除的）',
          security,
          querystring: z.object({
            personId: uuidField('检查人员').optional(),
            creditCode: z.string().trim().max(18).optional(),
            includeEnded: z
              .enum(['true', 'false'])
              .optional()
              .transform((value) => value === 'true'),
          }),
          response: { 200: json<RecusalView[]>(), ...errors },
        },
      },
      async (request) => listRecusals(readContext(deps, request.actor), request.query),
    );
    scope.post(
      '/api/spotchecks/recusals',
      {
        schema: {
          tags: recusalTags,
          summary: '登记回避（检查人员本人可申报；其他人须为其所在机关的负责人、联络员或司法局）',
          security,
          body: addRecusalSchema,
          response: { 201: json<RecusalView>(), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await inTransaction(deps, request.actor, (ctx) => addRecusal(ctx, request.body))),
    );
    scope.post(
      '/api/spotchecks/recusals/:id/end',
      {
        schema: {
          tags: recusalTags,
          summary: '解除回避（写明原因；记录保留）',
          security,
          params: z.object({ id: uuidField('回避记录') }),
          body: endRecusalSchema,
          response: { 200: json<RecusalView>(), ...errors },
        },
      },
      async (request) =>
        inTransaction(deps, request.actor, (ctx) => endRecusal(ctx, request.params.id, request.body)),
    );
  });
  await registerInspectorRoutes(app, deps);
  await registerEntityProfileRoutes(app, deps);
  await registerCommitmentRoutes(app, deps);
}
