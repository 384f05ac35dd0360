import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  certificateFilterSchema,
  certificateListQuerySchema,
  certificatePageSchema,
  certificateSchema,
  createCertificateInputSchema,
  createOrganizationInputSchema,
  createPersonInputSchema,
  idParamsSchema,
  importResultSchema,
  jurisdictionListSchema,
  jurisdictionQuerySchema,
  organizationFilterSchema,
  organizationListQuerySchema,
  organizationPageSchema,
  organizationSchema,
  organizationTreeSchema,
  personFilterSchema,
  personListQuerySchema,
  personPageSchema,
  personSchema,
  updateCertificateInputSchema,
  updateOrganizationInputSchema,
  moveOrganizationInputSchema,
  updatePersonInputSchema,
  type Certificate,
  type Organization,
  type Person,
} from '../../../contracts/org';
import { inTransaction, readContext, type Deps } from '../../core/context';
import { writeListWorkbook } from '../../core/exports/excel';
import {
  readUploadedWorkbook,
  registerExcelUploads,
  replyToImport,
  sendWorkbook,
} from '../../core/exports/excel-http';
import {
  createCertificate,
  exportCertificates,
  getCertificate,
  listCertificates,
  updateCertificate,
} from './certificate-service';
import {
  certificateImportTemplate,
  importCertificates,
  importOrganizations,
  importPeople,
  organizationImportTemplate,
  personImportTemplate,
} from './org-import-service';
import {
  certificateExportColumns,
  organizationExportColumns,
  personExportColumns,
  presentCertificate,
  presentOrganization,
  presentPerson,
} from './org-presenters';
import {
  createOrganization,
  deactivateOrganization,
  moveOrganization,
  exportOrganizations,
  getOrganization,
  getOrganizationTree,
  listJurisdictionsUnder,
  listOrganizations,
  updateOrganization,
} from './organization-service';
import {
  createPerson,
  deactivatePerson,
  exportPeople,
  getPerson,
  listPeople,
  updatePerson,
} from './person-service';
import { type App, errors, security, requireSignedIn } from '../../core/route-kit';

const importDescription =
  '以 multipart/form-data 上传 file 字段的 .xlsx（按导入模板填写）。全部行通过才导入，一行有问题则什么都不导入，并以 400 返回问题清单 Excel（行号、列、问题）。';

/** Org routes need a signed-in user; checked after validation so a malformed body is a 400 first. */

const stamp = (now: Date) => now.toISOString().slice(0, 10).replace(/-/g, '');

/** Organizations, people, enforcement certificates and jurisdictions: list, get, create, edit, deactivate, Excel. */
export async function registerOrgRoutes(app: App, deps: Deps): Promise<void> {
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addHook('preHandler', requireSignedIn);
    await registerExcelUploads(scope);
    registerOrganizationRoutes(scope, deps);
    registerPersonRoutes(scope, deps);
    registerCertificateRoutes(scope, deps);
  });
}

function registerOrganizationRoutes(app: App, deps: Deps): void {
  const tags = ['组织机构'];
  const present = (record: Parameters<typeof presentOrganization>[0]): Organization =>
    presentOrganization(record);

  app.get(
    '/api/jurisdictions',
    {
      schema: {
        tags,
        summary: '行政区划（GB/T 2260）：某级区划的下级，不填为省级',
        security,
        querystring: jurisdictionQuerySchema,
        response: { 200: jurisdictionListSchema, ...errors },
      },
    },
    async (request) => ({
      items: (await listJurisdictionsUnder(
        readContext(deps, request.actor),
        request.query.parentCode ?? null,
      )) as z.infer<typeof jurisdictionListSchema>['items'],
    }),
  );

  app.get(
    '/api/organizations/tree',
    {
      schema: {
        tags,
        summary: '本人管辖范围内的组织树（组织切换器）',
        security,
        querystring: z.object({
          includeInactive: z.enum(['true', 'false'], { message: '只能是 true 或 false' }).optional(),
        }),
        response: { 200: organizationTreeSchema, ...errors },
      },
    },
    async (request) => ({
      roots: await getOrganizationTree(readContext(deps, request.actor), {
        includeInactive: request.query.includeInactive === 'true',
      }),
    }),
  );

  app.get(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: '组织列表：按名称搜索，按类型、区划、上级、状态筛选（限管辖范围）',
        security,
        querystring: organizationListQuerySchema,
        response: { 200: organizationPageSchema, ...errors },
      },
    },
    async (request) => {
      const page = await listOrganizations(readContext(deps, request.actor), request.query);
      return { ...page, items: page.items.map(present) };
    },
  );

  app.get(
    '/api/organizations/export',
    {
      schema: {
        tags,
        summary: '导出组织列表（Excel）',
        security,
        querystring: organizationFilterSchema,
        description: '返回 .xlsx 文件（表头为中文）',
      },
    },
    async (request, reply) => {
      const rows = await exportOrganizations(readContext(deps, request.actor), request.query);
      const workbook = await writeListWorkbook('组织', organizationExportColumns, rows);
      return sendWorkbook(reply, workbook, `组织列表-${stamp(deps.clock.now())}.xlsx`);
    },
  );

  app.get(
    '/api/organizations/import-template',
    {
      schema: {
        tags,
        summary: '下载组织导入模板（Excel）',
        security,
        description: '返回 .xlsx 文件（表头为中文）',
      },
    },
    async (_request, reply) => sendWorkbook(reply, await organizationImportTemplate(), '组织导入模板.xlsx'),
  );

  app.post(
    '/api/organizations/import',
    {
      schema: {
        tags,
        summary: '导入组织（Excel，全部成功或全部不导入）',
        description: importDescription,
        security,
        consumes: ['multipart/form-data'],
        response: { 200: importResultSchema },
      },
    },
    async (request, reply) => {
      const buffer = await readUploadedWorkbook(request);
      return replyToImport(reply, '组织导入问题.xlsx', () =>
        inTransaction(deps, request.actor, (ctx) => importOrganizations(ctx, buffer)),
      );
    },
  );

  app.get(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: '组织详情',
        security,
        params: idParamsSchema,
        response: { 200: organizationSchema, ...errors },
      },
    },
    async (request) => present(await getOrganization(readContext(deps, request.actor), request.params.id)),
  );

  app.post(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: '新建组织（系统管理员，在其管辖范围内）',
        security,
        body: createOrganizationInputSchema,
        response: { 200: organizationSchema, ...errors },
      },
    },
    async (request) =>
      present(await inTransaction(deps, request.actor, (ctx) => createOrganization(ctx, request.body))),
  );

  app.patch(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: '修改组织（系统管理员）',
        security,
        params: idParamsSchema,
        body: updateOrganizationInputSchema,
        response: { 200: organizationSchema, ...errors },
      },
    },
    async (request) =>
      present(
        await inTransaction(deps, request.actor, (ctx) =>
          updateOrganization(ctx, request.params.id, request.body),
        ),
      ),
  );

  app.post(
    '/api/organizations/:id/deactivate',
    {
      schema: {
        tags,
        summary: '停用组织（不删除，记录依法保存）',
        security,
        params: idParamsSchema,
        response: { 200: organizationSchema, ...errors },
      },
    },
    async (request) =>
      present(
        await inTransaction(deps, request.actor, (ctx) => deactivateOrganization(ctx, request.params.id)),
      ),
  );

  app.post(
    '/api/organizations/:id/move',
    {
      schema: {
        tags,
        summary: '调整上级组织（连同下级组织一并调整，如机构改革）',
        security,
        params: idParamsSchema,
        body: moveOrganizationInputSchema,
        response: { 200: organizationSchema, ...errors },
      },
    },
    async (request) =>
      present(
        await inTransaction(deps, request.actor, (ctx) =>
          moveOrganization(ctx, request.params.id, request.body),
        ),
      ),
  );
}

function registerPersonRoutes(app: App, deps: Deps): void {
  const tags = ['人员'];
  const present = (record: Parameters<typeof presentPerson>[0]): Person => presentPerson(record);

  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: '人员列表：按姓名搜索，按组织、职责、在职状态筛选（限管辖范围，身份证号码脱敏）',
        security,
        querystring: personListQuerySchema,
        response: { 200: personPageSchema, ...errors },
      },
    },
    async (request) => {
      const page = await listPeople(readContext(deps, request.actor), request.query);
      return { ...page, items: page.items.map(present) };
    },
  );

  app.get(
    '/api/people/export',
    {
      schema: {
        tags,
        summary: '导出人员列表（Excel，身份证号码脱敏）',
        security,
        querystring: personFilterSchema,
        description: '返回 .xlsx 文件（表头为中文）',
      },
    },
    async (request, reply) => {
      const rows = await exportPeople(readContext(deps, request.actor), request.query);
      return sendWorkbook(
        reply,
        await writeListWorkbook('人员', personExportColumns, rows),
        `人员列表-${stamp(deps.clock.now())}.xlsx`,
      );
    },
  );

  app.get(
    '/api/people/import-template',
    {
      schema: {
        tags,
        summary: '下载人员导入模板（Excel）',
        security,
        description: '返回 .xlsx 文件（表头为中文）',
      },
    },
    async (_request, reply) => sendWorkbook(reply, await personImportTemplate(), '人员导入模板.xlsx'),
  );

  app.post(
    '/api/people/import',
    {
      schema: {
        tags,
        summary: '导入人员（Excel，全部成功或全部不导入）',
        description: importDescription,
        security,
        consumes: ['multipart/form-data'],
        response: { 200: importResultSchema },
      },
    },
    async (request, reply) => {
      const buffer = await readUploadedWorkbook(request);
      return replyToImport(reply, '人员导入问题.xlsx', () =>
        inTransaction(deps, request.actor, (ctx) => importPeople(ctx, buffer)),
      );
    },
  );

  app.get(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: '人员详情',
        security,
        params: idParamsSchema,
        response: { 200: personSchema, ...errors },
      },
    },
    async (request) => present(await getPerson(readContext(deps, request.actor), request.params.id)),
  );

  app.post(
    '/api/people',
    {
      schema: {
        tags,
        summary: '新增人员（部门联络员、司法局、执法机关负责人，在其管辖范围内）',
        security,
        body: createPersonInputSchema,
        response: { 200: personSchema, ...errors },
      },
    },
    async (request) =>
      present(await inTransaction(deps, request.actor, (ctx) => createPerson(ctx, request.body))),
  );

  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: '修改人员',
        security,
        params: idParamsSchema,
        body: updatePersonInputSchema,
        response: { 200: personSchema, ...errors },
      },
    },
    async (request) =>
      present(
        await inTransaction(deps, request.actor, (ctx) => updatePerson(ctx, request.params.id, request.body)),
      ),
  );

  app.post(
    '/api/people/:id/deactivate',
    {
      schema: {
        tags,
        summary: '人员离职（不删除）',
        security,
        params: idParamsSchema,
        response: { 200: personSchema, ...errors },
      },
    },
    async (request) =>
      present(await inTransaction(deps, request.actor, (ctx) => deactivatePerson(ctx, request.params.id))),
  );
}

function registerCertificateRoutes(app: App, deps: Deps): void {
  const tags = ['执法证'];
  const present = (record: Parameters<typeof presentCertificate>[0]): Certificate =>
    presentCertificate(record, deps.clock.now());

  app.get(
    '/api/certificates',
    {
      schema: {
        tags,
        summary: '执法证列表：按证号或姓名搜索，按组织、持证人、状态、某日有效筛选（限管辖范围）',
        security,
        querystring: certificateListQuerySchema,
        response: { 200: certificatePageSchema, ...errors },
      },
    },
    async (request) => {
      const page = await listCertificates(readContext(deps, request.actor), request.query);
      return { ...page, items: page.items.map(present) };
    },
  );

  app.get(
    '/api/certificates/export',
    {
      schema: {
        tags,
        summary: '导出执法证列表（Excel）',
        security,
        querystring: certificateFilterSchema,
        description: '返回 .xlsx 文件（表头为中文）',
      },
    },
    async (request, reply) => {
      const rows = await exportCertificates(readContext(deps, request.actor), request.query);
      const workbook = await writeListWorkbook('执法证', certificateExportColumns(deps.clock.now()), rows);
      return sendWorkbook(reply, workbook, `执法证列表-${stamp(deps.clock.now())}.xlsx`);
    },
  );

  app.get(
    '/api/certificates/import-template',
    {
      schema: {
        tags,
        summary: '下载执法证导入模板（Excel）',
        security,
        description: '返回 .xlsx 文件（表头为中文）',
      },
    },
    async (_request, reply) => sendWorkbook(reply, await certificateImportTemplate(), '执法证导入模板.xlsx'),
  );

  app.post(
    '/api/certificates/import',
    {
      schema: {
        tags,
        summary: '导入执法证（Excel，全部成功或全部不导入）',
        description: importDescription,
        security,
        consumes: ['multipart/form-data'],
        response: { 200: importResultSchema },
      },
    },
    async (request, reply) => {
      const buffer = await readUploadedWorkbook(request);
      return replyToImport(reply, '执法证导入问题.xlsx', () =>
        inTransaction(deps, request.actor, (ctx) => importCertificates(ctx, buffer)),
      );
    },
  );

  app.get(
    '/api/certificates/:id',
    {
      schema: {
        tags,
        summary: '执法证详情',
        security,
        params: idParamsSchema,
        response: { 200: certificateSchema, ...errors },
      },
    },
    async (request) => present(await getCertificate(readContext(deps, request.actor), request.params.id)),
  );

  app.post(
    '/api/certificates',
    {
      schema: {
        tags,
        summary: '登记执法证（证号全市唯一，有效期至晚于发证日期）',
        security,
        body: createCertificateInputSchema,
        response: { 200: certificateSchema, ...errors },
      },
    },
    async (request) =>
      present(await inTransaction(deps, request.actor, (ctx) => createCertificate(ctx, request.body))),
  );

  app.patch(
    '/api/certificates/:id',
    {
      schema: {
        tags,
        summary: '修改执法证，或暂扣、注销、恢复（status）',
        security,
        params: idParamsSchema,
        body: updateCertificateInputSchema,
        response: { 200: certificateSchema, ...errors },
      },
    },
    async (request) =>
      present(
        await inTransaction(deps, request.actor, (ctx) =>
          updateCertificate(ctx, request.params.id, request.body),
        ),
      ),
  );
}
