import { index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
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
