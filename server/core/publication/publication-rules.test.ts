import { describe, expect, it } from 'vitest';
import { readChineseDays } from '../calendar/chinese-days-data';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { addMonths, periodEndOn, publicationRuleFor, publicityPeriodFor } from './publication-rules';

const official = readChineseDays();
const calendar = new WorkingDayCalendar(
  official.map((year) => year.year),
  official.flatMap((year) => year.exceptions),
);

describe('publication deadlines per field and kind', () => {
  it('publishes a penalty within 7 working days in general, across the National Day holiday', () => {
    const rule = publicationRuleFor('general', 'penalty');
    expect(rule.publishWithin).toMatchObject({ length: 7, unit: 'workingDays' });
    expect(rule.publishWithin.citation).toContain('国办发〔2018〕118号');
    // decided Tuesday 2026-09-29: 9-30 is the 1st working day, 10-01…10-07 the holiday, then
    // 10-08, 10-09, Saturday 10-10 (a 调休 working day), 10-12, 10-13 and 10-14 the 7th
    expect(periodEndOn(rule.publishWithin, '2026-09-29', calendar)).toBe('2026-10-14');
  });

  it('gives market supervision its own, more specific numbers: 20 working days, withdrawal within 3 working days', () => {
    const rule = publicationRuleFor('marketSupervision', 'penalty');
    expect(rule.publishWithin).toMatchObject({ length: 20, unit: 'workingDays' });
    expect(rule.publishWithin.citation).toContain('第九条');
    expect(rule.withdrawWithin).toMatchObject({ length: 3, unit: 'workingDays' });
    // licensing in that field has no rule of its own and follows the general 7 days
    expect(publicationRuleFor('marketSupervision', 'licensing').publishWithin.length).toBe(7);
    expect(publicationRuleFor('general', 'otherEnforcement').publishWithin.length).toBe(20);
  });

  it('withdraws in general within 3 calendar days (行政处罚法 art. 48), moved past a rest day', () => {
    const rule = publicationRuleFor('general', 'penalty');
    expect(rule.withdrawWithin).toMatchObject({ length: 3, unit: 'days' });
    // revoked Wednesday 2026-11-18: the 3rd day is Saturday 11-21, so the period ends Monday 11-23
    expect(periodEndOn(rule.withdrawWithin, '2026-11-18', calendar)).toBe('2026-11-23');
  });

  it('keeps a market-supervision penalty public for 3 months when minor and 3 years otherwise; no period in general', () => {
    expect(publicityPeriodFor('marketSupervision', 'penalty', { isMinorPenalty: true })?.months).toBe(3);
    expect(publicityPeriodFor('marketSupervision', 'penalty', { isMinorPenalty: false })?.months).toBe(36);
    expect(publicityPeriodFor('general', 'penalty', { isMinorPenalty: false })).toBeNull();
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-11-23', 36)).toBe('2029-11-23');
  });
});
