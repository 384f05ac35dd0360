import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, uuidField } from '../../../../contracts/fields';
import {
  checklistListQuerySchema,
  createChecklistSchema,
  reviewListQuerySchema,
  reviewResultsQuerySchema,
  sampleCasesSchema,
  scoreReviewSchema,
  type ChecklistView,
  type ReviewResultRow,
  type ReviewView,
  type SampleResult,
} from '../../../../contracts/enforcement-oversight';
import { inTransaction, readContext, type Deps } from '../../../core/context';
import { type App, errors, security, requireSignedIn, json } from '../../../core/route-kit';
import { presentChecklist, presentReview } from './case-review-presenters';
import {
  createChecklist,
  getReview,
  listChecklists,
  listReviews,
  reviewResults,
  sampleCasesForReview,
  scoreCaseReview,
} from './case-review-service';

const idParams = z.object({ id: uuidField('编号') });

/** 案卷评查: the justice bureau's checklists, sampling and scoring; leaders read. */
export async function registerCaseReviewRoutes(app: App, deps: Deps): Promise<void> {
  await app.register((plain, _options, done) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addHook('preHandler', requireSignedIn);
    const tags = ['案卷评查'];

    scope.get(
      '/api/enforcement/case-review/checklists',
      {
        schema: {
          tags,
          summary:
            '评查标准（司法局首次使用时生成默认标准：8 类 22 项共 100 分，90 分以上优秀、75 分以上合格，可自行调整）',
          security,
          querystring: checklistListQuerySchema,
          response: { 200: json<ChecklistView[]>(), ...errors },
        },
      },
      async (request) =>
        (await inTransaction(deps, request.actor, (ctx) => listChecklists(ctx, request.query))).map(
          presentChecklist,
        ),
    );

    scope.post(
      '/api/enforcement/case-review/checklists',
      {
        schema: {
          tags,
          summary: '制定新的评查标准（替换当前启用的标准；已评分的案卷仍按原标准）',
          security,
          body: createChecklistSchema,
          response: { 200: json<ChecklistView>(), ...errors },
        },
      },
      async (request) =>
        presentChecklist(
          await inTransaction(deps, request.actor, (ctx) => createChecklist(ctx, request.body)),
        ),
    );

    scope.post(
      '/api/enforcement/case-review/samples',
      {
        schema: {
          tags,
          summary: '随机抽取案卷：从各执法主体当年已结案、已归档的案件中按比例或数量抽取（同一种子可重现）',
          security,
          body: sampleCasesSchema,
          response: { 200: json<SampleResult>(), ...errors },
        },
      },
      async (request) => {
        const outcome = await inTransaction(deps, request.actor, (ctx) =>
          sampleCasesForReview(ctx, request.body),
        );
        const page = await listReviews(readContext(deps, request.actor), {
          ids: outcome.reviewIds,
          page: 1,
          pageSize: Math.max(1, outcome.reviewIds.length),
        });
        return {
          seed: outcome.seed,
          perOrganization: outcome.perOrganization,
          reviews: page.items.map(presentReview),
        };
      },
    );

    scope.get(
      '/api/enforcement/case-review/reviews',
      {
        schema: {
          tags,
          summary: '评查案卷列表（按评查活动、年度、执法主体、状态、等次筛选）',
          security,
          querystring: reviewListQuerySchema,
          response: { 200: pageOf(json<ReviewView>()), ...errors },
        },
      },
      async (request) => {
        const page = await listReviews(readContext(deps, request.actor), request.query);
        return { ...page, items: page.items.map(presentReview) };
      },
    );

    scope.get(
      '/api/enforcement/case-review/reviews/:id',
      {
        schema: {
          tags,
          summary: '评查案卷及其评查标准',
          security,
          params: idParams,
          response: { 200: json<{ review: ReviewView; checklist: ChecklistView }>(), ...errors },
        },
      },
      async (request) => {
        const { review, checklist } = await getReview(readContext(deps, request.actor), request.params.id);
        return { review: presentReview(review), checklist: presentChecklist(checklist) };
      },
    );

    scope.put(
      '/api/enforcement/case-review/reviews/:id',
      {
        schema: {
          tags,
          summary: '评分：逐项打分（不超过该项分值），自动计算总分和等次',
          security,
          params: idParams,
          body: scoreReviewSchema,
          response: { 200: json<ReviewView>(), ...errors },
        },
      },
      async (request) =>
        presentReview(
          await inTransaction(deps, request.actor, (ctx) =>
            scoreCaseReview(ctx, request.params.id, request.body),
          ),
        ),
    );

    scope.get(
      '/api/enforcement/case-review/results',
      {
        schema: {
          tags,
          summary: '各执法主体评查结果：抽取数、已评分数、平均分、各等次数量',
          security,
          querystring: reviewResultsQuerySchema,
          response: { 200: json<ReviewResultRow[]>(), ...errors },
        },
      },
      async (request) => reviewResults(readContext(deps, request.actor), request.query),
    );
    done();
  });
}
