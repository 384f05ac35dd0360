import type { Platform } from '../server/core/startup';
import { ensureCalendarLoaded } from '../server/core/calendar/ensure-calendar-loaded';
import { loadWorkingDayCalendar } from '../server/core/calendar/load-calendar';
import { addDays } from '../server/core/calendar/civil-dates';
import type { BenchResult } from './run';

/** 20-working-day deadlines (政府信息公开条例 art. 33) for many start dates, against plain date arithmetic. */
export async function benchCalendar(platform: Platform): Promise<BenchResult[]> {
  await ensureCalendarLoaded(platform.deps);
  const calendar = await loadWorkingDayCalendar(platform.deps.db);
  const count = 100_000;
  const starts: string[] = [];
  for (let i = 0; i < count; i += 1) starts.push(addDays('2024-01-01', i % 900));
  let started = performance.now();
  let sink = 0;
  for (const start of starts) sink += addDays(start, 28).length;
  const baselineMs = performance.now() - started;
  started = performance.now();
  for (const start of starts) sink += calendar.addWorkingDays(start, 20).length;
  const measuredMs = performance.now() - started;
  if (sink === 0) throw new Error('unreachable');
  return [
    {
      name: `${count} 个「20 个工作日」期限（节假日与调休）`,
      baseline: `${count} 次加 28 个自然日`,
      baselineMs,
      measuredMs,
      unit: 'per deadline',
    },
  ];
}
