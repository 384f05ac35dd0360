import { describe, expect, it } from 'vitest';
import { defaultSecuritySettings } from '../../../contracts/accounts';
import { AppError } from '../errors';
import { generatePassword, hashPassword, verifyPassword } from './password-hashing';
import { characterClassCount, checkPasswordPolicy, isPasswordExpired } from './password-rules';

describe('password hashing with scrypt', () => {
  it('stores scrypt$N$r$p$salt$hash with N = 2^cost and verifies only the right password', async () => {
    const stored = await hashPassword('Correct-Horse-9', 10);
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '1024', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64')).toHaveLength(32);
    expect(await verifyPassword('Correct-Horse-9', stored)).toBe(true);
    expect(await verifyPassword('Correct-Horse-8', stored)).toBe(false);
    expect(await hashPassword('Correct-Horse-9', 10)).not.toBe(stored);
  });

  it('rejects malformed stored hashes instead of throwing', async () => {
    for (const stored of ['', 'bcrypt$x', 'scrypt$0$8$1$AAAA$AAAA', 'scrypt$1024$8$1$AAAA$short']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });

  it('generates passwords that satisfy the default policy', () => {
    for (let index = 0; index < 50; index += 1) {
      const password = generatePassword();
      expect(password).toHaveLength(16);
      expect(characterClassCount(password)).toBe(4);
      expect(() => checkPasswordPolicy(password, 'someone', defaultSecuritySettings)).not.toThrow();
    }
  });
});

describe('password policy', () => {
  const refusal = (password: string, username = 'zhangsan') => {
    try {
      checkPasswordPolicy(password, username, defaultSecuritySettings);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).field).toBe('password');
      return (error as AppError).message;
    }
  };

  it('refuses short passwords, too few character classes and passwords containing the user name', () => {
    expect(refusal('Ab1!ab1!a')).toMatch(/不能少于 10 位/);
    expect(refusal('abcdefghijk')).toMatch(/3 种/);
    expect(refusal('abcdefgh12')).toMatch(/3 种/);
    expect(refusal('xx-ZhangSan-2026')).toMatch(/用户名/);
    expect(refusal('Abcdefgh12')).toBeNull();
    expect(refusal('abcdefg-12')).toBeNull();
  });

  it('expires a password after the configured days, never with 0', () => {
    const changed = new Date('2026-01-01T00:00:00Z');
    expect(isPasswordExpired(changed, new Date('2026-03-31T00:00:00Z'), 90)).toBe(false);
    expect(isPasswordExpired(changed, new Date('2026-04-02T00:00:00Z'), 90)).toBe(true);
    expect(isPasswordExpired(changed, new Date('2036-01-01T00:00:00Z'), 0)).toBe(false);
  });
});
