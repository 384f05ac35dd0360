import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { ServiceContext } from '../../../core/context';
import { generatedDocuments, type GeneratedDocumentRow } from '../../../core/documents/document-tables';
import { organizations } from '../../org/org-tables';
import { powerItemVersions } from '../../powers/power-tables';
import {
  enforcementCaseRecords,
  enforcementCases,
  type EnforcementCaseRecordRow,
} from '../enforcement-tables';

/**
 * The reads and writes of case documents: the case in the actor's scope, and — once the case is
 * known to be in scope — what its documents print (party, body, officers, records, the power
 * item's legal basis) and the documents generated so far.
 */

/** The subject type under which a case's generated documents and attached files are kept. */
export const caseSubjectType = 'enforcementCase';

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
