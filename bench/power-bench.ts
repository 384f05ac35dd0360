import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { powerKindLabels } from '../contracts/powers';
import type { Actor } from '../server/core/context';
import { inTransaction, readContext } from '../server/core/context';
import { newId } from '../server/core/db/ids';
import type { Platform } from '../server/core/startup';
import { ensureCalendarLoaded } from '../server/core/calendar/ensure-calendar-loaded';
import { segmentedText, toSearchVector } from '../server/core/search/chinese-search';
import { importLawFiles } from '../server/modules/law/import-laws';
import { organizations } from '../server/modules/org/org-tables';
import { demoPowerCatalog } from '../server/modules/powers/demo/demo-power-catalog';
import { fieldLaws } from '../server/modules/powers/demo/demo-fields';
import { importChangesFromSheet, importColumns } from '../server/modules/powers/power-excel';
import { powerItems, powerItemVersions } from '../server/modules/powers/power-tables';
import {
  createChangeSet,
  isPowerItemInForce,
  listItems,
  performChangeSetAction,
} from '../server/modules/powers/power-service';
import type { BenchResult } from './run';

/**
 * The power lists: importing a 6,000-row sheet into a change set and approving it, against writing
 * the same rows with a plain multi-row insert; search p95 over 100,000 items (segmented full text
 * plus trigram), against a lookup by code.
 */

const catalog = Object.entries(demoPowerCatalog).flatMap(([law, rows]) =>
  rows.map(([kind, citation, name]) => ({ law, kind, citation, name })),
);

async function benchOrganization(platform: Platform, name: string) {
  const id = newId();
  const path = `/${id}/`;
  await platform.deps.db.insert(organizations).values({
    tenantCode: platform.deps.config.tenantCode,
    id,
    parentId: null,
    path,
    jurisdictionCode: '410300',
    name,
    kind: 'government',
  });
  const actor = (role: 'liaison' | 'justiceBureau'): Actor => ({
    userId: newId(),
    username: `bench.${role}`,
    displayName: role,
    roles: [{ role, organizationId: id, organizationPath: path }],
    activeOrganizationId: id,
  });
  return { id, liaison: actor('liaison'), justice: actor('justiceBureau') };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function benchImport(platform: Platform, rows: number): Promise<BenchResult> {
  const { deps } = platform;
  const organization = await benchOrganization(platform, '导入基准测试局');
  const columns = importColumns('power');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('权责清单');
  sheet.addRow(columns.map((column) => column.header));
  const contents = Array.from({ length: rows }, (_, index) => {
    const item = catalog[index % catalog.length]!;
    return {
      changeType: '新增',
      code: `B-${String(index + 1).padStart(5, '0')}`,
      name: `${item.name}（${Math.floor(index / catalog.length) + 1}）`,
      kind: powerKindLabels[item.kind],
      legalBasisText: `《${item.law}》${item.citation}`,
      'details.implementingBody': '导入基准测试局',
      'details.duties': '立案、调查、审查、告知、决定、送达、执行',
      'details.accountability': '违法实施的，依法追究责任',
      'details.statutoryTimeLimit': '90',
    };
  });
  for (const content of contents)
    sheet.addRow(columns.map((column) => content[column.key as keyof typeof content] ?? ''));
  const buffer = Buffer.from(await book.xlsx.writeBuffer());

  const baselineMs = await time(async () => {
    await inTransaction(deps, null, async (ctx) => {
      for (let start = 0; start < rows; start += 500) {
        const part = contents.slice(start, start + 500);
        const ids = part.map(() => newId());
        await ctx.tx.insert(powerItems).values(
          part.map((content, index) => ({
            tenantCode: ctx.tenantCode,
            id: ids[index]!,
            organizationId: organization.id,
            listKind: 'baseline',
            code: content.code,
          })),
        );
        await ctx.tx.insert(powerItemVersions).values(
          part.map((content, index) => ({
            tenantCode: ctx.tenantCode,
            id: newId(),
            itemId: ids[index]!,
            organizationId: organization.id,
            listKind: 'baseline',
            version: 1,
            listVersion: 1,
            changeSetId: organization.id,
            effectiveFrom: '2026-10-01',
            code: content.code,
            name: content.name,
            kind: 'penalty',
            legalBasisText: content.legalBasisText,
            legalBasis: [],
            details: {
              implementingBody: content['details.implementingBody'],
              duties: content['details.duties'],
            },
          })),
        );
      }
    });
  });
  const measuredMs = await time(async () => {
    const changeSet = await inTransaction(deps, organization.liaison, (ctx) =>
      createChangeSet(ctx, {
        organizationId: organization.id,
        listKind: 'power',
        title: '基准测试：整表导入',
        reason: '基准测试',
        effectiveOn: '2026-10-01',
      }),
    );
    const added = await inTransaction(deps, organization.liaison, (ctx) =>
      importChangesFromSheet(ctx, changeSet.id, buffer),
    );
    if (added !== rows) throw new Error(`imported ${added} of ${rows}`);
    await inTransaction(deps, organization.liaison, (ctx) =>
      performChangeSetAction(ctx, changeSet.id, { action: 'submit' }),
    );
    await inTransaction(deps, organization.justice, (ctx) =>
      performChangeSetAction(ctx, changeSet.id, { action: 'approve' }),
    );
  });
  return {
    name: `导入 ${rows} 行权责清单（读表、逐行校验、批量解析法律依据、写入调整方案，再提交并批准生效）`,
    baseline: `同样 ${rows} 行直接多行插入`,
    baselineMs,
    measuredMs,
    unit: 'whole sheet',
  };
}

async function benchSearch(platform: Platform, count: number): Promise<BenchResult[]> {
  const { deps } = platform;
  const organization = await benchOrganization(platform, '检索基准测试局');
  const places = ['城区', '开发区', '高新区', '港区', '新区', '老城', '滨河', '北郊'];
  await inTransaction(deps, null, async (ctx) => {
    for (let start = 0; start < count; start += 1000) {
      const itemRows = [];
      const versionRows = [];
      for (let index = start; index < Math.min(count, start + 1000); index += 1) {
        const item = catalog[index % catalog.length]!;
        const id = newId();
        const code = `S-${String(index + 1).padStart(6, '0')}`;
        const name = `${item.name}（${places[index % places.length]}第${Math.floor(index / catalog.length) + 1}批）`;
        const legalBasisText = `《${item.law}》${item.citation}`;
        itemRows.push({
          tenantCode: ctx.tenantCode,
          id,
          organizationId: organization.id,
          listKind: 'power',
          code,
        });
        versionRows.push({
          tenantCode: ctx.tenantCode,
          id: newId(),
          itemId: id,
          organizationId: organization.id,
          listKind: 'power',
          version: 1,
          listVersion: 1,
          changeSetId: organization.id,
          effectiveFrom: '2026-01-01',
          code,
          name,
          kind: item.kind,
          legalBasisText,
          legalBasis: [],
          details: {},
          search: toSearchVector(segmentedText(`${name} ${code} ${legalBasisText}`)) as unknown as string,
        });
      }
      await ctx.tx.insert(powerItems).values(itemRows);
      await ctx.tx.insert(powerItemVersions).values(versionRows);
    }
  });
  await deps.db.execute(sql`ANALYZE power_item_versions`);
  const reader = readContext(deps, organization.justice);
  const queries = Array.from({ length: 200 }, (_, index) => {
    const name = catalog[(index * 37) % catalog.length]!.name.replace(/^对/, '');
    const at = (index * 7) % Math.max(1, name.length - 4);
    // half whole words (full text), half 3–4 character substrings (trigram)
    return index % 2 === 0
      ? name.slice(at, at + 2) + ' ' + name.slice(at + 2, at + 4)
      : name.slice(at, at + 3 + (index % 2));
  });
  const searchTimes: number[] = [];
  for (const q of queries) {
    searchTimes.push(
      await time(async () => {
        await listItems(reader, {
          organizationId: organization.id,
          listKind: 'power',
          q,
          page: 1,
          pageSize: 20,
        });
      }),
    );
  }
  const codeTimes: number[] = [];
  for (let index = 0; index < 200; index += 1) {
    const code = `S-${String(((index * 487) % count) + 1).padStart(6, '0')}`;
    codeTimes.push(
      await time(async () => {
        const answer = await isPowerItemInForce(reader, {
          organizationId: organization.id,
          code,
          listKind: 'power',
          date: '2026-10-01',
        });
        if (!answer.inForce) throw new Error(`${code} not in force`);
      }),
    );
  }
  return [
    {
      name: `在 ${count} 个事项中检索（分词全文 + 三字以上子串，第 1 页 20 条与总数），p95`,
      baseline: '按事项编码查询是否有效，p95',
      baselineMs: percentile(codeTimes, 95),
      measuredMs: percentile(searchTimes, 95),
      unit: 'per query',
    },
    {
      name: `在 ${count} 个事项中检索，p50`,
      baseline: '按事项编码查询是否有效，p50',
      baselineMs: percentile(codeTimes, 50),
      measuredMs: percentile(searchTimes, 50),
      unit: 'per query',
    },
  ];
}

const time = async (work: () => Promise<void>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

/** Loads the laws the catalog cites when the collection is beside the repository, so citations really resolve. */
async function loadCitedLaws(platform: Platform): Promise<void> {
  const folder = join(import.meta.dirname, '../../shared/data/laws');
  if (!existsSync(folder)) return;
  const files = [
    ...new Set(
      Object.values(fieldLaws)
        .flat()
        .map((law) => law.file),
    ),
  ]
    .filter((file) => existsSync(join(folder, file)))
    .map((file) => ({ path: file, text: readFileSync(join(folder, file), 'utf8') }));
  await importLawFiles(platform.deps, null, folder, files);
}

export async function benchPowers(platform: Platform): Promise<BenchResult[]> {
  await ensureCalendarLoaded(platform.deps);
  await loadCitedLaws(platform);
  return [
    await benchImport(platform, Number(process.env.BENCH_POWER_ROWS ?? 6000)),
    ...(await benchSearch(platform, Number(process.env.BENCH_POWER_ITEMS ?? 100_000))),
  ];
}
