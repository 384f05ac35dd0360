import type {
  CaseRecordView,
  CaseView,
  DecisionOutcome,
  DiscretionOutcome,
  PenaltyKind,
  PenaltyView,
  RecordKind,
} from '../../../contracts/enforcement';
import { getProcedure } from '../../core/procedures/procedure-registry';
import type { OfficerRow, RecordWithFile } from './enforcement-repository';
import type { EnforcementCaseRow, EnforcementPartyRow } from './enforcement-tables';
import { ordinaryCaseProcedureKey, summaryCaseProcedureKey } from './case-procedures';
import { toYuan } from './enforcement-rules';

/** A penalty as kept in the case row (分). */
export interface StoredPenalty {
  kinds: PenaltyKind[];
  fineFen: number;
  confiscationFen: number;
  detail: string | null;
}

/** The discretion assessment as kept in the case row (分). */
export interface StoredDiscretion {
  benchmarkId: string | null;
  circumstanceKey: string | null;
  circumstanceLabel: string | null;
  outcome: DiscretionOutcome | null;
  fineMinFen: number | null;
  fineMaxFen: number | null;
  outsideRange: boolean;
  reason: string | null;
}

export const procedureKeyOf = (row: Pick<EnforcementCaseRow, 'procedure'>) =>
  row.procedure === 'summary' ? summaryCaseProcedureKey : ordinaryCaseProcedureKey;

export function presentPenalty(stored: unknown): PenaltyView | null {
  if (!stored || typeof stored !== 'object') return null;
  const penalty = stored as StoredPenalty;
  return {
    kinds: penalty.kinds,
    fineYuan: toYuan(penalty.fineFen),
    confiscationYuan: toYuan(penalty.confiscationFen),
    detail: penalty.detail,
  };
}

export function presentCase(
  row: EnforcementCaseRow,
  organizationName: string,
  party: EnforcementPartyRow,
  officers: readonly OfficerRow[],
  today: string,
): CaseView {
  const definition = getProcedure(procedureKeyOf(row));
  const discretion = row.discretion as StoredDiscretion | null;
  const officerById = new Map(officers.map((officer) => [officer.personId, officer]));
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    organizationId: row.organizationId,
    organizationName,
    procedure: row.procedure as CaseView['procedure'],
    source: row.source as CaseView['source'],
    sourceDetail: row.sourceDetail,
    title: row.title,
    powerItemId: row.powerItemId,
    powerItemCode: row.powerItemCode,
    powerItemName: row.powerItemName,
    field: row.field,
    party: {
      id: party.id,
      kind: party.kind as CaseView['party']['kind'],
      name: party.name,
      creditCode: party.creditCode,
      idNumberMasked: party.idNumberMasked,
      legalRepresentative: party.legalRepresentative,
      address: party.address,
      phone: party.phone,
    },
    state: row.state,
    stateLabel: definition.states[row.state]?.label ?? row.state,
    isMajor: row.isMajor,
    majorReasons: row.majorReasons,
    hearingEligible: row.hearingEligible,
    officers: row.officerPersonIds.map((personId) => {
      const officer = officerById.get(personId);
      return {
        personId,
        name: officer?.name ?? '（人员信息缺失）',
        certificateNumber: officer?.certificateNumber ?? null,
        certificateValid: officer?.certificateValid ?? false,
      };
    }),
    facts: row.facts,
    proposedPenalty: presentPenalty(row.proposedPenalty),
    decisionOutcome: row.decisionOutcome as DecisionOutcome | null,
    decidedPenalty: presentPenalty(row.decidedPenalty),
    decisionNumber: row.decisionNumber,
    legalReviewConclusion: row.legalReviewConclusion as CaseView['legalReviewConclusion'],
    discretion: discretion
      ? {
          benchmarkId: discretion.benchmarkId,
          circumstanceKey: discretion.circumstanceKey,
          circumstanceLabel: discretion.circumstanceLabel,
          outcome: discretion.outcome,
          fineMinYuan: discretion.fineMinFen === null ? null : toYuan(discretion.fineMinFen),
          fineMaxYuan: discretion.fineMaxFen === null ? null : toYuan(discretion.fineMaxFen),
          outsideRange: discretion.outsideRange,
          reason: discretion.reason,
        }
      : null,
    occurredOn: row.occurredOn,
    registeredOn: row.registeredOn,
    decidedOn: row.decidedOn,
    servedOn: row.servedOn,
    paidOn: row.paidOn,
    surchargeYuan: toYuan(row.surchargeFen),
    closedOn: row.closedOn,
    archivedOn: row.archivedOn,
    nextDueDate: row.nextDueDate,
    overdue: row.nextDueDate !== null && row.nextDueDate < today,
    instanceId: row.instanceId,
    revision: 0,
  };
}

export function presentRecord(row: RecordWithFile): CaseRecordView {
  return {
    id: row.id,
    kind: row.kind as RecordKind,
    title: row.title,
    content: row.content,
    fileSha256: row.fileSha256,
    fileName: row.fileName,
    mediaType: row.mediaType,
    size: row.size,
    recordedAt: row.recordedAt.toISOString(),
    location: row.location,
    recordedByName: row.recordedByName,
    state: row.state,
    createdAt: row.createdAt.toISOString(),
  };
}
