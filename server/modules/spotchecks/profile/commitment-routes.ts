import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidField } from '../../../../contracts/fields';
import {
  breachCommitmentSchema,
  recordCommitmentSchema,
  type EntityCommitmentView,
} from '../../../../contracts/spotchecks';
import { inTransaction, type Deps } from '../../../core/context';
import { type App, errors, json, requireSignedIn, security } from '../../../core/route-kit';
import { breachCommitment, fulfilCommitment, recordCommitment } from './commitment-service';
import { creditCodeParams } from './profile-routes';

const idParams = z.object({ id: uuidField('信用承诺记录') });

/** 信用承诺: recorded by the receiving department, then found fulfilled or breached. */
export async function registerCommitmentRoutes(app: App, deps: Deps): Promise<void> {
  await app.register((plain, _options, done) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addHook('preHandler', requireSignedIn);
    const tags = ['双随机：涉企信息归集'];
    scope.post(
      '/api/spotchecks/entities/:creditCode/commitments',
      {
        schema: {
          tags,
          summary:
            '登记信用承诺（告知承诺制审批、主动型信用承诺、信用修复承诺；受理部门的执法人员、负责人或联络员）',
          security,
          params: creditCodeParams,
          body: recordCommitmentSchema,
          response: { 201: json<EntityCommitmentView>(), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await inTransaction(deps, request.actor, (ctx) =>
              recordCommitment(ctx, request.params.creditCode, request.body),
            ),
          ),
    );
    scope.post(
      '/api/spotchecks/commitments/:id/fulfil',
      {
        schema: {
          tags,
          summary: '登记已履约',
          security,
          params: idParams,
          response: { 200: json<EntityCommitmentView>(), ...errors },
        },
      },
      async (request) =>
        inTransaction(deps, request.actor, (ctx) => fulfilCommitment(ctx, request.params.id)),
    );
    scope.post(
      '/api/spotchecks/commitments/:id/breach',
      {
        schema: {
          tags,
          summary: '登记违诺（须写明违诺情况）',
          security,
          params: idParams,
          body: breachCommitmentSchema,
          response: { 200: json<EntityCommitmentView>(), ...errors },
        },
      },
      async (request) =>
        inTransaction(deps, request.actor, (ctx) => breachCommitment(ctx, request.params.id, request.body)),
    );
    done();
  });
}
