import { z } from 'zod';
import { uuidField } from '../../../contracts/fields';
import {
  addRecordSchema,
  caseActionSchema,
  caseListQuerySchema,
  caseProcedureLabels,
  caseSourceLabels,
  penaltyKindLabels,
  registerCaseSchema,
  type CaseDetail,
  type CaseListPage,
  type CaseOfficerChoice,
  type CaseRecordView,
  type CaseView,
  type CaseWorkbench,
} from '../../../contracts/enforcement';
import type { FileVerificationView } from '../../../contracts/files';
import { chineseDate } from '../../core/calendar/civil-dates';
import { inTransaction, readContext, type Deps } from '../../core/context';
import { writeListWorkbook, type ExportColumn } from '../../core/exports/excel';
import { sendWorkbook } from '../../core/exports/excel-http';
import { todayOf } from '../../core/procedures/procedure-service';
import { type App, errors, security, json } from '../../core/route-kit';
import {
  addCaseRecord,
  getCaseDetail,
  getCaseWorkbench,
  listCaseablePowerItems,
  listCaseOfficers,
  listCases,
  performCaseAction,
  registerCase,
  verifyCaseRecord,
} from './enforcement-service';

const idParams = z.object({ id: uuidField('案件编号') });
const organizationQuery = z.object({ organizationId: uuidField('执法主体') });
const maxExportRows = 20_000;

const exportColumns: ExportColumn<CaseView>[] = [
  { header: '案件编号', width: 24, value: (row) => row.caseNumber },
  { header: '案由', width: 40, value: (row) => row.title },
  { header: '执法主体', width: 26, value: (row) => row.organizationName },
  { header: '程序', width: 10, value: (row) => caseProcedureLabels[row.procedure] },
  { header: '案件来源', width: 10, value: (row) => caseSourceLabels[row.source] },
  { header: '当事人', width: 26, value: (row) => row.party.name },
  { header: '执法事项', width: 30, value: (row) => `${row.powerItemCode} ${row.powerItemName}` },
  { header: '状态', width: 14, value: (row) => row.stateLabel },
  { header: '重大案件', width: 8, value: (row) => (row.isMajor ? '是' : '否') },
  { header: '立案日期', width: 14, value: (row) => chineseDate(row.registeredOn) },
  { header: '决定书文号', width: 24, value: (row) => row.decisionNumber },
  {
    header: '处罚',
    width: 30,
    value: (row) => row.decidedPenalty?.kinds.map((kind) => penaltyKindLabels[kind]).join('、') ?? null,
  },
  { header: '罚款（元）', width: 12, value: (row) => row.decidedPenalty?.fineYuan ?? null },
  { header: '决定日期', width: 14, value: (row) => (row.decidedOn ? chineseDate(row.decidedOn) : null) },
  { header: '最近期限', width: 14, value: (row) => (row.nextDueDate ? chineseDate(row.nextDueDate) : null) },
  { header: '是否超期', width: 8, value: (row) => (row.overdue ? '超期' : '') },
  { header: '结案日期', width: 14, value: (row) => (row.closedOn ? chineseDate(row.closedOn) : null) },
];

/** 行政执法案件: registration, actions of the case procedure, whole-process records, lists and the workbench. */
export function registerEnforcementRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['行政执法'];

  app.post(
    '/api/enforcement/cases',
    {
      schema: {
        tags,
        summary:
          '立案：普通程序提出立案申请，或简易程序当场作出处罚决定（须在本机关权责清单内，两名以上持证执法人员）',
        security,
        body: registerCaseSchema,
        response: { 201: json<CaseDetail>(), ...errors },
      },
    },
    async (request, reply) => {
      const detail = await inTransaction(deps, request.actor, (ctx) => registerCase(ctx, request.body));
      return reply.code(201).send(detail);
    },
  );

  app.get(
    '/api/enforcement/cases',
    {
      schema: {
        tags,
        summary:
          '案件列表：按关键词、执法主体（含下级）、状态、程序、来源、年度、重大、超期、本人承办、立案日期筛选',
        security,
        querystring: caseListQuerySchema,
        response: {
          200: json<CaseListPage>(),
          ...errors,
        },
      },
    },
    async (request) => listCases(readContext(deps, request.actor), request.query),
  );

  app.get(
    '/api/enforcement/cases/export',
    {
      schema: {
        tags,
        summary: '导出案件列表（Excel），筛选条件同案件列表',
        security,
        querystring: caseListQuerySchema.omit({ page: true, pageSize: true }),
        description: `返回 .xlsx 文件，最多 ${maxExportRows} 行`,
      },
    },
    async (request, reply) => {
      const ctx = readContext(deps, request.actor);
      const page = await listCases(ctx, { ...request.query, page: 1, pageSize: maxExportRows });
      const workbook = await writeListWorkbook('行政执法案件', exportColumns, page.items);
      return sendWorkbook(reply, workbook, `行政执法案件-${todayOf(ctx).replace(/-/g, '')}.xlsx`);
    },
  );

  app.get(
    '/api/enforcement/workbench',
    {
      schema: {
        tags,
        summary: '办案工作台：本人承办、即将到期、已超期、待法制审核、待负责人审批的案件',
        security,
        response: { 200: json<CaseWorkbench>(), ...errors },
      },
    },
    async (request) => getCaseWorkbench(readContext(deps, request.actor)),
  );

  app.get(
    '/api/enforcement/power-items',
    {
      schema: {
        tags,
        summary: '可立案的执法事项：执法主体现行权责清单中的行政处罚事项',
        security,
        querystring: organizationQuery,
        response: {
          200: json<{ id: string; code: string; name: string; kind: string; legalBasisText: string }[]>(),
          ...errors,
        },
      },
    },
    async (request) => listCaseablePowerItems(readContext(deps, request.actor), request.query.organizationId),
  );

  app.get(
    '/api/enforcement/officers',
    {
      schema: {
        tags,
        summary: '执法主体的执法人员及今天的执法证状态（选择承办人；isCurrentUser 标出当前用户本人）',
        security,
        querystring: organizationQuery,
        response: {
          200: json<CaseOfficerChoice[]>(),
          ...errors,
        },
      },
    },
    async (request) => listCaseOfficers(readContext(deps, request.actor), request.query.organizationId),
  );

  app.get(
    '/api/enforcement/cases/:id',
    {
      schema: {
        tags,
        summary: '案件详情：案件信息、办理过程、期限（含法律依据）、可执行的操作、全过程记录、文书、公示',
        security,
        params: idParams,
        response: { 200: json<CaseDetail>(), ...errors },
      },
    },
    async (request) => getCaseDetail(readContext(deps, request.actor), request.params.id),
  );

  app.post(
    '/api/enforcement/cases/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '办理案件的一个环节（字段见程序定义）；不符合法定条件的返回 409 并说明原因',
        security,
        params: idParams.extend({ action: z.string().min(1).max(64) }),
        body: caseActionSchema,
        response: { 200: json<CaseDetail>(), ...errors },
      },
    },
    async (request) =>
      inTransaction(deps, request.actor, (ctx) =>
        performCaseAction(ctx, request.params.id, request.params.action, request.body),
      ),
  );

  app.post(
    '/api/enforcement/cases/:id/records',
    {
      schema: {
        tags,
        summary: '添加全过程记录：文字记录，或先经 POST /api/files 上传的照片、音像、书证（按哈希引用）',
        security,
        params: idParams,
        body: addRecordSchema,
        response: { 201: json<CaseRecordView>(), ...errors },
      },
    },
    async (request, reply) => {
      const record = await inTransaction(deps, request.actor, (ctx) =>
        addCaseRecord(ctx, request.params.id, request.body),
      );
      return reply.code(201).send(record);
    },
  );

  app.post(
    '/api/enforcement/cases/:id/records/:recordId/verify',
    {
      schema: {
        tags,
        summary: '重新计算记录文件的哈希，与上传时登记的哈希比对',
        security,
        params: idParams.extend({ recordId: uuidField('记录编号') }),
        response: { 200: json<FileVerificationView>(), ...errors },
      },
    },
    async (request) =>
      verifyCaseRecord(readContext(deps, request.actor), request.params.id, request.params.recordId),
  );
  return Promise.resolve();
}
