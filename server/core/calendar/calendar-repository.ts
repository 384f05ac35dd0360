import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/open-database';
import type { CalendarException } from './working-day-calendar';
import { calendarDays, calendarYears } from './calendar-tables';

export type CalendarYearRow = typeof calendarYears.$inferSelect;

/** Changes whenever any year is added or edited, in any process (count, revisions, last update). */
export async function readCalendarSignature(tx: Executor): Promise<string> {
  const [row] = await tx
    .select({
      count: sql<number>`count(*)::int`,
      revisions: sql<number>`coalesce(sum(${calendarYears.revision}), 0)::int`,
      lastUpdate: sql<string | null>`max(${calendarYears.updatedAt})::text`,
    })
    .from(calendarYears);
  return `${row?.count ?? 0}:${row?.revisions ?? 0}:${row?.lastUpdate ?? ''}`;
}

export async function readAllCalendarData(
  tx: Executor,
): Promise<{ years: number[]; exceptions: CalendarException[] }> {
  const years = await tx.select({ year: calendarYears.year }).from(calendarYears);
  const days = await tx.select().from(calendarDays);
  return {
    years: years.map((row) => row.year),
    exceptions: days.map((day) => ({
      date: day.date,
      kind: day.kind === 'workday' ? 'workday' : 'holiday',
      name: day.name,
    })),
  };
}

export async function hasAnyCalendarYear(tx: Executor): Promise<boolean> {
  const [row] = await tx.select({ year: calendarYears.year }).from(calendarYears).limit(1);
  return Boolean(row);
}

export async function listCalendarYearRows(
  tx: Executor,
): Promise<(CalendarYearRow & { holidayCount: number; workdayCount: number })[]> {
  const counts = await tx
    .select({
      year: sql<number>`extract(year from ${calendarDays.date})::int`,
      holidays: sql<number>`count(*) filter (where ${calendarDays.kind} = 'holiday')::int`,
      workdays: sql<number>`count(*) filter (where ${calendarDays.kind} = 'workday')::int`,
    })
    .from(calendarDays)
    .groupBy(sql`1`);
  const byYear = new Map(counts.map((row) => [row.year, row]));
  const years = await tx.select().from(calendarYears).orderBy(asc(calendarYears.year));
  return years.map((year) => ({
    ...year,
    holidayCount: byYear.get(year.year)?.holidays ?? 0,
    workdayCount: byYear.get(year.year)?.workdays ?? 0,
  }));
}

export async function findCalendarYear(tx: Executor, year: number): Promise<CalendarYearRow | null> {
  const [row] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year));
  return row ?? null;
}

export async function listCalendarDays(tx: Executor, year: number): Promise<CalendarException[]> {
  const rows = await tx
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)))
    .orderBy(asc(calendarDays.date));
  return rows.map((day) => ({
    date: day.date,
    kind: day.kind === 'workday' ? 'workday' : 'holiday',
    name: day.name,
  }));
}

/** Inserts the year or replaces its notice and exceptions, bumping its revision. */
export async function writeCalendarYear(
  tx: Executor,
  input: {
    year: number;
    source: string;
    noticeTitle: string;
    updatedBy: string | null;
    exceptions: CalendarException[];
  },
): Promise<void> {
  await tx
    .insert(calendarYears)
    .values({
      year: input.year,
      source: input.source,
      noticeTitle: input.noticeTitle,
      updatedBy: input.updatedBy,
    })
    .onConflictDoUpdate({
      target: calendarYears.year,
      set: {
        source: input.source,
        noticeTitle: input.noticeTitle,
        updatedBy: input.updatedBy,
        revision: sql`${calendarYears.revision} + 1`,
        updatedAt: sql`now()`,
      },
    });
  await tx
    .delete(calendarDays)
    .where(and(gte(calendarDays.date, `${input.year}-01-01`), lte(calendarDays.date, `${input.year}-12-31`)));
  if (input.exceptions.length > 0) await tx.insert(calendarDays).values(input.exceptions);
}

/** Bulk insert of many years at once (first start). */
export async function insertCalendarYears(
  tx: Executor,
  years: { year: number; source: string; noticeTitle: string; exceptions: CalendarException[] }[],
): Promise<void> {
  if (years.length === 0) return;
  await tx
    .insert(calendarYears)
    .values(years.map((year) => ({ year: year.year, source: year.source, noticeTitle: year.noticeTitle })))
    .onConflictDoNothing();
  const days = years.flatMap((year) => year.exceptions);
  if (days.length > 0) await tx.insert(calendarDays).values(days).onConflictDoNothing();
}
