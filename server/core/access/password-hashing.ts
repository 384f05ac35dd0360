import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const keyLength = 32;
const blockSize = 8;
const parallelization = 1;

function deriveKey(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

const memoryFor = (cost: number, r: number) => 128 * cost * r * 2 + 1024 * 1024;

/**
 * Hashes a password with scrypt (a memory-hard KDF): `scrypt$N$r$p$salt$hash`, salt and hash in
 * base64. `costLog2` is log2 of N (15 in production, 10 in tests).
 */
export async function hashPassword(password: string, costLog2: number): Promise<string> {
  const cost = 2 ** costLog2;
  const salt = randomBytes(16);
  const key = await deriveKey(password, salt, {
    N: cost,
    r: blockSize,
    p: parallelization,
    maxmem: memoryFor(cost, blockSize),
  });
  return ['scrypt', cost, blockSize, parallelization, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

/** True when `password` matches `stored`; the comparison takes the same time whatever differs. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, costText, blockText, parallelText, saltText, hashText] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const cost = Number(costText);
  const r = Number(blockText);
  const p = Number(parallelText);
  if (![cost, r, p].every((value) => Number.isInteger(value) && value > 0)) return false;
  const expected = Buffer.from(hashText, 'base64');
  if (expected.length !== keyLength) return false;
  const actual = await deriveKey(password, Buffer.from(saltText, 'base64'), {
    N: cost,
    r,
    p,
    maxmem: memoryFor(cost, r),
  });
  return timingSafeEqual(actual, expected);
}

/** A hash of a random password, verified against when the user does not exist so timing does not tell. */
let decoyHash: { cost: number; hash: Promise<string> } | null = null;
export function decoyPasswordHash(costLog2: number): Promise<string> {
  if (decoyHash?.cost !== costLog2) {
    decoyHash = { cost: costLog2, hash: hashPassword(randomBytes(18).toString('base64'), costLog2) };
  }
  return decoyHash.hash;
}

/** A random password that satisfies the default policy: 16 characters mixing all four classes. */
export function generatePassword(): string {
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const lower = 'abcdefghijkmnopqrstuvwxyz';
  const digits = '23456789';
  const symbols = '!@#%^*-_=+?';
  const all = upper + lower + digits + symbols;
  const pick = (alphabet: string, byte: number) => alphabet.charAt(byte % alphabet.length);
  const bytes = randomBytes(32);
  const characters = [
    pick(upper, bytes[0] ?? 0),
    pick(lower, bytes[1] ?? 0),
    pick(digits, bytes[2] ?? 0),
    pick(symbols, bytes[3] ?? 0),
  ];
  for (let index = 4; index < 16; index += 1) characters.push(pick(all, bytes[index] ?? 0));
  // Shuffle so the classes are not always at the start (Fisher–Yates with the remaining bytes).
  for (let index = characters.length - 1; index > 0; index -= 1) {
    const swap = (bytes[16 + index] ?? 0) % (index + 1);
    [characters[index], characters[swap]] = [characters[swap] ?? '', characters[index] ?? ''];
  }
  return characters.join('');
}
