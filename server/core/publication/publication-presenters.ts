import type { PublicationStatus } from '../../../contracts/enforcement';
import {
  publicationDisplayStatusLabels,
  publicationKindLabels,
  type PublicationConsoleView,
  type PublicationDisplayStatus,
  type PublicDecision,
} from '../../../contracts/publicity';
import type { Actor } from '../context';
import { maskPersonalData } from './personal-data-masking';
import type { PublicationRecord } from './publication-repository';
import { publicationFieldLabels, type PublicationField } from './publication-rules';
import { publisherRoles, withdrawerRoles } from './publication-service';

/**
 * What leaves the server of a publication: the console shape (its deadlines, status and what the
 * user may do) and the portal shape, which carries the masked text and nothing else of the subject.
 */

/** The status shown: a published record past its publicity period is 已到期下网. */
export function displayStatusOf(
  record: Pick<PublicationRecord, 'status' | 'publicUntil'>,
  today: string,
): PublicationDisplayStatus {
  if (record.status === 'published' && record.publicUntil !== null && record.publicUntil < today) {
    return 'expired';
  }
  return record.status as PublicationStatus;
}

const holds = (actor: Actor | null, roles: readonly string[], organizationPath: string) =>
  Boolean(
    actor?.roles.some(
      (held) => roles.includes(held.role) && organizationPath.startsWith(held.organizationPath),
    ),
  );

/** A publication for the console (and for a case page: it satisfies the contract's PublicationView). */
export function presentPublication(
  record: PublicationRecord,
  options: { actor: Actor | null; today: string },
): PublicationConsoleView {
  const displayStatus = displayStatusOf(record, options.today);
  const mayWithdraw = holds(options.actor, withdrawerRoles, record.organizationPath);
  return {
    id: record.id,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    organizationId: record.organizationId,
    organizationName: record.organizationName,
    kind: record.kind,
    kindLabel: publicationKindLabels[record.kind] ?? record.kind,
    field: record.field,
    fieldLabel: publicationFieldLabels[record.field as PublicationField] ?? record.field,
    title: record.title,
    content: record.content,
    decidedOn: record.decidedOn,
    dueOn: record.dueOn,
    citation: record.citation,
    status: record.status as PublicationStatus,
    displayStatus,
    statusLabel: publicationDisplayStatusLabels[displayStatus],
    overdue: record.status === 'pending' && record.dueOn !== null && record.dueOn < options.today,
    publishedOn: record.publishedOn,
    publishedByName: record.publishedByName,
    // a due date still pending (the calendar lacks the year) is neither on time nor late until known
    onTime: record.publishedOn === null || record.dueOn === null ? null : record.publishedOn <= record.dueOn,
    publicUntil: record.publicUntil,
    withdrawReason: record.withdrawReason,
    withdrawEventOn: record.withdrawEventOn,
    withdrawnOn: record.withdrawnOn,
    withdrawDueOn: record.withdrawDueOn,
    withdrawOnTime:
      record.withdrawnOn !== null && record.withdrawDueOn !== null
        ? record.withdrawnOn <= record.withdrawDueOn
        : null,
    takenDownReason: record.takenDownReason,
    takenDownOn: record.takenDownOn,
    canPublish: displayStatus === 'pending' && holds(options.actor, publisherRoles, record.organizationPath),
    canWithdraw: (displayStatus === 'pending' || record.status === 'published') && mayWithdraw,
    canTakeDown: displayStatus === 'published' && mayWithdraw,
  };
}

/**
 * A decision as the portal shows it. The stored text was masked when created and checked when
 * published; it is masked once more here, so nothing unmasked can reach the portal by any path.
 */
export function presentPublicDecision(record: PublicationRecord): PublicDecision {
  const content = record.content;
  return {
    id: record.id,
    organizationId: record.organizationId,
    organizationName: record.organizationName,
    kindLabel: publicationKindLabels[record.kind] ?? record.kind,
    title: maskPersonalData(record.title),
    content: Object.fromEntries(
      Object.entries(content).map(([label, text]) => [label, maskPersonalData(text)]),
    ),
    decidedOn: record.decidedOn,
    publishedOn: record.publishedOn ?? record.decidedOn,
    publicUntil: record.publicUntil,
  };
}
