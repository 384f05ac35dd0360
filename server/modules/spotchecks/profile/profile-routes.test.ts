import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../../contracts/enforcement';
import type {
  EntityProfileView,
  EntityView,
  PublicEntityPage,
  PublicEntityProfile,
} from '../../../../contracts/spotchecks';
import { inTransaction } from '../../../core/context';
import { newId } from '../../../core/db/ids';
import { composeCreditCode } from '../../../core/identity/national-codes';
import { createPublication } from '../../../core/publication/publication-service';
import { publications } from '../../../core/publication/publication-tables';
import { segmentedText, toSearchVector } from '../../../core/search/chinese-search';
import { buildTestPlatform, type TestPlatform } from '../../../test/build-test-app';
import { httpCaller, type SessionHeaders } from '../../../test/http-call';
import { testDatabaseKinds } from '../../../test/test-databases';
import { buildEnforcementFixture, type EnforcementFixture } from '../../enforcement/enforcement-test-fixture';
import { enforcementCases, enforcementParties } from '../../enforcement/enforcement-tables';
import { entities, spotCheckPlans, spotCheckTasks } from '../spotcheck-tables';

/**
 * 涉企信息归集 through HTTP on PGlite and PostgreSQL: a department user sees every department's
 * inspections but only his own department's cases; the justice bureau sees all; the portal shows
 * the published penalty and the published spot-check result only, and never the risk grade.
 */

describe.each(testDatabaseKinds())('entity profile on %s', (database) => {
  let platform: TestPlatform;
  let fixture: EnforcementFixture;
  const who = {} as Record<'officerA' | 'justice' | 'other', SessionHeaders>;
  const call = httpCaller(() => platform);
  const entityCode = composeCreditCode('91', '410300', 'MA4EP001');
  const entityName = '示范市香满楼餐饮管理有限公司';
  const ids = { published: '', pending: '', other: '' };
  const numbers = { published: '', pending: '', other: '示环罚决〔2026〕7号' };

  const summaryCase = async (title: string, fineYuan: number) => {
    const answer = await call<CaseDetail>(who.officerA, 'POST', '/api/enforcement/cases', {
      organizationId: fixture.marketId,
      procedure: 'summary',
      powerItemId: fixture.penaltyItemId,
      source: 'patrol',
      title,
      facts: '巡查发现当事人后厨未按规定落实防蝇设施，当场责令改正。',
      party: {
        kind: 'enterprise',
        name: entityName,
        creditCode: entityCode,
        legalRepresentative: '钱志明',
        address: '示范市洛龙区开元大道 66 号',
      },
      officerPersonIds: [fixture.people.officerA, fixture.people.officerB],
      summaryPenalty: { kinds: ['fine'], fineYuan },
    });
    expect(answer.status, answer.text).toBe(201);
    return answer.body.case;
  };
  /** What enforcement publishes of a decision, as the platform records it for publication. */
  const publicationOf = (caseId: string, decisionNumber: string) =>
    inTransaction(platform.deps, null, (ctx) =>
      createPublication(ctx, {
        subjectType: 'enforcementCase',
        subjectId: caseId,
        organizationId: fixture.marketId,
        kind: 'penalty',
        field: 'marketSupervision',
        title: `示范市市场监督管理局行政处罚决定信息（${decisionNumber}）`,
        content: { 行政处罚决定书文号: decisionNumber, 当事人名称: entityName, 法定代表人: '钱志明' },
        decidedOn: '2026-09-28',
        personalData: { personNames: ['钱志明'] },
      }),
    );

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    fixture = await buildEnforcementFixture(platform);
    who.officerA = await fixture.headers(fixture.users.officerA);
    who.justice = await fixture.headers(fixture.users.justice);
    who.other = await fixture.headers(fixture.users.otherOfficer);
    const tenantCode = platform.config.tenantCode;
    const now = platform.clock.now();
    const db = platform.deps.db;

    await db.insert(entities).values({
      tenantCode,
      id: newId(),
      creditCode: entityCode,
      name: entityName,
      address: '示范市洛龙区开元大道 66 号',
      industry: '餐饮业',
      jurisdictionCode: '410311',
      licences: ['食品经营许可证'],
      riskGrade: 'D',
      searchVector: toSearchVector(segmentedText(`${entityName} ${entityCode}`)) as never,
      createdAt: now,
      updatedAt: now,
    });

    // two decisions of the market bureau: one published, one still pending publication
    const published = await summaryCase('当场处罚：未落实防蝇设施', 1000);
    const pending = await summaryCase('当场处罚：从业人员未佩戴口罩', 500);
    ids.published = published.id;
    ids.pending = pending.id;
    numbers.published = published.decisionNumber ?? '';
    numbers.pending = pending.decisionNumber ?? '';
    const toPublish = await publicationOf(published.id, numbers.published);
    await publicationOf(pending.id, numbers.pending);
    const publish = await call(who.officerA, 'POST', `/api/publications/${toPublish.id}/publish`, {});
    expect(publish.status, publish.text).toBe(200);

    // a decision of the environment bureau against the same enterprise, never published
    const [party] = await db.select({ id: enforcementParties.id }).from(enforcementParties);
    ids.other = newId();
    await db.insert(enforcementCases).values({
      tenantCode,
      id: ids.other,
      organizationId: fixture.otherBodyId,
      instanceId: newId(),
      procedure: 'ordinary',
      caseNumber: '示环立〔2026〕7号',
      year: 2026,
      title: '涉嫌超标排放油烟案',
      source: 'report',
      powerItemId: fixture.otherBodyItemId,
      powerItemVersionId: newId(),
      powerItemCode: 'CF-101',
      powerItemName: '对超标排放大气污染物的行政处罚',
      partyId: party!.id,
      partyKind: 'enterprise',
      partyName: entityName,
      state: 'decided',
      officerPersonIds: [],
      decisionOutcome: 'penalty',
      decidedPenalty: { kinds: ['fine'], fineFen: 2_000_000, confiscationFen: 0, detail: null },
      fineFen: 2_000_000,
      decisionNumber: numbers.other,
      registeredOn: '2026-08-03',
      decidedOn: '2026-09-01',
    });

    // inspections: a joint plan of both bureaus this year (result published), one last year, one not yet done
    const plan = (year: number, planNumber: string, title: string) => ({
      tenantCode,
      id: newId(),
      organizationId: fixture.marketId,
      organizationIds: [fixture.marketId, fixture.otherBodyId],
      fields: ['市场监管', '生态环境'],
      instanceId: newId(),
      planNumber,
      year,
      title,
      trigger: 'routine',
      items: [],
      populationFilter: { jurisdictionCodes: [], industries: [], licences: [] },
      strata: [{ riskGrade: 'D', ratioBasisPoints: 10_000 }],
      inspectorsPerTask: 2,
      maxTasksPerInspector: 30,
      periodStart: `${String(year)}-03-01`,
      periodEnd: `${String(year)}-11-30`,
      state: 'drawn',
      createdByName: '周明',
    });
    const thisYear = plan(2026, '示市监抽〔2026〕3号', '2026 年餐饮服务联合抽查');
    const lastYear = plan(2025, '示市监抽〔2025〕9号', '2025 年食品安全抽查');
    const notYetDone = plan(2026, '示市监抽〔2026〕5号', '2026 年第二批餐饮服务抽查');
    await db.insert(spotCheckPlans).values([thisYear, lastYear, notYetDone]);
    const resultPublicationId = newId();
    await db.insert(publications).values({
      tenantCode,
      id: resultPublicationId,
      subjectType: 'spotCheckTask',
      subjectId: newId(),
      organizationId: fixture.marketId,
      kind: 'spotCheckResult',
      field: 'marketSupervision',
      title: '随机抽查检查结果',
      content: [['检查结果', '发现问题已责令改正']],
      decidedOn: '2026-09-10',
      dueOn: '2026-10-15',
      citation: '国发〔2019〕5号',
      status: 'published',
      publishedOn: '2026-09-15',
    });
    const task = (
      planRow: typeof thisYear,
      seq: number,
      values: Partial<typeof spotCheckTasks.$inferInsert>,
    ): typeof spotCheckTasks.$inferInsert => ({
      tenantCode,
      id: newId(),
      planId: planRow.id,
      organizationId: fixture.marketId,
      instanceId: newId(),
      seq,
      year: planRow.year,
      fields: planRow.fields,
      isJoint: true,
      creditCode: entityCode,
      entityName,
      riskGrade: 'D',
      inspectorPersonIds: [fixture.people.officerA, fixture.people.officerB],
      state: 'assigned',
      ...values,
    });
    await db.insert(spotCheckTasks).values([
      task(thisYear, 1, {
        state: 'completed',
        inspectedOn: '2026-09-08',
        result: 'corrected',
        completedOn: '2026-09-10',
        caseId: ids.published,
        publicationId: resultPublicationId,
      }),
      task(lastYear, 4, {
        state: 'completed',
        inspectedOn: '2025-06-12',
        result: 'noProblem',
        completedOn: '2025-06-12',
      }),
      task(notYetDone, 2, {}),
    ]);
  }, 180_000);
  afterAll(async () => platform.close());

  it('gathers every department’s inspections, but only the department’s own cases, for a department user', async () => {
    const answer = await call<EntityProfileView>(
      who.officerA,
      'GET',
      `/api/spotchecks/entities/${entityCode.toLowerCase()}/profile`,
    );
    expect(answer.status, answer.text).toBe(200);
    const profile = answer.body;
    expect(profile.entity).toMatchObject({
      creditCode: entityCode,
      riskGrade: 'D',
      licences: ['食品经营许可证'],
    });
    expect(profile.riskGradeLabel).toBe('D 类（信用风险高）');
    expect(profile.cases.map((row) => row.id).sort()).toEqual([ids.published, ids.pending].sort());
    expect(JSON.stringify(profile)).not.toContain(numbers.other);
    expect(profile.casesAreScoped).toBe(true);
    expect(profile.counts).toEqual({
      inspectionsThisYear: 1,
      inspectionsTotal: 2,
      cases: 2,
      penalties: 2,
      finesYuan: 1500,
    });
    const publishedCase = profile.cases.find((row) => row.id === ids.published);
    expect(publishedCase).toMatchObject({
      organizationName: '示范市市场监督管理局',
      decidedPenaltyText: '罚款 1,000.00 元',
      fineYuan: 1000,
      publicationStatusLabel: '已公示',
    });
    expect(profile.cases.find((row) => row.id === ids.pending)?.publicationStatusLabel).toBe('待公示');
    // the three tasks, the one not yet inspected first; the joint plan names both bureaus
    expect(profile.inspections).toHaveLength(3);
    const done = profile.inspections.find((row) => row.planNumber === '示市监抽〔2026〕3号');
    expect(done).toMatchObject({
      organizationNames: ['示范市市场监督管理局', '示范市生态环境局'],
      resultLabel: '发现问题已责令改正',
      caseNumber: publishedCase?.caseNumber,
      publicationStatusLabel: '已公示',
    });
  });

  it('shows the other department only its own case, the linked case hidden, and the justice bureau everything', async () => {
    const other = await call<EntityProfileView>(
      who.other,
      'GET',
      `/api/spotchecks/entities/${entityCode}/profile`,
    );
    expect(other.status, other.text).toBe(200);
    expect(other.body.cases.map((row) => row.decisionNumber)).toEqual([numbers.other]);
    expect(other.body.counts).toMatchObject({ cases: 1, penalties: 1, finesYuan: 20_000 });
    const linked = other.body.inspections.find((row) => row.hasCase);
    expect(linked).toMatchObject({ caseId: null, caseNumber: null });

    const justice = await call<EntityProfileView>(
      who.justice,
      'GET',
      `/api/spotchecks/entities/${entityCode}/profile`,
    );
    expect(justice.status, justice.text).toBe(200);
    expect(justice.body.cases).toHaveLength(3);
    expect(justice.body.casesAreScoped).toBe(false);
    expect(justice.body.counts.finesYuan).toBe(21_500);
  });

  it('counts each listed entity’s inspections in the directory', async () => {
    const list = await call<{ items: EntityView[] }>(
      who.officerA,
      'GET',
      `/api/spotchecks/entities?q=${entityCode}`,
    );
    expect(list.status, list.text).toBe(200);
    expect(list.body.items[0]).toMatchObject({ inspectionsThisYear: 1, inspectionsTotal: 2 });
  });

  it('refuses a malformed credit code naming the field, an unknown one as not found, and a visitor without sign-in', async () => {
    const malformed = await call(who.officerA, 'GET', '/api/spotchecks/entities/91410300MA4EP0010X/profile');
    expect(malformed.status).toBe(400);
    expect(malformed.body.field).toBe('creditCode');
    const unknown = await call(
      who.officerA,
      'GET',
      `/api/spotchecks/entities/${composeCreditCode('91', '410300', 'MA4EP999')}/profile`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('检查对象名录库');
    const anonymous = await call(null, 'GET', `/api/spotchecks/entities/${entityCode}/profile`);
    expect(anonymous.status).toBe(401);
    const publicMalformed = await call(null, 'GET', '/api/public/entities/not-a-code');
    expect(publicMalformed.status).toBe(400);
    expect(publicMalformed.body.field).toBe('creditCode');
    const publicUnknown = await call(
      null,
      'GET',
      `/api/public/entities/${composeCreditCode('91', '410300', 'MA4EP999')}`,
    );
    expect(publicUnknown.status).toBe(404);
  });

  it('shows the public the published penalty and spot-check result only, masked, and never the risk grade', async () => {
    const answer = await call<PublicEntityProfile>(null, 'GET', `/api/public/entities/${entityCode}`);
    expect(answer.status, answer.text).toBe(200);
    const profile = answer.body;
    expect(profile).toMatchObject({
      creditCode: entityCode,
      name: entityName,
      industry: '餐饮业',
      licences: ['食品经营许可证'],
    });
    expect(profile.penalties).toHaveLength(1);
    expect(profile.penalties[0]?.content['行政处罚决定书文号']).toBe(numbers.published);
    expect(answer.text).not.toContain(numbers.pending);
    expect(answer.text).not.toContain(numbers.other);
    expect(answer.text).not.toContain('钱志明');
    expect(answer.text).not.toMatch(/riskGrade|风险/);
    expect(profile.inspections).toEqual([
      expect.objectContaining({
        planNumber: '示市监抽〔2026〕3号',
        resultLabel: '发现问题已责令改正',
        organizationNames: ['示范市市场监督管理局', '示范市生态环境局'],
      }),
    ]);
    expect(answer.text).not.toContain(fixture.people.officerA);
  });

  it('finds enterprises by name or code for the portal, a search word required and at most 50 a page', async () => {
    const byName = await call<PublicEntityPage>(
      null,
      'GET',
      `/api/public/entities?q=${encodeURIComponent('香满楼')}`,
    );
    expect(byName.status, byName.text).toBe(200);
    expect(byName.body.items.map((item) => item.creditCode)).toEqual([entityCode]);
    expect(byName.text).not.toMatch(/riskGrade/);
    const byCode = await call<PublicEntityPage>(
      null,
      'GET',
      `/api/public/entities?q=${entityCode.toLowerCase()}`,
    );
    expect(byCode.body.items).toHaveLength(1);
    const empty = await call(null, 'GET', '/api/public/entities?q=');
    expect(empty.status).toBe(400);
    expect(empty.body.field).toBe('q');
    const tooMany = await call(null, 'GET', '/api/public/entities?q=餐饮&pageSize=51');
    expect(tooMany.status).toBe(400);
  });
});
