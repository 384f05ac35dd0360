import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inspectorListQuerySchema, type InspectorPage } from '../../../../contracts/spotchecks';
import { readContext, type Deps } from '../../../core/context';
import { type App, errors, json, requireSignedIn, security } from '../../../core/route-kit';
import { listInspectors } from './inspector-service';

/** 执法检查人员名录库: the certified officers a draw may choose from. */
export async function registerInspectorRoutes(app: App, deps: Deps): Promise<void> {
  await app.register((plain, _options, done) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addHook('preHandler', requireSignedIn);
    scope.get(
      '/api/spotchecks/inspectors',
      {
        schema: {
          tags: ['双随机：执法检查人员名录库'],
          summary: '执法检查人员名录：管理范围内今天持有效执法证的人员，附未完成的抽查任务数和未解除的回避数',
          security,
          querystring: inspectorListQuerySchema,
          response: { 200: json<InspectorPage>(), ...errors },
        },
      },
      async (request) => listInspectors(readContext(deps, request.actor), request.query),
    );
    done();
  });
}
