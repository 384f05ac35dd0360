import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../core/context';
import { registerApiNotFound, registerErrorHandler } from './plugins/error-handler';
import { registerMetrics } from './plugins/metrics';
import { registerRequestActor } from './plugins/request-actor';
import { registerAuthentication } from './plugins/authenticate';
import { registerModuleRoutes } from './routes';

/** The Fastify instance with zod type provider; every module's routes receive it. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface BuildAppOptions {
  /** Serve the built web app from this folder (production); omitted in API tests. */
  webDir?: string;
  /** Requests per minute per address; tests raise it. */
  rateLimitPerMinute?: number;
}

/** Builds the Fastify instance with every route; never listens (tests use inject). */
export async function buildApp(deps: Deps, options: BuildAppOptions = {}): Promise<App> {
  const app: App = Fastify({
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- types the instance with Fastify's logger
    loggerInstance: deps.logger as FastifyBaseLogger,
    trustProxy: true,
    bodyLimit: 50 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    max: options.rateLimitPerMinute ?? 600,
    timeWindow: '1 minute',
    errorResponseBuilder: () => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: '请求过于频繁，请稍后再试',
    }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '法治政府建设平台 API', description: 'Fazhi 平台的全部接口', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fazhi_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  registerMetrics(app);
  registerRequestActor(app);
  registerAuthentication(app, deps);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['系统'],
        summary: '健康检查',
        response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok'), time: z.string() }) },
      },
    },
    async () => {
      await deps.db.execute(sql`SELECT 1`);
      return { status: 'ok' as const, database: 'ok' as const, time: deps.clock.now().toISOString() };
    },
  );

  await registerModuleRoutes(app, deps);

  const { registerWebApp } = await import('./plugins/web-app');
  const servesWeb = options.webDir ? await registerWebApp(app, options.webDir) : false;
  if (!servesWeb) registerApiNotFound(app);
  return app;
}
