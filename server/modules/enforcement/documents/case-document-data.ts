import type { PartyKind, RecordKind } from '../../../../contracts/enforcement';
import { findOfficers, findParties, findScopedCase, type OfficerRow } from '../enforcement-repository';
import { civilDate } from '../../../core/clock';
import type { ServiceContext } from '../../../core/context';
import { decryptField, loadFieldKey } from '../../../core/crypto/field-encryption';
import { notFound } from '../../../core/errors';
import { listSteps } from '../../../core/procedures/procedure-repository';
import { todayOf } from '../../../core/procedures/procedure-service';
import type { EnforcementCaseRow } from '../enforcement-tables';
import {
  findOrganizations,
  findPowerItemBasis,
  listCaseRecords,
  listGeneratedDocuments,
} from './case-document-repository';

/**
 * Everything the case documents print, gathered once: the case, the party (with the full ID
 * number, which documents served on the party may show), the enforcement body and the people's
 * government that hears an application for 行政复议, the officers with their certificate numbers,
 * every procedure step with its fields, the whole-process records and the documents so far.
 * The builders in case-document-specs.ts are pure functions of this.
 */

/** Who may read a case's documents: the working roles on the body's subtree, 领导 and 司法局. */

export interface DocumentParty {
  kind: PartyKind;
  name: string;
  creditCode: string | null;
  /** the full 身份证号码, decrypted; null for an enterprise or when none is kept */
  idNumber: string | null;
  idNumberMasked: string | null;
  legalRepresentative: string | null;
  address: string | null;
  phone: string | null;
}

export interface DocumentBody {
  id: string;
  /** the body's place in the organization tree, for the role checks */
  path: string;
  name: string;
  shortName: string | null;
  address: string | null;
  phone: string | null;
  /** the people's government above the body (行政复议法 2023 art. 24), when the tree has one */
  reviewOrganName: string | null;
}

export interface DocumentStep {
  action: string;
  fields: Record<string, unknown>;
  actorName: string;
  performedAt: Date;
  /** the civil date (Asia/Shanghai) it was performed on */
  performedOn: string;
}

export interface DocumentRecord {
  id: string;
  kind: RecordKind;
  title: string;
  content: string | null;
  recordedAt: Date;
  location: string | null;
  recordedByName: string;
  fileSha256: string | null;
}

export interface GeneratedDocument {
  id: string;
  kind: string;
  title: string;
  number: string | null;
  fileSha256: string;
  generatedAt: Date;
  generatedByName: string;
}

export interface CaseDocumentData {
  /** the date documents without a date of their own carry */
  today: string;
  case: EnforcementCaseRow;
  party: DocumentParty;
  body: DocumentBody;
  officers: Pick<OfficerRow, 'personId' | 'name' | 'certificateNumber'>[];
  /** the legal basis on the power item the case was brought under */
  powerItemBasis: string | null;
  /** oldest first */
  steps: DocumentStep[];
  /** oldest first */
  records: DocumentRecord[];
  /** oldest first */
  documents: GeneratedDocument[];
}

/** The people's government nearest above the body in the organization tree. */
async function reviewOrganOf(
  ctx: ServiceContext,
  body: { id: string; path: string },
): Promise<string | null> {
  const ancestorIds = body.path.split('/').filter((id) => id && id !== body.id);
  const ancestors = await findOrganizations(ctx, ancestorIds);
  const governments = ancestorIds
    .map((id) => ancestors.find((candidate) => candidate.id === id))
    .filter((candidate) => candidate?.kind === 'government');
  return governments.at(-1)?.name ?? null;
}

function decryptedIdNumber(ctx: ServiceContext, encrypted: string | null): string | null {
  if (!encrypted) return null;
  try {
    return decryptField(loadFieldKey(ctx.config), encrypted);
  } catch (error) {
    // a document is still printable with the masked number; the failure is for the operator
    ctx.logger.error({ err: error }, 'party ID number could not be decrypted');
    return null;
  }
}

/** The data of a case in the actor's scope (NOT_FOUND outside it), for its documents. */
export async function loadCaseDocumentData(ctx: ServiceContext, caseId: string): Promise<CaseDocumentData> {
  const scoped = await findScopedCase(ctx, caseId);
  if (!scoped) throw notFound('案件');
  const row = scoped.row;
  const today = todayOf(ctx);
  // one query after another: they share the caller's transaction
  const [party = null] = await findParties(ctx, [row.partyId]);
  const [organization] = await findOrganizations(ctx, [row.organizationId]);
  // in the order the case lists them, each with the certificate valid on the registration day
  const officerById = new Map(
    (await findOfficers(ctx, { personIds: row.officerPersonIds }, row.registeredOn)).map((officer) => [
      officer.personId,
      officer,
    ]),
  );
  const officers = row.officerPersonIds.flatMap((personId) => officerById.get(personId) ?? []);
  const powerItemBasis = await findPowerItemBasis(ctx, row.powerItemVersionId);
  const steps = await listSteps(ctx, row.instanceId);
  const records = await listCaseRecords(ctx, row.id);
  const documents = await listGeneratedDocuments(ctx, row.id);
  if (!party || !organization) throw notFound('案件');
  return {
    today,
    case: row,
    party: {
      kind: party.kind as PartyKind,
      name: party.name,
      creditCode: party.creditCode,
      idNumber: decryptedIdNumber(ctx, party.idNumberEncrypted),
      idNumberMasked: party.idNumberMasked,
      legalRepresentative: party.legalRepresentative,
      address: party.address,
      phone: party.phone,
    },
    body: {
      id: organization.id,
      path: scoped.organizationPath,
      name: organization.name,
      shortName: organization.shortName,
      address: organization.address,
      phone: organization.phone,
      reviewOrganName: await reviewOrganOf(ctx, { id: organization.id, path: scoped.organizationPath }),
    },
    officers,
    powerItemBasis,
    steps: steps.map((step) => ({
      action: step.action,
      fields: (step.fields ?? {}) as Record<string, unknown>,
      actorName: step.actorName,
      performedAt: step.performedAt,
      performedOn: civilDate(step.performedAt),
    })),
    records: records.map((record) => ({
      id: record.id,
      kind: record.kind as RecordKind,
      title: record.title,
      content: record.content,
      recordedAt: record.recordedAt,
      location: record.location,
      recordedByName: record.recordedByName,
      fileSha256: record.fileSha256,
    })),
    documents: documents.map((document) => ({
      id: document.id,
      kind: document.kind,
      title: document.title,
      number: document.number,
      fileSha256: document.fileSha256,
      generatedAt: document.generatedAt,
      generatedByName: document.generatedByName,
    })),
  };
}
