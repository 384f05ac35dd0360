import type { CalendarYearInput } from '../../../contracts/calendar';
import { AppError } from '../errors';
import { isWeekend, yearOf } from './civil-dates';
import type { CalendarException } from './working-day-calendar';

/**
 * The exceptions a year's entry declares, checked the way the State Council's notice reads:
 * every date inside the year, no date twice, holidays on weekdays (a weekend day inside a holiday
 * is a rest day anyway — listing it would change nothing), adjusted working days (调休上班) on
 * weekends. The first problem is refused with 400 naming the field.
 */
export function exceptionsFromInput(year: number, input: CalendarYearInput): CalendarException[] {
  const seen = new Map<string, string>();
  const exceptions: CalendarException[] = [];
  const check = (list: 'holidays' | 'workdays', index: number, date: string) => {
    const field = `${list}.${index}.date`;
    const label = list === 'holidays' ? '放假日期' : '调休上班日期';
    if (yearOf(date) !== year) {
      throw new AppError('VALIDATION_FAILED', `${label} ${date} 不在 ${year} 年内`, field);
    }
    const earlier = seen.get(date);
    if (earlier) throw new AppError('VALIDATION_FAILED', `${date} 重复出现（已列于${earlier}）`, field);
    seen.set(date, label);
    if (list === 'holidays' && isWeekend(date)) {
      throw new AppError('VALIDATION_FAILED', `放假日期 ${date} 是周末，本来就是休息日，无需列出`, field);
    }
    if (list === 'workdays' && !isWeekend(date)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `调休上班日期 ${date} 不是周末，本来就是工作日，无需列出`,
        field,
      );
    }
  };
  input.holidays.forEach((day, index) => {
    check('holidays', index, day.date);
    exceptions.push({ date: day.date, kind: 'holiday', name: day.name });
  });
  input.workdays.forEach((day, index) => {
    check('workdays', index, day.date);
    exceptions.push({ date: day.date, kind: 'workday', name: day.name });
  });
  return exceptions.sort((a, b) => a.date.localeCompare(b.date));
}
