import { createHash } from 'node:crypto';

export type HashAlgorithm = 'sha256' | 'sm3';

/** Node's crypto has both SHA-256 and SM3 (GB/T 32905). */
export function hash(algorithm: HashAlgorithm, ...parts: (Buffer | string)[]): Buffer {
  const h = createHash(algorithm);
  for (const part of parts) h.update(part);
  return h.digest();
}

/** JSON with keys sorted at every level, so the same change always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** RFC 6962 §2.1: leaf hash = H(0x00 || data). */
export const leafHash = (algorithm: HashAlgorithm, data: string) => hash(algorithm, Buffer.from([0]), data);
/** RFC 6962 §2.1: node hash = H(0x01 || left || right). */
export const nodeHash = (algorithm: HashAlgorithm, left: Buffer, right: Buffer) =>
  hash(algorithm, Buffer.from([1]), left, right);
