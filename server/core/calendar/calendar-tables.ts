import { date, pgTable, text, integer, varchar } from 'drizzle-orm/pg-core';
import { instant, updatedAt } from '../db/columns';

/** A year the calendar holds official data for. A computation into a year not listed here is refused. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  /** chinese-days | manual */
  source: varchar('source', { length: 24 }).notNull(),
  /** 国务院办公厅关于X年部分节假日安排的通知 */
  noticeTitle: text('notice_title'),
  /** bumped by every edit, so a cached calendar in any process sees the change */
  revision: integer('revision').notNull().default(1),
  updatedBy: text('updated_by'),
  updatedAt: updatedAt(),
});

/** The exceptions to Monday–Friday: statutory holidays on weekdays and adjusted working days (调休) on weekends. */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  /** holiday | workday */
  kind: varchar('kind', { length: 8 }).notNull(),
  name: text('name').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
});
