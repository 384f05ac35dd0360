import { sql } from 'drizzle-orm';
import { inTransaction, type Deps } from '../context';
import { hasAnyCalendarYear, insertCalendarYears } from './calendar-repository';
import { readChineseDays } from './chinese-days-data';
import { invalidateCalendarCache } from './load-calendar';

/**
 * First-start step: loads the official holidays and adjusted working days the chinese-days package
 * covers into calendar_years/calendar_days. Once any year exists it does nothing (one query), so
 * administrators' entries and corrections are never overwritten. Like a migration, this install of
 * bundled reference data is not an audit event (each year row records its source); every later
 * entry or correction by an administrator is.
 */
export async function ensureCalendarLoaded(deps: Deps): Promise<string[]> {
  if (await hasAnyCalendarYear(deps.db)) return [];
  const years = readChineseDays();
  await inTransaction(deps, null, async (ctx) => {
    await ctx.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('calendar:load'))`);
    if (await hasAnyCalendarYear(ctx.tx)) return;
    await insertCalendarYears(
      ctx.tx,
      years.map((year) => ({ ...year, source: 'chinese-days' })),
    );
  });
  invalidateCalendarCache();
  const first = years[0]?.year;
  const last = years.at(-1)?.year;
  return first && last ? [`节假日数据：已载入 ${first}–${last} 年`] : [];
}
