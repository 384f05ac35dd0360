import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  statisticsCasesQuerySchema,
  statisticsQuerySchema,
  type EnforcementStatistics,
  type StatisticsCasesPage,
} from '../../../../contracts/enforcement-oversight';
import { readContext, type Deps } from '../../../core/context';
import { type App, errors, security, requireSignedIn, json } from '../../../core/route-kit';
import { enforcementStatistics, statisticsCases } from './statistics-service';

/** 执法统计: the figures and, for each, the cases that make it. */
export async function registerStatisticsRoutes(app: App, deps: Deps): Promise<void> {
  await app.register((plain, _options, done) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addHook('preHandler', requireSignedIn);
    const tags = ['执法统计'];

    scope.get(
      '/api/enforcement/statistics',
      {
        schema: {
          tags,
          summary:
            '执法统计：法制审核率、超期案件、案卷评查得分、按状态/来源/程序的案件数、罚款金额、公示及时率',
          description:
            '期间默认为本年 1 月 1 日至今天；指定执法主体时包括其下级单位（公示及时率只统计该主体本身）。',
          security,
          querystring: statisticsQuerySchema,
          response: { 200: json<EnforcementStatistics>(), ...errors },
        },
      },
      async (request) => enforcementStatistics(readContext(deps, request.actor), request.query),
    );

    scope.get(
      '/api/enforcement/statistics/cases',
      {
        schema: {
          tags,
          summary:
            '统计数字对应的案件（indicator 指定指标，key 指定分组：超期的期限、状态、来源、程序、评查等次）',
          security,
          querystring: statisticsCasesQuerySchema,
          response: { 200: json<StatisticsCasesPage>(), ...errors },
        },
      },
      async (request) => statisticsCases(readContext(deps, request.actor), request.query),
    );
    done();
  });
}
