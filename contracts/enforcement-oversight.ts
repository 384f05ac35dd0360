import { z } from 'zod';
import { booleanQuery, civilDateField, optionalText, pagination, uuidField } from './fields';
import {
  majorRuleSchema,
  penaltyKindSchema,
  reviewChecklistItemSchema,
  yuanField,
  type CaseProcedure,
  type CaseSource,
  type DiscretionCircumstance,
  type PenaltyKind,
} from './enforcement';
import type { PublicationTimeliness } from './publicity';

/**
 * The API contract of what keeps enforcement in line and what oversight reads: 裁量基准 per power
 * item, the 重大执法决定法制审核目录 per body, 案卷评查 by the justice bureau, and the figures
 * of 执法统计 (each opens down to its cases). Amounts are in 元.
 */

// ── Discretion benchmarks (裁量基准) ──────────────────────────────────────────

export const benchmarkKeyQuerySchema = z.object({
  organizationId: uuidField('执法主体'),
  powerItemId: uuidField('执法事项'),
});

export const benchmarkListQuerySchema = z.object({
  organizationId: uuidField('执法主体').optional(),
  q: optionalText('关键词', 100),
  ...pagination,
});
export type BenchmarkListQuery = z.infer<typeof benchmarkListQuerySchema>;

export interface BenchmarkView {
  id: string;
  organizationId: string;
  organizationName: string;
  powerItemId: string;
  /** the item as it stands today (null once it is no longer in the list) */
  powerItemCode: string | null;
  powerItemName: string | null;
  basis: string | null;
  circumstances: DiscretionCircumstance[];
  updatedByName: string;
  updatedAt: string;
}

/** GET /api/enforcement/discretion: the benchmark of one item, or null when none is kept yet. */
export interface BenchmarkAnswer {
  benchmark: BenchmarkView | null;
}

// ── The major-decision catalogue (重大执法决定法制审核目录) ─────────────────────

export const majorRuleListQuerySchema = z.object({
  organizationId: uuidField('执法主体').optional(),
  includeInactive: booleanQuery('含已停用').optional(),
});

/** A change to an entry: only the fields sent change (no defaults, unlike majorRuleSchema). */
export const updateMajorRuleSchema = z.object({
  title: majorRuleSchema.shape.title.optional(),
  fineAtLeastYuan: yuanField('罚款金额标准').nullable().optional(),
  penaltyKinds: z.array(penaltyKindSchema).optional(),
  requiresDeliberation: z.boolean({ message: '是否集体讨论只能是是或否' }).optional(),
  isActive: z.boolean({ message: '启用状态只能是是或否' }).optional(),
});
export type UpdateMajorRuleInput = z.input<typeof updateMajorRuleSchema>;

export interface MajorRuleView {
  id: string;
  organizationId: string;
  organizationName: string;
  title: string;
  fineAtLeastYuan: number | null;
  penaltyKinds: PenaltyKind[];
  requiresDeliberation: boolean;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

// ── Case-file review (案卷评查) ───────────────────────────────────────────────

export const reviewGrades = ['excellent', 'pass', 'fail'] as const;
export type ReviewGrade = (typeof reviewGrades)[number];
export const reviewGradeLabels: Record<ReviewGrade, string> = {
  excellent: '优秀',
  pass: '合格',
  fail: '不合格',
};
export const reviewStatuses = ['pending', 'scored'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
export const reviewStatusLabels: Record<ReviewStatus, string> = { pending: '待评查', scored: '已评分' };

export const createChecklistSchema = z.object({
  /** the justice bureau that keeps it; default: the signed-in user's justice-bureau organization */
  organizationId: uuidField('所属单位').optional(),
  name: z
    .string({ message: '评查标准名称必须填写' })
    .trim()
    .min(4, '评查标准名称至少 4 个字')
    .max(100, '评查标准名称不能超过 100 个字'),
  items: z.array(reviewChecklistItemSchema).min(1, '评查标准至少包含一个评查项目').max(100),
  excellentAt: z.number({ message: '优秀分数线必须是数字' }).positive('优秀分数线必须大于 0'),
  passAt: z.number({ message: '合格分数线必须是数字' }).positive('合格分数线必须大于 0'),
});
export type CreateChecklistInput = z.input<typeof createChecklistSchema>;

export interface ChecklistView {
  id: string;
  organizationId: string;
  organizationName: string;
  name: string;
  items: z.infer<typeof reviewChecklistItemSchema>[];
  totalScore: number;
  excellentAt: number;
  passAt: number;
  isActive: boolean;
  createdAt: string;
}

export const checklistListQuerySchema = z.object({
  includeInactive: booleanQuery('含已停用').optional(),
});

export const sampleCasesSchema = z
  .object({
    campaign: z
      .string({ message: '评查活动名称必须填写' })
      .trim()
      .min(4, '评查活动名称至少 4 个字')
      .max(100, '评查活动名称不能超过 100 个字'),
    /** cases closed in this year */
    year: z.number({ message: '年度必须是数字' }).int('年度必须是整数').min(2000).max(2100),
    /** the bodies to sample; default every body in the justice bureau's scope */
    organizationIds: z.array(uuidField('执法主体')).max(500).optional(),
    /** the share of each body's closed cases drawn (at least one where it has any) */
    ratio: z.number({ message: '抽取比例必须是数字' }).gt(0, '抽取比例必须大于 0').max(1).optional(),
    /** or a number of cases drawn from each body */
    count: z.number({ message: '抽取数量必须是数字' }).int().min(1, '抽取数量至少 1 件').max(1000).optional(),
    /** the same seed over the same cases draws the same sample; default: a new random seed, returned */
    seed: z.string().trim().min(1).max(64).optional(),
    checklistId: uuidField('评查标准').optional(),
  })
  .refine((value) => (value.ratio === undefined) !== (value.count === undefined), {
    message: '请填写抽取比例或每个执法主体的抽取数量（二者选一）',
    path: ['ratio'],
  });
export type SampleCasesInput = z.input<typeof sampleCasesSchema>;

export const scoreReviewSchema = z.object({
  scores: z.record(
    z.string().max(32),
    z.object({
      score: z.number({ message: '得分必须是数字' }).min(0, '得分不能为负数'),
      note: optionalText('扣分说明', 500),
    }),
  ),
  comment: optionalText('评查意见', 2000),
});
export type ScoreReviewInput = z.input<typeof scoreReviewSchema>;

export const reviewListQuerySchema = z.object({
  campaign: optionalText('评查活动', 100),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  organizationId: uuidField('执法主体').optional(),
  status: z.enum(reviewStatuses, { message: '评查状态不存在' }).optional(),
  grade: z.enum(reviewGrades, { message: '评查等次不存在' }).optional(),
  ...pagination,
});
export type ReviewListQuery = z.infer<typeof reviewListQuerySchema>;

export interface ReviewView {
  id: string;
  campaign: string;
  year: number;
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  organizationId: string;
  organizationName: string;
  checklistId: string;
  status: ReviewStatus;
  scores: Record<string, { score: number; note: string | null }>;
  totalScore: number | null;
  maxScore: number;
  grade: ReviewGrade | null;
  comment: string | null;
  sampledByName: string;
  reviewerName: string | null;
  sampledAt: string;
  scoredAt: string | null;
}

export interface SampleResult {
  seed: string;
  /** cases that could be drawn (closed in the year, not yet in this campaign) per body */
  perOrganization: { organizationId: string; organizationName: string; candidates: number; drawn: number }[];
  reviews: ReviewView[];
}

export const reviewResultsQuerySchema = z.object({
  campaign: optionalText('评查活动', 100),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export interface ReviewResultRow {
  organizationId: string;
  organizationName: string;
  sampled: number;
  scored: number;
  averageScore: number | null;
  excellent: number;
  pass: number;
  fail: number;
}

// ── Statistics (执法统计) ─────────────────────────────────────────────────────

export const statisticsQuerySchema = z.object({
  from: civilDateField('统计起始日期').optional(),
  to: civilDateField('统计截止日期').optional(),
  /** a body; its subordinate bodies are counted with it */
  organizationId: uuidField('执法主体').optional(),
});
export type StatisticsQuery = z.input<typeof statisticsQuerySchema>;

/**
 * The figures that open down to cases. `key` picks the group where the figure has groups: a
 * deadline key for overdue, a state, source or procedure, a review grade (or `pending`).
 */
export const statisticsIndicators = [
  'registered',
  'majorDecided',
  'legalReviewed',
  'legalReviewMissing',
  'overdue',
  'byState',
  'bySource',
  'byProcedure',
  'fined',
  'reviewGrade',
] as const;
export type StatisticsIndicator = (typeof statisticsIndicators)[number];
export const statisticsIndicatorLabels: Record<StatisticsIndicator, string> = {
  registered: '期间立案',
  majorDecided: '期间作出决定的重大案件',
  legalReviewed: '决定前经法制审核同意的重大案件',
  legalReviewMissing: '决定前未经法制审核同意的重大案件',
  overdue: '超期未办结',
  byState: '按办理状态',
  bySource: '按案件来源',
  byProcedure: '按程序类型',
  fined: '期间决定罚款',
  reviewGrade: '案卷评查等次',
};

export const statisticsCasesQuerySchema = statisticsQuerySchema.extend({
  indicator: z.enum(statisticsIndicators, { message: '统计指标不存在' }),
  key: z.string().trim().max(64).optional(),
  ...pagination,
});
export type StatisticsCasesQuery = z.input<typeof statisticsCasesQuerySchema>;

export interface CountByKey {
  key: string;
  label: string;
  count: number;
}

export interface EnforcementStatistics {
  from: string;
  to: string;
  today: string;
  organizationId: string | null;
  registered: number;
  legalReview: {
    /** major cases decided in the period */
    majorDecided: number;
    /** of which an 'agree' opinion was recorded on or before the decision date */
    reviewed: number;
    missing: number;
    /** reviewed ÷ majorDecided, null when there is none */
    rate: number | null;
  };
  overdue: { cases: number; deadlines: number; byKey: CountByKey[] };
  caseFileReview: {
    sampled: number;
    scored: number;
    averageScore: number | null;
    byGrade: CountByKey[];
  };
  byState: CountByKey[];
  bySource: CountByKey[];
  byProcedure: CountByKey[];
  fines: { cases: number; totalYuan: number };
  /**
   * ex-post publicity on time, from the core publication service: publications falling due in the
   * period (of the body itself when one is asked, not its subordinate bodies)
   */
  publicationTimeliness: PublicationTimeliness;
}

export interface StatisticsCaseRow {
  id: string;
  caseNumber: string;
  title: string;
  organizationId: string;
  organizationName: string;
  procedure: CaseProcedure;
  source: CaseSource;
  state: string;
  stateLabel: string;
  isMajor: boolean;
  registeredOn: string;
  decidedOn: string | null;
  fineYuan: number;
  /** what made the row count: the overdue deadline and its due date, the review grade… */
  detail: string | null;
}

export interface StatisticsCasesPage {
  indicator: StatisticsIndicator;
  label: string;
  items: StatisticsCaseRow[];
  total: number;
  page: number;
  pageSize: number;
}
