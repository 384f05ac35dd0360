import {
  calendarYearDetailSchema,
  calendarYearInputSchema,
  calendarYearListSchema,
  calendarYearParamsSchema,
  calendarYearSavedSchema,
  dateAnswerSchema,
  isWorkingDayAnswerSchema,
  isWorkingDayQuerySchema,
  periodEndCitation,
  workingDaysBetweenAnswerSchema,
  workingDaysBetweenQuerySchema,
  workingDaysQuerySchema,
} from '../../../contracts/calendar';
import { inTransaction, readContext, type Deps } from '../context';
import { presentCalendarYearDetail, presentCalendarYearSummary } from './calendar-presenters';
import { getCalendarYear, listCalendarYears, saveCalendarYear } from './calendar-service';
import { loadWorkingDayCalendar } from './load-calendar';
import { type App, errorShape } from '../route-kit';

const tags = ['工作日历'];
const computeErrors = { 400: errorShape, 422: errorShape };
const adminErrors = { 400: errorShape, 401: errorShape, 403: errorShape, 404: errorShape };

/** The working-day calendar: public calculators; the years' data for the system administrator. */
export function registerCalendarRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/calendar/working-days',
    {
      schema: {
        tags,
        summary: '第 N 个工作日：起算日之后的第 N 个工作日（起算日不计入）',
        querystring: workingDaysQuerySchema,
        response: { 200: dateAnswerSchema, ...computeErrors },
      },
    },
    async (request) => {
      const calendar = await loadWorkingDayCalendar(deps.db);
      return {
        date: calendar.addWorkingDays(request.query.from, request.query.n),
        citation: '起算当日不计入，法定节假日不计入，调休上班日计入',
      };
    },
  );

  app.get(
    '/api/calendar/period-end',
    {
      schema: {
        tags,
        summary: '期间届满日：起算日加 N 日，届满日为休息日或法定节假日的顺延至其后第一个工作日',
        querystring: workingDaysQuerySchema,
        response: { 200: dateAnswerSchema, ...computeErrors },
      },
    },
    async (request) => {
      const calendar = await loadWorkingDayCalendar(deps.db);
      return { date: calendar.periodEnd(request.query.from, request.query.n), citation: periodEndCitation };
    },
  );

  app.get(
    '/api/calendar/is-working-day',
    {
      schema: {
        tags,
        summary: '某日是否为工作日',
        querystring: isWorkingDayQuerySchema,
        response: { 200: isWorkingDayAnswerSchema, ...computeErrors },
      },
    },
    async (request) => {
      const calendar = await loadWorkingDayCalendar(deps.db);
      const { date } = request.query;
      return {
        date,
        isWorkingDay: calendar.isWorkingDay(date),
        name: calendar.exceptionOn(date)?.name ?? null,
      };
    },
  );

  app.get(
    '/api/calendar/working-days-between',
    {
      schema: {
        tags,
        summary: '两日之间的工作日数（不含起始日，含截止日）',
        querystring: workingDaysBetweenQuerySchema,
        response: { 200: workingDaysBetweenAnswerSchema, ...computeErrors },
      },
    },
    async (request) => {
      const calendar = await loadWorkingDayCalendar(deps.db);
      const { from, to } = request.query;
      return { from, to, workingDays: calendar.workingDaysBetween(from, to) };
    },
  );

  app.get(
    '/api/calendar/years',
    {
      schema: {
        tags,
        summary: '已有节假日数据的年份（系统管理员）',
        security: [{ session: [] }],
        response: { 200: calendarYearListSchema, ...adminErrors },
      },
    },
    async (request) => ({
      items: (await listCalendarYears(readContext(deps, request.actor))).map(presentCalendarYearSummary),
    }),
  );

  app.get(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '某年的放假和调休上班日期（系统管理员）',
        security: [{ session: [] }],
        params: calendarYearParamsSchema,
        response: { 200: calendarYearDetailSchema, ...adminErrors },
      },
    },
    async (request) =>
      presentCalendarYearDetail(await getCalendarYear(readContext(deps, request.actor), request.params.year)),
  );

  app.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '录入或更正某年的节假日安排（系统管理员）',
        description:
          '按国务院办公厅当年的节假日安排通知录入：放假日期只列工作日中的放假日，调休上班日期只列周末。保存后，所有涉及该年的未办结期限将重新计算，每一项变化都记入审计日志。',
        security: [{ session: [] }],
        params: calendarYearParamsSchema,
        body: calendarYearInputSchema,
        response: { 200: calendarYearSavedSchema, ...adminErrors },
      },
    },
    async (request) => {
      const saved = await inTransaction(deps, request.actor, (ctx) =>
        saveCalendarYear(ctx, request.params.year, request.body),
      );
      return {
        year: presentCalendarYearDetail(saved),
        recomputedDeadlines: saved.recomputed,
        recomputedPublications: saved.recomputedPublications,
      };
    },
  );
  return Promise.resolve();
}
