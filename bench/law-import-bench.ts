// The law library: importing the whole collection, and searching it. Each figure is a ratio
// against a baseline measured in the same run (see run.ts).
import { and, eq } from 'drizzle-orm';
import { fixedClock } from '../server/core/clock';
import { loadConfig } from '../server/core/config';
import { readContext } from '../server/core/context';
import { createLogger } from '../server/core/logger';
import { openPlatform } from '../server/core/startup';
import { lawFolderToLoad } from '../server/modules/law/ensure-law-library';
import { importLawFiles, readLawFolder } from '../server/modules/law/import-laws';
import { parseLawFile } from '../server/modules/law/law-file-parser';
import { searchLaws } from '../server/modules/law/law-service';
import { lawArticles } from '../server/modules/law/law-tables';
import type { BenchResult } from './run';

const searchQueries = 200;

const percentile = (values: number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
};

/** Imports the collection into a fresh PGlite, then times searches; nothing when the collection is absent. */
export async function benchLawLibrary(): Promise<BenchResult[]> {
  const folder = lawFolderToLoad(process.env.FAZHI_LAW_DIR);
  if (!folder) {
    process.stderr.write('法规库基准：没有法规目录（FAZHI_LAW_DIR 或 ../shared/data/laws），跳过\n');
    return [];
  }
  const platform = await openPlatform(
    loadConfig({ LOG_LEVEL: 'silent', FAZHI_DATA_DIR: '/tmp/fazhi-bench' }),
    {
      clock: fixedClock('2026-09-28T09:00:00+08:00'),
      logger: createLogger('silent'),
      pgliteDir: 'memory',
    },
  );
  try {
    const results: BenchResult[] = [];
    let articles = 0;
    let started = performance.now();
    const files = readLawFolder(folder);
    for (const file of files) articles += parseLawFile(file).articles.length;
    const parseMs = performance.now() - started;

    started = performance.now();
    const run = await importLawFiles(platform.deps, null, folder, files);
    const importMs = performance.now() - started;
    results.push({
      name: `导入整个法规集（${files.length} 个文件、${run.importedVersions} 个版本、${run.importedArticles} 条；每条 ${((importMs / run.importedArticles) * 1000).toFixed(0)} µs）`,
      baseline: `读取并解析全部文件（${articles} 条，不写数据库）`,
      baselineMs: parseMs,
      measuredMs: importMs,
      unit: 'whole collection',
    });

    // queries: a phrase from every n-th article, spread over the collection
    const rows = await platform.deps.db
      .select({ lawId: lawArticles.lawId, number: lawArticles.number, text: lawArticles.text })
      .from(lawArticles);
    const step = Math.max(1, Math.floor(rows.length / searchQueries));
    const samples = rows.filter((_, index) => index % step === 0).slice(0, searchQueries);
    const ctx = readContext(platform.deps, null);
    const lookups: number[] = [];
    const searches: number[] = [];
    for (const sample of samples) {
      let at = performance.now();
      await platform.deps.db
        .select({ id: lawArticles.id })
        .from(lawArticles)
        .where(and(eq(lawArticles.lawId, sample.lawId), eq(lawArticles.number, sample.number)));
      lookups.push(performance.now() - at);
      const phrase = sample.text.replace(/^（[^）]*）/, '').slice(4, 14);
      at = performance.now();
      await searchLaws(ctx, { q: phrase, page: 1, pageSize: 20 });
      searches.push(performance.now() - at);
    }
    for (const [label, share] of [
      ['p50', 0.5],
      ['p95', 0.95],
    ] as const)
      results.push({
        name: `条文全文检索 ${label}（${samples.length} 个查询，含排序、计数、标题匹配、高亮）`,
        baseline: `按法规与条号的索引查找 ${label}`,
        baselineMs: percentile(lookups, share),
        measuredMs: percentile(searches, share),
        unit: 'per query',
      });
    return results;
  } finally {
    await platform.close();
  }
}
