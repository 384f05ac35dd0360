import type { DeadlineUnit } from '../../../contracts/procedures';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';

/**
 * When an enforcement decision must go public, when a published one must be withdrawn, and how
 * long it stays public — as data per field and kind, each period with the rule that sets it
 * (RULES.md "Enforcement": the 2018 guideline in general; a field's own rule, being more specific,
 * governs that field). The publication mechanism and the deadline engine read these; no module
 * writes its own numbers.
 */

export const publicationFields = ['general', 'marketSupervision'] as const;
export type PublicationField = (typeof publicationFields)[number];
export const publicationFieldLabels: Record<PublicationField, string> = {
  general: '一般规定',
  marketSupervision: '市场监督管理',
};

export const publishedDecisionKinds = [
  'penalty',
  'licensing',
  'otherEnforcement',
  'spotCheckResult',
] as const;
export type PublishedDecisionKind = (typeof publishedDecisionKinds)[number];

export interface PublicationPeriod {
  length: number;
  unit: DeadlineUnit;
  citation: string;
}

export interface PublicationRule {
  field: PublicationField;
  kind: PublishedDecisionKind;
  /** from the day the decision is made */
  publishWithin: PublicationPeriod;
  /** from the day the decision is altered, revoked, confirmed illegal or void */
  withdrawWithin: PublicationPeriod;
}

const guideline =
  '国务院办公厅《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）二（四）';
const penaltyLawWithdrawal = {
  length: 3,
  unit: 'days',
  citation: '《中华人民共和国行政处罚法》第四十八条第二款',
} as const satisfies PublicationPeriod;
const marketRule = '《市场监督管理行政处罚信息公示规定》（2021）';

const generalRules: Record<PublishedDecisionKind, Omit<PublicationRule, 'field' | 'kind'>> = {
  penalty: {
    publishWithin: { length: 7, unit: 'workingDays', citation: guideline },
    withdrawWithin: penaltyLawWithdrawal,
  },
  licensing: {
    publishWithin: { length: 7, unit: 'workingDays', citation: guideline },
    withdrawWithin: penaltyLawWithdrawal,
  },
  otherEnforcement: {
    publishWithin: { length: 20, unit: 'workingDays', citation: guideline },
    withdrawWithin: penaltyLawWithdrawal,
  },
  // 双随机、一公开: 抽查检查结果 public within 20 working days of the result (RULES.md "Random inspections")
  spotCheckResult: {
    publishWithin: {
      length: 20,
      unit: 'workingDays',
      citation:
        '《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）：抽查检查结果自产生之日起 20 个工作日内公示',
    },
    withdrawWithin: { length: 3, unit: 'days', citation: `参照${penaltyLawWithdrawal.citation}` },
  },
};

/** The rule for a decision of `kind` in `field` (a field without rules of its own follows the general one). */
export function publicationRuleFor(field: PublicationField, kind: PublishedDecisionKind): PublicationRule {
  if (field === 'marketSupervision' && kind === 'penalty') {
    return {
      field,
      kind,
      publishWithin: { length: 20, unit: 'workingDays', citation: `${marketRule}第九条` },
      withdrawWithin: { length: 3, unit: 'workingDays', citation: `${marketRule}第十一条` },
    };
  }
  return { field, kind, ...generalRules[kind] };
}

/** The last day of a period starting on `from` (working days, or calendar days ending on a working day). */
export function periodEndOn(period: PublicationPeriod, from: string, calendar: WorkingDayCalendar): string {
  return period.unit === 'workingDays'
    ? calendar.addWorkingDays(from, period.length)
    : calendar.periodEnd(from, period.length);
}

/** `date` plus whole months, the day kept or clamped to the month's end (2026-08-31 + 6 months → 2027-02-28). */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(targetYear)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

/**
 * How long a published penalty stays public in a field that sets it, or null where no period is set.
 * 市场监督管理: 3 months for 通报批评 or a fine of a lower amount, 3 years otherwise (art. 13).
 */
export function publicityPeriodFor(
  field: PublicationField,
  kind: PublishedDecisionKind,
  options: { isMinorPenalty: boolean },
): { months: number; citation: string } | null {
  if (field !== 'marketSupervision' || kind !== 'penalty') return null;
  return { months: options.isMinorPenalty ? 3 : 36, citation: `${marketRule}第十三条` };
}
