import { and, asc, count, eq, ilike, inArray, isNull, like, lte, gte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ServiceContext } from '../../core/context';
import type { Executor } from '../../core/db/open-database';
import { queryRows } from '../../core/db/query-rows';
import { organizationScope } from '../../core/access/scope';
import { enforcementCertificates, jurisdictions, organizations, people } from './org-tables';

/** Drizzle queries of the org module. Every read of tenant data applies organizationScope. */

export type OrganizationRow = typeof organizations.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type CertificateRow = typeof enforcementCertificates.$inferSelect;
export type JurisdictionRow = typeof jurisdictions.$inferSelect;

export interface OrganizationRecord extends OrganizationRow {
  parentName: string | null;
  jurisdictionName: string | null;
}
export interface PersonRecord extends PersonRow {
  organizationName: string;
  organizationPath: string;
}
export interface CertificateRecord extends CertificateRow {
  personName: string;
  organizationId: string;
  organizationName: string;
  organizationPath: string;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

// ── Jurisdictions (reference table) ──────────────────────────────────────────

export async function countJurisdictions(executor: Executor): Promise<number> {
  const [row] = await executor.select({ n: count() }).from(jurisdictions);
  return row?.n ?? 0;
}

export async function insertJurisdictions(executor: Executor, rows: JurisdictionRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    await executor
      .insert(jurisdictions)
      .values(rows.slice(start, start + 500))
      .onConflictDoNothing();
  }
}

export async function findJurisdiction(
  executor: Executor,
  code: string,
): Promise<JurisdictionRow | undefined> {
  const [row] = await executor.select().from(jurisdictions).where(eq(jurisdictions.code, code));
  return row;
}

export async function listJurisdictions(
  executor: Executor,
  parentCode: string | null,
): Promise<JurisdictionRow[]> {
  return executor
    .select()
    .from(jurisdictions)
    .where(parentCode === null ? isNull(jurisdictions.parentCode) : eq(jurisdictions.parentCode, parentCode))
    .orderBy(asc(jurisdictions.code));
}

// ── Organizations ────────────────────────────────────────────────────────────

const parent = alias(organizations, 'parent_organization');

export interface OrganizationQuery {
  search?: string | undefined;
  kind?: string | undefined;
  jurisdictionCode?: string | undefined;
  parentId?: string | undefined;
  active?: boolean | undefined;
}

function organizationConditions(ctx: ServiceContext, query: OrganizationQuery): SQL | undefined {
  return and(
    eq(organizations.tenantCode, ctx.tenantCode),
    organizationScope(ctx, organizations.id),
    query.search
      ? or(
          ilike(organizations.name, likePattern(query.search)),
          ilike(organizations.shortName, likePattern(query.search)),
        )
      : undefined,
    query.kind ? eq(organizations.kind, query.kind) : undefined,
    query.jurisdictionCode ? eq(organizations.jurisdictionCode, query.jurisdictionCode) : undefined,
    query.parentId ? eq(organizations.parentId, query.parentId) : undefined,
    query.active === undefined ? undefined : eq(organizations.isActive, query.active),
  );
}

function selectOrganizationRecords(executor: Executor) {
  return executor
    .select({
      organization: organizations,
      parentName: parent.name,
      jurisdictionName: jurisdictions.name,
    })
    .from(organizations)
    .leftJoin(
      parent,
      and(eq(parent.tenantCode, organizations.tenantCode), eq(parent.id, organizations.parentId)),
    )
    .leftJoin(jurisdictions, eq(jurisdictions.code, organizations.jurisdictionCode));
}

const toOrganizationRecord = (row: {
  organization: OrganizationRow;
  parentName: string | null;
  jurisdictionName: string | null;
}): OrganizationRecord => ({
  ...row.organization,
  parentName: row.parentName,
  jurisdictionName: row.jurisdictionName,
});

export async function countOrganizations(ctx: ServiceContext, query: OrganizationQuery): Promise<number> {
  const [row] = await ctx.tx
    .select({ n: count() })
    .from(organizations)
    .where(organizationConditions(ctx, query));
  return row?.n ?? 0;
}

export async function selectOrganizations(
  ctx: ServiceContext,
  query: OrganizationQuery,
  page?: PageRequest,
): Promise<OrganizationRecord[]> {
  const base = selectOrganizationRecords(ctx.tx)
    .where(organizationConditions(ctx, query))
    .orderBy(asc(organizations.path), asc(organizations.sortOrder));
  const rows = page ? await base.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : await base;
  return rows.map(toOrganizationRecord);
}

/** One organization in the actor's scope, or undefined. */
export async function findOrganizationInScope(
  ctx: ServiceContext,
  id: string,
): Promise<OrganizationRecord | undefined> {
  const [row] = await selectOrganizationRecords(ctx.tx).where(
    and(
      eq(organizations.tenantCode, ctx.tenantCode),
      eq(organizations.id, id),
      organizationScope(ctx, organizations.id),
    ),
  );
  return row ? toOrganizationRecord(row) : undefined;
}

/** Organizations in scope with exactly this name or short name (for imports). */
export async function findOrganizationsByNameInScope(
  ctx: ServiceContext,
  name: string,
): Promise<OrganizationRow[]> {
  return ctx.tx
    .select()
    .from(organizations)
    .where(
      and(
        eq(organizations.tenantCode, ctx.tenantCode),
        or(eq(organizations.name, name), eq(organizations.shortName, name)),
        organizationScope(ctx, organizations.id),
      ),
    );
}

/** Another organization of the tenant with this credit code (uniqueness is tenant-wide, not scoped). */
export async function findOrganizationIdByCreditCode(
  executor: Executor,
  tenantCode: string,
  creditCode: string,
): Promise<string | undefined> {
  const [row] = await executor
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.tenantCode, tenantCode), eq(organizations.creditCode, creditCode)));
  return row?.id;
}

export async function countActiveChildren(
  executor: Executor,
  tenantCode: string,
  id: string,
): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(organizations)
    .where(
      and(
        eq(organizations.tenantCode, tenantCode),
        eq(organizations.parentId, id),
        eq(organizations.isActive, true),
      ),
    );
  return row?.n ?? 0;
}

export async function insertOrganization(
  executor: Executor,
  row: typeof organizations.$inferInsert,
): Promise<void> {
  await executor.insert(organizations).values(row);
}

export async function updateOrganizationRow(
  executor: Executor,
  tenantCode: string,
  id: string,
  changes: Partial<typeof organizations.$inferInsert>,
): Promise<void> {
  await executor
    .update(organizations)
    .set(changes)
    .where(and(eq(organizations.tenantCode, tenantCode), eq(organizations.id, id)));
}

/** The organizations of the tree in the actor's scope (the switcher). */
export async function selectOrganizationTreeRows(ctx: ServiceContext, includeInactive: boolean) {
  return ctx.tx
    .select({
      id: organizations.id,
      parentId: organizations.parentId,
      path: organizations.path,
      name: organizations.name,
      kind: organizations.kind,
      jurisdictionCode: organizations.jurisdictionCode,
      isActive: organizations.isActive,
      sortOrder: organizations.sortOrder,
    })
    .from(organizations)
    .where(
      and(
        eq(organizations.tenantCode, ctx.tenantCode),
        organizationScope(ctx, organizations.id),
        includeInactive ? undefined : eq(organizations.isActive, true),
      ),
    )
    .orderBy(asc(organizations.sortOrder), asc(organizations.name));
}

export async function countTenantOrganizations(executor: Executor, tenantCode: string): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(organizations)
    .where(eq(organizations.tenantCode, tenantCode));
  return row?.n ?? 0;
}

// ── People ───────────────────────────────────────────────────────────────────

export interface PersonQuery {
  search?: string | undefined;
  organizationId?: string | undefined;
  duty?: string | undefined;
  active?: boolean | undefined;
}

const personOrganization = alias(organizations, 'person_organization');

function personConditions(ctx: ServiceContext, query: PersonQuery): SQL | undefined {
  return and(
    eq(people.tenantCode, ctx.tenantCode),
    organizationScope(ctx, people.organizationId),
    query.search ? ilike(people.name, likePattern(query.search)) : undefined,
    query.organizationId ? eq(people.organizationId, query.organizationId) : undefined,
    query.duty ? sql`${query.duty} = ANY(${people.duties})` : undefined,
    query.active === undefined ? undefined : eq(people.isActive, query.active),
  );
}

function selectPersonRecords(executor: Executor) {
  return executor
    .select({
      person: people,
      organizationName: personOrganization.name,
      organizationPath: personOrganization.path,
    })
    .from(people)
    .innerJoin(
      personOrganization,
      and(
        eq(personOrganization.tenantCode, people.tenantCode),
        eq(personOrganization.id, people.organizationId),
      ),
    );
}

const toPersonRecord = (row: {
  person: PersonRow;
  organizationName: string;
  organizationPath: string;
}): PersonRecord => ({
  ...row.person,
  organizationName: row.organizationName,
  organizationPath: row.organizationPath,
});

export async function countPeople(ctx: ServiceContext, query: PersonQuery): Promise<number> {
  const [row] = await ctx.tx.select({ n: count() }).from(people).where(personConditions(ctx, query));
  return row?.n ?? 0;
}

export async function selectPeople(
  ctx: ServiceContext,
  query: PersonQuery,
  page?: PageRequest,
): Promise<PersonRecord[]> {
  const base = selectPersonRecords(ctx.tx)
    .where(personConditions(ctx, query))
    .orderBy(asc(personOrganization.path), asc(people.name), asc(people.id));
  const rows = page ? await base.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : await base;
  return rows.map(toPersonRecord);
}

export async function findPersonInScope(ctx: ServiceContext, id: string): Promise<PersonRecord | undefined> {
  const [row] = await selectPersonRecords(ctx.tx).where(
    and(
      eq(people.tenantCode, ctx.tenantCode),
      eq(people.id, id),
      organizationScope(ctx, people.organizationId),
    ),
  );
  return row ? toPersonRecord(row) : undefined;
}

/** People in scope with this name in this organization (for imports). */
export async function findPeopleByNameInScope(
  ctx: ServiceContext,
  organizationId: string,
  name: string,
): Promise<PersonRow[]> {
  return ctx.tx
    .select()
    .from(people)
    .where(
      and(
        eq(people.tenantCode, ctx.tenantCode),
        eq(people.organizationId, organizationId),
        eq(people.name, name),
        organizationScope(ctx, people.organizationId),
      ),
    );
}

export async function insertPerson(executor: Executor, row: typeof people.$inferInsert): Promise<void> {
  await executor.insert(people).values(row);
}

export async function updatePersonRow(
  executor: Executor,
  tenantCode: string,
  id: string,
  changes: Partial<typeof people.$inferInsert>,
): Promise<void> {
  await executor
    .update(people)
    .set(changes)
    .where(and(eq(people.tenantCode, tenantCode), eq(people.id, id)));
}

// ── Enforcement certificates ─────────────────────────────────────────────────

export interface CertificateQuery {
  search?: string | undefined;
  organizationId?: string | undefined;
  personId?: string | undefined;
  status?: string | undefined;
  validOn?: string | undefined;
}

const holder = alias(people, 'certificate_holder');
const holderOrganization = alias(organizations, 'holder_organization');

function certificateConditions(ctx: ServiceContext, query: CertificateQuery): SQL | undefined {
  return and(
    eq(enforcementCertificates.tenantCode, ctx.tenantCode),
    organizationScope(ctx, holder.organizationId),
    query.search
      ? or(
          ilike(enforcementCertificates.number, likePattern(query.search)),
          ilike(holder.name, likePattern(query.search)),
        )
      : undefined,
    query.organizationId ? eq(holder.organizationId, query.organizationId) : undefined,
    query.personId ? eq(enforcementCertificates.personId, query.personId) : undefined,
    query.status ? eq(enforcementCertificates.status, query.status) : undefined,
    ...(query.validOn
      ? [
          eq(enforcementCertificates.status, 'valid'),
          lte(enforcementCertificates.issuedOn, query.validOn),
          gte(enforcementCertificates.expiresOn, query.validOn),
        ]
      : []),
  );
}

function selectCertificateRecords(executor: Executor) {
  return executor
    .select({
      certificate: enforcementCertificates,
      personName: holder.name,
      organizationId: holder.organizationId,
      organizationName: holderOrganization.name,
      organizationPath: holderOrganization.path,
    })
    .from(enforcementCertificates)
    .innerJoin(
      holder,
      and(
        eq(holder.tenantCode, enforcementCertificates.tenantCode),
        eq(holder.id, enforcementCertificates.personId),
      ),
    )
    .innerJoin(
      holderOrganization,
      and(
        eq(holderOrganization.tenantCode, holder.tenantCode),
        eq(holderOrganization.id, holder.organizationId),
      ),
    );
}

const toCertificateRecord = (row: {
  certificate: CertificateRow;
  personName: string;
  organizationId: string;
  organizationName: string;
  organizationPath: string;
}): CertificateRecord => ({
  ...row.certificate,
  personName: row.personName,
  organizationId: row.organizationId,
  organizationName: row.organizationName,
  organizationPath: row.organizationPath,
});

export async function countCertificates(ctx: ServiceContext, query: CertificateQuery): Promise<number> {
  const [row] = await ctx.tx
    .select({ n: count() })
    .from(enforcementCertificates)
    .innerJoin(
      holder,
      and(
        eq(holder.tenantCode, enforcementCertificates.tenantCode),
        eq(holder.id, enforcementCertificates.personId),
      ),
    )
    .where(certificateConditions(ctx, query));
  return row?.n ?? 0;
}

export async function selectCertificates(
  ctx: ServiceContext,
  query: CertificateQuery,
  page?: PageRequest,
): Promise<CertificateRecord[]> {
  const base = selectCertificateRecords(ctx.tx)
    .where(certificateConditions(ctx, query))
    .orderBy(asc(holderOrganization.path), asc(holder.name), asc(enforcementCertificates.number));
  const rows = page ? await base.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : await base;
  return rows.map(toCertificateRecord);
}

export async function findCertificateInScope(
  ctx: ServiceContext,
  id: string,
): Promise<CertificateRecord | undefined> {
  const [row] = await selectCertificateRecords(ctx.tx).where(
    and(
      eq(enforcementCertificates.tenantCode, ctx.tenantCode),
      eq(enforcementCertificates.id, id),
      organizationScope(ctx, holder.organizationId),
    ),
  );
  return row ? toCertificateRecord(row) : undefined;
}

/** The certificate with this number anywhere in the tenant (numbers are unique per tenant). */
export async function findCertificateIdByNumber(
  executor: Executor,
  tenantCode: string,
  number: string,
): Promise<string | undefined> {
  const [row] = await executor
    .select({ id: enforcementCertificates.id })
    .from(enforcementCertificates)
    .where(
      and(eq(enforcementCertificates.tenantCode, tenantCode), eq(enforcementCertificates.number, number)),
    );
  return row?.id;
}

/** Of these people, those holding a certificate valid on `date` (status valid, date within its term). */
export async function selectHoldersValidOn(
  executor: Executor,
  tenantCode: string,
  personIds: readonly string[],
  date: string,
): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await executor
    .selectDistinct({ personId: enforcementCertificates.personId })
    .from(enforcementCertificates)
    .innerJoin(
      people,
      and(
        eq(people.tenantCode, enforcementCertificates.tenantCode),
        eq(people.id, enforcementCertificates.personId),
      ),
    )
    .where(
      and(
        eq(enforcementCertificates.tenantCode, tenantCode),
        inArray(enforcementCertificates.personId, [...personIds]),
        eq(people.isActive, true),
        eq(enforcementCertificates.status, 'valid'),
        lte(enforcementCertificates.issuedOn, date),
        gte(enforcementCertificates.expiresOn, date),
      ),
    );
  return rows.map((row) => row.personId);
}

/** A serving person's certificate valid on `date`, the person's organization lying under one of `paths`. */
export interface CertifiedOfficerRow {
  personId: string;
  name: string;
  organizationId: string;
  organizationPath: string;
  certificateNumber: string;
}

/**
 * Everyone serving in the subtrees at `paths` who holds a certificate valid on `date` (status
 * valid, the date within its term), one row per person with the certificate that runs longest,
 * in person-id order: the 执法检查人员名录库 that random inspections draw from.
 */
export async function selectCertifiedOfficersUnder(
  executor: Executor,
  tenantCode: string,
  paths: readonly string[],
  date: string,
): Promise<CertifiedOfficerRow[]> {
  if (paths.length === 0) return [];
  const patterns = sql`ARRAY[${sql.join(
    paths.map((path) => sql`${`${path}%`}`),
    sql`, `,
  )}]::text[]`;
  const rows = await queryRows<{
    person_id: string;
    name: string;
    organization_id: string;
    organization_path: string;
    certificate_number: string;
  }>(
    executor,
    sql`
    SELECT DISTINCT ON (p.id) p.id AS person_id, p.name, p.organization_id, o.path AS organization_path,
           c.number AS certificate_number
      FROM ${people} p
      JOIN ${organizations} o ON o.tenant_code = p.tenant_code AND o.id = p.organization_id
      JOIN ${enforcementCertificates} c ON c.tenant_code = p.tenant_code AND c.person_id = p.id
     WHERE p.tenant_code = ${tenantCode} AND p.is_active AND o.path LIKE ANY (${patterns})
       AND c.status = 'valid' AND c.issued_on <= ${date} AND c.expires_on >= ${date}
     ORDER BY p.id, c.expires_on DESC`,
  );
  return rows.map((row) => ({
    personId: row.person_id,
    name: row.name,
    organizationId: row.organization_id,
    organizationPath: row.organization_path,
    certificateNumber: row.certificate_number,
  }));
}

/** Organization names by id (any scope: names are not confidential), for labels in lists and documents. */
export async function organizationNamesById(
  executor: Executor,
  tenantCode: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await executor
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.tenantCode, tenantCode), inArray(organizations.id, unique)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function insertCertificate(
  executor: Executor,
  row: typeof enforcementCertificates.$inferInsert,
): Promise<void> {
  await executor.insert(enforcementCertificates).values(row);
}

export async function updateCertificateRow(
  executor: Executor,
  tenantCode: string,
  id: string,
  changes: Partial<typeof enforcementCertificates.$inferInsert>,
): Promise<void> {
  await executor
    .update(enforcementCertificates)
    .set(changes)
    .where(and(eq(enforcementCertificates.tenantCode, tenantCode), eq(enforcementCertificates.id, id)));
}

/** Rewrites the path prefix of a whole subtree (the moved organization and everything under it). */
export async function movePathPrefix(
  executor: Executor,
  tenantCode: string,
  oldPrefix: string,
  newPrefix: string,
): Promise<number> {
  const moved = await executor
    .update(organizations)
    .set({ path: sql`${newPrefix} || substr(${organizations.path}, ${oldPrefix.length + 1})` })
    .where(and(eq(organizations.tenantCode, tenantCode), like(organizations.path, `${oldPrefix}%`)))
    .returning({ id: organizations.id });
  return moved.length;
}
