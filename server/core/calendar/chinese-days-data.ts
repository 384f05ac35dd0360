import { createRequire } from 'node:module';
import { isWeekend, yearOf } from './civil-dates';
import type { CalendarException } from './working-day-calendar';

/** The shape of chinese-days' data file: date → "English name,中文名,序号". */
interface ChineseDaysFile {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export interface OfficialYear {
  year: number;
  noticeTitle: string;
  exceptions: CalendarException[];
}

const chineseName = (entry: string) => entry.split(',')[1]?.trim() || entry;

/**
 * The years the chinese-days package covers (2004–2026 in 1.5.x), reduced to the exceptions to
 * Monday–Friday: holidays on weekdays and adjusted working days (调休上班) on weekends. Its
 * holiday list also names weekend days inside a holiday; those are rest days anyway.
 */
export function readChineseDays(): OfficialYear[] {
  // createRequire: the package ships JSON without an exports map, and Node's ESM needs an import
  // attribute for JSON that the bundle would not keep.
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysFile;
  const byYear = new Map<number, CalendarException[]>();
  const add = (date: string, exception: CalendarException) => {
    const list = byYear.get(yearOf(date)) ?? [];
    list.push(exception);
    byYear.set(yearOf(date), list);
  };
  for (const [date, entry] of Object.entries(data.holidays)) {
    if (!isWeekend(date)) add(date, { date, kind: 'holiday', name: chineseName(entry) });
    else if (!byYear.has(yearOf(date))) byYear.set(yearOf(date), []);
  }
  for (const [date, entry] of Object.entries(data.workdays)) {
    if (isWeekend(date)) add(date, { date, kind: 'workday', name: chineseName(entry) });
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, exceptions]) => ({
      year,
      noticeTitle: `国务院办公厅关于${year}年部分节假日安排的通知`,
      exceptions: exceptions.sort((a, b) => a.date.localeCompare(b.date)),
    }));
}
