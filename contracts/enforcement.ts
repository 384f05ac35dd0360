import { z } from 'zod';
import { booleanQuery, civilDateField, optionalText, pageOf, pagination, uuidField } from './fields';
import type { DeadlineView, procedureStepSchema } from './procedures';

type StepView = z.infer<typeof procedureStepSchema>;

/**
 * The API contract of administrative enforcement under the three systems (三项制度: 行政执法公示、
 * 执法全过程记录、重大执法决定法制审核; 国办发〔2018〕118号; 行政处罚法 2021). GLOSSARY.md
 * "Enforcement". Amounts are in 元 with at most two decimals; the database keeps 分.
 */

// ── Labels ───────────────────────────────────────────────────────────────────

export const caseProcedures = ['ordinary', 'summary'] as const;
export type CaseProcedure = (typeof caseProcedures)[number];
export const caseProcedureSchema = z.enum(caseProcedures, { message: '程序类型只能是普通程序或简易程序' });
export const caseProcedureLabels: Record<CaseProcedure, string> = {
  ordinary: '普通程序',
  summary: '简易程序',
};

export const caseSources = ['spotCheck', 'complaint', 'referral', 'report', 'patrol'] as const;
export type CaseSource = (typeof caseSources)[number];
export const caseSourceSchema = z.enum(caseSources, { message: '案件来源不存在' });
export const caseSourceLabels: Record<CaseSource, string> = {
  spotCheck: '监督抽查',
  complaint: '投诉',
  referral: '移送',
  report: '举报',
  patrol: '巡查发现',
};

export const partyKinds = ['enterprise', 'person'] as const;
export type PartyKind = (typeof partyKinds)[number];
export const partyKindLabels: Record<PartyKind, string> = {
  enterprise: '法人或其他组织',
  person: '自然人',
};

/** 行政处罚的种类 (行政处罚法 art. 9). */
export const penaltyKinds = [
  'warning',
  'criticism',
  'fine',
  'confiscateGains',
  'confiscateProperty',
  'suspendLicence',
  'lowerQualification',
  'revokeLicence',
  'restrictActivities',
  'suspendBusiness',
  'closeDown',
  'restrictPractice',
] as const;
export type PenaltyKind = (typeof penaltyKinds)[number];
export const penaltyKindSchema = z.enum(penaltyKinds, { message: '处罚种类不存在' });
export const penaltyKindLabels: Record<PenaltyKind, string> = {
  warning: '警告',
  criticism: '通报批评',
  fine: '罚款',
  confiscateGains: '没收违法所得',
  confiscateProperty: '没收非法财物',
  suspendLicence: '暂扣许可证件',
  lowerQualification: '降低资质等级',
  revokeLicence: '吊销许可证件',
  restrictActivities: '限制开展生产经营活动',
  suspendBusiness: '责令停产停业',
  closeDown: '责令关闭',
  restrictPractice: '限制从业',
};

/** What a decision does: a penalty, none (首违不罚 / 轻微不罚 / 证据不足…), or a lighter one. */
export const decisionOutcomes = ['penalty', 'noPenalty'] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];
export const decisionOutcomeLabels: Record<DecisionOutcome, string> = {
  penalty: '给予行政处罚',
  noPenalty: '不予行政处罚',
};

/** A discretion circumstance's result (免罚清单 / 轻罚清单 / 一般 / 从重). */
export const discretionOutcomes = ['noPenalty', 'light', 'ordinary', 'heavy'] as const;
export type DiscretionOutcome = (typeof discretionOutcomes)[number];
export const discretionOutcomeLabels: Record<DiscretionOutcome, string> = {
  noPenalty: '不予处罚（免罚清单）',
  light: '从轻或减轻（轻罚清单）',
  ordinary: '一般',
  heavy: '从重',
};

/** Kinds of whole-process record (执法全过程记录). */
export const recordKinds = [
  'note',
  'inspection',
  'inquiry',
  'photo',
  'audioVideo',
  'document',
  'other',
] as const;
export type RecordKind = (typeof recordKinds)[number];
export const recordKindSchema = z.enum(recordKinds, { message: '记录类型不存在' });
export const recordKindLabels: Record<RecordKind, string> = {
  note: '文字记录',
  inspection: '现场检查（勘验）笔录',
  inquiry: '询问笔录',
  photo: '照片',
  audioVideo: '音像记录',
  document: '书证材料',
  other: '其他',
};

/** 法制审核 checklist (行政处罚法 art. 58; 国办发〔2018〕118号 三（十一）). */
export const legalReviewChecks = [
  'bodyLawful',
  'officersQualified',
  'procedureLawful',
  'factsClear',
  'lawApplied',
  'discretionProper',
  'withinAuthority',
  'documentsComplete',
  'noCrimeToRefer',
] as const;
export type LegalReviewCheck = (typeof legalReviewChecks)[number];
export const legalReviewCheckLabels: Record<LegalReviewCheck, string> = {
  bodyLawful: '执法主体合法',
  officersQualified: '执法人员具备执法资格',
  procedureLawful: '执法程序合法',
  factsClear: '案件事实清楚、证据确凿充分',
  lawApplied: '适用法律、法规、规章准确',
  discretionProper: '裁量基准运用适当',
  withinAuthority: '未超越法定权限',
  documentsComplete: '执法文书完备、规范',
  noCrimeToRefer: '不涉嫌犯罪、无需移送司法机关',
};

export const legalReviewConclusions = ['agree', 'problems'] as const;
export type LegalReviewConclusion = (typeof legalReviewConclusions)[number];
export const legalReviewConclusionLabels: Record<LegalReviewConclusion, string> = {
  agree: '同意',
  problems: '存在问题',
};

/** The case documents the platform generates from the case's data. */
export const caseDocumentKinds = [
  'registrationApproval',
  'inspectionRecord',
  'inquiryRecord',
  'priorNotice',
  'hearingNotice',
  'decision',
  'serviceReceipt',
  'closingApproval',
  'caseFileIndex',
] as const;
export type CaseDocumentKind = (typeof caseDocumentKinds)[number];
export const caseDocumentKindSchema = z.enum(caseDocumentKinds, { message: '文书类型不存在' });
export const caseDocumentKindLabels: Record<CaseDocumentKind, string> = {
  registrationApproval: '立案审批表',
  inspectionRecord: '现场检查（勘验）笔录',
  inquiryRecord: '询问笔录',
  priorNotice: '行政处罚事先告知书',
  hearingNotice: '听证通知书',
  decision: '行政处罚决定书',
  serviceReceipt: '送达回证',
  closingApproval: '结案审批表',
  caseFileIndex: '卷内文件目录',
};

export const publicationStatuses = ['pending', 'published', 'withdrawn', 'takenDown'] as const;
export type PublicationStatus = (typeof publicationStatuses)[number];
export const publicationStatusLabels: Record<PublicationStatus, string> = {
  pending: '待公示',
  published: '已公示',
  withdrawn: '已撤回',
  takenDown: '已下网',
};

// ── Money ────────────────────────────────────────────────────────────────────

export const yuanField = (label: string) =>
  z
    .number({ message: `${label}必须是数字（元）` })
    .nonnegative(`${label}不能为负数`)
    .max(1e11, `${label}过大`)
    .refine((value) => Math.round(value * 100) === Math.round(value * 100 * 1e6) / 1e6, {
      message: `${label}最多保留两位小数`,
    });

// ── Inputs ───────────────────────────────────────────────────────────────────

export const partyInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('enterprise'),
      name: z.string({ message: '当事人名称必须填写' }).trim().min(2, '当事人名称至少 2 个字').max(200),
      creditCode: z.string({ message: '统一社会信用代码必须填写' }).trim().toUpperCase(),
      legalRepresentative: optionalText('法定代表人', 50),
      address: optionalText('地址', 200),
      phone: optionalText('联系电话', 32),
    }),
    z.object({
      kind: z.literal('person'),
      name: z.string({ message: '当事人姓名必须填写' }).trim().min(2, '当事人姓名至少 2 个字').max(50),
      idNumber: z.string({ message: '身份证号码必须填写' }).trim().toUpperCase(),
      address: optionalText('住址', 200),
      phone: optionalText('联系电话', 32),
    }),
  ],
  { message: '当事人类型只能是法人或其他组织、自然人' },
);
export type PartyInput = z.input<typeof partyInputSchema>;

export const penaltyInputSchema = z.object({
  kinds: z.array(penaltyKindSchema).max(penaltyKinds.length).default([]),
  fineYuan: yuanField('罚款金额').default(0),
  confiscationYuan: yuanField('没收金额').default(0),
  /** other measures in words, e.g. 责令改正 */
  detail: optionalText('处罚内容', 2000),
});
export type PenaltyInput = z.input<typeof penaltyInputSchema>;

export const registerCaseSchema = z.object({
  organizationId: uuidField('执法主体'),
  procedure: caseProcedureSchema,
  powerItemId: uuidField('执法事项'),
  source: caseSourceSchema,
  sourceDetail: optionalText('案件来源说明', 500),
  title: z
    .string({ message: '案由必须填写' })
    .trim()
    .min(4, '案由至少 4 个字')
    .max(200, '案由不能超过 200 个字'),
  occurredOn: civilDateField('违法行为发生日期').optional(),
  discoveredOn: civilDateField('发现日期').optional(),
  facts: optionalText('基本案情', 5000),
  party: partyInputSchema,
  /** the 承办人: at least two people with enforcement certificates (行政处罚法 art. 42) */
  officerPersonIds: z
    .array(uuidField('执法人员'))
    .min(2, '执法人员不得少于两人（《中华人民共和国行政处罚法》第四十二条）')
    .max(6, '执法人员最多 6 人'),
  /** 简易程序: the on-the-spot decision */
  summaryPenalty: penaltyInputSchema.optional(),
});
export type RegisterCaseInput = z.input<typeof registerCaseSchema>;

export const caseActionSchema = z.object({
  fields: z.record(z.string(), z.unknown()).default({}),
  expectedRevision: z.number().int().min(0).optional(),
});
export type CaseActionInput = z.input<typeof caseActionSchema>;

export const addRecordSchema = z.object({
  kind: recordKindSchema,
  title: z.string({ message: '记录标题必须填写' }).trim().min(2, '记录标题至少 2 个字').max(200),
  content: optionalText('记录内容', 20000),
  /** a file stored first through POST /api/files */
  fileSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, '文件哈希格式不正确')
    .optional(),
  recordedAt: z.iso.datetime({ offset: true, message: '记录时间格式不正确' }).optional(),
  location: optionalText('地点', 200),
});
export type AddRecordInput = z.input<typeof addRecordSchema>;

export const caseListQuerySchema = z.object({
  q: optionalText('关键词', 100),
  organizationId: uuidField('执法主体').optional(),
  state: z.string().max(32).optional(),
  procedure: caseProcedureSchema.optional(),
  source: caseSourceSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  isMajor: booleanQuery('重大案件').optional(),
  overdue: booleanQuery('超期').optional(),
  /** cases in which the signed-in user's person is an officer */
  mine: booleanQuery('我的案件').optional(),
  registeredFrom: civilDateField('立案起始日期').optional(),
  registeredTo: civilDateField('立案截止日期').optional(),
  ...pagination,
});
export type CaseListQuery = z.input<typeof caseListQuerySchema>;
export type CaseListParams = z.output<typeof caseListQuerySchema>;

// ── Views ────────────────────────────────────────────────────────────────────

export const partyViewSchema = z.object({
  id: z.string(),
  kind: z.enum(partyKinds),
  name: z.string(),
  creditCode: z.string().nullable(),
  /** masked: 410***********1234 */
  idNumberMasked: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
});
export type PartyView = z.infer<typeof partyViewSchema>;

export const penaltyViewSchema = z.object({
  kinds: z.array(z.enum(penaltyKinds)),
  fineYuan: z.number(),
  confiscationYuan: z.number(),
  detail: z.string().nullable(),
});
export type PenaltyView = z.infer<typeof penaltyViewSchema>;

export const caseOfficerSchema = z.object({
  personId: z.string(),
  name: z.string(),
  certificateNumber: z.string().nullable(),
  certificateValid: z.boolean(),
});
export type CaseOfficer = z.infer<typeof caseOfficerSchema>;
/** An officer offered as a case's 承办人; the signed-in user's own record is marked. */
export type CaseOfficerChoice = CaseOfficer & { isCurrentUser: boolean };

export const caseViewSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  procedure: z.enum(caseProcedures),
  source: z.enum(caseSources),
  sourceDetail: z.string().nullable(),
  title: z.string(),
  powerItemId: z.string(),
  powerItemCode: z.string(),
  powerItemName: z.string(),
  field: z.string().nullable(),
  party: partyViewSchema,
  state: z.string(),
  stateLabel: z.string(),
  isMajor: z.boolean(),
  majorReasons: z.array(z.string()),
  hearingEligible: z.boolean(),
  officers: z.array(caseOfficerSchema),
  facts: z.string().nullable(),
  proposedPenalty: penaltyViewSchema.nullable(),
  decisionOutcome: z.enum(decisionOutcomes).nullable(),
  decidedPenalty: penaltyViewSchema.nullable(),
  decisionNumber: z.string().nullable(),
  legalReviewConclusion: z.enum(legalReviewConclusions).nullable(),
  discretion: z
    .object({
      benchmarkId: z.string().nullable(),
      circumstanceKey: z.string().nullable(),
      circumstanceLabel: z.string().nullable(),
      outcome: z.enum(discretionOutcomes).nullable(),
      fineMinYuan: z.number().nullable(),
      fineMaxYuan: z.number().nullable(),
      outsideRange: z.boolean(),
      reason: z.string().nullable(),
    })
    .nullable(),
  occurredOn: z.string().nullable(),
  registeredOn: z.string(),
  decidedOn: z.string().nullable(),
  servedOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  surchargeYuan: z.number(),
  closedOn: z.string().nullable(),
  archivedOn: z.string().nullable(),
  nextDueDate: z.string().nullable(),
  overdue: z.boolean(),
  instanceId: z.string(),
  revision: z.number().int(),
});
export type CaseView = z.infer<typeof caseViewSchema>;

export const caseRecordViewSchema = z.object({
  id: z.string(),
  kind: z.enum(recordKinds),
  title: z.string(),
  content: z.string().nullable(),
  fileSha256: z.string().nullable(),
  fileName: z.string().nullable(),
  mediaType: z.string().nullable(),
  size: z.number().nullable(),
  recordedAt: z.string(),
  location: z.string().nullable(),
  recordedByName: z.string(),
  state: z.string(),
  createdAt: z.string(),
});
export type CaseRecordView = z.infer<typeof caseRecordViewSchema>;

export const nextActionViewSchema = z.object({
  name: z.string(),
  label: z.string(),
  citation: z.string().nullable(),
});
export type NextActionView = z.infer<typeof nextActionViewSchema>;

export const caseDocumentViewSchema = z.object({
  id: z.string(),
  kind: z.enum(caseDocumentKinds),
  label: z.string(),
  number: z.string().nullable(),
  fileSha256: z.string(),
  generatedAt: z.string(),
  generatedByName: z.string(),
});
export type CaseDocumentView = z.infer<typeof caseDocumentViewSchema>;

export interface CaseDetail {
  case: CaseView;
  steps: StepView[];
  deadlines: DeadlineView[];
  nextActions: NextActionView[];
  records: CaseRecordView[];
  documents: CaseDocumentView[];
  /** which documents can be generated in the case's present state */
  availableDocuments: CaseDocumentKind[];
  publication: PublicationView | null;
}

/** A page of the case list; beyond 10,000 matches the total is 10,000 and `totalIsCapped` says there are more. */
export const caseListPageSchema = pageOf(caseViewSchema).extend({ totalIsCapped: z.boolean() });
export type CaseListPage = z.infer<typeof caseListPageSchema>;

export interface CaseWorkbench {
  today: string;
  mine: CaseView[];
  dueSoon: { case: CaseView; deadline: DeadlineView }[];
  overdue: { case: CaseView; deadline: DeadlineView }[];
  awaitingLegalReview: CaseView[];
  awaitingDecision: CaseView[];
}

// ── Publicity ────────────────────────────────────────────────────────────────

export const publicationViewSchema = z.object({
  id: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  kind: z.string(),
  field: z.string(),
  title: z.string(),
  /** the masked text the portal shows */
  content: z.record(z.string(), z.string()),
  decidedOn: z.string(),
  /** null: 待定 — the calendar lacks a year the period reaches; computed when the year is entered */
  dueOn: z.string().nullable(),
  citation: z.string(),
  status: z.enum(publicationStatuses),
  publishedOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
  publicUntil: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawDueOn: z.string().nullable(),
  takenDownReason: z.string().nullable(),
  takenDownOn: z.string().nullable(),
});
export type PublicationView = z.infer<typeof publicationViewSchema>;

// ── Discretion benchmarks and the major-decision catalogue ───────────────────

export const discretionCircumstanceSchema = z.object({
  key: z.string().trim().min(1, '情形编号必须填写').max(32),
  label: z.string().trim().min(2, '情形名称至少 2 个字').max(200),
  description: optionalText('情形说明', 1000),
  outcome: z.enum(discretionOutcomes, { message: '裁量结果不存在' }),
  fineMinYuan: yuanField('罚款下限').default(0),
  fineMaxYuan: yuanField('罚款上限').default(0),
  penaltyKinds: z.array(penaltyKindSchema).default([]),
});
export type DiscretionCircumstance = z.infer<typeof discretionCircumstanceSchema>;

export const saveBenchmarkSchema = z.object({
  organizationId: uuidField('执法主体'),
  powerItemId: uuidField('执法事项'),
  basis: optionalText('裁量依据', 2000),
  circumstances: z.array(discretionCircumstanceSchema).min(1, '至少填写一种裁量情形').max(50),
});
export type SaveBenchmarkInput = z.input<typeof saveBenchmarkSchema>;

export const majorRuleSchema = z.object({
  organizationId: uuidField('执法主体'),
  title: z.string().trim().min(4, '目录事项名称至少 4 个字').max(200),
  /** a proposed fine at or above this amount makes the case major */
  fineAtLeastYuan: yuanField('罚款金额标准').nullable().default(null),
  penaltyKinds: z.array(penaltyKindSchema).default([]),
  requiresDeliberation: z.boolean().default(false),
});
export type MajorRuleInput = z.input<typeof majorRuleSchema>;

// ── Case-file review (案卷评查) ─────────────────────────────────────────────

export const reviewChecklistItemSchema = z.object({
  key: z.string().trim().min(1).max(32),
  category: z.string().trim().min(2).max(50),
  label: z.string().trim().min(2).max(300),
  maxScore: z.number().positive('分值必须大于 0').max(100),
});
export type ReviewChecklistItem = z.infer<typeof reviewChecklistItemSchema>;
