import { z } from 'zod';
import { civilDateField, optionalText, pageOf, pagination, uuidField } from './fields';
import type { ResolvedCitation } from './law';

/**
 * The API contract of the power lists (GLOSSARY.md "Law and powers"; seed 003): 权责清单,
 * 政务服务事项, 证明事项清单, 中介服务事项清单 and 随机抽查事项清单 — five lists, one mechanism.
 */

// ── Labels ───────────────────────────────────────────────────────────────────

export const listKinds = ['power', 'service', 'proof', 'intermediary', 'spotCheck'] as const;
export type ListKind = (typeof listKinds)[number];
export const listKindSchema = z.enum(listKinds, { message: '清单类型不存在' });
export const listKindLabels: Record<ListKind, string> = {
  power: '权责清单',
  service: '政务服务事项清单',
  proof: '证明事项清单',
  intermediary: '中介服务事项清单',
  spotCheck: '随机抽查事项清单',
};

export const powerKinds = [
  'licensing',
  'penalty',
  'coercion',
  'levy',
  'benefit',
  'inspection',
  'confirmation',
  'award',
  'adjudication',
  'other',
] as const;
export type PowerKind = (typeof powerKinds)[number];
export const powerKindSchema = z.enum(powerKinds, { message: '职权类型不存在' });
export const powerKindLabels: Record<PowerKind, string> = {
  licensing: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  levy: '行政征收',
  benefit: '行政给付',
  inspection: '行政检查',
  confirmation: '行政确认',
  award: '行政奖励',
  adjudication: '行政裁决',
  other: '其他行政权力',
};

/** 政务服务事项: on application (依申请) or public service (公共服务). */
export const serviceKinds = ['onApplication', 'publicService'] as const;
export type ServiceKind = (typeof serviceKinds)[number];
export const serviceKindSchema = z.enum(serviceKinds, { message: '服务事项类型不存在' });
export const serviceKindLabels: Record<ServiceKind, string> = {
  onApplication: '依申请政务服务事项',
  publicService: '公共服务事项',
};

export const changeTypes = ['add', 'modify', 'cancel'] as const;
export type ChangeType = (typeof changeTypes)[number];
export const changeTypeSchema = z.enum(changeTypes, { message: '调整类型只能是新增、变更或取消' });
export const changeTypeLabels: Record<ChangeType, string> = { add: '新增', modify: '变更', cancel: '取消' };

export const changeSetStates = ['draft', 'submitted', 'approved', 'returned', 'withdrawn'] as const;
export type ChangeSetState = (typeof changeSetStates)[number];
export const changeSetStateLabels: Record<ChangeSetState, string> = {
  draft: '草拟中',
  submitted: '待审核',
  approved: '已批准',
  returned: '已退回',
  withdrawn: '已撤回',
};

/** Whether an item is in force today, will be (approved, effective later), or was cancelled. */
export const itemStatuses = ['inForce', 'pending', 'cancelled'] as const;
export type ItemStatus = (typeof itemStatuses)[number];
export const itemStatusLabels: Record<ItemStatus, string> = {
  inForce: '有效',
  pending: '待生效',
  cancelled: '已取消',
};

// ── Item content, per list kind ──────────────────────────────────────────────

const text = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);
const timeLimit = (label: string) =>
  z
    .number({ message: `${label}必须是数字（工作日）` })
    .int(`${label}必须是整数`)
    .min(0, `${label}不能为负数`)
    .max(3650, `${label}过长`)
    .nullable()
    .optional();

export const powerDetailsSchema = z.object({
  /** 子项 */
  subItems: z.array(text('子项名称', 200)).max(200, '子项最多 200 个').default([]),
  /** 实施主体 */
  implementingBody: text('实施主体', 200),
  /** 责任事项 */
  duties: text('责任事项', 4000),
  /** 追责情形 */
  accountability: text('追责情形', 4000),
  /** 办理流程 */
  flow: optionalText('办理流程', 4000),
  /** 法定办结时限 / 承诺办结时限, in working days */
  statutoryTimeLimit: timeLimit('法定办结时限'),
  promisedTimeLimit: timeLimit('承诺办结时限'),
  remarks: optionalText('备注', 1000),
});
export type PowerDetails = z.infer<typeof powerDetailsSchema>;

export const serviceDetailsSchema = z.object({
  implementingBody: text('实施主体', 200),
  /** the power item this service implements, by code on the same organization's power list */
  powerItemCode: optionalText('对应权责事项编码', 64),
  statutoryTimeLimit: timeLimit('法定办结时限'),
  promisedTimeLimit: timeLimit('承诺办结时限'),
  /** 申请材料 */
  materials: z.array(text('申请材料', 200)).max(100, '申请材料最多 100 项').default([]),
  isCharged: z.boolean({ message: '是否收费只能是“是”或“否”' }).default(false),
  feeBasis: optionalText('收费依据', 1000),
  servicePlace: optionalText('办理地点', 500),
  phone: optionalText('咨询电话', 64),
  onlineUrl: optionalText('网上办理地址', 500),
});
export type ServiceDetails = z.infer<typeof serviceDetailsSchema>;

export const proofDetailsSchema = z.object({
  /** the service item that asks for the proof, by code */
  serviceItemCode: optionalText('所属政务服务事项编码', 64),
  /** 开具单位 */
  issuingBody: text('开具单位', 200),
  /** 索要单位 */
  requestingBody: text('索要单位', 200),
  /** 告知承诺制 etc. */
  alternative: optionalText('替代方式', 1000),
  remarks: optionalText('备注', 1000),
});
export type ProofDetails = z.infer<typeof proofDetailsSchema>;

export const intermediaryDetailsSchema = z.object({
  /** the licensing item the service is required for, by code */
  licensingItemCode: optionalText('对应行政许可事项编码', 64),
  /** 中介服务实施机构要求 */
  providerRequirement: text('中介机构资质要求', 1000),
  isCharged: z.boolean({ message: '是否收费只能是“是”或“否”' }).default(true),
  feeBasis: optionalText('收费依据', 1000),
  remarks: optionalText('备注', 1000),
});
export type IntermediaryDetails = z.infer<typeof intermediaryDetailsSchema>;

export const spotCheckDetailsSchema = z.object({
  /** 检查对象 */
  subjectType: text('检查对象', 200),
  /** 检查内容 */
  content: text('检查内容', 2000),
  /** 检查方式 */
  method: text('检查方式', 200),
  /** 抽查比例 (%) and 频次 */
  ratioPercent: z
    .number({ message: '抽查比例必须是数字' })
    .min(0, '抽查比例不能为负数')
    .max(100, '抽查比例不能超过 100%')
    .nullable()
    .optional(),
  frequency: optionalText('抽查频次', 100),
  /** the inspection power item it rests on, by code */
  powerItemCode: optionalText('对应权责事项编码', 64),
});
export type SpotCheckDetails = z.infer<typeof spotCheckDetailsSchema>;

export const detailsSchemas = {
  power: powerDetailsSchema,
  service: serviceDetailsSchema,
  proof: proofDetailsSchema,
  intermediary: intermediaryDetailsSchema,
  spotCheck: spotCheckDetailsSchema,
} as const satisfies Record<ListKind, z.ZodType>;

/**
 * The content of an item as proposed in a change: name, kind (a powerKind on the power list, a
 * serviceKind on the service list, absent elsewhere), its legal basis as citations written out,
 * and the list kind's details (validated by `detailsSchemas[listKind]` in the service, which
 * reports the field as `details.<name>`).
 */
export const itemContentSchema = z.object({
  code: text('事项编码', 64).regex(/^[A-Za-z0-9\-_.]+$/, '事项编码只能由字母、数字和 - _ . 组成'),
  name: text('事项名称', 300),
  kind: z.string().trim().max(24).nullable().optional(),
  legalBasisText: text('法律依据', 8000),
  details: z.record(z.string(), z.unknown(), { message: '事项详情格式不正确' }),
});
export type ItemContent = z.infer<typeof itemContentSchema>;

// ── Change sets (动态调整) ─────────────────────────────────────────────────────

export const createChangeSetSchema = z.object({
  organizationId: uuidField('组织'),
  listKind: listKindSchema,
  title: text('调整事由标题', 200),
  reason: text('调整理由', 4000),
  basis: optionalText('调整依据', 4000),
  effectiveOn: civilDateField('生效日期'),
});
export type CreateChangeSetInput = z.infer<typeof createChangeSetSchema>;

/** Editing a draft or returned change set's title, reasons or effective date (e.g. a returned set whose date has passed). */
export const updateChangeSetSchema = createChangeSetSchema
  .pick({ title: true, reason: true, basis: true, effectiveOn: true })
  .partial()
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: '没有要修改的内容',
    path: ['title'],
  });
export type UpdateChangeSetInput = z.infer<typeof updateChangeSetSchema>;

export const addChangeSchema = z.discriminatedUnion(
  'changeType',
  [
    z.object({
      changeType: z.literal('add'),
      content: itemContentSchema,
      reason: optionalText('理由', 2000),
    }),
    z.object({
      changeType: z.literal('modify'),
      itemId: uuidField('事项'),
      content: itemContentSchema,
      reason: optionalText('理由', 2000),
    }),
    z.object({ changeType: z.literal('cancel'), itemId: uuidField('事项'), reason: text('取消理由', 2000) }),
  ],
  { message: '调整类型只能是新增、变更或取消' },
);
export type AddChangeInput = z.infer<typeof addChangeSchema>;

/** Procedure actions on a change set: submit (liaison), approve / return (justice bureau), withdraw. */
export const changeSetActions = ['submit', 'approve', 'return', 'withdraw', 'resubmit'] as const;
export type ChangeSetAction = (typeof changeSetActions)[number];
export const changeSetActionSchema = z.object({
  action: z.enum(changeSetActions, { message: '操作不存在' }),
  comment: optionalText('意见', 2000),
  expectedRevision: z.number().int().optional(),
});

// ── Queries ──────────────────────────────────────────────────────────────────

export const itemFilterSchema = z.object({
  organizationId: uuidField('组织').optional(),
  listKind: listKindSchema.optional(),
  kind: z.string().trim().max(24).optional(),
  /** full-text search over name, code and basis */
  q: z.string().trim().max(100, '搜索词不能超过 100 个字').optional(),
  /** the list as it stood on this date (default: today) */
  date: civilDateField('查询日期').optional(),
  /** the items' status on `date`; omitted: in force (inForce) only */
  status: z.enum(itemStatuses, { message: '事项状态不存在' }).optional(),
});
export const itemListQuerySchema = itemFilterSchema.extend(pagination);
export type ItemListQuery = z.infer<typeof itemListQuerySchema>;

export const changeSetListQuerySchema = z
  .object({
    organizationId: uuidField('组织').optional(),
    listKind: listKindSchema.optional(),
    state: z.enum(changeSetStates, { message: '状态不存在' }).optional(),
    q: z.string().trim().max(100).optional(),
  })
  .extend(pagination);

export const listDiffQuerySchema = z.object({
  organizationId: uuidField('组织'),
  listKind: listKindSchema,
  from: z.coerce.number({ message: '起始版本必须是数字' }).int().min(0, '版本从 0 开始'),
  to: z.coerce.number({ message: '对比版本必须是数字' }).int().min(1, '版本从 1 开始'),
});

/** For later modules (and the API): is item X in force for organization O on date D. */
export const inForceQuerySchema = z.object({
  organizationId: uuidField('组织'),
  itemId: uuidField('事项').optional(),
  code: z.string().trim().max(64).optional(),
  /** the list the code is on (codes are unique per list); any list when omitted */
  listKind: listKindSchema.optional(),
  date: civilDateField('日期').optional(),
});

// ── Shapes returned ──────────────────────────────────────────────────────────

export interface PowerItemView {
  id: string;
  organizationId: string;
  organizationName: string;
  listKind: ListKind;
  code: string;
  name: string;
  kind: string | null;
  status: ItemStatus;
  version: number;
  listVersion: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasisText: string;
  legalBasis: ResolvedCitation[];
  details: Record<string, unknown>;
}
export const itemPageSchema = pageOf(z.custom<PowerItemView>());

export interface ChangeSetView {
  id: string;
  organizationId: string;
  organizationName: string;
  listKind: ListKind;
  title: string;
  reason: string;
  basis: string | null;
  effectiveOn: string;
  state: ChangeSetState;
  listVersion: number | null;
  changeCount: number;
  createdBy: string | null;
  createdAt: string;
  approvedAt: string | null;
  procedureInstanceId: string | null;
  /** the procedure's revision: send it back as `expectedRevision` so a stale page cannot act twice */
  revision: number | null;
  /** actions the current user may take now */
  nextActions: { name: string; label: string }[];
}

export interface ChangeView {
  id: string;
  ordinal: number;
  changeType: ChangeType;
  itemId: string | null;
  code: string;
  proposed: ItemContent | null;
  /** the item as in force when the change was proposed, for a modify or cancel */
  current: ItemContent | null;
  reason: string | null;
}

/** One line of the diff between two versions of a list. */
export interface ListDiffEntry {
  code: string;
  itemId: string;
  change: 'added' | 'modified' | 'cancelled';
  before: ItemContent | null;
  after: ItemContent | null;
  /** names of the fields that differ (name, kind, legalBasisText, details.duties…) */
  changedFields: string[];
}

// ── More shapes returned (change set detail, list versions, summary, public) ─

/** One step of a change set's procedure, oldest first. */
export interface ChangeSetHistoryStep {
  action: string;
  label: string;
  actorName: string;
  performedAt: string;
  comment: string | null;
}

export interface ChangeSetDetail {
  changeSet: ChangeSetView;
  changes: ChangeView[];
  history: ChangeSetHistoryStep[];
}

export interface PowerItemDetail {
  item: PowerItemView;
  /** every version of the item, newest first */
  versions: PowerItemView[];
}

export interface ListVersionView {
  version: number;
  effectiveOn: string;
  itemCount: number;
  changeSetId: string;
  changeSetTitle: string;
  approvedBy: string | null;
  approvedAt: string;
}

export interface InForceAnswer {
  inForce: boolean;
  item: PowerItemView | null;
}

/** One organization's list of one kind, for a dashboard card. */
export interface PowerSummaryEntry {
  organizationId: string;
  organizationName: string;
  listKind: ListKind;
  /** items in force today */
  itemCount: number;
  lastVersion: number | null;
  lastEffectiveOn: string | null;
  /** change sets submitted and awaiting the justice bureau */
  pendingChangeSets: number;
}

export interface PublicPowerOrganization {
  id: string;
  name: string;
  kind: string;
  jurisdictionCode: string;
  counts: Record<ListKind, number>;
}

/** A successful import into a change set: the number of changes added. */
export interface PowerImportResult {
  added: number;
}

export const listVersionParamsSchema = z.object({
  organizationId: uuidField('组织'),
  listKind: listKindSchema,
});
export const templateQuerySchema = z.object({ listKind: listKindSchema });
export const publicItemListQuerySchema = z
  .object({
    organizationId: uuidField('组织').optional(),
    listKind: listKindSchema.optional(),
    kind: z.string().trim().max(24).optional(),
    q: z.string().trim().max(100, '搜索词不能超过 100 个字').optional(),
  })
  .extend(pagination);
