import type { DiscretionOutcome } from '../../../../../contracts/enforcement';
import type { ReviewGrade } from '../../../../../contracts/enforcement-oversight';

/** 12345.6 → 12,345.60 元 */
export const yuan = (value: number | null | undefined) =>
  value === null || value === undefined
    ? '—'
    : `${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/** 0.8333 → 83.3% */
export const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;

export const outcomeColors: Record<DiscretionOutcome, string> = {
  noPenalty: 'green',
  light: 'cyan',
  ordinary: 'blue',
  heavy: 'volcano',
};

export const gradeColors: Record<ReviewGrade, string> = { excellent: 'green', pass: 'blue', fail: 'red' };
