import { sql } from 'drizzle-orm';
import { caseListQuerySchema } from '../contracts/enforcement';
import { fixedClock } from '../server/core/clock';
import { readContext, type Actor } from '../server/core/context';
import { newId } from '../server/core/db/ids';
import { queryRows } from '../server/core/db/query-rows';
import { organizations } from '../server/modules/org/org-tables';
import type { Platform } from '../server/core/startup';
import { buildApp } from '../server/http/build-app';
import { listCases } from '../server/modules/enforcement/enforcement-service';
import {
  buildEnforcementFixture,
  testCreditCode,
} from '../server/modules/enforcement/enforcement-test-fixture';
import type { TestPlatform } from '../server/test/build-test-app';
import type { BenchResult } from './run';

/**
 * Enforcement: one ordinary case from registration to archive through the HTTP API (every action,
 * a record and the case-file index), against the same number of reads of the case page; case
 * search over 2,000,000 cases (segmented full text) against a lookup by case number; the portal's
 * search of published decisions against opening one decision by id. Rows for the searches are
 * generated in SQL (INSERT … SELECT generate_series) with vectors from a small vocabulary.
 */

const time = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** Words the generated cases and decisions are made of (already segmented, as the app stores them). */
const vocabulary = [
  '食品',
  '经营',
  '许可',
  '无证',
  '超范围',
  '添加剂',
  '过期',
  '标签',
  '虚假',
  '宣传',
  '广告',
  '价格',
  '欺诈',
  '计量',
  '器具',
  '药品',
  '医疗器械',
  '化妆品',
  '特种设备',
  '检验',
  '合格',
  '商标',
  '侵权',
  '网络',
  '交易',
  '餐饮',
  '超市',
  '药房',
  '批发',
  '农贸',
  '市场',
  '冷链',
  '进口',
  '肉类',
  '酒类',
  '烟花',
  '爆竹',
  '消防',
  '噪声',
  '扬尘',
  '排污',
  '废水',
  '废气',
  '危险',
  '废物',
  '占道',
  '违建',
  '渣土',
  '户外',
  '招牌',
];

const vocabularyArray = `ARRAY[${vocabulary.map((word) => `'${word}'`).join(',')}]`;
/** The vocabulary word picked by a SQL integer expression. */
const wordAt = (expression: string) =>
  sql.raw(`(${vocabularyArray})[1 + ((${expression}) % ${vocabulary.length})]`);

async function benchOpenToClose(platform: Platform, rounds: number): Promise<BenchResult> {
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
    const fixture = await buildEnforcementFixture(testPlatform);
    const officer = await fixture.headers(fixture.users.officerA);
    const head = await fixture.headers(fixture.users.head);
    const call = async (
      headers: { cookie: string },
      method: 'GET' | 'POST',
      url: string,
      payload?: object,
    ) => {
      const response = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      if (response.statusCode >= 300)
        throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
      return response.json<{ case: { id: string } }>();
    };
    const act = (headers: { cookie: string }, caseId: string, action: string, fields: object) =>
      call(headers, 'POST', `/api/enforcement/cases/${caseId}/actions/${action}`, { fields });
    const today = '2026-09-28';
    let requests = 0;
    const journey = async (round: number) => {
      const registered = await call(officer, 'POST', '/api/enforcement/cases', {
        organizationId: fixture.marketId,
        procedure: 'ordinary',
        powerItemId: fixture.penaltyItemId,
        source: 'spotCheck',
        title: `基准测试案件（第 ${round + 1} 件）`,
        party: { kind: 'enterprise', name: '示范市基准餐饮有限公司', creditCode: testCreditCode('MA4G9876') },
        officerPersonIds: [fixture.people.officerA, fixture.people.officerB],
      });
      const id = registered.case.id;
      await act(head, id, 'approveRegistration', { comment: '同意立案' });
      await call(officer, 'POST', `/api/enforcement/cases/${id}/records`, {
        kind: 'inspection',
        title: '现场检查笔录',
        content: '当事人未取得食品经营许可从事熟食经营。',
      });
      await act(officer, id, 'concludeInvestigation', {
        facts: '当事人未取得食品经营许可从事熟食经营。',
        evidenceSummary: '现场检查笔录。',
        outcome: 'penalty',
        penalty: { kinds: ['fine'], fineYuan: 5000, confiscationYuan: 0 },
        lawApplied: '《中华人民共和国食品安全法》第一百二十二条',
      });
      await act(officer, id, 'notify', { noticedOn: today });
      await act(officer, id, 'recordStatement', { statement: '当事人未提出陈述申辩', review: '维持' });
      await act(head, id, 'decide', {
        outcome: 'penalty',
        penalty: { kinds: ['fine'], fineYuan: 5000, confiscationYuan: 0 },
        reasoning: '事实清楚，证据确凿',
      });
      await act(officer, id, 'serve', { servedOn: today, method: 'direct', recipient: '孙红' });
      await act(officer, id, 'recordPayment', {
        paidOn: today,
        paidYuan: 5000,
        receiptNumber: `BENCH${round}`,
      });
      await act(head, id, 'close', { comment: '同意结案' });
      await call(officer, 'POST', `/api/enforcement/cases/${id}/documents/caseFileIndex`);
      await act(officer, id, 'archive', { archiveNumber: `BENCH-${round}`, volumes: 1, retention: 'long' });
      requests = 13;
      return id;
    };
    // one warm-up journey (first use of each code path), then the measured ones
    const warm = await journey(0);
    const journeys: number[] = [];
    for (let round = 1; round <= rounds; round += 1) journeys.push(await time(() => journey(round)));
    const reads: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      reads.push(
        await time(async () => {
          for (let index = 0; index < requests; index += 1)
            await call(officer, 'GET', `/api/enforcement/cases/${warm}`);
        }),
      );
    }
    return {
      name: `一件普通程序案件从立案到归档（HTTP 接口 ${requests} 次请求：立案、批准、记录、调查终结、告知、陈述申辩、决定、送达、缴款、结案、卷内目录、归档），中位数`,
      baseline: `同样 ${requests} 次读取案件页（GET /api/enforcement/cases/:id），中位数`,
      baselineMs: percentile(reads, 50),
      measuredMs: percentile(journeys, 50),
      unit: 'per case',
    };
  } finally {
    await app.close();
  }
}

async function benchCaseSearch(platform: Platform, count: number): Promise<BenchResult[]> {
  const { deps } = platform;
  const tenant = deps.config.tenantCode;
  const body = { id: newId() };
  const path = `/${body.id}/`;
  await deps.db.insert(organizations).values({
    tenantCode: tenant,
    id: body.id,
    parentId: null,
    path,
    jurisdictionCode: '410300',
    name: '检索基准测试执法局',
    kind: 'enforcementBody',
  });
  await deps.db.execute(sql`
    INSERT INTO enforcement_parties (tenant_code, id, kind, name, credit_code)
    SELECT ${tenant}, gen_random_uuid(), 'enterprise', '检索基准当事人' || i, 'BENCH' || i
    FROM generate_series(1, 1000) AS i`);
  const parties = (
    await queryRows<{ id: string }>(
      deps.db,
      sql`SELECT id FROM enforcement_parties WHERE credit_code LIKE 'BENCH%'`,
    )
  ).map((row) => row.id);
  const partyArray = sql.raw(`ARRAY[${parties.map((id) => `'${id}'::uuid`).join(',')}]`);
  const chunk = 200_000;
  for (let start = 1; start <= count; start += chunk) {
    const end = Math.min(count, start + chunk - 1);
    await deps.db.execute(sql`
      INSERT INTO enforcement_cases (tenant_code, id, organization_id, instance_id, procedure, case_number, year,
        title, source, power_item_id, power_item_version_id, power_item_code, power_item_name, party_id,
        party_kind, party_name, state, officer_person_ids, registered_on, search_vector)
      SELECT ${tenant}, gen_random_uuid(), ${body.id}, gen_random_uuid(), 'ordinary',
        '检基立〔' || (2020 + i % 7) || '〕' || i || '号', 2020 + i % 7,
        ${wordAt('i')} || ${wordAt('i / 7')} || '案', 'spotCheck', gen_random_uuid(), gen_random_uuid(), 'CF-0001',
        '对' || ${wordAt('i / 13')} || '违法行为的行政处罚', (${partyArray})[1 + i % 1000], 'enterprise',
        '检索基准当事人' || (1 + i % 1000), 'archived', '{}'::uuid[], DATE '2020-01-01' + (i % 2400),
        to_tsvector('simple', ${wordAt('i')} || ' ' || ${wordAt('i / 7')} || ' ' || ${wordAt('i / 13')} || ' ' ||
          ${wordAt('i / 31')} || ' 检基立 ' || i)
      FROM generate_series(${start}::int, ${end}::int) AS i`);
  }
  await deps.db.execute(sql`ANALYZE enforcement_cases`);
  const reader: Actor = {
    userId: '00000000-0000-4000-8000-000000000001',
    username: 'bench.justice',
    displayName: '基准测试',
    roles: [{ role: 'justiceBureau', organizationId: body.id, organizationPath: path }],
    activeOrganizationId: body.id,
  };
  const ctx = readContext(deps, reader);
  const queries = Array.from({ length: 60 }, (_, index) =>
    index % 2 === 0
      ? `${vocabulary[(index * 7) % vocabulary.length]} ${vocabulary[(index * 11 + 3) % vocabulary.length]}`
      : `${vocabulary[(index * 13) % vocabulary.length]}${vocabulary[(index * 3 + 1) % vocabulary.length]} ${vocabulary[(index * 5 + 2) % vocabulary.length]}`,
  );
  const searchTimes: number[] = [];
  for (const q of queries) {
    searchTimes.push(await time(() => listCases(ctx, caseListQuerySchema.parse({ q, pageSize: 20 }))));
  }
  const numberTimes: number[] = [];
  for (let index = 0; index < 60; index += 1) {
    const i = ((index * 104_729) % count) + 1;
    const caseNumber = `检基立〔${2020 + (i % 7)}〕${i}号`;
    numberTimes.push(
      await time(async () => {
        const rows = await queryRows(
          deps.db,
          sql`SELECT * FROM enforcement_cases WHERE tenant_code = ${tenant} AND case_number = ${caseNumber}`,
        );
        if (rows.length !== 1) throw new Error(`${caseNumber}: ${rows.length}`);
      }),
    );
  }
  return [
    {
      name: `在 ${count.toLocaleString('en')} 件案件中按关键词检索（listCases，分词全文，第 1 页 20 条与总数），p95`,
      baseline: '按立案编号查出一件案件（索引），p95',
      baselineMs: percentile(numberTimes, 95),
      measuredMs: percentile(searchTimes, 95),
      unit: 'per query',
    },
    {
      name: `在 ${count.toLocaleString('en')} 件案件中按关键词检索，p50`,
      baseline: '按立案编号查出一件案件（索引），p50',
      baselineMs: percentile(numberTimes, 50),
      measuredMs: percentile(searchTimes, 50),
      unit: 'per query',
    },
  ];
}

async function benchPublicSearch(platform: Platform, count: number): Promise<BenchResult> {
  const { deps } = platform;
  const tenant = deps.config.tenantCode;
  const [body] = await queryRows<{ id: string }>(
    deps.db,
    sql`SELECT id FROM organizations WHERE tenant_code = ${tenant} AND name = '检索基准测试执法局'`,
  );
  if (!body) throw new Error('no organization');
  await deps.db.execute(sql`
    INSERT INTO publications (tenant_code, id, subject_type, subject_id, organization_id, kind, field, title,
      content, decided_on, due_on, citation, status, published_on, public_until, search_vector)
    SELECT ${tenant}, gen_random_uuid(), 'bench', 'bench-' || i, ${body.id}, 'penalty', 'marketSupervision',
      '检索基准测试执法局行政处罚决定信息（检基罚决〔2026〕' || i || '号）',
      jsonb_build_object('案件名称', ${wordAt('i')} || ${wordAt('i / 7')} || '案'),
      DATE '2025-01-01' + (i % 600), DATE '2025-02-01' + (i % 600), '基准', 'published',
      DATE '2025-01-10' + (i % 600), NULL,
      to_tsvector('simple', ${wordAt('i')} || ' ' || ${wordAt('i / 7')} || ' ' || ${wordAt('i / 13')} || ' 检基罚决 ' || i)
    FROM generate_series(1, ${count}::int) AS i`);
  await deps.db.execute(sql`ANALYZE publications`);
  const ids = (
    await queryRows<{ id: string }>(
      deps.db,
      sql`SELECT id FROM publications WHERE tenant_code = ${tenant} AND subject_type = 'bench' LIMIT 60`,
    )
  ).map((row) => row.id);
  const app = await buildApp(deps, { rateLimitPerMinute: 1_000_000 });
  await app.ready();
  try {
    const get = async (url: string) => {
      const response = await app.inject({ method: 'GET', url });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    };
    const searches: number[] = [];
    for (let index = 0; index < 60; index += 1) {
      const q = `${vocabulary[(index * 7) % vocabulary.length]} ${vocabulary[(index * 11 + 3) % vocabulary.length]}`;
      searches.push(await time(() => get(`/api/public/enforcement/decisions?q=${encodeURIComponent(q)}`)));
    }
    const opens: number[] = [];
    for (const id of ids) opens.push(await time(() => get(`/api/public/enforcement/decisions/${id}`)));
    return {
      name: `门户执法决定公示检索（${count.toLocaleString('en')} 条已公示，GET /api/public/enforcement/decisions?q=…），p95`,
      baseline: '按编号打开一条公示（GET /api/public/enforcement/decisions/:id），p95',
      baselineMs: percentile(opens, 95),
      measuredMs: percentile(searches, 95),
      unit: 'per query',
    };
  } finally {
    await app.close();
  }
}

/** Each figure as soon as it is measured. */
export async function* benchEnforcementParts(platform: Platform): AsyncGenerator<BenchResult> {
  const driver = platform.handle.driver === 'postgres' ? 'PostgreSQL（DATABASE_URL）' : 'PGlite';
  process.stderr.write(`执法基准测试在 ${driver} 上运行\n`);
  yield await benchOpenToClose(platform, Number(process.env.BENCH_CASE_ROUNDS ?? 5));
  yield* await benchCaseSearch(platform, Number(process.env.BENCH_CASES ?? 2_000_000));
  yield await benchPublicSearch(platform, Number(process.env.BENCH_PUBLICATIONS ?? 200_000));
}

export async function benchEnforcement(platform: Platform): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for await (const result of benchEnforcementParts(platform)) results.push(result);
  return results;
}
