import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from './errors';

/**
 * What every routes file shares, written once: the app's type (spelled out here because modules
 * do not import from http), the session security requirement for OpenAPI, and the error shape
 * `{ code, message, field?, details? }` every 4xx answer has (STYLE.md convention 6).
 */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** OpenAPI: the route needs the session cookie. */
export const security = [{ session: [] }];

export const errorShape = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** The error answers of a signed-in route: 400 naming the field, 401, 403, 404, 409 with the reason. */
export const errors = { 400: errorShape, 401: errorShape, 403: errorShape, 404: errorShape, 409: errorShape };

/** The preHandler of a signed-in route scope: 401 「请先登录」 without a session. */
export function requireSignedIn(request: FastifyRequest): Promise<void> {
  if (!request.actor) return Promise.reject(new AppError('UNAUTHENTICATED', '请先登录'));
  return Promise.resolve();
}

/** A response schema that documents a type without re-validating what the service built. */
export const json = <T>() => z.custom<T>();
