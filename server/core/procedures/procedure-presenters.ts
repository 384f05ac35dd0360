import {
  deadlineStatusLabels,
  deadlineUnitLabels,
  type DeadlineView,
  type ProcedureEffect,
} from '../../../contracts/procedures';
import type { ProcedureDefinition } from './procedure-definition';
import { isOverdue, type DeadlineRecord } from './deadline-rules';
import type { InstanceRow, StepRow } from './procedure-repository';
import type { NextAction, PerformResult, ProcedureDetail } from './procedure-service';

export function presentDeadline(deadline: DeadlineRecord, today: string): DeadlineView {
  return {
    id: deadline.id,
    instanceId: deadline.instanceId,
    organizationId: deadline.organizationId,
    key: deadline.key,
    label: deadline.label,
    citation: deadline.citation,
    startDate: deadline.startDate,
    length: deadline.length,
    unit: deadline.unit,
    lengthText: `${deadline.length}${deadlineUnitLabels[deadline.unit]}`,
    dueDate: deadline.dueDate,
    status: deadline.status,
    statusLabel: deadlineStatusLabels[deadline.status],
    isOverdue: isOverdue(deadline, today),
    pauses: deadline.pauses,
    extensions: deadline.extensions,
    history: deadline.history,
  };
}

export function presentInstance(instance: InstanceRow, definition: ProcedureDefinition) {
  const state = definition.states[instance.state];
  return {
    id: instance.id,
    procedureKey: instance.procedureKey,
    procedureVersion: instance.procedureVersion,
    procedureTitle: definition.title,
    subjectType: instance.subjectType,
    subjectId: instance.subjectId,
    organizationId: instance.organizationId,
    state: instance.state,
    stateLabel: state?.label ?? instance.state,
    isTerminal: Boolean(state?.terminal),
    data: (instance.data ?? {}) as Record<string, unknown>,
    revision: instance.revision,
    createdAt: instance.createdAt.toISOString(),
    updatedAt: instance.updatedAt.toISOString(),
  };
}

export function presentStep(step: StepRow, definition: ProcedureDefinition) {
  const stateLabel = (state: string) =>
    state === '' ? '（启动）' : (definition.states[state]?.label ?? state);
  const actionLabel =
    step.action === 'start'
      ? definition.start.label
      : (definition.actions.find((action) => action.name === step.action)?.label ?? step.action);
  return {
    id: step.id,
    action: step.action,
    actionLabel,
    fromState: step.fromState,
    fromStateLabel: stateLabel(step.fromState),
    toState: step.toState,
    toStateLabel: stateLabel(step.toState),
    actorName: step.actorName,
    fields: (step.fields ?? {}) as Record<string, unknown>,
    effects: step.effects as ProcedureEffect[],
    revision: step.revision,
    performedAt: step.performedAt.toISOString(),
  };
}

const presentNextAction = (action: NextAction) => action;

export function presentProcedureDetail(detail: ProcedureDetail, today: string) {
  return {
    instance: presentInstance(detail.instance, detail.definition),
    history: detail.steps.map((step) => presentStep(step, detail.definition)),
    deadlines: detail.deadlines.map((deadline) => presentDeadline(deadline, today)),
    nextActions: detail.nextActions.map(presentNextAction),
  };
}

export function presentPerformResult(result: PerformResult, today: string) {
  return {
    instance: presentInstance(result.instance, result.definition),
    deadlines: result.deadlines.map((deadline) => presentDeadline(deadline, today)),
    nextActions: result.nextActions.map(presentNextAction),
    effects: result.effects,
  };
}

export function presentDeadlineListItem(
  item: { deadline: DeadlineRecord; instance: InstanceRow },
  definition: ProcedureDefinition | null,
  today: string,
) {
  return {
    ...presentDeadline(item.deadline, today),
    procedureKey: item.instance.procedureKey,
    procedureTitle: definition?.title ?? item.instance.procedureKey,
    subjectType: item.instance.subjectType,
    subjectId: item.instance.subjectId,
    state: item.instance.state,
    stateLabel: definition?.states[item.instance.state]?.label ?? item.instance.state,
  };
}
