import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ServiceContext } from '../../../core/context';
import { enforcementCertificates, organizations, people } from '../../org/org-tables';

/**
 * Public reads of ex-ante and in-process publicity: the enforcement bodies, their officers with
 * certificates valid today, and one certificate by its number. Only public fields leave here —
 * never an ID number or a phone number of a person.
 */

const parent = alias(organizations, 'parent_organization');

export interface EnforcementBodyRecord {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  path: string;
  authorityType: string | null;
  enforcementField: string | null;
  address: string | null;
  phone: string | null;
  parentName: string | null;
}

/** An enforcement body: of kind enforcementBody, or a department with an enforcement field; active. */
function isEnforcementBody(): SQL {
  return and(
    eq(organizations.isActive, true),
    or(
      eq(organizations.kind, 'enforcementBody'),
      and(
        eq(organizations.kind, 'department'),
        isNotNull(organizations.enforcementField),
        ne(organizations.enforcementField, ''),
      ),
    ),
  ) as SQL;
}

/** Certificates valid on `today`: status valid, within their term, the holder still serving. */
function validCertificateOn(today: string): SQL {
  return and(
    eq(enforcementCertificates.status, 'valid'),
    lte(enforcementCertificates.issuedOn, today),
    gte(enforcementCertificates.expiresOn, today),
    eq(people.isActive, true),
  ) as SQL;
}

function bodySelect(ctx: ServiceContext) {
  return ctx.tx
    .select({
      id: organizations.id,
      name: organizations.name,
      shortName: organizations.shortName,
      kind: organizations.kind,
      path: organizations.path,
      authorityType: organizations.authorityType,
      enforcementField: organizations.enforcementField,
      address: organizations.address,
      phone: organizations.phone,
      parentName: parent.name,
    })
    .from(organizations)
    .leftJoin(
      parent,
      and(eq(parent.tenantCode, organizations.tenantCode), eq(parent.id, organizations.parentId)),
    );
}

/** Every active enforcement body of the tenant, in the organizations' order. */
export async function selectEnforcementBodies(ctx: ServiceContext): Promise<EnforcementBodyRecord[]> {
  return bodySelect(ctx)
    .where(and(eq(organizations.tenantCode, ctx.tenantCode), isEnforcementBody()))
    .orderBy(asc(organizations.sortOrder), asc(organizations.name));
}

export async function findEnforcementBody(
  ctx: ServiceContext,
  id: string,
): Promise<EnforcementBodyRecord | null> {
  const [row] = await bodySelect(ctx).where(
    and(eq(organizations.tenantCode, ctx.tenantCode), eq(organizations.id, id), isEnforcementBody()),
  );
  return row ?? null;
}

/** Per organization, the officers holding a certificate valid on `today`. */
export async function countValidOfficersByOrganization(
  ctx: ServiceContext,
  today: string,
): Promise<Map<string, number>> {
  const rows = await ctx.tx
    .select({
      organizationId: people.organizationId,
      n: sql<number>`count(DISTINCT ${enforcementCertificates.personId})::int`,
    })
    .from(enforcementCertificates)
    .innerJoin(
      people,
      and(
        eq(people.tenantCode, enforcementCertificates.tenantCode),
        eq(people.id, enforcementCertificates.personId),
      ),
    )
    .where(and(eq(enforcementCertificates.tenantCode, ctx.tenantCode), validCertificateOn(today)))
    .groupBy(people.organizationId);
  return new Map(rows.map((row) => [row.organizationId, row.n]));
}

/** The nearest government above an organization (its path's ancestors), or null. */
export async function findGovernmentAbove(
  ctx: ServiceContext,
  path: string,
): Promise<{ id: string; name: string } | null> {
  const ancestorIds = path.split('/').filter(Boolean).slice(0, -1);
  if (ancestorIds.length === 0) return null;
  const [row] = await ctx.tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(
      and(
        eq(organizations.tenantCode, ctx.tenantCode),
        inArray(organizations.id, ancestorIds),
        eq(organizations.kind, 'government'),
      ),
    )
    .orderBy(desc(sql`length(${organizations.path})`))
    .limit(1);
  return row ?? null;
}

/** The body's officers holding a certificate valid today: name, number, field, term — nothing else. */
export async function selectValidOfficers(
  ctx: ServiceContext,
  organizationId: string,
  today: string,
): Promise<{ name: string; certificateNumber: string; field: string; validUntil: string }[]> {
  return ctx.tx
    .select({
      name: people.name,
      certificateNumber: enforcementCertificates.number,
      field: enforcementCertificates.field,
      validUntil: enforcementCertificates.expiresOn,
    })
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
        eq(enforcementCertificates.tenantCode, ctx.tenantCode),
        eq(people.organizationId, organizationId),
        validCertificateOn(today),
      ),
    )
    .orderBy(asc(enforcementCertificates.number));
}

export interface CertificateCheckRecord {
  number: string;
  field: string;
  issuedBy: string;
  issuedOn: string;
  expiresOn: string;
  status: string;
  holderName: string;
  holderIsActive: boolean;
  organizationId: string;
  organizationName: string;
}

/** The certificate with this number (unique in the tenant), with its holder's name and body. */
export async function findCertificateByNumber(
  ctx: ServiceContext,
  number: string,
): Promise<CertificateCheckRecord | null> {
  const [row] = await ctx.tx
    .select({
      number: enforcementCertificates.number,
      field: enforcementCertificates.field,
      issuedBy: enforcementCertificates.issuedBy,
      issuedOn: enforcementCertificates.issuedOn,
      expiresOn: enforcementCertificates.expiresOn,
      status: enforcementCertificates.status,
      holderName: people.name,
      holderIsActive: people.isActive,
      organizationId: organizations.id,
      organizationName: organizations.name,
    })
    .from(enforcementCertificates)
    .innerJoin(
      people,
      and(
        eq(people.tenantCode, enforcementCertificates.tenantCode),
        eq(people.id, enforcementCertificates.personId),
      ),
    )
    .innerJoin(
      organizations,
      and(eq(organizations.tenantCode, people.tenantCode), eq(organizations.id, people.organizationId)),
    )
    .where(
      and(eq(enforcementCertificates.tenantCode, ctx.tenantCode), eq(enforcementCertificates.number, number)),
    );
  return row ?? null;
}
