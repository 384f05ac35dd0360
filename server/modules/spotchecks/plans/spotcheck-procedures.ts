import { z } from 'zod';
import { defineAction, type ProcedureDefinition } from '../../../core/procedures/procedure-definition';
import { registerProcedure } from '../../../core/procedures/procedure-registry';

/**
 * 双随机、一公开 as two procedures of the core engine. A plan is drafted, its draw committed (the
 * commitment to the secret and the frozen input published), drawn (the secret revealed, the
 * entities and inspectors drawn into tasks), and completed when every task is; it may be cancelled
 * before the draw, with the reason, and a cancelled commitment stays public. A task is assigned,
 * inspected on site and completed with its result, which must be public within 20 working days
 * (core publication); a problem found may open an enforcement case, linked to the task.
 */

const guideline = '《国务院办公厅关于推广随机抽查规范事中事后监管的通知》（国办发〔2015〕58号）';
const jointOpinion =
  '《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）';

export const spotCheckPlanProcedureKey = 'spot-check-plan';
export const spotCheckTaskProcedureKey = 'spot-check-task';

/** Filled in by the service from what it computed, never by the user. */
const commitFields = z.object({
  populationCount: z.number().int().min(0),
  eligibleCount: z.number().int().min(0),
  inspectorCount: z.number().int().min(0),
  commitment: z.string().regex(/^[0-9a-f]{64}$/),
  inputDigest: z.string().regex(/^[0-9a-f]{64}$/),
});
const drawFields = z.object({
  externalEntropy: z.string().max(500),
  taskCount: z.number().int().min(0),
  recordSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
const cancelFields = z.object({
  reason: z.string().trim().min(4, '撤销原因至少 4 个字').max(1000),
});

const planners = ['agencyHead', 'liaison'] as const;

export const spotCheckPlanProcedure: ProcedureDefinition = {
  key: spotCheckPlanProcedureKey,
  version: 1,
  title: '双随机抽查计划',
  citation: `${guideline}；${jointOpinion}`,
  initialState: 'draft',
  states: {
    draft: { label: '草拟中' },
    committed: { label: '已公布承诺值' },
    drawn: { label: '已抽取' },
    completed: { label: '已完成', terminal: true },
    cancelled: { label: '已撤销', terminal: true },
  },
  start: { label: '制定抽查计划', roles: planners, fields: z.object({}) },
  actions: [
    defineAction({
      name: 'commit',
      label: '冻结名录并公布承诺值',
      from: ['draft'],
      to: 'committed',
      roles: planners,
      fields: commitFields,
      guards: [
        (_instance, fields) =>
          fields.eligibleCount === 0 ? '按筛选条件和频次控制，没有可抽取的检查对象' : null,
        (_instance, fields, context) =>
          fields.inspectorCount < ((context.facts.inspectorsPerTask as number | undefined) ?? 2)
            ? `持有效执法证的检查人员只有 ${String(fields.inspectorCount)} 名，少于每组人数`
            : null,
      ],
      effects: [{ kind: 'publish', what: '抽查计划与承诺值' }],
      citation: `${guideline}二（一）：随机抽取检查对象，随机选派执法检查人员`,
    }),
    defineAction({
      name: 'draw',
      label: '揭示种子并抽取',
      from: ['committed'],
      to: 'drawn',
      roles: planners,
      fields: drawFields,
      effects: [{ kind: 'publish', what: '抽取记录（可下载复核）' }],
      citation: `${guideline}二（一）`,
    }),
    defineAction({
      name: 'complete',
      label: '全部任务完成',
      from: ['drawn'],
      to: 'completed',
      roles: ['officer', 'agencyHead', 'liaison'],
      fields: z.object({}),
      guards: [
        (_instance, _fields, context) =>
          (context.facts.openTasks as number | undefined) !== 0 ? '还有检查任务未完成' : null,
      ],
    }),
    defineAction({
      name: 'cancel',
      label: '撤销计划',
      from: ['draft', 'committed'],
      to: 'cancelled',
      roles: planners,
      fields: cancelFields,
      effects: [{ kind: 'publish', what: '撤销原因（已公布的承诺值继续公开）' }],
    }),
  ],
};

const inspectionFields = z.object({
  inspectedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  conformingItems: z.number().int().min(0),
  nonConformingItems: z.number().int().min(0),
  photoCount: z.number().int().min(0),
});
const completeFields = z.object({
  result: z.string(),
  resultLabel: z.string(),
});
const caseFields = z.object({ caseId: z.uuid(), caseNumber: z.string() });

/** The acting officer must be one of the inspectors drawn for the task (a fact the service computes). */
const drawnInspectorOnly = (
  _instance: unknown,
  _fields: unknown,
  context: { facts: Readonly<Record<string, unknown>> },
) => (context.facts.actorIsInspector === true ? null : '只有本任务抽中的检查人员才能办理');

export const spotCheckTaskProcedure: ProcedureDefinition = {
  key: spotCheckTaskProcedureKey,
  version: 1,
  title: '双随机抽查任务',
  citation: jointOpinion,
  initialState: 'assigned',
  states: {
    assigned: { label: '待检查' },
    inspected: { label: '已检查待定结果' },
    completed: { label: '已完成', terminal: true },
  },
  start: { label: '随机抽取生成任务', roles: ['agencyHead', 'liaison'], fields: z.object({}) },
  actions: [
    defineAction({
      name: 'recordInspection',
      label: '录入现场检查记录',
      from: ['assigned', 'inspected'],
      to: 'inspected',
      roles: ['officer'],
      fields: inspectionFields,
      guards: [drawnInspectorOnly],
      citation:
        '《中华人民共和国行政处罚法》第四十二条、第五十五条：执法人员不得少于两人，应当主动出示执法证件',
    }),
    defineAction({
      name: 'complete',
      label: '确定检查结果',
      from: ['inspected'],
      to: 'completed',
      roles: ['officer'],
      fields: completeFields,
      guards: [drawnInspectorOnly],
      effects: [{ kind: 'publish', what: '抽查检查结果（20 个工作日内）' }],
      citation: `${jointOpinion}：抽查检查结果自产生之日起 20 个工作日内公示`,
    }),
    defineAction({
      name: 'openCase',
      label: '发现问题立案查处',
      from: ['completed'],
      roles: ['officer'],
      fields: caseFields,
      guards: [
        drawnInspectorOnly,
        (instance) => (instance.data.caseId ? '本任务已立案' : null),
        (instance) =>
          ['corrected', 'followUp', 'refused'].includes(String(instance.data.result))
            ? null
            : '检查结果未发现问题，不能由本任务立案',
      ],
      citation: `${jointOpinion}：发现违法违规行为的，依法依规加以处理`,
    }),
  ],
};

registerProcedure(spotCheckPlanProcedure);
registerProcedure(spotCheckTaskProcedure);
