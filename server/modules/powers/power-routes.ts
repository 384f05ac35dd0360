import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidField } from '../../../contracts/fields';
import {
  addChangeSchema,
  changeSetActionSchema,
  changeSetListQuerySchema,
  createChangeSetSchema,
  updateChangeSetSchema,
  inForceQuerySchema,
  itemFilterSchema,
  itemListQuerySchema,
  listDiffQuerySchema,
  listKindLabels,
  listVersionParamsSchema,
  publicItemListQuerySchema,
  templateQuerySchema,
  type ChangeSetDetail,
  type ChangeSetView,
  type ChangeView,
  type InForceAnswer,
  type ListDiffEntry,
  type ListVersionView,
  type PowerImportResult,
  type PowerItemDetail,
  type PowerItemView,
  type PowerSummaryEntry,
  type PublicPowerOrganization,
} from '../../../contracts/powers';
import { todayOf } from '../../core/procedures/procedure-service';
import { inTransaction, readContext, type Deps } from '../../core/context';
import { ImportRejectedError, writeImportErrorWorkbook } from '../../core/exports/excel';
import { readUploadedWorkbook, registerExcelUploads, sendWorkbook } from '../../core/exports/excel-http';
import { importChangesFromSheet, writePowerImportTemplate, writePowerListWorkbook } from './power-excel';
import { presentChange, presentChangeSet, presentItem, presentListVersion } from './power-presenters';
import {
  addChange,
  createChangeSet,
  updateChangeSetHeader,
  diffListVersionsOf,
  exportItems,
  getChangeSetDetail,
  getItem,
  getPublicItem,
  isPowerItemInForce,
  listChangeSets,
  listItems,
  listListVersionsOf,
  listPublicItems,
  listPublicOrganizations,
  organizationOfList,
  performChangeSetAction,
  removeChange,
  summarizePowerLists,
} from './power-service';
import { type App, errorShape, errors, security, requireSignedIn, json } from '../../core/route-kit';

const idParams = z.object({ id: uuidField('编号') });

const stamp = (date: string) => date.replace(/-/g, '');

/** Answers an import: `{ added }`, or 400 with the problem workbook (行号, 列, 问题) when nothing was imported. */
async function replyToPowerImport(reply: FastifyReply, work: () => Promise<number>): Promise<FastifyReply> {
  let added: number;
  try {
    added = await work();
  } catch (error) {
    if (!(error instanceof ImportRejectedError)) throw error;
    const workbook = await writeImportErrorWorkbook(error.rowErrors);
    return sendWorkbook(
      reply.header('x-import-errors', String(error.rowErrors.length)).header('x-error-code', error.code),
      workbook,
      '清单导入问题.xlsx',
      400,
    );
  }
  const body: PowerImportResult = { added };
  return reply.status(200).send(body);
}

/** The power lists: console routes (signed in, scoped) and public routes (in force today, no drafts). */
export async function registerPowerRoutes(app: App, deps: Deps): Promise<void> {
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addHook('preHandler', requireSignedIn);
    await registerExcelUploads(scope);
    registerItemRoutes(scope, deps);
    registerChangeSetRoutes(scope, deps);
  });
  await app.register((plain, _options, done) => {
    registerPublicRoutes(plain.withTypeProvider<ZodTypeProvider>(), deps);
    done();
  });
}

function registerItemRoutes(app: App, deps: Deps): void {
  const tags = ['权责清单'];
  app.get(
    '/api/powers/items',
    {
      schema: {
        tags,
        summary: '清单事项：某日有效的清单（默认今天），按组织、清单、类型、关键词、状态筛选（限管辖范围）',
        security,
        querystring: itemListQuerySchema,
        response: {
          200: json<{ items: PowerItemView[]; total: number; page: number; pageSize: number }>(),
          ...errors,
        },
      },
    },
    async (request) => {
      const page = await listItems(readContext(deps, request.actor), request.query);
      const { legalBases, ...rest } = page;
      return {
        ...rest,
        items: page.items.map((row, index) => presentItem(row, page.date, legalBases[index])),
      };
    },
  );

  app.get(
    '/api/powers/items/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出清单（Excel，中文表头，每个字段一列）',
        security,
        querystring: itemFilterSchema,
        description: '返回 .xlsx 文件；不指定清单类型时导出权责清单',
      },
    },
    async (request, reply) => {
      const listKind = request.query.listKind ?? 'power';
      const result = await exportItems(readContext(deps, request.actor), { ...request.query, listKind });
      const workbook = await writePowerListWorkbook(listKind, result.date, result.items);
      return sendWorkbook(reply, workbook, `${listKindLabels[listKind]}-${stamp(result.date)}.xlsx`);
    },
  );

  app.get(
    '/api/powers/items/:id',
    {
      schema: {
        tags,
        summary: '事项详情：今天显示的版本（法律依据按今天重新解析）和全部版本',
        security,
        params: idParams,
        response: { 200: json<PowerItemDetail>(), ...errors },
      },
    },
    async (request): Promise<PowerItemDetail> => {
      const detail = await getItem(readContext(deps, request.actor), request.params.id);
      return {
        item: presentItem(detail.item, detail.today, detail.legalBasis),
        versions: detail.versions.map((version) => presentItem(version, detail.today)),
      };
    },
  );

  app.get(
    '/api/powers/template.xlsx',
    {
      schema: {
        tags,
        summary: '下载某类清单的导入模板（Excel）',
        security,
        querystring: templateQuerySchema,
        description: '返回 .xlsx：必填列标红，第 2 行为填写说明（导入时忽略），第 3 行为示例',
      },
    },
    async (request, reply) =>
      sendWorkbook(
        reply,
        await writePowerImportTemplate(request.query.listKind),
        `${listKindLabels[request.query.listKind]}导入模板.xlsx`,
      ),
  );

  app.get(
    '/api/powers/lists/:organizationId/:listKind/versions',
    {
      schema: {
        tags,
        summary: '某组织某类清单的历次版本',
        security,
        params: listVersionParamsSchema,
        response: { 200: json<ListVersionView[]>(), ...errors },
      },
    },
    async (request) =>
      (
        await listListVersionsOf(
          readContext(deps, request.actor),
          request.params.organizationId,
          request.params.listKind,
        )
      ).map(presentListVersion),
  );

  app.get(
    '/api/powers/diff',
    {
      schema: {
        tags,
        summary: '两个清单版本之间新增、变更（含变更字段）和取消的事项',
        security,
        querystring: listDiffQuerySchema,
        response: { 200: json<ListDiffEntry[]>(), ...errors },
      },
    },
    async (request) => diffListVersionsOf(readContext(deps, request.actor), request.query),
  );

  app.get(
    '/api/powers/in-force',
    {
      schema: {
        tags,
        summary: '某事项（按编号或编码）在某日是否有效',
        security,
        querystring: inForceQuerySchema,
        response: { 200: json<InForceAnswer>(), ...errors },
      },
    },
    async (request): Promise<InForceAnswer> => {
      const ctx = readContext(deps, request.actor);
      await organizationOfList(ctx, request.query.organizationId);
      const date = request.query.date ?? todayOf(ctx);
      const answer = await isPowerItemInForce(ctx, { ...request.query, date });
      return { inForce: answer.inForce, item: answer.item ? presentItem(answer.item, date) : null };
    },
  );

  app.get(
    '/api/powers/summary',
    {
      schema: {
        tags,
        summary: '管辖范围内各组织各类清单：有效事项数、最新版本、待审核的调整方案',
        security,
        response: { 200: json<PowerSummaryEntry[]>(), ...errors },
      },
    },
    async (request) => summarizePowerLists(readContext(deps, request.actor)),
  );
}

function registerChangeSetRoutes(app: App, deps: Deps): void {
  const tags = ['权责清单动态调整'];
  const present = (request: FastifyRequest, record: Parameters<typeof presentChangeSet>[0]): ChangeSetView =>
    presentChangeSet(record, request.actor);

  app.get(
    '/api/powers/change-sets',
    {
      schema: {
        tags,
        summary: '调整方案列表（限管辖范围）',
        security,
        querystring: changeSetListQuerySchema,
        response: {
          200: json<{ items: ChangeSetView[]; total: number; page: number; pageSize: number }>(),
          ...errors,
        },
      },
    },
    async (request) => {
      const page = await listChangeSets(readContext(deps, request.actor), request.query);
      return { ...page, items: page.items.map((record) => present(request, record)) };
    },
  );

  app.post(
    '/api/powers/change-sets',
    {
      schema: {
        tags,
        summary: '起草调整方案（部门联络员，本部门清单）',
        security,
        body: createChangeSetSchema,
        response: { 200: json<ChangeSetView>(), ...errors },
      },
    },
    async (request) =>
      present(request, await inTransaction(deps, request.actor, (ctx) => createChangeSet(ctx, request.body))),
  );

  app.patch(
    '/api/powers/change-sets/:id',
    {
      schema: {
        tags,
        summary: '修改草拟中或被退回的调整方案（标题、理由、依据、生效日期）',
        security,
        params: idParams,
        body: updateChangeSetSchema,
        response: { 200: json<ChangeSetView>(), ...errors },
      },
    },
    async (request) =>
      present(
        request,
        await inTransaction(deps, request.actor, (ctx) =>
          updateChangeSetHeader(ctx, request.params.id, request.body),
        ),
      ),
  );

  app.get(
    '/api/powers/change-sets/:id',
    {
      schema: {
        tags,
        summary: '调整方案详情：调整事项（变更、取消附现行内容）和办理经过',
        security,
        params: idParams,
        response: { 200: json<ChangeSetDetail>(), ...errors },
      },
    },
    async (request): Promise<ChangeSetDetail> => {
      const detail = await getChangeSetDetail(readContext(deps, request.actor), request.params.id);
      return {
        changeSet: present(request, detail.changeSet),
        changes: detail.changes.map(({ change, current }) => presentChange(change, current)),
        history: detail.history,
      };
    },
  );

  app.post(
    '/api/powers/change-sets/:id/changes',
    {
      schema: {
        tags,
        summary: '添加调整事项（新增、变更、取消；仅草拟中或已退回时）',
        security,
        params: idParams,
        body: addChangeSchema,
        response: { 200: json<ChangeView>(), ...errors },
      },
    },
    async (request): Promise<ChangeView> => {
      const change = await inTransaction(deps, request.actor, (ctx) =>
        addChange(ctx, request.params.id, request.body),
      );
      return presentChange(change, null);
    },
  );

  app.delete(
    '/api/powers/change-sets/:id/changes/:changeId',
    {
      schema: {
        tags,
        summary: '删除调整事项（仅草拟中或已退回时）',
        security,
        params: z.object({ id: uuidField('调整方案'), changeId: uuidField('调整事项') }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await inTransaction(deps, request.actor, (ctx) =>
        removeChange(ctx, request.params.id, request.params.changeId),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/powers/change-sets/:id/import',
    {
      schema: {
        tags,
        summary: '从 Excel 导入调整事项（全部通过才导入）',
        description:
          '以 multipart/form-data 上传 file 字段的 .xlsx（按该类清单的导入模板填写，调整类型列填 新增/变更/取消）。全部行通过才导入并返回 { added }；任何一行有问题则什么都不导入，以 400 返回问题清单 Excel（行号、列、问题）。',
        security,
        params: idParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const buffer = await readUploadedWorkbook(request);
      return replyToPowerImport(reply, () =>
        inTransaction(deps, request.actor, (ctx) => importChangesFromSheet(ctx, request.params.id, buffer)),
      );
    },
  );

  app.post(
    '/api/powers/change-sets/:id/actions',
    {
      schema: {
        tags,
        summary: '办理调整方案：提交、重新提交、审核通过、退回、撤回',
        description: '当前状态不允许该操作或条件不满足时返回 409 并说明原因',
        security,
        params: idParams,
        body: changeSetActionSchema,
        response: { 200: json<ChangeSetView>(), ...errors },
      },
    },
    async (request) =>
      present(
        request,
        await inTransaction(deps, request.actor, (ctx) =>
          performChangeSetAction(ctx, request.params.id, request.body),
        ),
      ),
  );
}

function registerPublicRoutes(app: App, deps: Deps): void {
  const tags = ['公开：权责清单'];
  app.get(
    '/api/public/powers/organizations',
    {
      schema: {
        tags,
        summary: '公开清单的机关及各类清单的有效事项数',
        response: { 200: json<PublicPowerOrganization[]>() },
      },
    },
    async () => listPublicOrganizations(readContext(deps, null)),
  );

  app.get(
    '/api/public/powers/items',
    {
      schema: {
        tags,
        summary: '公开清单：今天有效的事项',
        querystring: publicItemListQuerySchema,
        response: {
          200: json<{ items: PowerItemView[]; total: number; page: number; pageSize: number }>(),
          400: errorShape,
        },
      },
    },
    async (request) => {
      const page = await listPublicItems(readContext(deps, null), request.query);
      const { legalBases, ...rest } = page;
      return {
        ...rest,
        items: page.items.map((row, index) => presentItem(row, page.date, legalBases[index])),
      };
    },
  );

  app.get(
    '/api/public/powers/items/:id',
    {
      schema: {
        tags,
        summary: '公开清单：事项详情（法律依据按今天解析）',
        params: idParams,
        response: { 200: json<PowerItemView>(), 400: errorShape, 404: errorShape },
      },
    },
    async (request) => {
      const detail = await getPublicItem(readContext(deps, null), request.params.id);
      return presentItem(detail.item, detail.today, detail.legalBasis);
    },
  );
}
