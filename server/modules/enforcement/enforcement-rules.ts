import { penaltyKindLabels, type PartyKind, type PenaltyKind } from '../../../contracts/enforcement';
import { daysBetween } from '../../core/calendar/civil-dates';

/**
 * The statutory numbers of enforcement as pure functions (RULES.md "Enforcement"), each with the
 * article that sets it. Amounts are in 分.
 */

const penaltyLaw = '《中华人民共和国行政处罚法》';

export const toFen = (yuan: number) => Math.round(yuan * 100);
export const toYuan = (fen: number) => fen / 100;
export const formatYuan = (fen: number) =>
  `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/**
 * 简易程序 (art. 51): facts certain with a legal basis, and a fine of at most 200 元 for a citizen or
 * 3,000 元 for an organization, or a warning. Returns the reason it does not apply, or null.
 */
export function summaryProcedureProblem(
  partyKind: PartyKind,
  penalty: { kinds: readonly PenaltyKind[]; fineFen: number; confiscationFen: number },
): string | null {
  const limitFen = partyKind === 'person' ? 200_00 : 3_000_00;
  const other = penalty.kinds.filter((kind) => kind !== 'warning' && kind !== 'fine');
  if (penalty.kinds.length === 0) return '当场处罚须选择警告或罚款';
  if (other.length > 0 || penalty.confiscationFen > 0) {
    return `简易程序只能当场作出警告或罚款（${penaltyLaw}第五十一条）`;
  }
  if (penalty.kinds.includes('fine') !== penalty.fineFen > 0) {
    return '处罚种类含罚款时须填写罚款金额；未选择罚款时罚款金额应为 0';
  }
  if (penalty.fineFen > limitFen) {
    return `简易程序对${partyKind === 'person' ? '公民' : '法人或者其他组织'}当场罚款不得超过 ${formatYuan(limitFen)}（${penaltyLaw}第五十一条），请适用普通程序`;
  }
  return null;
}

/**
 * 较大数额罚款 for the hearing right (art. 63 (1)): the law leaves the amount to the provinces and
 * departments; these defaults (10,000 元 for a citizen, 100,000 元 for an organization) are the
 * common provincial standard. A deployment sets its own with FAZHI_HEARING_FINE_PERSON and
 * FAZHI_HEARING_FINE_ORGANIZATION (`hearingThresholdsOf`).
 */
export const defaultHearingThresholds = { personFen: 10_000_00, enterpriseFen: 100_000_00 };

/** The deployment's hearing thresholds, in 分. */
export const hearingThresholdsOf = (config: {
  hearingFineYuan: { person: number; organization: number };
}) => ({
  personFen: toFen(config.hearingFineYuan.person),
  enterpriseFen: toFen(config.hearingFineYuan.organization),
});

const hearingKinds: readonly PenaltyKind[] = [
  'lowerQualification',
  'revokeLicence',
  'suspendBusiness',
  'closeDown',
  'restrictActivities',
  'restrictPractice',
];

/** Whether the proposed penalty gives the party the right to a hearing (art. 63), and why. */
export function hearingReasons(
  partyKind: PartyKind,
  penalty: { kinds: readonly PenaltyKind[]; fineFen: number; confiscationFen: number },
  thresholds = defaultHearingThresholds,
): string[] {
  const reasons: string[] = [];
  const limit = partyKind === 'person' ? thresholds.personFen : thresholds.enterpriseFen;
  if (penalty.fineFen >= limit) reasons.push(`较大数额罚款（${formatYuan(limit)}以上）`);
  if (penalty.confiscationFen >= limit)
    reasons.push(`没收较大数额违法所得或非法财物（${formatYuan(limit)}以上）`);
  for (const kind of penalty.kinds) if (hearingKinds.includes(kind)) reasons.push(penaltyKindLabels[kind]);
  return reasons;
}

/**
 * 加处罚款 (art. 72 (1)): 3% of the fine for each day the payment is late, never more than the fine.
 * Late days are counted from the day after the payment deadline up to and including the day paid.
 */
export function lateSurchargeFen(fineFen: number, paymentDueOn: string | null, paidOn: string): number {
  if (!paymentDueOn || paidOn <= paymentDueOn) return 0;
  const lateDays = daysBetween(paymentDueOn, paidOn);
  return Math.min(fineFen, Math.round((fineFen * 3 * lateDays) / 100));
}

/** 机关代字 of the usual enforcement departments, after the region's first character (示市监, 伊环). */
const departmentCodes: [RegExp, string][] = [
  [/^(市场监督管理局|市场监管局)$/u, '市监'],
  [/^生态环境局$/u, '环'],
  [/^(城市管理局（综合行政执法局）|城市管理局|综合行政执法局)$/u, '综执'],
  [/^交通运输局$/u, '交'],
  [/^农业农村局$/u, '农'],
  [/^应急管理局$/u, '应急'],
  [/^卫生健康委员会$/u, '卫健'],
  [/^文化广电和旅游局$/u, '文旅'],
  [/^自然资源和规划局$/u, '自然资源'],
  [/^住房和城乡建设局$/u, '住建'],
  [/^人力资源和社会保障局$/u, '人社'],
  [/^公安局$/u, '公'],
  [/^教育局$/u, '教'],
  [/^水利局$/u, '水'],
  [/^林业局$/u, '林'],
  [/^司法局$/u, '司'],
  [/^商务局$/u, '商'],
];

/**
 * 机关代字 of case and document numbers (示市监立〔2026〕12号): for a department of a city, county or
 * district, the region's first character and the department's usual code (示范市市场监督管理局 →
 * 示市监); otherwise its short name without the usual suffixes, or its name.
 */
export function bodyDocumentCode(organization: { name: string; shortName: string | null }): string {
  const region = /^([\u4e00-\u9fa5]{1,4}?)(?:市|县|区)(.+)$/u.exec(organization.name);
  if (region?.[1] && region[2]) {
    const department = region[2];
    const code = departmentCodes.find(([pattern]) => pattern.test(department))?.[1];
    if (code) return `${region[1].charAt(0)}${code}`;
  }
  const base = (organization.shortName ?? organization.name)
    .replace(/(人民政府|委员会|管理局|监督管理局|综合行政执法大队|综合执法局|局|大队|支队)$/u, '')
    .replace(/市场监督管理$/u, '市监');
  return base.length > 0 ? base : organization.name;
}
