import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChecklistView,
  EnforcementStatistics,
  ReviewView,
  SampleResult,
  StatisticsCasesPage,
} from '../../../../contracts/enforcement-oversight';
import { inTransaction } from '../../../core/context';
import { buildTestPlatform, type TestPlatform } from '../../../test/build-test-app';
import { signedInAs } from '../../../test/factories';
import { testDatabaseKinds } from '../../../test/test-databases';
import { performCaseAction, registerCase } from '../enforcement-service';
import {
  buildEnforcementFixture,
  testCreditCode,
  testIdNumber,
  type EnforcementFixture,
} from '../enforcement-test-fixture';
import { httpCaller } from '../../../test/http-call';

/**
 * 执法统计 through the HTTP API, each figure against the cases its drill-down lists. The cases are
 * registered through the case service (summary ones decided on the spot, one served); the decision
 * facts of the ordinary ones (major, decided on, legal review) are then set on their rows by hand,
 * so each rule of the legal-review rate has its own case. PGlite and PostgreSQL.
 */

type Headers = { cookie: string };

describe.each(testDatabaseKinds())('enforcement statistics on %s', (database) => {
  let platform: TestPlatform;
  let fixture: EnforcementFixture;
  const who = {} as Record<'justice' | 'leader' | 'head' | 'officer', Headers>;
  const ids = {} as Record<
    'served' | 'unserved' | 'reviewed' | 'noReview' | 'lateReview' | 'minor' | 'lastYear',
    string
  >;
  const period = 'from=2026-09-01&to=2026-10-31';

  const call = httpCaller(() => platform);
  const drill = async (indicator: string, extra = '') => {
    const answer = await call<StatisticsCasesPage>(
      who.justice,
      'GET',
      `/api/enforcement/statistics/cases?indicator=${indicator}&${period}${extra}`,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    fixture = await buildEnforcementFixture(platform);
    const officerA = await fixture.actor(fixture.users.officerA);
    const officerB = await fixture.actor(fixture.users.officerB);
    const register = (procedure: 'summary' | 'ordinary', sequence: number, source: string) =>
      inTransaction(platform.deps, officerA, (ctx) =>
        registerCase(ctx, {
          organizationId: fixture.marketId,
          procedure,
          powerItemId: fixture.penaltyItemId,
          source: source as 'patrol',
          title: `${procedure === 'summary' ? '当场处罚' : '涉嫌无证经营'}（${sequence}）`,
          party:
            procedure === 'summary'
              ? {
                  kind: 'person',
                  name: `当事人${sequence}`,
                  idNumber: testIdNumber('410302', '1990-01-02', sequence),
                }
              : {
                  kind: 'enterprise',
                  name: `示范市食品经营公司${sequence}`,
                  creditCode: testCreditCode(`MA4G12${String(sequence).padStart(2, '0')}`),
                },
          officerPersonIds: [fixture.people.officerA, fixture.people.officerB],
          ...(procedure === 'summary' ? { summaryPenalty: { kinds: ['fine'], fineYuan: 100 } } : {}),
        }),
      ).then((detail) => detail.case.id);
    ids.served = await register('summary', 1, 'patrol');
    ids.unserved = await register('summary', 2, 'patrol');
    await inTransaction(platform.deps, officerB, (ctx) =>
      performCaseAction(ctx, ids.served, 'serve', {
        fields: { servedOn: '2026-09-28', method: 'direct', recipient: '当事人1' },
      }),
    );
    ids.reviewed = await register('ordinary', 11, 'complaint');
    ids.noReview = await register('ordinary', 12, 'complaint');
    ids.lateReview = await register('ordinary', 13, 'report');
    ids.minor = await register('ordinary', 14, 'spotCheck');
    ids.lastYear = await register('ordinary', 15, 'referral');
    const decide = (
      id: string,
      values: {
        isMajor: boolean;
        decidedOn: string;
        fineFen: number;
        review?: [string, string];
        state?: string;
        registeredOn?: string;
      },
    ) =>
      platform.deps.db
        .execute(sql`UPDATE enforcement_cases SET is_major = ${values.isMajor}, decided_on = ${values.decidedOn},
        fine_fen = ${values.fineFen}, decision_outcome = 'penalty', state = ${values.state ?? 'executing'},
        legal_review_conclusion = ${values.review?.[0] ?? null}, legal_reviewed_on = ${values.review?.[1] ?? null},
        registered_on = ${values.registeredOn ?? '2026-09-28'},
        closed_on = ${values.state === 'closed' ? '2026-10-20' : null}
        WHERE id = ${id}`);
    await decide(ids.reviewed, {
      isMajor: true,
      decidedOn: '2026-10-10',
      fineFen: 5_000_000,
      review: ['agree', '2026-10-09'],
    });
    await decide(ids.noReview, { isMajor: true, decidedOn: '2026-10-12', fineFen: 20_000_000 });
    await decide(ids.lateReview, {
      isMajor: true,
      decidedOn: '2026-10-12',
      fineFen: 0,
      review: ['agree', '2026-10-15'],
    });
    await decide(ids.minor, { isMajor: false, decidedOn: '2026-10-13', fineFen: 0, state: 'closed' });
    await decide(ids.lastYear, {
      isMajor: true,
      decidedOn: '2026-08-20',
      fineFen: 0,
      registeredOn: '2026-06-01',
    });

    platform.clock.set('2026-10-30T09:00:00+08:00');
    who.justice = await fixture.headers(fixture.users.justice);
    who.head = await fixture.headers(fixture.users.head);
    who.officer = await fixture.headers(fixture.users.officerA);
    who.leader = await signedInAs(platform, 'leader', fixture.cityId);
  }, 180_000);
  afterAll(async () => platform.close());

  it('computes the legal-review rate over major cases decided in the period, and opens it to its cases', async () => {
    const answer = await call<EnforcementStatistics>(
      who.justice,
      'GET',
      `/api/enforcement/statistics?${period}`,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.legalReview).toEqual({ majorDecided: 3, reviewed: 1, missing: 2, rate: 0.3333 });
    expect((await drill('majorDecided')).total).toBe(3);
    const reviewed = await drill('legalReviewed');
    expect(reviewed.items.map((row) => row.id)).toEqual([ids.reviewed]);
    const missing = await drill('legalReviewMissing');
    expect(missing.label).toBe('决定前未经法制审核同意的重大案件');
    expect(Object.fromEntries(missing.items.map((row) => [row.id, row.detail]))).toEqual({
      [ids.noReview]: '未记录法制审核意见',
      [ids.lateReview]: '法制审核（2026年10月15日）晚于作出决定（2026年10月12日）',
    });
  });

  it('counts overdue cases by deadline key from the open deadlines past due', async () => {
    const { body } = await call<EnforcementStatistics>(
      who.head,
      'GET',
      `/api/enforcement/statistics?${period}`,
    );
    // the unserved case is past its 7 working days to serve; the served one past its 15 days to pay
    expect(body.overdue.cases).toBe(2);
    expect(body.overdue.byKey).toEqual([
      { key: 'payment', label: '当事人缴纳罚款', count: 1 },
      { key: 'service', label: '交付行政处罚决定书', count: 1 },
    ]);
    expect(body.overdue.deadlines).toBe(2);
    const cases = await drill('overdue', '&key=service');
    expect(cases.items.map((row) => row.id)).toEqual([ids.unserved]);
    expect(cases.items[0]?.detail).toMatch(/^交付行政处罚决定书：应于2026年10月\d+日前完成，已超期 \d+ 日$/);
    const payment = await drill('overdue', '&key=payment');
    expect(payment.items.map((row) => [row.id, row.detail])).toEqual([
      [ids.served, '当事人缴纳罚款：应于2026年10月13日前完成，已超期 17 日'],
    ]);
    expect((await drill('overdue')).total).toBe(2);
    expect((await drill('overdue', '&key=decision')).total).toBe(0);
  });

  it('counts cases registered in the period by state, source and procedure, and the fines decided', async () => {
    const { body } = await call<EnforcementStatistics>(
      who.leader,
      'GET',
      `/api/enforcement/statistics?${period}`,
    );
    expect(body.registered).toBe(6);
    expect(body.byProcedure).toEqual([
      { key: 'ordinary', label: '普通程序', count: 4 },
      { key: 'summary', label: '简易程序', count: 2 },
    ]);
    expect(Object.fromEntries(body.bySource.map((row) => [row.key, row.count]))).toEqual({
      patrol: 2,
      complaint: 2,
      report: 1,
      spotCheck: 1,
    });
    expect(body.byState.reduce((sum, row) => sum + row.count, 0)).toBe(6);
    expect(body.byState.find((row) => row.key === 'closed')).toEqual({
      key: 'closed',
      label: '已结案',
      count: 1,
    });
    expect(body.fines).toEqual({ cases: 4, totalYuan: 250_200 });
    const fined = await drill('fined');
    expect(fined.items.find((row) => row.id === ids.noReview)?.detail).toBe('罚款 200,000 元');
    expect((await drill('bySource', '&key=complaint')).items.map((row) => row.id).sort()).toEqual(
      [ids.reviewed, ids.noReview].sort(),
    );
    expect((await drill('byProcedure', '&key=summary')).total).toBe(2);
    const noKey = await call(
      who.justice,
      'GET',
      `/api/enforcement/statistics/cases?indicator=byState&${period}`,
    );
    expect(noKey.status).toBe(400);
    expect(noKey.body.field).toBe('key');
    expect(body.publicationTimeliness).toMatchObject({
      from: '2026-09-01',
      to: '2026-10-31',
      due: 0,
      rate: null,
    });
  });

  it('includes the case-file scores of the years in the period, opening each grade to its cases', async () => {
    const sample = await call<SampleResult>(who.justice, 'POST', '/api/enforcement/case-review/samples', {
      campaign: '2026年度案卷评查',
      year: 2026,
      count: 5,
    });
    expect(sample.status, JSON.stringify(sample.body)).toBe(200);
    expect(sample.body.reviews.map((review) => review.caseId)).toEqual([ids.minor]);
    const review = sample.body.reviews[0] as ReviewView;
    const { body: checklists } = await call<ChecklistView[]>(
      who.justice,
      'GET',
      '/api/enforcement/case-review/checklists',
    );
    const scores = Object.fromEntries(
      checklists[0]!.items.map((item) => [item.key, { score: item.maxScore }]),
    );
    const scored = await call<ReviewView>(
      who.justice,
      'PUT',
      `/api/enforcement/case-review/reviews/${review.id}`,
      {
        scores: {
          ...scores,
          hearingLawful: { score: 0 },
          fileTimely: { score: 0 },
          priorNotice: { score: 0 },
          lawApplied: { score: 3 },
        },
      },
    );
    expect(scored.body).toMatchObject({ totalScore: 89, grade: 'pass' });
    const { body } = await call<EnforcementStatistics>(
      who.justice,
      'GET',
      `/api/enforcement/statistics?${period}`,
    );
    expect(body.caseFileReview).toEqual({
      sampled: 1,
      scored: 1,
      averageScore: 89,
      byGrade: [{ key: 'pass', label: '合格', count: 1 }],
    });
    const graded = await drill('reviewGrade', '&key=pass');
    expect(graded.items.map((row) => [row.id, row.detail])).toEqual([
      [ids.minor, '2026年度案卷评查：89 分（合格）'],
    ]);
    expect((await drill('reviewGrade', '&key=excellent')).total).toBe(0);
  });

  it('reads a body with its subordinates, sees nothing of another, and refuses officers', async () => {
    const city = await call<EnforcementStatistics>(
      who.justice,
      'GET',
      `/api/enforcement/statistics?${period}&organizationId=${fixture.cityId}`,
    );
    expect(city.body.registered).toBe(6);
    const other = await call<EnforcementStatistics>(
      who.justice,
      'GET',
      `/api/enforcement/statistics?${period}&organizationId=${fixture.otherBodyId}`,
    );
    expect(other.body).toMatchObject({
      registered: 0,
      legalReview: { majorDecided: 0, rate: null },
      overdue: { cases: 0 },
    });
    const refused = await call(who.officer, 'GET', `/api/enforcement/statistics?${period}`);
    expect(refused.status).toBe(403);
    const reversed = await call(
      who.justice,
      'GET',
      '/api/enforcement/statistics?from=2026-10-31&to=2026-10-01',
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.field).toBe('to');
    // the default period: this year up to today
    const defaults = await call<EnforcementStatistics>(who.justice, 'GET', '/api/enforcement/statistics');
    expect(defaults.body).toMatchObject({ from: '2026-01-01', to: '2026-10-30', registered: 7 });
  });
});
