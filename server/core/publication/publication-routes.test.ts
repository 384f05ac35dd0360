import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  PublicationConsoleView,
  PublicationTimeliness,
  PublicDecision,
} from '../../../contracts/publicity';
import { organizations } from '../../modules/org/org-tables';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { createTestOrganization, createTestUser, signIn, type TestUser } from '../../test/factories';
import { testDatabaseKinds } from '../../test/test-databases';
import { ensureCalendarLoaded } from '../calendar/ensure-calendar-loaded';
import { inTransaction } from '../context';
import { queryRows } from '../db/query-rows';
import { idNumberCheckCharacter } from '../identity/national-codes';
import { createPublication, type CreatePublicationInput } from './publication-service';
import { httpCaller } from '../../test/http-call';

/**
 * The publication mechanism through the HTTP API, on PGlite and PostgreSQL: due dates on the
 * working-day calendar (across the 2026 National Day holiday), the refusal to publish an ID number,
 * withdrawal and its due date, early take-down, expiry, timeliness, and a portal that shows only
 * what is public today, masked.
 */

const idNumber = (() => {
  const first17 = '11010519491231002';
  return `${first17}${idNumberCheckCharacter(first17) ?? '0'}`;
})();
const mobile = '13812345678';
const idPattern = /(?<!\d)\d{17}[\dX](?!\d)/;
const mobilePattern = /(?<!\d)1[3-9]\d{9}(?!\d)/;

type Headers = { cookie: string };
type Body = PublicationConsoleView & { code: string; field?: string; message: string };

describe.each(testDatabaseKinds())('publications on %s', (database) => {
  let platform: TestPlatform;
  let market: { id: string };
  let environment: { id: string };
  let quiet: { id: string };
  const users = {} as Record<'officer' | 'head' | 'otherOfficer' | 'justice' | 'quietOfficer', TestUser>;
  const headers = {} as Record<keyof typeof users, Headers>;

  const call = httpCaller(() => platform);
  const create = (input: Partial<CreatePublicationInput> & { subjectId: string }) =>
    inTransaction(platform.deps, null, (ctx) =>
      createPublication(ctx, {
        subjectType: 'enforcementCase',
        organizationId: market.id,
        kind: 'penalty',
        field: 'general',
        title: `示范市市场监督管理局行政处罚决定书（${input.subjectId}）`,
        content: {
          当事人: '张三',
          违法事实: `当事人张三（身份证号码 ${idNumber}，联系电话 ${mobile}）无证经营食品。`,
          处罚结果: '罚款人民币五千元。',
        },
        decidedOn: '2026-09-28',
        personalData: { personNames: ['张三'] },
        ...input,
      }),
    );
  const publicationCount = async () =>
    (
      await queryRows<{ n: number; events: number }>(
        platform.deps.db,
        sql`SELECT (SELECT count(*)::int FROM publications WHERE status = 'published') AS n,
          (SELECT count(*)::int FROM audit_events) AS events`,
      )
    )[0];
  const moveTo = async (instant: string) => {
    platform.clock.set(instant);
    for (const key of Object.keys(users) as (keyof typeof users)[]) {
      headers[key] = (await signIn(platform, users[key].username)).headers;
    }
  };
  const publicList = (query = '') =>
    call<{ items: PublicDecision[]; total: number }>(
      null,
      'GET',
      `/api/public/enforcement/decisions?${query}`,
    );

  beforeAll(async () => {
    platform = await buildTestPlatform({ database, now: '2026-09-28T09:00:00+08:00' });
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
    await platform.deps.db
      .update(organizations)
      .set({ enforcementField: '市场监管' })
      .where(sql`${organizations.id} = ${market.id}`);
    environment = await createTestOrganization(platform, {
      name: '示范市生态环境局',
      parentId: city.id,
      kind: 'enforcementBody',
    });
    quiet = await createTestOrganization(platform, {
      name: '示范市水利局',
      parentId: city.id,
      kind: 'enforcementBody',
    });
    users.officer = await createTestUser(platform, { role: 'officer', organizationId: market.id });
    users.head = await createTestUser(platform, { role: 'agencyHead', organizationId: market.id });
    users.otherOfficer = await createTestUser(platform, { role: 'officer', organizationId: environment.id });
    users.justice = await createTestUser(platform, { role: 'justiceBureau', organizationId: city.id });
    users.quietOfficer = await createTestUser(platform, { role: 'officer', organizationId: quiet.id });
    await moveTo('2026-09-28T09:00:00+08:00');
  }, 120_000);
  afterAll(async () => platform.close());

  let general: PublicationConsoleView;
  let market20: PublicationConsoleView;

  it('creates pending publications due within the field’s working days across the National Day holiday, masked', async () => {
    const before = await publicationCount();
    const created = await create({ subjectId: 'case-general' });
    // 2026-09-28 + 7 working days: 29, 30 Sep; 1–7 Oct off; 8, 9, 10 (调休 Saturday), 12, 13 Oct.
    expect(created.dueOn).toBe('2026-10-13');
    expect(created.citation).toContain('国办发〔2018〕118号');
    expect(created.status).toBe('pending');
    const text = JSON.stringify(created.content);
    expect(text).not.toMatch(idPattern);
    expect(text).not.toMatch(mobilePattern);
    expect(text).not.toContain('张三');
    expect(created.content['当事人']).toBe('张*');
    // the parts keep the order they were written in (jsonb alone would sort the keys by length)
    expect(Object.keys(created.content)).toEqual(['当事人', '违法事实', '处罚结果']);

    const marketCase = await create({ subjectId: 'case-market', field: 'marketSupervision' });
    expect(marketCase.dueOn).toBe('2026-10-30');
    expect(marketCase.citation).toContain('《市场监督管理行政处罚信息公示规定》（2021）第九条');
    expect((await publicationCount())?.events).toBe((before?.events ?? 0) + 2);

    await expect(create({ subjectId: 'case-general' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(create({ subjectId: 'case-future', decidedOn: '2026-09-29' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'decidedOn',
    });

    const list = await call<{ items: PublicationConsoleView[]; total: number }>(
      headers.officer,
      'GET',
      '/api/publications?status=pending',
    );
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.map((item) => item.subjectId).sort()).toEqual(['case-general', 'case-market']);
    general = list.body.items.find((item) => item.subjectId === 'case-general')!;
    market20 = list.body.items.find((item) => item.subjectId === 'case-market')!;
    expect(general).toMatchObject({
      displayStatus: 'pending',
      statusLabel: '待公示',
      overdue: false,
      canPublish: true,
    });
    expect(general.canTakeDown).toBe(false);

    // Another body's officer sees none of it: outside the scope is "not found".
    const other = await call<{ total: number }>(headers.otherOfficer, 'GET', '/api/publications');
    expect(other.body.total).toBe(0);
    expect((await call(headers.otherOfficer, 'GET', `/api/publications/${general.id}`)).status).toBe(404);
    expect((await call(null, 'GET', '/api/publications')).status).toBe(401);
  });

  it('refuses to publish a text that still shows an ID number or a mobile number, naming the part, and changes nothing', async () => {
    const before = await publicationCount();
    const refused = await call<Body>(headers.officer, 'POST', `/api/publications/${general.id}/publish`, {
      content: { ...general.content, 违法事实: `当事人身份证号码为 ${idNumber}，无证经营食品。` },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'content.违法事实' });
    expect(refused.body.message).toContain('身份证号码');

    const inTitle = await call<Body>(headers.officer, 'POST', `/api/publications/${general.id}/publish`, {
      title: `关于 ${mobile} 的处罚决定`,
    });
    expect(inTitle.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'title' });
    expect(inTitle.body.message).toContain('手机号码');

    // A mistyped ID number (wrong check character) is not recognised by masking, and refused all the same.
    const mistyped = `${idNumber.slice(0, 17)}${idNumber.endsWith('1') ? '2' : '1'}`;
    const typo = await call<Body>(headers.officer, 'POST', `/api/publications/${general.id}/publish`, {
      content: { ...general.content, 违法事实: `当事人身份证号码为 ${mistyped}。` },
    });
    expect(typo.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'content.违法事实' });
    expect(typo.body.message).toContain('疑似身份证号码');

    expect(await publicationCount()).toEqual(before);
    const unchanged = await call<PublicationConsoleView>(
      headers.officer,
      'GET',
      `/api/publications/${general.id}`,
    );
    expect(unchanged.body).toMatchObject({ status: 'pending', content: general.content, publishedOn: null });
    expect((await publicList()).body.total).toBe(0);
  });

  it('lets only the body’s officers and head publish; the publicity period runs from the day published', async () => {
    expect(
      (await call<Body>(headers.otherOfficer, 'POST', `/api/publications/${general.id}/publish`, {})).status,
    ).toBe(404);
    const byJustice = await call<Body>(
      headers.justice,
      'POST',
      `/api/publications/${general.id}/publish`,
      {},
    );
    expect(byJustice.status).toBe(403);

    // The officer removes a trade secret from the masked text before publishing.
    const edited = { ...general.content, 违法事实: '当事人无证经营食品，涉及配方（商业秘密，不予公开）。' };
    const published = await call<Body>(headers.officer, 'POST', `/api/publications/${general.id}/publish`, {
      content: edited,
      isMinorPenalty: true,
    });
    expect(published.status, published.text).toBe(200);
    expect(published.body).toMatchObject({
      status: 'published',
      displayStatus: 'published',
      publishedOn: '2026-09-28',
      onTime: true,
      // general field, a minor penalty: 3 months (by analogy with the market-supervision rule)
      publicUntil: '2026-12-28',
      content: edited,
      canPublish: false,
    });
    const again = await call<Body>(headers.head, 'POST', `/api/publications/${general.id}/publish`, {});
    expect(again.body.code).toBe('TRANSITION_FORBIDDEN');

    const marketPublished = await call<Body>(
      headers.head,
      'POST',
      `/api/publications/${market20.id}/publish`,
      {},
    );
    expect(marketPublished.status, marketPublished.text).toBe(200);
    // 市场监督管理, not a minor penalty: 3 years (art. 13)
    expect(marketPublished.body.publicUntil).toBe('2029-09-28');
    const events = await queryRows<{ n: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'publication.publish'`,
    );
    expect(events[0]?.n).toBe(2);
  });

  it('shows on the portal only published decisions, masked, searchable by words of the text', async () => {
    await create({ subjectId: 'case-still-pending', title: '示范市市场监督管理局行政处罚决定书（待公示）' });
    const all = await publicList();
    expect(all.status).toBe(200);
    expect(all.body.items.map((item) => item.title).sort()).toEqual([general.title, market20.title].sort());
    expect(Object.keys(all.body.items.find((item) => item.id === market20.id)!.content)).toEqual([
      '当事人',
      '违法事实',
      '处罚结果',
    ]);
    const json = all.text;
    expect(json).not.toMatch(idPattern);
    expect(json).not.toMatch(mobilePattern);
    expect(json).not.toContain('张三');
    expect(Object.keys(all.body.items[0]!).sort()).toEqual(
      [
        'content',
        'decidedOn',
        'id',
        'kindLabel',
        'organizationId',
        'organizationName',
        'publicUntil',
        'publishedOn',
        'title',
      ].sort(),
    );
    const pending = await call<{ items: PublicationConsoleView[] }>(
      headers.officer,
      'GET',
      '/api/publications?status=pending',
    );
    const pendingId = pending.body.items[0]!.id;
    expect((await call(null, 'GET', `/api/public/enforcement/decisions/${pendingId}`)).status).toBe(404);
    expect((await call(null, 'GET', `/api/public/enforcement/decisions/${general.id}`)).status).toBe(200);

    const secret = await publicList(`q=${encodeURIComponent('商业秘密')}`);
    expect(secret.body.items.map((item) => item.id)).toEqual([general.id]);
    expect((await publicList(`q=${encodeURIComponent('盗伐林木')}`)).body.total).toBe(0);
    expect((await publicList(`organizationId=${environment.id}`)).body.total).toBe(0);
    expect((await publicList('year=2025')).body.total).toBe(0);
    expect((await publicList('year=2026')).body.total).toBe(2);
    expect((await publicList('year=abc')).status).toBe(400);
  });

  it('computes timeliness: on time, late, overdue unpublished, and lists the overdue', async () => {
    const decided = (subjectId: string, decidedOn: string) =>
      create({
        subjectId,
        organizationId: quiet.id,
        decidedOn,
        title: `示范市水利局行政处罚决定书（${subjectId}）`,
      });
    const late = await decided('quiet-late', '2026-09-01'); // due 2026-09-10, published today
    await decided('quiet-overdue', '2026-09-02');
    const onTime = await decided('quiet-on-time', '2026-09-25');
    await decided('quiet-not-yet', '2026-09-28');
    for (const record of [late, onTime]) {
      const published = await call<Body>(
        headers.quietOfficer,
        'POST',
        `/api/publications/${record.id}/publish`,
        {},
      );
      expect(published.status, published.text).toBe(200);
    }
    const figures = await call<PublicationTimeliness>(
      headers.justice,
      'GET',
      `/api/publications/timeliness?from=2026-09-01&to=2026-12-31&organizationId=${quiet.id}`,
    );
    expect(figures.status, figures.text).toBe(200);
    expect(figures.body).toMatchObject({
      due: 3,
      publishedOnTime: 1,
      publishedLate: 1,
      overdueUnpublished: 1,
      notYetDue: 1,
      rate: 0.3333,
    });
    const overdue = await call<{ items: PublicationConsoleView[] }>(
      headers.quietOfficer,
      'GET',
      '/api/publications?overdue=true',
    );
    expect(overdue.body.items.map((item) => [item.subjectId, item.overdue])).toEqual([
      ['quiet-overdue', true],
    ]);
    const lateView = await call<PublicationConsoleView>(
      headers.quietOfficer,
      'GET',
      `/api/publications/${late.id}`,
    );
    expect(lateView.body.onTime).toBe(false);
    const badRange = await call<Body>(
      headers.justice,
      'GET',
      '/api/publications/timeliness?from=2026-10-01&to=2026-09-01',
    );
    expect(badRange.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
  });

  it('withdraws a published decision with a reason, due within 3 days (general) or 3 working days (market supervision)', async () => {
    await moveTo('2026-09-30T10:00:00+08:00');
    const byOfficer = await call<Body>(headers.officer, 'POST', `/api/publications/${general.id}/withdraw`, {
      reason: '行政复议决定撤销原处罚决定',
      eventOn: '2026-09-30',
    });
    expect(byOfficer.status).toBe(403);
    const noReason = await call<Body>(headers.head, 'POST', `/api/publications/${general.id}/withdraw`, {
      eventOn: '2026-09-30',
    });
    expect(noReason.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    const early = await call<Body>(headers.head, 'POST', `/api/publications/${general.id}/withdraw`, {
      reason: '行政复议决定撤销原处罚决定',
      eventOn: '2026-09-01',
    });
    expect(early.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'eventOn' });

    const withdrawn = await call<Body>(headers.head, 'POST', `/api/publications/${general.id}/withdraw`, {
      reason: '行政复议决定撤销原处罚决定',
      eventOn: '2026-09-30',
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    // 行政处罚法 art. 48: 3 days from 30 Sep ends 3 Oct, a holiday: the first working day after it.
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      statusLabel: '已撤回',
      withdrawDueOn: '2026-10-08',
      withdrawnOn: '2026-09-30',
      withdrawOnTime: true,
      withdrawReason: '行政复议决定撤销原处罚决定',
    });
    const marketWithdrawn = await call<Body>(
      headers.justice,
      'POST',
      `/api/publications/${market20.id}/withdraw`,
      {
        reason: '原处罚决定被人民法院判决确认违法',
        eventOn: '2026-09-30',
      },
    );
    // 市场监督管理 art. 11: 3 working days from 30 Sep: 8, 9 and 10 Oct (an adjusted working Saturday).
    expect(marketWithdrawn.body.withdrawDueOn).toBe('2026-10-10');
    expect((await publicList(`organizationId=${market.id}`)).body.total).toBe(0);
    expect((await call(null, 'GET', `/api/public/enforcement/decisions/${general.id}`)).status).toBe(404);
    // A decision revoked before it was published is withdrawn without a due date, and never shown.
    const unpublished = await create({ subjectId: 'case-revoked-early', decidedOn: '2026-09-30' });
    const early2 = await call<Body>(headers.head, 'POST', `/api/publications/${unpublished.id}/withdraw`, {
      reason: '决定被撤销，不再公示',
      eventOn: '2026-09-30',
    });
    expect(early2.body).toMatchObject({ status: 'withdrawn', withdrawDueOn: null, withdrawOnTime: null });
    expect((await call(null, 'GET', `/api/public/enforcement/decisions/${unpublished.id}`)).status).toBe(404);
    const searched = await call<{ items: PublicationConsoleView[] }>(
      headers.head,
      'GET',
      `/api/publications?status=withdrawn&q=${encodeURIComponent('商业秘密')}`,
    );
    // found by the text as published (the trade secret note was added when publishing)
    expect(searched.body.items.map((item) => item.subjectId)).toEqual(['case-general']);

    const twice = await call<Body>(headers.head, 'POST', `/api/publications/${general.id}/withdraw`, {
      reason: '重复撤回',
      eventOn: '2026-09-30',
    });
    expect(twice.body.code).toBe('TRANSITION_FORBIDDEN');
  });

  it('takes a decision down early only on an approved credit repair, and lets a period end take it off the portal', async () => {
    const repaired = await create({ subjectId: 'case-repaired', decidedOn: '2026-09-30' });
    const stays = await create({ subjectId: 'case-expires', decidedOn: '2026-09-30' });
    for (const record of [repaired, stays]) {
      const published = await call<Body>(headers.officer, 'POST', `/api/publications/${record.id}/publish`, {
        isMinorPenalty: true,
      });
      expect(published.body.publicUntil).toBe('2026-12-30');
    }
    const marketList = () => publicList(`organizationId=${market.id}`);
    expect((await marketList()).body.total).toBe(2);

    const notRepair = await call<Body>(headers.head, 'POST', `/api/publications/${repaired.id}/take-down`, {
      reason: '当事人申请',
      creditRepair: false,
    });
    expect(notRepair.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'creditRepair' });
    expect(
      (
        await call<Body>(headers.officer, 'POST', `/api/publications/${repaired.id}/take-down`, {
          reason: '信用修复',
          creditRepair: true,
        })
      ).status,
    ).toBe(403);
    const takenDown = await call<Body>(
      headers.justice,
      'POST',
      `/api/publications/${repaired.id}/take-down`,
      {
        reason: '当事人已履行处罚决定并申请信用修复，经审核同意',
        creditRepair: true,
      },
    );
    expect(takenDown.status, takenDown.text).toBe(200);
    expect(takenDown.body).toMatchObject({
      status: 'takenDown',
      takenDownOn: '2026-09-30',
      canTakeDown: false,
    });
    expect((await marketList()).body.items.map((item) => item.id)).toEqual([stays.id]);

    await moveTo('2026-12-30T09:00:00+08:00');
    expect((await marketList()).body.items.map((item) => item.id)).toEqual([stays.id]); // its last day
    await moveTo('2026-12-31T09:00:00+08:00');
    expect((await marketList()).body.total).toBe(0);
    expect((await call(null, 'GET', `/api/public/enforcement/decisions/${stays.id}`)).status).toBe(404);
    // Passwords set in September have expired by now (the password policy): the same roles, new accounts.
    users.officer = await createTestUser(platform, { role: 'officer', organizationId: market.id });
    users.head = await createTestUser(platform, { role: 'agencyHead', organizationId: market.id });
    headers.officer = (await signIn(platform, users.officer.username)).headers;
    headers.head = (await signIn(platform, users.head.username)).headers;
    const expired = await call<PublicationConsoleView>(
      headers.officer,
      'GET',
      `/api/publications/${stays.id}`,
    );
    expect(expired.body).toMatchObject({
      status: 'published',
      displayStatus: 'expired',
      statusLabel: '已到期下网',
    });
    const listed = await call<{ items: PublicationConsoleView[] }>(
      headers.officer,
      'GET',
      '/api/publications?status=expired',
    );
    expect(listed.body.items.map((item) => item.id)).toEqual([stays.id]);
    const lateTakeDown = await call<Body>(headers.head, 'POST', `/api/publications/${stays.id}/take-down`, {
      reason: '信用修复',
      creditRepair: true,
    });
    expect(lateTakeDown.body.code).toBe('TRANSITION_FORBIDDEN');
  });
});
