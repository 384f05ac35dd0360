import { sql } from 'drizzle-orm';
import { civilDate, fixedClock } from '../../../core/clock';
import type { Deps } from '../../../core/context';
import { addDays } from '../../../core/calendar/civil-dates';
import { queryRows } from '../../../core/db/query-rows';
import { demoCaseYearStart, seedDemoCases } from './seed-demo-cases';

/**
 * The demo's lists are approved a week before its year of cases begins, so every case of the year
 * is opened on an item in force that day (清单之外无权力): the power-list seed runs on these deps.
 */
export function demoListDeps(deps: Deps): Deps {
  const firstDay = demoCaseYearStart(civilDate(deps.clock.now()));
  return { ...deps, clock: fixedClock(`${addDays(firstDay, -7)}T09:00:00+08:00`) };
}

/** Whether the tenant holds no enforcement case yet. */
export async function hasNoCases(deps: Deps): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(
    deps.db,
    sql`SELECT count(*)::int AS n FROM enforcement_cases WHERE tenant_code = ${deps.config.tenantCode}`,
  );
  return (row?.n ?? 0) === 0;
}

/** The banner line of a seeded year of cases. */
export function demoCasesBannerLine(
  summary: NonNullable<Awaited<ReturnType<typeof seedDemoCases>>>,
  seconds: number,
): string {
  const open = Object.entries(summary.byState)
    .filter(([state]) => !['archived', 'closed', 'notRegistered', 'withdrawn', 'referred'].includes(state))
    .reduce((sum, [, n]) => sum + n, 0);
  return `已生成演示执法案件：${summary.cases} 件（${summary.firstDay} 至 ${summary.today}，在办 ${open} 件、已归档 ${summary.byState.archived ?? 0} 件），${summary.records} 条全过程记录、${summary.documents} 份文书、${summary.publications} 条公示、${summary.reviews} 卷评查（用时 ${seconds} 秒）。`;
}

/**
 * First-start step (after the demo power lists): when FAZHI_SEED_DEMO is `auto`, the demo city
 * exists and no case has been opened, drives a year of demo cases through the real procedures and
 * reports them on the banner.
 */
export async function ensureDemoCases(deps: Deps): Promise<string[]> {
  if (deps.config.seedDemo !== 'auto') return [];
  if (!(await hasNoCases(deps))) return [];
  const started = performance.now();
  const summary = await seedDemoCases(deps, { onProgress: (message) => deps.logger.info(message) });
  if (!summary) return [];
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  deps.logger.info({ seconds, cases: summary.cases, byState: summary.byState }, 'demo cases seeded');
  return [demoCasesBannerLine(summary, seconds)];
}
