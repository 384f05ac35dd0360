import { randomBytes } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../../../contracts/roles';
import {
  cancelPlanSchema,
  createPlanSchema,
  drawInputSchema,
  drawPlanInputSchema,
  spotCheckPlanStateLabels,
  spotCheckTriggerLabels,
  type CreatePlanInput,
  type DrawRecord,
  type PlanListParams,
  type RiskGrade,
  type SpotCheckPlanDetail,
  type SpotCheckPlanState,
  type SpotCheckPlanView,
  type SpotCheckTrigger,
} from '../../../../contracts/spotchecks';
import { requireActor, requireRole } from '../../../core/access/authorize';
import { organizationScope } from '../../../core/access/scope';
import { appendAuditEvent } from '../../../core/audit/append-audit-event';
import { actorName, type ServiceContext } from '../../../core/context';
import { decryptField, encryptField, loadFieldKey } from '../../../core/crypto/field-encryption';
import { newId } from '../../../core/db/ids';
import { takeDocumentNumber } from '../../../core/documents/document-numbers';
import { AppError, invalid, notFound } from '../../../core/errors';
import { readBlob, writeBlob } from '../../../core/files/file-storage';
import { getProcedure } from '../../../core/procedures/procedure-registry';
import { listSteps } from '../../../core/procedures/procedure-repository';
import { presentStep } from '../../../core/procedures/procedure-presenters';
import { nextActionsFor, perform, startProcedure, todayOf } from '../../../core/procedures/procedure-service';
import { bodyDocumentCode } from '../../enforcement/enforcement-rules';
import { organizationNamesById } from '../../org/org-repository';
import { organizations } from '../../org/org-tables';
import { listPowerItemsOfKind } from '../../powers/power-service';
import {
  DrawError,
  drawCommitment,
  drawInputDigest,
  drawInputProblem,
  runDraw,
} from '../draw/draw-algorithm';
import { recordDraw } from '../draw/verify-draw';
import { entities, spotCheckPlans, spotCheckTasks, type SpotCheckPlanRow } from '../spotcheck-tables';
import { buildDrawInput } from './draw-input';
import { spotCheckPlanProcedureKey, spotCheckTaskProcedureKey } from './spotcheck-procedures';

/**
 * 抽查计划: made by a department (or several, jointly), committed — the population frozen, the
 * commitment to a secret published — then drawn: the secret revealed, entities and inspectors
 * drawn by the published algorithm into tasks, and the whole record published for anyone to
 * re-run. Each step is an action of the `spot-check-plan` procedure, audited.
 */

export const planSubjectType = 'spotCheckPlan';
export const taskSubjectType = 'spotCheckTask';
export const planReaderRoles: readonly Role[] = [
  'officer',
  'agencyHead',
  'liaison',
  'legalReviewer',
  'justiceBureau',
  'leader',
];

interface Department {
  id: string;
  name: string;
  path: string;
  shortName: string | null;
  enforcementField: string | null;
}

async function departmentsByIds(ctx: ServiceContext, ids: readonly string[]): Promise<Department[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.tx
    .select({
      id: organizations.id,
      name: organizations.name,
      path: organizations.path,
      shortName: organizations.shortName,
      enforcementField: organizations.enforcementField,
      isActive: organizations.isActive,
    })
    .from(organizations)
    .where(and(eq(organizations.tenantCode, ctx.tenantCode), inArray(organizations.id, [...ids])));
  const byId = new Map(rows.filter((row) => row.isActive).map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

/** A draw refusal names departments by id (the algorithm knows no names); a clerk reads names. */
const withDepartmentNames = (message: string, departments: readonly Department[]) =>
  departments.reduce((text, department) => text.replaceAll(department.id, department.name), message);

/** Plans the actor may see: the lead department in scope, or one of the joint departments. */
function planScope(ctx: ServiceContext): SQL {
  return or(
    organizationScope(ctx, spotCheckPlans.organizationId, planReaderRoles),
    sql`EXISTS (SELECT 1 FROM unnest(${spotCheckPlans.organizationIds}) AS partner(id) WHERE ${organizationScope(
      ctx,
      sql`partner.id`,
      planReaderRoles,
    )})`,
  ) as SQL;
}

async function findPlan(ctx: ServiceContext, id: string, forUpdate = false): Promise<SpotCheckPlanRow> {
  const query = ctx.tx
    .select()
    .from(spotCheckPlans)
    .where(and(eq(spotCheckPlans.tenantCode, ctx.tenantCode), eq(spotCheckPlans.id, id), planScope(ctx)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('抽查计划');
  return row;
}

// ── Writes ───────────────────────────────────────────────────────────────────

/** Drafts a plan: departments, items of their 随机抽查事项清单 in force today, filter, ratios, period. */
export async function createPlan(ctx: ServiceContext, raw: CreatePlanInput): Promise<SpotCheckPlanRow> {
  requireActor(ctx);
  const input = createPlanSchema.parse(raw);
  const today = todayOf(ctx);
  if (new Set(input.organizationIds).size !== input.organizationIds.length) {
    throw invalid('organizationIds', '抽查部门不能重复');
  }
  const departments = await departmentsByIds(ctx, input.organizationIds);
  if (departments.length !== input.organizationIds.length) {
    throw invalid('organizationIds', '所选抽查部门不存在或已撤销');
  }
  for (const [index, department] of departments.entries()) {
    if (departments.some((other, at) => at !== index && department.path.startsWith(other.path))) {
      throw invalid('organizationIds', `${department.name}是另一抽查部门的下级，不能同时列为联合抽查部门`);
    }
  }
  const lead = departments[0] as Department;
  const platform = { ...ctx, actor: null };
  const available = new Map<
    string,
    { itemId: string; versionId: string; code: string; name: string; organizationId: string }
  >();
  for (const department of departments) {
    for (const item of await listPowerItemsOfKind(platform, {
      organizationId: department.id,
      listKind: 'spotCheck',
      date: today,
    })) {
      available.set(item.itemId, {
        itemId: item.itemId,
        versionId: item.id,
        code: item.code,
        name: item.name,
        organizationId: department.id,
      });
    }
  }
  const items = [];
  for (const itemId of new Set(input.itemIds)) {
    const item = available.get(itemId);
    if (!item)
      throw invalid('itemIds', '所选事项不在抽查部门现行有效的随机抽查事项清单中（清单之外不得检查）');
    items.push(item);
  }
  for (const department of departments) {
    if (!items.some((item) => item.organizationId === department.id)) {
      throw invalid('itemIds', `请为${department.name}选择至少一项抽查事项`);
    }
  }
  const grades = input.strata.map((stratum) => stratum.riskGrade);
  if (new Set(grades).size !== grades.length) throw invalid('strata', '同一风险等级只能设定一个抽查比例');
  if (input.periodEnd < today) throw invalid('periodEnd', '检查结束日期不能早于今天');
  if (input.organizationIds.length > input.inspectorsPerTask) {
    throw invalid(
      'inspectorsPerTask',
      `联合抽查有 ${String(input.organizationIds.length)} 个部门，每组检查人员不能少于部门数`,
    );
  }

  const year = Number(input.periodStart.slice(0, 4));
  const number = await takeDocumentNumber(ctx, { organizationId: lead.id, year, series: '抽' });
  const id = newId();
  const started = await startProcedure(ctx, {
    procedureKey: spotCheckPlanProcedureKey,
    subjectType: planSubjectType,
    subjectId: id,
    organizationId: lead.id,
  });
  const now = ctx.clock.now();
  const row: SpotCheckPlanRow = {
    tenantCode: ctx.tenantCode,
    id,
    organizationId: lead.id,
    organizationIds: departments.map((department) => department.id),
    fields: [...new Set(departments.map((department) => department.enforcementField ?? department.name))],
    instanceId: started.instance.id,
    planNumber: `${bodyDocumentCode(lead)}抽${number.suffix}`,
    year,
    title: input.title,
    trigger: input.trigger,
    items,
    populationFilter: input.populationFilter,
    strata: input.strata.map((stratum) => ({
      riskGrade: stratum.riskGrade,
      ratioBasisPoints: Math.round(stratum.ratioPercent * 100),
    })),
    inspectorsPerTask: input.inspectorsPerTask,
    maxTasksPerInspector: input.maxTasksPerInspector,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    state: started.instance.state,
    populationCount: null,
    eligibleCount: null,
    inputDigest: null,
    commitment: null,
    secretEncrypted: null,
    secret: null,
    inputSha256: null,
    committedAt: null,
    committedByName: null,
    externalEntropy: null,
    drawnAt: null,
    drawnByName: null,
    recordSha256: null,
    taskCount: 0,
    completedTaskCount: 0,
    cancelReason: null,
    createdByName: actorName(ctx.actor),
    createdAt: now,
    updatedAt: now,
  };
  await ctx.tx.insert(spotCheckPlans).values(row);
  await appendAuditEvent(ctx, {
    action: 'spotCheckPlan.create',
    entityType: planSubjectType,
    entityId: id,
    organizationId: lead.id,
    change: { ...row, createdAt: undefined, updatedAt: undefined },
  });
  return row;
}

/** The draw input as stored: written once to the file store, named by its hash. */
async function storeJson(ctx: ServiceContext, value: unknown): Promise<string> {
  const written = await writeBlob(
    ctx.config.dataDir,
    Readable.from([Buffer.from(JSON.stringify(value), 'utf8')]),
  );
  return written.sha256;
}

async function readJson(ctx: ServiceContext, sha256: string): Promise<unknown> {
  const stream = await readBlob(ctx.config.dataDir, sha256);
  if (!stream) throw new AppError('INTERNAL', '抽取记录文件缺失，请联系系统管理员');
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

/**
 * Freezes the population and the inspector pool, draws a secret (kept encrypted), and publishes
 * the commitment SHA-256(secret, input digest). Refused when nothing can be drawn or the pool
 * cannot staff the tasks.
 */
export async function commitPlan(ctx: ServiceContext, id: string): Promise<SpotCheckPlanRow> {
  requireActor(ctx);
  const plan = await findPlan(ctx, id, true);
  if (plan.state !== 'draft') {
    throw new AppError(
      'TRANSITION_FORBIDDEN',
      `当前状态「${spotCheckPlanStateLabels[plan.state as SpotCheckPlanState]}」不能公布承诺值`,
    );
  }
  const today = todayOf(ctx);
  const departments = await departmentsByIds(ctx, plan.organizationIds);
  const input = await buildDrawInput(ctx, plan, departments, today);
  const problem = drawInputProblem(input);
  if (problem) throw invalid('plan', problem);
  const eligibleCount = input.population.filter((entity) => entity.excluded === null).length;
  const stratumGrades = new Set(plan.strata.map((stratum) => stratum.riskGrade));
  const drawable = input.population.filter(
    (entity) => entity.excluded === null && stratumGrades.has(entity.riskGrade),
  ).length;
  // Staffing is checked by a trial draw under a fixed seed, so a plan the pool cannot staff is
  // refused now rather than after its commitment is public.
  if (drawable > 0) {
    try {
      runDraw(input, Buffer.alloc(32));
    } catch (error) {
      if (error instanceof DrawError)
        throw invalid(
          'inspectorsPerTask',
          `检查人员不足，无法派齐每组人员：${withDepartmentNames(error.message, departments)}`,
        );
      throw error;
    }
  }
  const secret = randomBytes(32).toString('hex');
  const inputDigest = drawInputDigest(input);
  const commitment = drawCommitment(secret, inputDigest);
  const inputSha256 = await storeJson(ctx, input);
  const result = await perform(ctx, {
    instanceId: plan.instanceId,
    action: 'commit',
    fields: {
      populationCount: input.population.length,
      eligibleCount: drawable,
      inspectorCount: input.inspectors.length,
      commitment,
      inputDigest,
    },
    facts: { inspectorsPerTask: plan.inspectorsPerTask },
  });
  const changes = {
    state: result.instance.state,
    populationCount: input.population.length,
    eligibleCount,
    inputDigest,
    commitment,
    secretEncrypted: encryptField(loadFieldKey(ctx.config), secret),
    inputSha256,
    committedAt: ctx.clock.now(),
    committedByName: actorName(ctx.actor),
    updatedAt: ctx.clock.now(),
  };
  await ctx.tx
    .update(spotCheckPlans)
    .set(changes)
    .where(and(eq(spotCheckPlans.tenantCode, ctx.tenantCode), eq(spotCheckPlans.id, id)));
  await appendAuditEvent(ctx, {
    action: 'spotCheckPlan.commit',
    entityType: planSubjectType,
    entityId: id,
    organizationId: plan.organizationId,
    change: {
      ...changes,
      secretEncrypted: '（加密保存，抽取时揭示）',
      inspectorCount: input.inspectors.length,
    },
  });
  return { ...plan, ...changes };
}

/**
 * Reveals the secret and draws: the frozen input is read back and checked against its published
 * digest, the algorithm picks the entities and each task's inspectors, the record is stored for
 * download, and one task (a `spot-check-task` procedure) is made per entity drawn.
 */
export async function drawPlan(ctx: ServiceContext, id: string, raw: unknown): Promise<SpotCheckPlanRow> {
  requireActor(ctx);
  const { externalEntropy } = drawPlanInputSchema.parse(raw ?? {});
  const plan = await findPlan(ctx, id, true);
  if (plan.state !== 'committed' || !plan.inputSha256 || !plan.secretEncrypted || !plan.inputDigest) {
    throw new AppError(
      'TRANSITION_FORBIDDEN',
      `当前状态「${spotCheckPlanStateLabels[plan.state as SpotCheckPlanState]}」不能抽取`,
    );
  }
  const input = drawInputSchema.parse(await readJson(ctx, plan.inputSha256));
  if (drawInputDigest(input) !== plan.inputDigest) {
    throw new AppError('INTERNAL', '冻结的名录文件与公布的输入摘要不符，已停止抽取，请联系系统管理员');
  }
  const secret = decryptField(loadFieldKey(ctx.config), plan.secretEncrypted);
  let record: DrawRecord;
  try {
    record = recordDraw(input, secret, externalEntropy);
  } catch (error) {
    if (error instanceof DrawError) {
      const departments = await departmentsByIds(ctx, plan.organizationIds);
      throw new AppError(
        'TRANSITION_FORBIDDEN',
        `无法抽取：${withDepartmentNames(error.message, departments)}`,
      );
    }
    throw error;
  }
  const recordSha256 = await storeJson(ctx, record);
  const result = await perform(ctx, {
    instanceId: plan.instanceId,
    action: 'draw',
    fields: { externalEntropy, taskCount: record.result.tasks.length, recordSha256 },
  });

  const codes = record.result.tasks.map((task) => task.creditCode);
  const names = new Map<string, string>();
  for (let start = 0; start < codes.length; start += 1000) {
    const rows = await ctx.tx
      .select({ creditCode: entities.creditCode, name: entities.name })
      .from(entities)
      .where(
        and(
          eq(entities.tenantCode, ctx.tenantCode),
          inArray(entities.creditCode, codes.slice(start, start + 1000)),
        ),
      );
    for (const row of rows) names.set(row.creditCode, row.name);
  }
  const grades = new Map(record.result.entities.map((entity) => [entity.creditCode, entity.riskGrade]));
  const now = ctx.clock.now();
  const isJoint = plan.organizationIds.length > 1;
  const taskRows = [];
  for (const [index, task] of record.result.tasks.entries()) {
    const taskId = newId();
    const started = await startProcedure(ctx, {
      procedureKey: spotCheckTaskProcedureKey,
      subjectType: taskSubjectType,
      subjectId: taskId,
      organizationId: plan.organizationId,
    });
    taskRows.push({
      tenantCode: ctx.tenantCode,
      id: taskId,
      planId: plan.id,
      organizationId: plan.organizationId,
      instanceId: started.instance.id,
      seq: index + 1,
      year: plan.year,
      fields: plan.fields,
      isJoint,
      creditCode: task.creditCode,
      entityName: names.get(task.creditCode) ?? task.creditCode,
      riskGrade: grades.get(task.creditCode) ?? 'A',
      inspectorPersonIds: task.inspectorPersonIds,
      state: started.instance.state,
      inspectedOn: null,
      checklist: null,
      record: null,
      result: null,
      resultNote: null,
      completedOn: null,
      caseId: null,
      publicationId: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  for (let start = 0; start < taskRows.length; start += 500) {
    await ctx.tx.insert(spotCheckTasks).values(taskRows.slice(start, start + 500));
  }
  const changes = {
    state: result.instance.state,
    secret,
    externalEntropy,
    drawnAt: now,
    drawnByName: actorName(ctx.actor),
    recordSha256,
    taskCount: taskRows.length,
    updatedAt: now,
  };
  await ctx.tx
    .update(spotCheckPlans)
    .set(changes)
    .where(and(eq(spotCheckPlans.tenantCode, ctx.tenantCode), eq(spotCheckPlans.id, id)));
  await appendAuditEvent(ctx, {
    action: 'spotCheckPlan.draw',
    entityType: planSubjectType,
    entityId: id,
    organizationId: plan.organizationId,
    change: { ...changes, tasks: record.result.tasks },
  });
  return { ...plan, ...changes };
}

/** Cancels a plan before its draw, with the reason; a published commitment stays public with it. */
export async function cancelPlan(ctx: ServiceContext, id: string, raw: unknown): Promise<SpotCheckPlanRow> {
  requireActor(ctx);
  const { reason } = cancelPlanSchema.parse(raw ?? {});
  const plan = await findPlan(ctx, id, true);
  const result = await perform(ctx, { instanceId: plan.instanceId, action: 'cancel', fields: { reason } });
  const changes = { state: result.instance.state, cancelReason: reason, updatedAt: ctx.clock.now() };
  await ctx.tx
    .update(spotCheckPlans)
    .set(changes)
    .where(and(eq(spotCheckPlans.tenantCode, ctx.tenantCode), eq(spotCheckPlans.id, id)));
  await appendAuditEvent(ctx, {
    action: 'spotCheckPlan.cancel',
    entityType: planSubjectType,
    entityId: id,
    organizationId: plan.organizationId,
    change: changes,
  });
  return { ...plan, ...changes };
}

/** Counts a task completed on its plan, and completes the plan with its last task. */
export async function noteTaskCompleted(ctx: ServiceContext, planId: string): Promise<void> {
  const [plan] = await ctx.tx
    .update(spotCheckPlans)
    .set({ completedTaskCount: sql`${spotCheckPlans.completedTaskCount} + 1`, updatedAt: ctx.clock.now() })
    .where(and(eq(spotCheckPlans.tenantCode, ctx.tenantCode), eq(spotCheckPlans.id, planId)))
    .returning();
  if (!plan || plan.completedTaskCount < plan.taskCount || plan.state !== 'drawn') return;
  const result = await perform(ctx, {
    instanceId: plan.instanceId,
    action: 'complete',
    facts: { openTasks: 0 },
  });
  await ctx.tx
    .update(spotCheckPlans)
    .set({ state: result.instance.state })
    .where(and(eq(spotCheckPlans.tenantCode, ctx.tenantCode), eq(spotCheckPlans.id, planId)));
}

// ── Reads ────────────────────────────────────────────────────────────────────

function presentPlan(row: SpotCheckPlanRow, names: Map<string, string>): SpotCheckPlanView {
  return {
    id: row.id,
    planNumber: row.planNumber,
    title: row.title,
    year: row.year,
    organizationId: row.organizationId,
    organizationIds: row.organizationIds,
    organizationNames: row.organizationIds.map((id) => names.get(id) ?? id),
    isJoint: row.organizationIds.length > 1,
    trigger: row.trigger as SpotCheckTrigger,
    triggerLabel: spotCheckTriggerLabels[row.trigger as SpotCheckTrigger],
    state: row.state as SpotCheckPlanState,
    stateLabel: spotCheckPlanStateLabels[row.state as SpotCheckPlanState],
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    populationCount: row.populationCount,
    eligibleCount: row.eligibleCount,
    taskCount: row.taskCount,
    completedTaskCount: row.completedTaskCount,
    commitment: row.commitment,
    committedAt: row.committedAt?.toISOString() ?? null,
    drawnAt: row.drawnAt?.toISOString() ?? null,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Plans in scope, newest first. */
export async function listPlans(ctx: ServiceContext, query: PlanListParams) {
  requireRole(ctx, planReaderRoles);
  const where = and(
    eq(spotCheckPlans.tenantCode, ctx.tenantCode),
    planScope(ctx),
    query.organizationId
      ? sql`${query.organizationId}::uuid = ANY (${spotCheckPlans.organizationIds})`
      : undefined,
    query.state ? eq(spotCheckPlans.state, query.state) : undefined,
    query.year ? eq(spotCheckPlans.year, query.year) : undefined,
    query.q
      ? or(
          ilike(spotCheckPlans.title, `%${escapeLike(query.q)}%`),
          ilike(spotCheckPlans.planNumber, `%${escapeLike(query.q)}%`),
        )
      : undefined,
  );
  const [total] = await ctx.tx.select({ n: count() }).from(spotCheckPlans).where(where);
  const rows = await ctx.tx
    .select()
    .from(spotCheckPlans)
    .where(where)
    .orderBy(desc(spotCheckPlans.createdAt), asc(spotCheckPlans.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const names = await organizationNamesById(
    ctx.tx,
    ctx.tenantCode,
    rows.flatMap((row) => row.organizationIds),
  );
  return {
    items: rows.map((row) => presentPlan(row, names)),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** One plan with its items, parameters, draw values (the secret once revealed), history and next actions. */
export async function getPlanDetail(ctx: ServiceContext, id: string): Promise<SpotCheckPlanDetail> {
  requireRole(ctx, planReaderRoles);
  const row = await findPlan(ctx, id);
  const departments = await departmentsByIds(ctx, row.organizationIds);
  const names = new Map(departments.map((department) => [department.id, department.name]));
  const lead = departments.find((department) => department.id === row.organizationId);
  const definition = getProcedure(spotCheckPlanProcedureKey);
  const steps = await listSteps({ ...ctx, actor: null }, row.instanceId);
  return {
    plan: {
      ...presentPlan(row, names),
      items: row.items.map(({ itemId, code, name, organizationId }) => ({
        itemId,
        code,
        name,
        organizationId,
      })),
      populationFilter: row.populationFilter,
      strata: row.strata.map((stratum) => ({
        riskGrade: stratum.riskGrade as RiskGrade,
        ratioPercent: stratum.ratioBasisPoints / 100,
      })),
      inspectorsPerTask: row.inspectorsPerTask,
      maxTasksPerInspector: row.maxTasksPerInspector,
      inputDigest: row.inputDigest,
      secret: row.secret,
      externalEntropy: row.externalEntropy,
      committedByName: row.committedByName,
      drawnByName: row.drawnByName,
      cancelReason: row.cancelReason,
    },
    steps: steps.map((step) => presentStep(step, definition)),
    nextActions: nextActionsFor(ctx.actor, definition, row.state, lead?.path ?? '')
      .filter((next) => next.name !== 'complete')
      .map((next) => ({
        name: next.name,
        label: next.label,
        citation: definition.actions.find((action) => action.name === next.name)?.citation ?? null,
      })),
  };
}

/** The published draw record (JSON) of a drawn plan; with `publicOnly`, only as the portal may give it. */
export async function readDrawRecord(
  ctx: ServiceContext,
  id: string,
  publicOnly: boolean,
): Promise<{ planNumber: string; stream: ReadStream }> {
  const [row] = await ctx.tx
    .select()
    .from(spotCheckPlans)
    .where(
      and(
        eq(spotCheckPlans.tenantCode, ctx.tenantCode),
        eq(spotCheckPlans.id, id),
        publicOnly ? undefined : planScope(ctx),
      ),
    );
  if (!row?.recordSha256) throw notFound('抽取记录');
  const stream = await readBlob(ctx.config.dataDir, row.recordSha256);
  if (!stream) throw new AppError('INTERNAL', '抽取记录文件缺失，请联系系统管理员');
  return { planNumber: row.planNumber, stream };
}
