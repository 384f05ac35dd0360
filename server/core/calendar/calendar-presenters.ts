import {
  calendarDayKindLabels,
  calendarSourceLabels,
  type CalendarDay,
  type CalendarYearDetail,
  type CalendarYearSummary,
} from '../../../contracts/calendar';
import type { CalendarYearRow } from './calendar-repository';
import type { CalendarException } from './working-day-calendar';

const sourceLabel = (source: string) =>
  source in calendarSourceLabels ? calendarSourceLabels[source as keyof typeof calendarSourceLabels] : source;

export function presentCalendarYearSummary(
  row: CalendarYearRow & { holidayCount: number; workdayCount: number },
): CalendarYearSummary {
  return {
    year: row.year,
    source: row.source,
    sourceLabel: sourceLabel(row.source),
    noticeTitle: row.noticeTitle,
    revision: row.revision,
    holidayCount: row.holidayCount,
    workdayCount: row.workdayCount,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentCalendarDay(day: CalendarException): CalendarDay {
  return { date: day.date, kind: day.kind, kindLabel: calendarDayKindLabels[day.kind], name: day.name };
}

export function presentCalendarYearDetail(input: {
  year: CalendarYearRow;
  days: CalendarException[];
}): CalendarYearDetail {
  return {
    ...presentCalendarYearSummary({
      ...input.year,
      holidayCount: input.days.filter((day) => day.kind === 'holiday').length,
      workdayCount: input.days.filter((day) => day.kind === 'workday').length,
    }),
    days: input.days.map(presentCalendarDay),
  };
}
