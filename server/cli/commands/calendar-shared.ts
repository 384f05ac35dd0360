import { isCivilDate } from '../../../contracts/calendar';
import { ensureCalendarLoaded } from '../../core/calendar/ensure-calendar-loaded';
import { loadWorkingDayCalendar } from '../../core/calendar/load-calendar';
import type { WorkingDayCalendar } from '../../core/calendar/working-day-calendar';
import { loadConfig } from '../../core/config';
import { AppError } from '../../core/errors';
import { createLogger } from '../../core/logger';
import { openPlatform } from '../../core/startup';

export interface CalendarCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: CalendarCommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** A DATE argument, or a Chinese refusal. */
export function dateArgument(value: string | undefined): string {
  if (value === undefined) throw new AppError('VALIDATION_FAILED', '缺少日期参数（格式 YYYY-MM-DD）', 'date');
  if (!isCivilDate(value))
    throw new AppError('VALIDATION_FAILED', `「${value}」不是 YYYY-MM-DD 格式的有效日期`, 'date');
  return value;
}

/** An N argument: a whole number of days, 0 or more. */
export function countArgument(value: string | undefined): number {
  if (value === undefined) throw new AppError('VALIDATION_FAILED', '缺少天数参数 N', 'n');
  if (!/^\d{1,4}$/.test(value))
    throw new AppError('VALIDATION_FAILED', `天数「${value}」必须是不小于 0 的整数`, 'n');
  return Number(value);
}

/**
 * Parses the arguments (`prepare`), then opens the configured database, makes sure the official
 * calendar is loaded, and prints the answer on the first line. Bad input or a year without
 * holiday data exits 2 with a Chinese message.
 */
export async function runCalendarCommand(
  usage: string,
  prepare: () => (calendar: WorkingDayCalendar) => string,
  io: CalendarCommandIo = processIo,
): Promise<number> {
  try {
    const compute = prepare();
    const config = loadConfig();
    const platform = await openPlatform(config, { logger: createLogger('warn') });
    try {
      await ensureCalendarLoaded(platform.deps);
      const calendar = await loadWorkingDayCalendar(platform.deps.db);
      io.stdout(`${compute(calendar)}\n`);
      return 0;
    } finally {
      await platform.close();
    }
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === 'VALIDATION_FAILED' || error.code === 'CALENDAR_YEAR_MISSING')
    ) {
      io.stderr(`${error.message}\n${error.code === 'VALIDATION_FAILED' ? `用法：fazhi ${usage}\n` : ''}`);
      return 2;
    }
    throw error;
  }
}
