import type { ResolvedCitation } from '../../../contracts/law';

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 58 → 五十八, 105 → 一百零五 (numbers as statutes write them, up to 9999). */
export function chineseNumber(value: number): string {
  if (value < 10) return digits[value] ?? String(value);
  const units = ['', '十', '百', '千'];
  const written = String(value)
    .split('')
    .map(Number)
    .reverse()
    .map((digit, place) => (digit === 0 ? '零' : `${digits[digit] ?? ''}${units[place] ?? ''}`))
    .reverse()
    .join('')
    .replace(/零+/g, '零')
    .replace(/零$/, '');
  return value >= 10 && value < 20 ? written.replace(/^一十/, '十') : written;
}

/** 第五十八条之一第一款第（三）项, the part of a citation after the law's title. */
export function citedPlace(
  citation: Pick<ResolvedCitation, 'article' | 'articleSub' | 'paragraph' | 'item'>,
) {
  const sub = citation.articleSub ? `之${chineseNumber(citation.articleSub)}` : '';
  const paragraph = citation.paragraph ? `第${chineseNumber(citation.paragraph)}款` : '';
  const item = citation.item ? `第（${chineseNumber(citation.item)}）项` : '';
  return `第${chineseNumber(citation.article)}条${sub}${paragraph}${item}`;
}
