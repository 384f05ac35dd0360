import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicDecision } from '../../../../contracts/publicity';
import type {
  DrawRecord,
  DrawVerificationView,
  PublicSpotCheckPlan,
  SpotCheckPlanDetail,
  SpotCheckStatistics,
  SpotCheckTaskDetail,
  SpotCheckTaskView,
} from '../../../../contracts/spotchecks';
import { loadWorkingDayCalendar } from '../../../core/calendar/load-calendar';
import { inTransaction } from '../../../core/context';
import { composeCreditCode } from '../../../core/identity/national-codes';
import { buildTestPlatform, type TestPlatform } from '../../../test/build-test-app';
import { createTestUser, type TestUser } from '../../../test/factories';
import { httpCaller, type SessionHeaders } from '../../../test/http-call';
import { testDatabaseKinds } from '../../../test/test-databases';
import {
  buildEnforcementFixture,
  testIdNumber,
  type EnforcementFixture,
} from '../../enforcement/enforcement-test-fixture';
import { createCertificate } from '../../org/certificate-service';
import { createPerson } from '../../org/person-service';
import { recordDraw, verifyDrawRecord } from '../draw/verify-draw';
import { entities } from '../spotcheck-tables';
import { approveSpotCheckItems } from './spotcheck-test-fixture';

/**
 * 双随机 from plan to publication through the HTTP API: a plan is made from the body's 随机抽查事项
 * 清单, committed (population frozen, commitment public), drawn (secret revealed); the record
 * downloaded from the portal re-runs to the same entities and inspectors, a tampered one does
 * not; recusals and frequency limits hold; tasks are carried out, their results due on the portal
 * within 20 working days, a problem opens a case, and the plan completes with its last task.
 */

describe.each(testDatabaseKinds())('spot-check plans and tasks on %s', (database) => {
  let platform: TestPlatform;
  let fixture: EnforcementFixture;
  let itemIds: string[] = [];
  let officerC: { personId: string; user: TestUser };
  const who = {} as Record<
    'head' | 'officerA' | 'officerB' | 'officerC' | 'justice' | 'other',
    SessionHeaders
  >;
  const call = httpCaller(() => platform);
  /** 30 valid codes in a row (a few organization codes have no valid check character) */
  const codes: string[] = [];
  for (let serial = 0; codes.length < 30 && serial < 1000; serial += 1) {
    try {
      codes.push(composeCreditCode('91', '410300', `MA4PC${String(serial).padStart(3, '0')}`));
    } catch {
      // skip a code without a check character
    }
  }
  const code = (index: number) => codes[index] as string;
  const grades = ['A', 'B', 'C'] as const;
  /** 30 entities: 0–9 grade A, 10–19 grade B, 20–29 grade C */
  const recusedEntity = code(25);
  let planId = '';
  let commitment = '';
  let record: DrawRecord;

  const planBody = (overrides: Record<string, unknown> = {}) => ({
    title: '2026 年食品经营者双随机抽查',
    organizationIds: [fixture.marketId],
    itemIds,
    trigger: 'routine',
    strata: [
      { riskGrade: 'A', ratioPercent: 10 },
      { riskGrade: 'B', ratioPercent: 30 },
      { riskGrade: 'C', ratioPercent: 100 },
    ],
    inspectorsPerTask: 2,
    maxTasksPerInspector: 30,
    periodStart: '2026-09-28',
    periodEnd: '2026-12-31',
    ...overrides,
  });

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    fixture = await buildEnforcementFixture(platform);
    const tenantCode = platform.config.tenantCode;
    itemIds = await approveSpotCheckItems(platform, fixture);

    // a third certified officer, so one recused inspector still leaves two
    const personId = await inTransaction(platform.deps, null, async (ctx) => {
      const person = await createPerson(ctx, {
        organizationId: fixture.marketId,
        name: '孙立伟',
        idNumber: testIdNumber('410302', '1988-05-06', 21),
        duties: ['officer'],
      });
      await createCertificate(ctx, {
        personId: person.id,
        number: '41030000021',
        field: '市场监管',
        issuedBy: '河南省人民政府',
        issuedOn: '2022-01-10',
        expiresOn: '2029-12-31',
        status: 'valid',
      });
      return person.id;
    });
    officerC = {
      personId,
      user: await createTestUser(platform, { role: 'officer', organizationId: fixture.marketId, personId }),
    };

    await platform.deps.db.insert(entities).values(
      Array.from({ length: 30 }, (_, index) => ({
        tenantCode,
        id: crypto.randomUUID(),
        creditCode: code(index),
        name: `示范市第${String(index + 1)}食品商行有限公司`,
        address: `示范市洛龙区开元大道 ${String(index + 1)} 号`,
        industry: '食品零售',
        jurisdictionCode: '410311',
        licences: ['食品经营许可证'],
        riskGrade: grades[Math.floor(index / 10)] as string,
      })),
    );
    who.head = await fixture.headers(fixture.users.head);
    who.officerA = await fixture.headers(fixture.users.officerA);
    who.officerB = await fixture.headers(fixture.users.officerB);
    who.officerC = await fixture.headers(officerC.user);
    who.justice = await fixture.headers(fixture.users.justice);
    who.other = await fixture.headers(fixture.users.otherOfficer);
    const recusal = await call(who.head, 'POST', '/api/spotchecks/recusals', {
      personId: fixture.people.officerA,
      creditCode: recusedEntity,
      kind: 'relative',
      note: '配偶持股',
    });
    expect(recusal.status, recusal.text).toBe(201);
  }, 240_000);
  afterAll(async () => platform.close());

  it('refuses a plan outside the spot-check list, a period backwards and a planner without the role', async () => {
    const penaltyItem = await call(
      who.head,
      'POST',
      '/api/spotchecks/plans',
      planBody({ itemIds: [fixture.penaltyItemId] }),
    );
    expect(penaltyItem.status).toBe(400);
    expect(penaltyItem.body.field).toBe('itemIds');
    expect(penaltyItem.body.message).toContain('随机抽查事项清单');
    const backwards = await call(
      who.head,
      'POST',
      '/api/spotchecks/plans',
      planBody({ periodEnd: '2026-09-01' }),
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.field).toBe('periodEnd');
    const oneInspector = await call(
      who.head,
      'POST',
      '/api/spotchecks/plans',
      planBody({ inspectorsPerTask: 1 }),
    );
    expect(oneInspector.status).toBe(400);
    expect(oneInspector.body.field).toBe('inspectorsPerTask');
    const officer = await call(who.officerA, 'POST', '/api/spotchecks/plans', planBody());
    expect(officer.status).toBe(403);
    const plans = await call<{ total: number }>(who.head, 'GET', '/api/spotchecks/plans');
    expect(plans.body.total).toBe(0);
  });

  it('makes a plan, commits it with a public commitment, and draws it with the secret revealed', async () => {
    const created = await call<SpotCheckPlanDetail>(who.head, 'POST', '/api/spotchecks/plans', planBody());
    expect(created.status, created.text).toBe(201);
    planId = created.body.plan.id;
    expect(created.body.plan.planNumber).toBe('示市监抽〔2026〕1号');
    expect(created.body.plan.organizationIds).toEqual([fixture.marketId]);
    expect(created.body.plan.state).toBe('draft');
    expect(created.body.nextActions.map((action) => action.name)).toEqual(['commit', 'cancel']);

    const committed = await call<SpotCheckPlanDetail>(
      who.head,
      'POST',
      `/api/spotchecks/plans/${planId}/commit`,
    );
    expect(committed.status, committed.text).toBe(200);
    expect(committed.body.plan).toMatchObject({
      state: 'committed',
      populationCount: 30,
      eligibleCount: 30,
      secret: null,
    });
    commitment = committed.body.plan.commitment ?? '';
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    const before = await call<PublicSpotCheckPlan>(null, 'GET', `/api/public/spotchecks/plans/${planId}`);
    expect(before.body).toMatchObject({ commitment, secret: null, hasRecord: false });
    expect((await call(null, 'GET', `/api/public/spotchecks/plans/${planId}/record`)).status).toBe(404);

    const drawn = await call<SpotCheckPlanDetail>(who.head, 'POST', `/api/spotchecks/plans/${planId}/draw`, {
      externalEntropy: '2026-09-28 福彩 3D 第 2026260 期 4 7 1',
    });
    expect(drawn.status, drawn.text).toBe(200);
    // ⌈10 × 10%⌉ + ⌈10 × 30%⌉ + 10 × 100%
    expect(drawn.body.plan).toMatchObject({ state: 'drawn', taskCount: 14, commitment });
    expect(drawn.body.plan.secret).toMatch(/^[0-9a-f]{64}$/);
    const again = await call(who.head, 'POST', `/api/spotchecks/plans/${planId}/draw`, {});
    expect(again.status).toBe(409);
  });

  it('publishes a record that re-runs to the same draw, matching the tasks made, with the recusal kept', async () => {
    const download = await call(null, 'GET', `/api/public/spotchecks/plans/${planId}/record`);
    expect(download.status).toBe(200);
    record = JSON.parse(download.text) as DrawRecord;
    expect(record.commitment).toBe(commitment);
    expect(verifyDrawRecord(record)).toMatchObject({ ok: true, entities: 14, tasks: 14 });
    // the same input, secret and entropy draw the same, whichever database made the plan
    expect(recordDraw(record.input, record.secret, record.externalEntropy).result).toEqual(record.result);
    expect(record.input.population).toHaveLength(30);
    expect(record.input.inspectors.map((inspector) => inspector.personId).sort()).toEqual(
      [fixture.people.officerA, fixture.people.officerB, officerC.personId].sort(),
    );
    const tasks = await call<{ items: SpotCheckTaskView[] }>(
      who.head,
      'GET',
      `/api/spotchecks/tasks?planId=${planId}&pageSize=50`,
    );
    expect(
      tasks.body.items.map((task) => [
        task.creditCode,
        task.inspectors.map((inspector) => inspector.personId),
      ]),
    ).toEqual(record.result.tasks.map((task) => [task.creditCode, task.inspectorPersonIds]));
    const recused = record.result.tasks.find((task) => task.creditCode === recusedEntity);
    expect(recused?.inspectorPersonIds).toHaveLength(2);
    expect(recused?.inspectorPersonIds).not.toContain(fixture.people.officerA);
    const verified = await call<DrawVerificationView>(null, 'POST', '/api/public/spotchecks/verify', record);
    expect(verified.body).toMatchObject({ ok: true, entities: 14 });
  });

  it('fails a tampered reveal, a swapped inspector and an edited population, naming why', async () => {
    const flip = (hex: string) => `${hex.slice(0, -1)}${hex.endsWith('0') ? '1' : '0'}`;
    const badSecret = verifyDrawRecord({ ...record, secret: flip(record.secret) });
    expect(badSecret).toMatchObject({ ok: false });
    expect(!badSecret.ok && badSecret.reason).toContain('承诺值');
    const [first, ...rest] = record.result.tasks;
    if (!first) throw new Error('no task');
    const other = record.input.inspectors.find(
      (inspector) => !first.inspectorPersonIds.includes(inspector.personId),
    );
    const swapped = {
      ...record,
      result: {
        ...record.result,
        tasks: [
          { ...first, inspectorPersonIds: [other?.personId ?? '', ...first.inspectorPersonIds.slice(1)] },
          ...rest,
        ],
      },
    };
    const badTask = await call<DrawVerificationView>(null, 'POST', '/api/public/spotchecks/verify', swapped);
    expect(badTask.body.ok).toBe(false);
    expect(badTask.body.reason).toContain('第 1 个任务');
    const edited = {
      ...record,
      input: {
        ...record.input,
        population: record.input.population.map((entity, index) =>
          index === 0 ? { ...entity, riskGrade: 'D' } : entity,
        ),
      },
    };
    const badInput = verifyDrawRecord(edited);
    expect(!badInput.ok && badInput.reason).toContain('输入摘要不符');
  });

  it('leaves out this year’s inspected entities from a routine plan of the same field, not from a complaint-triggered one', async () => {
    const routine = await call<SpotCheckPlanDetail>(
      who.head,
      'POST',
      '/api/spotchecks/plans',
      planBody({ title: '2026 年第二批食品经营者抽查' }),
    );
    const committed = await call<SpotCheckPlanDetail>(
      who.head,
      'POST',
      `/api/spotchecks/plans/${routine.body.plan.id}/commit`,
    );
    expect(committed.status, committed.text).toBe(200);
    expect(committed.body.plan).toMatchObject({ populationCount: 30, eligibleCount: 16 });
    const triggered = await call<SpotCheckPlanDetail>(
      who.head,
      'POST',
      '/api/spotchecks/plans',
      planBody({ title: '投诉举报引发的食品经营者抽查', trigger: 'complaint' }),
    );
    const complaint = await call<SpotCheckPlanDetail>(
      who.head,
      'POST',
      `/api/spotchecks/plans/${triggered.body.plan.id}/commit`,
    );
    expect(complaint.body.plan.eligibleCount).toBe(30);
    // cancelled after its commitment: the commitment stays public with the reason
    const cancelled = await call<SpotCheckPlanDetail>(
      who.head,
      'POST',
      `/api/spotchecks/plans/${routine.body.plan.id}/cancel`,
      {
        reason: '与省局统一部署的抽查重复',
      },
    );
    expect(cancelled.body.plan.state).toBe('cancelled');
    const listed = await call<{ items: PublicSpotCheckPlan[] }>(null, 'GET', '/api/public/spotchecks/plans');
    expect(listed.body.items.find((plan) => plan.id === routine.body.plan.id)).toMatchObject({
      stateLabel: '已撤销',
      cancelReason: '与省局统一部署的抽查重复',
      secret: null,
    });
    const drawnCancel = await call(who.head, 'POST', `/api/spotchecks/plans/${planId}/cancel`, {
      reason: '抽取后不能撤销',
    });
    expect(drawnCancel.status).toBe(409);
  });

  it('carries out a task: only its inspectors act, the checklist and result must agree, the result is due within 20 working days', async () => {
    const tasks = (
      await call<{ items: SpotCheckTaskView[] }>(
        who.officerA,
        'GET',
        '/api/spotchecks/tasks?mine=true&pageSize=50',
      )
    ).body.items;
    const task = tasks.find((candidate) => candidate.planId === planId);
    if (!task) throw new Error('officer A has no task');
    const outsider = [
      [fixture.people.officerB, who.officerB],
      [officerC.personId, who.officerC],
    ].find(
      ([personId]) => !task.inspectors.some((inspector) => inspector.personId === personId),
    )?.[1] as SessionHeaders;
    const checklist = itemIds.map((itemId, index) => ({
      itemId,
      conforms: index === 0 ? false : true,
      note: index === 0 ? '冷藏柜温度 12℃，超出要求' : null,
    }));
    const body = {
      inspectedOn: '2026-09-28',
      checklist,
      record: '执法人员出示证件后对经营场所进行检查，冷藏柜温度不符合要求。',
    };
    const byOutsider = await call(outsider, 'POST', `/api/spotchecks/tasks/${task.id}/inspection`, body);
    expect(byOutsider.status).toBe(409);
    expect(byOutsider.body.message).toContain('抽中的检查人员');
    const missing = await call(who.officerA, 'POST', `/api/spotchecks/tasks/${task.id}/inspection`, {
      ...body,
      checklist: checklist.slice(1),
    });
    expect(missing.status).toBe(400);
    expect(missing.body.field).toBe('checklist');
    const inspected = await call<SpotCheckTaskDetail>(
      who.officerA,
      'POST',
      `/api/spotchecks/tasks/${task.id}/inspection`,
      body,
    );
    expect(inspected.status, inspected.text).toBe(200);
    expect(inspected.body.task.state).toBe('inspected');
    const contradicting = await call(who.officerA, 'POST', `/api/spotchecks/tasks/${task.id}/complete`, {
      result: 'noProblem',
    });
    expect(contradicting.status).toBe(400);
    expect(contradicting.body.field).toBe('result');
    const completed = await call<SpotCheckTaskDetail>(
      who.officerA,
      'POST',
      `/api/spotchecks/tasks/${task.id}/complete`,
      {
        result: 'followUp',
        resultNote: '已责令立即整改，另案调查',
      },
    );
    expect(completed.status, completed.text).toBe(200);
    const calendar = await loadWorkingDayCalendar(platform.deps.db);
    expect(completed.body.task).toMatchObject({
      state: 'completed',
      resultLabel: '发现问题待后续处理',
      publicationStatus: 'pending',
      publicationDueOn: calendar.addWorkingDays('2026-09-28', 20),
    });
    // National Day: 20 working days from 28 September run past the holiday
    expect(completed.body.task.publicationDueOn).toBe('2026-10-30');
    expect(completed.body.nextActions.map((action) => action.name)).toEqual(['openCase']);

    const opened = await call<{ caseId: string }>(
      who.officerA,
      'POST',
      `/api/spotchecks/tasks/${task.id}/case`,
      {
        powerItemId: fixture.penaltyItemId,
        title: '涉嫌未按要求贮存食品案',
        facts: '双随机抽查发现冷藏柜温度不符合要求',
      },
    );
    expect(opened.status, opened.text).toBe(201);
    const detail = await call<SpotCheckTaskDetail>(who.officerA, 'GET', `/api/spotchecks/tasks/${task.id}`);
    expect(detail.body.task.caseNumber).toMatch(/^示市监立〔2026〕\d+号$/);
    const twice = await call(who.officerA, 'POST', `/api/spotchecks/tasks/${task.id}/case`, {
      powerItemId: fixture.penaltyItemId,
      title: '涉嫌未按要求贮存食品案',
    });
    expect(twice.status).toBe(409);

    // published by the officer through the core publication mechanism, then on the portal
    const published = await call(
      who.officerA,
      'POST',
      `/api/publications/${detail.body.task.publicationId ?? ''}/publish`,
      {},
    );
    expect(published.status, published.text).toBe(200);
    const portal = await call<{ items: PublicDecision[] }>(
      null,
      'GET',
      '/api/public/enforcement/decisions?kind=spotCheckResult',
    );
    expect(portal.body.items.map((item) => item.content['检查结果'])).toEqual(['发现问题待后续处理']);
  });

  it('completes the plan with its last task', async () => {
    const tasks = (
      await call<{ items: SpotCheckTaskView[] }>(
        who.head,
        'GET',
        `/api/spotchecks/tasks?planId=${planId}&state=assigned&pageSize=50`,
      )
    ).body.items;
    expect(tasks).toHaveLength(13);
    const sessionOf = (personId: string) =>
      personId === fixture.people.officerA
        ? who.officerA
        : personId === fixture.people.officerB
          ? who.officerB
          : who.officerC;
    for (const task of tasks) {
      const session = sessionOf(task.inspectors[0]?.personId ?? '');
      const checklist = itemIds.map((itemId) => ({ itemId, conforms: true }));
      const inspected = await call(session, 'POST', `/api/spotchecks/tasks/${task.id}/inspection`, {
        inspectedOn: '2026-09-28',
        checklist,
        record: '经营场所整洁，证照齐全，进货查验记录完整。',
      });
      expect(inspected.status, inspected.text).toBe(200);
      const done = await call(session, 'POST', `/api/spotchecks/tasks/${task.id}/complete`, {
        result: 'noProblem',
      });
      expect(done.status, done.text).toBe(200);
    }
    const plan = await call<SpotCheckPlanDetail>(who.head, 'GET', `/api/spotchecks/plans/${planId}`);
    expect(plan.body.plan).toMatchObject({ state: 'completed', completedTaskCount: 14 });
    expect(plan.body.steps.map((step) => step.action)).toEqual(['start', 'commit', 'draw', 'complete']);
    const byOther = await call(who.other, 'GET', `/api/spotchecks/plans/${planId}`);
    expect(byOther.status).toBe(404);
  });

  it('feeds oversight: coverage, problems, cases, and results overdue once 20 working days have passed unpublished', async () => {
    const figures = await call<SpotCheckStatistics>(
      who.justice,
      'GET',
      '/api/spotchecks/statistics?year=2026',
    );
    expect(figures.status, figures.text).toBe(200);
    expect(figures.body).toMatchObject({
      year: 2026,
      listedEntities: 30,
      inspectedEntities: 14,
      coverageRate: 0.4667,
    });
    expect(figures.body.departments).toEqual([
      expect.objectContaining({
        organizationId: fixture.marketId,
        plans: 2,
        tasks: 14,
        completed: 14,
        problems: 1,
        cases: 1,
        publishedOnTime: 1,
        overdueUnpublished: 0,
        notYetDue: 13,
      }),
    ]);
    // the day after the 20th working day, the 13 results nobody published are overdue
    platform.clock.set('2026-11-02T09:00:00+08:00');
    const later = await call<SpotCheckStatistics>(
      await fixture.headers(fixture.users.justice),
      'GET',
      '/api/spotchecks/statistics?year=2026',
    );
    expect(later.body.departments[0]).toMatchObject({
      publishedOnTime: 1,
      overdueUnpublished: 13,
      notYetDue: 0,
      timelinessRate: 0.0714,
    });
    const byOther = await call<SpotCheckStatistics>(
      await fixture.headers(fixture.users.otherOfficer),
      'GET',
      '/api/spotchecks/statistics?year=2026',
    );
    expect(byOther.body.departments).toEqual([]);
  });
});
