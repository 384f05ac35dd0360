import { chineseDate } from '../../core/calendar/civil-dates';
import { z } from 'zod';
import { optionalText } from '../../../contracts/fields';
import { defineAction, type ProcedureDefinition } from '../../core/procedures/procedure-definition';
import { registerProcedure } from '../../core/procedures/procedure-registry';

/**
 * 权责清单动态调整: a change set to one organization's list goes from the department's liaison to
 * the justice bureau (the government's office for law-based government), which approves or returns
 * it. 中共中央办公厅 国务院办公厅《关于推行地方各级政府工作部门权力清单制度的指导意见》(2015)
 * 三(七) 建立健全权力清单动态管理机制: 法律法规规章修改、职能调整的，及时调整权力清单，按程序审核确认后公布;
 * seed 003 (青山区): 权责清单实行动态调整、及时公布.
 */

export const powerListAdjustmentKey = 'power-list-adjustment';

const guideline =
  '中共中央办公厅 国务院办公厅《关于推行地方各级政府工作部门权力清单制度的指导意见》（2015年）';

/** Filled in by the service, never by the user: what the guards need to see. */
const submitFields = z.object({
  changeCount: z.number().int().min(0),
  comment: optionalText('意见', 2000),
});
const approveFields = z.object({
  effectiveOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  changeCount: z.number().int().min(0),
  comment: optionalText('意见', 2000),
});
const commentFields = z.object({ comment: optionalText('意见', 2000) });
const returnFields = z.object({
  comment: z
    .string({ message: '退回时必须写明退回意见' })
    .trim()
    .min(2, '退回时必须写明退回意见')
    .max(2000, '意见不能超过 2000 个字'),
});

const notEmpty = (instance: unknown, fields: { changeCount: number }) =>
  fields.changeCount === 0 ? '调整方案中还没有任何调整事项，不能提交' : null;

export const powerListAdjustmentProcedure: ProcedureDefinition = {
  key: powerListAdjustmentKey,
  version: 1,
  title: '权责清单动态调整',
  citation: `${guideline}三（七）`,
  initialState: 'draft',
  states: {
    draft: { label: '草拟中' },
    submitted: { label: '待审核' },
    returned: { label: '已退回' },
    approved: { label: '已批准', terminal: true },
    withdrawn: { label: '已撤回', terminal: true },
  },
  start: { label: '起草调整方案', roles: ['liaison'], fields: z.object({}) },
  actions: [
    defineAction({
      name: 'submit',
      label: '提交审核',
      from: ['draft'],
      to: 'submitted',
      roles: ['liaison'],
      fields: submitFields,
      guards: [notEmpty],
    }),
    defineAction({
      name: 'resubmit',
      label: '修改后重新提交',
      from: ['returned'],
      to: 'submitted',
      roles: ['liaison'],
      fields: submitFields,
      guards: [notEmpty],
    }),
    // 按程序审核确认后公布: the justice bureau confirms; the list takes effect on the date set.
    defineAction({
      name: 'approve',
      label: '审核通过',
      citation: `${guideline}三（七）`,
      from: ['submitted'],
      to: 'approved',
      roles: ['justiceBureau'],
      fields: approveFields,
      guards: [
        notEmpty,
        (instance, fields, context) =>
          fields.effectiveOn < context.today
            ? `生效日期 ${chineseDate(fields.effectiveOn)} 早于今天，清单调整不能追溯生效，请退回修改生效日期`
            : null,
      ],
      effects: [{ kind: 'publish', what: 'powerList' }],
    }),
    defineAction({
      name: 'return',
      label: '退回修改',
      from: ['submitted'],
      to: 'returned',
      roles: ['justiceBureau'],
      fields: returnFields,
    }),
    defineAction({
      name: 'withdraw',
      label: '撤回',
      from: ['draft', 'submitted', 'returned'],
      to: 'withdrawn',
      roles: ['liaison'],
      fields: commentFields,
    }),
  ],
};

registerProcedure(powerListAdjustmentProcedure);
