import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseListPage, CaseView, CaseWorkbench } from '../../../contracts/enforcement';
import { queryRows } from '../../core/db/query-rows';
import { blobPath } from '../../core/files/file-storage';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { multipartBody } from '../../test/multipart';
import { testDatabaseKinds } from '../../test/test-databases';
import {
  buildEnforcementFixture,
  testCreditCode,
  testIdNumber,
  type EnforcementFixture,
} from './enforcement-test-fixture';
import { majorDecisionRules } from './enforcement-tables';
import { newId } from '../../core/db/ids';
import { httpCaller, type Answer } from '../../test/http-call';

/** An enforcement case from registration to archive, and the refusals, through the HTTP API on both databases. */

type Headers = { cookie: string };

describe.each(testDatabaseKinds())('enforcement cases on %s', (database) => {
  let platform: TestPlatform;
  let fixture: EnforcementFixture;
  let dataDir: string;
  const who = {} as Record<
    'officerA' | 'officerB' | 'expired' | 'reviewer' | 'unqualified' | 'head' | 'other',
    Headers
  >;

  const call = httpCaller(() => platform);
  const act = (headers: Headers, caseId: string, action: string, fields: Record<string, unknown> = {}) =>
    call<CaseDetail>(headers, 'POST', `/api/enforcement/cases/${caseId}/actions/${action}`, { fields });
  const expectState = (answer: Answer<CaseDetail>, state: string) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.case.state).toBe(state);
    return answer.body;
  };
  const signInAll = async () => {
    who.officerA = await fixture.headers(fixture.users.officerA);
    who.officerB = await fixture.headers(fixture.users.officerB);
    who.expired = await fixture.headers(fixture.users.expiredOfficer);
    who.reviewer = await fixture.headers(fixture.users.reviewer);
    who.unqualified = await fixture.headers(fixture.users.unqualifiedReviewer);
    who.head = await fixture.headers(fixture.users.head);
    who.other = await fixture.headers(fixture.users.otherOfficer);
  };
  /** Moves the clock to 09:00 of a day (sessions end after 30 idle minutes, so everyone signs in again). */
  const moveTo = async (date: string) => {
    platform.clock.set(`${date}T09:00:00+08:00`);
    await signInAll();
  };
  const registration = (overrides: Record<string, unknown> = {}) => ({
    organizationId: fixture.marketId,
    procedure: 'ordinary',
    powerItemId: fixture.penaltyItemId,
    source: 'complaint',
    sourceDetail: '12345 热线转办',
    title: '涉嫌未取得食品经营许可从事食品经营案',
    facts: '接群众投诉，当事人在洛龙区开元大道经营熟食，未取得食品经营许可证。',
    party: {
      kind: 'enterprise',
      name: '示范市味美餐饮管理有限公司',
      creditCode: testCreditCode('MA4G1234'),
      legalRepresentative: '孙红',
      address: '示范市洛龙区开元大道 88 号',
    },
    officerPersonIds: [fixture.people.officerA, fixture.people.officerB],
    ...overrides,
  });
  const upload = async (headers: Headers, bytes: Buffer, name: string, mediaType: string) => {
    const body = multipartBody([
      { name: 'organizationId', value: fixture.marketId },
      { name: 'file', filename: name, contentType: mediaType, bytes },
    ]);
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json<{ sha256: string }>().sha256;
  };
  const proposal = (fineYuan: number, extra: Record<string, unknown> = {}) => ({
    facts: '当事人未取得食品经营许可从事熟食经营，货值 12,000 元，违法所得 3,000 元。',
    evidenceSummary: '现场检查笔录、询问笔录、现场照片、进货单据。',
    outcome: 'penalty',
    penalty: {
      kinds: ['fine', 'confiscateGains'],
      fineYuan,
      confiscationYuan: 3000,
      detail: '没收违法所得 3,000 元',
    },
    lawApplied: '《中华人民共和国食品安全法》第一百二十二条第一款',
    ...extra,
  });
  const noticeAndStatement = async (caseId: string, withHearing: boolean) => {
    expectState(
      await act(who.officerA, caseId, withHearing ? 'notifyWithHearing' : 'notify', { noticedOn: today() }),
      'noticed',
    );
    return expectState(
      await act(who.officerA, caseId, 'recordStatement', {
        statement: '当事人未提出陈述申辩',
        review: '维持原处理意见',
        hearingWaived: true,
      }),
      'readyToDecide',
    );
  };
  const today = () => new Date(platform.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const legalReview = (
    headers: Headers,
    caseId: string,
    conclusion: 'agree' | 'problems',
    allChecks = true,
  ) =>
    act(headers, caseId, 'legalReview', {
      conclusion,
      checklist: {
        bodyLawful: true,
        officersQualified: true,
        procedureLawful: true,
        factsClear: allChecks,
        lawApplied: true,
        discretionProper: true,
        withinAuthority: true,
        documentsComplete: true,
        noCrimeToRefer: true,
      },
      opinion:
        conclusion === 'agree'
          ? '主体合法，事实清楚，证据充分，适用法律正确，程序合法，同意。'
          : '证据不足，建议补充调查。',
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fazhi-enforcement-'));
    platform = await buildTestPlatform({ database, env: { FAZHI_DATA_DIR: dataDir } });
    fixture = await buildEnforcementFixture(platform);
    await platform.deps.db.insert(majorDecisionRules).values({
      tenantCode: platform.config.tenantCode,
      id: newId(),
      organizationId: fixture.marketId,
      title: '较大数额罚款',
      fineAtLeastFen: 50_000_00,
      penaltyKinds: ['revokeLicence', 'suspendBusiness'],
      requiresDeliberation: true,
      isActive: true,
    });
    await moveTo('2026-09-28');
  }, 180_000);
  afterAll(async () => {
    await platform.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('takes a major ordinary case from registration to archive, with every refusal the law requires on the way', async () => {
    const registered = await call<CaseDetail>(who.officerA, 'POST', '/api/enforcement/cases', registration());
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const caseId = registered.body.case.id;
    expect(registered.body.case.caseNumber).toBe('示市监立〔2026〕1号');
    expect(registered.body.case.state).toBe('pendingRegistration');
    expect(registered.body.case.officers.map((officer) => officer.certificateValid)).toEqual([true, true]);
    expect(registered.body.nextActions).toEqual([]);

    // the head approves: the 90-day decision period starts (art. 60), in calendar days; its last
    // day, 27 December 2026, is a Sunday, so it ends on Monday the 28th (民事诉讼法 art. 85)
    const approved = expectState(
      await act(who.head, caseId, 'approveRegistration', { comment: '同意立案' }),
      'investigating',
    );
    const decisionDeadline = approved.deadlines.find((deadline) => deadline.key === 'decision');
    expect(decisionDeadline?.dueDate).toBe('2026-12-28');
    expect(decisionDeadline?.citation).toContain('第六十条');

    // concluding needs a record first
    const early = await act(who.officerA, caseId, 'concludeInvestigation', proposal(80_000));
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('调查取证记录');

    // seizure needs an audio-video record (the guideline), then runs 30 days, extendable once by 30
    const noVideo = await act(who.officerA, caseId, 'seize', {
      items: '熟食加工设备一套',
      decisionNumber: '示市监强〔2026〕1号',
    });
    expect(noVideo.status).toBe(409);
    expect(noVideo.body.message).toContain('音像记录');
    const video = randomBytes(4096);
    const videoHash = await upload(who.officerA, video, '现场执法记录仪.mp4', 'video/mp4');
    const record = await call<{ id: string; fileSha256: string }>(
      who.officerA,
      'POST',
      `/api/enforcement/cases/${caseId}/records`,
      {
        kind: 'audioVideo',
        title: '现场检查执法记录仪视频',
        fileSha256: videoHash,
        location: '示范市洛龙区开元大道 88 号',
      },
    );
    expect(record.status, JSON.stringify(record.body)).toBe(201);
    await call(who.officerB, 'POST', `/api/enforcement/cases/${caseId}/records`, {
      kind: 'inspection',
      title: '现场检查笔录',
      content: '检查发现当事人正在加工销售熟食，未能出示食品经营许可证。',
    });
    const seized = await act(who.officerA, caseId, 'seize', {
      items: '熟食加工设备一套',
      decisionNumber: '示市监强〔2026〕1号',
    });
    expect(seized.status, JSON.stringify(seized.body)).toBe(200);
    expect(seized.body.deadlines.find((deadline) => deadline.key === 'seizure')?.dueDate).toBe('2026-10-28');
    expectState(
      await act(who.head, caseId, 'extendSeizure', { reason: '需等待检验结果', days: 30 }),
      'investigating',
    );
    const twice = await act(who.head, caseId, 'extendSeizure', { reason: '再次延长', days: 10 });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('只能延长一次');
    expectState(
      await act(who.officerA, caseId, 'releaseSeizure', { disposition: '检验合格，解除扣押' }),
      'investigating',
    );

    // an evidence file altered on disk is detected
    const verified = await call<{ intact: boolean }>(
      who.officerA,
      'POST',
      `/api/enforcement/cases/${caseId}/records/${record.body.id}/verify`,
    );
    expect(verified.body.intact).toBe(true);
    await writeFile(blobPath(dataDir, videoHash), Buffer.concat([video, Buffer.from('x')]));
    const altered = await call<{ intact: boolean; actual: string | null }>(
      who.officerA,
      'POST',
      `/api/enforcement/cases/${caseId}/records/${record.body.id}/verify`,
    );
    expect(altered.body.intact).toBe(false);
    expect(altered.body.actual).not.toBe(videoHash);
    await writeFile(blobPath(dataDir, videoHash), video);

    // an 80,000 元 fine meets the catalogue (≥ 50,000 元, collective deliberation) and the hearing threshold for an organization is 100,000 元
    const concluded = expectState(
      await act(who.officerA, caseId, 'concludeInvestigation', proposal(80_000)),
      'reviewing',
    );
    expect(concluded.case.isMajor).toBe(true);
    expect(concluded.case.majorReasons[0]).toContain('较大数额罚款');
    expect(concluded.case.hearingEligible).toBe(false);

    // a reviewer without the legal professional qualification may not review (art. 58)
    const unqualified = await legalReview(who.unqualified, caseId, 'agree');
    expect(unqualified.status).toBe(409);
    expect(unqualified.body.message).toContain('法律职业资格');
    const inconsistent = await legalReview(who.reviewer, caseId, 'agree', false);
    expect(inconsistent.status).toBe(409);

    await noticeAndStatement(caseId, false);
    // no legal review yet: no decision
    const unreviewed = await act(who.head, caseId, 'decide', {
      outcome: 'penalty',
      penalty: proposal(80_000).penalty,
      reasoning: '事实清楚',
    });
    expect(unreviewed.status).toBe(409);
    expect(unreviewed.body.message).toContain('未经法制审核不得作出决定');
    expect(
      (await call<CaseDetail>(who.head, 'GET', `/api/enforcement/cases/${caseId}`)).body.case.state,
    ).toBe('readyToDecide');

    expectState(await legalReview(who.reviewer, caseId, 'problems', false), 'readyToDecide');
    const failed = await act(who.head, caseId, 'decide', {
      outcome: 'penalty',
      penalty: proposal(80_000).penalty,
      reasoning: '事实清楚',
    });
    expect(failed.body.message).toContain('审核未通过');
    expectState(await legalReview(who.reviewer, caseId, 'agree'), 'readyToDecide');
    const undeliberated = await act(who.head, caseId, 'decide', {
      outcome: 'penalty',
      penalty: proposal(80_000).penalty,
      reasoning: '事实清楚',
    });
    expect(undeliberated.body.message).toContain('集体讨论');
    expectState(
      await act(who.head, caseId, 'deliberate', {
        meetingDate: today(),
        participants: '周明、局领导班子成员',
        conclusion: '同意处罚意见',
      }),
      'readyToDecide',
    );
    // a heavier decided penalty would need the hearing right the notice did not give
    const heavier = await act(who.head, caseId, 'decide', {
      outcome: 'penalty',
      penalty: { kinds: ['fine'], fineYuan: 150_000, confiscationYuan: 0 },
      reasoning: '情节严重',
    });
    expect(heavier.body.message).toContain('未告知听证权利');

    const decided = expectState(
      await act(who.head, caseId, 'decide', {
        outcome: 'penalty',
        penalty: proposal(80_000).penalty,
        reasoning: '事实清楚，证据确凿',
      }),
      'decided',
    );
    expect(decided.case.decisionNumber).toBe('示市监罚决〔2026〕1号');
    expect(decided.case.decidedPenalty?.fineYuan).toBe(80_000);
    // the decision goes to publication: market supervision publishes within 20 working days, masked
    expect(decided.publication?.status).toBe('pending');
    // 20 working days from 28 September across the National Day holiday (10 October is worked)
    expect(decided.publication?.dueOn).toBe('2026-10-30');
    expect(JSON.stringify(decided.publication?.content)).toContain('示市监罚决〔2026〕1号');
    expect(JSON.stringify(decided.publication?.content)).not.toContain('孙红');
    // 7 working days (arts. 61, 85): 29, 30 September, 8, 9, 10 (an adjusted working Saturday), 12, 13 October
    expect(decided.deadlines.find((deadline) => deadline.key === 'service')?.dueDate).toBe('2026-10-13');

    // served two weeks later (National Day holiday in between); payment due 15 days after service
    await moveTo('2026-10-12');
    const served = expectState(
      await act(who.officerA, caseId, 'serve', {
        servedOn: '2026-10-12',
        method: 'direct',
        recipient: '孙红',
      }),
      'executing',
    );
    expect(served.deadlines.find((deadline) => deadline.key === 'payment')?.dueDate).toBe('2026-10-27');

    // paid 2 days late: 3% × 2 of the 80,000 元 fine = 4,800 元 surcharge (art. 72)
    await moveTo('2026-10-29');
    const short = await act(who.officerA, caseId, 'recordPayment', {
      paidOn: '2026-10-29',
      paidYuan: 83_000,
      receiptNumber: 'FS20261029001',
    });
    expect(short.status).toBe(409);
    expect(short.body.message).toContain('87800.00');
    expectState(
      await act(who.officerA, caseId, 'recordPayment', {
        paidOn: '2026-10-29',
        paidYuan: 87_800,
        receiptNumber: 'FS20261029001',
      }),
      'pendingClose',
    );
    const closed = expectState(
      await act(who.head, caseId, 'close', { comment: '已履行完毕，同意结案' }),
      'closed',
    );
    expect(closed.case.surchargeYuan).toBe(4800);
    const unindexed = await act(who.officerA, caseId, 'archive', {
      archiveNumber: 'SJ-2026-001',
      volumes: 1,
      retention: 'long',
    });
    expect(unindexed.status).toBe(409);
    expect(unindexed.body.message).toContain('卷内文件目录');

    const index = await call<{ kind: string }>(
      who.officerA,
      'POST',
      `/api/enforcement/cases/${caseId}/documents/caseFileIndex`,
    );
    expect(index.status, JSON.stringify(index.body)).toBe(201);
    expectState(
      await act(who.officerA, caseId, 'archive', {
        archiveNumber: 'SJ-2026-001',
        volumes: 1,
        retention: 'long',
      }),
      'archived',
    );

    // the whole process is in the audit log and the step history
    const detail = (await call<CaseDetail>(who.head, 'GET', `/api/enforcement/cases/${caseId}`)).body;
    expect(detail.steps.map((step) => step.action)).toEqual([
      'start',
      'approveRegistration',
      'seize',
      'extendSeizure',
      'releaseSeizure',
      'concludeInvestigation',
      'notify',
      'recordStatement',
      'legalReview',
      'legalReview',
      'deliberate',
      'decide',
      'serve',
      'recordPayment',
      'close',
      'archive',
    ]);
    const [audit] = await queryRows<{ count: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS count FROM audit_events WHERE entity_id = ${caseId}`,
    );
    expect(audit?.count).toBeGreaterThanOrEqual(8);
  });

  it('refuses a case on a power item the body lacks, an officer without a valid certificate, and bad party codes — writing nothing', async () => {
    const before = await queryRows<{ count: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS count FROM enforcement_cases`,
    );
    const otherItem = await call(
      who.officerA,
      'POST',
      '/api/enforcement/cases',
      registration({ powerItemId: fixture.otherBodyItemId }),
    );
    expect(otherItem.status).toBe(400);
    expect(otherItem.body.field).toBe('powerItemId');
    expect(otherItem.body.message).toContain('清单之外无权力');
    const inspection = await call(
      who.officerA,
      'POST',
      '/api/enforcement/cases',
      registration({ powerItemId: fixture.inspectionItemId }),
    );
    expect(inspection.status).toBe(400);
    expect(inspection.body.message).toContain('不是行政处罚事项');
    const expired = await call(
      who.officerA,
      'POST',
      '/api/enforcement/cases',
      registration({
        officerPersonIds: [fixture.people.officerA, fixture.people.expiredOfficer],
      }),
    );
    expect(expired.status).toBe(400);
    expect(expired.body.field).toBe('officerPersonIds');
    expect(expired.body.message).toContain('赵志强');
    const alone = await call(
      who.officerA,
      'POST',
      '/api/enforcement/cases',
      registration({ officerPersonIds: [fixture.people.officerA] }),
    );
    expect(alone.status).toBe(400);
    expect(alone.body.message).toContain('不得少于两人');
    const badCode = await call(
      who.officerA,
      'POST',
      '/api/enforcement/cases',
      registration({
        party: { kind: 'enterprise', name: '某公司', creditCode: '91410300MA4G12345X' },
      }),
    );
    expect(badCode.status).toBe(400);
    expect(badCode.body.field).toBe('party.creditCode');
    const badId = await call(
      who.officerA,
      'POST',
      '/api/enforcement/cases',
      registration({
        party: { kind: 'person', name: '张三丰', idNumber: '410302198503011234' },
      }),
    );
    expect(badId.status).toBe(400);
    expect(badId.body.field).toBe('party.idNumber');
    const otherBody = await call(who.other, 'POST', '/api/enforcement/cases', registration());
    expect(otherBody.status).toBe(404);
    const after = await queryRows<{ count: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS count FROM enforcement_cases`,
    );
    expect(after[0]?.count).toBe(before[0]?.count);
  });

  it('keeps a natural person’s ID number encrypted, shows it masked, and finds the same person again', async () => {
    const idNumber = testIdNumber('410302', '1990-05-06', 21);
    const person = {
      kind: 'person',
      name: '张三丰',
      idNumber,
      address: '示范市西工区凯旋路 12 号',
      phone: '13812345678',
    };
    const first = await call<CaseDetail>(
      who.officerA,
      'POST',
      '/api/enforcement/cases',
      registration({ party: person, title: '涉嫌无证摊贩经营案' }),
    );
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.case.party.idNumberMasked).toMatch(/^410\*+\d{3}[\dX]$/);
    expect(JSON.stringify(first.body)).not.toContain(idNumber);
    const second = await call<CaseDetail>(
      who.officerA,
      'POST',
      '/api/enforcement/cases',
      registration({ party: person, title: '涉嫌再次无证经营案' }),
    );
    expect(second.body.case.party.id).toBe(first.body.case.party.id);
    const stored = await queryRows<{ id_number_encrypted: string }>(
      platform.deps.db,
      sql`SELECT id_number_encrypted FROM enforcement_parties WHERE id = ${first.body.case.party.id}`,
    );
    expect(stored[0]?.id_number_encrypted).not.toContain(idNumber.slice(6, 14));
  });

  it('decides a summary case on the spot within the limits of art. 51 only', async () => {
    const over = await call(
      who.officerA,
      'POST',
      '/api/enforcement/cases',
      registration({
        procedure: 'summary',
        party: { kind: 'person', name: '钱多多', idNumber: testIdNumber('410302', '1992-02-03', 31) },
        summaryPenalty: { kinds: ['fine'], fineYuan: 500 },
      }),
    );
    expect(over.status).toBe(400);
    expect(over.body.message).toContain('200.00 元');
    const summary = await call<CaseDetail>(
      who.officerA,
      'POST',
      '/api/enforcement/cases',
      registration({
        procedure: 'summary',
        title: '当场处罚：占道经营',
        party: { kind: 'person', name: '钱多多', idNumber: testIdNumber('410302', '1992-02-03', 31) },
        summaryPenalty: { kinds: ['fine'], fineYuan: 100 },
      }),
    );
    expect(summary.status, JSON.stringify(summary.body)).toBe(201);
    expect(summary.body.case.state).toBe('decided');
    expect(summary.body.case.decisionNumber).toMatch(/当罚〔2026〕\d+号$/);
    const served = expectState(
      await act(who.officerB, summary.body.case.id, 'serve', {
        servedOn: today(),
        method: 'direct',
        recipient: '钱多多',
      }),
      'executing',
    );
    expect(served.nextActions.map((action) => action.name)).toContain('recordPayment');
  });

  it('lists cases with filters and a workbench of due and overdue cases, and exports them to Excel', async () => {
    const list = await call<{ items: CaseView[]; total: number }>(
      who.head,
      'GET',
      '/api/enforcement/cases?q=无证&pageSize=50',
    );
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((item) => item.title.includes('无证') || item.facts?.includes('无证'))).toBe(
      true,
    );
    const mine = await call<{ items: CaseView[] }>(who.officerB, 'GET', '/api/enforcement/cases?mine=true');
    expect(mine.body.items.length).toBeGreaterThan(0);
    const otherView = await call<{ items: CaseView[] }>(who.other, 'GET', '/api/enforcement/cases');
    expect(otherView.body.items).toEqual([]);
    const workbench = await call<CaseWorkbench>(who.officerA, 'GET', '/api/enforcement/workbench');
    expect(workbench.status).toBe(200);
    expect(workbench.body.mine.length).toBeGreaterThan(0);
    const exported = await platform.app.inject({
      method: 'GET',
      url: '/api/enforcement/cases/export',
      headers: who.head,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });

  it('finds a case by its whole 立案编号 or 决定书文号, a number typed in part among the words, and caps the count of a broad list', async () => {
    const all = await call<CaseListPage>(who.head, 'GET', '/api/enforcement/cases?pageSize=100');
    expect(all.body.totalIsCapped).toBe(false);
    const decided = all.body.items.find((item) => item.decisionNumber !== null);
    if (!decided?.decisionNumber) throw new Error('no decided case');
    const ids = (answer: Answer<CaseListPage>) => answer.body.items.map((item) => item.id);
    const search = (q: string) =>
      call<CaseListPage>(who.head, 'GET', `/api/enforcement/cases?q=${encodeURIComponent(q)}`);
    expect(ids(await search(decided.caseNumber))).toEqual([decided.id]);
    expect(ids(await search(decided.decisionNumber))).toEqual([decided.id]);
    const inPart = decided.decisionNumber.slice(decided.decisionNumber.indexOf('〔'));
    expect(ids(await search(inPart))).toContain(decided.id);
    expect((await search('〔1999〕99999号')).body.total).toBe(0);

    // 10,050 more cases of the same body: the count stops at 10,000 and says there are more
    await platform.deps.db.transaction(async (tx) => {
      await tx.execute(sql`CREATE TEMP TABLE bulk_cases ON COMMIT DROP AS
        SELECT c.* FROM enforcement_cases c, generate_series(1, 10050) WHERE c.id = ${decided.id}`);
      await tx.execute(sql`UPDATE bulk_cases SET id = gen_random_uuid(), case_number = 'BULK-' || gen_random_uuid(),
        decision_number = NULL, title = '计数上限测试案'`);
      await tx.execute(sql`INSERT INTO enforcement_cases SELECT * FROM bulk_cases`);
    });
    const broad = await call<CaseListPage>(who.head, 'GET', '/api/enforcement/cases?pageSize=20');
    expect(broad.status).toBe(200);
    expect(broad.body.total).toBe(10_000);
    expect(broad.body.totalIsCapped).toBe(true);
    expect(broad.body.items).toHaveLength(20);
    const narrow = await call<CaseListPage>(
      who.head,
      'GET',
      `/api/enforcement/cases?q=${encodeURIComponent(decided.caseNumber)}`,
    );
    expect(narrow.body.items.map((item) => item.id)).toEqual([decided.id]);
    expect(narrow.body.totalIsCapped).toBe(false);
    await platform.deps.db.execute(sql`DELETE FROM enforcement_cases WHERE title = '计数上限测试案'`);
  });
});
