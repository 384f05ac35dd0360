import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { queryRows } from '../server/core/db/query-rows';
import { composeCreditCode } from '../server/core/identity/national-codes';
import { readImportFile } from '../server/core/imports/import-files';
import { openImportJob, runImportJob } from '../server/core/imports/import-jobs';
import { inTransaction } from '../server/core/context';
import type { Platform } from '../server/core/startup';
import { entityImport } from '../server/modules/spotchecks/entities/entity-service';
import type { BenchResult } from './run';

/**
 * 检查对象名录库: importing a CSV of BENCH_ENTITIES rows (default 1,000,000) as the console does —
 * the checking pass, then every row written in one transaction with its search vector — against
 * one streaming read of the same file (what any import costs before touching the database).
 */
export async function benchEntityImport(platform: Platform): Promise<BenchResult> {
  const count = Number(process.env.BENCH_ENTITIES ?? 1_000_000);
  const folder = '/tmp/fazhi-bench-entities';
  await mkdir(folder, { recursive: true });
  const path = `${folder}/entities.csv`;
  const out = createWriteStream(path);
  out.write('统一社会信用代码,名称,信用风险分类,住所（经营场所）,行业,所属区划代码,持有许可证\n');
  const grades = ['A', 'A', 'A', 'B', 'B', 'C', 'D'];
  const industries = ['餐饮业', '零售业', '食品制造业', '建筑业', '道路运输业', '医药零售'];
  for (let index = 0; index < count; index += 1) {
    const body = `MB${String(index).padStart(6, '0')}`;
    const line = `${composeCreditCode('91', '410300', body)},示范市第${index}号企业有限公司,${grades[index % grades.length]},示范市洛龙区开元大道 ${index % 999} 号,${industries[index % industries.length]},4103${String(11 + (index % 20)).padStart(2, '0')},营业执照\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const size = (await stat(path)).size;
  process.stderr.write(
    `名录导入基准：${count.toLocaleString('en')} 行 CSV，${(size / 1024 / 1024).toFixed(0)} MB\n`,
  );

  let started = performance.now();
  let rows = 0;
  for await (const row of readImportFile(path, entityImport.columns)) if (row) rows += 1;
  const readMs = performance.now() - started;

  const { deps } = platform;
  const job = await inTransaction(deps, null, (ctx) =>
    openImportJob(ctx, { kind: 'entities', fileName: 'bench.csv' }),
  );
  started = performance.now();
  const outcome = await runImportJob(deps, null, job.id, path, entityImport);
  const importMs = performance.now() - started;
  if (outcome.status !== 'done') throw new Error(`import ${outcome.status}: ${outcome.message ?? ''}`);
  const [stored] = await queryRows<{ n: number }>(deps.db, sql`SELECT count(*)::int AS n FROM entities`);
  await rm(folder, { recursive: true, force: true });
  return {
    name: `导入 ${rows.toLocaleString('en')} 户检查对象（CSV ${(size / 1024 / 1024).toFixed(0)} MB：逐行检查后一次事务写入，含分词检索向量；入库 ${stored?.n ?? 0} 户）`,
    baseline: '流式读一遍同一文件（解析 CSV，不写库）',
    baselineMs: readMs,
    measuredMs: importMs,
    unit: 'whole file',
  };
}
