import type { CalendarYearInput } from '../../../contracts/calendar';
import { requireRole } from '../access/authorize';
import { appendAuditEvent } from '../audit/append-audit-event';
import { actorName, type ServiceContext } from '../context';
import { notFound } from '../errors';
import { recomputeDeadlinesForYear, type RecomputedDeadline } from '../procedures/recompute-deadlines';
import {
  recomputePendingPublicationDueDates,
  type RecomputedPublication,
} from '../publication/recompute-publications';
import {
  findCalendarYear,
  listCalendarDays,
  listCalendarYearRows,
  writeCalendarYear,
  type CalendarYearRow,
} from './calendar-repository';
import { exceptionsFromInput } from './calendar-rules';
import { invalidateCalendarCache, loadWorkingDayCalendar } from './load-calendar';
import type { CalendarException } from './working-day-calendar';

const editors = ['systemAdmin'] as const;

/** The years the calendar holds, with counts (system administrator). */
export async function listCalendarYears(ctx: ServiceContext) {
  requireRole(ctx, editors);
  return listCalendarYearRows(ctx.tx);
}

export interface CalendarYearWithDays {
  year: CalendarYearRow;
  days: CalendarException[];
}

/** One year's notice and its holidays and adjusted working days (system administrator). */
export async function getCalendarYear(ctx: ServiceContext, year: number): Promise<CalendarYearWithDays> {
  requireRole(ctx, editors);
  const row = await findCalendarYear(ctx.tx, year);
  if (!row) throw notFound(`${year} 年节假日数据`);
  return { year: row, days: await listCalendarDays(ctx.tx, year) };
}

/**
 * Enters or corrects a year from the State Council's notice (system administrator), then
 * recomputes every running deadline that reaches the year and computes the publication due dates
 * left pending for want of it, each change logged, in the same transaction.
 */
export async function saveCalendarYear(
  ctx: ServiceContext,
  year: number,
  input: CalendarYearInput,
): Promise<
  CalendarYearWithDays & { recomputed: RecomputedDeadline[]; recomputedPublications: RecomputedPublication[] }
> {
  requireRole(ctx, editors);
  const exceptions = exceptionsFromInput(year, input);
  const before = await findCalendarYear(ctx.tx, year);
  const previousDays = before ? await listCalendarDays(ctx.tx, year) : [];
  await writeCalendarYear(ctx.tx, {
    year,
    source: 'manual',
    noticeTitle: input.noticeTitle,
    updatedBy: actorName(ctx.actor),
    exceptions,
  });
  invalidateCalendarCache();
  await appendAuditEvent(ctx, {
    action: before ? 'calendar.correctYear' : 'calendar.enterYear',
    entityType: 'calendarYear',
    entityId: String(year),
    change: {
      before: before ? { noticeTitle: before.noticeTitle, source: before.source, days: previousDays } : null,
      after: { noticeTitle: input.noticeTitle, source: 'manual', days: exceptions },
    },
  });
  const calendar = await loadWorkingDayCalendar(ctx.tx);
  const recomputed = await recomputeDeadlinesForYear(ctx, calendar, year, input.noticeTitle);
  const recomputedPublications = await recomputePendingPublicationDueDates(
    ctx,
    calendar,
    year,
    input.noticeTitle,
  );
  const saved = await findCalendarYear(ctx.tx, year);
  if (!saved) throw notFound(`${year} 年节假日数据`);
  return { year: saved, days: exceptions, recomputed, recomputedPublications };
}
