import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../../core/db/query-rows';
import { buildTestPlatform } from '../../../test/build-test-app';
import { seedDemoCity } from './seed-demo-city';
import { ensureDemoCity } from './ensure-demo-city';

async function snapshot() {
  const platform = await buildTestPlatform();
  try {
    const started = performance.now();
    const summary = await seedDemoCity(platform.deps);
    const seconds = (performance.now() - started) / 1000;
    const names = await queryRows<{ name: string; kind: string; jurisdiction_code: string }>(
      platform.deps.db,
      sql`SELECT name, kind, jurisdiction_code FROM organizations ORDER BY name, jurisdiction_code`,
    );
    const people = await queryRows<{ name: string; masked: string }>(
      platform.deps.db,
      sql`SELECT name, id_number_masked AS masked FROM people ORDER BY name, id_number_masked`,
    );
    const statuses = await queryRows<{ status: string; n: number }>(
      platform.deps.db,
      sql`SELECT status, count(*)::int AS n FROM enforcement_certificates GROUP BY status ORDER BY status`,
    );
    const expired = await queryRows<{ n: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS n FROM enforcement_certificates WHERE expires_on < '2026-09-28'`,
    );
    const audited = await queryRows<{ n: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_type IN ('organization','person','enforcementCertificate')`,
    );
    const again = await ensureDemoCity(platform.deps);
    return {
      summary,
      seconds,
      names,
      people,
      statuses,
      expired: expired[0]?.n ?? 0,
      audited: audited[0]?.n ?? 0,
      again,
    };
  } finally {
    await platform.close();
  }
}

describe('the demo city', () => {
  it('is deterministic, complete, audited, and loaded only once', async () => {
    const first = await snapshot();
    const second = await snapshot();
    expect(second.names).toEqual(first.names);
    expect(second.people).toEqual(first.people);
    expect(second.statuses).toEqual(first.statuses);

    const names = first.names.map((row) => row.name);
    expect(names).toContain('示范市人民政府');
    for (const county of [
      '老城区',
      '西工区',
      '瀍河回族区',
      '涧西区',
      '偃师区',
      '孟津区',
      '洛龙区',
      '新安县',
      '栾川县',
      '嵩县',
      '汝阳县',
      '宜阳县',
      '洛宁县',
      '伊川县',
    ]) {
      expect(names).toContain(`${county}人民政府`);
    }
    expect(names).toContain('示范市城市管理局（综合行政执法局）');
    expect(first.names.filter((row) => row.kind === 'township').length).toBeGreaterThan(150);
    expect(
      first.names.filter((row) => row.jurisdiction_code === '410300' && row.kind !== 'government').length,
    ).toBeGreaterThanOrEqual(30);
    expect(first.summary.people).toBeGreaterThan(300);
    expect(first.statuses.map((row) => row.status)).toEqual(['revoked', 'suspended', 'valid']);
    expect(first.expired).toBeGreaterThan(0);
    expect(first.audited).toBe(
      first.summary.organizations + first.summary.people + first.summary.certificates,
    );
    expect(new Set(first.summary.accounts.map((account) => account.role)).size).toBe(9);
    expect(first.summary.accounts.find((account) => account.username === 'sysadmin')?.totpSecret).toMatch(
      /^[A-Z2-7]+$/,
    );
    expect(first.again).toEqual([]);
    console.info(`demo seed took ${first.seconds.toFixed(1)} s on PGlite`);
  }, 180_000);
});
