import dayjs from 'dayjs';
import {
  decisionOutcomeLabels,
  decisionOutcomes,
  legalReviewCheckLabels,
  legalReviewChecks,
  legalReviewConclusionLabels,
  legalReviewConclusions,
  type CaseView,
  type PenaltyInput,
  type PenaltyKind,
  type PenaltyView,
} from '../../../../contracts/enforcement';
import type { DeadlineView } from '../../../../contracts/procedures';
import { formatDate } from '../../lib/format';
import { formatYuan, penaltySummary } from './case-fields';

/**
 * The form of each step of a case, as data: one entry per action of the ordinary and summary
 * procedures (server/modules/enforcement/case-procedures.ts), each field named and typed as the
 * action's zod `fields` expects it. action-forms.test.ts checks every action has its form and
 * that a filled form is accepted by the action's schema.
 */

/**
 * text / paragraph: words; date: a civil date; yuan: an amount in 元; integer: a count;
 * select: one of `options`; boolean: a yes/no; checklist: the legal-review points, each checked
 * or not; penalty: 处罚种类, 罚款, 没收金额 and other measures.
 */
export type ActionFieldType =
  'text' | 'paragraph' | 'date' | 'yuan' | 'integer' | 'select' | 'boolean' | 'checklist' | 'penalty';

export interface ActionField {
  name: string;
  label: string;
  type: ActionFieldType;
  isRequired?: boolean;
  maxLength?: number;
  placeholder?: string;
  /** a line of help under the field */
  extra?: string;
  options?: readonly { value: string; label: string }[];
  min?: number;
  max?: number;
}

const optionsOf = (labels: Record<string, string>, values: readonly string[]) =>
  values.map((value) => ({ value, label: labels[value] ?? value }));

export const serviceMethodLabels: Record<string, string> = {
  direct: '直接送达',
  postal: '邮寄送达',
  electronic: '电子送达',
  leftAtResidence: '留置送达',
  publicNotice: '公告送达',
};

export const retentionLabels: Record<string, string> = { permanent: '永久', long: '长期', short: '短期' };

const reason = (label = '理由'): ActionField => ({
  name: 'reason',
  label,
  type: 'paragraph',
  isRequired: true,
  maxLength: 2000,
});

const serviceForm: ActionField[] = [
  { name: 'servedOn', label: '送达日期', type: 'date', isRequired: true },
  {
    name: 'method',
    label: '送达方式',
    type: 'select',
    isRequired: true,
    options: optionsOf(serviceMethodLabels, Object.keys(serviceMethodLabels)),
  },
  { name: 'recipient', label: '签收人', type: 'text', isRequired: true, maxLength: 100 },
];

const outcomeField: ActionField = {
  name: 'outcome',
  label: '处理意见',
  type: 'select',
  isRequired: true,
  options: optionsOf(decisionOutcomeLabels, decisionOutcomes),
};

export const actionForms: Record<string, ActionField[]> = {
  approveRegistration: [{ name: 'comment', label: '审批意见', type: 'paragraph', maxLength: 2000 }],
  rejectRegistration: [reason('不予立案理由')],
  preserveEvidence: [
    { name: 'items', label: '登记保存的物品', type: 'paragraph', isRequired: true, maxLength: 2000 },
    { name: 'approvedBy', label: '批准的负责人', type: 'text', isRequired: true, maxLength: 50 },
  ],
  disposePreservedEvidence: [
    { name: 'disposition', label: '处理决定', type: 'paragraph', isRequired: true, maxLength: 2000 },
  ],
  seize: [
    {
      name: 'items',
      label: '查封、扣押的场所、设施或者财物',
      type: 'paragraph',
      isRequired: true,
      maxLength: 2000,
    },
    {
      name: 'decisionNumber',
      label: '查封（扣押）决定书文号',
      type: 'text',
      isRequired: true,
      maxLength: 64,
    },
  ],
  extendSeizure: [
    reason('延长理由'),
    {
      name: 'days',
      label: '延长天数',
      type: 'integer',
      min: 1,
      max: 30,
      extra: '最多延长 30 日，且只能延长一次',
    },
  ],
  releaseSeizure: [
    {
      name: 'disposition',
      label: '处理决定（解除或没收、销毁）',
      type: 'paragraph',
      isRequired: true,
      maxLength: 2000,
    },
  ],
  suspend: [reason('中止理由（检测、检验、检疫、鉴定等）')],
  resume: [reason('恢复理由')],
  extendDecisionLimit: [
    reason('延长理由'),
    { name: 'days', label: '延长天数', type: 'integer', isRequired: true, min: 1, max: 90 },
  ],
  concludeInvestigation: [
    { name: 'facts', label: '违法事实', type: 'paragraph', isRequired: true, maxLength: 5000 },
    { name: 'evidenceSummary', label: '证据情况', type: 'paragraph', isRequired: true, maxLength: 5000 },
    outcomeField,
    { name: 'penalty', label: '拟处罚', type: 'penalty' },
    {
      name: 'circumstanceKey',
      label: '裁量情形编号',
      type: 'text',
      maxLength: 32,
      extra: '适用的裁量基准情形（可不填）；拟处罚超出该情形的范围时须写明理由',
    },
    { name: 'deviationReason', label: '超出裁量基准的理由', type: 'paragraph', maxLength: 2000 },
    {
      name: 'majorReason',
      label: '重大执法决定情形',
      type: 'paragraph',
      maxLength: 500,
      extra:
        '涉及重大公共利益、案件情况疑难复杂等情形的写明理由，本案即按重大执法决定办理，作出决定前须经法制审核（《中华人民共和国行政处罚法》第五十八条）；不属于的不填',
    },
    { name: 'lawApplied', label: '适用法律依据', type: 'paragraph', isRequired: true, maxLength: 2000 },
  ],
  returnToInvestigation: [reason('退回理由')],
  legalReview: [
    {
      name: 'conclusion',
      label: '审核结论',
      type: 'select',
      isRequired: true,
      options: optionsOf(legalReviewConclusionLabels, legalReviewConclusions),
    },
    {
      name: 'checklist',
      label: '审核要点',
      type: 'checklist',
      options: optionsOf(legalReviewCheckLabels, legalReviewChecks),
      extra: '逐项审核，符合的打勾；有未通过的项目时结论不能为“同意”',
    },
    { name: 'opinion', label: '书面审核意见', type: 'paragraph', isRequired: true, maxLength: 5000 },
  ],
  deliberate: [
    { name: 'meetingDate', label: '会议日期', type: 'date', isRequired: true },
    { name: 'participants', label: '参加人员', type: 'paragraph', isRequired: true, maxLength: 500 },
    { name: 'conclusion', label: '讨论决定', type: 'paragraph', isRequired: true, maxLength: 5000 },
  ],
  notify: [{ name: 'noticedOn', label: '告知日期', type: 'date', isRequired: true }],
  notifyWithHearing: [{ name: 'noticedOn', label: '告知日期', type: 'date', isRequired: true }],
  recordStatement: [
    {
      name: 'statement',
      label: '当事人陈述申辩情况',
      type: 'paragraph',
      isRequired: true,
      maxLength: 5000,
      placeholder: '未陈述申辩的写明“当事人未提出陈述申辩”',
    },
    { name: 'review', label: '复核意见', type: 'paragraph', isRequired: true, maxLength: 5000 },
    {
      name: 'hearingWaived',
      label: '当事人明确放弃听证',
      type: 'boolean',
      extra: '已告知听证权利、听证申请期限未届满时，须当事人明确放弃才能进入决定',
    },
  ],
  requestHearing: [{ name: 'requestedOn', label: '申请日期', type: 'date', isRequired: true }],
  scheduleHearing: [
    {
      name: 'hearingDate',
      label: '听证日期',
      type: 'date',
      isRequired: true,
      extra: '应在举行听证的七日前通知当事人',
    },
    { name: 'place', label: '听证地点', type: 'text', isRequired: true, maxLength: 200 },
    { name: 'host', label: '听证主持人', type: 'text', isRequired: true, maxLength: 50 },
  ],
  holdHearing: [
    { name: 'heldOn', label: '听证日期', type: 'date', isRequired: true },
    { name: 'record', label: '听证笔录摘要', type: 'paragraph', isRequired: true, maxLength: 5000 },
  ],
  decide: [
    { ...outcomeField, label: '决定' },
    { name: 'penalty', label: '处罚内容', type: 'penalty' },
    { name: 'reasoning', label: '决定理由', type: 'paragraph', isRequired: true, maxLength: 5000 },
  ],
  serve: serviceForm,
  serveWithoutPayment: serviceForm,
  recordPayment: [
    { name: 'paidOn', label: '缴款日期', type: 'date', isRequired: true },
    {
      name: 'paidYuan',
      label: '缴款金额',
      type: 'yuan',
      isRequired: true,
      extra: '逾期缴纳的，含每日 3% 的加处罚款',
    },
    { name: 'receiptNumber', label: '缴款凭证号', type: 'text', isRequired: true, maxLength: 64 },
  ],
  requestCourtEnforcement: [
    { name: 'court', label: '受理法院', type: 'text', isRequired: true, maxLength: 100 },
    reason('申请理由'),
  ],
  close: [{ name: 'comment', label: '结案意见', type: 'paragraph', maxLength: 2000 }],
  archive: [
    { name: 'archiveNumber', label: '档案号', type: 'text', isRequired: true, maxLength: 64 },
    { name: 'volumes', label: '卷数', type: 'integer', isRequired: true, min: 1, max: 99 },
    {
      name: 'retention',
      label: '保管期限',
      type: 'select',
      isRequired: true,
      options: optionsOf(retentionLabels, Object.keys(retentionLabels)),
    },
  ],
  withdrawCase: [reason('撤销理由')],
  refer: [
    { name: 'receivingOrgan', label: '接收机关', type: 'text', isRequired: true, maxLength: 100 },
    reason('移送理由'),
  ],
};

/**
 * Whether a step the server lists applies to the case as it stands: releasing a seizure needs one
 * under way, disposing of preserved evidence needs evidence preserved, resuming needs a pause. The
 * server checks these anyway (its guards); the page only leaves out buttons that could not succeed.
 */
export function isActionApplicable(
  action: string,
  deadlines: readonly Pick<DeadlineView, 'key' | 'status' | 'extensions'>[],
): boolean {
  const has = (key: string, status: DeadlineView['status']) =>
    deadlines.some((deadline) => deadline.key === key && deadline.status === status);
  switch (action) {
    case 'releaseSeizure':
      return has('seizure', 'open');
    case 'extendSeizure':
      return deadlines.some(
        (deadline) =>
          deadline.key === 'seizure' && deadline.status === 'open' && deadline.extensions.length === 0,
      );
    case 'disposePreservedEvidence':
      return has('preservation', 'open');
    case 'resume':
      return has('decision', 'paused');
    case 'suspend':
      return !has('decision', 'paused');
    default:
      return true;
  }
}

/** The form of an action; an action this page does not know yet has no fields. */
export const actionFormOf = (action: string): ActionField[] => actionForms[action] ?? [];

/** What the penalty group holds in the form. */
export interface PenaltyValues {
  kinds?: PenaltyKind[];
  fineYuan?: number | null;
  confiscationYuan?: number | null;
  detail?: string | null;
}

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The form's values as the action's `fields`: dates as YYYY-MM-DD, texts trimmed, empty optional ones left out. */
export function toActionFields(
  form: ActionField[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of form) {
    const value = values[field.name];
    switch (field.type) {
      case 'text':
      case 'paragraph': {
        const text = trimmed(value);
        if (text || field.isRequired) fields[field.name] = text;
        break;
      }
      case 'date':
        if (dayjs.isDayjs(value)) fields[field.name] = value.format('YYYY-MM-DD');
        else if (typeof value === 'string' && value) fields[field.name] = value;
        break;
      case 'yuan':
      case 'integer':
      case 'select':
        if (value !== undefined && value !== null && value !== '') fields[field.name] = value;
        break;
      case 'boolean':
        fields[field.name] = value === true;
        break;
      case 'checklist': {
        const checked = Array.isArray(value) ? (value as unknown[]) : [];
        fields[field.name] = Object.fromEntries(
          (field.options ?? []).map((option) => [option.value, checked.includes(option.value)]),
        );
        break;
      }
      case 'penalty': {
        const penalty = (value ?? {}) as PenaltyValues;
        const detail = trimmed(penalty.detail);
        fields[field.name] = {
          kinds: penalty.kinds ?? [],
          fineYuan: penalty.fineYuan ?? 0,
          confiscationYuan: penalty.confiscationYuan ?? 0,
          ...(detail ? { detail } : {}),
        } satisfies PenaltyInput;
        break;
      }
    }
  }
  return fields;
}

const penaltyValues = (penalty: PenaltyView | null): PenaltyValues | undefined =>
  penalty
    ? {
        kinds: penalty.kinds,
        fineYuan: penalty.fineYuan,
        confiscationYuan: penalty.confiscationYuan,
        detail: penalty.detail,
      }
    : undefined;

/** What a form starts with: today's date, and what the case already says (the proposal, the fine to pay…). */
export function initialActionValues(action: string, caseView: CaseView): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of actionFormOf(action)) {
    if (field.type === 'date') values[field.name] = dayjs();
    if (field.type === 'checklist') values[field.name] = [];
    if (field.type === 'boolean') values[field.name] = false;
  }
  const proposal = caseView.proposedPenalty;
  switch (action) {
    case 'concludeInvestigation':
      return { ...values, facts: caseView.facts ?? undefined, outcome: 'penalty', penalty: { kinds: [] } };
    case 'decide':
      return {
        ...values,
        outcome: proposal && proposal.kinds.length === 0 ? 'noPenalty' : 'penalty',
        penalty: penaltyValues(proposal) ?? { kinds: [] },
      };
    case 'serve':
    case 'serveWithoutPayment':
      return {
        ...values,
        method: 'direct',
        recipient: caseView.party.legalRepresentative ?? caseView.party.name,
      };
    case 'recordPayment': {
      const decided = caseView.decidedPenalty;
      const due = (decided?.fineYuan ?? 0) + (decided?.confiscationYuan ?? 0) + caseView.surchargeYuan;
      return { ...values, paidYuan: Math.round(due * 100) / 100 };
    }
    case 'extendSeizure':
      return { ...values, days: 30 };
    case 'archive':
      return { ...values, volumes: 1, retention: 'long' };
    default:
      return values;
  }
}

/**
 * The form path of a server's field error: `fields.penalty.fineYuan` → ['penalty', 'fineYuan'];
 * a checklist point (`fields.checklist.factsClear`) belongs to the checklist as a whole. Null when
 * the error names no field of this form.
 */
export function actionErrorPath(form: ActionField[], field: string | undefined): string[] | null {
  if (!field?.startsWith('fields.')) return null;
  const segments = field.slice('fields.'.length).split('.').filter(Boolean);
  const target = form.find((candidate) => candidate.name === segments[0]);
  if (!target) return null;
  if (target.type === 'penalty' && segments.length > 1) return [target.name, segments[1] ?? ''];
  return [target.name];
}

/** One line of a past step, e.g. 送达方式：直接送达 — what the procedure history shows. */
export interface StepFieldLine {
  label: string;
  value: string;
}

function describeValue(field: ActionField, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  switch (field.type) {
    case 'date':
      return typeof value === 'string' ? formatDate(value) : null;
    case 'yuan':
      return typeof value === 'number' ? formatYuan(value) : null;
    case 'select':
      return (
        field.options?.find((option) => option.value === value)?.label ??
        (typeof value === 'string' ? value : null)
      );
    case 'boolean':
      return value === true ? '是' : null;
    case 'checklist': {
      const points = Object.values(value as Record<string, unknown>);
      return `${points.length} 项中 ${points.filter((point) => point === true).length} 项符合`;
    }
    case 'penalty':
      return penaltySummary({
        kinds: [],
        fineYuan: 0,
        confiscationYuan: 0,
        detail: null,
        ...(value as Partial<PenaltyView>),
      });
    default:
      return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : null;
  }
}

/** The fields a step recorded, in the order of its form, labelled in Chinese. */
export function describeStepFields(action: string, fields: Record<string, unknown>): StepFieldLine[] {
  return actionFormOf(action).flatMap((field) => {
    const value = describeValue(field, fields[field.name]);
    return value === null ? [] : [{ label: field.label, value }];
  });
}
