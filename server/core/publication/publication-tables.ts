import { date, index, jsonb, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, tenantCode, updatedAt } from '../db/columns';
import { searchVector } from '../search/search-columns';

/**
 * 公示: anything that goes public goes through one record (DESIGN.md core mechanism 5): what it
 * is, the masked text the portal shows, when it falls due (from the publication rules and the
 * working-day calendar), when it was published, withdrawn (with the reason, and its own due date)
 * or taken down (the publicity period ended, or an approved credit repair).
 */
export const publications = pgTable(
  'publications',
  {
    tenantCode: tenantCode(),
    id: id(),
    /** e.g. enforcementCase */
    subjectType: varchar('subject_type', { length: 64 }).notNull(),
    subjectId: text('subject_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    /** PublishedDecisionKind: penalty | licensing | otherEnforcement */
    kind: varchar('kind', { length: 32 }).notNull(),
    /** PublicationField: general | marketSupervision */
    field: varchar('field', { length: 32 }).notNull(),
    title: text('title').notNull(),
    /** label → masked text, in display order */
    content: jsonb('content').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    /** null: pending, the calendar lacks a year the period reaches (computed when the year is entered) */
    dueOn: date('due_on', { mode: 'string' }),
    /** the rule that sets dueOn */
    citation: text('citation').notNull(),
    /** pending | published | withdrawn | takenDown */
    status: varchar('status', { length: 16 }).notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    publishedAt: instant('published_at'),
    publishedByName: text('published_by_name'),
    /** the last day it stays public (publicity period); null: no end */
    publicUntil: date('public_until', { mode: 'string' }),
    withdrawReason: text('withdraw_reason'),
    /** the day the decision was altered, revoked or confirmed illegal, and the withdrawal's due date */
    withdrawEventOn: date('withdraw_event_on', { mode: 'string' }),
    withdrawDueOn: date('withdraw_due_on', { mode: 'string' }),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    takenDownReason: text('taken_down_reason'),
    takenDownOn: date('taken_down_on', { mode: 'string' }),
    searchVector: searchVector('search_vector'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('publications_subject_idx').on(table.tenantCode, table.subjectType, table.subjectId),
    index('publications_status_idx').on(table.tenantCode, table.status, table.publishedOn),
    index('publications_due_idx').on(table.tenantCode, table.status, table.dueOn),
    index('publications_search_idx').using('gin', table.searchVector),
  ],
);

export type PublicationRow = typeof publications.$inferSelect;
