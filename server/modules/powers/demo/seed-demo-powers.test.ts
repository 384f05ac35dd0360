import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedCitation } from '../../../../contracts/law';
import { queryRows } from '../../../core/db/query-rows';
import { buildTestPlatform, type TestPlatform } from '../../../test/build-test-app';
import { createTestOrganization, createTestUser } from '../../../test/factories';
import { importLawFiles } from '../../law/import-laws';
import { seedDemoCity } from '../../org/demo/seed-demo-city';
import { seedDemoPowerLists, type DemoPowerSummary } from './seed-demo-powers';

/** The demo lists: generated through the real operations, every state shown, citations that resolve. */

const lawsFolder = join(import.meta.dirname, '../../../../../shared/data/laws');
const foodSafetyFile = '行政法/食品安全法(2021-04-29).md';
const hasLaws = existsSync(join(lawsFolder, foodSafetyFile));
if (!hasLaws && process.env.CI === 'true') throw new Error(`CI: the law corpus is missing (${lawsFolder})`);

describe('demo power lists', () => {
  let platform: TestPlatform;
  let summary: DemoPowerSummary | null;
  let seconds: number;

  beforeAll(async () => {
    platform = await buildTestPlatform();
    await seedDemoCity(platform.deps);
    if (hasLaws) {
      // one law in the library: its items are derived from the articles, the others from the built-in table
      await importLawFiles(platform.deps, null, 'test', [
        { path: foodSafetyFile, text: readFileSync(join(lawsFolder, foodSafetyFile), 'utf8') },
      ]);
    }
    const started = performance.now();
    summary = await seedDemoPowerLists(platform.deps);
    seconds = (performance.now() - started) / 1000;
  }, 300_000);
  afterAll(async () => platform.close());

  it('gives the departments thousands of items in all five lists, with change sets in every state', async () => {
    console.info(
      `演示清单：${summary?.items ?? 0} 个事项、${summary?.changeSets ?? 0} 个调整方案，用时 ${seconds.toFixed(1)} 秒`,
    );
    expect(summary?.items).toBeGreaterThan(2000);
    const kinds = await queryRows<{ list_kind: string; n: number }>(
      platform.deps.db,
      sql`SELECT list_kind, count(*)::int AS n FROM power_items GROUP BY list_kind ORDER BY list_kind`,
    );
    expect(kinds.map((row) => row.list_kind)).toEqual([
      'intermediary',
      'power',
      'proof',
      'service',
      'spotCheck',
    ]);
    const states = await queryRows<{ state: string }>(
      platform.deps.db,
      sql`SELECT DISTINCT state FROM power_change_sets ORDER BY state`,
    );
    expect(states.map((row) => row.state)).toEqual(['approved', 'draft', 'returned', 'submitted']);
    const returned = await queryRows<{ fields: { comment?: string } }>(
      platform.deps.db,
      sql`SELECT fields FROM procedure_steps WHERE action = 'return'`,
    );
    expect(returned[0]?.fields.comment).toContain('职能划转文件');
    const future = await queryRows<{ n: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS n FROM power_change_sets WHERE state = 'approved' AND effective_on > '2026-09-28'`,
    );
    expect(future[0]?.n).toBe(1);
  });

  it('shows added, modified and cancelled items between the market bureau versions 1 and 2', async () => {
    const diff = await queryRows<{ version: number; cancelled: number; modified: number; added: number }>(
      platform.deps.db,
      sql`SELECT v.list_version AS version,
          count(*) FILTER (WHERE v.is_cancelled)::int AS cancelled,
          count(*) FILTER (WHERE NOT v.is_cancelled AND v.version > 1)::int AS modified,
          count(*) FILTER (WHERE v.version = 1)::int AS added
        FROM power_item_versions v JOIN organizations o ON o.id = v.organization_id
        WHERE o.name = '示范市市场监督管理局' AND v.list_kind = 'power' GROUP BY v.list_version ORDER BY 1`,
    );
    expect(diff[1]).toMatchObject({ version: 2, cancelled: 3, modified: 2, added: 2 });
    expect(diff[2]).toMatchObject({ version: 3, cancelled: 0, modified: 0, added: 3 });
  });

  it.skipIf(!hasLaws)('cites articles exactly: every item on the law in the library resolves', async () => {
    const rows = await queryRows<{ name: string; legal_basis: ResolvedCitation[] }>(
      platform.deps.db,
      sql`SELECT name, legal_basis FROM power_item_versions WHERE legal_basis_text LIKE '《中华人民共和国食品安全法》%'`,
    );
    expect(rows.length).toBeGreaterThan(40);
    const unresolved = rows.filter((row) =>
      row.legal_basis.some((citation) => citation.status !== 'resolved'),
    );
    expect(unresolved.map((row) => row.name)).toEqual([]);
    expect(rows.map((row) => row.name)).toContain(
      '对未取得食品生产经营许可从事食品生产经营活动，或者未取得食品添加剂生产许可从事食品添加剂生产活动的行政处罚',
    );
  });

  it('is done once: a second run changes nothing', async () => {
    const before = await queryRows<{ n: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS n FROM power_item_versions`,
    );
    expect(await seedDemoPowerLists(platform.deps)).toBeNull();
    const after = await queryRows<{ n: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS n FROM power_item_versions`,
    );
    expect(after).toEqual(before);
  });

  it('leaves a real tenant alone, even one with a user named justice', async () => {
    const other = await buildTestPlatform();
    try {
      const city = await createTestOrganization(other, { name: '某市人民政府', jurisdictionCode: '410300' });
      await createTestUser(other, { role: 'justiceBureau', organizationId: city.id, username: 'justice' });
      expect(await seedDemoPowerLists(other.deps)).toBeNull();
      const sets = await queryRows<{ n: number }>(
        other.deps.db,
        sql`SELECT count(*)::int AS n FROM power_change_sets`,
      );
      expect(sets[0]?.n).toBe(0);
    } finally {
      await other.close();
    }
  });
});
