import { describe, expect, it } from 'vitest';
import {
  composeCreditCode,
  creditCodeProblem,
  genderOfIdNumber,
  idNumberProblem,
  maskIdNumber,
} from '../../core/identity/national-codes';
import { isCertificateValidOn, organizationPath } from './org-rules';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts real codes of enterprises and public bodies', () => {
    for (const code of [
      '91350100M000100Y43',
      '91110000600037341L',
      '914403001922038216',
      '12100000400000624D',
    ]) {
      expect(creditCodeProblem(code), code).toBeNull();
    }
  });

  it('refuses a wrong check character, a bad format and forbidden letters', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('checkDigit');
    expect(creditCodeProblem('914403001922038217')).toBe('checkDigit');
    expect(creditCodeProblem('91350100M000100Y4')).toBe('format');
    expect(creditCodeProblem('9135010OM000100Y43')).toBe('format');
    expect(creditCodeProblem('91350100I000100Y43')).toBe('format');
  });

  it('composes a code whose check character and organization-code check digit are valid', () => {
    const code = composeCreditCode('11', '410300', '00518410');
    expect(code).toHaveLength(18);
    expect(code.slice(0, 8)).toBe('11410300');
    expect(creditCodeProblem(code)).toBeNull();
  });
});

describe('居民身份证号码 (GB 11643)', () => {
  it('accepts the standard examples', () => {
    expect(idNumberProblem('11010519491231002X', '2026-09-28')).toBeNull();
    expect(idNumberProblem('440524188001010014', '2026-09-28')).toBeNull();
  });

  it('refuses a wrong check digit, an impossible birth date and a future one', () => {
    expect(idNumberProblem('110105194912310021')).toBe('checkDigit');
    expect(idNumberProblem('110105194902300021')).toBe('birthDate');
    expect(idNumberProblem('110105203001010012', '2026-09-28')).toBe('birthDate');
    expect(idNumberProblem('11010519491231002')).toBe('format');
    expect(idNumberProblem('11010519491231002x')).toBe('format');
  });

  it('reads the gender and masks all but the first 3 and last 4 characters', () => {
    expect(genderOfIdNumber('11010519491231002X')).toBe('female');
    expect(genderOfIdNumber('440524188001010014')).toBe('male');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });
});

describe('certificates and paths', () => {
  it('a certificate is valid from its issue date to its expiry date, both included, only while valid', () => {
    const certificate = { status: 'valid', issuedOn: '2024-01-01', expiresOn: '2026-12-31' };
    expect(isCertificateValidOn(certificate, '2024-01-01')).toBe(true);
    expect(isCertificateValidOn(certificate, '2026-12-31')).toBe(true);
    expect(isCertificateValidOn(certificate, '2027-01-01')).toBe(false);
    expect(isCertificateValidOn(certificate, '2023-12-31')).toBe(false);
    expect(isCertificateValidOn({ ...certificate, status: 'suspended' }, '2025-06-01')).toBe(false);
  });

  it('builds organization paths from the parent path', () => {
    expect(organizationPath(null, 'a')).toBe('/a/');
    expect(organizationPath('/a/', 'b')).toBe('/a/b/');
  });
});
