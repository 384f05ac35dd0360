const digitValues: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const unitValues: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The characters a number in 第…条 may be written with: Chinese numerals, ASCII and full-width digits. */
export const numeralCharacters = '零〇一二两三四五六七八九十百千万0-9０-９';

/**
 * The value of a number written in Chinese numerals (十, 二十三, 一百零八, 一千二百六十, 一万零一) or
 * digits (58, ５８); null when it is not a well-formed number.
 */
export function parseNumeral(written: string): number | null {
  const ascii = written.replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(written)) return null;
  // 一二三 written digit by digit (as in some 之 numbers) reads as 123
  if (/^[零〇一二两三四五六七八九]{2,}$/.test(written))
    return Number(Array.from(written, (character) => digitValues[character]).join(''));
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const character of written) {
    const value = digitValues[character];
    if (value !== undefined) {
      if (digit !== null && value !== 0) return null;
      digit = value === 0 ? null : value;
      continue;
    }
    const unit = unitValues[character];
    if (unit !== undefined) {
      section += (digit ?? 1) * unit;
      digit = null;
      continue;
    }
    // 万
    total = (total + section + (digit ?? 0)) * 10_000;
    section = 0;
    digit = null;
  }
  return total + section + (digit ?? 0);
}

const chineseDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 58 → 五十八, 108 → 一百零八, 10 → 十, 1260 → 一千二百六十 (the way statutes number their articles). */
export function toChineseNumeral(value: number): string {
  if (value === 0) return '零';
  if (value >= 10_000) {
    const high = Math.floor(value / 10_000);
    const low = value % 10_000;
    if (low === 0) return `${toChineseNumeral(high)}万`;
    return `${toChineseNumeral(high)}万${low < 1000 ? '零' : ''}${toChineseNumeral(low)}`;
  }
  const units = ['千', '百', '十', ''];
  const places = [1000, 100, 10, 1];
  let written = '';
  let pendingZero = false;
  places.forEach((place, index) => {
    const digit = Math.floor(value / place) % 10;
    if (digit === 0) {
      if (written) pendingZero = true;
      return;
    }
    if (pendingZero) written += '零';
    pendingZero = false;
    written += `${chineseDigits[digit]}${units[index]}`;
  });
  // 一十五 is written 十五
  return written.startsWith('一十') ? written.slice(1) : written;
}
