import { findScopedCase } from '../enforcement-repository';
import { Readable } from 'node:stream';
import {
  caseDocumentKindLabels,
  caseDocumentKinds,
  type CaseDocumentKind,
  type CaseDocumentView,
} from '../../../../contracts/enforcement';
import type { Role } from '../../../../contracts/roles';
import { requireActor, requireRole } from '../../../core/access/authorize';
import { appendAuditEvent } from '../../../core/audit/append-audit-event';
import { yearOf } from '../../../core/calendar/civil-dates';
import { actorName, type ServiceContext } from '../../../core/context';
import { newId } from '../../../core/db/ids';
import { takeDocumentNumber } from '../../../core/documents/document-numbers';
import type { GeneratedDocumentRow } from '../../../core/documents/document-tables';
import { renderFormDocument } from '../../../core/documents/form-document';
import { renderOfficialDocument } from '../../../core/documents/official-document';
import { attachFile, storeFile } from '../../../core/files/file-service';
import { AppError, invalid, notFound } from '../../../core/errors';
import { getProcedure } from '../../../core/procedures/procedure-registry';
import { ordinaryCaseProcedureKey, summaryCaseProcedureKey } from '../case-procedures';
import type { EnforcementCaseRow } from '../enforcement-tables';
import { bodyDocumentCode } from '../enforcement-rules';
import { loadCaseDocumentData, type CaseDocumentData } from './case-document-data';
import {
  caseSubjectType,
  findFirstNumber,
  insertGeneratedDocument,
  listGeneratedDocuments,
  lockCaseRow,
} from './case-document-repository';
import { buildCaseDocument, caseDocumentSeries, type BuiltCaseDocument } from './case-document-specs';
import { renderCaseFileIndex } from './case-file-index';
import { penaltyOf } from './case-document-text';

/**
 * Case documents: which ones the case's state allows, generating one (numbered, rendered per
 * GB/T 9704, kept in the file store, attached to the case, listed and audited), and the list.
 */

/** Who may generate a case's documents: the working roles on the body's subtree. */
export const caseDocumentGeneratorRoles: readonly Role[] = ['officer', 'agencyHead', 'legalReviewer'];

const docxMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What besides the row decides which documents exist: the kinds of record made and the actions performed. */
export interface CaseDocumentPrerequisites {
  recordKinds: readonly string[];
  actions: readonly string[];
}

const afterReview = [
  'reviewing',
  'noticed',
  'hearingRequested',
  'hearingScheduled',
  'readyToDecide',
  'decided',
  'executing',
  'pendingClose',
  'closed',
  'archived',
];
const decidedOrLater = ['decided', 'executing', 'pendingClose', 'closed', 'archived'];
const executedOrLater = ['pendingClose', 'closed', 'archived'];
const closedOrLater = ['closed', 'archived'];

type Refusal = { code: 'state' | 'data'; reason: string } | null;

/**
 * Why a kind cannot be generated now (null: it can). `state` refusals are the case's stage, `data`
 * ones a missing record. The summary procedure (当场处罚, 行政处罚法 arts. 51–52) has only the
 * decision, its service receipt, the closing form and the index.
 */
function refusalOf(
  row: Pick<EnforcementCaseRow, 'procedure' | 'state' | 'proposedPenalty'>,
  present: CaseDocumentPrerequisites,
  kind: CaseDocumentKind,
): Refusal {
  const state = (states: string[], reason: string): Refusal =>
    states.includes(row.state) ? null : { code: 'state', reason };
  if (row.procedure === 'summary') {
    switch (kind) {
      case 'decision':
      case 'serviceReceipt':
        return null;
      case 'closingApproval':
        return state(executedOrLater, '案件执行完毕后才能制作结案审批表');
      case 'caseFileIndex':
        return state(closedOrLater, '案件结案后才能制作卷内文件目录');
      default:
        return { code: 'state', reason: '简易程序案件当场作出决定，不制作该文书' };
    }
  }
  switch (kind) {
    case 'registrationApproval':
      return null;
    case 'inspectionRecord':
      return present.recordKinds.includes('inspection')
        ? null
        : { code: 'data', reason: '本案还没有现场检查（勘验）记录，请先在执法记录中添加' };
    case 'inquiryRecord':
      return present.recordKinds.includes('inquiry')
        ? null
        : { code: 'data', reason: '本案还没有询问记录，请先在执法记录中添加' };
    case 'priorNotice':
      if (!afterReview.includes(row.state))
        return { code: 'state', reason: '调查终结并提出处理意见后才能制作事先告知书' };
      // 告知 is of a penalty to be imposed (art. 44); a proposal of no penalty has nothing to notify
      return (penaltyOf(row.proposedPenalty)?.kinds.length ?? 0) === 0 ||
        !present.actions.includes('concludeInvestigation')
        ? { code: 'data', reason: '本案还没有拟作出的行政处罚，不能制作事先告知书' }
        : null;
    case 'hearingNotice':
      return present.actions.includes('scheduleHearing')
        ? null
        : { code: 'state', reason: '登记听证的时间、地点和主持人（通知听证）后才能制作听证通知书' };
    case 'decision':
    case 'serviceReceipt':
      return state(decidedOrLater, '作出处罚决定后才能制作该文书');
    case 'closingApproval':
      return state(executedOrLater, '案件执行完毕后才能制作结案审批表');
    case 'caseFileIndex':
      return state(closedOrLater, '案件结案后才能制作卷内文件目录');
  }
}

/**
 * The documents that make sense in the case's present state, in the order of the contract.
 * The case detail passes the kinds of its records and the actions of its steps.
 */
export function availableCaseDocumentKinds(
  row: Pick<EnforcementCaseRow, 'procedure' | 'state' | 'proposedPenalty'>,
  present: CaseDocumentPrerequisites,
): CaseDocumentKind[] {
  return caseDocumentKinds.filter((kind) => refusalOf(row, present, kind) === null);
}

/** What the case page shows: the documents generated (newest first) and the kinds it may generate now. */
export async function caseDocumentsOfCase(
  ctx: ServiceContext,
  row: EnforcementCaseRow,
  present: CaseDocumentPrerequisites,
): Promise<{ documents: CaseDocumentView[]; availableDocuments: CaseDocumentKind[] }> {
  const documents = await listGeneratedDocuments(ctx, row.id);
  return {
    documents: documents.reverse().map(presentCaseDocument),
    availableDocuments: availableCaseDocumentKinds(row, present),
  };
}

export function presentCaseDocument(row: GeneratedDocumentRow): CaseDocumentView {
  const kind = row.kind as CaseDocumentKind;
  return {
    id: row.id,
    kind,
    label: caseDocumentKindLabels[kind] ?? row.title,
    number: row.number,
    fileSha256: row.fileSha256,
    generatedAt: row.generatedAt.toISOString(),
    generatedByName: row.generatedByName,
  };
}

/** Every document generated for a case in the actor's scope, each regeneration included, newest first. */
export async function listCaseDocuments(ctx: ServiceContext, caseId: string): Promise<CaseDocumentView[]> {
  requireActor(ctx);
  const scoped = await findScopedCase(ctx, caseId);
  if (!scoped) throw notFound('案件');
  return (await listGeneratedDocuments(ctx, caseId)).reverse().map(presentCaseDocument);
}

/**
 * The 文号 of the document: the one it was first given when it is regenerated; the decision's
 * number taken by the case service at the decision; the 立案编号 on the 立案审批表; otherwise the next
 * of its series for the body and year (示市监罚告〔2026〕3号).
 */
async function numberFor(ctx: ServiceContext, data: CaseDocumentData, kind: CaseDocumentKind) {
  if (kind === 'registrationApproval') return data.case.caseNumber;
  if (kind === 'decision' && data.case.decisionNumber) return data.case.decisionNumber;
  const series = caseDocumentSeries[kind];
  if (series === undefined) return null;
  const first = await findFirstNumber(ctx, data.case.id, kind);
  if (first) return first;
  const taken = await takeDocumentNumber(ctx, {
    organizationId: data.body.id,
    year: yearOf(data.today),
    series,
  });
  return `${bodyDocumentCode(data.body)}${series}${taken.suffix}`;
}

function render(built: BuiltCaseDocument): Promise<Buffer> {
  switch (built.format) {
    case 'official':
      return renderOfficialDocument(built.spec);
    case 'form':
      return renderFormDocument(built.spec);
    case 'index':
      return renderCaseFileIndex(built.spec);
  }
}

/**
 * Generates a document of the case from its data: scope (404), role on the body's subtree (403),
 * the case's state (409) or missing data (400 naming `kind`); then numbered, rendered, stored in the
 * file store for the body, attached to the case, listed and audited, in the caller's transaction.
 */
export async function generateCaseDocument(
  ctx: ServiceContext,
  caseId: string,
  kind: CaseDocumentKind,
): Promise<CaseDocumentView> {
  requireActor(ctx);
  const scoped = await findScopedCase(ctx, caseId);
  if (!scoped) throw notFound('案件');
  requireRole(ctx, caseDocumentGeneratorRoles, scoped.organizationPath);
  // two generations of one document wait for each other, so the second keeps the first's number
  await lockCaseRow(ctx, caseId);
  const data = await loadCaseDocumentData(ctx, caseId);
  const label = caseDocumentKindLabels[kind];
  const refusal = refusalOf(
    data.case,
    {
      recordKinds: data.records.map((record) => record.kind),
      actions: data.steps.map((step) => step.action),
    },
    kind,
  );
  if (refusal?.code === 'state') {
    const procedure = getProcedure(
      data.case.procedure === 'summary' ? summaryCaseProcedureKey : ordinaryCaseProcedureKey,
    );
    const stateLabel = procedure.states[data.case.state]?.label ?? data.case.state;
    throw new AppError(
      'TRANSITION_FORBIDDEN',
      `当前状态「${stateLabel}」不能制作「${label}」：${refusal.reason}`,
      'kind',
      {
        kind,
        state: data.case.state,
      },
    );
  }
  if (refusal) throw invalid('kind', `不能制作「${label}」：${refusal.reason}`);

  const number = await numberFor(ctx, data, kind);
  const built = buildCaseDocument(kind, data, number);
  if (!built) throw invalid('kind', `不能制作「${label}」：本案缺少该文书所需的记录`);
  const bytes = await render(built);
  const fileName = `${built.title}${number ? `-${number}` : ''}-${data.case.caseNumber}.docx`;
  const stored = await storeFile(ctx, {
    stream: Readable.from([bytes]),
    originalName: fileName,
    mediaType: docxMediaType,
    organizationId: data.body.id,
  });
  await attachFile(ctx, {
    sha256: stored.sha256,
    subjectType: caseSubjectType,
    subjectId: caseId,
    organizationId: data.body.id,
    label: number ? `${built.title}（${number}）` : built.title,
  });
  const row = await insertGeneratedDocument(ctx, {
    id: newId(),
    subjectType: caseSubjectType,
    subjectId: caseId,
    organizationId: data.body.id,
    kind,
    title: built.title,
    number,
    fileSha256: stored.sha256,
    generatedByName: actorName(ctx.actor),
    generatedAt: ctx.clock.now(),
  });
  await appendAuditEvent(ctx, {
    action: 'enforcementCase.generateDocument',
    entityType: caseSubjectType,
    entityId: caseId,
    organizationId: data.body.id,
    change: {
      documentId: row.id,
      kind,
      title: built.title,
      number,
      sha256: stored.sha256,
      regenerated: data.documents.some((document) => document.kind === kind),
    },
  });
  return presentCaseDocument(row);
}
