import type { Executor } from '../db/open-database';
import { readAllCalendarData, readCalendarSignature } from './calendar-repository';
import { WorkingDayCalendar } from './working-day-calendar';

/**
 * The calendar is read once per process and kept, keyed by the data's signature (year count,
 * revisions, last update): an edit in this process or another changes the signature, so the next
 * computation reloads; a rolled-back edit changes it back. One small query per use checks it.
 */
const cache = new Map<string, WorkingDayCalendar>();
const cacheLimit = 4;

/** The working-day calculator over the calendar data as `tx` sees it. */
export async function loadWorkingDayCalendar(tx: Executor): Promise<WorkingDayCalendar> {
  const signature = await readCalendarSignature(tx);
  const cached = cache.get(signature);
  if (cached) return cached;
  const data = await readAllCalendarData(tx);
  const calendar = new WorkingDayCalendar(data.years, data.exceptions);
  if (cache.size >= cacheLimit) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(signature, calendar);
  return calendar;
}

/** Drops every cached calendar (after an edit, so nothing stale survives even a same-signature race). */
export function invalidateCalendarCache(): void {
  cache.clear();
}
