import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseDocumentView } from '../../../../contracts/enforcement';
import { queryRows } from '../../../core/db/query-rows';
import { readDocxParts } from '../../../core/documents/docx-parts';
import { buildTestPlatform, type TestPlatform } from '../../../test/build-test-app';
import { testDatabaseKinds } from '../../../test/test-databases';
import { buildEnforcementFixture, testIdNumber, type EnforcementFixture } from '../enforcement-test-fixture';
import { availableCaseDocumentKinds } from './case-documents';
import { httpCaller } from '../../../test/http-call';

/**
 * Case documents through the HTTP API on both databases: cases driven through the real procedure,
 * each document generated at its stage, read back from the file store as .docx XML.
 */

type Headers = { cookie: string };

const partyIdNumber = testIdNumber('410302', '1990-03-07', 21);

describe('availableCaseDocumentKinds', () => {
  const proposed = { kinds: ['fine'], fineFen: 100_000, confiscationFen: 0, detail: null };
  const none = { recordKinds: [], actions: [] };

  it('follows the ordinary procedure: records once made, the notice after the proposal, the decision once decided', () => {
    const ordinary = (state: string, proposedPenalty: unknown = null) => ({
      procedure: 'ordinary',
      state,
      proposedPenalty,
    });
    expect(availableCaseDocumentKinds(ordinary('pendingRegistration'), none)).toEqual([
      'registrationApproval',
    ]);
    expect(
      availableCaseDocumentKinds(ordinary('investigating'), {
        recordKinds: ['inspection', 'photo'],
        actions: [],
      }),
    ).toEqual(['registrationApproval', 'inspectionRecord']);
    expect(
      availableCaseDocumentKinds(ordinary('reviewing', proposed), {
        recordKinds: [],
        actions: ['concludeInvestigation'],
      }),
    ).toEqual(['registrationApproval', 'priorNotice']);
    // a proposal of no penalty has nothing to notify
    expect(
      availableCaseDocumentKinds(ordinary('reviewing', { ...proposed, kinds: [] }), {
        recordKinds: [],
        actions: ['concludeInvestigation'],
      }),
    ).toEqual(['registrationApproval']);
    expect(
      availableCaseDocumentKinds(ordinary('hearingScheduled', proposed), {
        recordKinds: [],
        actions: ['concludeInvestigation', 'scheduleHearing'],
      }),
    ).toContain('hearingNotice');
    expect(availableCaseDocumentKinds(ordinary('executing', proposed), none)).toEqual([
      'registrationApproval',
      'decision',
      'serviceReceipt',
    ]);
    expect(availableCaseDocumentKinds(ordinary('closed', proposed), none)).toEqual([
      'registrationApproval',
      'decision',
      'serviceReceipt',
      'closingApproval',
      'caseFileIndex',
    ]);
  });

  it('gives a summary case its decision, receipt, closing form and index only', () => {
    const summary = (state: string) => ({ procedure: 'summary', state, proposedPenalty: proposed });
    const all = { recordKinds: ['inspection', 'inquiry'], actions: ['scheduleHearing'] };
    expect(availableCaseDocumentKinds(summary('decided'), all)).toEqual(['decision', 'serviceReceipt']);
    expect(availableCaseDocumentKinds(summary('archived'), all)).toEqual([
      'decision',
      'serviceReceipt',
      'closingApproval',
      'caseFileIndex',
    ]);
  });
});

describe.each(testDatabaseKinds())('case documents on %s', (database) => {
  let platform: TestPlatform;
  let fixture: EnforcementFixture;
  let dataDir: string;
  const who = {} as Record<'officerA' | 'officerB' | 'reviewer' | 'head' | 'justice' | 'other', Headers>;

  const call = httpCaller(() => platform);
  const act = async (headers: Headers, caseId: string, action: string, fields: Record<string, unknown>) => {
    const answer = await call<CaseDetail>(
      headers,
      'POST',
      `/api/enforcement/cases/${caseId}/actions/${action}`,
      {
        fields,
      },
    );
    expect(answer.status, `${action}: ${JSON.stringify(answer.body)}`).toBe(200);
    return answer.body;
  };
  const generate = (headers: Headers, caseId: string, kind: string) =>
    call<CaseDocumentView>(headers, 'POST', `/api/enforcement/cases/${caseId}/documents/${kind}`);
  const generated = async (headers: Headers, caseId: string, kind: string) => {
    const answer = await generate(headers, caseId, kind);
    expect(answer.status, `${kind}: ${JSON.stringify(answer.body)}`).toBe(201);
    return answer.body;
  };
  /** The .docx of a document, downloaded from the file store, as its text. */
  const textOf = async (headers: Headers, document: CaseDocumentView) => {
    const response = await platform.app.inject({
      method: 'GET',
      url: `/api/files/${document.fileSha256}`,
      headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    return readDocxParts(response.rawPayload).text;
  };
  const signInAll = async () => {
    who.officerA = await fixture.headers(fixture.users.officerA);
    who.officerB = await fixture.headers(fixture.users.officerB);
    who.reviewer = await fixture.headers(fixture.users.reviewer);
    who.head = await fixture.headers(fixture.users.head);
    who.justice = await fixture.headers(fixture.users.justice);
    who.other = await fixture.headers(fixture.users.otherOfficer);
  };
  const moveTo = async (date: string) => {
    platform.clock.set(`${date}T09:00:00+08:00`);
    await signInAll();
  };
  const register = async (overrides: Record<string, unknown> = {}) => {
    const answer = await call<CaseDetail>(who.officerA, 'POST', '/api/enforcement/cases', {
      organizationId: fixture.marketId,
      procedure: 'ordinary',
      powerItemId: fixture.penaltyItemId,
      source: 'report',
      title: '涉嫌销售超过保质期的食品案',
      facts: '接举报，当事人在农贸市场销售超过保质期的糕点。',
      party: {
        kind: 'person',
        name: '张小明',
        idNumber: partyIdNumber,
        address: '示范市洛龙区农贸市场 12 号摊位',
      },
      officerPersonIds: [fixture.people.officerA, fixture.people.officerB],
      ...overrides,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body.case;
  };
  const addRecord = async (caseId: string, record: Record<string, unknown>) => {
    const answer = await call(who.officerA, 'POST', `/api/enforcement/cases/${caseId}/records`, record);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  };
  /** Registered, approved, investigated and concluded with a 12,000 元 fine (a hearing right for a person, art. 63). */
  const concludedCase = async () => {
    const registered = await register();
    await act(who.head, registered.id, 'approveRegistration', { comment: '同意立案调查' });
    await addRecord(registered.id, {
      kind: 'inspection',
      title: '对当事人摊位的现场检查',
      content: '检查发现当事人摊位上摆放超过保质期的糕点 60 盒，标签载明保质期至 2026 年 9 月 10 日。',
      location: '示范市洛龙区农贸市场 12 号摊位',
    });
    await addRecord(registered.id, {
      kind: 'inquiry',
      title: '张小明',
      content: '问：这些糕点是从哪里进的货？答：从批发市场进的，一共 80 盒。',
      location: '示范市市场监督管理局询问室',
    });
    const concluded = await act(who.officerA, registered.id, 'concludeInvestigation', {
      facts: '当事人于 2026 年 9 月 1 日至 20 日销售超过保质期的糕点 80 盒，货值 2,400 元',
      evidenceSummary: '现场检查笔录、询问笔录、进货单据',
      outcome: 'penalty',
      penalty: { kinds: ['warning', 'fine'], fineYuan: 12_000, confiscationYuan: 0 },
      lawApplied: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
    });
    expect(concluded.case.state).toBe('reviewing');
    return concluded.case;
  };
  const auditCount = async (caseId: string) => {
    const [row] = await queryRows<{ count: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS count FROM audit_events WHERE entity_id = ${caseId} AND action = 'enforcementCase.generateDocument'`,
    );
    return row?.count ?? 0;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fazhi-case-documents-'));
    platform = await buildTestPlatform({ database, env: { FAZHI_DATA_DIR: dataDir } });
    fixture = await buildEnforcementFixture(platform);
    await moveTo('2026-09-28');
  }, 180_000);
  afterAll(async () => {
    await platform.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('generates each document of an ordinary case at its stage, numbered per body and year and kept on regeneration', async () => {
    const registered = await register();
    const caseId = registered.id;
    expect(
      (await call<CaseDocumentView[]>(who.officerA, 'GET', `/api/enforcement/cases/${caseId}/documents`))
        .body,
    ).toEqual([]);

    // the 立案审批表 carries the case's 立案编号; the ID number is masked on an internal form
    const approval = await generated(who.officerA, caseId, 'registrationApproval');
    expect(approval.number).toBe(registered.caseNumber);
    expect(approval.label).toBe('立案审批表');
    const approvalText = await textOf(who.officerA, approval);
    expect(approvalText).toContain(registered.caseNumber);
    expect(approvalText).toContain('张小明');
    expect(approvalText).not.toContain(partyIdNumber);
    expect(approvalText).toContain(`${partyIdNumber.slice(0, 3)}*`);
    expect(approvalText).toContain('41030000001');

    // too early, or nothing to print: refused with the reason, nothing written
    const early = await generate(who.officerA, caseId, 'decision');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('TRANSITION_FORBIDDEN');
    expect(early.body.field).toBe('kind');
    expect(early.body.message).toContain('作出处罚决定后');
    const noRecord = await generate(who.officerA, caseId, 'inspectionRecord');
    expect(noRecord.status).toBe(400);
    expect(noRecord.body.field).toBe('kind');
    expect(noRecord.body.message).toContain('现场检查');
    const unknownKind = await generate(who.officerA, caseId, 'memo');
    expect(unknownKind.status).toBe(400);
    expect(await auditCount(caseId)).toBe(1);

    // the approved case's records print as 笔录
    await act(who.head, caseId, 'approveRegistration', { comment: '同意立案调查' });
    await addRecord(caseId, {
      kind: 'inspection',
      title: '对当事人摊位的现场检查',
      content: '检查发现当事人摊位上摆放超过保质期的糕点 60 盒。',
      location: '示范市洛龙区农贸市场 12 号摊位',
    });
    await addRecord(caseId, {
      kind: 'inquiry',
      title: '张小明',
      content: '问：这些糕点是从哪里进的货？答：从批发市场进的，一共 80 盒。',
      location: '示范市市场监督管理局询问室',
    });
    const inspection = await generated(who.officerB, caseId, 'inspectionRecord');
    expect(inspection.number).toBeNull();
    const inspectionText = await textOf(who.officerB, inspection);
    expect(inspectionText).toContain('检查发现当事人摊位上摆放超过保质期的糕点 60 盒。');
    expect(inspectionText).toContain('王建国（执法证号：41030000001）');
    expect(inspectionText).toContain(partyIdNumber);
    const inquiry = await generated(who.officerB, caseId, 'inquiryRecord');
    expect(await textOf(who.officerB, inquiry)).toContain('答：从批发市场进的，一共 80 盒。');

    const concluded = await act(who.officerA, caseId, 'concludeInvestigation', {
      facts: '当事人于 2026 年 9 月 1 日至 20 日销售超过保质期的糕点 80 盒，货值 2,400 元',
      evidenceSummary: '现场检查笔录、询问笔录、进货单据',
      outcome: 'penalty',
      penalty: { kinds: ['warning', 'fine'], fineYuan: 12_000, confiscationYuan: 0 },
      lawApplied: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
    });
    expect(concluded.case.hearingEligible).toBe(true);

    // the prior notice: facts, the proposed fine in 元, the rights of arts. 44, 45, 63, 64
    const notice = await generated(who.officerA, caseId, 'priorNotice');
    expect(notice.number).toBe('示市监罚告〔2026〕1号');
    const noticeText = await textOf(who.officerA, notice);
    expect(noticeText).toContain('张小明：');
    expect(noticeText).toContain('货值 2,400 元');
    expect(noticeText).toContain('罚款12000元（大写：人民币壹万贰仟元整）');
    expect(noticeText).toContain('有权进行陈述和申辩');
    expect(noticeText).toContain('有权要求举行听证');
    expect(noticeText).toContain('五个工作日内');
    // regenerated: a new file, the same number
    const noticeAgain = await generated(who.officerA, caseId, 'priorNotice');
    expect(noticeAgain.id).not.toBe(notice.id);
    expect(noticeAgain.number).toBe('示市监罚告〔2026〕1号');

    // a second case of the same body takes the next number of the series
    const second = await concludedCase();
    expect((await generated(who.officerA, second.id, 'priorNotice')).number).toBe('示市监罚告〔2026〕2号');

    // the party asks for a hearing; the notice names the date, place and host
    await act(who.officerA, caseId, 'notifyWithHearing', { noticedOn: '2026-09-28' });
    expect((await generate(who.officerA, caseId, 'hearingNotice')).status).toBe(409);
    await act(who.officerA, caseId, 'requestHearing', { requestedOn: '2026-09-28' });
    await act(who.officerA, caseId, 'scheduleHearing', {
      hearingDate: '2026-10-22',
      place: '示范市市场监督管理局听证室',
      host: '陈静',
    });
    const hearing = await generated(who.officerA, caseId, 'hearingNotice');
    expect(hearing.number).toBe('示市监听告〔2026〕1号');
    const hearingText = await textOf(who.officerA, hearing);
    expect(hearingText).toContain('2026年10月22日在示范市市场监督管理局听证室');
    expect(hearingText).toContain('听证主持人为陈静');

    await moveTo('2026-10-22');
    await act(who.officerA, caseId, 'holdHearing', {
      heldOn: '2026-10-22',
      record: '当事人承认违法事实，请求从轻处罚。',
    });
    await act(who.reviewer, caseId, 'legalReview', {
      conclusion: 'agree',
      checklist: {
        bodyLawful: true,
        officersQualified: true,
        procedureLawful: true,
        factsClear: true,
        lawApplied: true,
        discretionProper: true,
        withinAuthority: true,
        documentsComplete: true,
        noCrimeToRefer: true,
      },
      opinion: '事实清楚，证据确凿，适用法律正确，程序合法，同意。',
    });
    const ready = (await call<CaseDetail>(who.head, 'GET', `/api/enforcement/cases/${caseId}`)).body.case;
    if (ready.isMajor || ready.majorReasons.length > 0) {
      await act(who.head, caseId, 'deliberate', {
        meetingDate: '2026-10-22',
        participants: '周明、局领导班子成员',
        conclusion: '同意处罚意见',
      });
    }
    const decided = await act(who.head, caseId, 'decide', {
      outcome: 'penalty',
      penalty: { kinds: ['warning', 'fine'], fineYuan: 10_000, confiscationYuan: 0 },
      reasoning: '当事人违法事实清楚，听证中承认违法事实，依法从轻处罚',
    });
    expect(decided.case.decisionNumber).toBeTruthy();

    // the decision: art. 59's contents, the number the decision was given
    const decisionDocument = await generated(who.head, caseId, 'decision');
    expect(decisionDocument.number).toBe(decided.case.decisionNumber);
    const decisionText = await textOf(who.head, decisionDocument);
    expect(decisionText).toContain(decided.case.decisionNumber);
    expect(decisionText).toContain('当事人：张小明');
    expect(decisionText).toContain(`身份证号码：${partyIdNumber}`);
    expect(decisionText).toContain('示范市洛龙区农贸市场 12 号摊位');
    expect(decisionText).toContain('销售超过保质期的糕点 80 盒');
    expect(decisionText).toContain('现场检查笔录、询问笔录、进货单据');
    expect(decisionText).toContain('示市监罚告〔2026〕1号');
    expect(decisionText).toContain('依法举行了听证');
    expect(decisionText).toContain('第一百二十四条第一款第（五）项');
    expect(decisionText).toContain('（2）罚款10000元（大写：人民币壹万元整）。');
    expect(decisionText).toContain('十五日内');
    expect(decisionText).toContain('每日按罚款数额的百分之三加处罚款');
    expect(decisionText).toContain('六十日内向示范市人民政府申请行政复议');
    expect(decisionText).toContain('六个月内依法向人民法院提起行政诉讼');
    expect(decisionText).toContain('示范市市场监督管理局');
    expect(decisionText).toContain('2026年10月22日');
    expect((await generated(who.head, caseId, 'decision')).number).toBe(decided.case.decisionNumber);

    // served, paid, closed: the receipt, the closing form and the index
    await act(who.officerA, caseId, 'serve', {
      servedOn: '2026-10-22',
      method: 'direct',
      recipient: '张小明',
    });
    await act(who.officerA, caseId, 'recordPayment', {
      paidOn: '2026-10-22',
      paidYuan: 10_000,
      receiptNumber: 'FS20261022001',
    });
    expect((await generate(who.officerA, caseId, 'caseFileIndex')).status).toBe(409);
    await act(who.head, caseId, 'close', { comment: '已履行完毕，同意结案' });
    const receiptText = await textOf(who.officerA, await generated(who.officerA, caseId, 'serviceReceipt'));
    expect(receiptText).toContain(`《行政处罚决定书》${decided.case.decisionNumber}`);
    expect(receiptText).toContain('直接送达');
    const closingText = await textOf(who.head, await generated(who.head, caseId, 'closingApproval'));
    expect(closingText).toContain('FS20261022001');
    expect(closingText).toContain('已履行完毕，同意结案');

    const index = await generated(who.officerA, caseId, 'caseFileIndex');
    const indexText = await textOf(who.officerA, index);
    for (const title of [
      '行政处罚决定书',
      '送达回证',
      '立案审批表',
      '现场检查（勘验）笔录：对当事人摊位的现场检查',
      '询问笔录：张小明',
      '行政处罚事先告知书',
      '听证通知书',
      '听证笔录',
      '法制审核意见（同意）',
      '罚没款缴纳凭证',
      '结案审批表',
    ])
      expect(indexText).toContain(title);
    expect(indexText).toContain(decided.case.decisionNumber);
    expect(indexText).toContain('示市监罚告〔2026〕1号');
    expect(indexText).toContain('20261022');
    // the decision comes first, the closing form last
    expect(indexText.indexOf('行政处罚决定书')).toBeLessThan(indexText.indexOf('立案审批表'));
    expect(indexText.indexOf('立案审批表')).toBeLessThan(indexText.indexOf('结案审批表'));

    // with the index the case can be archived
    const archived = await act(who.officerA, caseId, 'archive', {
      archiveNumber: 'SJ-2026-101',
      volumes: 1,
      retention: 'long',
    });
    expect(archived.case.state).toBe('archived');

    // every generation listed, newest first, each attached to the case and audited
    const listed = await call<CaseDocumentView[]>(
      who.justice,
      'GET',
      `/api/enforcement/cases/${caseId}/documents`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(11);
    expect(listed.body[0]?.kind).toBe('caseFileIndex');
    expect(listed.body.filter((document) => document.kind === 'priorNotice')).toHaveLength(2);
    expect(await auditCount(caseId)).toBe(11);
    const [attached] = await queryRows<{ count: number }>(
      platform.deps.db,
      sql`SELECT count(DISTINCT file_sha256)::int AS count FROM file_attachments WHERE subject_type = 'enforcementCase' AND subject_id = ${caseId}`,
    );
    expect(attached?.count).toBe(new Set(listed.body.map((document) => document.fileSha256)).size);
  });

  it('gives a summary case its decision under the 当场 number, and no registration form', async () => {
    await moveTo('2026-10-23');
    const summary = await register({
      procedure: 'summary',
      title: '占道经营案',
      facts: '当事人在人民路占用人行道摆摊经营',
      summaryPenalty: { kinds: ['fine'], fineYuan: 200, confiscationYuan: 0 },
    });
    const refused = await generate(who.officerA, summary.id, 'registrationApproval');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('简易程序');
    const decision = await generated(who.officerA, summary.id, 'decision');
    expect(decision.number).toBe(summary.caseNumber);
    const text = await textOf(who.officerA, decision);
    expect(text).toContain('适用简易程序当场作出本决定');
    expect(text).toContain('罚款200元（大写：人民币贰佰元整）');
    expect(text).toContain('李秀兰（执法证号：41030000002）');
    expect(text).toContain('申请行政复议');
  });

  it('keeps documents in scope: another body does not find the case, a reader may list but not generate', async () => {
    const caseRow = await register({ title: '涉嫌虚假宣传案' });
    const url = `/api/enforcement/cases/${caseRow.id}/documents`;
    expect((await call(who.other, 'GET', url)).status).toBe(404);
    expect((await generate(who.other, caseRow.id, 'registrationApproval')).status).toBe(404);
    expect((await call(who.justice, 'GET', url)).status).toBe(200);
    const forbidden = await generate(who.justice, caseRow.id, 'registrationApproval');
    expect(forbidden.status).toBe(403);
    expect((await call(who.reviewer, 'POST', `${url}/registrationApproval`)).status).toBe(201);
    expect(await auditCount(caseRow.id)).toBe(1);
  });
});
