import { describe, expect, it } from 'vitest';
import {
  bodyDocumentCode,
  hearingReasons,
  lateSurchargeFen,
  summaryProcedureProblem,
} from './enforcement-rules';

describe('机关代字', () => {
  it('is the region’s first character and the department’s usual code', () => {
    expect(bodyDocumentCode({ name: '示范市市场监督管理局', shortName: '市市场监管局' })).toBe('示市监');
    expect(bodyDocumentCode({ name: '伊川县市场监督管理局', shortName: '市场监管局' })).toBe('伊市监');
    expect(bodyDocumentCode({ name: '示范市生态环境局', shortName: '市生态环境局' })).toBe('示环');
    expect(bodyDocumentCode({ name: '涧西区综合行政执法局', shortName: null })).toBe('涧综执');
  });

  it('falls back to the short name without its suffix when the department has no usual code', () => {
    expect(
      bodyDocumentCode({ name: '示范市市场监管综合行政执法支队', shortName: '市市场监管执法支队' }),
    ).toBe('市市场监管执法');
    expect(bodyDocumentCode({ name: '国家税务总局示范市税务局', shortName: '市税务局' })).toBe('市税务');
  });
});

describe('加处罚款 (行政处罚法 art. 72)', () => {
  it('adds 3% of the fine a day from the day after the deadline, never more than the fine', () => {
    expect(lateSurchargeFen(80_000_00, '2026-10-27', '2026-10-27')).toBe(0);
    expect(lateSurchargeFen(80_000_00, '2026-10-27', '2026-10-29')).toBe(4_800_00);
    expect(lateSurchargeFen(80_000_00, '2026-10-27', '2027-03-01')).toBe(80_000_00);
    expect(lateSurchargeFen(80_000_00, null, '2026-12-01')).toBe(0);
  });
});

describe('简易程序 (art. 51)', () => {
  const fine = (fineFen: number) => ({ kinds: ['fine' as const], fineFen, confiscationFen: 0 });
  it('allows 200 元 for a citizen and 3,000 元 for an organization, and names the limit beyond', () => {
    expect(summaryProcedureProblem('person', fine(200_00))).toBeNull();
    expect(summaryProcedureProblem('person', fine(201_00))).toContain('200.00 元');
    expect(summaryProcedureProblem('enterprise', fine(3_000_00))).toBeNull();
    expect(summaryProcedureProblem('enterprise', fine(3_000_01))).toContain('3,000.00 元');
    expect(
      summaryProcedureProblem('person', { kinds: ['suspendBusiness'], fineFen: 0, confiscationFen: 0 }),
    ).toContain('第五十一条');
  });
});

describe('听证 (art. 63)', () => {
  it('gives the right from the threshold and for the listed kinds of penalty', () => {
    const none = { kinds: [], confiscationFen: 0 };
    expect(hearingReasons('person', { ...none, fineFen: 9_999_00 })).toEqual([]);
    expect(hearingReasons('person', { ...none, fineFen: 10_000_00 })).toHaveLength(1);
    expect(hearingReasons('enterprise', { ...none, fineFen: 99_999_00 })).toEqual([]);
    expect(
      hearingReasons(
        'enterprise',
        { ...none, fineFen: 30_000_00 },
        { personFen: 1, enterpriseFen: 20_000_00 },
      ),
    ).toHaveLength(1);
    expect(
      hearingReasons('enterprise', { kinds: ['revokeLicence'], fineFen: 0, confiscationFen: 0 }),
    ).toHaveLength(1);
  });
});
