import { z } from 'zod';
import { booleanQuery, civilDateField, pageOf, pagination, uuidField } from './fields';
import { publicationStatuses, publicationViewSchema } from './enforcement';
import type { ResolvedCitation } from './law';

/**
 * The API contract of publicity (公示): the core publication mechanism in the console (publish,
 * withdraw, take down, timeliness) and the portal's 行政执法公示 — ex-ante (the body, its officers,
 * duties and basis, procedures, remedies, spot-check items), in-process (the certificate check an
 * officer shows) and ex-post (published decisions, masked). RULES.md "Enforcement".
 */

// ── Labels ───────────────────────────────────────────────────────────────────

/** What a publication shows as its status: the stored one, or 已到期下网 once its publicity period has ended. */
export const publicationDisplayStatuses = [...publicationStatuses, 'expired'] as const;
export type PublicationDisplayStatus = (typeof publicationDisplayStatuses)[number];
export const publicationDisplayStatusLabels: Record<PublicationDisplayStatus, string> = {
  pending: '待公示',
  published: '已公示',
  withdrawn: '已撤回',
  takenDown: '已提前下网（信用修复）',
  expired: '已到期下网',
};

export const publicationKindLabels: Record<string, string> = {
  penalty: '行政处罚决定',
  licensing: '行政许可决定',
  otherEnforcement: '其他行政执法决定',
  spotCheckResult: '随机抽查检查结果',
};

/** An enforcement certificate as the check page shows it. */
export const certificateCheckStatuses = [
  'valid',
  'expired',
  'notYetValid',
  'suspended',
  'revoked',
  'holderLeft',
] as const;
export type CertificateCheckStatus = (typeof certificateCheckStatuses)[number];
export const certificateCheckStatusLabels: Record<CertificateCheckStatus, string> = {
  valid: '有效',
  expired: '已过期',
  notYetValid: '尚未生效',
  suspended: '暂扣',
  revoked: '已注销',
  holderLeft: '已失效（持证人不在执法岗位）',
};

// ── Console: the publication mechanism ───────────────────────────────────────

const text = (label: string, min: number, max: number) =>
  z
    .string({ message: `必须填写${label}` })
    .trim()
    .min(min, `${label}至少 ${min} 个字`)
    .max(max, `${label}不能超过 ${max} 个字`);

export const publicationConsoleViewSchema = publicationViewSchema.extend({
  displayStatus: z.enum(publicationDisplayStatuses),
  statusLabel: z.string(),
  kindLabel: z.string(),
  fieldLabel: z.string(),
  /** pending past its due date */
  overdue: z.boolean(),
  publishedByName: z.string().nullable(),
  withdrawEventOn: z.string().nullable(),
  /** withdrawn within the rule's period (null: not withdrawn after publication) */
  withdrawOnTime: z.boolean().nullable(),
  /** what the signed-in user may do now (the server still checks) */
  canPublish: z.boolean(),
  canWithdraw: z.boolean(),
  canTakeDown: z.boolean(),
});
export type PublicationConsoleView = z.infer<typeof publicationConsoleViewSchema>;
export const publicationPageSchema = pageOf(publicationConsoleViewSchema);

export const publicationListQuerySchema = z.object({
  status: z.enum(publicationDisplayStatuses, { message: '公示状态不存在' }).optional(),
  organizationId: uuidField('组织').optional(),
  q: z.string().trim().max(100, '搜索词不能超过 100 个字').optional(),
  /** pending past the due date */
  overdue: booleanQuery('逾期未公示').optional(),
  dueFrom: civilDateField('应公示起始日期').optional(),
  dueTo: civilDateField('应公示截止日期').optional(),
  ...pagination,
});
export type PublicationListQuery = z.infer<typeof publicationListQuerySchema>;

/** Publishing: the officer or agency head may edit the masked text first (trade secrets, 市场监督管理行政处罚信息公示规定 art. 6). */
export const publishPublicationSchema = z.object({
  title: text('公示标题', 2, 300).optional(),
  /** label → text, in display order; replaces the whole content when given */
  content: z
    .record(
      z.string().trim().min(1, '公示内容的栏目名称不能为空').max(50, '栏目名称不能超过 50 个字'),
      z.string({ message: '公示内容必须是文字' }).trim().max(20_000, '公示内容不能超过 20000 个字'),
      { message: '公示内容格式不正确' },
    )
    .optional(),
  /** 市场监督管理: 通报批评 or a fine of a lower amount is public 3 months, otherwise 3 years (art. 13) */
  isMinorPenalty: z.boolean({ message: '是否较轻处罚只能是是或否' }).optional(),
});
export type PublishPublicationInput = z.infer<typeof publishPublicationSchema>;

export const withdrawPublicationSchema = z.object({
  reason: text('撤回理由', 2, 2000),
  /** the day the decision was altered, revoked, confirmed illegal or void */
  eventOn: civilDateField('决定被变更、撤销或确认违法的日期'),
});
export type WithdrawPublicationInput = z.infer<typeof withdrawPublicationSchema>;

export const takeDownPublicationSchema = z.object({
  reason: text('提前下网理由', 2, 2000),
  /** early take-down is only for an approved credit repair (市场监督管理行政处罚信息公示规定 art. 14) */
  creditRepair: z.literal(true, { message: '只有经批准的信用修复才能提前下网' }),
});
export type TakeDownPublicationInput = z.infer<typeof takeDownPublicationSchema>;

export const timelinessQuerySchema = z.object({
  from: civilDateField('起始日期'),
  to: civilDateField('截止日期'),
  organizationId: uuidField('组织').optional(),
  /** one kind of publication only, e.g. spotCheckResult */
  kind: z
    .enum(['penalty', 'licensing', 'otherEnforcement', 'spotCheckResult'], { message: '公示类别不正确' })
    .optional(),
});
export type TimelinessQuery = z.infer<typeof timelinessQuerySchema>;

/** Publicity timeliness over the publications falling due in [from, to] (oversight's indicator). */
export interface PublicationTimeliness {
  from: string;
  to: string;
  /** whose outcome is known: published, or still unpublished past the due date */
  due: number;
  publishedOnTime: number;
  publishedLate: number;
  overdueUnpublished: number;
  /** falling due later than today and not published yet: not counted */
  notYetDue: number;
  /** publishedOnTime ÷ due, null when nothing was due */
  rate: number | null;
}

// ── Portal: ex-post publicity (执法决定公示) ──────────────────────────────────

export const publicDecisionQuerySchema = z.object({
  q: z.string().trim().max(100, '搜索词不能超过 100 个字').optional(),
  organizationId: uuidField('执法主体').optional(),
  /** the year of the decision */
  year: z.coerce
    .number({ message: '年份必须是数字' })
    .int('年份必须是整数')
    .min(2000, '年份不能早于 2000 年')
    .max(2100, '年份不能晚于 2100 年')
    .optional(),
  kind: z
    .enum(['penalty', 'licensing', 'otherEnforcement', 'spotCheckResult'], { message: '公示类别不正确' })
    .optional(),
  ...pagination,
});
export type PublicDecisionQuery = z.infer<typeof publicDecisionQuerySchema>;

/** A published decision as the portal shows it: the masked text and nothing else of the case. */
export const publicDecisionSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  content: z.record(z.string(), z.string()),
  decidedOn: z.string(),
  publishedOn: z.string(),
  publicUntil: z.string().nullable(),
});
export type PublicDecision = z.infer<typeof publicDecisionSchema>;
export const publicDecisionPageSchema = pageOf(publicDecisionSchema);
export type PublicDecisionPage = z.infer<typeof publicDecisionPageSchema>;

// ── Portal: ex-ante and in-process publicity ─────────────────────────────────

export const publicEnforcementBodySchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  enforcementField: z.string().nullable(),
  authorityType: z.string().nullable(),
  authorityTypeLabel: z.string().nullable(),
  /** the government above it */
  parentName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  /** officers holding a certificate valid today */
  officerCount: z.number().int(),
  /** items in force today on its power list and spot-check list */
  powerItemCount: z.number().int(),
  spotCheckItemCount: z.number().int(),
  publishedDecisionCount: z.number().int(),
});
export type PublicEnforcementBody = z.infer<typeof publicEnforcementBodySchema>;

export interface PublicOfficer {
  name: string;
  certificateNumber: string;
  field: string;
  validUntil: string;
}

export interface PublicDuty {
  itemId: string;
  code: string;
  name: string;
  kind: string | null;
  kindLabel: string;
  legalBasisText: string;
  legalBasis: ResolvedCitation[];
  /** 责任事项 */
  duties: string | null;
  /** 追责情形 */
  accountability: string | null;
}

export interface PublicProcedureStep {
  name: string;
  label: string;
  fromLabels: string[];
  toLabel: string | null;
  roleLabels: string[];
  citation: string | null;
  /** the time limits the step starts, e.g. 送达行政处罚决定书：7个工作日（…第六十一条） */
  timeLimits: string[];
}

export interface PublicProcedure {
  key: string;
  title: string;
  citation: string;
  states: { key: string; label: string; isTerminal: boolean }[];
  steps: PublicProcedureStep[];
}

export interface PublicRemedy {
  kind: 'reconsideration' | 'litigation';
  label: string;
  period: string;
  citation: string;
  /** where to apply */
  organ: string;
  note: string | null;
}

export interface PublicSpotCheckItem {
  itemId: string;
  code: string;
  name: string;
  subjectType: string | null;
  content: string | null;
  method: string | null;
  ratioPercent: number | null;
  frequency: string | null;
  legalBasisText: string;
}

export interface PublicEnforcementBodyDetail {
  body: PublicEnforcementBody;
  today: string;
  officers: PublicOfficer[];
  duties: PublicDuty[];
  procedures: PublicProcedure[];
  remedies: PublicRemedy[];
  spotCheckItems: PublicSpotCheckItem[];
}

export const certificateNumberParamsSchema = z.object({
  certificateNumber: z
    .string()
    .trim()
    .min(4, '证号至少 4 位')
    .max(32, '证号不能超过 32 位')
    .regex(/^[0-9A-Za-z-]+$/, '证号只能包含数字、字母和连字符'),
});

export const certificateCheckSchema = z.object({
  certificateNumber: z.string(),
  name: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  field: z.string(),
  issuedBy: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  status: z.enum(certificateCheckStatuses),
  statusLabel: z.string(),
  isValid: z.boolean(),
  /** the day the answer was computed */
  checkedOn: z.string(),
});
export type CertificateCheck = z.infer<typeof certificateCheckSchema>;
