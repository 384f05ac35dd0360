import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../build-app';
import fastifyStatic from '@fastify/static';

/** Serves the built single-page app: the console under /admin and the portal under /. */
export async function registerWebApp(app: App, webDir: string): Promise<boolean> {
  if (!existsSync(join(webDir, 'index.html'))) {
    app.log.warn({ webDir }, 'web app not built; run npm run build');
    return false;
  }
  await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply
        .status(404)
        .send({ code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url}` });
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return true;
}
