import { sql } from 'drizzle-orm';
import { buildApp } from '../server/http/build-app';
import { fixedClock } from '../server/core/clock';
import { inTransaction } from '../server/core/context';
import { queryRows } from '../server/core/db/query-rows';
import type { Platform } from '../server/core/startup';
import type { TestPlatform } from '../server/test/build-test-app';
import {
  buildEnforcementFixture,
  testIdNumber,
} from '../server/modules/enforcement/enforcement-test-fixture';
import { createCertificate } from '../server/modules/org/certificate-service';
import { createPerson } from '../server/modules/org/person-service';
import { commitPlan, createPlan, drawPlan } from '../server/modules/spotchecks/plans/plan-service';
import { approveSpotCheckItems } from '../server/modules/spotchecks/plans/spotcheck-test-fixture';
import type { BenchResult } from './run';

/**
 * 双随机 through the database, on the directory the import benchmark left (1,000,000 entities by
 * default): a routine plan over the whole directory is committed — the population read and
 * frozen with frequency control (every twentieth entity already inspected this year), the pool of
 * 42 certified inspectors with 5,000 recusals, a trial draw, the digest, the input stored — and
 * drawn: the input read back and checked, the draw made, the record stored and one task (with its
 * procedure instance) written per entity drawn. Each against one ordered read of the directory.
 */
export async function benchSpotCheckPlans(platform: Platform): Promise<BenchResult[]> {
  const clock = fixedClock('2026-09-28T09:00:00+08:00');
  const deps = { ...platform.deps, clock };
  const app = await buildApp(deps, { rateLimitPerMinute: 1_000_000 });
  await app.ready();
  try {
    const testPlatform: TestPlatform = {
      app,
      deps,
      clock,
      config: deps.config,
      close: () => Promise.resolve(),
    };
    const fixture = await buildEnforcementFixture(testPlatform, {
      listEffectiveOn: '2026-09-28',
      certificatePrefix: '41039900',
    });
    const itemIds = await approveSpotCheckItems(testPlatform, fixture);
    const tenantCode = deps.config.tenantCode;
    await inTransaction(deps, null, async (ctx) => {
      for (let index = 0; index < 40; index += 1) {
        const person = await createPerson(ctx, {
          organizationId: fixture.marketId,
          name: `检查员${String(index + 1)}`,
          idNumber: testIdNumber('410302', '1990-01-01', 100 + index),
          duties: ['officer'],
        });
        await createCertificate(ctx, {
          personId: person.id,
          number: `41039901${String(index).padStart(3, '0')}`,
          field: '市场监管',
          issuedBy: '河南省人民政府',
          issuedOn: '2022-01-10',
          expiresOn: '2029-12-31',
          status: 'valid',
        });
      }
    });
    const [directory] = await queryRows<{ n: number }>(
      deps.db,
      sql`SELECT count(*)::int AS n FROM entities WHERE tenant_code = ${tenantCode}`,
    );
    const size = directory?.n ?? 0;
    // 5,000 recusals over the pool, and every twentieth entity inspected earlier this year
    await deps.db.execute(sql`
      INSERT INTO inspector_recusals (tenant_code, id, person_id, credit_code, kind, recorded_by_name)
      SELECT ${tenantCode}, gen_random_uuid(), p.id, e.credit_code, 'declared', '基准'
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM people
               WHERE tenant_code = ${tenantCode} AND organization_id = ${fixture.marketId}) p
        JOIN (SELECT credit_code, row_number() OVER (ORDER BY credit_code) AS n FROM entities
               WHERE tenant_code = ${tenantCode}) e ON e.n % 200 = p.n % 200
       LIMIT 5000`);
    const earlier = '00000000-0000-4000-8000-000000000001';
    await deps.db.execute(sql`
      INSERT INTO spot_check_plans (tenant_code, id, organization_id, organization_ids, fields, instance_id, plan_number,
        year, title, trigger, items, population_filter, strata, inspectors_per_task, max_tasks_per_inspector,
        period_start, period_end, state, created_by_name)
      VALUES (${tenantCode}, ${earlier}, ${fixture.marketId}, ARRAY[${fixture.marketId}]::uuid[], ARRAY['市场监管'],
        gen_random_uuid(), '示市监抽〔2026〕0号', 2026, '上半年抽查', 'routine', '[]', '{}', '[]', 2, 30,
        '2026-03-01', '2026-06-30', 'completed', '基准')`);
    await deps.db.execute(sql`
      INSERT INTO spot_check_tasks (tenant_code, id, plan_id, organization_id, instance_id, seq, year, fields,
        credit_code, entity_name, risk_grade, inspector_person_ids, state)
      SELECT ${tenantCode}, gen_random_uuid(), ${earlier}, ${fixture.marketId}, gen_random_uuid(),
             row_number() OVER (ORDER BY credit_code), 2026, ARRAY['市场监管'], credit_code, name, risk_grade,
             ARRAY[]::uuid[], 'completed'
        FROM (SELECT credit_code, name, risk_grade, row_number() OVER (ORDER BY credit_code) AS n
                FROM entities WHERE tenant_code = ${tenantCode}) e
       WHERE e.n % 20 = 0`);

    const head = await fixture.actor(fixture.users.head);
    const time = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };
    const baselineMs = await time(() =>
      deps.db.execute(
        sql`SELECT credit_code, risk_grade FROM entities WHERE tenant_code = ${tenantCode} ORDER BY credit_code`,
      ),
    );
    const scale = 1_000_000 / Math.max(1, size);
    const plan = await inTransaction(deps, head, (ctx) =>
      createPlan(ctx, {
        title: '全市市场主体“双随机”抽查（基准）',
        organizationIds: [fixture.marketId],
        itemIds,
        trigger: 'routine',
        strata: [
          { riskGrade: 'A', ratioPercent: Math.min(100, Math.round(5 * scale) / 100) },
          { riskGrade: 'B', ratioPercent: Math.min(100, Math.round(10 * scale) / 100) },
          { riskGrade: 'C', ratioPercent: Math.min(100, Math.round(20 * scale) / 100) },
          { riskGrade: 'D', ratioPercent: Math.min(100, Math.round(35 * scale) / 100) },
        ],
        inspectorsPerTask: 2,
        maxTasksPerInspector: 100,
        periodStart: '2026-09-28',
        periodEnd: '2026-12-31',
      }),
    );
    const commitMs = await time(() => inTransaction(deps, head, (ctx) => commitPlan(ctx, plan.id)));
    let tasks = 0;
    const drawMs = await time(async () => {
      const drawn = await inTransaction(deps, head, (ctx) =>
        drawPlan(ctx, plan.id, { externalEntropy: '基准' }),
      );
      tasks = drawn.taskCount;
    });
    const count = size.toLocaleString('en');
    return [
      {
        name: `冻结 ${count} 户名录并公布承诺值（频次控制排除本年已查 5%、42 名检查人员、5,000 条回避、试抽、摘要、存档）`,
        baseline: `按统一社会信用代码顺序读出整个名录（${count} 户）`,
        baselineMs,
        measuredMs: commitMs,
        unit: 'per commit',
      },
      {
        name: `揭示种子并抽取：读回冻结名录核对摘要、抽取 ${tasks} 户并选派检查人员、存抽取记录、写 ${tasks} 个任务及其办理流程`,
        baseline: `按统一社会信用代码顺序读出整个名录（${count} 户）`,
        baselineMs,
        measuredMs: drawMs,
        unit: 'per draw',
      },
    ];
  } finally {
    await app.close();
  }
}
