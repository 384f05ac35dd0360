import { z } from 'zod';
import { civilDateField, optionalText } from '../../../contracts/fields';
import {
  decisionOutcomes,
  legalReviewChecks,
  legalReviewConclusions,
  penaltyInputSchema,
  yuanField,
} from '../../../contracts/enforcement';
import { chineseDate } from '../../core/calendar/civil-dates';
import {
  defineAction,
  type Guard,
  type ProcedureAction,
  type ProcedureDefinition,
} from '../../core/procedures/procedure-definition';
import { registerProcedure } from '../../core/procedures/procedure-registry';

/**
 * The enforcement case as two procedures of the core engine (DESIGN.md core mechanism 1): the
 * ordinary procedure (行政处罚法 ch. 5 §3: 立案 → 调查取证 → 审核 → 法制审核 → 集体讨论 → 事先告知 →
 * 陈述申辩/听证 → 决定 → 送达 → 执行 → 结案 → 归档) and the summary procedure (§2: 当场作出 → 送达 →
 * 执行 → 备案结案 → 归档). Every deadline names its article; the guards read the facts the
 * enforcement service computes in the same transaction (certificates, records, the major-case
 * status, the legal review), never the user's input.
 */

export const ordinaryCaseProcedureKey = 'enforcement-ordinary';
export const summaryCaseProcedureKey = 'enforcement-summary';

const penaltyLaw = '《中华人民共和国行政处罚法》';
const coercionLaw = '《中华人民共和国行政强制法》';
const guideline =
  '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》';

/** The facts the enforcement service gives every guard (see enforcement-service.ts caseFacts). */
export interface CaseFacts {
  /** how many of the case's officers hold an enforcement certificate valid today */
  certifiedOfficers: number;
  /** whether the acting user is one of the case's officers (for officer actions) */
  actorIsCaseOfficer: boolean;
  /** whether the acting user's person holds the national legal professional qualification */
  actorHasLegalQualification: boolean;
  recordCount: number;
  hasAudioVideo: boolean;
  isMajor: boolean;
  requiresDeliberation: boolean;
  hearingEligible: boolean;
  /** the decided penalty carries the right to a hearing the prior notice did not offer */
  hearingNotOffered: boolean;
  legalReviewConclusion: 'agree' | 'problems' | null;
  deliberatedOn: string | null;
  /** the decided fine and confiscation in 分 */
  fineFen: number;
  /** what must be paid on the payment date given: fine plus the art. 72 surcharge, in 分 */
  amountDueFen: number;
  outsideDiscretionRange: boolean;
  discretionOutcome: string | null;
  caseFileIndexGenerated: boolean;
}

const facts = (context: { facts: Readonly<Record<string, unknown>> }) =>
  context.facts as unknown as CaseFacts;

const requiredText = (label: string, max = 2000) =>
  z
    .string({ message: `必须填写${label}` })
    .trim()
    .min(2, `必须填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

// ── Guards ────────────────────────────────────────────────────────────────────

const twoCertifiedOfficers: Guard<unknown> = (_instance, _fields, context) =>
  facts(context).certifiedOfficers < 2
    ? `执法人员不得少于两人且须持有有效执法证件（${penaltyLaw}第四十二条），本案目前只有 ${facts(context).certifiedOfficers} 名承办人持有效证件`
    : null;

const actorIsCaseOfficer: Guard<unknown> = (_instance, _fields, context) =>
  facts(context).actorIsCaseOfficer ? null : '只有本案的承办人员才能办理此环节';

const notInFuture =
  (field: string, label: string): Guard<Record<string, unknown>> =>
  (_instance, fields, context) => {
    const value = fields[field];
    return typeof value === 'string' && value > context.today ? `${label}不能晚于今天` : null;
  };

const legalReviewPassed: Guard<unknown> = (_instance, _fields, context) => {
  const known = facts(context);
  if (!known.isMajor) return null;
  if (known.legalReviewConclusion === null) {
    return `本案属于重大执法决定，未经法制审核不得作出决定（${penaltyLaw}第五十八条）`;
  }
  return known.legalReviewConclusion === 'agree'
    ? null
    : `法制审核意见为“存在问题”，审核未通过的不得作出决定（${penaltyLaw}第五十八条），请整改后重新送审`;
};

const deliberationHeld: Guard<unknown> = (_instance, _fields, context) =>
  facts(context).requiresDeliberation && !facts(context).deliberatedOn
    ? `本案须经行政机关负责人集体讨论决定（${penaltyLaw}第五十七条），请先记录集体讨论`
    : null;

// ── Actions shared by both procedures ─────────────────────────────────────────

const serviceFields = z.object({
  servedOn: civilDateField('送达日期'),
  method: z.enum(['direct', 'postal', 'electronic', 'leftAtResidence', 'publicNotice'], {
    message: '送达方式只能是直接送达、邮寄送达、电子送达、留置送达或公告送达',
  }),
  recipient: requiredText('签收人', 100),
});

const paymentFields = z.object({
  paidOn: civilDateField('缴款日期'),
  paidYuan: yuanField('缴款金额'),
  receiptNumber: requiredText('缴款凭证号', 64),
});

const closeFields = z.object({ comment: optionalText('结案意见', 2000) });
const archiveFields = z.object({
  archiveNumber: requiredText('档案号', 64),
  volumes: z.number({ message: '卷数必须是数字' }).int('卷数必须是整数').min(1, '卷数至少为 1').max(99),
  retention: z.enum(['permanent', 'long', 'short'], { message: '保管期限只能是永久、长期或短期' }),
});

const serve = defineAction({
  name: 'serve',
  label: '送达决定书',
  citation: `${penaltyLaw}第六十一条`,
  from: ['decided'],
  to: 'executing',
  roles: ['officer'],
  fields: serviceFields,
  guards: [
    actorIsCaseOfficer,
    notInFuture('servedOn', '送达日期'),
    (_instance, _fields, context) =>
      facts(context).fineFen > 0 ? null : '本决定没有罚款或没收金额，请使用“送达并结束执行”',
  ],
  deadlines: {
    meets: ['service'],
    starts: [
      {
        key: 'payment',
        label: '当事人缴纳罚款',
        length: 15,
        unit: 'days',
        citation: `${penaltyLaw}第六十七条第三款`,
      },
    ],
  },
});

const serveWithoutPayment = defineAction({
  name: 'serveWithoutPayment',
  label: '送达并结束执行',
  citation: `${penaltyLaw}第六十一条`,
  from: ['decided'],
  to: 'pendingClose',
  roles: ['officer'],
  fields: serviceFields,
  guards: [
    actorIsCaseOfficer,
    notInFuture('servedOn', '送达日期'),
    (_instance, _fields, context) =>
      facts(context).fineFen > 0 ? '本决定有罚款或没收金额，送达后须等待当事人缴纳' : null,
  ],
  deadlines: { meets: ['service'] },
});

const recordPayment = defineAction({
  name: 'recordPayment',
  label: '登记缴款',
  citation: `${penaltyLaw}第六十七条、第七十二条`,
  from: ['executing'],
  to: 'pendingClose',
  roles: ['officer'],
  fields: paymentFields,
  guards: [
    notInFuture('paidOn', '缴款日期'),
    (_instance, fields, context) => {
      const due = facts(context).amountDueFen;
      return Math.round(fields.paidYuan * 100) < due
        ? `应缴 ${(due / 100).toFixed(2)} 元（含逾期加处罚款，${penaltyLaw}第七十二条），登记的缴款金额不足`
        : null;
    },
  ],
  deadlines: { meets: ['payment'] },
});

const requestCourtEnforcement = defineAction({
  name: 'requestCourtEnforcement',
  label: '申请人民法院强制执行',
  citation: `${penaltyLaw}第七十二条第一款第四项`,
  from: ['executing'],
  to: 'pendingClose',
  roles: ['agencyHead'],
  fields: z.object({ court: requiredText('受理法院', 100), reason: requiredText('申请理由') }),
  guards: [
    (_instance, _fields, context) => {
      const payment = context.deadlines.find((deadline) => deadline.key === 'payment');
      return payment?.dueDate && payment.dueDate >= context.today
        ? `缴款期限至${chineseDate(payment.dueDate)}，期限届满前不能申请强制执行`
        : null;
    },
  ],
  deadlines: { cancels: ['payment'] },
});

const close = (from: string, label: string, citation: string): ProcedureAction =>
  defineAction({
    name: 'close',
    label,
    citation,
    from: [from],
    to: 'closed',
    roles: ['agencyHead'],
    fields: closeFields,
  });

const archive = defineAction({
  name: 'archive',
  label: '立卷归档',
  citation: `${penaltyLaw}第四十七条`,
  from: ['closed'],
  to: 'archived',
  roles: ['officer'],
  fields: archiveFields,
  guards: [
    (_instance, _fields, context) =>
      facts(context).caseFileIndexGenerated ? null : '归档前请先生成卷内文件目录',
  ],
});

// ── The ordinary procedure ───────────────────────────────────────────────────

const registrationFields = z.object({ comment: optionalText('审批意见', 2000) });
const reasonFields = z.object({ reason: requiredText('理由') });

const proposalFields = z.object({
  facts: requiredText('违法事实', 5000),
  evidenceSummary: requiredText('证据情况', 5000),
  outcome: z.enum(decisionOutcomes, { message: '处理意见只能是给予处罚或不予处罚' }),
  penalty: penaltyInputSchema,
  /** the discretion benchmark circumstance the officers applied */
  circumstanceKey: optionalText('裁量情形', 32),
  deviationReason: optionalText('超出裁量基准的理由', 2000),
  /** 行政处罚法 art. 58 (1)(1), (3): 涉及重大公共利益, 案件情况疑难复杂 — the officers' own finding */
  majorReason: optionalText('重大执法决定情形', 500),
  lawApplied: requiredText('适用法律依据', 2000),
});

const legalReviewFields = z.object({
  conclusion: z.enum(legalReviewConclusions, { message: '审核结论只能是同意或存在问题' }),
  checklist: z.object(
    Object.fromEntries(
      legalReviewChecks.map((check) => [check, z.boolean({ message: '审核要点必须逐项勾选' })]),
    ) as Record<(typeof legalReviewChecks)[number], z.ZodBoolean>,
    { message: '审核要点必须逐项勾选' },
  ),
  opinion: requiredText('书面审核意见', 5000),
});

export const ordinaryCaseProcedure: ProcedureDefinition = {
  key: ordinaryCaseProcedureKey,
  version: 1,
  title: '行政处罚普通程序',
  citation: `${penaltyLaw}第五章第三节；${guideline}`,
  initialState: 'pendingRegistration',
  states: {
    pendingRegistration: { label: '待立案审批' },
    investigating: { label: '调查取证' },
    reviewing: { label: '案件审核' },
    noticed: { label: '已告知（陈述申辩）' },
    hearingRequested: { label: '已申请听证' },
    hearingScheduled: { label: '已通知听证' },
    readyToDecide: { label: '待作出决定' },
    decided: { label: '已决定（待送达）' },
    executing: { label: '执行中' },
    pendingClose: { label: '待结案' },
    closed: { label: '已结案' },
    archived: { label: '已归档', terminal: true },
    notRegistered: { label: '不予立案', terminal: true },
    withdrawn: { label: '已撤销立案', terminal: true },
    referred: { label: '已移送司法机关', terminal: true },
  },
  start: { label: '提出立案申请', roles: ['officer'], fields: z.object({}) },
  actions: [
    defineAction({
      name: 'approveRegistration',
      label: '批准立案',
      citation: `${penaltyLaw}第五十四条`,
      from: ['pendingRegistration'],
      to: 'investigating',
      roles: ['agencyHead'],
      fields: registrationFields,
      guards: [twoCertifiedOfficers],
      deadlines: {
        starts: [
          {
            key: 'decision',
            label: '作出行政处罚决定',
            length: 90,
            unit: 'days',
            citation: `${penaltyLaw}第六十条`,
          },
        ],
      },
    }),
    defineAction({
      name: 'rejectRegistration',
      label: '不予立案',
      from: ['pendingRegistration'],
      to: 'notRegistered',
      roles: ['agencyHead'],
      fields: reasonFields,
    }),
    defineAction({
      name: 'preserveEvidence',
      label: '先行登记保存证据',
      citation: `${penaltyLaw}第五十六条`,
      from: ['investigating'],
      roles: ['officer'],
      fields: z.object({
        items: requiredText('登记保存的物品'),
        approvedBy: requiredText('批准的负责人', 50),
      }),
      guards: [actorIsCaseOfficer, twoCertifiedOfficers],
      deadlines: {
        starts: [
          {
            key: 'preservation',
            label: '对先行登记保存的证据作出处理决定',
            length: 7,
            unit: 'workingDays',
            citation: `${penaltyLaw}第五十六条、第八十五条`,
          },
        ],
      },
    }),
    defineAction({
      name: 'disposePreservedEvidence',
      label: '处理登记保存的证据',
      citation: `${penaltyLaw}第五十六条`,
      from: ['investigating', 'reviewing', 'noticed', 'readyToDecide'],
      roles: ['officer'],
      fields: z.object({ disposition: requiredText('处理决定') }),
      guards: [
        actorIsCaseOfficer,
        (_instance, _fields, context) =>
          context.deadlines.some((deadline) => deadline.key === 'preservation' && deadline.status === 'open')
            ? null
            : '本案没有待处理的先行登记保存证据',
      ],
      deadlines: { meets: ['preservation'] },
    }),
    // 行政强制法 art. 18 (2)(10): two officers, the party present, an on-site record; the
    // guideline requires an audio-video record of 查封扣押 (三（八）).
    defineAction({
      name: 'seize',
      label: '查封、扣押',
      citation: `${coercionLaw}第十八条、第二十四条、第二十五条；${guideline}三（八）`,
      from: ['investigating'],
      roles: ['officer'],
      fields: z.object({
        items: requiredText('查封、扣押的场所、设施或者财物'),
        decisionNumber: requiredText('查封（扣押）决定书文号', 64),
      }),
      guards: [
        actorIsCaseOfficer,
        twoCertifiedOfficers,
        (_instance, _fields, context) =>
          facts(context).hasAudioVideo
            ? null
            : `查封、扣押须全程音像记录（${guideline}三（八）），请先上传本案的音像记录`,
        (_instance, _fields, context) =>
          context.deadlines.some((deadline) => deadline.key === 'seizure' && deadline.status === 'open')
            ? '本案已有未解除的查封、扣押'
            : null,
      ],
      deadlines: {
        starts: [
          {
            key: 'seizure',
            label: '查封、扣押期限',
            length: 30,
            unit: 'days',
            citation: `${coercionLaw}第二十五条`,
          },
        ],
      },
    }),
    defineAction({
      name: 'extendSeizure',
      label: '延长查封、扣押期限',
      citation: `${coercionLaw}第二十五条`,
      from: ['investigating', 'reviewing'],
      roles: ['agencyHead'],
      fields: z.object({
        reason: requiredText('延长理由'),
        days: z.number().int().min(1).max(30).default(30),
      }),
      guards: [
        (_instance, _fields, context) =>
          context.deadlines.some(
            (deadline) =>
              deadline.key === 'seizure' && deadline.status === 'open' && deadline.extensions.length > 0,
          )
            ? `查封、扣押期限只能延长一次（${coercionLaw}第二十五条）`
            : null,
      ],
      deadlines: {
        extends: {
          key: 'seizure',
          length: 30,
          lengthField: 'days',
          reasonField: 'reason',
          citation: `${coercionLaw}第二十五条`,
        },
      },
    }),
    defineAction({
      name: 'releaseSeizure',
      label: '解除查封、扣押',
      citation: `${coercionLaw}第二十七条、第二十八条`,
      from: ['investigating', 'reviewing', 'noticed', 'readyToDecide'],
      roles: ['officer'],
      fields: z.object({ disposition: requiredText('处理决定（解除或没收、销毁）') }),
      guards: [
        actorIsCaseOfficer,
        (_instance, _fields, context) =>
          context.deadlines.some((deadline) => deadline.key === 'seizure' && deadline.status === 'open')
            ? null
            : '本案没有未解除的查封、扣押',
      ],
      deadlines: { meets: ['seizure'] },
    }),
    defineAction({
      name: 'suspend',
      label: '中止计算办案期限',
      citation: `${penaltyLaw}第六十条`,
      from: ['investigating', 'reviewing'],
      roles: ['agencyHead'],
      fields: z.object({ reason: requiredText('中止理由（检测、检验、检疫、鉴定等）') }),
      deadlines: { pauses: ['decision'], reasonField: 'reason' },
    }),
    defineAction({
      name: 'resume',
      label: '恢复计算办案期限',
      citation: `${penaltyLaw}第六十条`,
      from: ['investigating', 'reviewing'],
      roles: ['agencyHead'],
      fields: z.object({ reason: requiredText('恢复理由') }),
      guards: [
        (_instance, _fields, context) =>
          context.deadlines.some((deadline) => deadline.key === 'decision' && deadline.status === 'paused')
            ? null
            : '办案期限没有中止',
      ],
      deadlines: { resumes: ['decision'], reasonField: 'reason' },
    }),
    defineAction({
      name: 'extendDecisionLimit',
      label: '延长办案期限',
      citation: `${penaltyLaw}第六十条（法律、法规、规章另有规定的，从其规定）`,
      from: ['investigating', 'reviewing', 'noticed', 'readyToDecide'],
      roles: ['agencyHead'],
      fields: z.object({
        reason: requiredText('延长理由'),
        days: z.number({ message: '延长天数必须是数字' }).int().min(1).max(90),
      }),
      deadlines: {
        extends: {
          key: 'decision',
          length: 90,
          lengthField: 'days',
          reasonField: 'reason',
          citation: `${penaltyLaw}第六十条`,
        },
      },
    }),
    defineAction({
      name: 'concludeInvestigation',
      label: '调查终结，提出处理意见',
      citation: `${penaltyLaw}第五十四条、第五十五条`,
      from: ['investigating'],
      to: 'reviewing',
      roles: ['officer'],
      fields: proposalFields,
      guards: [
        actorIsCaseOfficer,
        twoCertifiedOfficers,
        (_instance, _fields, context) =>
          facts(context).recordCount > 0 ? null : '调查终结前须至少有一项调查取证记录',
        (_instance, fields) =>
          fields.outcome === 'penalty' && fields.penalty.kinds.length === 0
            ? '给予处罚的，须选择处罚种类'
            : null,
        (_instance, fields) =>
          fields.penalty.kinds.includes('fine') !== fields.penalty.fineYuan > 0 &&
          fields.outcome === 'penalty'
            ? '处罚种类含罚款时须填写罚款金额；未选择罚款时罚款金额应为 0'
            : null,
        (_instance, fields, context) =>
          facts(context).outsideDiscretionRange && !fields.deviationReason
            ? '拟处罚超出裁量基准的范围，须写明理由（将提示法制审核人员）'
            : null,
        (_instance, fields, context) =>
          facts(context).discretionOutcome === 'noPenalty' &&
          fields.outcome === 'penalty' &&
          !fields.deviationReason
            ? `所选情形属于免罚清单（${penaltyLaw}第三十三条），拟给予处罚的须写明理由`
            : null,
      ],
    }),
    defineAction({
      name: 'returnToInvestigation',
      label: '退回补充调查',
      from: ['reviewing'],
      to: 'investigating',
      roles: ['agencyHead', 'legalReviewer'],
      fields: reasonFields,
    }),
    defineAction({
      name: 'legalReview',
      label: '法制审核',
      citation: `${penaltyLaw}第五十八条；${guideline}三（十一）至（十三）`,
      from: ['reviewing', 'readyToDecide'],
      roles: ['legalReviewer'],
      fields: legalReviewFields,
      guards: [
        (_instance, _fields, context) =>
          facts(context).actorHasLegalQualification
            ? null
            : `初次从事行政处罚决定法制审核的人员应当取得法律职业资格（${penaltyLaw}第五十八条第二款），您的人员信息中未登记法律职业资格`,
        (_instance, fields) =>
          fields.conclusion === 'agree' && Object.values(fields.checklist).some((passed) => !passed)
            ? '审核要点有未通过的项目，审核结论不能为“同意”'
            : null,
      ],
    }),
    defineAction({
      name: 'deliberate',
      label: '记录集体讨论',
      citation: `${penaltyLaw}第五十七条第二款`,
      from: ['reviewing', 'readyToDecide'],
      roles: ['agencyHead'],
      fields: z.object({
        meetingDate: civilDateField('会议日期'),
        participants: requiredText('参加人员', 500),
        conclusion: requiredText('讨论决定', 5000),
      }),
      guards: [notInFuture('meetingDate', '会议日期')],
    }),
    defineAction({
      name: 'notify',
      label: '送达事先告知书',
      citation: `${penaltyLaw}第四十四条、第六十二条`,
      from: ['reviewing'],
      to: 'noticed',
      roles: ['officer'],
      fields: z.object({ noticedOn: civilDateField('告知日期') }),
      guards: [
        actorIsCaseOfficer,
        notInFuture('noticedOn', '告知日期'),
        (_instance, _fields, context) =>
          facts(context).hearingEligible
            ? '拟作出的处罚属于听证范围，请使用“送达事先告知书（告知听证权利）”'
            : null,
      ],
    }),
    defineAction({
      name: 'notifyWithHearing',
      label: '送达事先告知书（告知听证权利）',
      citation: `${penaltyLaw}第四十四条、第六十三条、第六十四条`,
      from: ['reviewing'],
      to: 'noticed',
      roles: ['officer'],
      fields: z.object({ noticedOn: civilDateField('告知日期') }),
      guards: [
        actorIsCaseOfficer,
        notInFuture('noticedOn', '告知日期'),
        (_instance, _fields, context) =>
          facts(context).hearingEligible ? null : '拟作出的处罚不属于听证范围，请使用“送达事先告知书”',
      ],
      deadlines: {
        starts: [
          {
            key: 'hearingRequest',
            label: '当事人要求听证',
            length: 5,
            unit: 'workingDays',
            citation: `${penaltyLaw}第六十四条第一项、第八十五条`,
          },
        ],
      },
    }),
    defineAction({
      name: 'recordStatement',
      label: '记录陈述申辩（复核）',
      citation: `${penaltyLaw}第四十五条、第六十二条`,
      from: ['noticed'],
      to: 'readyToDecide',
      roles: ['officer'],
      fields: z.object({
        statement: requiredText('当事人陈述申辩情况（未陈述申辩的写明“当事人未提出陈述申辩”）', 5000),
        review: requiredText('复核意见', 5000),
        hearingWaived: z.boolean().default(false),
      }),
      guards: [
        actorIsCaseOfficer,
        (_instance, fields, context) => {
          const window = context.deadlines.find(
            (deadline) => deadline.key === 'hearingRequest' && deadline.status === 'open',
          );
          return window?.dueDate && window.dueDate >= context.today && !fields.hearingWaived
            ? `当事人要求听证的期限至${chineseDate(window.dueDate)}，期限届满或当事人明确放弃听证后才能进入决定`
            : null;
        },
      ],
      deadlines: { cancels: ['hearingRequest'] },
    }),
    defineAction({
      name: 'requestHearing',
      label: '当事人要求听证',
      citation: `${penaltyLaw}第六十三条、第六十四条`,
      from: ['noticed'],
      to: 'hearingRequested',
      roles: ['officer'],
      fields: z.object({ requestedOn: civilDateField('申请日期') }),
      guards: [
        notInFuture('requestedOn', '申请日期'),
        (_instance, fields, context) => {
          const window = context.deadlines.find((deadline) => deadline.key === 'hearingRequest');
          if (!window) return '本案未告知听证权利';
          return window.dueDate && fields.requestedOn > window.dueDate
            ? `当事人应在告知后五个工作日内提出听证要求（${penaltyLaw}第六十四条），已于${chineseDate(window.dueDate)}届满`
            : null;
        },
      ],
      deadlines: { meets: ['hearingRequest'], pauses: ['decision'], reasonField: 'requestedOn' },
    }),
    defineAction({
      name: 'scheduleHearing',
      label: '通知听证',
      citation: `${penaltyLaw}第六十四条第二项`,
      from: ['hearingRequested'],
      to: 'hearingScheduled',
      roles: ['officer'],
      fields: z.object({
        hearingDate: civilDateField('听证日期'),
        place: requiredText('听证地点', 200),
        host: requiredText('听证主持人', 50),
      }),
      guards: [
        (_instance, fields, context) => {
          const earliest = context.calendar.addWorkingDays(context.today, 7);
          return fields.hearingDate < earliest
            ? `应当在举行听证的七日前通知当事人（${penaltyLaw}第六十四条第二项、第八十五条），最早可定于${chineseDate(earliest)}`
            : null;
        },
      ],
    }),
    defineAction({
      name: 'holdHearing',
      label: '记录听证',
      citation: `${penaltyLaw}第六十四条、第六十五条`,
      from: ['hearingScheduled'],
      to: 'readyToDecide',
      roles: ['officer'],
      fields: z.object({ heldOn: civilDateField('听证日期'), record: requiredText('听证笔录摘要', 5000) }),
      guards: [notInFuture('heldOn', '听证日期')],
      deadlines: { resumes: ['decision'] },
    }),
    defineAction({
      name: 'decide',
      label: '作出决定',
      citation: `${penaltyLaw}第五十七条、第五十八条、第五十九条`,
      from: ['readyToDecide'],
      to: 'decided',
      roles: ['agencyHead'],
      fields: z.object({
        outcome: z.enum(decisionOutcomes, { message: '决定只能是给予处罚或不予处罚' }),
        penalty: penaltyInputSchema,
        reasoning: requiredText('决定理由', 5000),
      }),
      guards: [
        twoCertifiedOfficers,
        (_instance, _fields, context) =>
          facts(context).hearingNotOffered
            ? `决定的处罚属于听证范围，但事先告知时未告知听证权利（${penaltyLaw}第六十三条），请重新告知`
            : null,
        legalReviewPassed,
        deliberationHeld,
      ],
      deadlines: {
        meets: ['decision'],
        starts: [
          {
            key: 'service',
            label: '送达行政处罚决定书',
            length: 7,
            unit: 'workingDays',
            citation: `${penaltyLaw}第六十一条、第八十五条`,
          },
        ],
      },
      effects: [{ kind: 'publish', what: 'enforcementDecision' }],
    }),
    serve,
    serveWithoutPayment,
    recordPayment,
    requestCourtEnforcement,
    close('pendingClose', '结案审批', `${penaltyLaw}第四十七条`),
    archive,
    defineAction({
      name: 'withdrawCase',
      label: '撤销立案',
      from: ['investigating', 'reviewing', 'noticed', 'readyToDecide'],
      to: 'withdrawn',
      roles: ['agencyHead'],
      fields: reasonFields,
      deadlines: { cancels: ['decision', 'hearingRequest', 'preservation'], reasonField: 'reason' },
    }),
    defineAction({
      name: 'refer',
      label: '移送司法机关',
      citation: `${penaltyLaw}第二十七条；《行政执法机关移送涉嫌犯罪案件的规定》`,
      from: ['investigating', 'reviewing', 'noticed', 'readyToDecide'],
      to: 'referred',
      roles: ['agencyHead'],
      fields: z.object({ receivingOrgan: requiredText('接收机关', 100), reason: requiredText('移送理由') }),
      deadlines: { cancels: ['decision', 'hearingRequest', 'preservation'], reasonField: 'reason' },
    }),
  ],
};

// ── The summary procedure ────────────────────────────────────────────────────

export const summaryCaseProcedure: ProcedureDefinition = {
  key: summaryCaseProcedureKey,
  version: 1,
  title: '行政处罚简易程序',
  citation: `${penaltyLaw}第五章第二节`,
  initialState: 'decided',
  states: {
    decided: { label: '当场决定（待交付）' },
    executing: { label: '执行中' },
    pendingClose: { label: '待备案结案' },
    closed: { label: '已结案' },
    archived: { label: '已归档', terminal: true },
  },
  start: {
    label: '当场作出行政处罚决定',
    roles: ['officer'],
    fields: z.object({}),
    deadlines: {
      starts: [
        {
          key: 'service',
          label: '交付行政处罚决定书',
          length: 7,
          unit: 'workingDays',
          citation: `${penaltyLaw}第五十二条、第六十一条`,
        },
      ],
    },
  },
  actions: [
    serve,
    serveWithoutPayment,
    recordPayment,
    requestCourtEnforcement,
    close('pendingClose', '备案结案', `${penaltyLaw}第五十二条第三款`),
    archive,
  ],
};

registerProcedure(ordinaryCaseProcedure);
registerProcedure(summaryCaseProcedure);
