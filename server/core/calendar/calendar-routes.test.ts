import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles';
import { buildApp, type App } from '../../http/build-app';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { testDatabaseKinds } from '../../test/test-databases';
import { organizations } from '../../modules/org/org-tables';
import { auditEvents } from '../audit/audit-tables';
import { inTransaction, type Actor } from '../context';
import { registerProcedure } from '../procedures/procedure-registry';
import { startProcedure } from '../procedures/procedure-service';
import { disclosureRequestProcedure } from '../procedures/sample/disclosure-request-procedure';
import { calendarYears } from './calendar-tables';
import { ensureCalendarLoaded } from './ensure-calendar-loaded';

/* The actor comes from a test header until server/test/factories.ts (signedInAs) exists. */
const cityId = randomUUID();
const cityPath = `/${cityId}/`;
const actorWith = (role: Role): Actor => ({
  userId: randomUUID(),
  username: `${role}-tester`,
  displayName: role === 'systemAdmin' ? '系统管理员甲' : '王科员',
  roles: [{ role, organizationId: cityId, organizationPath: cityPath }],
  activeOrganizationId: cityId,
});
const actors = {
  admin: actorWith('systemAdmin'),
  officer: actorWith('officer'),
  auditor: actorWith('auditAdmin'),
};
type Who = keyof typeof actors;

const notice2027 = '国务院办公厅关于2027年部分节假日安排的通知';
/** Test data only: New Year's Day 2027 (a Friday). */
const entry2027 = { noticeTitle: notice2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] };

describe.each(testDatabaseKinds())('working-day calendar API on %s', (database) => {
  let platform: TestPlatform;
  let app: App;
  const get = (url: string, who?: Who) =>
    app.inject({ method: 'GET', url, headers: who ? { 'x-test-actor': who } : {} });
  const put = (year: number, payload: unknown, who: Who = 'admin') =>
    app.inject({
      method: 'PUT',
      url: `/api/calendar/years/${year}`,
      headers: { 'x-test-actor': who },
      payload: payload as Record<string, unknown>,
    });
  const auditRows = (action: string) =>
    platform.deps.db
      .select({ entityId: auditEvents.entityId, change: auditEvents.change })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantCode, platform.config.tenantCode), eq(auditEvents.action, action)))
      .orderBy(auditEvents.seq);

  beforeAll(async () => {
    registerProcedure(disclosureRequestProcedure);
    platform = await buildTestPlatform({ database, now: '2026-12-10T09:00:00+08:00' });
    app = await buildApp(platform.deps, { rateLimitPerMinute: 100_000 });
    app.addHook('preHandler', (request, _reply, done) => {
      const who = request.headers['x-test-actor'];
      if (typeof who === 'string' && who in actors) request.actor = actors[who as Who];
      done();
    });
    await app.ready();
    await platform.deps.db.insert(organizations).values({
      tenantCode: platform.config.tenantCode,
      id: cityId,
      path: cityPath,
      jurisdictionCode: '410300',
      name: '示范市人民政府办公室',
      kind: 'department',
    });
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('loads 2004–2026 from chinese-days on first start, and does nothing on a later start', async () => {
    expect(await ensureCalendarLoaded(platform.deps)).toEqual(['节假日数据：已载入 2004–2026 年']);
    const startedAt = performance.now();
    expect(await ensureCalendarLoaded(platform.deps)).toEqual([]);
    expect(performance.now() - startedAt).toBeLessThan(500);
    expect(await platform.deps.db.select().from(calendarYears)).toHaveLength(23);
    expect(await auditRows('calendar.load')).toHaveLength(0);
  });

  it('answers the public calculators and refuses a computation into 2027 with 422', async () => {
    expect((await get('/api/calendar/working-days?from=2026-09-28&n=5')).json().date).toBe('2026-10-10');
    expect((await get('/api/calendar/period-end?from=2026-09-24&n=7')).json()).toEqual({
      date: '2026-10-08',
      citation: '《中华人民共和国民事诉讼法》第八十五条',
    });
    expect((await get('/api/calendar/is-working-day?date=2025-02-08')).json()).toEqual({
      date: '2025-02-08',
      isWorkingDay: true,
      name: '春节',
    });
    expect(
      (await get('/api/calendar/working-days-between?from=2026-09-28&to=2026-10-30')).json().workingDays,
    ).toBe(20);
    const missing = await get('/api/calendar/working-days?from=2026-12-25&n=5');
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({
      code: 'CALENDAR_YEAR_MISSING',
      message: '缺少 2027 年节假日数据，请管理员先录入国务院办公厅当年的节假日安排',
      field: 'date',
    });
    const bad = await get('/api/calendar/working-days?from=2026-02-30&n=5');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('from');
  });

  it('keeps the year data to the system administrator and validates an entry field by field', async () => {
    expect((await get('/api/calendar/years', 'officer')).statusCode).toBe(403);
    expect((await get('/api/calendar/years')).statusCode).toBe(401);
    expect((await put(2027, entry2027, 'auditor')).statusCode).toBe(403);
    const years = (await get('/api/calendar/years', 'admin')).json().items;
    expect(years.map((year: { year: number }) => year.year)).toContain(2026);
    const detail = (await get('/api/calendar/years/2026', 'admin')).json();
    expect(detail.days).toContainEqual({
      date: '2026-10-10',
      kind: 'workday',
      kindLabel: '调休上班日',
      name: '国庆节',
    });
    expect((await get('/api/calendar/years/2027', 'admin')).statusCode).toBe(404);

    const outsideYear = await put(2027, { ...entry2027, holidays: [{ date: '2026-12-31', name: '元旦' }] });
    expect(outsideYear.statusCode).toBe(400);
    expect(outsideYear.json()).toMatchObject({
      field: 'holidays.0.date',
      message: '放假日期 2026-12-31 不在 2027 年内',
    });
    const weekendHoliday = await put(2027, {
      ...entry2027,
      holidays: [{ date: '2027-01-02', name: '元旦' }],
    });
    expect(weekendHoliday.json()).toMatchObject({ field: 'holidays.0.date' });
    const weekdayWorkday = await put(2027, {
      ...entry2027,
      workdays: [{ date: '2027-01-04', name: '元旦' }],
    });
    expect(weekdayWorkday.json()).toMatchObject({ field: 'workdays.0.date' });
    const noTitle = await put(2027, { holidays: [], workdays: [] });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().field).toBe('noticeTitle');
    const badDate = await put(2027, { ...entry2027, holidays: [{ date: '2027-02-30', name: '春节' }] });
    expect(badDate.json().field).toBe('holidays.0.date');
    expect((await get('/api/calendar/years/2027', 'admin')).statusCode).toBe(404);
  });

  it('after 2027 is entered, computes into it and recomputes the open deadlines that reach it, each logged', async () => {
    const crossing = await inTransaction(platform.deps, actors.officer, (ctx) =>
      startProcedure(ctx, {
        procedureKey: disclosureRequestProcedure.key,
        subjectType: 'disclosureRequest',
        subjectId: 'YSQ-2026-120',
        organizationId: cityId,
        fields: { applicantName: '钱某', information: '本市2026年重大行政决策目录' },
      }),
    );
    const [pending] = crossing.deadlines;
    // 10 December + 20 working days reaches January 2027, which has no data: no date is guessed.
    expect(pending).toMatchObject({ key: 'reply', dueDate: null, status: 'open' });
    expect(pending?.history[0]?.note).toMatch(/到期日待定：缺少 2027 年节假日数据/);
    // The 「即将到期」 list, a display filter reaching 2027, approximates rather than refuses.
    const dueSoon = await get('/api/deadlines?status=dueSoon&withinWorkingDays=20', 'officer');
    expect(dueSoon.statusCode, dueSoon.body).toBe(200);
    expect(dueSoon.json().items).toEqual([]);

    const entered = await put(2027, entry2027);
    expect(entered.statusCode).toBe(200);
    expect(entered.json().year).toMatchObject({
      year: 2027,
      source: 'manual',
      noticeTitle: notice2027,
      holidayCount: 1,
    });
    // 11–31 December: 15 working days; 1 January off; 4–8 January: the 20th is Friday 8 January.
    expect(entered.json().recomputedDeadlines).toEqual([
      expect.objectContaining({
        instanceId: crossing.instance.id,
        previousDueDate: null,
        dueDate: '2027-01-08',
      }),
    ]);
    expect((await get('/api/calendar/working-days?from=2026-12-25&n=5')).json().date).toBe('2027-01-04');

    const corrected = await put(2027, {
      ...entry2027,
      holidays: [...entry2027.holidays, { date: '2027-01-04', name: '元旦（测试更正）' }],
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().year.revision).toBe(2);
    expect(corrected.json().recomputedDeadlines).toEqual([
      expect.objectContaining({ previousDueDate: '2027-01-08', dueDate: '2027-01-11' }),
    ]);
    expect((await get('/api/calendar/working-days?from=2026-12-25&n=5')).json().date).toBe('2027-01-05');

    const logged = await auditRows('deadline.recompute');
    expect(logged.map((row) => row.change)).toEqual([
      expect.objectContaining({ year: 2027, before: { dueDate: null }, after: { dueDate: '2027-01-08' } }),
      expect.objectContaining({
        year: 2027,
        before: { dueDate: '2027-01-08' },
        after: { dueDate: '2027-01-11' },
      }),
    ]);
    expect((await auditRows('calendar.enterYear')).map((row) => row.entityId)).toEqual(['2027']);
    expect((await auditRows('calendar.correctYear')).map((row) => row.entityId)).toEqual(['2027']);

    const view = (await get(`/api/procedures/${crossing.instance.id}`, 'officer')).json();
    expect(view.deadlines[0]).toMatchObject({ dueDate: '2027-01-11' });
    expect(view.deadlines[0].history.map((entry: { event: string }) => entry.event)).toEqual([
      'start',
      'recompute',
      'recompute',
    ]);
  });
});
