import { z } from 'zod';

/** The API contract of the working-day calendar (DESIGN.md core mechanism 2), shared with the web app. */

/** True when `text` is a real calendar date written YYYY-MM-DD. */
export function isCivilDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

/** A civil date, YYYY-MM-DD (legal dates carry no time zone). */
export const civilDateSchema = (label = '日期') =>
  z
    .string({ message: `${label}必须是 YYYY-MM-DD 格式的日期` })
    .refine(isCivilDate, { message: `${label}必须是 YYYY-MM-DD 格式的有效日期` });

export const calendarDayKinds = ['holiday', 'workday'] as const;
export const calendarDayKindSchema = z.enum(calendarDayKinds);
export type CalendarDayKind = z.infer<typeof calendarDayKindSchema>;
export const calendarDayKindLabels: Record<CalendarDayKind, string> = {
  holiday: '法定节假日（放假）',
  workday: '调休上班日',
};

export const calendarSources = ['chinese-days', 'manual'] as const;
export const calendarSourceLabels: Record<(typeof calendarSources)[number], string> = {
  'chinese-days': '内置数据（chinese-days）',
  manual: '管理员录入',
};

export const calendarYearParamsSchema = z.object({
  year: z.coerce
    .number({ message: '年份必须是数字' })
    .int('年份必须是整数')
    .min(2000, '年份不能早于 2000 年')
    .max(2100, '年份不能晚于 2100 年'),
});

const namedDateSchema = (label: string) =>
  z.object({
    date: civilDateSchema(`${label}日期`),
    name: z
      .string({ message: `${label}名称必须填写` })
      .trim()
      .min(1, `${label}名称必须填写`)
      .max(40, `${label}名称不能超过 40 个字`),
  });

/** What an administrator enters from the State Council's notice for one year. */
export const calendarYearInputSchema = z.object({
  noticeTitle: z
    .string({ message: '通知标题必须填写' })
    .trim()
    .min(4, '通知标题必须填写，例如「国务院办公厅关于2027年部分节假日安排的通知」')
    .max(200, '通知标题不能超过 200 个字'),
  /** statutory holidays that fall on weekdays (weekend days of a holiday are rest days anyway) */
  holidays: z.array(namedDateSchema('放假'), { message: '放假日期必须是列表' }).max(60, '放假日期过多'),
  /** adjusted working days (调休上班) on weekends */
  workdays: z
    .array(namedDateSchema('调休上班'), { message: '调休上班日期必须是列表' })
    .max(30, '调休上班日期过多'),
});
export type CalendarYearInput = z.infer<typeof calendarYearInputSchema>;

export const calendarDaySchema = z.object({
  date: z.string(),
  kind: calendarDayKindSchema,
  kindLabel: z.string(),
  name: z.string(),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const calendarYearSummarySchema = z.object({
  year: z.number().int(),
  source: z.string(),
  sourceLabel: z.string(),
  noticeTitle: z.string().nullable(),
  revision: z.number().int(),
  holidayCount: z.number().int(),
  workdayCount: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type CalendarYearSummary = z.infer<typeof calendarYearSummarySchema>;

export const calendarYearListSchema = z.object({ items: z.array(calendarYearSummarySchema) });

export const calendarYearDetailSchema = calendarYearSummarySchema.extend({
  days: z.array(calendarDaySchema),
});
export type CalendarYearDetail = z.infer<typeof calendarYearDetailSchema>;

/** A deadline whose due date moved because a year was entered or corrected. */
export const recomputedDeadlineSchema = z.object({
  deadlineId: z.string(),
  instanceId: z.string(),
  label: z.string(),
  previousDueDate: z.string().nullable(),
  dueDate: z.string().nullable(),
});

/** A publication (or its withdrawal) whose due date, pending for want of the year, is now known. */
export const recomputedPublicationSchema = z.object({
  publicationId: z.string(),
  title: z.string(),
  which: z.enum(['publish', 'withdraw']),
  dueOn: z.string(),
});

export const calendarYearSavedSchema = z.object({
  year: calendarYearDetailSchema,
  recomputedDeadlines: z.array(recomputedDeadlineSchema),
  recomputedPublications: z.array(recomputedPublicationSchema),
});
export type CalendarYearSaved = z.infer<typeof calendarYearSavedSchema>;

const countSchema = (label: string) =>
  z.coerce
    .number({ message: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(0, `${label}不能为负数`)
    .max(3660, `${label}过大`);

export const workingDaysQuerySchema = z.object({
  from: civilDateSchema('起算日期'),
  n: countSchema('天数'),
});
export const isWorkingDayQuerySchema = z.object({ date: civilDateSchema('日期') });
export const workingDaysBetweenQuerySchema = z.object({
  from: civilDateSchema('起始日期'),
  to: civilDateSchema('截止日期'),
});

export const dateAnswerSchema = z.object({ date: z.string(), citation: z.string() });
export const isWorkingDayAnswerSchema = z.object({
  date: z.string(),
  isWorkingDay: z.boolean(),
  /** the holiday or adjusted working day's name, when the day is an exception */
  name: z.string().nullable(),
});
export const workingDaysBetweenAnswerSchema = z.object({
  from: z.string(),
  to: z.string(),
  workingDays: z.number(),
});

/** Why a period of calendar days ends on a working day: 民事诉讼法（2023）第八十五条. */
export const periodEndCitation = '《中华人民共和国民事诉讼法》第八十五条';
