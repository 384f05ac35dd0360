import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, id, instant, tenantCode, updatedAt } from '../../core/db/columns';
import { searchVector } from '../../core/search/search-columns';

/**
 * 检查对象名录库: the enterprises and other subjects random inspections draw from, one row per
 * 统一社会信用代码 (GB 32100) in the tenant, shared by every department. Kept up to date by imports
 * (a row whose code exists is updated in place) and read by plans, draws and the entity profile.
 */
export const entities = pgTable(
  'entities',
  {
    tenantCode: tenantCode(),
    id: id(),
    creditCode: varchar('credit_code', { length: 18 }).notNull(),
    name: text('name').notNull(),
    address: text('address'),
    /** 行业 as registered, e.g. 餐饮业 */
    industry: varchar('industry', { length: 100 }),
    /** the county-level division the entity is registered in */
    jurisdictionCode: varchar('jurisdiction_code', { length: 12 }),
    /** licences held, e.g. 食品经营许可证 */
    licences: jsonb('licences').$type<string[]>().notNull().default([]),
    /** 信用风险分类 A–D */
    riskGrade: varchar('risk_grade', { length: 1 }).notNull(),
    searchVector: searchVector('search_vector'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    uniqueIndex('entities_credit_code_idx').on(table.tenantCode, table.creditCode),
    index('entities_grade_idx').on(table.tenantCode, table.riskGrade),
    index('entities_jurisdiction_idx').on(table.tenantCode, table.jurisdictionCode),
    index('entities_search_idx').using('gin', table.searchVector),
  ],
);

export type EntityRow = typeof entities.$inferSelect;

/**
 * 回避: an inspector who may not inspect an entity — a former employer, a relative working in or
 * owning it, another interest, or a conflict the inspector declared. Draws leave him out of that
 * entity's task. Ended, not deleted, when the relation ends.
 */
export const inspectorRecusals = pgTable(
  'inspector_recusals',
  {
    tenantCode: tenantCode(),
    id: id(),
    personId: uuid('person_id').notNull(),
    creditCode: varchar('credit_code', { length: 18 }).notNull(),
    /** formerEmployer | relative | interest | declared */
    kind: varchar('kind', { length: 16 }).notNull(),
    note: text('note'),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: createdAt(),
    endedAt: instant('ended_at'),
    endReason: text('end_reason'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('inspector_recusals_person_idx').on(table.tenantCode, table.personId),
    index('inspector_recusals_entity_idx').on(table.tenantCode, table.creditCode),
  ],
);

export type InspectorRecusalRow = typeof inspectorRecusals.$inferSelect;

/**
 * 抽查计划: one plan of one department (or several, a joint plan 联合抽查) — its spot-check items,
 * population filter, sampling ratio per risk grade and period — and its draw: the commitment
 * published before the draw (the secret kept encrypted until the reveal), the frozen input and
 * the published record (both as blobs in the file store, by SHA-256). The state lives in the
 * core procedure engine (`spot-check-plan`) and is mirrored here for lists.
 */
export const spotCheckPlans = pgTable(
  'spot_check_plans',
  {
    tenantCode: tenantCode(),
    id: id(),
    /** the lead department: the plan's scope and numbering */
    organizationId: uuid('organization_id').notNull(),
    /** every department of the plan, the lead first; more than one makes a joint plan */
    organizationIds: uuid('organization_ids').array().notNull(),
    /** 执法领域 of the departments, for frequency control */
    fields: text('fields').array().notNull(),
    instanceId: uuid('instance_id').notNull(),
    /** e.g. 示市监抽〔2026〕3号 */
    planNumber: varchar('plan_number', { length: 64 }).notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** routine | complaint | risk (complaint- and risk-triggered plans skip frequency control) */
    trigger: varchar('trigger', { length: 16 }).notNull(),
    /** [{ itemId, versionId, code, name, organizationId }] from the departments' 随机抽查事项清单 */
    items: jsonb('items').$type<SpotCheckPlanItem[]>().notNull(),
    /** { jurisdictionCodes, industries, licences } */
    populationFilter: jsonb('population_filter').$type<SpotCheckPopulationFilter>().notNull(),
    /** [{ riskGrade, ratioBasisPoints }] */
    strata: jsonb('strata').$type<{ riskGrade: string; ratioBasisPoints: number }[]>().notNull(),
    inspectorsPerTask: integer('inspectors_per_task').notNull(),
    maxTasksPerInspector: integer('max_tasks_per_inspector').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** draft | committed | drawn | completed | cancelled (mirrored from the procedure) */
    state: varchar('state', { length: 16 }).notNull(),
    populationCount: integer('population_count'),
    eligibleCount: integer('eligible_count'),
    inputDigest: varchar('input_digest', { length: 64 }),
    commitment: varchar('commitment', { length: 64 }),
    /** the draw secret, AES-256-GCM under the field key until it is revealed with the draw */
    secretEncrypted: text('secret_encrypted'),
    /** the revealed secret (null until the draw) */
    secret: varchar('secret', { length: 64 }),
    /** the frozen draw input (JSON) in the file store */
    inputSha256: varchar('input_sha256', { length: 64 }),
    committedAt: instant('committed_at'),
    committedByName: text('committed_by_name'),
    externalEntropy: text('external_entropy'),
    drawnAt: instant('drawn_at'),
    drawnByName: text('drawn_by_name'),
    /** the published draw record (JSON, `fazhi-draw-v1`) in the file store */
    recordSha256: varchar('record_sha256', { length: 64 }),
    taskCount: integer('task_count').notNull().default(0),
    completedTaskCount: integer('completed_task_count').notNull().default(0),
    cancelReason: text('cancel_reason'),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('spot_check_plans_org_idx').on(table.tenantCode, table.organizationId, table.year),
    index('spot_check_plans_state_idx').on(table.tenantCode, table.state),
  ],
);

export interface SpotCheckPlanItem {
  itemId: string;
  versionId: string;
  code: string;
  name: string;
  organizationId: string;
}

export interface SpotCheckPopulationFilter {
  jurisdictionCodes: string[];
  industries: string[];
  licences: string[];
}

export type SpotCheckPlanRow = typeof spotCheckPlans.$inferSelect;

/**
 * 抽查任务: one entity drawn by a plan, with the inspectors drawn for it; carried out on site
 * (record, checklist per item, photos as file attachments), given a result, published within 20
 * working days of completion (core publication), and — when a problem needs it — linked to the
 * enforcement case it opened. The state lives in the procedure engine (`spot-check-task`).
 */
export const spotCheckTasks = pgTable(
  'spot_check_tasks',
  {
    tenantCode: tenantCode(),
    id: id(),
    planId: uuid('plan_id').notNull(),
    /** the lead department of the plan */
    organizationId: uuid('organization_id').notNull(),
    instanceId: uuid('instance_id').notNull(),
    /** the order drawn, from 1 */
    seq: integer('seq').notNull(),
    year: integer('year').notNull(),
    /** the plan's 执法领域, for frequency control */
    fields: text('fields').array().notNull(),
    isJoint: boolean('is_joint').notNull().default(false),
    creditCode: varchar('credit_code', { length: 18 }).notNull(),
    entityName: text('entity_name').notNull(),
    riskGrade: varchar('risk_grade', { length: 1 }).notNull(),
    inspectorPersonIds: uuid('inspector_person_ids').array().notNull(),
    /** assigned | inspected | completed (mirrored from the procedure) */
    state: varchar('state', { length: 16 }).notNull(),
    inspectedOn: date('inspected_on', { mode: 'string' }),
    /** [{ itemId, code, name, conforms, note }] */
    checklist: jsonb('checklist').$type<SpotCheckChecklistEntry[]>(),
    /** 现场检查记录 */
    record: text('record'),
    /** SpotCheckResult */
    result: varchar('result', { length: 24 }),
    resultNote: text('result_note'),
    completedOn: date('completed_on', { mode: 'string' }),
    /** the enforcement case a problem opened */
    caseId: uuid('case_id'),
    publicationId: uuid('publication_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    uniqueIndex('spot_check_tasks_plan_idx').on(table.tenantCode, table.planId, table.seq),
    index('spot_check_tasks_entity_idx').on(table.tenantCode, table.creditCode, table.year),
    index('spot_check_tasks_state_idx').on(table.tenantCode, table.state),
    index('spot_check_tasks_inspectors_idx').using('gin', table.inspectorPersonIds),
  ],
);

export interface SpotCheckChecklistEntry {
  itemId: string;
  code: string;
  name: string;
  /** true: 符合; false: 不符合; null: 不涉及 */
  conforms: boolean | null;
  note: string | null;
}

export type SpotCheckTaskRow = typeof spotCheckTasks.$inferSelect;

/**
 * 信用承诺: a commitment an entity made to a department — 告知承诺制审批 (a permit granted on its
 * promise to meet the conditions), 主动型信用承诺 or 信用修复承诺 — and whether it was kept.
 * Part of the entity's profile (涉企信息归集); a public credit commitment is public by nature.
 */
export const entityCommitments = pgTable(
  'entity_commitments',
  {
    tenantCode: tenantCode(),
    id: id(),
    creditCode: varchar('credit_code', { length: 18 }).notNull(),
    /** the department that received it */
    organizationId: uuid('organization_id').notNull(),
    /** EntityCommitmentKind: notification | credit | correction */
    kind: varchar('kind', { length: 16 }).notNull(),
    /** 承诺事项 */
    title: text('title').notNull(),
    committedOn: date('committed_on', { mode: 'string' }).notNull(),
    /** 履约期限; null: none set */
    dueOn: date('due_on', { mode: 'string' }),
    /** EntityCommitmentStatus: inForce | fulfilled | breached */
    status: varchar('status', { length: 16 }).notNull(),
    /** the day it was found fulfilled or breached */
    settledOn: date('settled_on', { mode: 'string' }),
    breachNote: text('breach_note'),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('entity_commitments_entity_idx').on(table.tenantCode, table.creditCode),
  ],
);

export type EntityCommitmentRow = typeof entityCommitments.$inferSelect;
