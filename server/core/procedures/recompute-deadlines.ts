import { appendAuditEvent } from '../audit/append-audit-event';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { ServiceContext } from '../context';
import { tryComputeDueDate } from './deadline-rules';
import { listRunningDeadlinesTouchingYear, saveDeadlines } from './procedure-repository';
import { todayOf } from './procedure-service';

export interface RecomputedDeadline {
  deadlineId: string;
  instanceId: string;
  label: string;
  previousDueDate: string | null;
  dueDate: string | null;
}

/**
 * After a year's holidays are entered or corrected, recomputes every running deadline that
 * reaches that year; each one whose due date moves (or becomes known) is written with a history
 * entry and logged to the audit log.
 */
export async function recomputeDeadlinesForYear(
  ctx: ServiceContext,
  calendar: WorkingDayCalendar,
  year: number,
  noticeTitle: string,
): Promise<RecomputedDeadline[]> {
  const today = todayOf(ctx);
  const recomputed: RecomputedDeadline[] = [];
  for (const deadline of await listRunningDeadlinesTouchingYear(ctx, year)) {
    const { dueDate, missing } = tryComputeDueDate(calendar, deadline);
    if (dueDate === deadline.dueDate) continue;
    const previousDueDate = deadline.dueDate;
    const record = {
      ...deadline,
      dueDate,
      history: [
        ...deadline.history,
        {
          on: today,
          event: 'recompute' as const,
          previousDueDate,
          dueDate,
          note: `${year}年节假日安排录入或更正（${noticeTitle}）${missing ? `；到期日待定：${missing}` : ''}`,
        },
      ],
    };
    await saveDeadlines(ctx, [{ record, isNew: false }]);
    await appendAuditEvent(ctx, {
      action: 'deadline.recompute',
      entityType: 'deadline',
      entityId: deadline.id,
      organizationId: deadline.organizationId,
      change: {
        instanceId: deadline.instanceId,
        key: deadline.key,
        year,
        before: { dueDate: previousDueDate },
        after: { dueDate },
      },
    });
    recomputed.push({
      deadlineId: deadline.id,
      instanceId: deadline.instanceId,
      label: deadline.label,
      previousDueDate,
      dueDate,
    });
  }
  return recomputed;
}
