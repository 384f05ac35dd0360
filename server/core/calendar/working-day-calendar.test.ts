import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { readChineseDays } from './chinese-days-data';
import { WorkingDayCalendar } from './working-day-calendar';

const official = readChineseDays();
const calendar = new WorkingDayCalendar(
  official.map((year) => year.year),
  official.flatMap((year) => year.exceptions),
);

function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('official data from chinese-days', () => {
  it('covers 2004–2026 and keeps only the exceptions to Monday–Friday, with their Chinese names', () => {
    expect(official[0]?.year).toBe(2004);
    expect(official.at(-1)?.year).toBe(2026);
    const year2026 = official.find((year) => year.year === 2026);
    // 国办发明电〔2025〕7号: 国庆节 10月1日至7日放假，9月20日（周日）、10月10日（周六）上班.
    expect(year2026?.exceptions.filter((day) => day.name === '国庆节')).toEqual([
      { date: '2026-09-20', kind: 'workday', name: '国庆节' },
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-05', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-06', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-07', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-10', kind: 'workday', name: '国庆节' },
    ]);
  });
});

describe('WorkingDayCalendar', () => {
  it('treats the National Day week 2026 as rest days and its 调休 Saturday as a working day', () => {
    expect(calendar.isWorkingDay('2026-09-30')).toBe(true);
    for (const day of ['01', '02', '03', '04', '05', '06', '07']) {
      expect(calendar.isWorkingDay(`2026-10-${day}`)).toBe(false);
    }
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
  });

  it('counts 2025 Spring Festival 调休 days (Sunday 26 January, Saturday 8 February) as working days', () => {
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
    expect(calendar.isWorkingDay('2025-01-28')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-04')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-05')).toBe(true);
    expect(calendar.addWorkingDays('2025-02-06', 2)).toBe('2025-02-08');
  });

  it('lands a deadline of N working days across the National Day holiday 2026 on the right date', () => {
    // Mon 28 Sep; 29, 30 Sep; Oct 1–7 off; Thu 8, Fri 9, Sat 10 (调休上班) → the 5th working day.
    expect(calendar.addWorkingDays('2026-09-28', 5)).toBe('2026-10-10');
    // 20 working days (政府信息公开条例 art. 33): 29–30 Sep (2), 8–10 Oct (5), 12–16 (10), 19–23 (15), 26–30 (20).
    expect(calendar.addWorkingDays('2026-09-28', 20)).toBe('2026-10-30');
    expect(calendar.addWorkingDays('2026-09-28', 0)).toBe('2026-09-28');
    expect(calendar.workingDaysBetween('2026-09-28', '2026-10-30')).toBe(20);
    expect(calendar.workingDaysBetween('2026-10-30', '2026-09-28')).toBe(-20);
  });

  it('moves a calendar-day period ending on a holiday or rest day to the next working day (民事诉讼法 art. 85)', () => {
    expect(calendar.periodEnd('2026-09-24', 7)).toBe('2026-10-08');
    expect(calendar.periodEnd('2026-10-03', 7)).toBe('2026-10-10');
    expect(calendar.periodEnd('2026-10-12', 5)).toBe('2026-10-19');
    expect(calendar.periodEnd('2026-10-12', 3)).toBe('2026-10-15');
  });

  it('refuses any computation that reaches into a year with no official data (2027), never guessing', () => {
    const error = refusal(() => calendar.addWorkingDays('2026-12-25', 5));
    expect(error.code).toBe('CALENDAR_YEAR_MISSING');
    expect(error.message).toBe('缺少 2027 年节假日数据，请管理员先录入国务院办公厅当年的节假日安排');
    expect(refusal(() => calendar.isWorkingDay('2027-01-04')).code).toBe('CALENDAR_YEAR_MISSING');
    expect(refusal(() => calendar.periodEnd('2026-12-20', 20)).code).toBe('CALENDAR_YEAR_MISSING');
    expect(refusal(() => calendar.isWorkingDay('2003-12-31')).code).toBe('CALENDAR_YEAR_MISSING');
    expect(calendar.addWorkingDays('2026-12-25', 4)).toBe('2026-12-31');
  });

  it('refuses malformed dates and counts with a validation error naming the field', () => {
    expect(refusal(() => calendar.isWorkingDay('2026-02-30')).code).toBe('VALIDATION_FAILED');
    expect(refusal(() => calendar.addWorkingDays('2026-10-01', -1)).field).toBe('n');
    expect(refusal(() => calendar.addWorkingDays('2026-10-01', 1.5)).field).toBe('n');
  });

  it('does arithmetic on civil dates, whatever the process time zone', () => {
    expect(process.env.TZ).toBe('Asia/Shanghai');
    expect(calendar.addWorkingDays('2026-03-27', 1)).toBe('2026-03-30');
    expect(calendar.periodEnd('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('approximateAddWorkingDays (display filters only)', () => {
  it('matches addWorkingDays within the held years, holidays and 调休 included', () => {
    expect(calendar.approximateAddWorkingDays('2026-09-28', 7)).toBe(
      calendar.addWorkingDays('2026-09-28', 7),
    );
    expect(calendar.approximateAddWorkingDays('2026-12-04', 3)).toBe('2026-12-09');
  });

  it('counts Monday to Friday in a year without data instead of refusing', () => {
    expect(refusal(() => calendar.addWorkingDays('2026-12-28', 5)).code).toBe('CALENDAR_YEAR_MISSING');
    // 29, 30, 31 December 2026 (held); then Friday 1 and Monday 4 January 2027 (no data: weekdays)
    expect(calendar.approximateAddWorkingDays('2026-12-28', 5)).toBe('2027-01-04');
    expect(calendar.approximateAddWorkingDays('2027-03-05', 1)).toBe('2027-03-08');
  });
});
