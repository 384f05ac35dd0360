import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { blindIndex, decryptField, encryptField, fieldKeyPath, loadFieldKey } from './field-encryption';

describe('field encryption (AES-256-GCM)', () => {
  it('makes a key file on first use, 0600, and reuses it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-key-'));
    const first = loadFieldKey({ dataDir, fieldKey: undefined });
    expect(first.key).toHaveLength(32);
    expect(statSync(fieldKeyPath({ dataDir })).mode & 0o777).toBe(0o600);
    expect(readFileSync(fieldKeyPath({ dataDir }), 'utf8').trim()).toBe(first.key.toString('hex'));
    expect(loadFieldKey({ dataDir, fieldKey: undefined }).key.equals(first.key)).toBe(true);
  });

  it('round-trips a value, with a fresh nonce each time', () => {
    const key = loadFieldKey({ dataDir: '/nonexistent', fieldKey: 'a'.repeat(64) });
    const one = encryptField(key, '11010519491231002X');
    const two = encryptField(key, '11010519491231002X');
    expect(one).not.toBe(two);
    expect(one).not.toContain('11010519491231002X');
    expect(decryptField(key, one)).toBe('11010519491231002X');
    expect(blindIndex(key, 'x')).toBe(blindIndex(key, 'x'));
  });

  it('refuses an altered text and a wrong key', () => {
    const key = loadFieldKey({ dataDir: '/nonexistent', fieldKey: 'b'.repeat(64) });
    const other = loadFieldKey({ dataDir: '/nonexistent', fieldKey: 'c'.repeat(64) });
    const stored = encryptField(key, '440524188001010014');
    const parts = stored.split('.');
    const altered = [
      parts[0],
      parts[1],
      `${parts[2] === 'A' ? 'B' : 'A'}${(parts[2] ?? '').slice(1)}`,
      parts[3],
    ].join('.');
    expect(() => decryptField(key, altered)).toThrow();
    expect(() => decryptField(other, stored)).toThrow();
  });

  it('refuses a malformed key from the environment, at start with the other bad variables', () => {
    expect(() => loadFieldKey({ dataDir: '/x', fieldKey: 'short' })).toThrow(/FAZHI_FIELD_KEY/);
    const problems = (() => {
      try {
        loadConfig({ FAZHI_FIELD_KEY: 'short', PORT: 'x' });
        return [];
      } catch (error) {
        return error instanceof ConfigError ? error.problems : ['not a ConfigError'];
      }
    })();
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['FAZHI_FIELD_KEY', 'PORT']);
    expect(loadConfig({ FAZHI_FIELD_KEY: 'a'.repeat(64) }).fieldKey).toBe('a'.repeat(64));
  });
});
