import type { z } from 'zod';
import type { Role } from '../../../contracts/roles';
import type { DeadlineUnit, ProcedureEffect } from '../../../contracts/procedures';
import type { Actor } from '../context';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { DeadlineRecord } from './deadline-rules';

export type { DeadlineUnit, ProcedureEffect };

/**
 * A statutory workflow defined as data (DESIGN.md core mechanism 1): its states, and actions that
 * say who may do what from where, with which fields and documents, under which guards, and what
 * each does to the procedure's deadlines — every deadline with the article that sets it, so a
 * legal reviewer can check the definition against the statute.
 */

export interface ProcedureState {
  label: string;
  terminal?: boolean;
}

/** A deadline an action starts: its length, unit and the article that sets it. */
export interface DeadlineStart {
  key: string;
  label: string;
  length: number;
  unit: DeadlineUnit;
  citation: string;
}

/** An approved extension: at most `length` more units, taken from `lengthField` when given. */
export interface DeadlineExtension {
  key: string;
  length: number;
  lengthField?: string;
  reasonField: string;
  citation?: string;
}

export interface DeadlineEffects {
  starts?: DeadlineStart[];
  /** the deadline is met (the act it required was done) */
  meets?: string[];
  /** the period stops running (中止, expert appraisal, consultation…) */
  pauses?: string[];
  /** a paused period runs again; the paused span moves the due date */
  resumes?: string[];
  /** the period starts again from today (e.g. 政府信息公开条例 art. 30: from receipt of the 补正) */
  restarts?: string[];
  extends?: DeadlineExtension;
  /** the deadline no longer applies (the procedure ended another way) */
  cancels?: string[];
  /** the field whose text is recorded as the reason of a pause, restart or cancellation */
  reasonField?: string;
}

/** What a guard sees besides the instance and the action's fields. */
export interface GuardContext {
  today: string;
  calendar: WorkingDayCalendar;
  deadlines: readonly DeadlineRecord[];
  actor: Actor | null;
  /**
   * What the module that owns the subject knows and the instance's data does not (e.g. how many
   * of a case's officers hold a valid certificate today, whether an audio-video record exists),
   * computed by the module inside the same transaction and never taken from the user's input.
   */
  facts: Readonly<Record<string, unknown>>;
}

export interface InstanceView {
  id: string;
  procedureKey: string;
  state: string;
  organizationId: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  revision: number;
}

/** A Chinese reason when the action may not proceed, or null. */
export type Guard<Fields> = (instance: InstanceView, fields: Fields, context: GuardContext) => string | null;

export interface RequiredDocument {
  key: string;
  label: string;
}

type FieldsSchema = z.ZodType<Record<string, unknown>>;

export interface ProcedureActionSpec<Schema extends FieldsSchema> {
  name: string;
  label: string;
  from: readonly string[];
  /** the state after the action; absent: the instance stays in the state it was in (a record, a pause…) */
  to?: string;
  roles: readonly Role[];
  fields: Schema;
  requiredDocuments?: readonly RequiredDocument[];
  guards?: readonly Guard<z.output<Schema>>[];
  deadlines?: DeadlineEffects;
  effects?: readonly ProcedureEffect[];
  /** the article that grants or requires the action */
  citation?: string;
}

/** An action with its field type erased: the engine validates fields with `fields` before any guard sees them. */
export type ProcedureAction = Omit<ProcedureActionSpec<FieldsSchema>, 'guards'> & {
  guards: readonly Guard<Record<string, unknown>>[];
};

export interface ProcedureStartSpec<Schema extends FieldsSchema> {
  label: string;
  /** who may start it; the platform itself (a portal submission) always may */
  roles: readonly Role[];
  fields: Schema;
  deadlines?: Pick<DeadlineEffects, 'starts'>;
  effects?: readonly ProcedureEffect[];
}

export interface ProcedureDefinition {
  key: string;
  version: number;
  title: string;
  citation: string;
  states: Readonly<Record<string, ProcedureState>>;
  initialState: string;
  start: ProcedureStartSpec<FieldsSchema>;
  actions: readonly ProcedureAction[];
}

/** Declares one action, keeping its fields' type for its guards. */
export function defineAction<Schema extends FieldsSchema>(
  spec: ProcedureActionSpec<Schema>,
): ProcedureAction {
  return {
    ...spec,
    // Safe: perform() parses the fields with `spec.fields` before calling any guard.
    guards: (spec.guards ?? []).map(
      (guard) => (instance, fields, context) => guard(instance, fields as z.output<Schema>, context),
    ),
  };
}
