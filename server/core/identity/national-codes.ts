/**
 * The national identity codes every module checks: 统一社会信用代码 (GB 32100-2015) and 居民身份证号码
 * (GB 11643-1999) — check characters, validation with Chinese messages, masking.
 */

/** GB 32100-2015 统一社会信用代码: the 31 characters allowed (no I, O, Z, S, V). */
const creditCodeCharacters = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character of a credit code from its first 17 (GB 32100-2015 §5). */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    const value = creditCodeCharacters.indexOf(first17.charAt(index));
    if (value < 0) return null;
    sum += value * (creditCodeWeights[index] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return creditCodeCharacters.charAt(check);
}

/** GB 11714-1997 组织机构代码 check character of its 8-character body (positions 9–17 of a credit code). */
export function organizationCodeCheckCharacter(body8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return null;
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let index = 0; index < 8; index += 1) {
    const character = body8.charAt(index);
    const value = /\d/.test(character) ? Number(character) : character.charCodeAt(0) - 55;
    sum += value * (weights[index] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export type CreditCodeProblem = 'format' | 'checkDigit' | 'division';

/** Why a 统一社会信用代码 is not valid, or null when it is (format, division digits, check character). */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return 'format';
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) return 'checkDigit';
  if (code.slice(2, 4) === '00') return 'division';
  return null;
}

export const isValidCreditCode = (code: string) => creditCodeProblem(code) === null;

/** A credit code with its check character appended, from a registration prefix, division and organization code body. */
export function composeCreditCode(prefix2: string, divisionCode: string, body8: string): string {
  const organizationCode = `${body8}${organizationCodeCheckCharacter(body8) ?? '0'}`;
  const first17 = `${prefix2}${divisionCode}${organizationCode}`;
  const check = creditCodeCheckCharacter(first17);
  if (!check) throw new Error(`无法为 ${first17} 计算校验码`);
  return `${first17}${check}`;
}

/** GB 11643-1999 公民身份号码 check character from the first 17 digits (ISO 7064 MOD 11-2). */
export function idNumberCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17.charAt(index)) * (weights[index] ?? 0);
  return '10X98765432'.charAt(sum % 11);
}

export type IdNumberProblem = 'format' | 'birthDate' | 'checkDigit';

/** Why a 居民身份证号码 is not valid, or null (18 characters, a real birth date, the check character). */
export function idNumberProblem(idNumber: string, today?: string): IdNumberProblem | null {
  if (!/^[1-9]\d{16}[\dX]$/.test(idNumber)) return 'format';
  const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  const parsed = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== birth) return 'birthDate';
  if (birth < '1800-01-01' || (today !== undefined && birth > today)) return 'birthDate';
  if (idNumberCheckCharacter(idNumber.slice(0, 17)) !== idNumber.charAt(17)) return 'checkDigit';
  return null;
}

export const isValidIdNumber = (idNumber: string, today?: string) =>
  idNumberProblem(idNumber, today) === null;

/** The gender an ID number records: the 17th digit is odd for men (GB 11643 §4.4). */
export const genderOfIdNumber = (idNumber: string): 'male' | 'female' =>
  Number(idNumber.charAt(16)) % 2 === 1 ? 'male' : 'female';

/** The ID number as shown anywhere: first 3 and last 4 characters, the rest starred. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 7) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 3)}${'*'.repeat(idNumber.length - 7)}${idNumber.slice(-4)}`;
}

export const creditCodeMessages: Record<CreditCodeProblem, string> = {
  format: '统一社会信用代码格式不正确',
  checkDigit: '统一社会信用代码校验位不正确（GB 32100）',
  division: '统一社会信用代码中的行政区划码不正确',
};
export const idNumberMessages: Record<IdNumberProblem, string> = {
  format: '身份证号码格式不正确',
  birthDate: '身份证号码中的出生日期不正确',
  checkDigit: '身份证号码校验位不正确（GB 11643）',
};
