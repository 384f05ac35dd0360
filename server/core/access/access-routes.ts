import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../context';
import { registerAccountRoutes } from './account-routes';
import { registerAuthRoutes } from './auth-routes';

type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Sign-in and sessions, accounts and roles, security settings. */
export async function registerAccessRoutes(app: App, deps: Deps): Promise<void> {
  await registerAuthRoutes(app, deps);
  await registerAccountRoutes(app, deps);
}
