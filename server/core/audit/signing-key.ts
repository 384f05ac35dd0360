import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config';

/** The key that signs tree heads: the private half stays in the data folder (or the environment). */
export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKeyPem: string;
}

export const signingKeyPath = (config: Pick<Config, 'dataDir'>) =>
  join(config.dataDir, 'keys', 'audit-signing-key.pem');

/** keyId = hex SHA-256 of the DER (SubjectPublicKeyInfo) public key. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

function fromPrivatePem(pem: string, source: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new Error(`审计签名私钥无法读取（${source}）：不是有效的 PEM`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `审计签名私钥必须是 Ed25519 密钥（${source} 是 ${privateKey.asymmetricKeyType ?? '未知类型'}）`,
    );
  }
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

const loadedKeys = new Map<string, SigningKey>();

/**
 * The platform's signing key: from FAZHI_AUDIT_SIGNING_KEY when set, else the PEM file under the
 * data folder, made (mode 0600) the first time. Concurrent first starts agree on one file.
 */
export function loadSigningKey(config: Pick<Config, 'dataDir' | 'auditSigningKeyPem'>): SigningKey {
  if (config.auditSigningKeyPem) {
    const cacheKey = `env:${config.auditSigningKeyPem}`;
    const cached = loadedKeys.get(cacheKey);
    if (cached) return cached;
    const key = fromPrivatePem(config.auditSigningKeyPem, 'FAZHI_AUDIT_SIGNING_KEY');
    loadedKeys.set(cacheKey, key);
    return key;
  }
  const path = signingKeyPath(config);
  const cached = loadedKeys.get(`file:${path}`);
  if (cached) return cached;
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    const created = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      writeFileSync(path, created, { mode: 0o600, flag: 'wx' });
      pem = created;
    } catch (writeError) {
      // Another process made it first: use theirs.
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError;
      pem = readFileSync(path, 'utf8');
    }
  }
  const key = fromPrivatePem(pem, path);
  loadedKeys.set(`file:${path}`, key);
  return key;
}

export const signText = (key: SigningKey, text: string) =>
  sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');

/** Whether `signature` (base64) is an Ed25519 signature of `text` by the key in `publicKeyPem`. */
export function verifySignature(publicKeyPem: string, text: string, signature: string): boolean {
  try {
    return verify(
      null,
      Buffer.from(text, 'utf8'),
      createPublicKey(publicKeyPem),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}
