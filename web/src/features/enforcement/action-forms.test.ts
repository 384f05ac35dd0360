import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { legalReviewChecks } from '../../../../contracts/enforcement';
import {
  ordinaryCaseProcedure,
  summaryCaseProcedure,
} from '../../../../server/modules/enforcement/case-procedures';
import {
  actionErrorPath,
  actionFormOf,
  describeStepFields,
  initialActionValues,
  isActionApplicable,
  toActionFields,
  type ActionField,
} from './action-forms';
import { caseStateLabels } from './case-fields';

const actions = [...ordinaryCaseProcedure.actions, ...summaryCaseProcedure.actions];
const shapeOf = (schema: unknown) => Object.keys((schema as z.ZodObject).shape).sort();

/** What a clerk puts into a field of each type. */
function filled(field: ActionField): unknown {
  switch (field.type) {
    case 'text':
      return ` ${field.label}示例 `;
    case 'paragraph':
      return `${field.label}：经查，当事人于 2026 年 11 月在经营场所销售过期食品。`;
    case 'date':
      return dayjs('2026-11-20');
    case 'yuan':
      return 5000;
    case 'integer':
      return field.min ?? 1;
    case 'select':
      return field.options?.[0]?.value;
    case 'boolean':
      return true;
    case 'checklist':
      return field.options?.map((option) => option.value) ?? [];
    case 'penalty':
      return { kinds: ['warning', 'fine'], fineYuan: 5000, confiscationYuan: null, detail: ' 责令改正 ' };
  }
}

describe('each step of a case has a form that sends what its procedure accepts', () => {
  it.each(actions.map((action) => [action.name, action] as const))(
    '%s: the form has exactly the fields of the action, each labelled in Chinese',
    (name, action) => {
      const form = actionFormOf(name);
      expect(form.map((field) => field.name).sort()).toEqual(shapeOf(action.fields));
      for (const field of form) expect(field.label).toMatch(/\p{Script=Han}/u);
    },
  );

  it.each(actions.map((action) => [action.name, action] as const))(
    '%s: a filled form is accepted by the action’s schema',
    (name, action) => {
      const form = actionFormOf(name);
      const values = Object.fromEntries(form.map((field) => [field.name, filled(field)]));
      const parsed = action.fields.safeParse(toActionFields(form, values));
      expect(parsed.error?.issues ?? []).toEqual([]);
    },
  );

  it('leaves out an empty optional text and sends an unchecked checklist point as false', () => {
    const approve = toActionFields(actionFormOf('approveRegistration'), { comment: '   ' });
    expect(approve).toEqual({});
    const review = toActionFields(actionFormOf('legalReview'), {
      conclusion: 'problems',
      checklist: ['bodyLawful'],
      opinion: '证据不足',
    });
    expect(review.checklist).toEqual(
      Object.fromEntries(legalReviewChecks.map((check) => [check, check === 'bodyLawful'])),
    );
  });

  it('sends a penalty without a fine as 0 元 and dates as YYYY-MM-DD', () => {
    const fields = toActionFields(actionFormOf('decide'), {
      outcome: 'penalty',
      penalty: { kinds: ['warning'] },
      reasoning: '事实清楚',
    });
    expect(fields.penalty).toEqual({ kinds: ['warning'], fineYuan: 0, confiscationYuan: 0 });
    expect(toActionFields(actionFormOf('notify'), { noticedOn: dayjs('2026-11-23') })).toEqual({
      noticedOn: '2026-11-23',
    });
  });

  it('puts a server error on the field it names, a checklist point on the checklist', () => {
    expect(actionErrorPath(actionFormOf('decide'), 'fields.penalty.fineYuan')).toEqual([
      'penalty',
      'fineYuan',
    ]);
    expect(actionErrorPath(actionFormOf('legalReview'), 'fields.checklist.factsClear')).toEqual([
      'checklist',
    ]);
    expect(actionErrorPath(actionFormOf('serve'), 'fields.recipient')).toEqual(['recipient']);
    expect(actionErrorPath(actionFormOf('serve'), 'expectedRevision')).toBeNull();
    expect(actionErrorPath(actionFormOf('serve'), 'fields.unknown')).toBeNull();
  });

  it('describes a past step in Chinese: dates, choices and the checklist', () => {
    expect(
      describeStepFields('serve', { servedOn: '2026-11-20', method: 'direct', recipient: '张三' }),
    ).toEqual([
      { label: '送达日期', value: '2026年11月20日' },
      { label: '送达方式', value: '直接送达' },
      { label: '签收人', value: '张三' },
    ]);
    const review = describeStepFields('legalReview', {
      conclusion: 'agree',
      checklist: Object.fromEntries(legalReviewChecks.map((check) => [check, true])),
      opinion: '同意',
    });
    expect(review).toContainEqual({ label: '审核要点', value: '9 项中 9 项符合' });
  });

  it('starts the payment form with the decided fine and the surcharge', () => {
    const values = initialActionValues('recordPayment', {
      decidedPenalty: { kinds: ['fine'], fineYuan: 5000, confiscationYuan: 0, detail: null },
      surchargeYuan: 150.5,
    } as never);
    expect(values.paidYuan).toBe(5150.5);
    expect(dayjs.isDayjs(values.paidOn)).toBe(true);
  });
});

describe('a step that could not succeed is not offered', () => {
  const deadline = (key: string, status: 'open' | 'paused' | 'met', extensions: unknown[] = []) =>
    ({ key, status, extensions }) as never;

  it('offers releasing a seizure only while one is under way, and extending it once', () => {
    expect(isActionApplicable('releaseSeizure', [deadline('decision', 'open')])).toBe(false);
    expect(isActionApplicable('releaseSeizure', [deadline('seizure', 'open')])).toBe(true);
    expect(isActionApplicable('extendSeizure', [deadline('seizure', 'open')])).toBe(true);
    expect(isActionApplicable('extendSeizure', [deadline('seizure', 'open', [{}])])).toBe(false);
  });

  it('offers disposing of preserved evidence only while some is preserved, resuming only a pause', () => {
    expect(isActionApplicable('disposePreservedEvidence', [deadline('preservation', 'met')])).toBe(false);
    expect(isActionApplicable('disposePreservedEvidence', [deadline('preservation', 'open')])).toBe(true);
    expect(isActionApplicable('resume', [deadline('decision', 'open')])).toBe(false);
    expect(isActionApplicable('suspend', [deadline('decision', 'open')])).toBe(true);
    expect(isActionApplicable('resume', [deadline('decision', 'paused')])).toBe(true);
    expect(isActionApplicable('decide', [])).toBe(true);
  });
});

describe('the state filter knows every state of both procedures', () => {
  it('has the ordinary procedure’s labels and every summary state', () => {
    for (const [state, { label }] of Object.entries(ordinaryCaseProcedure.states)) {
      expect(caseStateLabels[state]).toBe(label);
    }
    for (const state of Object.keys(summaryCaseProcedure.states)) expect(caseStateLabels[state]).toBeTruthy();
    expect(Object.keys(caseStateLabels).sort()).toEqual(
      [
        ...new Set([
          ...Object.keys(ordinaryCaseProcedure.states),
          ...Object.keys(summaryCaseProcedure.states),
        ]),
      ].sort(),
    );
  });
});
