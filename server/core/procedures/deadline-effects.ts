import { deadlineUnitLabels } from '../../../contracts/procedures';
import type { Actor } from '../context';
import { actorName } from '../context';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { newId } from '../db/ids';
import { AppError } from '../errors';
import type { DeadlineEffects } from './procedure-definition';
import { tryComputeDueDate, type DeadlineHistoryEntry, type DeadlineRecord } from './deadline-rules';

export interface DeadlineChange {
  record: DeadlineRecord;
  isNew: boolean;
  previousDueDate: string | null;
  event: DeadlineHistoryEntry['event'];
}

interface EffectContext {
  calendar: WorkingDayCalendar;
  today: string;
  actor: Actor | null;
  instanceId: string;
  organizationId: string;
  action: string;
  actionLabel: string;
  fields: Record<string, unknown>;
}

const textField = (fields: Record<string, unknown>, name: string | undefined): string | null => {
  if (!name) return null;
  const value = fields[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

/**
 * Applies an action's deadline effects to the instance's deadlines and recomputes each one it
 * touched. Returns the changes to write; `existing` is not modified.
 */
export function applyDeadlineEffects(
  effects: DeadlineEffects | undefined,
  existing: readonly DeadlineRecord[],
  context: EffectContext,
): DeadlineChange[] {
  if (!effects) return [];
  const changes = new Map<string, DeadlineChange>();
  const current = (key: string): DeadlineChange | null => {
    const found = [...changes.values()].find((change) => change.record.key === key);
    if (found) return found;
    const record = [...existing].reverse().find((deadline) => deadline.key === key);
    if (!record) return null;
    const change: DeadlineChange = {
      record: structuredClone(record),
      isNew: false,
      previousDueDate: record.dueDate,
      event: 'recompute',
    };
    changes.set(record.id, change);
    return change;
  };
  const running = (key: string, verb: string): DeadlineChange => {
    const change = current(key);
    if (!change || (change.record.status !== 'open' && change.record.status !== 'paused')) {
      throw new AppError('TRANSITION_FORBIDDEN', `期限「${key}」没有在计时，不能${verb}`, undefined, {
        reason: `期限「${key}」没有在计时，不能${verb}`,
      });
    }
    return change;
  };
  const reason = textField(context.fields, effects.reasonField);
  const note = (text: string) => `${context.actionLabel}：${text}${reason ? `（${reason}）` : ''}`;

  for (const start of effects.starts ?? []) {
    const record: DeadlineRecord = {
      id: newId(),
      instanceId: context.instanceId,
      organizationId: context.organizationId,
      key: start.key,
      label: start.label,
      citation: start.citation,
      startDate: context.today,
      length: start.length,
      unit: start.unit,
      dueDate: null,
      status: 'open',
      pauses: [],
      extensions: [],
      history: [],
      metAt: null,
    };
    changes.set(record.id, { record, isNew: true, previousDueDate: null, event: 'start' });
    recompute(
      changes.get(record.id),
      context,
      'start',
      `${start.length}${deadlineUnitLabels[start.unit]}，依据${start.citation}`,
    );
  }
  for (const key of effects.pauses ?? []) {
    const change = running(key, '中止计时');
    if (change.record.status === 'paused') continue;
    change.record.status = 'paused';
    change.record.pauses.push({
      from: context.today,
      to: null,
      action: context.action,
      actionLabel: context.actionLabel,
      reason,
    });
    addHistory(change, context.today, 'pause', note('中止计时，恢复后顺延'));
  }
  for (const key of effects.resumes ?? []) {
    const change = running(key, '恢复计时');
    if (change.record.status !== 'paused') continue;
    closeOpenPause(change.record, context.today);
    change.record.status = 'open';
    recompute(change, context, 'resume', note('恢复计时，期限按中止的时间顺延'));
  }
  for (const key of effects.restarts ?? []) {
    const change = running(key, '重新计时');
    closeOpenPause(change.record, context.today);
    change.record.status = 'open';
    change.record.startDate = context.today;
    recompute(change, context, 'restart', note(`自${context.today}起重新计算`));
  }
  if (effects.extends) {
    const spec = effects.extends;
    const change = running(spec.key, '延长');
    const requested = spec.lengthField ? context.fields[spec.lengthField] : spec.length;
    const length = typeof requested === 'number' ? requested : spec.length;
    if (!Number.isInteger(length) || length <= 0 || length > spec.length) {
      throw new AppError(
        'VALIDATION_FAILED',
        `延长的期限必须是 1 到 ${spec.length} 之间的整数`,
        `fields.${spec.lengthField ?? 'length'}`,
      );
    }
    const extensionReason = textField(context.fields, spec.reasonField);
    if (!extensionReason) {
      throw new AppError('VALIDATION_FAILED', '必须写明延长期限的理由', `fields.${spec.reasonField}`);
    }
    change.record.extensions.push({
      on: context.today,
      length,
      reason: extensionReason,
      approvedBy: actorName(context.actor),
      approvedByUserId: context.actor?.userId ?? null,
      action: context.action,
      citation: spec.citation ?? null,
    });
    recompute(
      change,
      context,
      'extend',
      `${context.actionLabel}：延长${length}${deadlineUnitLabels[change.record.unit]}，经${actorName(context.actor)}批准（${extensionReason}）`,
    );
  }
  for (const key of effects.meets ?? []) {
    const change = current(key);
    if (!change || (change.record.status !== 'open' && change.record.status !== 'paused')) continue;
    closeOpenPause(change.record, context.today);
    change.record.status = 'met';
    change.record.metAt = new Date(`${context.today}T00:00:00+08:00`);
    const late = change.record.dueDate !== null && change.record.dueDate < context.today;
    addHistory(change, context.today, 'met', `${context.actionLabel}${late ? '（已超过期限）' : ''}`);
  }
  for (const key of effects.cancels ?? []) {
    const change = current(key);
    if (!change || (change.record.status !== 'open' && change.record.status !== 'paused')) continue;
    closeOpenPause(change.record, context.today);
    change.record.status = 'cancelled';
    addHistory(change, context.today, 'cancel', note('不再计时'));
  }
  return [...changes.values()].filter((change) => change.isNew || change.event !== 'recompute');
}

function closeOpenPause(record: DeadlineRecord, today: string): void {
  for (const pause of record.pauses) if (pause.to === null) pause.to = today;
}

function addHistory(
  change: DeadlineChange,
  on: string,
  event: DeadlineHistoryEntry['event'],
  note: string,
): void {
  change.event = event;
  change.record.history.push({
    on,
    event,
    previousDueDate: change.previousDueDate,
    dueDate: change.record.dueDate,
    note,
  });
}

function recompute(
  change: DeadlineChange | undefined,
  context: Pick<EffectContext, 'calendar' | 'today'>,
  event: DeadlineHistoryEntry['event'],
  note: string,
): void {
  if (!change) return;
  const { dueDate, missing } = tryComputeDueDate(context.calendar, change.record);
  change.record.dueDate = dueDate;
  addHistory(change, context.today, event, missing ? `${note}；到期日待定：${missing}` : note);
}
