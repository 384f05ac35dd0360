import type { CalendarDayKind } from '../../../contracts/calendar';
import { AppError } from '../errors';
import { parseCivilDate, yearOf } from './civil-dates';

export interface CalendarException {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/** The error for a computation that reaches a year the calendar holds no official data for. */
export function calendarYearMissing(year: number): AppError {
  return new AppError(
    'CALENDAR_YEAR_MISSING',
    `缺少 ${year} 年节假日数据，请管理员先录入国务院办公厅当年的节假日安排`,
    'date',
    { year },
  );
}

const restDay = 0;
const workingDay = 1;
const missingYear = 2;
const dayMs = 86_400_000;

/** Days since 1970-01-01 of a well-formed civil date (UTC arithmetic: no time zone can shift it). */
function epochDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / dayMs;
}

function fromEpochDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** Longest run of days a computation walks before giving up (ten years): a guard against runaway loops. */
const maxWalk = 3660;

/**
 * The pure working-day calculator over the years the calendar holds. Monday to Friday are working
 * days except statutory holidays; Saturdays and Sundays are rest days except adjusted working days
 * (调休上班). Any day in a year without data is refused, never guessed.
 */
export class WorkingDayCalendar {
  private readonly years: ReadonlySet<number>;
  private readonly exceptions: ReadonlyMap<string, CalendarException>;

  /** One flag per day from 1 January of the first held year: working, rest, or year missing. */
  private readonly flags: Uint8Array;
  private readonly firstDay: number;

  constructor(years: Iterable<number>, exceptions: Iterable<CalendarException>) {
    this.years = new Set(years);
    this.exceptions = new Map([...exceptions].map((exception) => [exception.date, exception]));
    const held = this.heldYears();
    const first = held[0] ?? 2000;
    const last = held[held.length - 1] ?? first - 1;
    this.firstDay = epochDay(`${first}-01-01`);
    const length = Math.max(0, epochDay(`${last}-12-31`) - this.firstDay + 1);
    this.flags = new Uint8Array(length).fill(missingYear);
    for (const year of held) {
      for (let day = epochDay(`${year}-01-01`); day <= epochDay(`${year}-12-31`); day += 1) {
        const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
        this.flags[day - this.firstDay] = weekday === 0 || weekday === 6 ? restDay : workingDay;
      }
    }
    for (const exception of this.exceptions.values()) {
      const index = epochDay(exception.date) - this.firstDay;
      if (index >= 0 && index < length && this.years.has(yearOf(exception.date))) {
        this.flags[index] = exception.kind === 'workday' ? workingDay : restDay;
      }
    }
  }

  /** Whether the day (days since 1970-01-01) is a working day; refuses a day in a year without data. */
  private isWorkingEpochDay(day: number): boolean {
    const flag = this.flags[day - this.firstDay] ?? missingYear;
    if (flag === missingYear) throw calendarYearMissing(yearOf(fromEpochDay(day)));
    return flag === workingDay;
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  /** The years held, ascending. */
  heldYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  private requireYear(date: string): void {
    const year = yearOf(date);
    if (!this.years.has(year)) throw calendarYearMissing(year);
  }

  /** The holiday or adjusted working day on `date`, if it is one. */
  exceptionOn(date: string): CalendarException | null {
    parseCivilDate(date);
    this.requireYear(date);
    return this.exceptions.get(date) ?? null;
  }

  isWorkingDay(date: string): boolean {
    parseCivilDate(date);
    return this.isWorkingDayOfValidDate(date);
  }

  private isWorkingDayOfValidDate(date: string): boolean {
    return this.isWorkingEpochDay(epochDay(date));
  }

  /** The Nth working day after `date`; the start day itself is not counted. N = 0 gives `date`. */
  addWorkingDays(date: string, n: number): string {
    parseCivilDate(date);
    requireCount(n);
    this.requireYear(date);
    let current = epochDay(date);
    let remaining = n;
    for (let walked = 0; remaining > 0; walked += 1) {
      if (walked > maxWalk) throw new AppError('VALIDATION_FAILED', '天数过大', 'n');
      current += 1;
      if (this.isWorkingEpochDay(current)) remaining -= 1;
    }
    return fromEpochDay(current);
  }

  /**
   * The end of a period of N calendar days from `date`. 《中华人民共和国民事诉讼法》（2023）第八十五条:
   * the day the period starts is not counted (期间开始的时和日，不计算在期间内), and a period whose
   * last day is a statutory holiday ends on the first day after it (以法定休假日后的第一日为期间届满的日期)
   * — read, as courts and agencies do, as the next working day, so weekends and 调休 count too.
   */
  periodEnd(date: string, n: number): string {
    parseCivilDate(date);
    requireCount(n);
    this.requireYear(date);
    let current = epochDay(date) + n;
    for (let walked = 0; !this.isWorkingEpochDay(current); walked += 1) {
      if (walked > maxWalk) throw new AppError('VALIDATION_FAILED', '天数过大', 'n');
      current += 1;
    }
    return fromEpochDay(current);
  }

  /** Working days d with from < d ≤ to (negative when `to` is before `from`). */
  workingDaysBetween(from: string, to: string): number {
    parseCivilDate(from, 'from');
    parseCivilDate(to, 'to');
    if (to < from) return -this.workingDaysBetween(to, from);
    this.requireYear(from);
    let count = 0;
    const last = epochDay(to);
    for (let current = epochDay(from) + 1; current <= last; current += 1) {
      if (this.isWorkingEpochDay(current)) count += 1;
    }
    return count;
  }

  /**
   * For display filters only (「即将到期」 lists), never for a legal deadline: like addWorkingDays,
   * but a day in a year without data counts as a working day when it is Monday to Friday instead
   * of being refused. The horizon then errs only by a few holidays, which at most shows a case
   * as due soon a little early; every due date it is compared with was computed exactly.
   */
  approximateAddWorkingDays(date: string, n: number): string {
    parseCivilDate(date);
    requireCount(n);
    let current = epochDay(date);
    for (let remaining = n; remaining > 0;) {
      current += 1;
      const flag = this.flags[current - this.firstDay] ?? missingYear;
      const weekday = (current + 4) % 7; // 1970-01-01 was a Thursday
      const working = flag === missingYear ? weekday !== 0 && weekday !== 6 : flag === workingDay;
      if (working) remaining -= 1;
    }
    return fromEpochDay(current);
  }
}

function requireCount(n: number): void {
  if (!Number.isInteger(n) || n < 0)
    throw new AppError('VALIDATION_FAILED', '天数必须是不小于 0 的整数', 'n');
  if (n > maxWalk) throw new AppError('VALIDATION_FAILED', `天数不能超过 ${maxWalk}`, 'n');
}
