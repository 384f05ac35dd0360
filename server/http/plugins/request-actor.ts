import type { Actor } from '../../core/context';
import type { App } from '../build-app';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in actor, set by the authentication hook; null for the public. */
    actor: Actor | null;
  }
}

export function registerRequestActor(app: App): void {
  app.decorateRequest('actor', null);
}
