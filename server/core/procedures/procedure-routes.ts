import {
  deadlineListQuerySchema,
  deadlineListSchema,
  performActionBodySchema,
  performResultSchema,
  procedureActionParamsSchema,
  procedureParamsSchema,
  procedureViewSchema,
} from '../../../contracts/procedures';
import { civilDate } from '../clock';
import { inTransaction, readContext, type Deps } from '../context';
import {
  presentDeadlineListItem,
  presentPerformResult,
  presentProcedureDetail,
} from './procedure-presenters';
import { procedureDefinitionFor } from './procedure-registry';
import { getProcedureDetail, listDeadlines, perform } from './procedure-service';
import { type App, errorShape, errors } from '../route-kit';

const tags = ['办理程序与期限'];

/** Every statutory procedure through one API: read one, perform an action, list deadlines. */
export function registerProcedureRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/procedures/:id',
    {
      schema: {
        tags,
        summary: '办理事项：当前状态、办理记录、期限和可执行的操作',
        security: [{ session: [] }],
        params: procedureParamsSchema,
        response: { 200: procedureViewSchema, ...errors },
      },
    },
    async (request) =>
      presentProcedureDetail(
        await getProcedureDetail(readContext(deps, request.actor), request.params.id),
        civilDate(deps.clock.now()),
      ),
  );

  app.post(
    '/api/procedures/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '执行办理操作',
        description:
          '在一个事务中检查状态、角色、字段、文书和前置条件，变更状态，记入审计日志，重新计算期限，并返回下一步可执行的操作。不允许的操作返回 409 及原因。',
        security: [{ session: [] }],
        params: procedureActionParamsSchema,
        body: performActionBodySchema,
        response: { 200: performResultSchema, ...errors, 422: errorShape },
      },
    },
    async (request) => {
      const result = await inTransaction(deps, request.actor, (ctx) =>
        perform(ctx, {
          instanceId: request.params.id,
          action: request.params.action,
          fields: request.body.fields,
          ...(request.body.documents ? { documents: request.body.documents } : {}),
          ...(request.body.expectedRevision === undefined
            ? {}
            : { expectedRevision: request.body.expectedRevision }),
        }),
      );
      return presentPerformResult(result, civilDate(deps.clock.now()));
    },
  );

  app.get(
    '/api/deadlines',
    {
      schema: {
        tags,
        summary: '已逾期或即将到期的期限（本人权限范围内）',
        security: [{ session: [] }],
        querystring: deadlineListQuerySchema,
        response: { 200: deadlineListSchema, ...errors, 422: errorShape },
      },
    },
    async (request) => {
      const listing = await listDeadlines(readContext(deps, request.actor), request.query);
      return {
        today: listing.today,
        items: listing.items.map((item) =>
          presentDeadlineListItem(
            item,
            procedureDefinitionFor(item.instance.procedureKey, item.instance.procedureVersion),
            listing.today,
          ),
        ),
      };
    },
  );
  return Promise.resolve();
}
