import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidField } from '../../../../contracts/fields';
import {
  certificateCheckSchema,
  certificateNumberParamsSchema,
  publicEnforcementBodySchema,
  type PublicEnforcementBodyDetail,
} from '../../../../contracts/publicity';
import { readContext, type Deps } from '../../../core/context';
import { type App, errorShape } from '../../../core/route-kit';
import { checkCertificate, getPublicEnforcementBody, listPublicEnforcementBodies } from './publicity-service';

const idParams = z.object({ id: uuidField('执法主体编号') });

/** 行政执法公示 on the portal (public, no sign-in): the bodies, one body's publicity, the certificate check. */
export async function registerPublicityRoutes(app: App, deps: Deps): Promise<void> {
  await app.register((plain, _options, done) => {
    registerPublicRoutes(plain.withTypeProvider<ZodTypeProvider>(), deps);
    done();
  });
}

function registerPublicRoutes(app: App, deps: Deps): void {
  const tags = ['公开：行政执法公示'];
  app.get(
    '/api/public/enforcement/bodies',
    {
      schema: {
        tags,
        summary: '执法主体：名称、领域、类型，持有效执法证的人员数、执法事项数、公示中的执法决定数',
        response: { 200: z.array(publicEnforcementBodySchema) },
      },
    },
    async () => listPublicEnforcementBodies(readContext(deps, null)),
  );

  app.get(
    '/api/public/enforcement/bodies/:id',
    {
      schema: {
        tags,
        summary: '执法主体公示：执法人员及证号、职责与依据、执法程序、救济途径、随机抽查事项清单',
        params: idParams,
        response: { 200: z.custom<PublicEnforcementBodyDetail>(), 400: errorShape, 404: errorShape },
      },
    },
    async (request) => getPublicEnforcementBody(readContext(deps, null), request.params.id),
  );

  app.get(
    '/api/public/enforcement/officers/:certificateNumber',
    {
      schema: {
        tags,
        summary: '执法证件查询：持证人姓名、所在执法主体、执法类别、证号、有效期和当前状态',
        params: certificateNumberParamsSchema,
        response: { 200: certificateCheckSchema, 400: errorShape, 404: errorShape },
      },
    },
    async (request) => checkCertificate(readContext(deps, null), request.params.certificateNumber),
  );
}
