import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageOf } from '../../../../contracts/fields';
import { saveBenchmarkSchema } from '../../../../contracts/enforcement';
import {
  benchmarkKeyQuerySchema,
  benchmarkListQuerySchema,
  type BenchmarkAnswer,
  type BenchmarkView,
} from '../../../../contracts/enforcement-oversight';
import { inTransaction, readContext, type Deps } from '../../../core/context';
import { type App, errors, security, requireSignedIn, json } from '../../../core/route-kit';
import { sendWorkbook } from '../../../core/exports/excel-http';
import { writeBenchmarkWorkbook } from './discretion-excel';
import { presentBenchmark } from './discretion-presenters';
import { exportBenchmarks, getBenchmark, listBenchmarks, saveBenchmark } from './discretion-service';

/** 裁量基准: read in scope, written by the body's liaison, agency head or legal reviewer. */
export async function registerDiscretionRoutes(app: App, deps: Deps): Promise<void> {
  await app.register((plain, _options, done) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addHook('preHandler', requireSignedIn);
    const tags = ['行政执法裁量基准'];

    scope.get(
      '/api/enforcement/discretion',
      {
        schema: {
          tags,
          summary: '某执法主体某事项的裁量基准（尚未制定时为 null）',
          security,
          querystring: benchmarkKeyQuerySchema,
          response: { 200: json<BenchmarkAnswer>(), ...errors },
        },
      },
      async (request) => {
        const record = await getBenchmark(readContext(deps, request.actor), request.query);
        return { benchmark: record ? presentBenchmark(record) : null };
      },
    );

    scope.put(
      '/api/enforcement/discretion',
      {
        schema: {
          tags,
          summary:
            '保存裁量基准（情形编号不重复，罚款下限不高于上限，免罚清单罚款为 0；事项须在本主体有效的权责清单内）',
          security,
          body: saveBenchmarkSchema,
          response: { 200: json<BenchmarkView>(), ...errors },
        },
      },
      async (request) =>
        presentBenchmark(await inTransaction(deps, request.actor, (ctx) => saveBenchmark(ctx, request.body))),
    );

    scope.get(
      '/api/enforcement/discretion/benchmarks',
      {
        schema: {
          tags,
          summary: '裁量基准列表（按执法主体、关键词筛选，限管辖范围）',
          security,
          querystring: benchmarkListQuerySchema,
          response: { 200: pageOf(json<BenchmarkView>()), ...errors },
        },
      },
      async (request) => {
        const page = await listBenchmarks(readContext(deps, request.actor), request.query);
        return { ...page, items: page.items.map(presentBenchmark) };
      },
    );

    scope.get(
      '/api/enforcement/discretion/benchmarks/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出裁量基准（Excel，每种裁量情形一行）',
          security,
          querystring: benchmarkListQuerySchema.omit({ page: true, pageSize: true }),
          description: '返回 .xlsx 文件',
        },
      },
      async (request, reply) => {
        const records = await exportBenchmarks(readContext(deps, request.actor), request.query);
        return sendWorkbook(reply, await writeBenchmarkWorkbook(records), '裁量基准.xlsx');
      },
    );
    done();
  });
}
