import type { ReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contentDisposition } from '../../../core/files/file-routes';
import { z } from 'zod';
import { pagination, uuidField } from '../../../../contracts/fields';
import {
  cancelPlanSchema,
  completeTaskSchema,
  createPlanSchema,
  drawPlanInputSchema,
  openTaskCaseSchema,
  planListQuerySchema,
  recordInspectionSchema,
  taskListQuerySchema,
  type DrawVerificationView,
  type PublicSpotCheckPlan,
  type SpotCheckPlanDetail,
  type SpotCheckPlanView,
  type SpotCheckStatistics,
  spotCheckStatisticsQuerySchema,
  type SpotCheckTaskDetail,
  type SpotCheckTaskView,
} from '../../../../contracts/spotchecks';
import { inTransaction, readContext, type Deps } from '../../../core/context';
import { type App, errors, errorShape, json, requireSignedIn, security } from '../../../core/route-kit';
import {
  completeTask,
  getTaskDetail,
  listTasks,
  openTaskCase,
  recordInspection,
} from '../tasks/task-service';
import {
  cancelPlan,
  commitPlan,
  createPlan,
  drawPlan,
  getPlanDetail,
  listPlans,
  readDrawRecord,
} from './plan-service';
import { getPublicPlan, listPublicPlans, verifyPublishedRecord } from './public-spotcheck-service';
import { spotCheckStatistics } from '../statistics/spotcheck-statistics';

const planParams = z.object({ id: uuidField('抽查计划') });
const taskParams = z.object({ id: uuidField('抽查任务') });
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** The largest record the portal's check accepts as a request body (a population of about 500,000). */
const maxRecordBytes = 64 * 1024 * 1024;

/** 双随机: plans, draws and tasks in the console; published draws and the check on the portal. */
export async function registerPlanRoutes(app: App, deps: Deps): Promise<void> {
  await app.register((plain, _options, done) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addHook('preHandler', requireSignedIn);
    const tags = ['双随机：抽查计划与任务'];

    scope.get(
      '/api/spotchecks/plans',
      {
        schema: {
          tags,
          summary: '抽查计划（按名称或编号检索，按部门、状态、年度筛选）',
          security,
          querystring: planListQuerySchema,
          response: { 200: json<Page<SpotCheckPlanView>>(), ...errors },
        },
      },
      async (request) => listPlans(readContext(deps, request.actor), request.query),
    );
    scope.post(
      '/api/spotchecks/plans',
      {
        schema: {
          tags,
          summary: '制定抽查计划（部门、抽查事项、对象范围、各风险等级抽查比例、检查期间）',
          security,
          body: createPlanSchema,
          response: { 201: json<SpotCheckPlanDetail>(), ...errors },
        },
      },
      async (request, reply) => {
        const row = await inTransaction(deps, request.actor, (ctx) => createPlan(ctx, request.body));
        return reply.status(201).send(await getPlanDetail(readContext(deps, request.actor), row.id));
      },
    );
    scope.get(
      '/api/spotchecks/plans/:id',
      {
        schema: {
          tags,
          summary: '抽查计划详情：参数、承诺值、揭示的种子、办理记录',
          security,
          params: planParams,
          response: { 200: json<SpotCheckPlanDetail>(), ...errors },
        },
      },
      async (request) => getPlanDetail(readContext(deps, request.actor), request.params.id),
    );
    scope.post(
      '/api/spotchecks/plans/:id/commit',
      {
        schema: {
          tags,
          summary: '冻结检查对象名录与检查人员名录，公布承诺值（抽取前）',
          security,
          params: planParams,
          response: { 200: json<SpotCheckPlanDetail>(), ...errors },
        },
      },
      async (request) => {
        await inTransaction(deps, request.actor, (ctx) => commitPlan(ctx, request.params.id));
        return getPlanDetail(readContext(deps, request.actor), request.params.id);
      },
    );
    scope.post(
      '/api/spotchecks/plans/:id/draw',
      {
        schema: {
          tags,
          summary: '揭示种子并抽取检查对象与检查人员，生成检查任务',
          security,
          params: planParams,
          body: drawPlanInputSchema,
          response: { 200: json<SpotCheckPlanDetail>(), ...errors },
        },
      },
      async (request) => {
        await inTransaction(deps, request.actor, (ctx) => drawPlan(ctx, request.params.id, request.body));
        return getPlanDetail(readContext(deps, request.actor), request.params.id);
      },
    );
    scope.post(
      '/api/spotchecks/plans/:id/cancel',
      {
        schema: {
          tags,
          summary: '撤销抽取前的计划（写明原因；已公布的承诺值继续公开）',
          security,
          params: planParams,
          body: cancelPlanSchema,
          response: { 200: json<SpotCheckPlanDetail>(), ...errors },
        },
      },
      async (request) => {
        await inTransaction(deps, request.actor, (ctx) => cancelPlan(ctx, request.params.id, request.body));
        return getPlanDetail(readContext(deps, request.actor), request.params.id);
      },
    );
    scope.get(
      '/api/spotchecks/plans/:id/record',
      {
        schema: {
          tags,
          summary: '下载抽取记录（JSON，可用 npx fazhi spotcheck verify 复核）',
          security,
          params: planParams,
        },
      },
      async (request, reply) => {
        const { planNumber, stream } = await readDrawRecord(
          readContext(deps, request.actor),
          request.params.id,
          false,
        );
        return sendRecord(reply, planNumber, stream);
      },
    );

    scope.get(
      '/api/spotchecks/statistics',
      {
        schema: {
          tags,
          summary: '双随机统计：各牵头部门的计划、任务、发现问题、立案、名录覆盖率和结果公示及时率（按年度）',
          security,
          querystring: spotCheckStatisticsQuerySchema,
          response: { 200: json<SpotCheckStatistics>(), ...errors },
        },
      },
      async (request) => spotCheckStatistics(readContext(deps, request.actor), request.query.year),
    );
    scope.get(
      '/api/spotchecks/tasks',
      {
        schema: {
          tags,
          summary: '抽查任务（我的任务、按计划、状态、结果筛选，按检查对象检索）',
          security,
          querystring: taskListQuerySchema,
          response: { 200: json<Page<SpotCheckTaskView>>(), ...errors },
        },
      },
      async (request) => listTasks(readContext(deps, request.actor), request.query),
    );
    scope.get(
      '/api/spotchecks/tasks/:id',
      {
        schema: {
          tags,
          summary: '抽查任务详情',
          security,
          params: taskParams,
          response: { 200: json<SpotCheckTaskDetail>(), ...errors },
        },
      },
      async (request) => getTaskDetail(readContext(deps, request.actor), request.params.id),
    );
    scope.post(
      '/api/spotchecks/tasks/:id/inspection',
      {
        schema: {
          tags,
          summary: '录入现场检查记录（检查日期、逐项检查情况、记录、照片）',
          security,
          params: taskParams,
          body: recordInspectionSchema,
          response: { 200: json<SpotCheckTaskDetail>(), ...errors },
        },
      },
      async (request) => {
        await inTransaction(deps, request.actor, (ctx) =>
          recordInspection(ctx, request.params.id, request.body),
        );
        return getTaskDetail(readContext(deps, request.actor), request.params.id);
      },
    );
    scope.post(
      '/api/spotchecks/tasks/:id/complete',
      {
        schema: {
          tags,
          summary: '确定检查结果（自结果产生之日起 20 个工作日内公示）',
          security,
          params: taskParams,
          body: completeTaskSchema,
          response: { 200: json<SpotCheckTaskDetail>(), ...errors },
        },
      },
      async (request) => {
        await inTransaction(deps, request.actor, (ctx) => completeTask(ctx, request.params.id, request.body));
        return getTaskDetail(readContext(deps, request.actor), request.params.id);
      },
    );
    scope.post(
      '/api/spotchecks/tasks/:id/case',
      {
        schema: {
          tags,
          summary: '发现问题立案查处（普通程序，当事人为检查对象，与任务关联）',
          security,
          params: taskParams,
          body: openTaskCaseSchema,
          response: { 201: json<{ caseId: string }>(), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await inTransaction(deps, request.actor, (ctx) =>
              openTaskCase(ctx, request.params.id, request.body),
            ),
          ),
    );
    done();
  });

  await app.register((plain, _options, done) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['公开：双随机、一公开'];
    scope.get(
      '/api/public/spotchecks/plans',
      {
        schema: {
          tags,
          summary: '已公布承诺值的抽查计划（含已抽取、已撤销）',
          querystring: z.object(pagination),
          response: { 200: json<Page<PublicSpotCheckPlan>>(), 400: errorShape },
        },
      },
      async (request) => listPublicPlans(readContext(deps, null), request.query),
    );
    scope.get(
      '/api/public/spotchecks/plans/:id',
      {
        schema: {
          tags,
          summary: '抽查计划公示：承诺值、输入摘要、揭示的种子',
          params: planParams,
          response: { 200: json<PublicSpotCheckPlan>(), 400: errorShape, 404: errorShape },
        },
      },
      async (request) => getPublicPlan(readContext(deps, null), request.params.id),
    );
    scope.get(
      '/api/public/spotchecks/plans/:id/record',
      { schema: { tags, summary: '下载抽取记录（JSON）', params: planParams } },
      async (request, reply) => {
        const { planNumber, stream } = await readDrawRecord(readContext(deps, null), request.params.id, true);
        return sendRecord(reply, planNumber, stream);
      },
    );
    scope.post(
      '/api/public/spotchecks/verify',
      {
        bodyLimit: maxRecordBytes,
        schema: {
          tags,
          summary: '复核一份抽取记录：按公开算法重算，给出是否一致及第一处不一致',
          body: z.unknown(),
          response: { 200: json<DrawVerificationView>() },
        },
      },
      (request, reply) => {
        void reply.send(verifyPublishedRecord(request.body));
      },
    );
    done();
  });
}

function sendRecord(reply: FastifyReply, planNumber: string, stream: ReadStream) {
  return reply
    .header('content-type', 'application/json; charset=utf-8')
    .header('content-disposition', contentDisposition(`抽取记录-${planNumber}.json`))
    .send(stream);
}
