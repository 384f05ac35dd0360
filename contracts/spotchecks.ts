import { z } from 'zod';
import { civilDateField, optionalText, pagination, uuidField } from './fields';
import type { NextActionView } from './enforcement';
import type { procedureStepSchema } from './procedures';

/**
 * 双随机、一公开: the published record of one draw (`fazhi-draw-v1`), downloadable from the portal
 * and checked by `npx fazhi spotcheck verify FILE`. Everything a stranger needs to re-run the draw
 * is in it: the plan's parameters, the frozen population and inspector pool, the recusals, the
 * commitment published before the draw, the secret revealed after it, and the result.
 */

export const drawAlgorithm = 'fazhi-draw-v1';

export const riskGrades = ['A', 'B', 'C', 'D'] as const;
export type RiskGrade = (typeof riskGrades)[number];
export const riskGradeLabels: Record<RiskGrade, string> = {
  A: 'A 类（信用风险低）',
  B: 'B 类（信用风险一般）',
  C: 'C 类（信用风险较高）',
  D: 'D 类（信用风险高）',
};

const text = (label: string, max = 200) =>
  z
    .string({ message: `${label}必须是文字` })
    .trim()
    .min(1, `${label}不能为空`)
    .max(max, `${label}过长`);
const hex64 = (label: string) =>
  z
    .string({ message: `${label}必须是文字` })
    .regex(/^[0-9a-f]{64}$/, `${label}必须是 64 位小写十六进制（SHA-256）`);

/** One stratum of the population: the share of a credit-risk grade to draw, in 万分之 (basis points). */
export const drawStratumSchema = z.object({
  riskGrade: z.enum(riskGrades, { message: '风险等级只能是 A、B、C、D' }),
  /** 5% = 500; the count drawn is ⌈eligible × ratio ÷ 10000⌉ */
  ratioBasisPoints: z
    .number({ message: '抽查比例必须是数字（万分比）' })
    .int('抽查比例必须是整数（万分比）')
    .min(0, '抽查比例不能为负')
    .max(10_000, '抽查比例不能超过 100%'),
});
export type DrawStratum = z.infer<typeof drawStratumSchema>;

/** The plan's parameters that decide the draw. */
export const drawPlanSchema = z.object({
  planId: text('计划编号', 64),
  title: text('计划名称'),
  /** the departments of the plan, in order; more than one makes a joint task (联合抽查) */
  organizationIds: z.array(text('部门', 64)).min(1, '计划至少属于一个部门'),
  strata: z.array(drawStratumSchema).min(1, '至少设定一个风险等级的抽查比例'),
  /** inspectors per task, at least two (行政处罚法 art. 42; 国发〔2015〕58号) */
  inspectorsPerTask: z
    .number({ message: '每组检查人员数必须是数字' })
    .int('每组检查人员数必须是整数')
    .min(2, '每个检查任务至少两名检查人员')
    .max(10, '每个检查任务至多 10 名检查人员'),
  /** the most tasks one inspector may carry, counting those he already has */
  maxTasksPerInspector: z
    .number({ message: '人均任务上限必须是数字' })
    .int('人均任务上限必须是整数')
    .min(1, '人均任务上限至少为 1')
    .max(10_000, '人均任务上限过大'),
});
export type DrawPlan = z.infer<typeof drawPlanSchema>;

/** One entity of the frozen population; `excluded` names why it may not be drawn (e.g. inspected this year). */
export const drawEntitySchema = z.object({
  creditCode: z
    .string({ message: '统一社会信用代码必须是文字' })
    .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码须为 18 位'),
  riskGrade: z.enum(riskGrades, { message: '风险等级只能是 A、B、C、D' }),
  excluded: z.string().max(100).nullable(),
});
export type DrawEntity = z.infer<typeof drawEntitySchema>;

/** One certified inspector of the pool, with the tasks he already carries. */
export const drawInspectorSchema = z.object({
  personId: text('检查人员编号', 64),
  organizationId: text('检查人员所属部门', 64),
  certificateNumber: text('执法证号', 64),
  currentTasks: z.number().int().min(0),
});
export type DrawInspector = z.infer<typeof drawInspectorSchema>;

/** An inspector who may not inspect an entity (回避): former employer, relatives, a declared conflict. */
export const drawRecusalSchema = z.object({
  personId: text('检查人员编号', 64),
  creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码须为 18 位'),
});
export type DrawRecusal = z.infer<typeof drawRecusalSchema>;

/** What the draw is made from, frozen with the plan before the commitment. */
export const drawInputSchema = z.object({
  algorithm: z.literal(drawAlgorithm, { message: `只支持 ${drawAlgorithm} 算法` }),
  plan: drawPlanSchema,
  /** sorted by credit code, no repeats */
  population: z.array(drawEntitySchema),
  /** sorted by person id, no repeats */
  inspectors: z.array(drawInspectorSchema),
  recusals: z.array(drawRecusalSchema),
});
export type DrawInput = z.infer<typeof drawInputSchema>;

/** The draw's outcome: the entities in the order drawn, and one task for each with its inspectors. */
export const drawResultSchema = z.object({
  entities: z.array(z.object({ creditCode: z.string(), riskGrade: z.enum(riskGrades) })),
  tasks: z.array(z.object({ creditCode: z.string(), inspectorPersonIds: z.array(z.string()) })),
});
export type DrawResult = z.infer<typeof drawResultSchema>;

/** The whole published record. */
export const drawRecordSchema = z.object({
  input: drawInputSchema,
  /** SHA-256 of the input (see `drawInputDigest`), published with the commitment */
  inputDigest: hex64('输入摘要'),
  /** SHA-256 of the secret and the input digest, published before the draw */
  commitment: hex64('承诺值'),
  /** revealed after the draw */
  secret: hex64('种子秘密值'),
  /** a public value fixed only after the commitment (e.g. a lottery draw), mixed into the seed; may be empty */
  externalEntropy: z.string().max(500),
  result: drawResultSchema,
});
export type DrawRecord = z.infer<typeof drawRecordSchema>;

// ── 检查对象名录库 ───────────────────────────────────────────────────────────

export interface EntityView {
  id: string;
  creditCode: string;
  name: string;
  address: string | null;
  industry: string | null;
  jurisdictionCode: string | null;
  licences: string[];
  riskGrade: RiskGrade;
  updatedAt: string;
  /** inspections carried out (tasks past 待检查) with an inspection date in the current year */
  inspectionsThisYear: number;
  /** inspections carried out, every year */
  inspectionsTotal: number;
}

export const entityListQuerySchema = z.object({
  q: z.string().trim().max(100, '搜索词不能超过 100 个字').optional(),
  riskGrade: z.enum(riskGrades, { message: '信用风险分类只能是 A、B、C 或 D' }).optional(),
  jurisdictionCode: z
    .string()
    .regex(/^\d{6}$/, '区划代码须为 6 位数字')
    .optional(),
  ...pagination,
});
export type EntityListQuery = z.output<typeof entityListQuerySchema>;

// ── 回避 ─────────────────────────────────────────────────────────────────────

export const recusalKinds = ['formerEmployer', 'relative', 'interest', 'declared'] as const;
export type RecusalKind = (typeof recusalKinds)[number];
export const recusalKindLabels: Record<RecusalKind, string> = {
  formerEmployer: '曾在该单位任职',
  relative: '近亲属在该单位任职或持股',
  interest: '其他利害关系',
  declared: '本人申报的其他应回避情形',
};

export const addRecusalSchema = z.object({
  personId: uuidField('检查人员'),
  creditCode: z
    .string({ message: '统一社会信用代码不能为空' })
    .trim()
    .transform((value) => value.toUpperCase()),
  kind: z.enum(recusalKinds, { message: '回避情形只能是：曾任职、近亲属、利害关系或本人申报' }),
  note: z.string().trim().max(500, '说明不能超过 500 个字').optional(),
});
export type AddRecusalInput = z.input<typeof addRecusalSchema>;

export const endRecusalSchema = z.object({
  reason: z.string({ message: '请填写解除回避的原因' }).trim().min(2, '请填写解除回避的原因').max(500),
});

export interface RecusalView {
  id: string;
  personId: string;
  personName: string;
  organizationName: string;
  creditCode: string;
  entityName: string | null;
  kind: RecusalKind;
  kindLabel: string;
  note: string | null;
  recordedByName: string;
  createdAt: string;
  endedAt: string | null;
  endReason: string | null;
}

// ── 抽查计划与任务 ───────────────────────────────────────────────────────────

type StepView = z.infer<typeof procedureStepSchema>;

/** Why a plan was made: routine plans keep to the frequency limits; complaint- and risk-triggered ones do not. */
export const spotCheckTriggers = ['routine', 'complaint', 'risk'] as const;
export type SpotCheckTrigger = (typeof spotCheckTriggers)[number];
export const spotCheckTriggerLabels: Record<SpotCheckTrigger, string> = {
  routine: '日常随机抽查',
  complaint: '投诉举报引发',
  risk: '风险预警引发',
};

export const spotCheckPlanStates = ['draft', 'committed', 'drawn', 'completed', 'cancelled'] as const;
export type SpotCheckPlanState = (typeof spotCheckPlanStates)[number];
export const spotCheckPlanStateLabels: Record<SpotCheckPlanState, string> = {
  draft: '草拟中',
  committed: '已公布承诺值',
  drawn: '已抽取',
  completed: '已完成',
  cancelled: '已撤销',
};

export const spotCheckTaskStates = ['assigned', 'inspected', 'completed'] as const;
export type SpotCheckTaskState = (typeof spotCheckTaskStates)[number];
export const spotCheckTaskStateLabels: Record<SpotCheckTaskState, string> = {
  assigned: '待检查',
  inspected: '已检查待定结果',
  completed: '已完成',
};

/**
 * 抽查检查结果, as the national enterprise credit publicity system records them (国办发〔2019〕5号;
 * 市场监管总局《关于全面推进“双随机、一公开”监管工作的通知》). `opensCase`: the result may lead to a case.
 */
export const spotCheckResults = [
  'noProblem',
  'corrected',
  'followUp',
  'notOperating',
  'unreachable',
  'refused',
] as const;
export type SpotCheckResult = (typeof spotCheckResults)[number];
export const spotCheckResultLabels: Record<SpotCheckResult, string> = {
  noProblem: '未发现问题',
  corrected: '发现问题已责令改正',
  followUp: '发现问题待后续处理',
  notOperating: '未发现开展本次抽查涉及的经营活动',
  unreachable: '通过登记的住所（经营场所）无法联系',
  refused: '不配合检查情节严重',
};
export const resultsThatOpenCases: readonly SpotCheckResult[] = ['corrected', 'followUp', 'refused'];

const civilDate = (label: string) => civilDateField(label);

export const populationFilterSchema = z.object({
  jurisdictionCodes: z
    .array(z.string().regex(/^\d{6}$/, '区划代码须为 6 位数字'))
    .max(200, '区划最多选 200 个')
    .default([]),
  industries: z.array(text('行业', 100)).max(100, '行业最多选 100 个').default([]),
  licences: z.array(text('许可证', 100)).max(100, '许可证最多选 100 种').default([]),
});
export type PopulationFilter = z.output<typeof populationFilterSchema>;

export const createPlanSchema = z
  .object({
    title: z
      .string({ message: '计划名称必须填写' })
      .trim()
      .min(4, '计划名称至少 4 个字')
      .max(200, '计划名称不能超过 200 个字'),
    /** the lead department first; more than one makes a joint plan */
    organizationIds: z
      .array(uuidField('抽查部门'), { message: '请选择抽查部门' })
      .min(1, '请选择抽查部门')
      .max(8, '联合抽查最多 8 个部门'),
    /** items of the departments' 随机抽查事项清单, in force today */
    itemIds: z
      .array(uuidField('抽查事项'), { message: '请选择抽查事项' })
      .min(1, '请至少选择一项抽查事项')
      .max(50, '抽查事项最多 50 项'),
    trigger: z.enum(spotCheckTriggers, { message: '计划类型只能是日常、投诉举报引发或风险预警引发' }),
    populationFilter: populationFilterSchema.default({ jurisdictionCodes: [], industries: [], licences: [] }),
    /** 抽查比例 per risk grade, in percent with at most two decimals */
    strata: z
      .array(
        z.object({
          riskGrade: z.enum(riskGrades, { message: '风险等级只能是 A、B、C、D' }),
          ratioPercent: z
            .number({ message: '抽查比例必须是数字' })
            .min(0, '抽查比例不能为负')
            .max(100, '抽查比例不能超过 100%')
            .refine(
              (value) =>
                Number.isInteger(Math.round(value * 100)) &&
                Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
              '抽查比例最多两位小数',
            ),
        }),
        { message: '请设定各风险等级的抽查比例' },
      )
      .min(1, '请至少设定一个风险等级的抽查比例'),
    inspectorsPerTask: z
      .number({ message: '每组检查人员数必须是数字' })
      .int('每组检查人员数必须是整数')
      .min(2, '每个检查任务至少两名检查人员')
      .max(10, '每个检查任务至多 10 名检查人员')
      .default(2),
    maxTasksPerInspector: z
      .number({ message: '人均任务上限必须是数字' })
      .int('人均任务上限必须是整数')
      .min(1, '人均任务上限至少为 1')
      .max(10_000, '人均任务上限过大')
      .default(30),
    periodStart: civilDate('检查开始日期'),
    periodEnd: civilDate('检查结束日期'),
  })
  .refine((plan) => plan.periodStart <= plan.periodEnd, {
    message: '检查结束日期不能早于开始日期',
    path: ['periodEnd'],
  });
export type CreatePlanInput = z.input<typeof createPlanSchema>;

export const drawPlanInputSchema = z.object({
  /** a public value fixed only after the commitment, e.g. the lottery numbers of the draw day */
  externalEntropy: z
    .string({ message: '公开随机源必须是文字' })
    .trim()
    .max(500, '公开随机源不能超过 500 个字')
    .default(''),
});
export const cancelPlanSchema = z.object({
  reason: z.string({ message: '请填写撤销原因' }).trim().min(4, '撤销原因至少 4 个字').max(1000),
});

export const planListQuerySchema = z.object({
  q: optionalText('关键词', 100),
  organizationId: uuidField('部门').optional(),
  state: z.enum(spotCheckPlanStates, { message: '计划状态不正确' }).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...pagination,
});
export type PlanListQuery = z.input<typeof planListQuerySchema>;
export type PlanListParams = z.output<typeof planListQuerySchema>;

export interface SpotCheckPlanView {
  id: string;
  planNumber: string;
  title: string;
  year: number;
  organizationId: string;
  /** every department of the plan, the lead first, in the order of organizationNames */
  organizationIds: string[];
  organizationNames: string[];
  isJoint: boolean;
  trigger: SpotCheckTrigger;
  triggerLabel: string;
  state: SpotCheckPlanState;
  stateLabel: string;
  periodStart: string;
  periodEnd: string;
  populationCount: number | null;
  eligibleCount: number | null;
  taskCount: number;
  completedTaskCount: number;
  commitment: string | null;
  committedAt: string | null;
  drawnAt: string | null;
  createdByName: string;
  createdAt: string;
}

export interface SpotCheckPlanDetail {
  plan: SpotCheckPlanView & {
    items: { itemId: string; code: string; name: string; organizationId: string }[];
    populationFilter: PopulationFilter;
    strata: { riskGrade: RiskGrade; ratioPercent: number }[];
    inspectorsPerTask: number;
    maxTasksPerInspector: number;
    inputDigest: string | null;
    /** revealed with the draw */
    secret: string | null;
    externalEntropy: string | null;
    committedByName: string | null;
    drawnByName: string | null;
    cancelReason: string | null;
  };
  steps: StepView[];
  nextActions: NextActionView[];
}

export const taskListQuerySchema = z.object({
  q: optionalText('关键词', 100),
  planId: uuidField('抽查计划').optional(),
  state: z.enum(spotCheckTaskStates, { message: '任务状态不正确' }).optional(),
  result: z.enum(spotCheckResults, { message: '检查结果不正确' }).optional(),
  /** tasks the signed-in user's person is drawn for */
  mine: z
    .enum(['true', 'false'], { message: '我的任务只能是 true 或 false' })
    .transform((value) => value === 'true')
    .optional(),
  ...pagination,
});
export type TaskListQuery = z.input<typeof taskListQuerySchema>;
export type TaskListParams = z.output<typeof taskListQuerySchema>;

export interface SpotCheckTaskView {
  id: string;
  planId: string;
  planNumber: string;
  planTitle: string;
  seq: number;
  isJoint: boolean;
  creditCode: string;
  entityName: string;
  riskGrade: RiskGrade;
  inspectors: { personId: string; name: string; organizationName: string }[];
  state: SpotCheckTaskState;
  stateLabel: string;
  periodEnd: string;
  inspectedOn: string | null;
  result: SpotCheckResult | null;
  resultLabel: string | null;
  completedOn: string | null;
  caseId: string | null;
  caseNumber: string | null;
  publicationId: string | null;
  publicationStatus: string | null;
  publicationDueOn: string | null;
}

export interface SpotCheckTaskDetail {
  task: SpotCheckTaskView & {
    checklist: {
      itemId: string;
      code: string;
      name: string;
      conforms: boolean | null;
      note: string | null;
    }[];
    record: string | null;
    resultNote: string | null;
    photos: { fileSha256: string; fileName: string | null }[];
  };
  /** the plan's items, for the checklist form */
  items: { itemId: string; code: string; name: string }[];
  steps: StepView[];
  nextActions: NextActionView[];
}

export const recordInspectionSchema = z.object({
  inspectedOn: civilDate('检查日期'),
  checklist: z
    .array(
      z.object({
        itemId: uuidField('抽查事项'),
        /** true 符合, false 不符合, null 不涉及 */
        conforms: z.boolean({ message: '请选择是否符合' }).nullable(),
        note: optionalText('说明', 1000),
      }),
      { message: '请逐项填写检查情况' },
    )
    .min(1, '请逐项填写检查情况'),
  record: z
    .string({ message: '现场检查记录必须填写' })
    .trim()
    .min(10, '现场检查记录至少 10 个字')
    .max(20_000, '现场检查记录不能超过 20000 个字'),
  /** photos stored first through POST /api/files */
  photoSha256s: z
    .array(z.string().regex(/^[0-9a-f]{64}$/, '照片文件哈希格式不正确'))
    .max(50, '照片最多 50 张')
    .default([]),
});
export type RecordInspectionInput = z.input<typeof recordInspectionSchema>;

export const completeTaskSchema = z.object({
  result: z.enum(spotCheckResults, { message: '请选择检查结果' }),
  resultNote: optionalText('结果说明', 2000),
});
export type CompleteTaskInput = z.input<typeof completeTaskSchema>;

/** A problem found opens an enforcement case (ordinary procedure) against the entity, linked to the task. */
export const openTaskCaseSchema = z.object({
  powerItemId: uuidField('执法事项'),
  title: z
    .string({ message: '案由必须填写' })
    .trim()
    .min(4, '案由至少 4 个字')
    .max(200, '案由不能超过 200 个字'),
  facts: optionalText('基本案情', 5000),
});
export type OpenTaskCaseInput = z.input<typeof openTaskCaseSchema>;

// ── Portal ───────────────────────────────────────────────────────────────────

export interface PublicSpotCheckPlan {
  id: string;
  planNumber: string;
  title: string;
  organizationNames: string[];
  isJoint: boolean;
  triggerLabel: string;
  stateLabel: string;
  itemNames: string[];
  periodStart: string;
  periodEnd: string;
  populationCount: number | null;
  taskCount: number;
  inputDigest: string | null;
  commitment: string | null;
  committedAt: string | null;
  secret: string | null;
  externalEntropy: string | null;
  drawnAt: string | null;
  /** the record can be downloaded (after the draw) */
  hasRecord: boolean;
  cancelReason: string | null;
}

export interface DrawVerificationView {
  ok: boolean;
  reason: string | null;
  entities: number | null;
  tasks: number | null;
  inputDigest: string | null;
}

// ── 检查人员名录库 ──

/** The filters of the inspector pool (GET /api/spotchecks/inspectors). */
export const inspectorListQuerySchema = z.object({
  /** only this organization and those under it */
  organizationId: uuidField('所属机关').optional(),
  /** part of a name or of a certificate number */
  q: z.string().trim().max(100, '搜索词不能超过 100 个字').optional(),
  ...pagination,
});
export type InspectorListQuery = z.output<typeof inspectorListQuerySchema>;

/** One certified officer of the pool, with the work he already carries. */
export interface InspectorView {
  personId: string;
  name: string;
  organizationId: string;
  organizationName: string;
  certificateNumber: string;
  certificateExpiresOn: string;
  /** 执法领域: the certificate's field, else the organization's */
  field: string | null;
  /** spot-check tasks drawn for him and not yet completed */
  openTaskCount: number;
  /** recusals not yet ended */
  activeRecusalCount: number;
}

export interface InspectorPage {
  items: InspectorView[];
  total: number;
  page: number;
  pageSize: number;
}

// ── 涉企信息归集 ──

/** One spot-check task of an entity, as its profile lists it (every department's plans). */
export interface EntityInspectionView {
  taskId: string;
  planId: string;
  planNumber: string;
  planTitle: string;
  year: number;
  /** the plan's departments, the lead first */
  organizationNames: string[];
  isJoint: boolean;
  state: SpotCheckTaskState;
  stateLabel: string;
  inspectedOn: string | null;
  result: SpotCheckResult | null;
  resultLabel: string | null;
  completedOn: string | null;
  /** the task opened a case */
  hasCase: boolean;
  /** the case, when it lies in the reader's scope */
  caseId: string | null;
  caseNumber: string | null;
  publicationStatusLabel: string | null;
  publishedOn: string | null;
}

/** One enforcement case against an entity, in the reader's scope. */
export interface EntityCaseView {
  id: string;
  caseNumber: string;
  organizationId: string;
  organizationName: string;
  title: string;
  state: string;
  stateLabel: string;
  registeredOn: string;
  decisionOutcome: 'penalty' | 'noPenalty' | null;
  decisionOutcomeLabel: string | null;
  decisionNumber: string | null;
  decidedOn: string | null;
  /** what was decided, in words (e.g. 警告；罚款 8,000.00 元) */
  decidedPenaltyText: string | null;
  fineYuan: number;
  publicationStatusLabel: string | null;
  publishedOn: string | null;
}

export interface EntityProfileCounts {
  inspectionsThisYear: number;
  inspectionsTotal: number;
  /** cases in the reader's scope */
  cases: number;
  /** of those, decided with a penalty */
  penalties: number;
  finesYuan: number;
}

/** 涉企信息归集: one entity's directory data, inspections, cases and penalties (GET /api/spotchecks/entities/:creditCode/profile). */
export interface EntityProfileView {
  entity: EntityView;
  riskGradeLabel: string;
  counts: EntityProfileCounts;
  inspections: EntityInspectionView[];
  cases: EntityCaseView[];
  /** the reader sees only his departments' cases (false: every department's) */
  casesAreScoped: boolean;
  /** 信用承诺, every department's, newest first */
  commitments: EntityCommitmentView[];
  /** 许可: the directory's licences and the published 行政许可决定 about the entity */
  permits: EntityPermitView[];
}

/** The portal's search of enterprises (GET /api/public/entities?q=). */
export const publicEntitySearchSchema = z.object({
  q: z
    .string({ message: '请输入企业名称或统一社会信用代码' })
    .trim()
    .min(2, '请输入至少 2 个字的企业名称或统一社会信用代码')
    .max(100, '搜索词不能超过 100 个字'),
  page: pagination.page,
  pageSize: z.coerce
    .number({ message: '每页条数必须是数字' })
    .int('每页条数必须是整数')
    .min(1, '每页至少 1 条')
    .max(50, '每页最多 50 条')
    .default(10),
});
export type PublicEntitySearch = z.input<typeof publicEntitySearchSchema>;

export interface PublicEntitySummary {
  creditCode: string;
  name: string;
  industry: string | null;
  address: string | null;
}

export interface PublicEntityPage {
  items: PublicEntitySummary[];
  total: number;
  totalIsCapped: boolean;
  page: number;
  pageSize: number;
}

/** A completed spot check whose result is public today. */
export interface PublicEntityInspection {
  planNumber: string;
  planTitle: string;
  organizationNames: string[];
  resultLabel: string;
  completedOn: string | null;
  publishedOn: string | null;
  /** the publication, shown on the portal's 执法决定公示 */
  publicationId: string;
}

/** What the portal shows of an entity: registration data, and only what has been published. */
export interface PublicEntityProfile extends PublicEntitySummary {
  licences: string[];
  /** published penalty decisions, masked as 执法决定公示 shows them */
  penalties: import('./publicity').PublicDecision[];
  inspections: PublicEntityInspection[];
  commitments: PublicEntityCommitment[];
  permits: EntityPermitView[];
}

// ── 信用承诺 ─────────────────────────────────────────────────────────────────

export const entityCommitmentKinds = ['notification', 'credit', 'correction'] as const;
export type EntityCommitmentKind = (typeof entityCommitmentKinds)[number];
export const entityCommitmentKindLabels: Record<EntityCommitmentKind, string> = {
  notification: '告知承诺制审批',
  credit: '主动型信用承诺',
  correction: '信用修复承诺',
};

export const entityCommitmentStatuses = ['inForce', 'fulfilled', 'breached'] as const;
export type EntityCommitmentStatus = (typeof entityCommitmentStatuses)[number];
export const entityCommitmentStatusLabels: Record<EntityCommitmentStatus, string> = {
  inForce: '在履约',
  fulfilled: '已履约',
  breached: '已违诺',
};

/** 登记承诺 (POST /api/spotchecks/entities/:creditCode/commitments). */
export const recordCommitmentSchema = z
  .object({
    organizationId: uuidField('受理承诺的部门'),
    kind: z.enum(entityCommitmentKinds, {
      message: '承诺类型只能是：告知承诺制审批、主动型信用承诺或信用修复承诺',
    }),
    title: z
      .string({ message: '请填写承诺事项' })
      .trim()
      .min(2, '承诺事项至少 2 个字')
      .max(200, '承诺事项不能超过 200 个字'),
    committedOn: civilDateField('承诺日期'),
    dueOn: civilDateField('履约期限').nullable().optional(),
  })
  .refine((value) => !value.dueOn || value.dueOn >= value.committedOn, {
    message: '履约期限不能早于承诺日期',
    path: ['dueOn'],
  });
export type RecordCommitmentInput = z.input<typeof recordCommitmentSchema>;

/** 违诺 (POST /api/spotchecks/commitments/:id/breach): what was not kept. */
export const breachCommitmentSchema = z.object({
  note: z
    .string({ message: '请写明违诺情况' })
    .trim()
    .min(4, '请写明违诺情况（至少 4 个字）')
    .max(1000, '违诺情况不能超过 1000 个字'),
});
export type BreachCommitmentInput = z.input<typeof breachCommitmentSchema>;

export interface EntityCommitmentView {
  id: string;
  creditCode: string;
  organizationId: string;
  organizationName: string;
  kind: EntityCommitmentKind;
  kindLabel: string;
  title: string;
  committedOn: string;
  dueOn: string | null;
  status: EntityCommitmentStatus;
  statusLabel: string;
  /** the day it was found fulfilled or breached */
  settledOn: string | null;
  breachNote: string | null;
  recordedByName: string;
}

/** A commitment as the portal shows it: no note, no name of who recorded it. */
export interface PublicEntityCommitment {
  title: string;
  organizationName: string;
  kind: EntityCommitmentKind;
  kindLabel: string;
  committedOn: string;
  dueOn: string | null;
  status: EntityCommitmentStatus;
  statusLabel: string;
  settledOn: string | null;
}

/** 许可: a licence listed in the directory, or a published 行政许可决定 about the entity. */
export interface EntityPermitView {
  source: 'directory' | 'licensingDecision';
  /** the licence's name, or the decision's title */
  name: string;
  organizationName: string | null;
  decidedOn: string | null;
  /** the publication, shown on the portal's 执法决定公示 */
  publicationId: string | null;
}

// ── 双随机统计 ───────────────────────────────────────────────────────────────

/** One lead department's year of random inspections, for oversight. */
export interface SpotCheckDepartmentFigures {
  organizationId: string;
  organizationName: string;
  /** committed, drawn or completed (not drafts, not cancelled) */
  plans: number;
  jointPlans: number;
  tasks: number;
  completed: number;
  /** 发现问题 (已责令改正、待后续处理、不配合检查) */
  problems: number;
  cases: number;
  /** results published within 20 working days of the result, late, overdue, not yet due */
  publishedOnTime: number;
  publishedLate: number;
  overdueUnpublished: number;
  notYetDue: number;
  timelinessRate: number | null;
}

export interface SpotCheckStatistics {
  year: number;
  listedEntities: number;
  /** entities inspected this year (a task past 待检查) */
  inspectedEntities: number;
  coverageRate: number | null;
  departments: SpotCheckDepartmentFigures[];
}

export const spotCheckStatisticsQuerySchema = z.object({
  year: z.coerce
    .number({ message: '年度必须是数字' })
    .int()
    .min(2000, '年度不正确')
    .max(2100, '年度不正确')
    .optional(),
});
