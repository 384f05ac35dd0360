import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarYearSaved } from '../../../contracts/calendar';
import type { PublicationConsoleView, PublicationTimeliness } from '../../../contracts/publicity';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { createTestOrganization, createTestUser, signIn, type TestUser } from '../../test/factories';
import { httpCaller } from '../../test/http-call';
import { auditEvents } from '../audit/audit-tables';
import { ensureCalendarLoaded } from '../calendar/ensure-calendar-loaded';
import { inTransaction } from '../context';
import { createPublication, type CreatePublicationInput } from './publication-service';

/**
 * A publication whose period reaches a year the calendar holds no data for (2027 is not published
 * in the 2026 data): its due date stays pending — never guessed, nothing refused — is neither on
 * time, late nor overdue until known, and is computed when an administrator enters the year.
 */

type Body = PublicationConsoleView & { code?: string; message?: string };

const notice2027 = '国务院办公厅关于2027年部分节假日安排的通知';
/** Test data only: New Year's Day 2027 (a Friday). */
const entry2027 = { noticeTitle: notice2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] };

describe('publication due dates pending for a year without holiday data', () => {
  let platform: TestPlatform;
  let market: { id: string };
  const users = {} as Record<'officer' | 'head' | 'admin', TestUser>;
  const headers = {} as Record<keyof typeof users, { cookie: string }>;
  const call = httpCaller(() => platform);
  const create = (input: Partial<CreatePublicationInput> & { subjectId: string }) =>
    inTransaction(platform.deps, null, (ctx) =>
      createPublication(ctx, {
        subjectType: 'enforcementCase',
        organizationId: market.id,
        kind: 'penalty',
        field: 'marketSupervision',
        title: `示范市市场监督管理局行政处罚决定书（${input.subjectId}）`,
        content: { 违法事实: '某食品店无证经营食品。', 处罚结果: '罚款人民币五千元。' },
        decidedOn: '2026-12-04',
        ...input,
      }),
    );
  const moveTo = async (instant: string) => {
    platform.clock.set(instant);
    for (const key of Object.keys(users) as (keyof typeof users)[]) {
      headers[key] = (await signIn(platform, users[key].username)).headers;
    }
  };
  const timeliness = () =>
    call<PublicationTimeliness>(
      headers.head,
      'GET',
      `/api/publications/timeliness?from=2026-11-01&to=2027-12-31&organizationId=${market.id}`,
    );

  beforeAll(async () => {
    platform = await buildTestPlatform({ now: '2026-12-04T09:00:00+08:00' });
    await ensureCalendarLoaded(platform.deps);
    const city = await createTestOrganization(platform, {
      name: '示范市人民政府',
      jurisdictionCode: '410300',
    });
    market = await createTestOrganization(platform, {
      name: '示范市市场监督管理局',
      parentId: city.id,
      kind: 'enforcementBody',
    });
    users.officer = await createTestUser(platform, { role: 'officer', organizationId: market.id });
    users.head = await createTestUser(platform, { role: 'agencyHead', organizationId: market.id });
    users.admin = await createTestUser(platform, { role: 'systemAdmin', organizationId: city.id });
    await moveTo('2026-12-04T09:00:00+08:00');
  }, 120_000);
  afterAll(async () => platform.close());

  let crossing: PublicationConsoleView;
  let waiting: PublicationConsoleView;
  let known: PublicationConsoleView;

  it('leaves the due date pending when the period reaches 2027, and still creates the publication', async () => {
    // 市场监督管理: 20 working days from 4 December 2026 reach January 2027, which has no data.
    const created = await create({ subjectId: 'case-crossing' });
    expect(created).toMatchObject({ status: 'pending', dueOn: null });
    await create({ subjectId: 'case-waiting' });
    // 一般规定: 7 working days from 20 November: 23–27, 30 November, 1 December.
    expect((await create({ subjectId: 'case-known', field: 'general', decidedOn: '2026-11-20' })).dueOn).toBe(
      '2026-12-01',
    );
    const logged = await platform.deps.db
      .select({ change: auditEvents.change })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'publication.create'), eq(auditEvents.entityId, created.id)));
    expect(logged[0]?.change).toMatchObject({
      dueOn: null,
      dueOnPending: expect.stringMatching(/到期日待定：缺少 2027 年节假日数据/) as unknown,
    });

    const list = await call<{ items: Body[] }>(headers.officer, 'GET', '/api/publications?status=pending');
    expect(list.status, list.text).toBe(200);
    const bySubject = (subjectId: string) => list.body.items.find((item) => item.subjectId === subjectId)!;
    crossing = bySubject('case-crossing');
    waiting = bySubject('case-waiting');
    known = bySubject('case-known');
    expect(crossing).toMatchObject({ dueOn: null, overdue: false, onTime: null });
    expect(known).toMatchObject({ dueOn: '2026-12-01', overdue: true });
    // pending by due date, the pending due dates last
    expect(list.body.items.map((item) => item.subjectId)[0]).toBe('case-known');

    const overdue = await call<{ items: Body[] }>(headers.officer, 'GET', '/api/publications?overdue=true');
    expect(overdue.body.items.map((item) => item.subjectId)).toEqual(['case-known']);
    const notOverdue = await call<{ items: Body[] }>(
      headers.officer,
      'GET',
      '/api/publications?overdue=false',
    );
    expect(notOverdue.body.items.map((item) => item.subjectId).sort()).toEqual([
      'case-crossing',
      'case-waiting',
    ]);
  });

  it('counts a pending due date in timeliness neither as on time, late nor overdue', async () => {
    const published = await call<Body>(headers.head, 'POST', `/api/publications/${crossing.id}/publish`, {});
    expect(published.status, published.text).toBe(200);
    expect(published.body).toMatchObject({
      status: 'published',
      publishedOn: '2026-12-04',
      dueOn: null,
      onTime: null,
    });
    const late = await call<Body>(headers.head, 'POST', `/api/publications/${known.id}/publish`, {});
    expect(late.body).toMatchObject({ dueOn: '2026-12-01', onTime: false });

    const answer = await timeliness();
    expect(answer.status, answer.text).toBe(200);
    // only the known due date counts: the published and the unpublished pending ones are left out
    expect(answer.body).toMatchObject({
      due: 1,
      publishedOnTime: 0,
      publishedLate: 1,
      overdueUnpublished: 0,
      notYetDue: 0,
      rate: 0,
    });
  });

  it('withdraws a published decision whose withdrawal period reaches 2027 without refusing, its due date pending', async () => {
    await moveTo('2026-12-30T10:00:00+08:00');
    const withdrawn = await call<Body>(headers.head, 'POST', `/api/publications/${crossing.id}/withdraw`, {
      reason: '行政复议决定变更原处罚决定',
      eventOn: '2026-12-30',
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawDueOn: null, withdrawOnTime: null });
  });

  it('computes the pending due dates, and only those, when 2027 is entered through the calendar API', async () => {
    const entered = await call<CalendarYearSaved>(
      headers.admin,
      'PUT',
      '/api/calendar/years/2027',
      entry2027,
    );
    expect(entered.status, entered.text).toBe(200);
    // 4 December + 20 working days: 7–11, 14–18, 21–25, 28–31 December (19); 1 January off; 4 January.
    // Withdrawal, 3 working days from 30 December: 31 December; 1 January off; 4, 5 January.
    expect(entered.body.recomputedPublications).toEqual(
      expect.arrayContaining([
        { publicationId: crossing.id, title: crossing.title, which: 'publish', dueOn: '2027-01-04' },
        { publicationId: crossing.id, title: crossing.title, which: 'withdraw', dueOn: '2027-01-05' },
        { publicationId: waiting.id, title: waiting.title, which: 'publish', dueOn: '2027-01-04' },
      ]),
    );
    expect(entered.body.recomputedPublications).toHaveLength(3);

    const after = await call<Body>(headers.officer, 'GET', `/api/publications/${crossing.id}`);
    expect(after.body).toMatchObject({
      dueOn: '2027-01-04',
      onTime: true,
      withdrawDueOn: '2027-01-05',
      withdrawOnTime: true,
    });
    const waitingNow = await call<Body>(headers.officer, 'GET', `/api/publications/${waiting.id}`);
    expect(waitingNow.body).toMatchObject({ dueOn: '2027-01-04', overdue: false });
    const knownNow = await call<Body>(headers.officer, 'GET', `/api/publications/${known.id}`);
    expect(knownNow.body.dueOn).toBe('2026-12-01');

    expect((await timeliness()).body).toMatchObject({
      due: 2,
      publishedOnTime: 1,
      publishedLate: 1,
      overdueUnpublished: 0,
      notYetDue: 1,
    });

    const logged = await platform.deps.db
      .select({ entityId: auditEvents.entityId, change: auditEvents.change })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'publication.recomputeDue'))
      .orderBy(auditEvents.seq);
    expect(logged).toHaveLength(2);
    expect(logged.find((row) => row.entityId === crossing.id)?.change).toMatchObject({
      year: 2027,
      before: { dueOn: null, withdrawDueOn: null },
      after: { dueOn: '2027-01-04', withdrawDueOn: '2027-01-05' },
    });

    // A correction moves no due date once known (deadlines are recomputed; publications were pending only).
    const corrected = await call<CalendarYearSaved>(headers.admin, 'PUT', '/api/calendar/years/2027', {
      ...entry2027,
      holidays: [...entry2027.holidays, { date: '2027-01-04', name: '元旦（测试更正）' }],
    });
    expect(corrected.status, corrected.text).toBe(200);
    expect(corrected.body.recomputedPublications).toEqual([]);
    expect((await call<Body>(headers.officer, 'GET', `/api/publications/${waiting.id}`)).body.dueOn).toBe(
      '2027-01-04',
    );
  });
});
