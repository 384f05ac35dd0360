import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, id, instant, tenantCode } from '../../core/db/columns';
import { searchVector } from '../../core/search/search-columns';

/**
 * The lists an organization keeps (seed 003): 权责清单 (power), 政务服务事项 (service),
 * 证明事项清单 (proof), 中介服务事项清单 (intermediary), 随机抽查事项清单 (spotCheck).
 * One mechanism for all five: an item has an identity and versions; every change goes through
 * a change set that is proposed, reviewed, approved and takes effect on a date; nothing is deleted.
 */

/** The identity of a list item: which organization's which list, under which code. */
export const powerItems = pgTable(
  'power_items',
  {
    tenantCode: tenantCode(),
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    /** power | service | proof | intermediary | spotCheck */
    listKind: varchar('list_kind', { length: 16 }).notNull(),
    /** the item's code on the list, unique per organization and list */
    code: varchar('code', { length: 64 }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('power_items_org_idx').on(table.tenantCode, table.organizationId, table.listKind, table.code),
  ],
);

/**
 * One version of an item, in force from `effectiveFrom` until `effectiveTo` (exclusive; null: open).
 * A cancellation is a version with `isCancelled`, so "in force on D" is one range lookup.
 */
export const powerItemVersions = pgTable(
  'power_item_versions',
  {
    tenantCode: tenantCode(),
    id: id(),
    itemId: uuid('item_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    listKind: varchar('list_kind', { length: 16 }).notNull(),
    /** 1, 2, … per item */
    version: integer('version').notNull(),
    /** the list version (see power_list_versions) this item version belongs to */
    listVersion: integer('list_version').notNull(),
    changeSetId: uuid('change_set_id').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    isCancelled: boolean('is_cancelled').notNull().default(false),
    code: varchar('code', { length: 64 }).notNull(),
    name: text('name').notNull(),
    /** powerKind for power items (licensing … other); the service kind for services; null otherwise */
    kind: varchar('kind', { length: 24 }),
    /** the citations as written, e.g. 《中华人民共和国食品安全法》第一百二十二条 */
    legalBasisText: text('legal_basis_text').notNull(),
    /** the citations parsed and resolved when the version was approved */
    legalBasis: jsonb('legal_basis').$type<unknown[]>().notNull(),
    /** the fields of this list kind (sub-items, duties, time limits…), validated by the contract's schema */
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    search: searchVector('search'),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('power_item_versions_item_idx').on(table.tenantCode, table.itemId, table.version),
    index('power_item_versions_list_idx').on(
      table.tenantCode,
      table.organizationId,
      table.listKind,
      table.effectiveFrom,
    ),
    index('power_item_versions_kind_idx').on(table.tenantCode, table.listKind, table.kind),
    index('power_item_versions_search_idx').using('gin', table.search),
    index('power_item_versions_name_trgm_idx').using('gin', table.name.op('gin_trgm_ops')),
  ],
);

/**
 * 动态调整: a set of changes to one organization's list (added, modified, cancelled items), the
 * subject of the 权责清单调整 procedure. Approved, it becomes the list's next version on `effectiveOn`.
 */
export const powerChangeSets = pgTable(
  'power_change_sets',
  {
    tenantCode: tenantCode(),
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    listKind: varchar('list_kind', { length: 16 }).notNull(),
    title: text('title').notNull(),
    reason: text('reason').notNull(),
    /** the document or law that occasions the change (编办文件, 新修订的法律…) */
    basis: text('basis'),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    /** the procedure instance carrying it (draft → submitted → approved | returned | withdrawn) */
    procedureInstanceId: uuid('procedure_instance_id'),
    /** draft | submitted | approved | returned | withdrawn — mirrors the procedure's state */
    state: varchar('state', { length: 16 }).notNull(),
    /** the list version it became, once approved */
    listVersion: integer('list_version'),
    changeCount: integer('change_count').notNull().default(0),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    approvedAt: instant('approved_at'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('power_change_sets_org_idx').on(table.tenantCode, table.organizationId, table.listKind),
  ],
);

/** One change of a change set: add, modify or cancel an item, with the proposed content. */
export const powerChanges = pgTable(
  'power_changes',
  {
    tenantCode: tenantCode(),
    id: id(),
    changeSetId: uuid('change_set_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    /** add | modify | cancel */
    changeType: varchar('change_type', { length: 8 }).notNull(),
    /** the item changed (null for an add until approval creates it) */
    itemId: uuid('item_id'),
    code: varchar('code', { length: 64 }).notNull(),
    /** the proposed item content (name, kind, legalBasisText, details…); null for a cancel */
    proposed: jsonb('proposed').$type<Record<string, unknown>>(),
    reason: text('reason'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('power_changes_set_idx').on(table.tenantCode, table.changeSetId, table.ordinal),
  ],
);

/** The numbered versions of one organization's list: version N is the list after the Nth approved change set. */
export const powerListVersions = pgTable(
  'power_list_versions',
  {
    tenantCode: tenantCode(),
    organizationId: uuid('organization_id').notNull(),
    listKind: varchar('list_kind', { length: 16 }).notNull(),
    version: integer('version').notNull(),
    changeSetId: uuid('change_set_id').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    itemCount: integer('item_count').notNull(),
    approvedBy: text('approved_by'),
    approvedAt: instant('approved_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.organizationId, table.listKind, table.version] }),
  ],
);
