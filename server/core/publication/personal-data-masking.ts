import { idNumberCheckCharacter, maskIdNumber } from '../identity/national-codes';

/**
 * Masking of natural persons' data before anything goes public (DESIGN.md core mechanism 5;
 * 市场监督管理行政处罚信息公示规定 art. 6; 政府信息公开条例 art. 15): names of natural persons partly,
 * ID numbers, phone numbers and addresses. Written once; the publication mechanism and every
 * portal presenter call it, and `findExposedPersonalData` refuses a text that would still expose
 * an ID number or a mobile number.
 */

/** Two-character surnames (复姓) kept whole when a name is masked. */
const compoundSurnames = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '令狐',
  '夏侯',
  '轩辕',
  '端木',
  '西门',
  '南宫',
  '独孤',
  '呼延',
  '单于',
  '澹台',
  '公冶',
  '申屠',
  '太史',
  '闻人',
  '赫连',
  '百里',
  '东郭',
  '钟离',
]);

/** A natural person's name as published: the surname kept, each other character a ＊ (张三 → 张*, 欧阳明华 → 欧阳**). */
export function maskPersonName(name: string): string {
  const characters = Array.from(name.trim());
  if (characters.length <= 1) return characters.join('');
  const surnameLength =
    compoundSurnames.has(characters.slice(0, 2).join('')) && characters.length > 2 ? 2 : 1;
  return characters.slice(0, surnameLength).join('') + '*'.repeat(characters.length - surnameLength);
}

/** A phone number as published: a mobile keeps its first 3 and last 4 digits; a landline only its area code. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  const landline = /^(0\d{2,3})-?(\d{7,8})$/.exec(digits);
  if (landline?.[1] && landline[2]) return `${landline[1]}-${'*'.repeat(landline[2].length)}`;
  return '*'.repeat(digits.length);
}

/**
 * A natural person's address as published: kept down to the township or street (乡/镇/街道) or,
 * failing that, the county or district; the rest (road, number, building, room) replaced by ****.
 */
export function maskAddress(address: string): string {
  const trimmed = address.trim();
  const levels = [/^.*?(?:街道|镇|乡)/u, /^.*?(?:区|县|旗)/u, /^.*?市/u, /^.*?省/u];
  for (const level of levels) {
    const kept = level.exec(trimmed)?.[0];
    if (kept && kept.length < trimmed.length) return `${kept}****`;
  }
  return '****';
}

/** An 18-character string that is a valid 居民身份证号码 (GB 11643 check character). */
const isIdNumber = (candidate: string) =>
  /^\d{17}[\dX]$/.test(candidate) && idNumberCheckCharacter(candidate.slice(0, 17)) === candidate[17];

const idNumberPattern = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const mobilePattern = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const landlinePattern = /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g;

/** What a text to be published must not contain; the names and addresses of the persons concerned are given. */
export interface PersonalDataContext {
  /** natural persons named in the text (parties, witnesses…) */
  personNames?: readonly string[];
  /** their addresses as written in the record */
  addresses?: readonly string[];
}

/**
 * The text with every ID number, mobile and landline number masked, and the given persons' names
 * and addresses masked wherever they occur (longest first, so 欧阳明华 is not half-masked as 欧阳明).
 */
export function maskPersonalData(text: string, context: PersonalDataContext = {}): string {
  let masked = text
    .replace(idNumberPattern, (match) => (isIdNumber(match.toUpperCase()) ? maskIdNumber(match) : match))
    .replace(mobilePattern, (match) => maskPhone(match))
    .replace(landlinePattern, (match) => maskPhone(match));
  const replacements = [
    ...(context.addresses ?? []).map((address) => [address.trim(), maskAddress(address)] as const),
    ...(context.personNames ?? []).map((name) => [name.trim(), maskPersonName(name)] as const),
  ]
    .filter(([original]) => Array.from(original).length >= 2)
    .sort((a, b) => b[0].length - a[0].length);
  for (const [original, replacement] of replacements) masked = masked.split(original).join(replacement);
  return masked;
}

/** One piece of personal data still visible in a text meant for the public. */
export interface ExposedPersonalData {
  kind: 'idNumber' | 'mobile' | 'personName' | 'address';
  value: string;
  index: number;
}

/** Personal data a text would expose if published as it is (ID numbers, mobiles, the given names and addresses). */
export function findExposedPersonalData(
  text: string,
  context: PersonalDataContext = {},
): ExposedPersonalData[] {
  const found: ExposedPersonalData[] = [];
  for (const match of text.matchAll(idNumberPattern)) {
    if (isIdNumber(match[0].toUpperCase()))
      found.push({ kind: 'idNumber', value: match[0], index: match.index });
  }
  for (const match of text.matchAll(mobilePattern)) {
    found.push({ kind: 'mobile', value: match[0], index: match.index });
  }
  for (const name of context.personNames ?? []) {
    const index = Array.from(name.trim()).length >= 2 ? text.indexOf(name.trim()) : -1;
    if (index >= 0) found.push({ kind: 'personName', value: name.trim(), index });
  }
  for (const address of context.addresses ?? []) {
    const index = address.trim() ? text.indexOf(address.trim()) : -1;
    if (index >= 0) found.push({ kind: 'address', value: address.trim(), index });
  }
  return found.sort((a, b) => a.index - b.index);
}

export const exposedPersonalDataLabels: Record<ExposedPersonalData['kind'], string> = {
  idNumber: '身份证号码',
  mobile: '手机号码',
  personName: '自然人姓名',
  address: '住址',
};
