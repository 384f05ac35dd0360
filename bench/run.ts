// `npm run bench`: each figure is a ratio against a baseline measured in the same run, on the same
// database, so machines of different speed give comparable numbers. Never a timed assertion.
import { sql } from 'drizzle-orm';
import { fixedClock } from '../server/core/clock';
import { loadConfig } from '../server/core/config';
import { inTransaction } from '../server/core/context';
import { queryRows } from '../server/core/db/query-rows';
import { createLogger } from '../server/core/logger';
import { openPlatform, type Platform } from '../server/core/startup';
import { appendAuditEvent } from '../server/core/audit/append-audit-event';
import { verifyAuditLog } from '../server/core/audit/verify-audit-log';
import { signTreeHead } from '../server/core/audit/tree-heads';
import { securitySettings } from '../server/core/access/access-tables';
import { benchCalendar } from './calendar-bench';
import { benchPowers } from './power-bench';
import { benchLawLibrary } from './law-import-bench';
import { benchEnforcement } from './enforcement-bench';
import { benchSpotchecks } from './spotcheck-bench';
import { benchEntityImport } from './entity-import-bench';
import { benchSpotCheckPlans } from './spotcheck-plan-bench';

export interface BenchResult {
  name: string;
  baseline: string;
  baselineMs: number;
  measuredMs: number;
  unit: string;
}

const results: BenchResult[] = [];
const time = async (work: () => Promise<void>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

async function openBenchPlatform(): Promise<Platform> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    FAZHI_DATA_DIR: '/tmp/fazhi-bench',
    FAZHI_PASSWORD_COST: '15',
    // PostgreSQL when DATABASE_URL names a scratch database (the benchmarks fill it), else in-memory PGlite
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  });
  return openPlatform(config, {
    clock: fixedClock('2026-09-28T09:00:00+08:00'),
    logger: createLogger('silent'),
    pgliteDir: 'memory',
  });
}

async function benchAuditAppend(platform: Platform, count: number): Promise<void> {
  const { deps } = platform;
  const write = (withAudit: boolean) => async () => {
    for (let i = 0; i < count; i += 1) {
      await inTransaction(deps, null, async (ctx) => {
        const key = `bench-${withAudit ? 'a' : 'p'}-${i}`;
        await ctx.tx.insert(securitySettings).values({ tenantCode: ctx.tenantCode, key, value: { i } });
        if (withAudit) {
          await appendAuditEvent(ctx, {
            action: 'bench.write',
            entityType: 'setting',
            entityId: key,
            change: { i },
          });
        }
      });
    }
  };
  const baselineMs = await time(write(false));
  const measuredMs = await time(write(true));
  results.push({
    name: `${count} 次带审计日志的写入（哈希链 + 同一事务）`,
    baseline: `${count} 次不记日志的同样写入`,
    baselineMs,
    measuredMs,
    unit: 'per write',
  });
}

async function benchVerify(platform: Platform): Promise<void> {
  const { deps } = platform;
  const [row] = await queryRows<{ n: number }>(deps.db, sql`SELECT count(*)::int AS n FROM audit_events`);
  const events = row?.n ?? 0;
  const baselineMs = await time(async () => {
    await deps.db.execute(sql`SELECT * FROM audit_events ORDER BY seq`);
  });
  const measuredMs = await time(async () => {
    const result = await verifyAuditLog(deps);
    if (!result.ok) throw new Error(`verify failed: ${JSON.stringify(result.firstBad)}`);
  });
  results.push({
    name: `校验整个审计日志（${events} 条：摘要、链、树头签名）`,
    baseline: '按序读出全部记录',
    baselineMs,
    measuredMs,
    unit: 'whole log',
  });
  const signMs = await time(async () => {
    await signTreeHead(deps);
  });
  results.push({
    name: `签发树头（${events} 条上的 Merkle 根 + Ed25519）`,
    baseline: '按序读出全部记录',
    baselineMs,
    measuredMs: signMs,
    unit: 'whole log',
  });
}

/** BENCH_ONLY=audit,calendar,powers,law,spotchecks,enforcement runs those parts only; BENCH_ENFORCEMENT=off skips enforcement. */
const only = process.env.BENCH_ONLY?.split(',').map((part) => part.trim());
const runs = (part: string) => !only || only.includes(part);
const platform = await openBenchPlatform();
try {
  if (runs('audit')) {
    await benchAuditAppend(platform, Number(process.env.BENCH_WRITES ?? 2000));
    await benchVerify(platform);
  }
  if (runs('calendar')) results.push(...(await benchCalendar(platform)));
  if (runs('powers')) results.push(...(await benchPowers(platform)));
  if (runs('law')) results.push(...(await benchLawLibrary()));
  if (runs('spotchecks')) {
    results.push(...benchSpotchecks());
    results.push(await benchEntityImport(platform));
    results.push(...(await benchSpotCheckPlans(platform)));
  }
  if (runs('enforcement') && process.env.BENCH_ENFORCEMENT !== 'off') {
    results.push(...(await benchEnforcement(platform)));
  }
} finally {
  await platform.close();
}

process.stdout.write('\n基准测试（比值 = 被测 ÷ 基线，同一次运行中测得）\n\n');
for (const result of results) {
  process.stdout.write(
    `${result.name}\n  基线：${result.baseline} ${result.baselineMs.toFixed(1)} ms；被测 ${result.measuredMs.toFixed(1)} ms；比值 ${(result.measuredMs / result.baselineMs).toFixed(2)}×\n`,
  );
}
