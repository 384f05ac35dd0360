import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  completeTaskSchema,
  openTaskCaseSchema,
  recordInspectionSchema,
  resultsThatOpenCases,
  spotCheckResultLabels,
  spotCheckTaskStateLabels,
  type CompleteTaskInput,
  type OpenTaskCaseInput,
  type RecordInspectionInput,
  type RiskGrade,
  type SpotCheckResult,
  type SpotCheckTaskDetail,
  type SpotCheckTaskState,
  type SpotCheckTaskView,
  type TaskListParams,
} from '../../../../contracts/spotchecks';
import { actorPersonId } from '../../../core/access/actor-person';
import { requireActor } from '../../../core/access/authorize';
import { organizationScope } from '../../../core/access/scope';
import { appendAuditEvent } from '../../../core/audit/append-audit-event';
import type { ServiceContext } from '../../../core/context';
import { AppError, invalid, notFound } from '../../../core/errors';
import { attachFile } from '../../../core/files/file-service';
import { listScopedAttachments } from '../../../core/files/file-repository';
import { getProcedure } from '../../../core/procedures/procedure-registry';
import { listSteps } from '../../../core/procedures/procedure-repository';
import { presentStep } from '../../../core/procedures/procedure-presenters';
import { nextActionsFor, perform, todayOf } from '../../../core/procedures/procedure-service';
import { publications } from '../../../core/publication/publication-tables';
import { createPublication } from '../../../core/publication/publication-service';
import { enforcementCases } from '../../enforcement/enforcement-tables';
import { openCase } from '../../enforcement/enforcement-service';
import { organizationNamesById } from '../../org/org-repository';
import { organizations, people } from '../../org/org-tables';
import { escapeLike, noteTaskCompleted, planReaderRoles, taskSubjectType } from '../plans/plan-service';
import { spotCheckTaskProcedureKey } from '../plans/spotcheck-procedures';
import { entities, spotCheckPlans, spotCheckTasks, type SpotCheckTaskRow } from '../spotcheck-tables';

/**
 * 抽查任务: carried out on site by the inspectors drawn for it (the record, the checklist of the
 * plan's items, photos), completed with a result that goes public within 20 working days through
 * the core publication mechanism, and — where a problem was found — the start of an enforcement
 * case against the entity, linked both ways. Actions go through the `spot-check-task` procedure;
 * only an inspector drawn for the task may perform them (a fact the service computes).
 */

/** Tasks the actor may see: of a plan led in his scope, or drawn for him. */
function taskScope(ctx: ServiceContext, personId: string | null): SQL {
  return or(
    organizationScope(ctx, spotCheckTasks.organizationId, planReaderRoles),
    personId ? sql`${personId}::uuid = ANY (${spotCheckTasks.inspectorPersonIds})` : undefined,
  ) as SQL;
}

const taskColumns = {
  task: spotCheckTasks,
  planNumber: spotCheckPlans.planNumber,
  planTitle: spotCheckPlans.title,
  periodEnd: spotCheckPlans.periodEnd,
  items: spotCheckPlans.items,
  planOrganizationIds: spotCheckPlans.organizationIds,
  caseNumber: enforcementCases.caseNumber,
  publicationStatus: publications.status,
  publicationDueOn: publications.dueOn,
  organizationPath: organizations.path,
};

function taskSelect(ctx: ServiceContext) {
  return ctx.tx
    .select(taskColumns)
    .from(spotCheckTasks)
    .innerJoin(
      spotCheckPlans,
      and(
        eq(spotCheckPlans.tenantCode, spotCheckTasks.tenantCode),
        eq(spotCheckPlans.id, spotCheckTasks.planId),
      ),
    )
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, spotCheckTasks.tenantCode),
        eq(organizations.id, spotCheckTasks.organizationId),
      ),
    )
    .leftJoin(
      enforcementCases,
      and(
        eq(enforcementCases.tenantCode, spotCheckTasks.tenantCode),
        eq(enforcementCases.id, spotCheckTasks.caseId),
      ),
    )
    .leftJoin(
      publications,
      and(
        eq(publications.tenantCode, spotCheckTasks.tenantCode),
        eq(publications.id, spotCheckTasks.publicationId),
      ),
    );
}

type TaskJoinRow = Awaited<ReturnType<ReturnType<typeof taskSelect>['where']>>[number];

async function findTask(
  ctx: ServiceContext,
  id: string,
): Promise<{ joined: TaskJoinRow; personId: string | null }> {
  requireActor(ctx);
  const personId = await actorPersonId(ctx);
  const [joined] = await taskSelect(ctx).where(
    and(eq(spotCheckTasks.tenantCode, ctx.tenantCode), eq(spotCheckTasks.id, id), taskScope(ctx, personId)),
  );
  if (!joined) throw notFound('抽查任务');
  return { joined, personId };
}

async function inspectorsOf(ctx: ServiceContext, personIds: readonly string[]) {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return new Map<string, { name: string; organizationName: string }>();
  const rows = await ctx.tx
    .select({ id: people.id, name: people.name, organizationName: organizations.name })
    .from(people)
    .innerJoin(
      organizations,
      and(eq(organizations.tenantCode, people.tenantCode), eq(organizations.id, people.organizationId)),
    )
    .where(and(eq(people.tenantCode, ctx.tenantCode), inArray(people.id, unique)));
  return new Map(rows.map((row) => [row.id, { name: row.name, organizationName: row.organizationName }]));
}

function presentTask(
  joined: TaskJoinRow,
  inspectors: Map<string, { name: string; organizationName: string }>,
): SpotCheckTaskView {
  const task = joined.task;
  return {
    id: task.id,
    planId: task.planId,
    planNumber: joined.planNumber,
    planTitle: joined.planTitle,
    seq: task.seq,
    isJoint: task.isJoint,
    creditCode: task.creditCode,
    entityName: task.entityName,
    riskGrade: task.riskGrade as RiskGrade,
    inspectors: task.inspectorPersonIds.map((personId) => ({
      personId,
      name: inspectors.get(personId)?.name ?? '（已调离）',
      organizationName: inspectors.get(personId)?.organizationName ?? '',
    })),
    state: task.state as SpotCheckTaskState,
    stateLabel: spotCheckTaskStateLabels[task.state as SpotCheckTaskState],
    periodEnd: joined.periodEnd,
    inspectedOn: task.inspectedOn,
    result: task.result as SpotCheckResult | null,
    resultLabel: task.result ? spotCheckResultLabels[task.result as SpotCheckResult] : null,
    completedOn: task.completedOn,
    caseId: task.caseId,
    caseNumber: joined.caseNumber,
    publicationId: task.publicationId,
    publicationStatus: joined.publicationStatus,
    publicationDueOn: joined.publicationDueOn,
  };
}

/** Tasks in scope (or the actor's own with `mine`), in plan and draw order. */
export async function listTasks(ctx: ServiceContext, query: TaskListParams) {
  requireActor(ctx);
  const personId = await actorPersonId(ctx);
  if (query.mine && !personId) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const where = and(
    eq(spotCheckTasks.tenantCode, ctx.tenantCode),
    query.mine
      ? sql`${personId}::uuid = ANY (${spotCheckTasks.inspectorPersonIds})`
      : taskScope(ctx, personId),
    query.planId ? eq(spotCheckTasks.planId, query.planId) : undefined,
    query.state ? eq(spotCheckTasks.state, query.state) : undefined,
    query.result ? eq(spotCheckTasks.result, query.result) : undefined,
    query.q
      ? or(
          ilike(spotCheckTasks.entityName, `%${escapeLike(query.q)}%`),
          eq(spotCheckTasks.creditCode, query.q.toUpperCase()),
        )
      : undefined,
  );
  const [total] = await ctx.tx.select({ n: count() }).from(spotCheckTasks).where(where);
  const rows = await taskSelect(ctx)
    .where(where)
    .orderBy(sql`${spotCheckPlans.createdAt} DESC`, asc(spotCheckTasks.seq))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const inspectors = await inspectorsOf(
    ctx,
    rows.flatMap((row) => row.task.inspectorPersonIds),
  );
  return {
    items: rows.map((row) => presentTask(row, inspectors)),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One task with its checklist, record, photos, history and the actions the actor may take. */
export async function getTaskDetail(ctx: ServiceContext, id: string): Promise<SpotCheckTaskDetail> {
  const { joined, personId } = await findTask(ctx, id);
  const task = joined.task;
  const inspectors = await inspectorsOf(ctx, task.inspectorPersonIds);
  const definition = getProcedure(spotCheckTaskProcedureKey);
  const platform = { ...ctx, actor: null };
  const steps = await listSteps(platform, task.instanceId);
  const photos = await listScopedAttachments(platform, taskSubjectType, task.id);
  const isInspector = personId !== null && task.inspectorPersonIds.includes(personId);
  return {
    task: {
      ...presentTask(joined, inspectors),
      checklist: task.checklist ?? [],
      record: task.record,
      resultNote: task.resultNote,
      photos: photos.map(({ file }) => ({ fileSha256: file.sha256, fileName: file.originalName })),
    },
    items: joined.items.map(({ itemId, code, name }) => ({ itemId, code, name })),
    steps: steps.map((step) => presentStep(step, definition)),
    nextActions: (isInspector
      ? nextActionsFor(ctx.actor, definition, task.state, joined.organizationPath)
      : []
    )
      .filter(
        (next) =>
          next.name !== 'openCase' ||
          (task.caseId === null && resultsThatOpenCases.includes(task.result as SpotCheckResult)),
      )
      .map((next) => ({
        name: next.name,
        label: next.label,
        citation: definition.actions.find((action) => action.name === next.name)?.citation ?? null,
      })),
  };
}

async function updateTask(
  ctx: ServiceContext,
  id: string,
  changes: Partial<SpotCheckTaskRow>,
): Promise<void> {
  await ctx.tx
    .update(spotCheckTasks)
    .set({ ...changes, updatedAt: ctx.clock.now() })
    .where(and(eq(spotCheckTasks.tenantCode, ctx.tenantCode), eq(spotCheckTasks.id, id)));
}

/** 现场检查: the date, each item of the plan as 符合 / 不符合 / 不涉及, the record, the photos. */
export async function recordInspection(
  ctx: ServiceContext,
  id: string,
  raw: RecordInspectionInput,
): Promise<void> {
  const input = recordInspectionSchema.parse(raw);
  const { joined, personId } = await findTask(ctx, id);
  const task = joined.task;
  const today = todayOf(ctx);
  if (input.inspectedOn > today) throw invalid('inspectedOn', '检查日期不能晚于今天');
  if (input.inspectedOn < task.createdAt.toISOString().slice(0, 10)) {
    throw invalid('inspectedOn', '检查日期不能早于任务抽取日期');
  }
  const byId = new Map(input.checklist.map((entry) => [entry.itemId, entry]));
  const checklist = joined.items.map((item) => {
    const entry = byId.get(item.itemId);
    if (!entry) throw invalid('checklist', `请填写「${item.name}」的检查情况`);
    return {
      itemId: item.itemId,
      code: item.code,
      name: item.name,
      conforms: entry.conforms,
      note: entry.note ?? null,
    };
  });
  if (byId.size !== checklist.length) throw invalid('checklist', '检查情况中有不属于本计划的抽查事项');
  const result = await perform(ctx, {
    instanceId: task.instanceId,
    action: 'recordInspection',
    fields: {
      inspectedOn: input.inspectedOn,
      conformingItems: checklist.filter((entry) => entry.conforms === true).length,
      nonConformingItems: checklist.filter((entry) => entry.conforms === false).length,
      photoCount: input.photoSha256s.length,
    },
    facts: { actorIsInspector: personId !== null && task.inspectorPersonIds.includes(personId) },
  });
  for (const sha256 of new Set(input.photoSha256s)) {
    await attachFile(ctx, {
      sha256,
      subjectType: taskSubjectType,
      subjectId: task.id,
      organizationId: task.organizationId,
      label: '现场检查照片',
    });
  }
  const changes = {
    state: result.instance.state,
    inspectedOn: input.inspectedOn,
    checklist,
    record: input.record,
  };
  await updateTask(ctx, task.id, changes);
  await appendAuditEvent(ctx, {
    action: 'spotCheckTask.recordInspection',
    entityType: taskSubjectType,
    entityId: task.id,
    organizationId: task.organizationId,
    change: changes,
  });
}

/**
 * The result: 未发现问题, 发现问题已责令改正, … A result contradicting the checklist is refused
 * (a 不符合 item is a problem found). The result is queued for publication, due within 20 working
 * days of today (国发〔2019〕5号), and the plan completes with its last task.
 */
export async function completeTask(ctx: ServiceContext, id: string, raw: CompleteTaskInput): Promise<void> {
  const input = completeTaskSchema.parse(raw);
  const { joined, personId } = await findTask(ctx, id);
  const task = joined.task;
  const problems = (task.checklist ?? []).filter((entry) => entry.conforms === false);
  if (input.result === 'noProblem' && problems.length > 0) {
    throw invalid('result', `检查情况中「${problems[0]?.name ?? ''}」不符合，结果不能是「未发现问题」`);
  }
  if ((input.result === 'corrected' || input.result === 'followUp') && problems.length === 0) {
    throw invalid('result', '检查情况中没有不符合的事项，结果不能是「发现问题」');
  }
  const resultLabel = spotCheckResultLabels[input.result];
  const result = await perform(ctx, {
    instanceId: task.instanceId,
    action: 'complete',
    fields: { result: input.result, resultLabel },
    facts: { actorIsInspector: personId !== null && task.inspectorPersonIds.includes(personId) },
  });
  const today = todayOf(ctx);
  const departmentNames = await organizationNamesById(ctx.tx, ctx.tenantCode, joined.planOrganizationIds);
  const publication = await createPublication(ctx, {
    subjectType: taskSubjectType,
    subjectId: task.id,
    organizationId: task.organizationId,
    kind: 'spotCheckResult',
    field: 'general',
    title: `${task.entityName}随机抽查检查结果`,
    content: {
      检查对象: task.entityName,
      统一社会信用代码: task.creditCode,
      抽查计划: `${joined.planTitle}（${joined.planNumber}）`,
      抽查类型: task.isJoint ? '部门联合双随机抽查' : '双随机抽查',
      检查部门: joined.planOrganizationIds.map((id) => departmentNames.get(id) ?? '').join('、'),
      抽查事项: joined.items.map((item) => item.name).join('；'),
      检查日期: task.inspectedOn ?? today,
      检查结果: resultLabel,
    },
    decidedOn: today,
  });
  const changes = {
    state: result.instance.state,
    result: input.result,
    resultNote: input.resultNote ?? null,
    completedOn: today,
    publicationId: publication.id,
  };
  await updateTask(ctx, task.id, changes);
  await appendAuditEvent(ctx, {
    action: 'spotCheckTask.complete',
    entityType: taskSubjectType,
    entityId: task.id,
    organizationId: task.organizationId,
    change: changes,
  });
  await noteTaskCompleted(ctx, task.planId);
}

/** A problem found: opens an ordinary-procedure case against the entity, by the task's inspectors of the lead department. */
export async function openTaskCase(
  ctx: ServiceContext,
  id: string,
  raw: OpenTaskCaseInput,
): Promise<{ caseId: string }> {
  const input = openTaskCaseSchema.parse(raw);
  const { joined, personId } = await findTask(ctx, id);
  const task = joined.task;
  if (task.caseId) throw new AppError('CONFLICT', '本任务已立案', 'powerItemId');
  const [entity] = await ctx.tx
    .select({ address: entities.address })
    .from(entities)
    .where(and(eq(entities.tenantCode, ctx.tenantCode), eq(entities.creditCode, task.creditCode)));
  const leadPeople = await ctx.tx
    .select({ id: people.id })
    .from(people)
    .innerJoin(
      organizations,
      and(eq(organizations.tenantCode, people.tenantCode), eq(organizations.id, people.organizationId)),
    )
    .where(
      and(
        eq(people.tenantCode, ctx.tenantCode),
        inArray(people.id, task.inspectorPersonIds),
        sql`${organizations.path} LIKE ${`${joined.organizationPath}%`}`,
      ),
    );
  const ofLead = new Set(leadPeople.map((row) => row.id));
  const officerPersonIds = task.inspectorPersonIds.filter((person) => ofLead.has(person));
  const opened = await openCase(ctx, {
    organizationId: task.organizationId,
    procedure: 'ordinary',
    powerItemId: input.powerItemId,
    source: 'spotCheck',
    sourceDetail: `${joined.planNumber} 第 ${String(task.seq)} 号抽查任务`,
    title: input.title,
    facts: input.facts ?? null,
    discoveredOn: task.inspectedOn ?? undefined,
    party: {
      kind: 'enterprise',
      name: task.entityName,
      creditCode: task.creditCode,
      address: entity?.address ?? null,
    },
    officerPersonIds,
  });
  await perform(ctx, {
    instanceId: task.instanceId,
    action: 'openCase',
    fields: { caseId: opened.row.id, caseNumber: opened.row.caseNumber },
    facts: { actorIsInspector: personId !== null && task.inspectorPersonIds.includes(personId) },
  });
  await updateTask(ctx, task.id, { caseId: opened.row.id });
  await appendAuditEvent(ctx, {
    action: 'spotCheckTask.openCase',
    entityType: taskSubjectType,
    entityId: task.id,
    organizationId: task.organizationId,
    change: { caseId: opened.row.id, caseNumber: opened.row.caseNumber },
  });
  return { caseId: opened.row.id };
}
