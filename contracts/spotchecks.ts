import { z } from 'zod';
import { pagination, uuidField } from './fields';

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
