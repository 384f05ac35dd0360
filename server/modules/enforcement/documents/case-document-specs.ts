import {
  caseDocumentKindLabels,
  caseProcedureLabels,
  caseSourceLabels,
  decisionOutcomeLabels,
  recordKindLabels,
  type CaseDocumentKind,
  type CaseProcedure,
  type CaseSource,
  type DecisionOutcome,
  type RecordKind,
} from '../../../../contracts/enforcement';
import { civilDate } from '../../../core/clock';
import type { FormDocumentSpec, FormRow } from '../../../core/documents/form-document';
import type { DocumentBlock, OfficialDocumentSpec } from '../../../core/documents/official-document';
import type { CaseDocumentData, DocumentRecord, DocumentStep } from './case-document-data';
import type { CaseFileIndexEntry, CaseFileIndexSpec } from './case-file-index';
import {
  amountText,
  dateText,
  dateTimeText,
  numberedItems,
  penaltyItems,
  penaltyOf,
  text,
  yuanText,
  type PenaltyAmounts,
} from './case-document-text';

/**
 * One builder per case document (contracts/enforcement.ts caseDocumentKinds), each a pure function
 * of the case's data and the document's 文号. The wording follows 行政处罚法 (2021): the prior
 * notice arts. 44, 45, 63 and 64; the decision art. 59 (party, facts and evidence, kind and basis
 * of the penalty, manner and term of performance, remedies and their terms, the body and the date),
 * with art. 67 (payment within 15 days at the designated bank or electronically) and art. 72
 * (3% a day, at most the fine). 行政复议 within 60 days (行政复议法 2023 art. 20) and 行政诉讼
 * within 6 months (行政诉讼法 art. 46).
 */

const penaltyLaw = '《中华人民共和国行政处罚法》';

// ── 文号 ─────────────────────────────────────────────────────────────────────

/**
 * The numbered series of each document inside the body (the 机关代字 of GB/T 9704 §7.2.4 is the
 * body's 简称, or its full name when it has none): 示市监罚决〔2026〕12号 for decisions, 罚告 for
 * prior notices, 听告 for hearing notices. The 立案审批表 carries the case's 立案编号, which the
 * case service took from the series 立 at registration; forms without a number have none.
 */
export const caseDocumentSeries: Partial<Record<CaseDocumentKind, string>> = {
  priorNotice: '罚告',
  hearingNotice: '听告',
  decision: '罚决',
};

/** 示市监 + 罚决 + 〔2026〕12号 */
export const documentNumberText = (data: Pick<CaseDocumentData, 'body'>, series: string, suffix: string) =>
  `${data.body.shortName?.trim() || data.body.name}${series}${suffix}`;

/** Documents served on the party or signed by them show the full ID number; internal forms the masked one. */
export const documentsShownToParty: readonly CaseDocumentKind[] = [
  'inspectionRecord',
  'inquiryRecord',
  'priorNotice',
  'hearingNotice',
  'decision',
  'serviceReceipt',
];

// ── The result ───────────────────────────────────────────────────────────────

export type BuiltCaseDocument =
  | { format: 'official'; title: string; spec: OfficialDocumentSpec }
  | { format: 'form'; title: string; spec: FormDocumentSpec }
  | { format: 'index'; title: string; spec: CaseFileIndexSpec };

// ── Reading the data ─────────────────────────────────────────────────────────

/** The last step of one of these actions, or undefined. */
export function lastStep(data: CaseDocumentData, ...actions: string[]): DocumentStep | undefined {
  return data.steps.filter((step) => actions.includes(step.action)).at(-1);
}

const stepsOf = (data: CaseDocumentData, action: string) =>
  data.steps.filter((step) => step.action === action);

/** The latest record of a kind (笔录 documents print the latest). */
export function latestRecord(data: CaseDocumentData, kind: RecordKind): DocumentRecord | undefined {
  return data.records.filter((record) => record.kind === kind).at(-1);
}

/** 20261020: dates in the index as archives write them */
const archiveDate = (date: string | null | undefined) => (date ? date.replace(/-/g, '') : '');

/** 张三（zhang） → 张三: the index names people, not accounts */
const personName = (name: string) => name.replace(/（[^（）]*）$/u, '');

/** 案由 in a sentence: 涉嫌销售过期食品案 → 涉嫌销售过期食品 (…一案) */
const caseCause = (data: CaseDocumentData) => data.case.title.replace(/一?案$/u, '');

const isEnterprise = (data: CaseDocumentData) => data.party.kind === 'enterprise';
/** 你单位 / 你 */
const you = (data: CaseDocumentData) => (isEnterprise(data) ? '你单位' : '你');

function identityOf(data: CaseDocumentData, kind: CaseDocumentKind): { label: string; value: string } {
  if (isEnterprise(data)) return { label: '统一社会信用代码', value: data.party.creditCode ?? '' };
  const full = documentsShownToParty.includes(kind) ? data.party.idNumber : null;
  return { label: '身份证号码', value: full ?? data.party.idNumberMasked ?? '' };
}

/** The party's lines at the head of a document served on them (art. 59 (1): name and address). */
function partyParagraphs(data: CaseDocumentData, kind: CaseDocumentKind): DocumentBlock[] {
  const identity = identityOf(data, kind);
  const lines = [
    `当事人：${data.party.name}`,
    `${identity.label}：${identity.value || '（未登记）'}`,
    `${isEnterprise(data) ? '住所' : '住址'}：${data.party.address ?? '（未登记）'}`,
  ];
  if (isEnterprise(data) && data.party.legalRepresentative)
    lines.push(`法定代表人（负责人）：${data.party.legalRepresentative}`);
  return lines.map((line) => ({ type: 'paragraph', text: line }));
}

const officerList = (data: CaseDocumentData) =>
  data.officers
    .map((officer) => `${officer.name}（执法证号：${officer.certificateNumber ?? '未登记'}）`)
    .join('、');

const officerNames = (data: CaseDocumentData) => data.officers.map((officer) => officer.name).join('、');

const finalStop = (sentence: string) => (/[。！？；]$/.test(sentence) ? sentence : `${sentence}。`);

function investigation(data: CaseDocumentData) {
  const step = lastStep(data, 'concludeInvestigation');
  return {
    facts: text(step?.fields.facts) || text(data.case.facts),
    evidence: text(step?.fields.evidenceSummary),
    lawApplied: text(step?.fields.lawApplied) || text(data.powerItemBasis),
    proposed: penaltyOf(step?.fields.penalty) ?? penaltyOf(data.case.proposedPenalty),
    proposedOutcome: (text(step?.fields.outcome) || 'penalty') as DecisionOutcome,
  };
}

function decisionOf(data: CaseDocumentData) {
  const step = lastStep(data, 'decide');
  const outcome = (data.case.decisionOutcome ?? (text(step?.fields.outcome) || 'penalty')) as DecisionOutcome;
  const penalty: PenaltyAmounts = penaltyOf(data.case.decidedPenalty) ??
    penaltyOf(step?.fields.penalty) ?? {
      kinds: [],
      fineFen: data.case.fineFen,
      confiscationFen: 0,
      detail: null,
    };
  return {
    outcome,
    penalty,
    reasoning: text(step?.fields.reasoning),
    decidedOn: data.case.decidedOn ?? step?.performedOn ?? data.today,
  };
}

function emptyToBlank(value: string | null | undefined) {
  return value ?? '';
}

// ── 立案审批表 ────────────────────────────────────────────────────────────────

function registrationApproval(data: CaseDocumentData): BuiltCaseDocument {
  const title = caseDocumentKindLabels.registrationApproval;
  const identity = identityOf(data, 'registrationApproval');
  const approval = lastStep(data, 'approveRegistration', 'rejectRegistration');
  const decisionText =
    approval?.action === 'rejectRegistration'
      ? `不予立案。${finalStop(text(approval.fields.reason))}`
      : finalStop(text(approval?.fields.comment) || '同意立案');
  const opinion = approval
    ? `${decisionText}\n${personName(approval.actorName)}\u3000${dateText(approval.performedOn)}`
    : '';
  const rows: FormRow[] = [
    { fields: [{ label: '案由', value: data.case.title }] },
    {
      fields: [
        {
          label: '案件来源',
          value: [caseSourceLabels[data.case.source as CaseSource], data.case.sourceDetail]
            .filter(Boolean)
            .join('：'),
        },
        { label: '发生日期', value: dateText(data.case.occurredOn) },
      ],
    },
    {
      fields: [
        { label: isEnterprise(data) ? '当事人名称' : '当事人姓名', value: data.party.name },
        { label: identity.label, value: identity.value },
      ],
    },
    {
      fields: [
        { label: '法定代表人', value: emptyToBlank(data.party.legalRepresentative) },
        { label: '联系电话', value: emptyToBlank(data.party.phone) },
      ],
    },
    { fields: [{ label: '地址', value: emptyToBlank(data.party.address) }] },
    {
      fields: [{ label: '执法事项', value: `${data.case.powerItemName}（${data.case.powerItemCode}）` }],
    },
    { fields: [{ label: '简要案情', value: emptyToBlank(data.case.facts) }], height: 30 },
    { fields: [{ label: '承办人', value: officerList(data) }] },
    {
      fields: [
        {
          label: '承办人意见',
          value: `建议按照${caseProcedureLabels[data.case.procedure as CaseProcedure]}立案调查。\n${officerNames(data)}\u3000${dateText(data.case.registeredOn)}`,
        },
      ],
      height: 20,
    },
    { fields: [{ label: '审批意见', value: opinion }], height: 25 },
  ];
  return {
    format: 'form',
    title,
    spec: {
      title,
      documentNumber: data.case.caseNumber,
      rows,
    },
  };
}

// ── 现场检查（勘验）笔录 and 询问笔录 ─────────────────────────────────────────────

function partyRows(data: CaseDocumentData, kind: CaseDocumentKind): FormRow[] {
  const identity = identityOf(data, kind);
  return [
    {
      fields: [
        { label: '当事人', value: data.party.name },
        { label: identity.label, value: identity.value },
      ],
    },
    {
      fields: [
        { label: '法定代表人', value: emptyToBlank(data.party.legalRepresentative) },
        { label: '联系电话', value: emptyToBlank(data.party.phone) },
      ],
    },
    { fields: [{ label: '地址', value: emptyToBlank(data.party.address) }] },
  ];
}

/** 行政处罚法 art. 55: officers show their certificates; the party may ask for an officer's withdrawal (art. 43). */
const identificationNotice = (data: CaseDocumentData) =>
  `执法人员${officerList(data)}已向当事人出示行政执法证件，表明身份，告知当事人依法享有陈述、申辩和申请执法人员回避的权利，以及如实回答询问、协助调查的义务（${penaltyLaw}第四十三条、第五十五条）。`;

function inspectionRecord(data: CaseDocumentData): BuiltCaseDocument | null {
  const record = latestRecord(data, 'inspection');
  if (!record) return null;
  const title = caseDocumentKindLabels.inspectionRecord;
  return {
    format: 'form',
    title,
    spec: {
      title,
      rows: [
        { fields: [{ label: '案由', value: data.case.title }] },
        {
          fields: [
            { label: '检查时间', value: dateTimeText(record.recordedAt) },
            { label: '检查地点', value: emptyToBlank(record.location) },
          ],
        },
        ...partyRows(data, 'inspectionRecord'),
        {
          fields: [
            { label: '检查人员', value: officerList(data) },
            { label: '记录人', value: record.recordedByName },
          ],
        },
        { fields: [{ label: '告知事项', value: identificationNotice(data) }], height: 20 },
        {
          fields: [{ label: '现场检查（勘验）情况', value: `${record.title}\n${record.content ?? ''}` }],
          height: 60,
        },
        { fields: [{ label: '当事人意见及签名', value: '' }], height: 20 },
        {
          fields: [
            { label: '检查人员签名', value: '' },
            { label: '记录人签名', value: '' },
          ],
          height: 15,
        },
      ],
      notes: ['注：笔录经当事人核对无误后逐页签名；当事人拒绝签名的，由执法人员在笔录上注明。'],
    },
  };
}

function inquiryRecord(data: CaseDocumentData): BuiltCaseDocument | null {
  const record = latestRecord(data, 'inquiry');
  if (!record) return null;
  const title = caseDocumentKindLabels.inquiryRecord;
  return {
    format: 'form',
    title,
    spec: {
      title,
      rows: [
        { fields: [{ label: '案由', value: data.case.title }] },
        {
          fields: [
            { label: '询问时间', value: dateTimeText(record.recordedAt) },
            { label: '询问地点', value: emptyToBlank(record.location) },
          ],
        },
        ...partyRows(data, 'inquiryRecord'),
        { fields: [{ label: '被询问人', value: record.title }] },
        {
          fields: [
            { label: '询问人', value: officerList(data) },
            { label: '记录人', value: record.recordedByName },
          ],
        },
        { fields: [{ label: '告知事项', value: identificationNotice(data) }], height: 20 },
        { fields: [{ label: '询问内容', value: record.content ?? '' }], height: 60 },
        {
          fields: [
            { label: '被询问人核对意见及签名', value: '以上笔录我看过（或向我宣读过），与我说的相符。' },
          ],
          height: 20,
        },
        {
          fields: [
            { label: '询问人签名', value: '' },
            { label: '记录人签名', value: '' },
          ],
          height: 15,
        },
      ],
      notes: ['注：询问应当个别进行；笔录交被询问人核对，有差错、遗漏的，应当允许其更正或者补充。'],
    },
  };
}

// ── 行政处罚事先告知书 ─────────────────────────────────────────────────────────

function contactParagraph(data: CaseDocumentData): DocumentBlock {
  const parts = [`联系人：${officerNames(data)}`];
  if (data.body.phone) parts.push(`联系电话：${data.body.phone}`);
  if (data.body.address) parts.push(`地址：${data.body.address}`);
  return { type: 'paragraph', text: `${parts.join('；')}。` };
}

function priorNotice(data: CaseDocumentData, number: string | null): BuiltCaseDocument {
  const title = caseDocumentKindLabels.priorNotice;
  const found = investigation(data);
  const notified = lastStep(data, 'notify', 'notifyWithHearing');
  const date = text(notified?.fields.noticedOn) || data.today;
  const items = found.proposed ? penaltyItems(found.proposed) : [];
  const blocks: DocumentBlock[] = [
    {
      type: 'paragraph',
      text: `本机关于${dateText(data.case.registeredOn)}对${you(data)}${caseCause(data)}一案立案调查。经查，${finalStop(found.facts)}`,
    },
  ];
  if (found.evidence)
    blocks.push({ type: 'paragraph', text: `以上事实有下列证据证明：${finalStop(found.evidence)}` });
  blocks.push({
    type: 'paragraph',
    text: `本机关认为，${you(data)}的上述行为违反了有关法律规定。依据${found.lawApplied || '有关法律、法规、规章'}的规定，本机关拟对${you(data)}作出如下行政处罚：`,
  });
  for (const item of numberedItems(items)) blocks.push({ type: 'heading', level: 4, text: item });
  blocks.push({
    type: 'paragraph',
    text: `根据${penaltyLaw}第四十四条、第四十五条的规定，${you(data)}有权进行陈述和申辩。${you(data)}如有陈述、申辩意见，可以在收到本告知书之日起五个工作日内向本机关提出；逾期未提出的，视为放弃陈述和申辩的权利。本机关不因${you(data)}陈述、申辩而给予更重的处罚。`,
  });
  if (data.case.hearingEligible)
    blocks.push({
      type: 'paragraph',
      text: `根据${penaltyLaw}第六十三条、第六十四条的规定，${you(data)}有权要求举行听证。${you(data)}要求听证的，应当在收到本告知书之日起五个工作日内向本机关提出；逾期未提出的，视为放弃听证的权利。`,
    });
  blocks.push(contactParagraph(data));
  blocks.push({ type: 'signatureLine', label: '当事人签收', withDate: true });
  return {
    format: 'official',
    title,
    spec: {
      issuerMark: data.body.name,
      ...(number ? { documentNumber: number } : {}),
      title,
      recipient: data.party.name,
      blocks,
      signature: { organization: data.body.name, date },
    },
  };
}

// ── 听证通知书 ────────────────────────────────────────────────────────────────

function hearingNotice(data: CaseDocumentData, number: string | null): BuiltCaseDocument | null {
  const scheduled = lastStep(data, 'scheduleHearing');
  if (!scheduled) return null;
  const requested = lastStep(data, 'requestHearing');
  const title = caseDocumentKindLabels.hearingNotice;
  const requestedOn = text(requested?.fields.requestedOn);
  const blocks: DocumentBlock[] = [
    {
      type: 'paragraph',
      text: `${you(data)}${requestedOn ? `于${dateText(requestedOn)}` : ''}就本机关拟作出行政处罚提出的听证要求，本机关已收到。根据${penaltyLaw}第六十四条的规定，本机关决定于${dateText(text(scheduled.fields.hearingDate))}在${text(scheduled.fields.place)}就${caseCause(data)}一案举行听证，听证主持人为${text(scheduled.fields.host)}。`,
    },
    { type: 'heading', level: 1, text: '一、注意事项' },
    {
      type: 'paragraph',
      text: '（一）除涉及国家秘密、商业秘密或者个人隐私依法予以保密外，听证公开举行。',
    },
    {
      type: 'paragraph',
      text: `（二）${you(data)}认为主持人与本案有直接利害关系的，有权申请回避。`,
    },
    {
      type: 'paragraph',
      text: `（三）${you(data)}可以亲自参加听证，也可以委托一至二人代理；委托代理人参加的，应当提交授权委托书。`,
    },
    {
      type: 'paragraph',
      text: `（四）请携带身份证明和有关证据材料按时参加。${you(data)}无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。`,
    },
    contactParagraph(data),
  ];
  return {
    format: 'official',
    title,
    spec: {
      issuerMark: data.body.name,
      ...(number ? { documentNumber: number } : {}),
      title,
      recipient: data.party.name,
      blocks,
      signature: { organization: data.body.name, date: scheduled.performedOn },
    },
  };
}

// ── 行政处罚决定书 ────────────────────────────────────────────────────────────

function proceduralHistory(data: CaseDocumentData): string[] {
  const paragraphs: string[] = [];
  const notified = lastStep(data, 'notify', 'notifyWithHearing');
  const noticeNumber = data.documents.find((document) => document.kind === 'priorNotice')?.number;
  if (notified) {
    paragraphs.push(
      `本机关于${dateText(text(notified.fields.noticedOn))}向${you(data)}送达${noticeNumber ? `《行政处罚事先告知书》（${noticeNumber}）` : '《行政处罚事先告知书》'}，告知拟作出行政处罚的事实、理由、依据及${you(data)}依法享有的陈述、申辩${notified.action === 'notifyWithHearing' ? '和要求听证' : ''}的权利。`,
    );
  }
  const held = lastStep(data, 'holdHearing');
  if (held)
    paragraphs.push(
      `本机关于${dateText(text(held.fields.heldOn))}依法举行了听证。${finalStop(text(held.fields.record))}`,
    );
  const statement = lastStep(data, 'recordStatement');
  if (statement)
    paragraphs.push(
      `${finalStop(text(statement.fields.statement))}经复核，${finalStop(text(statement.fields.review))}`,
    );
  return paragraphs;
}

function decision(data: CaseDocumentData, number: string | null): BuiltCaseDocument {
  const found = investigation(data);
  const decided = decisionOf(data);
  const isPenalty = decided.outcome === 'penalty';
  const title = isPenalty ? caseDocumentKindLabels.decision : '不予行政处罚决定书';
  const isSummary = data.case.procedure === 'summary';
  const facts = isSummary ? text(data.case.facts) : found.facts;
  const blocks: DocumentBlock[] = [...partyParagraphs(data, 'decision')];
  blocks.push({
    type: 'paragraph',
    text: isSummary
      ? `${dateText(data.case.registeredOn)}，本机关执法人员${officerList(data)}在执法检查中发现${you(data)}${caseCause(data)}，当场出示执法证件，告知${you(data)}拟作出行政处罚的事实、理由、依据和${you(data)}依法享有的陈述、申辩权利，依照${penaltyLaw}第五十一条、第五十二条的规定适用简易程序当场作出本决定。`
      : `${you(data)}${caseCause(data)}一案，本机关于${dateText(data.case.registeredOn)}立案，依法进行了调查，现已调查终结。`,
  });
  // art. 59 (2): the facts and the evidence
  blocks.push({ type: 'heading', level: 1, text: '一、违法事实和证据' });
  blocks.push({ type: 'paragraph', text: `经查，${finalStop(facts || caseCause(data))}` });
  if (found.evidence)
    blocks.push({ type: 'paragraph', text: `上述事实有以下证据证明：${finalStop(found.evidence)}` });
  for (const paragraph of proceduralHistory(data)) blocks.push({ type: 'paragraph', text: paragraph });
  // art. 59 (3): the kind and the basis of the penalty
  blocks.push({
    type: 'heading',
    level: 1,
    text: isPenalty ? '二、行政处罚的种类和依据' : '二、不予行政处罚的理由和依据',
  });
  if (decided.reasoning)
    blocks.push({ type: 'paragraph', text: `本机关认为，${finalStop(decided.reasoning)}` });
  const basis = found.lawApplied || '有关法律、法规、规章';
  if (isPenalty) {
    blocks.push({
      type: 'paragraph',
      text: `依据${basis}的规定，本机关决定对${you(data)}作出如下行政处罚：`,
    });
    for (const item of numberedItems(penaltyItems(decided.penalty)))
      blocks.push({ type: 'heading', level: 4, text: item });
  } else {
    blocks.push({
      type: 'paragraph',
      text: `依据${basis}和${penaltyLaw}第三十三条的规定，本机关决定${decisionOutcomeLabels.noPenalty}。`,
    });
  }
  // art. 59 (4): the manner and the term of performance (arts. 67, 72)
  const payable = decided.penalty.fineFen + decided.penalty.confiscationFen;
  if (isPenalty) {
    blocks.push({ type: 'heading', level: 1, text: '三、履行方式和期限' });
    if (payable > 0) {
      blocks.push({
        type: 'paragraph',
        text: `${you(data)}应当自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚没款共计${amountText(payable)}（${penaltyLaw}第六十七条第三款）。缴款时请注明本决定书文号${number ?? ''}。`,
      });
      if (decided.penalty.fineFen > 0)
        blocks.push({
          type: 'paragraph',
          text: `到期不缴纳罚款的，本机关依据${penaltyLaw}第七十二条第一款第一项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款数额${yuanText(decided.penalty.fineFen)}；并可以依法申请人民法院强制执行。`,
        });
    } else {
      blocks.push({
        type: 'paragraph',
        text: `本决定自送达之日起生效，${you(data)}应当自收到本决定书之日起依照本决定履行。`,
      });
    }
  }
  // art. 59 (5): remedies and their terms
  blocks.push({ type: 'heading', level: 1, text: isPenalty ? '四、救济途径和期限' : '三、救济途径和期限' });
  blocks.push({
    type: 'paragraph',
    text: `${you(data)}如不服本决定，可以在收到本决定书之日起六十日内向${data.body.reviewOrganName ?? '本机关的本级人民政府'}申请行政复议，也可以在收到本决定书之日起六个月内依法向人民法院提起行政诉讼。`,
  });
  if (isPenalty)
    blocks.push({
      type: 'paragraph',
      text: `${you(data)}对本决定不服，申请行政复议或者提起行政诉讼的，行政处罚不停止执行，法律另有规定的除外（${penaltyLaw}第七十三条）。`,
    });
  // 当场处罚: the decision is handed over on the spot and signed for on it (art. 52); an ordinary
  // decision is signed for on the 送达回证
  if (isSummary) {
    blocks.push({ type: 'paragraph', text: `执法人员：${officerList(data)}。` });
    blocks.push({ type: 'signatureLine', label: '当事人签收', withDate: true });
  }
  // art. 59 (6): the body's name and the date of the decision, under its seal
  return {
    format: 'official',
    title,
    spec: {
      issuerMark: data.body.name,
      ...(number ? { documentNumber: number } : {}),
      title,
      blocks,
      signature: { organization: data.body.name, date: decided.decidedOn },
    },
  };
}

// ── 送达回证 ──────────────────────────────────────────────────────────────────

const serviceMethodLabels: Record<string, string> = {
  direct: '直接送达',
  postal: '邮寄送达',
  electronic: '电子送达',
  leftAtResidence: '留置送达',
  publicNotice: '公告送达',
};

function serviceReceipt(data: CaseDocumentData): BuiltCaseDocument {
  const title = caseDocumentKindLabels.serviceReceipt;
  const served = lastStep(data, 'serve', 'serveWithoutPayment');
  const decisionNumber =
    data.case.decisionNumber ?? data.documents.find((document) => document.kind === 'decision')?.number ?? '';
  const decided = decisionOf(data);
  const documentTitle =
    decided.outcome === 'penalty' ? caseDocumentKindLabels.decision : '不予行政处罚决定书';
  return {
    format: 'form',
    title,
    spec: {
      title,
      rows: [
        { fields: [{ label: '案由', value: data.case.title }] },
        { fields: [{ label: '送达文书', value: `《${documentTitle}》${decisionNumber}` }] },
        {
          fields: [
            { label: '受送达人', value: data.party.name },
            {
              label: identityOf(data, 'serviceReceipt').label,
              value: identityOf(data, 'serviceReceipt').value,
            },
          ],
        },
        { fields: [{ label: '送达地点', value: emptyToBlank(data.party.address) }] },
        {
          fields: [
            { label: '送达方式', value: serviceMethodLabels[text(served?.fields.method)] ?? '' },
            { label: '送达日期', value: dateText(text(served?.fields.servedOn)) },
          ],
        },
        { fields: [{ label: '送达人', value: officerList(data) }] },
        {
          fields: [{ label: '受送达人签名', value: text(served?.fields.recipient) }],
          height: 25,
        },
        { fields: [{ label: '备注', value: '' }], height: 20 },
      ],
      notes: [
        `注：行政处罚决定书应当在宣告后当场交付当事人；当事人不在场的，应当在七日内送达（${penaltyLaw}第六十一条）。`,
      ],
    },
  };
}

// ── 结案审批表 ────────────────────────────────────────────────────────────────

function executionSummary(data: CaseDocumentData): string {
  const paid = lastStep(data, 'recordPayment');
  if (paid)
    return `当事人于${dateText(text(paid.fields.paidOn))}缴纳罚没款${typeof paid.fields.paidYuan === 'number' ? yuanText(Math.round(paid.fields.paidYuan * 100)) : ''}（缴款凭证号：${text(paid.fields.receiptNumber)}）${data.case.surchargeFen > 0 ? `，其中加处罚款${yuanText(data.case.surchargeFen)}` : ''}。`;
  const court = lastStep(data, 'requestCourtEnforcement');
  if (court)
    return `当事人逾期未履行，本机关于${dateText(court.performedOn)}向${text(court.fields.court)}申请强制执行。`;
  const served = lastStep(data, 'serveWithoutPayment');
  if (served) return `决定书已于${dateText(text(served.fields.servedOn))}送达，无罚没款需缴纳，执行完毕。`;
  return '';
}

function closingApproval(data: CaseDocumentData): BuiltCaseDocument {
  const title = caseDocumentKindLabels.closingApproval;
  const decided = decisionOf(data);
  const closed = lastStep(data, 'close');
  const decisionNumber =
    data.case.decisionNumber ?? data.documents.find((document) => document.kind === 'decision')?.number ?? '';
  const outcome =
    decided.outcome === 'penalty'
      ? penaltyItems(decided.penalty).join('；')
      : decisionOutcomeLabels.noPenalty;
  return {
    format: 'form',
    title,
    spec: {
      title,
      documentNumber: data.case.caseNumber,
      rows: [
        { fields: [{ label: '案由', value: data.case.title }] },
        {
          fields: [
            { label: '当事人', value: data.party.name },
            {
              label: identityOf(data, 'closingApproval').label,
              value: identityOf(data, 'closingApproval').value,
            },
          ],
        },
        {
          fields: [
            { label: '立案日期', value: dateText(data.case.registeredOn) },
            { label: '程序', value: caseProcedureLabels[data.case.procedure as CaseProcedure] },
          ],
        },
        {
          fields: [
            { label: '决定书文号', value: decisionNumber },
            { label: '决定日期', value: dateText(decided.decidedOn) },
          ],
        },
        { fields: [{ label: '处理结果', value: outcome }], height: 20 },
        {
          fields: [
            { label: '送达日期', value: dateText(data.case.servedOn) },
            { label: '缴款日期', value: dateText(data.case.paidOn) },
          ],
        },
        { fields: [{ label: '执行情况', value: executionSummary(data) }], height: 25 },
        { fields: [{ label: '承办人', value: officerList(data) }] },
        {
          fields: [
            {
              label: '承办人意见',
              value: `本案处理决定已执行完毕，建议结案。\n${officerNames(data)}`,
            },
          ],
          height: 20,
        },
        {
          fields: [
            {
              label: '审批意见',
              value: closed
                ? `${finalStop(text(closed.fields.comment) || '同意结案')}\n${personName(closed.actorName)}\u3000${dateText(closed.performedOn)}`
                : '',
            },
          ],
          height: 25,
        },
      ],
    },
  };
}

// ── 卷内文件目录 ──────────────────────────────────────────────────────────────

const linesPerPage = 22;
const charactersPerLine = 28;

/** Pages of an official document: 22 lines of 28 characters (GB/T 9704 §5.2.2), the head and signature included. */
function officialPages(spec: OfficialDocumentSpec): number {
  const linesOf = (content: string) => Math.max(1, Math.ceil((content.length + 2) / charactersPerLine));
  let lines = spec.issuerMark ? 12 : 3;
  if (spec.recipient) lines += 1;
  for (const block of spec.blocks) {
    if (block.type === 'table') lines += block.rows.length * 1.5 + 1;
    else if (block.type === 'signatureLine') lines += 1;
    else lines += linesOf(block.text);
  }
  lines += 4 + (spec.attachments?.length ?? 0);
  return Math.max(1, Math.ceil(lines / linesPerPage));
}

/** Pages of a form: rows of at least 12 mm (or their set height), a value line of 4号 every 7 mm. */
function formPages(spec: FormDocumentSpec): number {
  let height = 25;
  for (const row of spec.rows) {
    const perLine = row.fields.length === 1 ? 24 : Math.floor(14 / row.fields.length);
    const lines = row.fields.reduce(
      (most, field) =>
        Math.max(
          most,
          (field.value ?? '')
            .split('\n')
            .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0),
        ),
      1,
    );
    height += Math.max(row.height ?? 12, lines * 7 + 3);
  }
  height += (spec.notes?.length ?? 0) * 8;
  return Math.max(1, Math.ceil(height / 225));
}

export function estimatePages(built: BuiltCaseDocument): number {
  if (built.format === 'official') return officialPages(built.spec);
  if (built.format === 'form') return formPages(built.spec);
  return Math.max(1, Math.ceil((built.spec.entries.length + 4) / 16));
}

/** The order of the case file (结论性文书在前，其余按办案顺序): decision and its receipt, then the file from registration on. */
const indexOrder = [
  'decision',
  'serviceReceipt',
  'registrationApproval',
  'evidence',
  'legalReview',
  'deliberate',
  'priorNotice',
  'recordStatement',
  'hearingNotice',
  'holdHearing',
  'recordPayment',
  'closingApproval',
] as const;

const evidenceOrder: RecordKind[] = [
  'inspection',
  'inquiry',
  'document',
  'photo',
  'audioVideo',
  'note',
  'other',
];

function recordPages(record: DocumentRecord): number {
  if (record.kind === 'audioVideo') return 0;
  if (record.kind === 'photo') return 1;
  return Math.max(1, Math.ceil((record.content?.length ?? 0) / (linesPerPage * charactersPerLine)));
}

function stepEntry(data: CaseDocumentData, step: DocumentStep): CaseFileIndexEntry | null {
  const page = (content: string) =>
    Math.max(1, Math.ceil(content.length / (linesPerPage * charactersPerLine)));
  switch (step.action) {
    case 'legalReview':
      return {
        number: '',
        author: personName(step.actorName),
        title: `法制审核意见（${text(step.fields.conclusion) === 'agree' ? '同意' : '存在问题'}）`,
        date: archiveDate(step.performedOn),
        pages: page(text(step.fields.opinion)),
        note: '',
      };
    case 'deliberate':
      return {
        number: '',
        author: data.body.name,
        title: '案件集体讨论记录',
        date: archiveDate(text(step.fields.meetingDate)),
        pages: page(text(step.fields.conclusion)),
        note: '',
      };
    case 'recordStatement':
      return {
        number: '',
        author: officerNames(data),
        title: '陈述申辩笔录及复核意见',
        date: archiveDate(step.performedOn),
        pages: page(`${text(step.fields.statement)}${text(step.fields.review)}`),
        note: '',
      };
    case 'holdHearing':
      return {
        number: '',
        author: data.body.name,
        title: '听证笔录',
        date: archiveDate(text(step.fields.heldOn)),
        pages: page(text(step.fields.record)),
        note: '',
      };
    case 'recordPayment':
      return {
        number: text(step.fields.receiptNumber),
        author: data.party.name,
        title: '罚没款缴纳凭证',
        date: archiveDate(text(step.fields.paidOn)),
        pages: 1,
        note: '',
      };
    default:
      return null;
  }
}

/**
 * The entries of the index: every document generated (its latest version) and every record and
 * step that is part of the file, in the standard order, with a page estimate each.
 */
export function caseFileIndexEntries(data: CaseDocumentData): CaseFileIndexEntry[] {
  const latestOf = (kind: CaseDocumentKind) =>
    data.documents.filter((document) => document.kind === kind).at(-1);
  const documentEntry = (kind: CaseDocumentKind, date: string): CaseFileIndexEntry | null => {
    const document = latestOf(kind);
    if (!document) return null;
    const built = buildCaseDocument(kind, data, document.number);
    return {
      number: document.number ?? '',
      author: data.body.name,
      title: document.title,
      date: archiveDate(date),
      pages: built ? estimatePages(built) : 1,
      note: '',
    };
  };
  const entries: CaseFileIndexEntry[] = [];
  for (const part of indexOrder) {
    switch (part) {
      case 'decision':
        entries.push(
          ...[documentEntry('decision', decisionOf(data).decidedOn)].filter((entry) => entry !== null),
        );
        break;
      case 'serviceReceipt': {
        const served = lastStep(data, 'serve', 'serveWithoutPayment');
        const entry = documentEntry(
          'serviceReceipt',
          text(served?.fields.servedOn) || (data.case.servedOn ?? ''),
        );
        if (entry) entries.push(entry);
        break;
      }
      case 'registrationApproval': {
        const entry = documentEntry('registrationApproval', data.case.registeredOn);
        if (entry) entries.push(entry);
        break;
      }
      case 'evidence':
        for (const kind of evidenceOrder) {
          const ofKind = data.records.filter((record) => record.kind === kind);
          const printedKind =
            kind === 'inspection' ? 'inspectionRecord' : kind === 'inquiry' ? 'inquiryRecord' : null;
          ofKind.forEach((record, index) => {
            const printed = printedKind && index === ofKind.length - 1 ? latestOf(printedKind) : undefined;
            const built = printed && printedKind ? buildCaseDocument(printedKind, data, null) : null;
            entries.push({
              number: '',
              author: personName(record.recordedByName),
              title: `${recordKindLabels[record.kind]}：${record.title}`,
              date: archiveDate(civilDate(record.recordedAt)),
              pages: built ? estimatePages(built) : recordPages(record),
              note: record.kind === 'audioVideo' ? '音像资料另行存储' : record.fileSha256 ? '附电子文件' : '',
            });
          });
        }
        break;
      case 'priorNotice': {
        const notified = lastStep(data, 'notify', 'notifyWithHearing');
        const entry = documentEntry(
          'priorNotice',
          text(notified?.fields.noticedOn) || (latestOf('priorNotice') ? data.today : ''),
        );
        if (entry) entries.push(entry);
        break;
      }
      case 'hearingNotice': {
        const entry = documentEntry('hearingNotice', lastStep(data, 'scheduleHearing')?.performedOn ?? '');
        if (entry) entries.push(entry);
        break;
      }
      case 'closingApproval': {
        const entry = documentEntry(
          'closingApproval',
          data.case.closedOn ?? lastStep(data, 'close')?.performedOn ?? '',
        );
        if (entry) entries.push(entry);
        break;
      }
      default:
        for (const step of stepsOf(data, part)) {
          const entry = stepEntry(data, step);
          if (entry) entries.push(entry);
        }
    }
  }
  return entries;
}

function caseFileIndex(data: CaseDocumentData): BuiltCaseDocument {
  const title = caseDocumentKindLabels.caseFileIndex;
  return {
    format: 'index',
    title,
    spec: {
      title,
      heading: [`案号：${data.case.caseNumber}`, `案由：${data.case.title}`, `当事人：${data.party.name}`],
      entries: caseFileIndexEntries(data),
      notes: ['注：页号按装订顺序估算，立卷时以实际页码为准；音像资料另行存储，不计页数。'],
    },
  };
}

// ── Dispatch ─────────────────────────────────────────────────────────────────

/**
 * The document of `kind` for the case, carrying `number` (its 文号, or null); null when the data
 * it prints is missing (no inspection record for a 现场检查笔录, no scheduled hearing for a notice).
 */
export function buildCaseDocument(
  kind: CaseDocumentKind,
  data: CaseDocumentData,
  number: string | null,
): BuiltCaseDocument | null {
  switch (kind) {
    case 'registrationApproval':
      return registrationApproval(data);
    case 'inspectionRecord':
      return inspectionRecord(data);
    case 'inquiryRecord':
      return inquiryRecord(data);
    case 'priorNotice':
      return priorNotice(data, number);
    case 'hearingNotice':
      return hearingNotice(data, number);
    case 'decision':
      return decision(data, number);
    case 'serviceReceipt':
      return serviceReceipt(data);
    case 'closingApproval':
      return closingApproval(data);
    case 'caseFileIndex':
      return caseFileIndex(data);
  }
}
