import { z } from 'zod';
import { civilDateSchema } from '../../../../contracts/calendar';
import { defineAction, type ProcedureDefinition } from '../procedure-definition';

/**
 * 政府信息公开申请 (《中华人民共和国政府信息公开条例》2019): a small, real procedure that proves
 * the engine. The citizens module brings the full one; this sample is registered only by tests.
 */

const regulation = '《中华人民共和国政府信息公开条例》';
const replyDeadline = 'reply';

const reasonText = (label: string) =>
  z
    .string({ message: `${label}必须填写` })
    .trim()
    .min(2, `${label}必须填写`)
    .max(500, `${label}不能超过 500 个字`);

export const disclosureRequestProcedure: ProcedureDefinition = {
  key: 'sample.disclosureRequest',
  version: 1,
  title: '政府信息公开申请（示例）',
  citation: `${regulation}第二十九条至第三十六条`,
  initialState: 'received',
  states: {
    received: { label: '已收到申请' },
    awaitingCorrection: { label: '待申请人补正' },
    consulting: { label: '征求第三方意见中' },
    replied: { label: '已答复', terminal: true },
    abandoned: { label: '视为放弃申请', terminal: true },
  },
  start: {
    label: '收到申请',
    roles: ['officer', 'liaison'],
    fields: z.object({
      applicantName: z.string({ message: '申请人必须填写' }).trim().min(1, '申请人必须填写').max(100),
      information: reasonText('申请公开的政府信息'),
    }),
    // 第三十三条第二款: 自收到申请之日起20个工作日内予以答复.
    deadlines: {
      starts: [
        {
          key: replyDeadline,
          label: '答复申请',
          length: 20,
          unit: 'workingDays',
          citation: `${regulation}第三十三条第二款`,
        },
      ],
    },
  },
  actions: [
    // 第三十条: 申请内容不明确的，一次性告知申请人作出补正; 答复期限自收到补正的申请之日起计算.
    defineAction({
      name: 'requestCorrection',
      label: '告知补正',
      citation: `${regulation}第三十条`,
      from: ['received'],
      to: 'awaitingCorrection',
      roles: ['officer', 'liaison'],
      fields: z.object({
        items: reasonText('需要补正的事项'),
        correctionDueDate: civilDateSchema('补正期限'),
      }),
      guards: [
        (instance, fields, context) =>
          fields.correctionDueDate <= context.today ? '补正期限必须晚于今天，给申请人合理的补正时间' : null,
        (instance, fields, context) =>
          context.deadlines.some((deadline) =>
            deadline.pauses.some((pause) => pause.action === 'requestCorrection'),
          )
            ? '补正只能一次性告知，不能再次要求补正（第三十条）'
            : null,
      ],
      deadlines: { pauses: [replyDeadline], reasonField: 'items' },
      effects: [{ kind: 'notify', to: 'applicant', message: '补正告知书' }],
    }),
    defineAction({
      name: 'receiveCorrection',
      label: '收到补正',
      citation: `${regulation}第三十条`,
      from: ['awaitingCorrection'],
      to: 'received',
      roles: ['officer', 'liaison'],
      fields: z.object({ note: z.string().max(500, '说明不能超过 500 个字').optional() }),
      deadlines: { restarts: [replyDeadline], reasonField: 'note' },
    }),
    defineAction({
      name: 'abandon',
      label: '逾期未补正，视为放弃申请',
      citation: `${regulation}第三十条`,
      from: ['awaitingCorrection'],
      to: 'abandoned',
      roles: ['officer', 'liaison'],
      fields: z.object({}),
      guards: [
        (instance, fields, context) => {
          const due = instance.data.correctionDueDate;
          return typeof due === 'string' && context.today <= due
            ? `补正期限（${due}）尚未届满，不能视为放弃申请`
            : null;
        },
      ],
      deadlines: { cancels: [replyDeadline] },
    }),
    // 第三十三条第三款: 征求第三方和其他机关意见所需时间不计算在期限内.
    defineAction({
      name: 'consultThirdParty',
      label: '书面征求第三方意见',
      citation: `${regulation}第三十二条、第三十三条第三款`,
      from: ['received'],
      to: 'consulting',
      roles: ['officer', 'liaison'],
      fields: z.object({ thirdParty: reasonText('第三方'), reason: reasonText('征求意见的理由') }),
      requiredDocuments: [{ key: 'consultationLetter', label: '征求意见书' }],
      deadlines: { pauses: [replyDeadline], reasonField: 'reason' },
      effects: [{ kind: 'notify', to: 'thirdParty', message: '征求意见书' }],
    }),
    defineAction({
      name: 'receiveThirdPartyOpinion',
      label: '收到第三方意见',
      citation: `${regulation}第三十二条`,
      from: ['consulting'],
      to: 'received',
      roles: ['officer', 'liaison'],
      fields: z.object({ opinion: reasonText('第三方意见') }),
      deadlines: { resumes: [replyDeadline] },
    }),
    // 第三十三条第二款: 延长答复期限应当经政府信息公开工作机构负责人同意，延长的期限最长不得超过20个工作日.
    defineAction({
      name: 'extend',
      label: '延长答复期限',
      citation: `${regulation}第三十三条第二款`,
      from: ['received', 'consulting'],
      to: 'received',
      roles: ['agencyHead'],
      fields: z.object({
        days: z
          .number({ message: '延长天数必须是数字' })
          .int('延长天数必须是整数')
          .min(1, '延长天数至少 1 个工作日')
          .max(20, '延长的期限最长不得超过20个工作日'),
        reason: reasonText('延长理由'),
      }),
      guards: [
        (instance, fields, context) =>
          context.deadlines.some(
            (deadline) => deadline.key === replyDeadline && deadline.extensions.length > 0,
          )
            ? '答复期限已经延长过一次，不能再次延长（第三十三条第二款）'
            : null,
      ],
      deadlines: {
        extends: {
          key: replyDeadline,
          length: 20,
          lengthField: 'days',
          reasonField: 'reason',
          citation: `${regulation}第三十三条第二款`,
        },
      },
      effects: [{ kind: 'notify', to: 'applicant', message: '延长答复期限告知书' }],
    }),
    // 第三十六条: 根据不同情况分别作出答复.
    defineAction({
      name: 'reply',
      label: '作出答复',
      citation: `${regulation}第三十六条`,
      from: ['received'],
      to: 'replied',
      roles: ['officer', 'liaison'],
      fields: z.object({
        outcome: z.enum(['alreadyPublic', 'disclosed', 'withheld', 'notHeld', 'unclear'], {
          message: '答复类型必须选择',
        }),
        summary: reasonText('答复内容'),
      }),
      requiredDocuments: [{ key: 'replyLetter', label: '政府信息公开申请答复书' }],
      deadlines: { meets: [replyDeadline] },
      effects: [
        { kind: 'file', document: '政府信息公开申请答复书' },
        { kind: 'notify', to: 'applicant', message: '政府信息公开申请答复书' },
      ],
    }),
  ],
};
