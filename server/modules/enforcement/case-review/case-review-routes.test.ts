import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChecklistView,
  ReviewResultRow,
  ReviewView,
  SampleResult,
} from '../../../../contracts/enforcement-oversight';
import { inTransaction } from '../../../core/context';
import { queryRows } from '../../../core/db/query-rows';
import { buildTestPlatform, type TestPlatform } from '../../../test/build-test-app';
import { signedInAs } from '../../../test/factories';
import { testDatabaseKinds } from '../../../test/test-databases';
import { performCaseAction, registerCase } from '../enforcement-service';
import { buildEnforcementFixture, testIdNumber, type EnforcementFixture } from '../enforcement-test-fixture';
import { httpCaller } from '../../../test/http-call';

/**
 * 案卷评查 through the HTTP API, on cases closed through the real summary procedure (registered,
 * served, paid, closed by the case service): the default checklist, the seeded sample, scoring
 * and its refusals, the results per body. PGlite and PostgreSQL.
 */

type Headers = { cookie: string };

describe.each(testDatabaseKinds())('case-file review on %s', (database) => {
  let platform: TestPlatform;
  let fixture: EnforcementFixture;
  const who = {} as Record<'justice' | 'leader' | 'head' | 'officer', Headers>;
  const closedCaseIds: string[] = [];

  const call = httpCaller(() => platform);
  const reviewCount = async () =>
    (await queryRows<{ n: number }>(platform.deps.db, sql`SELECT count(*)::int AS n FROM case_reviews`))[0]
      ?.n;

  /** A summary case registered, served, paid and closed through the case service. */
  const closedSummaryCase = async (sequence: number, close = true) => {
    const officerA = await fixture.actor(fixture.users.officerA);
    const officerB = await fixture.actor(fixture.users.officerB);
    const head = await fixture.actor(fixture.users.head);
    const today = '2026-09-28';
    const detail = await inTransaction(platform.deps, officerA, (ctx) =>
      registerCase(ctx, {
        organizationId: fixture.marketId,
        procedure: 'summary',
        powerItemId: fixture.penaltyItemId,
        source: 'patrol',
        title: `当场处罚：占道经营（${sequence}）`,
        party: {
          kind: 'person',
          name: `当事人${sequence}`,
          idNumber: testIdNumber('410302', '1990-01-02', sequence),
        },
        officerPersonIds: [fixture.people.officerA, fixture.people.officerB],
        summaryPenalty: { kinds: ['fine'], fineYuan: 100 },
      }),
    );
    const caseId = detail.case.id;
    await inTransaction(platform.deps, officerB, (ctx) =>
      performCaseAction(ctx, caseId, 'serve', {
        fields: { servedOn: today, method: 'direct', recipient: `当事人${sequence}` },
      }),
    );
    if (!close) return caseId;
    await inTransaction(platform.deps, officerA, (ctx) =>
      performCaseAction(ctx, caseId, 'recordPayment', {
        fields: { paidOn: today, paidYuan: 100, receiptNumber: `JK${sequence}` },
      }),
    );
    const closed = await inTransaction(platform.deps, head, (ctx) =>
      performCaseAction(ctx, caseId, 'close', { fields: { comment: '已履行，结案' } }),
    );
    expect(closed.case.state).toBe('closed');
    return caseId;
  };

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    fixture = await buildEnforcementFixture(platform);
    for (let sequence = 1; sequence <= 5; sequence += 1)
      closedCaseIds.push(await closedSummaryCase(sequence));
    await closedSummaryCase(9, false); // served, not closed: never sampled
    who.justice = await fixture.headers(fixture.users.justice);
    who.head = await fixture.headers(fixture.users.head);
    who.officer = await fixture.headers(fixture.users.officerA);
    who.leader = await signedInAs(platform, 'leader', fixture.cityId);
  }, 180_000);
  afterAll(async () => platform.close());

  it('gives the justice bureau a default checklist on first use: 22 items, 100 points, 优秀 90, 合格 75', async () => {
    const first = await call<ChecklistView[]>(who.justice, 'GET', '/api/enforcement/case-review/checklists');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toHaveLength(1);
    expect(first.body[0]).toMatchObject({ totalScore: 100, excellentAt: 90, passAt: 75, isActive: true });
    expect(first.body[0]?.items).toHaveLength(22);
    const again = await call<ChecklistView[]>(who.justice, 'GET', '/api/enforcement/case-review/checklists');
    expect(again.body.map((checklist) => checklist.id)).toEqual([first.body[0]?.id]);
    // a leader reads it, an officer may not
    expect(
      (await call<ChecklistView[]>(who.leader, 'GET', '/api/enforcement/case-review/checklists')).body,
    ).toHaveLength(1);
    expect((await call(who.officer, 'GET', '/api/enforcement/case-review/checklists')).status).toBe(403);
  });

  it('refuses sampling by anyone but the justice bureau (403), writing nothing', async () => {
    const draw = { campaign: '2026年度行政执法案卷评查', year: 2026, ratio: 0.5 };
    for (const headers of [who.head, who.officer, who.leader]) {
      const refused = await call(headers, 'POST', '/api/enforcement/case-review/samples', draw);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    }
    expect(await reviewCount()).toBe(0);
  });

  it('draws closed cases of the year at random from a seed, the same again from the same seed', async () => {
    const first = await call<SampleResult>(who.justice, 'POST', '/api/enforcement/case-review/samples', {
      campaign: '2026年度行政执法案卷评查',
      year: 2026,
      ratio: 0.5,
      seed: '20261001',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.seed).toBe('20261001');
    expect(first.body.perOrganization).toEqual([
      { organizationId: fixture.marketId, organizationName: '示范市市场监督管理局', candidates: 5, drawn: 3 },
    ]);
    const drawn = first.body.reviews.map((review) => review.caseId).sort();
    expect(drawn.every((id) => closedCaseIds.includes(id))).toBe(true);
    expect(first.body.reviews.every((review) => review.status === 'pending' && review.maxScore === 100)).toBe(
      true,
    );

    const replay = await call<SampleResult>(who.justice, 'POST', '/api/enforcement/case-review/samples', {
      campaign: '复核抽样',
      year: 2026,
      ratio: 0.5,
      seed: '20261001',
    });
    expect(replay.body.reviews.map((review) => review.caseId).sort()).toEqual(drawn);

    // the same campaign never draws a case twice: the two left
    const more = await call<SampleResult>(who.justice, 'POST', '/api/enforcement/case-review/samples', {
      campaign: '2026年度行政执法案卷评查',
      year: 2026,
      count: 10,
    });
    expect(more.body.perOrganization[0]).toMatchObject({ candidates: 2, drawn: 2 });
    expect(more.body.seed).toMatch(/^[0-9a-f]{12}$/);
    expect(new Set([...drawn, ...more.body.reviews.map((review) => review.caseId)]).size).toBe(5);

    // nothing closed in 2025
    const none = await call<SampleResult>(who.justice, 'POST', '/api/enforcement/case-review/samples', {
      campaign: '2025年度评查',
      year: 2025,
      count: 3,
    });
    expect(none.body.reviews).toEqual([]);
  });

  it('refuses a score above the item’s 分值, naming it, and grades a complete score sheet', async () => {
    const page = await call<{ items: ReviewView[]; total: number }>(
      who.justice,
      'GET',
      `/api/enforcement/case-review/reviews?campaign=${encodeURIComponent('2026年度行政执法案卷评查')}&status=pending`,
    );
    expect(page.body.total).toBe(5);
    const [review, second] = page.body.items;
    const { body: detail } = await call<{ review: ReviewView; checklist: ChecklistView }>(
      who.justice,
      'GET',
      `/api/enforcement/case-review/reviews/${review!.id}`,
    );
    const full = Object.fromEntries(
      detail.checklist.items.map((item) => [item.key, { score: item.maxScore }]),
    );

    const over = await call(who.justice, 'PUT', `/api/enforcement/case-review/reviews/${review!.id}`, {
      scores: { ...full, fileTimely: { score: 3 } },
    });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'scores.fileTimely' });
    const missing = await call(who.justice, 'PUT', `/api/enforcement/case-review/reviews/${review!.id}`, {
      scores: { subjectLawful: { score: 5 } },
    });
    expect(missing.status).toBe(400);
    const unchanged = await call<{ review: ReviewView }>(
      who.justice,
      'GET',
      `/api/enforcement/case-review/reviews/${review!.id}`,
    );
    expect(unchanged.body.review).toMatchObject({ status: 'pending', totalScore: null, grade: null });

    const excellent = await call<ReviewView>(
      who.justice,
      'PUT',
      `/api/enforcement/case-review/reviews/${review!.id}`,
      {
        scores: { ...full, evidenceSufficient: { score: 6, note: '部分证据未注明来源' } },
        comment: '案卷规范',
      },
    );
    expect(excellent.status, JSON.stringify(excellent.body)).toBe(200);
    expect(excellent.body).toMatchObject({ status: 'scored', totalScore: 98, grade: 'excellent' });
    expect(excellent.body.scores.evidenceSufficient).toEqual({ score: 6, note: '部分证据未注明来源' });

    const failing = await call<ReviewView>(
      who.justice,
      'PUT',
      `/api/enforcement/case-review/reviews/${second!.id}`,
      {
        scores: {
          ...full,
          evidenceSufficient: { score: 0 },
          legalReviewDone: { score: 0 },
          decisionDocument: { score: 0 },
          processRecorded: { score: 0 },
        },
      },
    );
    expect(failing.body).toMatchObject({ totalScore: 76, grade: 'pass' });
    const rescored = await call<ReviewView>(
      who.justice,
      'PUT',
      `/api/enforcement/case-review/reviews/${second!.id}`,
      {
        scores: {
          ...full,
          evidenceSufficient: { score: 0 },
          legalReviewDone: { score: 0 },
          decisionDocument: { score: 0 },
          processRecorded: { score: 0 },
          fileComplete: { score: 0 },
        },
      },
    );
    expect(rescored.body).toMatchObject({ totalScore: 73, grade: 'fail' });

    // a leader reads, but does not score
    expect(
      (await call(who.leader, 'PUT', `/api/enforcement/case-review/reviews/${second!.id}`, { scores: full }))
        .status,
    ).toBe(403);
    const events = await queryRows<{ n: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'caseReview' AND action = 'caseReview.score'`,
    );
    expect(events[0]?.n).toBe(3);
  });

  it('sums the results per body: sampled, scored, average, counts by grade', async () => {
    const results = await call<ReviewResultRow[]>(
      who.leader,
      'GET',
      `/api/enforcement/case-review/results?campaign=${encodeURIComponent('2026年度行政执法案卷评查')}`,
    );
    expect(results.status).toBe(200);
    expect(results.body).toEqual([
      {
        organizationId: fixture.marketId,
        organizationName: '示范市市场监督管理局',
        sampled: 5,
        scored: 2,
        averageScore: 85.5,
        excellent: 1,
        pass: 0,
        fail: 1,
      },
    ]);
    const byGrade = await call<{ total: number }>(
      who.leader,
      'GET',
      '/api/enforcement/case-review/reviews?grade=excellent',
    );
    expect(byGrade.body.total).toBe(1);
  });

  it('lets the justice bureau set its own checklist, which replaces the active one', async () => {
    const created = await call<ChecklistView>(
      who.justice,
      'POST',
      '/api/enforcement/case-review/checklists',
      {
        name: '2027年度行政处罚案卷评查标准',
        items: [
          { key: 'a', category: '立案', label: '立案及时、手续完备', maxScore: 40 },
          { key: 'b', category: '决定', label: '决定合法适当', maxScore: 60 },
        ],
        excellentAt: 85,
        passAt: 60,
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({ totalScore: 100, isActive: true });
    const active = await call<ChecklistView[]>(who.justice, 'GET', '/api/enforcement/case-review/checklists');
    expect(active.body.map((checklist) => checklist.id)).toEqual([created.body.id]);
    const badThresholds = await call(who.justice, 'POST', '/api/enforcement/case-review/checklists', {
      name: '分数线倒置的标准',
      items: [{ key: 'a', category: '立案', label: '立案及时', maxScore: 100 }],
      excellentAt: 70,
      passAt: 80,
    });
    expect(badThresholds.status).toBe(400);
    expect(badThresholds.body.field).toBe('passAt');
  });
});
