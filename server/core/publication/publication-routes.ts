import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidField } from '../../../contracts/fields';
import {
  publicationConsoleViewSchema,
  publicationListQuerySchema,
  publicationPageSchema,
  publicDecisionPageSchema,
  publicDecisionQuerySchema,
  publicDecisionSchema,
  publishPublicationSchema,
  takeDownPublicationSchema,
  timelinessQuerySchema,
  withdrawPublicationSchema,
  type PublicationTimeliness,
} from '../../../contracts/publicity';
import { civilDate } from '../clock';
import { inTransaction, readContext, type Deps } from '../context';
import { type App, errorShape, errors, security } from '../route-kit';
import { presentPublication, presentPublicDecision } from './publication-presenters';
import {
  getPublication,
  getPublicDecision,
  listPublications,
  listPublicDecisions,
  publicationTimeliness,
  publishPublication,
  takeDownPublication,
  withdrawPublication,
  type PublicationRecord,
} from './publication-service';
import { requireSignedIn } from '../route-kit';

const idParams = z.object({ id: uuidField('编号') });

/** Publications: the console (signed in, scoped) and the portal's 执法决定公示 (public today only). */
export async function registerPublicationRoutes(app: App, deps: Deps): Promise<void> {
  await app.register((plain, _options, done) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addHook('preHandler', requireSignedIn);
    registerConsoleRoutes(scope, deps);
    done();
  });
  await app.register((plain, _options, done) => {
    registerPublicRoutes(plain.withTypeProvider<ZodTypeProvider>(), deps);
    done();
  });
}

function registerConsoleRoutes(app: App, deps: Deps): void {
  const tags = ['公示'];
  const present = (record: PublicationRecord, request: FastifyRequest) =>
    presentPublication(record, { actor: request.actor, today: civilDate(deps.clock.now()) });

  app.get(
    '/api/publications',
    {
      schema: {
        tags,
        summary: '公示记录：按状态、单位、关键词、逾期未公示、应公示日期筛选（限管辖范围）',
        security,
        querystring: publicationListQuerySchema,
        response: { 200: publicationPageSchema, ...errors },
      },
    },
    async (request) => {
      const page = await listPublications(readContext(deps, request.actor), request.query);
      return { ...page, items: page.items.map((record) => present(record, request)) };
    },
  );

  app.get(
    '/api/publications/timeliness',
    {
      schema: {
        tags,
        summary: '公示及时率：期间内应公示的记录中按时公示、逾期公示、逾期未公示的数量',
        security,
        querystring: timelinessQuerySchema,
        response: { 200: z.custom<PublicationTimeliness>(), ...errors },
      },
    },
    async (request) => publicationTimeliness(readContext(deps, request.actor), request.query),
  );

  app.get(
    '/api/publications/:id',
    {
      schema: {
        tags,
        summary: '公示记录详情',
        security,
        params: idParams,
        response: { 200: publicationConsoleViewSchema, ...errors },
      },
    },
    async (request) =>
      present(await getPublication(readContext(deps, request.actor), request.params.id), request),
  );

  app.post(
    '/api/publications/:id/publish',
    {
      schema: {
        tags,
        summary: '公示：可先修改已遮蔽的文本（商业秘密等）；文本仍含身份证号码、手机号码时拒绝',
        security,
        params: idParams,
        body: publishPublicationSchema,
        response: { 200: publicationConsoleViewSchema, ...errors },
      },
    },
    async (request) =>
      present(
        await inTransaction(deps, request.actor, (ctx) =>
          publishPublication(ctx, request.params.id, request.body),
        ),
        request,
      ),
  );

  app.post(
    '/api/publications/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回公示：决定被变更、撤销或确认违法、无效后，说明理由撤回',
        security,
        params: idParams,
        body: withdrawPublicationSchema,
        response: { 200: publicationConsoleViewSchema, ...errors },
      },
    },
    async (request) =>
      present(
        await inTransaction(deps, request.actor, (ctx) =>
          withdrawPublication(ctx, request.params.id, request.body),
        ),
        request,
      ),
  );

  app.post(
    '/api/publications/:id/take-down',
    {
      schema: {
        tags,
        summary: '提前下网：经批准的信用修复',
        security,
        params: idParams,
        body: takeDownPublicationSchema,
        response: { 200: publicationConsoleViewSchema, ...errors },
      },
    },
    async (request) =>
      present(
        await inTransaction(deps, request.actor, (ctx) =>
          takeDownPublication(ctx, request.params.id, request.body),
        ),
        request,
      ),
  );
}

function registerPublicRoutes(app: App, deps: Deps): void {
  const tags = ['公开：行政执法公示'];
  app.get(
    '/api/public/enforcement/decisions',
    {
      schema: {
        tags,
        summary: '执法决定公示：正在公示期内的决定（已遮蔽），可全文检索',
        querystring: publicDecisionQuerySchema,
        response: { 200: publicDecisionPageSchema, 400: errorShape },
      },
    },
    async (request) => {
      const page = await listPublicDecisions(readContext(deps, null), request.query);
      return { ...page, items: page.items.map(presentPublicDecision) };
    },
  );

  app.get(
    '/api/public/enforcement/decisions/:id',
    {
      schema: {
        tags,
        summary: '执法决定公示详情（已遮蔽）',
        params: idParams,
        response: { 200: publicDecisionSchema, 400: errorShape, 404: errorShape },
      },
    },
    async (request) =>
      presentPublicDecision(await getPublicDecision(readContext(deps, null), request.params.id)),
  );
}
