import { describe, expect, it } from 'vitest';
import type { DiscretionCircumstance } from '../../../../contracts/enforcement';
import { assessDiscretion, circumstanceProblems, circumstancesOf } from './discretion-rules';

const circumstance = (overrides: Partial<DiscretionCircumstance>): DiscretionCircumstance => ({
  key: 'A',
  label: '一般情形',
  description: null,
  outcome: 'ordinary',
  fineMinYuan: 0,
  fineMaxYuan: 0,
  penaltyKinds: [],
  ...overrides,
});

/** 食品经营者未按规定公示许可证 (a benchmark of four circumstances, fines in 元). */
const benchmark = {
  id: 'b-1',
  circumstances: [
    circumstance({ key: 'M1', label: '首次违法且及时改正，未造成危害后果', outcome: 'noPenalty' }),
    circumstance({
      key: 'L1',
      label: '主动消除或者减轻违法行为危害后果',
      outcome: 'light',
      fineMinYuan: 5000,
      fineMaxYuan: 20000,
      penaltyKinds: ['warning'],
    }),
    circumstance({
      key: 'O1',
      label: '一般违法情形',
      outcome: 'ordinary',
      fineMinYuan: 20000,
      fineMaxYuan: 50000,
    }),
    circumstance({
      key: 'H1',
      label: '拒不改正或造成严重后果',
      outcome: 'heavy',
      fineMinYuan: 50000,
      fineMaxYuan: 100000,
      penaltyKinds: ['fine', 'confiscateGains', 'revokeLicence'],
    }),
  ],
};

describe('assessDiscretion', () => {
  it('flags a penalty proposed on a 免罚清单 circumstance as outside the range', () => {
    const fined = assessDiscretion(benchmark, 'M1', { outcome: 'penalty', fineYuan: 1000, kinds: ['fine'] });
    expect(fined).toMatchObject({ outcome: 'noPenalty', fineMinYuan: 0, fineMaxYuan: 0, outsideRange: true });
    expect(fined.reasons[0]).toContain('应当不予行政处罚');
    const warned = assessDiscretion(benchmark, 'M1', { outcome: 'penalty', fineYuan: 0, kinds: ['warning'] });
    expect(warned.outsideRange).toBe(true);
  });

  it('accepts no penalty on a 免罚清单 circumstance', () => {
    const result = assessDiscretion(benchmark, 'M1', { outcome: 'noPenalty', fineYuan: 0, kinds: [] });
    expect(result).toMatchObject({
      benchmarkId: 'b-1',
      outcome: 'noPenalty',
      outsideRange: false,
      reasons: [],
    });
    expect(result.circumstance?.label).toBe('首次违法且及时改正，未造成危害后果');
  });

  it('measures a 轻罚清单 fine against its range, both ends included', () => {
    const at = (fineYuan: number) =>
      assessDiscretion(benchmark, 'L1', { outcome: 'penalty', fineYuan, kinds: ['fine'] }).outsideRange;
    expect(at(5000)).toBe(false);
    expect(at(20000)).toBe(false);
    expect(at(12345.67)).toBe(false);
    expect(at(4999.99)).toBe(true);
    expect(at(20000.01)).toBe(true);
    const result = assessDiscretion(benchmark, 'L1', {
      outcome: 'penalty',
      fineYuan: 30000,
      kinds: ['fine'],
    });
    expect(result).toMatchObject({
      outcome: 'light',
      fineMinYuan: 5000,
      fineMaxYuan: 20000,
      outsideRange: true,
    });
    expect(result.reasons[0]).toContain('超出裁量情形');
  });

  it('flags not punishing where the circumstance calls for a penalty', () => {
    const result = assessDiscretion(benchmark, 'O1', { outcome: 'noPenalty', fineYuan: 0, kinds: [] });
    expect(result.outsideRange).toBe(true);
    expect(result.reasons[0]).toContain('拟不予行政处罚');
  });

  it('flags a penalty kind the circumstance does not name, and allows 罚款 where it sets a fine range', () => {
    expect(
      assessDiscretion(benchmark, 'L1', { outcome: 'penalty', fineYuan: 6000, kinds: ['warning', 'fine'] })
        .outsideRange,
    ).toBe(false);
    const revoked = assessDiscretion(benchmark, 'L1', {
      outcome: 'penalty',
      fineYuan: 6000,
      kinds: ['fine', 'revokeLicence'],
    });
    expect(revoked.outsideRange).toBe(true);
    expect(revoked.reasons[0]).toContain('吊销许可证件');
    // a circumstance naming no kinds checks only the fine
    expect(
      assessDiscretion(benchmark, 'O1', {
        outcome: 'penalty',
        fineYuan: 30000,
        kinds: ['fine', 'confiscateGains'],
      }).outsideRange,
    ).toBe(false);
  });

  it('has nothing to measure against without a benchmark or with an unknown circumstance', () => {
    const empty = {
      outcome: null,
      circumstance: null,
      fineMinYuan: null,
      fineMaxYuan: null,
      outsideRange: false,
    };
    expect(assessDiscretion(null, 'L1', { outcome: 'penalty', fineYuan: 1, kinds: ['fine'] })).toMatchObject({
      ...empty,
      benchmarkId: null,
    });
    expect(
      assessDiscretion(benchmark, 'X9', { outcome: 'penalty', fineYuan: 1, kinds: ['fine'] }),
    ).toMatchObject({
      ...empty,
      benchmarkId: 'b-1',
    });
    expect(
      assessDiscretion(benchmark, null, { outcome: 'penalty', fineYuan: 1, kinds: ['fine'] }).outsideRange,
    ).toBe(false);
  });
});

describe('circumstanceProblems', () => {
  it('accepts a well-formed benchmark', () => {
    expect(circumstanceProblems(benchmark.circumstances)).toEqual([]);
  });

  it('refuses duplicate keys, 下限 above 上限, and a 免罚清单 circumstance with a fine or a kind', () => {
    const problems = circumstanceProblems([
      circumstance({ key: 'A', fineMinYuan: 100, fineMaxYuan: 200 }),
      circumstance({ key: 'A', label: '重复', fineMinYuan: 300, fineMaxYuan: 200 }),
      circumstance({
        key: 'N',
        label: '免罚',
        outcome: 'noPenalty',
        fineMaxYuan: 50,
        penaltyKinds: ['warning'],
      }),
    ]);
    expect(problems.map((problem) => problem.field)).toEqual([
      'circumstances.1.key',
      'circumstances.1.fineMinYuan',
      'circumstances.2.fineMaxYuan',
      'circumstances.2.penaltyKinds',
    ]);
  });
});

describe('circumstancesOf', () => {
  it('reads stored circumstances and drops what is not one', () => {
    expect(circumstancesOf(null)).toEqual([]);
    expect(circumstancesOf([{ key: 'A' }, benchmark.circumstances[1]]).map((entry) => entry.key)).toEqual([
      'L1',
    ]);
  });
});
