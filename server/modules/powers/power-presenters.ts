import type { ResolvedCitation } from '../../../contracts/law';
import {
  changeSetStateLabels,
  type ChangeSetState,
  type ChangeSetView,
  type ChangeView,
  type ItemContent,
  type ListKind,
  type ListVersionView,
  type PowerItemView,
} from '../../../contracts/powers';
import type { Actor } from '../../core/context';
import { getProcedure } from '../../core/procedures/procedure-registry';
import { nextActionsFor } from '../../core/procedures/procedure-service';
import { powerListAdjustmentKey } from './power-procedures';
import type { ChangeRow, ChangeSetRecord, ItemVersionRecord, ListVersionRow } from './power-repository';
import { itemStatusOn } from './power-rules';

/** What leaves the server. Items carry no personal data, so the console and the portal share one shape. */

/** An item version as shown on `date`; `legalBasis` replaces the stored resolution when given (re-resolved live). */
export function presentItem(
  record: ItemVersionRecord,
  date: string,
  legalBasis?: ResolvedCitation[],
): PowerItemView {
  return {
    id: record.itemId,
    organizationId: record.organizationId,
    organizationName: record.organizationName,
    listKind: record.listKind as ListKind,
    code: record.code,
    name: record.name,
    kind: record.kind,
    status: itemStatusOn(record, date),
    version: record.version,
    listVersion: record.listVersion,
    effectiveFrom: record.effectiveFrom,
    effectiveTo: record.effectiveTo,
    legalBasisText: record.legalBasisText,
    legalBasis: legalBasis ?? (record.legalBasis as ResolvedCitation[]),
    details: record.details,
  };
}

/** The content of an item version, as a change proposes it. */
export const contentOfVersion = (version: {
  code: string;
  name: string;
  kind: string | null;
  legalBasisText: string;
  details: Record<string, unknown>;
}): ItemContent => ({
  code: version.code,
  name: version.name,
  kind: version.kind,
  legalBasisText: version.legalBasisText,
  details: version.details,
});

export function presentChangeSet(record: ChangeSetRecord, actor: Actor | null): ChangeSetView {
  const definition = getProcedure(powerListAdjustmentKey);
  return {
    id: record.id,
    organizationId: record.organizationId,
    organizationName: record.organizationName,
    listKind: record.listKind as ListKind,
    title: record.title,
    reason: record.reason,
    basis: record.basis,
    effectiveOn: record.effectiveOn,
    state: record.state as ChangeSetState,
    listVersion: record.listVersion,
    changeCount: record.changeCount,
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    approvedAt: record.approvedAt?.toISOString() ?? null,
    procedureInstanceId: record.procedureInstanceId,
    revision: record.revision,
    nextActions: nextActionsFor(actor, definition, record.state, record.organizationPath).map((action) => ({
      name: action.name,
      label: action.label,
    })),
  };
}

export const stateLabelOf = (state: string) => changeSetStateLabels[state as ChangeSetState] ?? state;

export function presentChange(row: ChangeRow, current: ItemContent | null): ChangeView {
  return {
    id: row.id,
    ordinal: row.ordinal,
    changeType: row.changeType as ChangeView['changeType'],
    itemId: row.itemId,
    code: row.code,
    proposed: (row.proposed as ItemContent | null) ?? null,
    current,
    reason: row.reason,
  };
}

export const presentListVersion = (row: ListVersionRow & { changeSetTitle: string }): ListVersionView => ({
  version: row.version,
  effectiveOn: row.effectiveOn,
  itemCount: row.itemCount,
  changeSetId: row.changeSetId,
  changeSetTitle: row.changeSetTitle,
  approvedBy: row.approvedBy,
  approvedAt: row.approvedAt.toISOString(),
});
