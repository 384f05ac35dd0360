import { isCivilDate } from '../../../contracts/calendar';
import { AppError } from '../errors';

/**
 * Arithmetic on civil dates ('YYYY-MM-DD'). Legal dates carry no time zone, so every step works
 * on the date parts in UTC: the server's TZ can never shift a day.
 */

const dayMs = 86_400_000;

/** The date, or 400 naming `field` when it is not a real YYYY-MM-DD date. */
export function parseCivilDate(text: string, field = 'date'): string {
  if (!isCivilDate(text))
    throw new AppError('VALIDATION_FAILED', `日期「${text}」不是 YYYY-MM-DD 格式的有效日期`, field);
  return text;
}

function toUtc(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * dayMs);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / dayMs);
}

export const yearOf = (date: string) => Number(date.slice(0, 4));

/** Saturday or Sunday. */
export function isWeekend(date: string): boolean {
  const weekday = new Date(toUtc(date)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export const laterOf = (a: string, b: string) => (a > b ? a : b);

/** A civil date as Chinese readers write it: 2026-11-23 → 2026年11月23日. */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${String(year)}年${String(month)}月${String(day)}日`;
}
