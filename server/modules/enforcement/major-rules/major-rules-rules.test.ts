import { describe, expect, it } from 'vitest';
import {
  majorReasonsFor,
  matchingMajorRules,
  requiresDeliberationFor,
  type MajorRule,
} from './major-rules-rules';

const rule = (overrides: Partial<MajorRule>): MajorRule => ({
  title: '较大数额罚款',
  fineAtLeastFen: null,
  penaltyKinds: [],
  requiresDeliberation: false,
  isActive: true,
  ...overrides,
});

const catalogue = [
  rule({ title: '对法人或者其他组织处以十万元以上罚款', fineAtLeastFen: 10_000_000 }),
  rule({
    title: '吊销许可证件、责令停产停业、责令关闭',
    penaltyKinds: ['revokeLicence', 'suspendBusiness', 'closeDown'],
    requiresDeliberation: true,
  }),
  rule({ title: '已停用的目录事项', fineAtLeastFen: 100, isActive: false }),
];

describe('majorReasonsFor', () => {
  it('names the catalogue entry a fine at or above the threshold meets', () => {
    const reasons = majorReasonsFor(
      catalogue,
      { fineYuan: 100_000, kinds: ['fine'], partyKind: 'enterprise' },
      { hearingHeld: false },
    );
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('对法人或者其他组织处以十万元以上罚款');
    expect(reasons[0]).toContain('100,000 元');
  });

  it('finds nothing below the threshold, and ignores deactivated entries', () => {
    expect(
      majorReasonsFor(
        catalogue,
        { fineYuan: 99_999.99, kinds: ['fine'], partyKind: 'enterprise' },
        { hearingHeld: false },
      ),
    ).toEqual([]);
  });

  it('names the kinds that meet an entry', () => {
    const reasons = majorReasonsFor(
      catalogue,
      { fineYuan: 0, kinds: ['warning', 'revokeLicence'], partyKind: 'person' },
      { hearingHeld: false },
    );
    expect(reasons).toEqual([expect.stringContaining('拟吊销许可证件')]);
  });

  it('adds 经过听证程序 under art. 58(2) when a hearing was held, even with no catalogue match', () => {
    const reasons = majorReasonsFor(
      [],
      { fineYuan: 3000, kinds: ['fine'], partyKind: 'person' },
      { hearingHeld: true },
    );
    expect(reasons).toEqual([expect.stringContaining('经过听证程序')]);
    expect(reasons[0]).toContain('第五十八条第一款第二项');
  });

  it('lists every entry met, then the hearing', () => {
    const reasons = majorReasonsFor(
      catalogue,
      { fineYuan: 200_000, kinds: ['fine', 'suspendBusiness'], partyKind: 'enterprise' },
      { hearingHeld: true },
    );
    expect(reasons).toHaveLength(3);
    expect(reasons[2]).toContain('听证');
  });
});

describe('requiresDeliberationFor', () => {
  it('is true only when an entry met calls for collective deliberation', () => {
    expect(
      requiresDeliberationFor(catalogue, { fineYuan: 200_000, kinds: ['fine'], partyKind: 'enterprise' }),
    ).toBe(false);
    expect(
      requiresDeliberationFor(catalogue, { fineYuan: 0, kinds: ['closeDown'], partyKind: 'enterprise' }),
    ).toBe(true);
    expect(
      requiresDeliberationFor([rule({ fineAtLeastFen: 100, requiresDeliberation: true, isActive: false })], {
        fineYuan: 10,
        kinds: ['fine'],
        partyKind: 'person',
      }),
    ).toBe(false);
  });

  it('matchingMajorRules returns the entries themselves', () => {
    expect(
      matchingMajorRules(catalogue, { fineYuan: 0, kinds: ['closeDown'], partyKind: 'person' }).map(
        (entry) => entry.title,
      ),
    ).toEqual(['吊销许可证件、责令停产停业、责令关闭']);
  });
});
