import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidField } from '../../../../contracts/fields';
import { majorRuleSchema } from '../../../../contracts/enforcement';
import {
  majorRuleListQuerySchema,
  updateMajorRuleSchema,
  type MajorRuleView,
} from '../../../../contracts/enforcement-oversight';
import { inTransaction, readContext, type Deps } from '../../../core/context';
import { type App, errors, security, requireSignedIn, json } from '../../../core/route-kit';
import { presentMajorRule } from './major-rules-presenters';
import { createMajorRule, listMajorRules, updateMajorRule } from './major-rules-service';

const idParams = z.object({ id: uuidField('编号') });

/** 重大执法决定法制审核目录: read in scope; kept by the body's agency head or legal reviewer, or the justice bureau. */
export async function registerMajorRuleRoutes(app: App, deps: Deps): Promise<void> {
  await app.register((plain, _options, done) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addHook('preHandler', requireSignedIn);
    const tags = ['重大执法决定法制审核目录'];

    scope.get(
      '/api/enforcement/major-rules',
      {
        schema: {
          tags,
          summary: '重大执法决定法制审核目录（按执法主体；默认只列启用的事项）',
          security,
          querystring: majorRuleListQuerySchema,
          response: { 200: json<MajorRuleView[]>(), ...errors },
        },
      },
      async (request) =>
        (await listMajorRules(readContext(deps, request.actor), request.query)).map(presentMajorRule),
    );

    scope.post(
      '/api/enforcement/major-rules',
      {
        schema: {
          tags,
          summary: '新增目录事项（罚款金额标准或处罚种类至少设定一项）',
          security,
          body: majorRuleSchema,
          response: { 200: json<MajorRuleView>(), ...errors },
        },
      },
      async (request) =>
        presentMajorRule(
          await inTransaction(deps, request.actor, (ctx) => createMajorRule(ctx, request.body)),
        ),
    );

    scope.patch(
      '/api/enforcement/major-rules/:id',
      {
        schema: {
          tags,
          summary: '修改目录事项，或停用（isActive=false）、重新启用；目录事项不删除',
          security,
          params: idParams,
          body: updateMajorRuleSchema,
          response: { 200: json<MajorRuleView>(), ...errors },
        },
      },
      async (request) =>
        presentMajorRule(
          await inTransaction(deps, request.actor, (ctx) =>
            updateMajorRule(ctx, request.params.id, request.body),
          ),
        ),
    );
    done();
  });
}
