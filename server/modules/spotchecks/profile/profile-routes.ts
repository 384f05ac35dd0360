import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  publicEntitySearchSchema,
  type EntityProfileView,
  type PublicEntityPage,
  type PublicEntityProfile,
} from '../../../../contracts/spotchecks';
import { readContext, type Deps } from '../../../core/context';
import { creditCodeMessages, creditCodeProblem } from '../../../core/identity/national-codes';
import { type App, errors, errorShape, json, requireSignedIn, security } from '../../../core/route-kit';
import { getEntityProfile, getPublicEntityProfile, searchPublicEntities } from './entity-profile-service';

/** The credit code of the path, upper-cased and checked (GB 32100): a malformed one is a 400 naming `creditCode`. */
export const creditCodeParams = z.object({
  creditCode: z
    .string({ message: '请提供统一社会信用代码' })
    .trim()
    .transform((value) => value.toUpperCase())
    .superRefine((value, context) => {
      const problem = creditCodeProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: `${creditCodeMessages[problem]}：${value}` });
    }),
});

/** 涉企信息归集: the console's entity profile (signed in, scoped) and the portal's 企业信息查询 (public subset). */
export async function registerEntityProfileRoutes(app: App, deps: Deps): Promise<void> {
  await app.register((plain, _options, done) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addHook('preHandler', requireSignedIn);
    scope.get(
      '/api/spotchecks/entities/:creditCode/profile',
      {
        schema: {
          tags: ['双随机：涉企信息归集'],
          summary:
            '一户市场主体的涉企信息：名录信息（信用风险分类、许可证）、各部门抽查检查记录、管辖范围内的执法案件与处罚及统计',
          security,
          params: creditCodeParams,
          response: { 200: json<EntityProfileView>(), ...errors },
        },
      },
      async (request) => getEntityProfile(readContext(deps, request.actor), request.params.creditCode),
    );
    done();
  });

  await app.register((plain, _options, done) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['公开：企业信息查询'];
    scope.get(
      '/api/public/entities',
      {
        schema: {
          tags,
          summary: '企业信息查询：按名称或统一社会信用代码检索检查对象名录（须输入检索词，每页至多 50 户）',
          querystring: publicEntitySearchSchema,
          response: { 200: json<PublicEntityPage>(), 400: errorShape },
        },
      },
      async (request) => searchPublicEntities(readContext(deps, null), request.query),
    );
    scope.get(
      '/api/public/entities/:creditCode',
      {
        schema: {
          tags,
          summary:
            '一户企业的公开信息：登记信息、许可证、公示期内的行政处罚决定（已遮蔽）和已公示的随机抽查结果；不含信用风险分类',
          params: creditCodeParams,
          response: { 200: json<PublicEntityProfile>(), 400: errorShape, 404: errorShape },
        },
      },
      async (request) => getPublicEntityProfile(readContext(deps, null), request.params.creditCode),
    );
    done();
  });
}
