import { describe, expect, it } from 'vitest';
import { caseDocumentKinds, type CaseDocumentKind } from '../../../../contracts/enforcement';
import { readDocxParts } from '../../../core/documents/docx-parts';
import { renderFormDocument } from '../../../core/documents/form-document';
import { renderOfficialDocument } from '../../../core/documents/official-document';
import type { EnforcementCaseRow } from '../enforcement-tables';
import type { CaseDocumentData, DocumentStep } from './case-document-data';
import {
  buildCaseDocument,
  caseFileIndexEntries,
  estimatePages,
  type BuiltCaseDocument,
} from './case-document-specs';
import { amountText, yuanInCapitals } from './case-document-text';
import { pageRanges, renderCaseFileIndex } from './case-file-index';

const at = (iso: string) => new Date(iso);
const step = (action: string, fields: Record<string, unknown>, iso: string): DocumentStep => ({
  action,
  fields,
  actorName: '王局长（wang）',
  performedAt: at(iso),
  performedOn: iso.slice(0, 10),
});

function caseRow(overrides: Partial<EnforcementCaseRow> = {}): EnforcementCaseRow {
  return {
    tenantCode: '110000',
    id: '00000000-0000-4000-8000-000000000001',
    organizationId: '00000000-0000-4000-8000-0000000000b0',
    instanceId: '00000000-0000-4000-8000-0000000000c0',
    procedure: 'ordinary',
    caseNumber: '示市监立〔2026〕7号',
    year: 2026,
    title: '涉嫌销售超过保质期的食品',
    source: 'patrol',
    sourceDetail: null,
    powerItemId: '00000000-0000-4000-8000-0000000000d0',
    powerItemVersionId: '00000000-0000-4000-8000-0000000000d1',
    powerItemCode: 'CF-001',
    powerItemName: '对销售超过保质期食品的处罚',
    field: '市场监管',
    partyId: '00000000-0000-4000-8000-0000000000e0',
    partyKind: 'person',
    partyName: '李四',
    state: 'decided',
    isMajor: false,
    majorReasons: [],
    requiresDeliberation: false,
    hearingEligible: true,
    officerPersonIds: ['p1', 'p2'],
    facts: '巡查发现当事人销售过期糕点。',
    occurredOn: '2026-09-01',
    proposedPenalty: { kinds: ['warning', 'fine'], fineFen: 1_200_000, confiscationFen: 0, detail: null },
    discretion: null,
    decisionOutcome: 'penalty',
    decidedPenalty: { kinds: ['warning', 'fine'], fineFen: 1_000_000, confiscationFen: 0, detail: null },
    fineFen: 1_000_000,
    surchargeFen: 0,
    decisionNumber: '示市监罚决〔2026〕3号',
    legalReviewConclusion: 'agree',
    legalReviewedOn: '2026-10-10',
    deliberatedOn: null,
    registeredOn: '2026-09-15',
    decidedOn: '2026-10-20',
    servedOn: null,
    paidOn: null,
    closedOn: null,
    archivedOn: null,
    nextDueDate: null,
    searchVector: null,
    createdAt: at('2026-09-15T02:00:00Z'),
    updatedAt: at('2026-10-20T02:00:00Z'),
    ...overrides,
  };
}

function caseData(overrides: Partial<CaseDocumentData> = {}): CaseDocumentData {
  return {
    today: '2026-10-21',
    case: caseRow(),
    party: {
      kind: 'person',
      name: '李四',
      creditCode: null,
      idNumber: '110101199003074514',
      idNumberMasked: '110***********4514',
      legalRepresentative: null,
      address: '示例市和平区人民路1号',
      phone: '13800000000',
    },
    body: {
      id: '00000000-0000-4000-8000-0000000000b0',
      path: '/a/b/',
      name: '示例市市场监督管理局',
      shortName: '示市监',
      address: '示例市和平区政务路8号',
      phone: '010-12345678',
      reviewOrganName: '示例市人民政府',
    },
    officers: [
      { personId: 'p1', name: '张三', certificateNumber: '11010001' },
      { personId: 'p2', name: '赵六', certificateNumber: '11010002' },
    ],
    powerItemBasis: '《中华人民共和国食品安全法》第一百二十四条',
    steps: [
      step('start', {}, '2026-09-15T01:00:00Z'),
      step('approveRegistration', { comment: '同意立案调查' }, '2026-09-15T03:00:00Z'),
      step(
        'concludeInvestigation',
        {
          facts: '当事人于2026年9月1日至14日销售超过保质期的糕点120盒',
          evidenceSummary: '现场检查笔录、询问笔录、销售记录',
          outcome: 'penalty',
          penalty: { kinds: ['warning', 'fine'], fineYuan: 12000, confiscationYuan: 0 },
          lawApplied: '《中华人民共和国食品安全法》第三十四条第（十）项、第一百二十四条第一款第（五）项',
        },
        '2026-10-08T02:00:00Z',
      ),
      step(
        'legalReview',
        { conclusion: 'agree', opinion: '事实清楚，证据确凿，程序合法，同意。', checklist: {} },
        '2026-10-10T02:00:00Z',
      ),
      step('notifyWithHearing', { noticedOn: '2026-10-12' }, '2026-10-12T02:00:00Z'),
      step(
        'recordStatement',
        {
          statement: '当事人提出初次违法，请求从轻处罚',
          review: '采纳当事人意见，罚款减为10000元',
          hearingWaived: true,
        },
        '2026-10-16T02:00:00Z',
      ),
      step(
        'decide',
        {
          outcome: 'penalty',
          penalty: { kinds: ['warning', 'fine'], fineYuan: 10000, confiscationYuan: 0 },
          reasoning: '当事人违法事实清楚，考虑其初次违法，依法从轻处罚',
        },
        '2026-10-20T02:00:00Z',
      ),
    ],
    records: [
      {
        id: 'r1',
        kind: 'inspection',
        title: '对当事人经营场所的现场检查',
        content: '当事人货架上摆放超过保质期的糕点120盒。',
        recordedAt: at('2026-09-14T02:30:00Z'),
        location: '示例市和平区人民路1号',
        recordedByName: '张三（zhang）',
        fileSha256: null,
      },
      {
        id: 'r2',
        kind: 'inquiry',
        title: '李四',
        content: '问：这些糕点是什么时候进的货？答：八月初。',
        recordedAt: at('2026-09-16T06:00:00Z'),
        location: '示例市市场监督管理局询问室',
        recordedByName: '赵六（zhao）',
        fileSha256: null,
      },
      {
        id: 'r3',
        kind: 'audioVideo',
        title: '现场执法记录仪视频',
        content: null,
        recordedAt: at('2026-09-14T02:31:00Z'),
        location: null,
        recordedByName: '张三（zhang）',
        fileSha256: 'a'.repeat(64),
      },
    ],
    documents: [],
    ...overrides,
  };
}

async function render(built: BuiltCaseDocument | null) {
  if (!built) throw new Error('document not built');
  const bytes =
    built.format === 'official'
      ? await renderOfficialDocument(built.spec)
      : built.format === 'form'
        ? await renderFormDocument(built.spec)
        : await renderCaseFileIndex(built.spec);
  return readDocxParts(bytes);
}

describe('case document texts', () => {
  it('writes amounts in 元 and in capitals', () => {
    expect(yuanInCapitals(500_000)).toBe('人民币伍仟元整');
    expect(yuanInCapitals(1_000_000)).toBe('人民币壹万元整');
    expect(yuanInCapitals(1_001_000)).toBe('人民币壹万零壹拾元整');
    expect(yuanInCapitals(100_500)).toBe('人民币壹仟零伍元整');
    expect(yuanInCapitals(12_345)).toBe('人民币壹佰贰拾叁元肆角伍分');
    expect(yuanInCapitals(10_005)).toBe('人民币壹佰元零伍分');
    expect(yuanInCapitals(50)).toBe('人民币伍角');
    expect(yuanInCapitals(2_000_000_000)).toBe('人民币贰仟万元整');
    expect(yuanInCapitals(10_000_000_000)).toBe('人民币壹亿元整');
    expect(amountText(500_050)).toBe('5000.50元（大写：人民币伍仟元伍角）');
  });
});

describe('case document builders', () => {
  it('builds every kind from a decided ordinary case with its records', () => {
    const data = caseData();
    for (const kind of caseDocumentKinds) {
      if (kind === 'hearingNotice') continue;
      expect(buildCaseDocument(kind, data, null), kind).not.toBeNull();
    }
    // no hearing was scheduled, no inspection record: nothing to print
    expect(buildCaseDocument('hearingNotice', data, '示市监听告〔2026〕1号')).toBeNull();
    expect(buildCaseDocument('inspectionRecord', caseData({ records: [] }), null)).toBeNull();
  });

  it('writes the decision with the contents of 行政处罚法 art. 59', async () => {
    const parts = await render(buildCaseDocument('decision', caseData(), '示市监罚决〔2026〕3号'));
    const text = parts.text;
    // (1) the party, with the full ID number on a document served on them, and the address
    expect(text).toContain('当事人：李四');
    expect(text).toContain('身份证号码：110101199003074514');
    expect(text).toContain('住址：示例市和平区人民路1号');
    // (2) facts and evidence, and the statement and defence heard
    expect(text).toContain('销售超过保质期的糕点120盒');
    expect(text).toContain('现场检查笔录、询问笔录、销售记录');
    expect(text).toContain('当事人提出初次违法，请求从轻处罚');
    expect(text).toContain('告知拟作出行政处罚的事实、理由、依据');
    // (3) the kind of penalty and its basis, the fine in 元
    expect(text).toContain('第一百二十四条第一款第（五）项');
    expect(text).toContain('（1）警告；');
    expect(text).toContain('（2）罚款10000元（大写：人民币壹万元整）。');
    // (4) how and when to perform: 15 days, bank or electronic payment, the 3% a day of art. 72
    expect(text).toContain('十五日内，到指定的银行或者通过电子支付系统缴纳');
    expect(text).toContain('每日按罚款数额的百分之三加处罚款');
    expect(text).toContain('加处罚款的数额不超过罚款数额10000元');
    // (5) remedies: 行政复议 within 60 days to the government above, 行政诉讼 within 6 months
    expect(text).toContain('六十日内向示例市人民政府申请行政复议');
    expect(text).toContain('六个月内依法向人民法院提起行政诉讼');
    // (6) the body and the date; the 文号 in the head
    expect(text).toContain('示市监罚决〔2026〕3号');
    expect(text).toContain('2026年10月20日');
    expect(text.match(/示例市市场监督管理局/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('行政处罚决定书');
  });

  it('writes a 不予行政处罚决定书 without payment terms', async () => {
    const data = caseData({
      case: caseRow({
        decisionOutcome: 'noPenalty',
        decidedPenalty: { kinds: [], fineFen: 0, confiscationFen: 0, detail: null },
        fineFen: 0,
      }),
    });
    const { text } = await render(buildCaseDocument('decision', data, '示市监罚决〔2026〕4号'));
    expect(text).toContain('不予行政处罚决定书');
    expect(text).toContain('第三十三条');
    expect(text).not.toContain('百分之三');
    expect(text).toContain('申请行政复议');
  });

  it('writes the prior notice with the rights to state, defend and ask for a hearing (arts. 44, 45, 63, 64)', async () => {
    const data = caseData({ case: caseRow({ state: 'noticed' }) });
    const { text } = await render(buildCaseDocument('priorNotice', data, '示市监罚告〔2026〕1号'));
    expect(text).toContain('示市监罚告〔2026〕1号');
    expect(text).toContain('李四：');
    expect(text).toContain('罚款12000元（大写：人民币壹万贰仟元整）');
    expect(text).toContain('第四十四条、第四十五条');
    expect(text).toContain('有权进行陈述和申辩');
    expect(text).toContain('第六十三条、第六十四条');
    expect(text).toContain('收到本告知书之日起五个工作日内向本机关提出');
    expect(text).toContain('2026年10月12日');
    const withoutHearing = await render(
      buildCaseDocument('priorNotice', caseData({ case: caseRow({ hearingEligible: false }) }), null),
    );
    expect(withoutHearing.text).not.toContain('要求举行听证');
  });

  it('writes the hearing notice with the date, place and host', async () => {
    const data = caseData({
      steps: [
        ...caseData().steps.slice(0, 5),
        step('requestHearing', { requestedOn: '2026-10-14' }, '2026-10-14T02:00:00Z'),
        step(
          'scheduleHearing',
          { hearingDate: '2026-10-28', place: '本局第一听证室', host: '孙法制' },
          '2026-10-15T02:00:00Z',
        ),
      ],
    });
    const { text } = await render(buildCaseDocument('hearingNotice', data, '示市监听告〔2026〕1号'));
    expect(text).toContain('示市监听告〔2026〕1号');
    expect(text).toContain('你于2026年10月14日');
    expect(text).toContain('2026年10月28日在本局第一听证室');
    expect(text).toContain('听证主持人为孙法制');
    expect(text).toContain('申请回避');
  });

  it('fills the forms: registration approval masks the ID number, the records show officers and certificates', async () => {
    const registration = await render(buildCaseDocument('registrationApproval', caseData(), null));
    expect(registration.text).toContain('立案审批表');
    expect(registration.text).toContain('示市监立〔2026〕7号');
    expect(registration.text).toContain('110***********4514');
    expect(registration.text).not.toContain('110101199003074514');
    expect(registration.text).toContain('同意立案');
    expect(registration.text).toContain('张三（执法证号：11010001）');

    const inspection = await render(buildCaseDocument('inspectionRecord', caseData(), null));
    expect(inspection.text).toContain('现场检查（勘验）笔录');
    expect(inspection.text).toContain('2026年9月14日10时30分');
    expect(inspection.text).toContain('当事人货架上摆放超过保质期的糕点120盒。');
    expect(inspection.text).toContain('赵六（执法证号：11010002）');

    const inquiry = await render(buildCaseDocument('inquiryRecord', caseData(), null));
    expect(inquiry.text).toContain('问：这些糕点是什么时候进的货？答：八月初。');
    expect(inquiry.text).toContain('示例市市场监督管理局询问室');
  });

  it('fills the service receipt and the closing approval from the steps', async () => {
    const data = caseData({
      case: caseRow({
        state: 'closed',
        servedOn: '2026-10-21',
        paidOn: '2026-10-30',
        closedOn: '2026-11-02',
      }),
      steps: [
        ...caseData().steps,
        step(
          'serve',
          { servedOn: '2026-10-21', method: 'direct', recipient: '李四' },
          '2026-10-21T02:00:00Z',
        ),
        step(
          'recordPayment',
          { paidOn: '2026-10-30', paidYuan: 10000, receiptNumber: 'JK-0001' },
          '2026-10-30T02:00:00Z',
        ),
        step('close', { comment: '同意结案' }, '2026-11-02T02:00:00Z'),
      ],
    });
    const receipt = await render(buildCaseDocument('serviceReceipt', data, null));
    expect(receipt.text).toContain('《行政处罚决定书》示市监罚决〔2026〕3号');
    expect(receipt.text).toContain('直接送达');
    expect(receipt.text).toContain('2026年10月21日');
    const closing = await render(buildCaseDocument('closingApproval', data, null));
    expect(closing.text).toContain('缴纳罚没款10000元（缴款凭证号：JK-0001）');
    expect(closing.text).toContain('同意结案');
  });

  it('lists the case file in the standard order with page numbers', async () => {
    const generated = (kind: CaseDocumentKind, title: string, number: string | null, iso: string) => ({
      id: kind,
      kind,
      title,
      number,
      fileSha256: 'b'.repeat(64),
      generatedAt: at(iso),
      generatedByName: '张三（zhang）',
    });
    const data = caseData({
      case: caseRow({ state: 'closed' }),
      documents: [
        generated('registrationApproval', '立案审批表', '示市监立〔2026〕7号', '2026-09-15T03:00:00Z'),
        generated('inspectionRecord', '现场检查（勘验）笔录', null, '2026-09-15T04:00:00Z'),
        generated('priorNotice', '行政处罚事先告知书', '示市监罚告〔2026〕1号', '2026-10-12T01:00:00Z'),
        generated('decision', '行政处罚决定书', '示市监罚决〔2026〕3号', '2026-10-20T03:00:00Z'),
      ],
    });
    const entries = caseFileIndexEntries(data);
    const titles = entries.map((entry) => entry.title);
    expect(titles[0]).toBe('行政处罚决定书');
    expect(titles[1]).toBe('立案审批表');
    expect(titles.indexOf('现场检查（勘验）笔录：对当事人经营场所的现场检查')).toBeLessThan(
      titles.indexOf('行政处罚事先告知书'),
    );
    expect(titles).toContain('询问笔录：李四');
    expect(titles).toContain('法制审核意见（同意）');
    expect(titles).toContain('陈述申辩笔录及复核意见');
    const video = entries.find((entry) => entry.title.startsWith('音像记录'));
    expect(video?.pages).toBe(0);
    expect(entries.every((entry) => entry.pages >= 0)).toBe(true);
    const ranges = pageRanges(entries);
    expect(ranges[0]).toMatch(/^1(-\d+)?$/);
    expect(ranges[entries.indexOf(video!)]).toBe('—');

    const { text, document } = await render(buildCaseDocument('caseFileIndex', data, null));
    expect(text).toContain('卷内文件目录');
    expect(text).toContain('案号：示市监立〔2026〕7号');
    for (const heading of ['序号', '文号', '责任者', '题名', '日期', '页号', '备注'])
      expect(text).toContain(heading);
    expect(text).toContain('示市监罚决〔2026〕3号');
    expect(text).toContain('示市监罚告〔2026〕1号');
    expect(text).toContain('20261020');
    // one header row and one row per entry
    expect(document.match(/<w:tr>|<w:tr /g)?.length).toBe(entries.length + 1);
  });

  it('estimates more pages for a longer document', () => {
    const short = buildCaseDocument('decision', caseData(), null)!;
    const long = buildCaseDocument(
      'decision',
      caseData({ case: caseRow({ procedure: 'summary', facts: '事实。'.repeat(800) }) }),
      null,
    )!;
    expect(estimatePages(short)).toBeGreaterThanOrEqual(1);
    expect(estimatePages(long)).toBeGreaterThan(estimatePages(short));
  });

  it('writes the summary decision with the officers and their certificates (行政处罚法 art. 52)', async () => {
    const data = caseData({
      case: caseRow({
        procedure: 'summary',
        caseNumber: '示市监当罚〔2026〕2号',
        decisionNumber: '示市监当罚〔2026〕2号',
        facts: '当事人在店外占道经营',
        decidedPenalty: { kinds: ['fine'], fineFen: 20_000, confiscationFen: 0, detail: null },
        decidedOn: '2026-10-21',
      }),
      steps: [step('start', {}, '2026-10-21T01:00:00Z')],
    });
    const { text } = await render(buildCaseDocument('decision', data, '示市监当罚〔2026〕2号'));
    expect(text).toContain('适用简易程序当场作出本决定');
    expect(text).toContain('当事人在店外占道经营');
    expect(text).toContain('罚款200元（大写：人民币贰佰元整）');
    expect(text).toContain('依据《中华人民共和国食品安全法》第一百二十四条');
    expect(text).toContain('执法人员：张三（执法证号：11010001）');
  });
});
