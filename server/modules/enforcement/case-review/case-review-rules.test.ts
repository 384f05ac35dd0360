import { describe, expect, it } from 'vitest';
import {
  checklistProblems,
  checklistTotal,
  defaultChecklist,
  drawSample,
  gradeFor,
  sampleSize,
  scoreReview,
} from './case-review-rules';

describe('the default checklist', () => {
  it('has about twenty items in the eight parts of a case file, totalling 100, 优秀 90 and 合格 75', () => {
    expect(defaultChecklist.items.length).toBeGreaterThanOrEqual(18);
    expect(defaultChecklist.items.length).toBeLessThanOrEqual(24);
    expect([...new Set(defaultChecklist.items.map((entry) => entry.category))]).toEqual([
      '主体资格',
      '立案',
      '调查取证',
      '法制审核',
      '告知',
      '决定',
      '送达执行',
      '归档',
    ]);
    expect(checklistTotal(defaultChecklist.items)).toBe(100);
    expect([defaultChecklist.excellentAt, defaultChecklist.passAt]).toEqual([90, 75]);
    expect(checklistProblems(defaultChecklist)).toEqual([]);
  });
});

describe('checklistProblems', () => {
  it('refuses a repeated key and thresholds out of order', () => {
    const items = [
      { key: 'a', category: '立案', label: '立案及时', maxScore: 50 },
      { key: 'a', category: '决定', label: '决定合法', maxScore: 50 },
    ];
    expect(
      checklistProblems({ items, excellentAt: 120, passAt: 60 }).map((problem) => problem.field),
    ).toEqual(['items.1.key', 'excellentAt']);
    expect(checklistProblems({ items, excellentAt: 80, passAt: 85 }).map((problem) => problem.field)).toEqual(
      ['items.1.key', 'passAt'],
    );
  });
});

describe('scoreReview and gradeFor', () => {
  const full = Object.fromEntries(
    defaultChecklist.items.map((entry) => [entry.key, { score: entry.maxScore }]),
  );

  it('sums a complete score sheet', () => {
    expect(scoreReview(defaultChecklist.items, full)).toEqual({ total: 100, max: 100, problems: [] });
    const lower = { ...full, evidenceSufficient: { score: 3.5, note: '关键证据缺失' } };
    expect(scoreReview(defaultChecklist.items, lower).total).toBe(95.5);
  });

  it('refuses a score above the item, an item not scored, and a key the checklist lacks', () => {
    const { problems } = scoreReview(defaultChecklist.items, {
      ...full,
      fileTimely: { score: 3 },
      legalReviewDone: undefined as never,
      unknown: { score: 1 },
    });
    expect(problems.map((problem) => problem.field).sort()).toEqual([
      'scores.fileTimely',
      'scores.legalReviewDone',
      'scores.unknown',
    ]);
    expect(problems.find((problem) => problem.field === 'scores.fileTimely')?.message).toContain(
      '不能超过该项分值 2 分',
    );
  });

  it('grades at the thresholds', () => {
    expect(gradeFor(90, defaultChecklist)).toBe('excellent');
    expect(gradeFor(89.99, defaultChecklist)).toBe('pass');
    expect(gradeFor(75, defaultChecklist)).toBe('pass');
    expect(gradeFor(74.5, defaultChecklist)).toBe('fail');
  });
});

describe('sampling', () => {
  const ids = Array.from({ length: 40 }, (_, index) => `case-${String(index).padStart(2, '0')}`);

  it('sizes the sample from the ratio (rounded up, at least one) or the count (at most all)', () => {
    expect(sampleSize(0, { ratio: 0.1 })).toBe(0);
    expect(sampleSize(3, { ratio: 0.1 })).toBe(1);
    expect(sampleSize(40, { ratio: 0.1 })).toBe(4);
    expect(sampleSize(41, { ratio: 0.1 })).toBe(5);
    expect(sampleSize(40, { count: 5 })).toBe(5);
    expect(sampleSize(3, { count: 5 })).toBe(3);
  });

  it('draws the same cases from the same seed whatever the order they come in, and others from another seed', () => {
    const first = drawSample(ids, 6, '2026年度评查');
    expect(drawSample([...ids].reverse(), 6, '2026年度评查')).toEqual(first);
    expect(new Set(first).size).toBe(6);
    expect(first.every((id) => ids.includes(id))).toBe(true);
    expect(drawSample(ids, 6, '另一个种子')).not.toEqual(first);
  });

  it('spreads over the candidates', () => {
    const counts = new Map<string, number>();
    for (let round = 0; round < 400; round += 1) {
      for (const id of drawSample(ids, 4, `seed-${round}`)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect(counts.size).toBe(40);
    // 400 × 4 / 40 = 40 expected per case
    expect(Math.min(...counts.values())).toBeGreaterThan(15);
    expect(Math.max(...counts.values())).toBeLessThan(70);
  });
});
