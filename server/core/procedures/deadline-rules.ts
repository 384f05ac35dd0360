import type { DeadlineHistoryEvent, DeadlineStatus, DeadlineUnit } from '../../../contracts/procedures';
import { daysBetween, laterOf } from '../calendar/civil-dates';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { AppError } from '../errors';

export interface DeadlinePause {
  from: string;
  to: string | null;
  action: string;
  actionLabel: string;
  reason: string | null;
}

export interface DeadlineExtensionRecord {
  on: string;
  length: number;
  reason: string;
  approvedBy: string;
  approvedByUserId: string | null;
  action: string;
  citation: string | null;
}

export interface DeadlineHistoryEntry {
  on: string;
  event: DeadlineHistoryEvent;
  previousDueDate: string | null;
  dueDate: string | null;
  note: string;
}

/** A deadline as the engine works on it (a plain object, read from or written to `deadlines`). */
export interface DeadlineRecord {
  id: string;
  instanceId: string;
  organizationId: string;
  key: string;
  label: string;
  citation: string;
  startDate: string;
  length: number;
  unit: DeadlineUnit;
  dueDate: string | null;
  status: DeadlineStatus;
  pauses: DeadlinePause[];
  extensions: DeadlineExtensionRecord[];
  history: DeadlineHistoryEntry[];
  metAt: Date | null;
}

/**
 * The due date from the start date, the length plus approved extensions, and the spans of the
 * closed pauses that fall after the start (a pause moves the due date by the paused span: the
 * working days — or calendar days — after the pause began, up to and including the resume day).
 * Working days count from the day after the start; calendar-day periods end on the next working
 * day when they end on a rest day or holiday (民事诉讼法 art. 85). Throws CALENDAR_YEAR_MISSING.
 */
export function computeDueDate(
  calendar: WorkingDayCalendar,
  deadline: Pick<DeadlineRecord, 'startDate' | 'length' | 'unit' | 'pauses' | 'extensions'>,
): string {
  const extended = deadline.extensions.reduce((sum, extension) => sum + extension.length, 0);
  let paused = 0;
  for (const pause of deadline.pauses) {
    if (pause.to === null) continue;
    const from = laterOf(pause.from, deadline.startDate);
    if (pause.to <= from) continue;
    paused +=
      deadline.unit === 'workingDays'
        ? calendar.workingDaysBetween(from, pause.to)
        : daysBetween(from, pause.to);
  }
  const total = deadline.length + extended + paused;
  return deadline.unit === 'workingDays'
    ? calendar.addWorkingDays(deadline.startDate, total)
    : calendar.periodEnd(deadline.startDate, total);
}

/** The due date, or null with the reason when the calendar lacks a year it reaches (never guessed). */
export function tryComputeDueDate(
  calendar: WorkingDayCalendar,
  deadline: Pick<DeadlineRecord, 'startDate' | 'length' | 'unit' | 'pauses' | 'extensions'>,
): { dueDate: string | null; missing: string | null } {
  try {
    return { dueDate: computeDueDate(calendar, deadline), missing: null };
  } catch (error) {
    if (error instanceof AppError && error.code === 'CALENDAR_YEAR_MISSING') {
      return { dueDate: null, missing: error.message };
    }
    throw error;
  }
}

/** Open (or paused) and past its due date on `today`. */
export const isOverdue = (deadline: Pick<DeadlineRecord, 'status' | 'dueDate'>, today: string) =>
  deadline.status === 'open' && deadline.dueDate !== null && deadline.dueDate < today;
