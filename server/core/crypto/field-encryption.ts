import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config';

/**
 * Field encryption for personal data kept at rest (ID numbers): AES-256-GCM with a random 96-bit
 * nonce per value. Stored text: `v1.<nonce b64url>.<ciphertext b64url>.<tag b64url>`.
 * The key comes from FAZHI_FIELD_KEY (64 hex characters or 32 bytes in base64) or from
 * `${dataDir}/keys/field-encryption.key`, made (mode 0600) on first use.
 */
export interface FieldKey {
  key: Buffer;
  /** where it came from, for messages */
  source: string;
}

export const fieldKeyPath = (config: Pick<Config, 'dataDir'>) =>
  join(config.dataDir, 'keys', 'field-encryption.key');

function parseKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  const decoded = Buffer.from(trimmed, 'base64');
  if (decoded.length === 32 && /^[A-Za-z0-9+/=_-]+$/.test(trimmed)) return decoded;
  throw new Error(`字段加密密钥无效（${source}）：应为 64 位十六进制或 32 字节的 base64`);
}

const loadedKeys = new Map<string, FieldKey>();

/** The platform's field key: FAZHI_FIELD_KEY when set, else the key file, made the first time. */
export function loadFieldKey(config: Pick<Config, 'dataDir' | 'fieldKey'>): FieldKey {
  const fromEnvironment = config.fieldKey;
  if (fromEnvironment) {
    const cached = loadedKeys.get(`env:${fromEnvironment}`);
    if (cached) return cached;
    const loaded = { key: parseKey(fromEnvironment, 'FAZHI_FIELD_KEY'), source: 'FAZHI_FIELD_KEY' };
    loadedKeys.set(`env:${fromEnvironment}`, loaded);
    return loaded;
  }
  const path = fieldKeyPath(config);
  const cached = loadedKeys.get(path);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    try {
      // 'wx': when two processes start together, the second reads the first one's key.
      writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    text = readFileSync(path, 'utf8');
  }
  const loaded = { key: parseKey(text, path), source: path };
  loadedKeys.set(path, loaded);
  return loaded;
}

/** Encrypts one value; every call gives a different text. */
export function encryptField(fieldKey: FieldKey, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', fieldKey.key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    'v1',
    nonce.toString('base64url'),
    ciphertext.toString('base64url'),
    tag.toString('base64url'),
  ].join('.');
}

/** Decrypts a value made by encryptField; a wrong key or an altered text throws. */
export function decryptField(fieldKey: FieldKey, stored: string): string {
  const [version, nonce, ciphertext, tag] = stored.split('.');
  if (version !== 'v1' || nonce === undefined || ciphertext === undefined || tag === undefined) {
    throw new Error('加密字段格式不正确');
  }
  const decipher = createDecipheriv('aes-256-gcm', fieldKey.key, Buffer.from(nonce, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}

/** A keyed digest of a value, for finding equal values without decrypting (HMAC-SHA-256, hex). */
export function blindIndex(fieldKey: FieldKey, value: string): string {
  return createHmac('sha256', fieldKey.key).update(`blind-index:${value}`).digest('hex');
}
