import { date, index, integer, jsonb, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, tenantCode, updatedAt } from '../db/columns';

/** One running statutory procedure (a case, a document, a request…). */
export const procedureInstances = pgTable(
  'procedure_instances',
  {
    tenantCode: tenantCode(),
    id: id(),
    procedureKey: varchar('procedure_key', { length: 64 }).notNull(),
    procedureVersion: integer('procedure_version').notNull(),
    subjectType: varchar('subject_type', { length: 64 }).notNull(),
    subjectId: text('subject_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    state: varchar('state', { length: 64 }).notNull(),
    data: jsonb('data').notNull().default({}),
    /** optimistic lock, bumped by every action */
    revision: integer('revision').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('procedure_instances_subject_idx').on(table.tenantCode, table.subjectType, table.subjectId),
    index('procedure_instances_org_idx').on(table.tenantCode, table.organizationId),
  ],
);

/** Every action performed: the whole-process record of a procedure. */
export const procedureSteps = pgTable(
  'procedure_steps',
  {
    tenantCode: tenantCode(),
    id: id(),
    instanceId: uuid('instance_id').notNull(),
    action: varchar('action', { length: 64 }).notNull(),
    fromState: varchar('from_state', { length: 64 }).notNull(),
    toState: varchar('to_state', { length: 64 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    fields: jsonb('fields').notNull().default({}),
    /** the effects the action declared (publish, notify, file), for the modules that carry them out */
    effects: jsonb('effects').notNull().default([]),
    /** the instance's revision after this step */
    revision: integer('revision').notNull().default(0),
    performedAt: instant('performed_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('procedure_steps_instance_idx').on(table.tenantCode, table.instanceId),
  ],
);

/** A statutory deadline of a procedure, with its citation, pauses and extensions. */
export const deadlines = pgTable(
  'deadlines',
  {
    tenantCode: tenantCode(),
    id: id(),
    instanceId: uuid('instance_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    key: varchar('key', { length: 64 }).notNull(),
    label: text('label').notNull(),
    /** e.g. 《中华人民共和国行政处罚法》第六十条 */
    citation: text('citation').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    length: integer('length').notNull(),
    /** workingDays | days */
    unit: varchar('unit', { length: 16 }).notNull(),
    /** null while the calendar lacks a year the computation reaches (never guessed) */
    dueDate: date('due_date', { mode: 'string' }),
    /** open | paused | met | cancelled */
    status: varchar('status', { length: 16 }).notNull().default('open'),
    pauses: jsonb('pauses').notNull().default([]),
    extensions: jsonb('extensions').notNull().default([]),
    /** every change of the due date: start, pause, resume, restart, extension, calendar correction */
    history: jsonb('history').notNull().default([]),
    metAt: instant('met_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('deadlines_due_idx').on(table.tenantCode, table.status, table.dueDate),
    index('deadlines_instance_idx').on(table.tenantCode, table.instanceId),
  ],
);

export type DeadlineRow = typeof deadlines.$inferSelect;
