import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantCode, updatedAt } from '../../core/db/columns';

/** 行政区划 (GB/T 2260): a reference table shared by every tenant. */
export const jurisdictions = pgTable(
  'jurisdictions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    /** province | city | county | township */
    level: varchar('level', { length: 16 }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
  },
  (table) => [index('jurisdictions_parent_idx').on(table.parentCode)],
);

/** 行政机关、部门、执法主体、乡镇: a tree per tenant. `path` is the chain of ids from the root, for subtree scope. */
export const organizations = pgTable(
  'organizations',
  {
    tenantCode: tenantCode(),
    id: id(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    jurisdictionCode: varchar('jurisdiction_code', { length: 12 }).notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** government | department | enforcementBody | township | office */
    kind: varchar('kind', { length: 24 }).notNull(),
    /** statutory | authorized | entrusted, for enforcement bodies */
    authorityType: varchar('authority_type', { length: 16 }),
    /** 统一社会信用代码 (GB 32100) */
    creditCode: varchar('credit_code', { length: 18 }),
    /** 执法领域, e.g. 市场监管 */
    enforcementField: text('enforcement_field'),
    address: text('address'),
    phone: varchar('phone', { length: 32 }),
    sortOrder: integer('sort_order').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('organizations_path_idx').on(table.tenantCode, table.path),
    index('organizations_parent_idx').on(table.tenantCode, table.parentId),
    index('organizations_jurisdiction_idx').on(table.tenantCode, table.jurisdictionCode),
  ],
);

/** 工作人员: officers, legal reviewers, principals, liaisons. */
export const people = pgTable(
  'people',
  {
    tenantCode: tenantCode(),
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    name: text('name').notNull(),
    /** male | female */
    gender: varchar('gender', { length: 8 }),
    /** 居民身份证号码, stored encrypted (AES-256-GCM); only the masked form is shown in lists. */
    idNumberEncrypted: text('id_number_encrypted'),
    idNumberMasked: varchar('id_number_masked', { length: 24 }),
    phone: varchar('phone', { length: 32 }),
    position: text('position'),
    /** officer | legalReviewer | principal | liaison | staff, several allowed */
    duties: text('duties').array().notNull().default([]),
    /** 国家统一法律职业资格 */
    hasLegalQualification: boolean('has_legal_qualification').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('people_organization_idx').on(table.tenantCode, table.organizationId),
    foreignKey({
      columns: [table.tenantCode, table.organizationId],
      foreignColumns: [organizations.tenantCode, organizations.id],
    }),
  ],
);

/** 行政执法证: only an officer with a valid certificate may act in a case. */
export const enforcementCertificates = pgTable(
  'enforcement_certificates',
  {
    tenantCode: tenantCode(),
    id: id(),
    personId: uuid('person_id').notNull(),
    number: varchar('number', { length: 32 }).notNull(),
    /** 执法类别/领域 */
    field: text('field').notNull(),
    issuedBy: text('issued_by').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    /** valid | suspended | revoked */
    status: varchar('status', { length: 16 }).notNull().default('valid'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('certificates_person_idx').on(table.tenantCode, table.personId),
    uniqueIndex('certificates_number_idx').on(table.tenantCode, table.number),
    foreignKey({
      columns: [table.tenantCode, table.personId],
      foreignColumns: [people.tenantCode, people.id],
    }),
  ],
);
