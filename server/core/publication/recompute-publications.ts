import { appendAuditEvent } from '../audit/append-audit-event';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { selectPublicationsAwaitingDueDates, updatePublication } from './publication-repository';
import {
  periodEndOn,
  publicationRuleFor,
  type PublicationField,
  type PublicationPeriod,
  type PublishedDecisionKind,
} from './publication-rules';

/**
 * The end of a publication period, or null with the reason when the calendar lacks a year it
 * reaches (the due date stays pending — never guessed — until an administrator enters the year).
 */
export function tryPeriodEndOn(
  period: PublicationPeriod,
  from: string,
  calendar: WorkingDayCalendar,
): { dueOn: string | null; missing: string | null } {
  try {
    return { dueOn: periodEndOn(period, from, calendar), missing: null };
  } catch (error) {
    if (error instanceof AppError && error.code === 'CALENDAR_YEAR_MISSING') {
      return { dueOn: null, missing: `到期日待定：${error.message}` };
    }
    throw error;
  }
}

export interface RecomputedPublication {
  publicationId: string;
  title: string;
  /** the publication's due date, or the withdrawal's */
  which: 'publish' | 'withdraw';
  dueOn: string;
}

/**
 * After a year's holidays are entered or corrected, computes the due dates that were left pending
 * for want of a year (and only those: a due date once known is not moved), each logged. One that
 * still reaches a year without data stays pending.
 */
export async function recomputePendingPublicationDueDates(
  ctx: ServiceContext,
  calendar: WorkingDayCalendar,
  year: number,
  noticeTitle: string,
): Promise<RecomputedPublication[]> {
  const recomputed: RecomputedPublication[] = [];
  for (const record of await selectPublicationsAwaitingDueDates(ctx, year)) {
    const rule = publicationRuleFor(record.field as PublicationField, record.kind as PublishedDecisionKind);
    const changes: { dueOn?: string; withdrawDueOn?: string } = {};
    if (record.dueOn === null) {
      const { dueOn } = tryPeriodEndOn(rule.publishWithin, record.decidedOn, calendar);
      if (dueOn !== null) changes.dueOn = dueOn;
    }
    if (
      record.status === 'withdrawn' &&
      record.publishedOn !== null &&
      record.withdrawEventOn !== null &&
      record.withdrawDueOn === null
    ) {
      const { dueOn } = tryPeriodEndOn(rule.withdrawWithin, record.withdrawEventOn, calendar);
      if (dueOn !== null) changes.withdrawDueOn = dueOn;
    }
    if (changes.dueOn === undefined && changes.withdrawDueOn === undefined) continue;
    await updatePublication(ctx, record.id, changes);
    await appendAuditEvent(ctx, {
      action: 'publication.recomputeDue',
      entityType: 'publication',
      entityId: record.id,
      organizationId: record.organizationId,
      change: {
        year,
        note: `${year}年节假日安排录入或更正（${noticeTitle}）`,
        before: {
          ...(changes.dueOn === undefined ? {} : { dueOn: null }),
          ...(changes.withdrawDueOn === undefined ? {} : { withdrawDueOn: null }),
        },
        after: changes,
      },
    });
    if (changes.dueOn !== undefined) {
      recomputed.push({
        publicationId: record.id,
        title: record.title,
        which: 'publish',
        dueOn: changes.dueOn,
      });
    }
    if (changes.withdrawDueOn !== undefined) {
      recomputed.push({
        publicationId: record.id,
        title: record.title,
        which: 'withdraw',
        dueOn: changes.withdrawDueOn,
      });
    }
  }
  return recomputed;
}
