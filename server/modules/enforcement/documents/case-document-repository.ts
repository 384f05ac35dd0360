import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { ServiceContext } from '../../../core/context';
import { generatedDocuments, type GeneratedDocumentRow } from '../../../core/documents/document-tables';
import { enforcementCertificates, organizations, people } from '../../org/org-tables';
import { powerItemVersions } from '../../powers/power-tables';
import {
  enforcementCaseRecords,
  enforcementCases,
  enforcementParties,
  type EnforcementCaseRecordRow,
  type EnforcementPartyRow,
} from '../enforcement-tables';

/**
 * The reads and writes of case documents: the case in the actor's scope, and — once the case is
 * known to be in scope — what its documents print (party, body, officers, records, the power
 * item's legal basis) and the documents generated so far.
 */

/** The subject type under which a case's generated documents and attached files are kept. */
export const caseSubjectType = 'enforcementCase';

export async function findParty(ctx: ServiceContext, partyId: string): Promise<EnforcementPartyRow | null> {
  const [row] = await ctx.tx
    .select()
    .from(enforcementParties)
    .where(and(eq(enforcementParties.tenantCode, ctx.tenantCode), eq(enforcementParties.id, partyId)));
  return row ?? null;
}

export type OrganizationRow = typeof organizations.$inferSelect;

/** Organizations by id (the body and its ancestors, read for the heading and the 复议机关). */
export async function findOrganizations(
  ctx: ServiceContext,
  ids: readonly string[],
): Promise<OrganizationRow[]> {
  if (ids.length === 0) return [];
  return ctx.tx
    .select()
    .from(organizations)
    .where(and(eq(organizations.tenantCode, ctx.tenantCode), inArray(organizations.id, [...ids])));
}

export interface OfficerRow {
  personId: string;
  name: string;
  certificateNumber: string | null;
}

/**
 * The case's officers with the number of a certificate valid on `date` (else their latest
 * certificate's number, else none), in the order the case lists them.
 */
export async function findOfficers(
  ctx: ServiceContext,
  personIds: readonly string[],
  date: string,
): Promise<OfficerRow[]> {
  if (personIds.length === 0) return [];
  const rows = await ctx.tx
    .select({
      personId: people.id,
      name: people.name,
      number: enforcementCertificates.number,
      status: enforcementCertificates.status,
      issuedOn: enforcementCertificates.issuedOn,
      expiresOn: enforcementCertificates.expiresOn,
    })
    .from(people)
    .leftJoin(
      enforcementCertificates,
      and(
        eq(enforcementCertificates.tenantCode, people.tenantCode),
        eq(enforcementCertificates.personId, people.id),
      ),
    )
    .where(and(eq(people.tenantCode, ctx.tenantCode), inArray(people.id, [...personIds])))
    .orderBy(desc(enforcementCertificates.issuedOn));
  return personIds.flatMap((personId) => {
    const own = rows.filter((row) => row.personId === personId);
    const first = own[0];
    if (first === undefined) return [];
    const valid = own.find(
      (row) =>
        row.status === 'valid' &&
        row.issuedOn !== null &&
        row.expiresOn !== null &&
        row.issuedOn <= date &&
        row.expiresOn >= date,
    );
    return [{ personId, name: first.name, certificateNumber: (valid ?? first).number ?? null }];
  });
}

export async function listCaseRecords(
  ctx: ServiceContext,
  caseId: string,
): Promise<EnforcementCaseRecordRow[]> {
  return ctx.tx
    .select()
    .from(enforcementCaseRecords)
    .where(
      and(eq(enforcementCaseRecords.tenantCode, ctx.tenantCode), eq(enforcementCaseRecords.caseId, caseId)),
    )
    .orderBy(asc(enforcementCaseRecords.recordedAt), asc(enforcementCaseRecords.createdAt));
}

/** The legal basis as written on the power item version the case was brought under. */
export async function findPowerItemBasis(ctx: ServiceContext, versionId: string): Promise<string | null> {
  const [row] = await ctx.tx
    .select({ basis: powerItemVersions.legalBasisText })
    .from(powerItemVersions)
    .where(and(eq(powerItemVersions.tenantCode, ctx.tenantCode), eq(powerItemVersions.id, versionId)));
  return row?.basis ?? null;
}

/** The documents generated for a case, oldest first. */
export async function listGeneratedDocuments(
  ctx: ServiceContext,
  caseId: string,
): Promise<GeneratedDocumentRow[]> {
  return ctx.tx
    .select()
    .from(generatedDocuments)
    .where(
      and(
        eq(generatedDocuments.tenantCode, ctx.tenantCode),
        eq(generatedDocuments.subjectType, caseSubjectType),
        eq(generatedDocuments.subjectId, caseId),
      ),
    )
    .orderBy(asc(generatedDocuments.generatedAt), asc(generatedDocuments.id));
}

/** The 文号 a kind of document of this case was first given, if it was ever generated with one. */
export async function findFirstNumber(
  ctx: ServiceContext,
  caseId: string,
  kind: string,
): Promise<string | null> {
  const [row] = await ctx.tx
    .select({ number: generatedDocuments.number })
    .from(generatedDocuments)
    .where(
      and(
        eq(generatedDocuments.tenantCode, ctx.tenantCode),
        eq(generatedDocuments.subjectType, caseSubjectType),
        eq(generatedDocuments.subjectId, caseId),
        eq(generatedDocuments.kind, kind),
        isNotNull(generatedDocuments.number),
      ),
    )
    .orderBy(asc(generatedDocuments.generatedAt))
    .limit(1);
  return row?.number ?? null;
}

export async function insertGeneratedDocument(
  ctx: ServiceContext,
  values: Omit<typeof generatedDocuments.$inferInsert, 'tenantCode'>,
): Promise<GeneratedDocumentRow> {
  const [row] = await ctx.tx
    .insert(generatedDocuments)
    .values({ ...values, tenantCode: ctx.tenantCode })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * Locks the case row until the transaction ends, so two generations of the same document do not
 * both find it unnumbered and take two numbers.
 */
export async function lockCaseRow(ctx: ServiceContext, caseId: string): Promise<void> {
  await ctx.tx
    .select({ id: enforcementCases.id })
    .from(enforcementCases)
    .where(and(eq(enforcementCases.tenantCode, ctx.tenantCode), eq(enforcementCases.id, caseId)))
    .for('update');
}
