import { z } from 'zod';

/** The API contract of the procedure engine and deadlines (DESIGN.md core mechanisms 1–2). */

export const deadlineUnits = ['workingDays', 'days'] as const;
export type DeadlineUnit = (typeof deadlineUnits)[number];
export const deadlineUnitLabels: Record<DeadlineUnit, string> = { workingDays: '个工作日', days: '日' };

export const deadlineStatuses = ['open', 'paused', 'met', 'cancelled'] as const;
export type DeadlineStatus = (typeof deadlineStatuses)[number];
export const deadlineStatusLabels: Record<DeadlineStatus, string> = {
  open: '计时中',
  paused: '已中止计时',
  met: '已办结',
  cancelled: '已撤销',
};

/** What an action sets in motion outside the engine; the engine records it, the modules carry it out. */
export type ProcedureEffect =
  | { kind: 'publish'; what: string }
  | { kind: 'notify'; to: string; message: string }
  | { kind: 'file'; document: string };
export const procedureEffectKindLabels: Record<ProcedureEffect['kind'], string> = {
  publish: '公开',
  notify: '告知',
  file: '归档',
};

export const deadlineHistoryEvents = [
  'start',
  'pause',
  'resume',
  'restart',
  'extend',
  'met',
  'cancel',
  'recompute',
] as const;
export type DeadlineHistoryEvent = (typeof deadlineHistoryEvents)[number];
export const deadlineHistoryEventLabels: Record<DeadlineHistoryEvent, string> = {
  start: '开始计时',
  pause: '中止计时',
  resume: '恢复计时',
  restart: '重新计时',
  extend: '延长期限',
  met: '按期办结',
  cancel: '撤销',
  recompute: '节假日调整后重新计算',
};

export const deadlinePauseSchema = z.object({
  from: z.string(),
  to: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  reason: z.string().nullable(),
});
export const deadlineExtensionSchema = z.object({
  on: z.string(),
  length: z.number().int(),
  reason: z.string(),
  approvedBy: z.string(),
  approvedByUserId: z.string().nullable(),
  action: z.string(),
  citation: z.string().nullable(),
});
export const deadlineHistoryEntrySchema = z.object({
  on: z.string(),
  event: z.enum(deadlineHistoryEvents),
  previousDueDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  note: z.string(),
});

export const deadlineSchema = z.object({
  id: z.string(),
  instanceId: z.string(),
  organizationId: z.string(),
  key: z.string(),
  label: z.string(),
  citation: z.string(),
  startDate: z.string(),
  length: z.number().int(),
  unit: z.enum(deadlineUnits),
  /** e.g. 20个工作日 */
  lengthText: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(deadlineStatuses),
  statusLabel: z.string(),
  /** open and past its due date by the platform's civil date */
  isOverdue: z.boolean(),
  pauses: z.array(deadlinePauseSchema),
  extensions: z.array(deadlineExtensionSchema),
  history: z.array(deadlineHistoryEntrySchema),
});
export type DeadlineView = z.infer<typeof deadlineSchema>;

export const nextActionSchema = z.object({
  name: z.string(),
  label: z.string(),
  requiredDocuments: z.array(z.object({ key: z.string(), label: z.string() })),
});

export const procedureEffectSchema = z.union([
  z.object({ kind: z.literal('publish'), what: z.string() }),
  z.object({ kind: z.literal('notify'), to: z.string(), message: z.string() }),
  z.object({ kind: z.literal('file'), document: z.string() }),
]);

export const procedureStepSchema = z.object({
  id: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  fromState: z.string(),
  fromStateLabel: z.string(),
  toState: z.string(),
  toStateLabel: z.string(),
  actorName: z.string(),
  fields: z.record(z.string(), z.unknown()),
  effects: z.array(procedureEffectSchema),
  revision: z.number().int(),
  performedAt: z.string(),
});

export const procedureInstanceSchema = z.object({
  id: z.string(),
  procedureKey: z.string(),
  procedureVersion: z.number().int(),
  procedureTitle: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  organizationId: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  isTerminal: z.boolean(),
  data: z.record(z.string(), z.unknown()),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const procedureViewSchema = z.object({
  instance: procedureInstanceSchema,
  history: z.array(procedureStepSchema),
  deadlines: z.array(deadlineSchema),
  nextActions: z.array(nextActionSchema),
});
export type ProcedureView = z.infer<typeof procedureViewSchema>;

export const performResultSchema = z.object({
  instance: procedureInstanceSchema,
  deadlines: z.array(deadlineSchema),
  nextActions: z.array(nextActionSchema),
  effects: z.array(procedureEffectSchema),
});

export const procedureParamsSchema = z.object({
  id: z.uuid({ message: '办理事项编号格式不正确' }),
});
export const procedureActionParamsSchema = procedureParamsSchema.extend({
  action: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, { message: '操作名称格式不正确' }),
});

export const performActionBodySchema = z.object({
  fields: z.record(z.string(), z.unknown(), { message: '字段必须是对象' }).default({}),
  /** document key → stored file id or content hash */
  documents: z
    .record(z.string(), z.string().min(1, '文书编号不能为空'), { message: '文书必须是对象' })
    .optional(),
  expectedRevision: z
    .number({ message: '版本号必须是数字' })
    .int('版本号必须是整数')
    .min(0, '版本号不能为负数')
    .optional(),
});
export type PerformActionBody = z.infer<typeof performActionBodySchema>;

export const deadlineListStatuses = ['overdue', 'dueSoon'] as const;
export const deadlineListQuerySchema = z.object({
  status: z.enum(deadlineListStatuses, { message: '状态只能是 overdue（已逾期）或 dueSoon（即将到期）' }),
  withinWorkingDays: z.coerce
    .number({ message: '提前天数必须是数字' })
    .int('提前天数必须是整数')
    .min(0, '提前天数不能为负数')
    .max(60, '提前天数不能超过 60')
    .optional(),
});
export type DeadlineListQuery = z.infer<typeof deadlineListQuerySchema>;

export const deadlineListItemSchema = deadlineSchema.extend({
  procedureKey: z.string(),
  procedureTitle: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  state: z.string(),
  stateLabel: z.string(),
});
export const deadlineListSchema = z.object({
  today: z.string(),
  items: z.array(deadlineListItemSchema),
});
