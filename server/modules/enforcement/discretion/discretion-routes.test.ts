import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchmarkAnswer, BenchmarkView } from '../../../../contracts/enforcement-oversight';
import { queryRows } from '../../../core/db/query-rows';
import { buildTestPlatform, type TestPlatform } from '../../../test/build-test-app';
import { signedInAs } from '../../../test/factories';
import { readSheetRows } from '../../../test/multipart';
import { testDatabaseKinds } from '../../../test/test-databases';
import { buildEnforcementFixture, type EnforcementFixture } from '../enforcement-test-fixture';
import { httpCaller } from '../../../test/http-call';

/** 裁量基准 through the HTTP API: saved and read back, and the refusals, on PGlite and PostgreSQL. */

type Headers = { cookie: string };

describe.each(testDatabaseKinds())('discretion benchmarks on %s', (database) => {
  let platform: TestPlatform;
  let fixture: EnforcementFixture;
  const who = {} as Record<'liaison' | 'reviewer' | 'officer' | 'otherLiaison', Headers>;

  const call = httpCaller(() => platform);
  const counts = async () => {
    const [row] = await queryRows<{ benchmarks: number; events: number }>(
      platform.deps.db,
      sql`SELECT (SELECT count(*)::int FROM discretion_benchmarks) AS benchmarks,
        (SELECT count(*)::int FROM audit_events WHERE entity_type = 'discretionBenchmark') AS events`,
    );
    return row;
  };
  const benchmark = (overrides: Record<string, unknown> = {}) => ({
    organizationId: fixture.marketId,
    powerItemId: fixture.penaltyItemId,
    basis: '《中华人民共和国食品安全法》第一百二十二条；示范市市场监管行政处罚裁量基准',
    circumstances: [
      { key: 'M1', label: '首次违法且及时改正，未造成危害后果', outcome: 'noPenalty' },
      {
        key: 'L1',
        label: '违法经营食品货值金额不足一万元',
        outcome: 'light',
        fineMinYuan: 50000,
        fineMaxYuan: 80000,
        penaltyKinds: ['fine', 'confiscateGains'],
      },
      { key: 'O1', label: '一般情形', outcome: 'ordinary', fineMinYuan: 80000, fineMaxYuan: 100000 },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    fixture = await buildEnforcementFixture(platform);
    who.liaison = await signedInAs(platform, 'liaison', fixture.marketId);
    who.otherLiaison = await signedInAs(platform, 'liaison', fixture.otherBodyId);
    who.reviewer = await fixture.headers(fixture.users.reviewer);
    who.officer = await fixture.headers(fixture.users.officerA);
  }, 120_000);
  afterAll(async () => platform.close());

  it('saves a benchmark of an item in force, reads it back, lists it, and replaces it on the next save', async () => {
    const key = `organizationId=${fixture.marketId}&powerItemId=${fixture.penaltyItemId}`;
    const none = await call<BenchmarkAnswer>(who.officer, 'GET', `/api/enforcement/discretion?${key}`);
    expect(none.status).toBe(200);
    expect(none.body.benchmark).toBeNull();

    const saved = await call<BenchmarkView>(who.liaison, 'PUT', '/api/enforcement/discretion', benchmark());
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      organizationName: '示范市市场监督管理局',
      powerItemCode: 'CF-001',
      powerItemName: '对未取得食品生产经营许可从事食品生产经营活动的行政处罚',
    });
    expect(
      saved.body.circumstances.map((entry) => [
        entry.key,
        entry.outcome,
        entry.fineMinYuan,
        entry.fineMaxYuan,
      ]),
    ).toEqual([
      ['M1', 'noPenalty', 0, 0],
      ['L1', 'light', 50000, 80000],
      ['O1', 'ordinary', 80000, 100000],
    ]);

    const read = await call<BenchmarkAnswer>(who.officer, 'GET', `/api/enforcement/discretion?${key}`);
    expect(read.body.benchmark?.id).toBe(saved.body.id);

    const replaced = await call<BenchmarkView>(
      who.reviewer,
      'PUT',
      '/api/enforcement/discretion',
      benchmark({
        circumstances: [
          { key: 'O1', label: '一般情形', outcome: 'ordinary', fineMinYuan: 60000, fineMaxYuan: 100000 },
        ],
      }),
    );
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body.id).toBe(saved.body.id);
    expect(replaced.body.circumstances).toHaveLength(1);
    expect(await counts()).toEqual({ benchmarks: 1, events: 2 });

    const list = await call<{ items: BenchmarkView[]; total: number }>(
      who.officer,
      'GET',
      '/api/enforcement/discretion/benchmarks?q=CF-001',
    );
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]?.powerItemCode).toBe('CF-001');
    expect(
      (await call<{ total: number }>(who.officer, 'GET', '/api/enforcement/discretion/benchmarks?q=大气污染'))
        .body.total,
    ).toBe(0);
    // another body's officer does not see it
    const other = await call<{ total: number }>(
      await fixture.headers(fixture.users.otherOfficer),
      'GET',
      '/api/enforcement/discretion/benchmarks',
    );
    expect(other.body.total).toBe(0);
  });

  it('exports the benchmarks to Excel, one row per circumstance', async () => {
    const exported = await platform.app.inject({
      method: 'GET',
      url: `/api/enforcement/discretion/benchmarks/export.xlsx?organizationId=${fixture.marketId}`,
      headers: who.officer,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheetRows(exported.rawPayload);
    expect(rows[0]?.slice(0, 10)).toEqual([
      '执法主体',
      '事项编码',
      '执法事项',
      '裁量依据',
      '情形编号',
      '裁量情形',
      '情形说明',
      '裁量结果',
      '罚款下限（元）',
      '罚款上限（元）',
    ]);
    expect(rows.slice(1).map((row) => [row[1], row[4], row[7], row[8], row[9]])).toEqual([
      ['CF-001', 'O1', '一般', '60000', '100000'],
    ]);
  });

  it('refuses a fine floor above its ceiling, naming the circumstance, and writes nothing', async () => {
    const before = await counts();
    const refused = await call(
      who.liaison,
      'PUT',
      '/api/enforcement/discretion',
      benchmark({
        circumstances: [
          { key: 'L1', label: '从轻情形', outcome: 'light', fineMinYuan: 90000, fineMaxYuan: 50000 },
        ],
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'circumstances.0.fineMinYuan' });
    expect(refused.body.message).toContain('不能高于上限');
    expect(await counts()).toEqual(before);
  });

  it('refuses repeated keys and a 免罚清单 circumstance with a fine', async () => {
    const repeated = await call(
      who.liaison,
      'PUT',
      '/api/enforcement/discretion',
      benchmark({
        circumstances: [
          { key: 'A', label: '情形一', outcome: 'ordinary', fineMinYuan: 1, fineMaxYuan: 2 },
          { key: 'A', label: '情形二', outcome: 'heavy', fineMinYuan: 3, fineMaxYuan: 4 },
        ],
      }),
    );
    expect(repeated.status).toBe(400);
    expect(repeated.body.field).toBe('circumstances.1.key');
    const finedNoPenalty = await call(
      who.liaison,
      'PUT',
      '/api/enforcement/discretion',
      benchmark({
        circumstances: [{ key: 'M1', label: '首违不罚', outcome: 'noPenalty', fineMaxYuan: 100 }],
      }),
    );
    expect(finedNoPenalty.status).toBe(400);
    expect(finedNoPenalty.body.field).toBe('circumstances.0.fineMaxYuan');
  });

  it('refuses an item that is not in force in the body’s list (清单之外无权力)', async () => {
    const before = await counts();
    const refused = await call(
      who.liaison,
      'PUT',
      '/api/enforcement/discretion',
      benchmark({ powerItemId: fixture.otherBodyItemId }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'powerItemId' });
    expect(refused.body.message).toContain('权责清单');
    const unknown = await call(
      who.liaison,
      'PUT',
      '/api/enforcement/discretion',
      benchmark({ powerItemId: '0190a0a0-0000-7000-8000-000000000000' }),
    );
    expect(unknown.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('lets only the body’s liaison, agency head or legal reviewer write', async () => {
    const officer = await call(who.officer, 'PUT', '/api/enforcement/discretion', benchmark());
    expect(officer.status).toBe(403);
    const outsider = await call(who.otherLiaison, 'PUT', '/api/enforcement/discretion', benchmark());
    expect(outsider.status).toBe(404);
    expect(outsider.body.field).toBe('organizationId');
  });
});
