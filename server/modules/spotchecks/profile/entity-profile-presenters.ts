import {
  decisionOutcomeLabels,
  penaltyKindLabels,
  type PenaltyKind,
} from '../../../../contracts/enforcement';
import { publicationDisplayStatusLabels } from '../../../../contracts/publicity';
import {
  entityCommitmentKindLabels,
  entityCommitmentStatusLabels,
  spotCheckResultLabels,
  spotCheckTaskStateLabels,
  type EntityCaseView,
  type EntityCommitmentKind,
  type EntityCommitmentStatus,
  type EntityCommitmentView,
  type EntityPermitView,
  type PublicEntityCommitment,
  type EntityInspectionView,
  type PublicEntityInspection,
  type PublicEntitySummary,
  type SpotCheckResult,
  type SpotCheckTaskState,
} from '../../../../contracts/spotchecks';
import { getProcedure } from '../../../core/procedures/procedure-registry';
import { displayStatusOf } from '../../../core/publication/publication-presenters';
import { maskAddress, maskPersonalData } from '../../../core/publication/personal-data-masking';
import type { StoredPenalty } from '../../enforcement/enforcement-presenters';
import { procedureKeyOf } from '../../enforcement/enforcement-presenters';
import { formatYuan, toYuan } from '../../enforcement/enforcement-rules';
import type { EntityCommitmentRow, EntityRow } from '../spotcheck-tables';
import type {
  CasePublicationRow,
  EntityCaseRow,
  EntityTaskRow,
  LicensingDecisionRow,
} from './entity-profile-repository';

/**
 * What leaves the server of an entity profile: the console shape (its departments' cases, every
 * department's inspections) and the portal shape, which holds registration data and nothing that
 * has not been published — never the risk grade, the officers or an unpublished case.
 */

const publicationLabelOf = (
  publication: Pick<CasePublicationRow, 'status' | 'publicUntil'> | null,
  today: string,
): string | null =>
  publication ? publicationDisplayStatusLabels[displayStatusOf(publication, today)] : null;

export function presentEntityInspection(
  row: EntityTaskRow,
  options: {
    organizationNames: Map<string, string>;
    caseNumbers: Map<string, string>;
    today: string;
  },
): EntityInspectionView {
  const result = row.result as SpotCheckResult | null;
  const caseNumber = row.caseId ? (options.caseNumbers.get(row.caseId) ?? null) : null;
  return {
    taskId: row.taskId,
    planId: row.planId,
    planNumber: row.planNumber,
    planTitle: row.planTitle,
    year: row.year,
    organizationNames: row.organizationIds.map((id) => options.organizationNames.get(id) ?? '（未知部门）'),
    isJoint: row.isJoint,
    state: row.state as SpotCheckTaskState,
    stateLabel: spotCheckTaskStateLabels[row.state as SpotCheckTaskState] ?? row.state,
    inspectedOn: row.inspectedOn,
    result,
    resultLabel: result ? (spotCheckResultLabels[result] ?? result) : null,
    completedOn: row.completedOn,
    hasCase: row.caseId !== null,
    // a case of a department outside the reader's scope is not shown, not even its number
    caseId: caseNumber ? row.caseId : null,
    caseNumber,
    publicationStatusLabel: publicationLabelOf(
      row.publicationStatus === null ? null : { status: row.publicationStatus, publicUntil: row.publicUntil },
      options.today,
    ),
    publishedOn: row.publishedOn,
  };
}

/** A decided penalty in words: 警告；罚款 8,000.00 元；没收违法所得 3,000.00 元. */
export function penaltyText(stored: unknown): string | null {
  if (!stored || typeof stored !== 'object') return null;
  const penalty = stored as StoredPenalty;
  const parts = penalty.kinds.map((kind: PenaltyKind) =>
    kind === 'fine' && penalty.fineFen > 0
      ? `罚款 ${formatYuan(penalty.fineFen)}`
      : kind === 'confiscateGains' && penalty.confiscationFen > 0
        ? `没收违法所得 ${formatYuan(penalty.confiscationFen)}`
        : penaltyKindLabels[kind],
  );
  return parts.length > 0 ? parts.join('；') : penalty.detail;
}

export function presentEntityCase(
  row: EntityCaseRow,
  publication: CasePublicationRow | null,
  today: string,
): EntityCaseView {
  const outcome = row.decisionOutcome as EntityCaseView['decisionOutcome'];
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    title: row.title,
    state: row.state,
    stateLabel: getProcedure(procedureKeyOf(row)).states[row.state]?.label ?? row.state,
    registeredOn: row.registeredOn,
    decisionOutcome: outcome,
    decisionOutcomeLabel: outcome ? decisionOutcomeLabels[outcome] : null,
    decisionNumber: row.decisionNumber,
    decidedOn: row.decidedOn,
    decidedPenaltyText: outcome === 'penalty' ? penaltyText(row.decidedPenalty) : null,
    fineYuan: outcome === 'penalty' ? toYuan(row.fineFen) : 0,
    publicationStatusLabel: publicationLabelOf(publication, today),
    publishedOn: publication?.publishedOn ?? null,
  };
}

/**
 * An entity as the portal shows it. 个体工商户 (credit codes 92…) are run by a natural person, whose
 * registered address may be his home: it is kept only down to the township, as publications do.
 */
export function presentPublicEntity(row: Omit<EntityRow, 'searchVector'>): PublicEntitySummary {
  const isIndividualBusiness = row.creditCode.startsWith('92');
  return {
    creditCode: row.creditCode,
    name: maskPersonalData(row.name),
    industry: row.industry,
    address:
      row.address === null
        ? null
        : isIndividualBusiness
          ? maskAddress(row.address)
          : maskPersonalData(row.address),
  };
}

export function presentPublicInspection(
  row: {
    planNumber: string;
    planTitle: string;
    organizationIds: string[];
    result: string | null;
    completedOn: string | null;
    publishedOn: string | null;
    publicationId: string;
  },
  organizationNames: Map<string, string>,
): PublicEntityInspection {
  return {
    planNumber: row.planNumber,
    planTitle: row.planTitle,
    organizationNames: row.organizationIds.map((id) => organizationNames.get(id) ?? '（未知部门）'),
    resultLabel: spotCheckResultLabels[row.result as SpotCheckResult] ?? row.result ?? '',
    completedOn: row.completedOn,
    publishedOn: row.publishedOn,
    publicationId: row.publicationId,
  };
}

export function presentCommitment(row: EntityCommitmentRow, organizationName: string): EntityCommitmentView {
  const kind = row.kind as EntityCommitmentKind;
  const status = row.status as EntityCommitmentStatus;
  return {
    id: row.id,
    creditCode: row.creditCode,
    organizationId: row.organizationId,
    organizationName,
    kind,
    kindLabel: entityCommitmentKindLabels[kind] ?? row.kind,
    title: row.title,
    committedOn: row.committedOn,
    dueOn: row.dueOn,
    status,
    statusLabel: entityCommitmentStatusLabels[status] ?? row.status,
    settledOn: row.settledOn,
    breachNote: row.breachNote,
    recordedByName: row.recordedByName,
  };
}

/** A credit commitment is public by nature; the breach note and who recorded it are not. */
export function presentPublicCommitment(view: EntityCommitmentView): PublicEntityCommitment {
  return {
    title: maskPersonalData(view.title),
    organizationName: view.organizationName,
    kind: view.kind,
    kindLabel: view.kindLabel,
    committedOn: view.committedOn,
    dueOn: view.dueOn,
    status: view.status,
    statusLabel: view.statusLabel,
    settledOn: view.settledOn,
  };
}

/** 许可: the directory's licences first, then the published 行政许可决定 (already masked when published). */
export function presentPermits(
  licences: readonly string[],
  decisions: readonly LicensingDecisionRow[],
): EntityPermitView[] {
  return [
    ...licences.map((name): EntityPermitView => ({
      source: 'directory',
      name,
      organizationName: null,
      decidedOn: null,
      publicationId: null,
    })),
    ...decisions.map((row): EntityPermitView => ({
      source: 'licensingDecision',
      name: row.title,
      organizationName: row.organizationName,
      decidedOn: row.decidedOn,
      publicationId: row.id,
    })),
  ];
}
