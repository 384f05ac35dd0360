import type { z } from 'zod';
import type { DeadlineListQuery } from '../../../contracts/procedures';
import { requireActor, requireRole } from '../access/authorize';
import { appendAuditEvent } from '../audit/append-audit-event';
import { loadWorkingDayCalendar } from '../calendar/load-calendar';
import { civilDate } from '../clock';
import { actorName, type Actor, type ServiceContext } from '../context';
import { newId } from '../db/ids';
import { AppError, notFound } from '../errors';
import { applyDeadlineEffects, type DeadlineChange } from './deadline-effects';
import type { DeadlineRecord } from './deadline-rules';
import type {
  InstanceView,
  ProcedureAction,
  ProcedureDefinition,
  ProcedureEffect,
  RequiredDocument,
} from './procedure-definition';
import { getProcedure } from './procedure-registry';
import {
  advanceInstance,
  findScopedInstance,
  findScopedOrganizationPath,
  insertInstance,
  insertStep,
  listInstanceDeadlines,
  listScopedOpenDeadlines,
  listSteps,
  saveDeadlines,
  type InstanceRow,
  type StepRow,
} from './procedure-repository';

export interface NextAction {
  name: string;
  label: string;
  requiredDocuments: RequiredDocument[];
}

export interface PerformResult {
  instance: InstanceRow;
  definition: ProcedureDefinition;
  deadlines: DeadlineRecord[];
  nextActions: NextAction[];
  effects: ProcedureEffect[];
}

export interface PerformInput {
  instanceId: string;
  action: string;
  fields?: Record<string, unknown>;
  /** document key → stored file id or content hash */
  documents?: Record<string, string>;
  expectedRevision?: number;
  /** what the guards may read besides the data and the fields (see GuardContext.facts) */
  facts?: Record<string, unknown>;
}

export interface StartProcedureInput {
  procedureKey: string;
  subjectType: string;
  subjectId: string;
  organizationId: string;
  fields?: Record<string, unknown>;
  documents?: Record<string, string>;
}

/** The platform's civil date (Asia/Shanghai) from the context's clock. */
export const todayOf = (ctx: Pick<ServiceContext, 'clock'>) => civilDate(ctx.clock.now());

/** Starts a procedure on a subject (a case, a request…) in its initial state, with its first deadlines. */
export async function startProcedure(
  ctx: ServiceContext,
  input: StartProcedureInput,
): Promise<PerformResult> {
  const definition = getProcedure(input.procedureKey);
  const organizationPath = await findScopedOrganizationPath(ctx, input.organizationId);
  if (organizationPath === null) throw notFound('机关');
  if (ctx.actor) requireRole(ctx, definition.start.roles, organizationPath);
  const fields = parseFields(definition.start.fields, input.fields ?? {});
  const today = todayOf(ctx);
  const calendar = await loadWorkingDayCalendar(ctx.tx);
  const instance = await insertInstance(ctx, {
    id: newId(),
    procedureKey: definition.key,
    procedureVersion: definition.version,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    organizationId: input.organizationId,
    state: definition.initialState,
    data: fields,
    revision: 0,
  });
  const changes = applyDeadlineEffects(definition.start.deadlines, [], {
    calendar,
    today,
    actor: ctx.actor,
    instanceId: instance.id,
    organizationId: instance.organizationId,
    action: 'start',
    actionLabel: definition.start.label,
    fields,
  });
  const effects = [...(definition.start.effects ?? [])];
  await insertStep(ctx, {
    id: newId(),
    instanceId: instance.id,
    action: 'start',
    fromState: '',
    toState: instance.state,
    actorUserId: ctx.actor?.userId ?? null,
    actorName: actorName(ctx.actor),
    fields: withDocuments(fields, input.documents),
    effects,
    revision: instance.revision,
    performedAt: ctx.clock.now(),
  });
  await saveDeadlines(ctx, changes);
  await appendAuditEvent(ctx, {
    action: 'procedure.start',
    entityType: 'procedureInstance',
    entityId: instance.id,
    organizationId: instance.organizationId,
    change: {
      procedureKey: definition.key,
      procedureVersion: definition.version,
      subjectType: instance.subjectType,
      subjectId: instance.subjectId,
      state: instance.state,
      fields,
      deadlines: summarizeChanges(changes),
      effects,
    },
  });
  return {
    instance,
    definition,
    deadlines: changes.map((change) => change.record),
    nextActions: nextActionsFor(ctx.actor, definition, instance.state, organizationPath),
    effects,
  };
}

/**
 * Performs one action of a procedure in the caller's transaction: scope, state, role, fields,
 * documents and guards are checked in that order; then the state moves (optimistic revision),
 * the step is recorded, deadlines are recomputed and the audit log gets the whole change.
 */
export async function perform(ctx: ServiceContext, input: PerformInput): Promise<PerformResult> {
  requireActor(ctx);
  const scoped = await findScopedInstance(ctx, input.instanceId);
  if (!scoped) throw notFound('办理事项');
  const { instance, organizationPath } = scoped;
  const definition = getProcedure(instance.procedureKey, instance.procedureVersion);
  const action = definition.actions.find((candidate) => candidate.name === input.action);
  if (!action) throw notFound(`操作「${input.action}」`);
  const stateLabel = definition.states[instance.state]?.label ?? instance.state;
  if (!action.from.includes(instance.state)) {
    const reason = `当前状态「${stateLabel}」不能执行「${action.label}」`;
    throw new AppError('TRANSITION_FORBIDDEN', reason, undefined, {
      reason,
      state: instance.state,
      action: action.name,
    });
  }
  requireRole(ctx, action.roles, organizationPath);
  if (input.expectedRevision !== undefined && input.expectedRevision !== instance.revision) {
    throw staleRevision(instance.revision);
  }
  const fields = parseFields(action.fields, input.fields ?? {});
  requireDocuments(action, input.documents);

  const today = todayOf(ctx);
  const calendar = await loadWorkingDayCalendar(ctx.tx);
  const deadlines = await listInstanceDeadlines(ctx, instance.id);
  const view = instanceView(instance);
  for (const guard of action.guards) {
    const reason = guard(view, fields, {
      today,
      calendar,
      deadlines,
      actor: ctx.actor,
      facts: input.facts ?? {},
    });
    if (reason)
      throw new AppError('TRANSITION_FORBIDDEN', reason, undefined, { reason, action: action.name });
  }

  const toState = action.to ?? instance.state;
  const changes = applyDeadlineEffects(action.deadlines, deadlines, {
    calendar,
    today,
    actor: ctx.actor,
    instanceId: instance.id,
    organizationId: instance.organizationId,
    action: action.name,
    actionLabel: action.label,
    fields,
  });
  const advanced = await advanceInstance(ctx, {
    id: instance.id,
    revision: instance.revision,
    state: toState,
    data: { ...view.data, ...fields },
  });
  if (!advanced) throw staleRevision(instance.revision);
  const effects = [...(action.effects ?? [])];
  await insertStep(ctx, {
    id: newId(),
    instanceId: instance.id,
    action: action.name,
    fromState: instance.state,
    toState,
    actorUserId: ctx.actor?.userId ?? null,
    actorName: actorName(ctx.actor),
    fields: withDocuments(fields, input.documents),
    effects,
    revision: advanced.revision,
    performedAt: ctx.clock.now(),
  });
  await saveDeadlines(ctx, changes);
  await appendAuditEvent(ctx, {
    action: `procedure.${action.name}`,
    entityType: 'procedureInstance',
    entityId: instance.id,
    organizationId: instance.organizationId,
    change: {
      procedureKey: definition.key,
      action: action.name,
      fromState: instance.state,
      toState,
      revision: advanced.revision,
      fields: withDocuments(fields, input.documents),
      deadlines: summarizeChanges(changes),
      effects,
    },
  });
  const changed = new Map(changes.map((change) => [change.record.id, change.record]));
  const allDeadlines = [
    ...deadlines.map((deadline) => changed.get(deadline.id) ?? deadline),
    ...changes.filter((change) => change.isNew).map((change) => change.record),
  ];
  return {
    instance: advanced,
    definition,
    deadlines: allDeadlines,
    nextActions: nextActionsFor(ctx.actor, definition, advanced.state, organizationPath),
    effects,
  };
}

export interface ProcedureDetail {
  instance: InstanceRow;
  definition: ProcedureDefinition;
  steps: StepRow[];
  deadlines: DeadlineRecord[];
  nextActions: NextAction[];
}

/** One procedure as its reader in scope sees it: state, history, deadlines and the actions open to them. */
export async function getProcedureDetail(ctx: ServiceContext, instanceId: string): Promise<ProcedureDetail> {
  requireActor(ctx);
  const scoped = await findScopedInstance(ctx, instanceId);
  if (!scoped) throw notFound('办理事项');
  const definition = getProcedure(scoped.instance.procedureKey, scoped.instance.procedureVersion);
  return {
    instance: scoped.instance,
    definition,
    steps: await listSteps(ctx, instanceId),
    deadlines: await listInstanceDeadlines(ctx, instanceId),
    nextActions: nextActionsFor(ctx.actor, definition, scoped.instance.state, scoped.organizationPath),
  };
}

export interface DeadlineListing {
  today: string;
  items: { deadline: DeadlineRecord; instance: InstanceRow }[];
}

/**
 * Overdue deadlines (open, due before today) or those due soon (open, due from today up to the
 * Nth working day after it; 3 by default), in the actor's scope, by the clock's civil date.
 */
export async function listDeadlines(
  ctx: ServiceContext,
  query: { status: DeadlineListQuery['status']; withinWorkingDays?: number | undefined },
): Promise<DeadlineListing> {
  requireActor(ctx);
  const today = todayOf(ctx);
  if (query.status === 'overdue') {
    return { today, items: await listScopedOpenDeadlines(ctx, { dueBefore: today }) };
  }
  const calendar = await loadWorkingDayCalendar(ctx.tx);
  // A display filter, not a legal deadline: past the calendar's last year it approximates (Mon–Fri) rather than refuse.
  const until = calendar.approximateAddWorkingDays(today, query.withinWorkingDays ?? 3);
  return { today, items: await listScopedOpenDeadlines(ctx, { dueFrom: today, dueTo: until }) };
}

/** The actions the actor could take now from `state` on an instance of the organization at `organizationPath`. */
export function nextActionsFor(
  actor: Actor | null,
  definition: ProcedureDefinition,
  state: string,
  organizationPath: string,
): NextAction[] {
  if (!actor) return [];
  return definition.actions
    .filter(
      (action) =>
        action.from.includes(state) &&
        actor.roles.some(
          (held) => action.roles.includes(held.role) && organizationPath.startsWith(held.organizationPath),
        ),
    )
    .map((action) => ({
      name: action.name,
      label: action.label,
      requiredDocuments: [...(action.requiredDocuments ?? [])],
    }));
}

function instanceView(instance: InstanceRow): InstanceView {
  return {
    id: instance.id,
    procedureKey: instance.procedureKey,
    state: instance.state,
    organizationId: instance.organizationId,
    subjectType: instance.subjectType,
    subjectId: instance.subjectId,
    data: (instance.data ?? {}) as Record<string, unknown>,
    revision: instance.revision,
  };
}

/** The fields parsed by the action's schema, or 400 naming the first bad field (`fields.<name>`). */
function parseFields(
  schema: z.ZodType<Record<string, unknown>>,
  input: Record<string, unknown>,
): Record<string, unknown> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const field = path ? `fields.${path}` : 'fields';
  throw new AppError(
    'VALIDATION_FAILED',
    `字段「${path || 'fields'}」${issue?.message ?? '格式不正确'}`,
    field,
  );
}

function requireDocuments(action: ProcedureAction, documents: Record<string, string> | undefined): void {
  for (const document of action.requiredDocuments ?? []) {
    const value = documents?.[document.key];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new AppError(
        'VALIDATION_FAILED',
        `缺少必需的文书「${document.label}」`,
        `documents.${document.key}`,
      );
    }
  }
}

function withDocuments(fields: Record<string, unknown>, documents: Record<string, string> | undefined) {
  return documents && Object.keys(documents).length > 0 ? { ...fields, documents } : fields;
}

function staleRevision(current: number): AppError {
  return new AppError('CONFLICT', '该事项已被他人更新，请刷新后重试', 'expectedRevision', {
    currentRevision: current,
  });
}

function summarizeChanges(changes: DeadlineChange[]) {
  return changes.map((change) => ({
    deadlineId: change.record.id,
    key: change.record.key,
    event: change.event,
    status: change.record.status,
    previousDueDate: change.previousDueDate,
    dueDate: change.record.dueDate,
    citation: change.record.citation,
  }));
}
