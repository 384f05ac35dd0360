import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HashAlgorithm } from './hashing';
import {
  consistencyProof,
  inclusionProof,
  merkleRoot,
  rootFromInclusionProof,
  verifyConsistency,
  verifyInclusion,
} from './merkle';

// An independent, deliberately naive rendering of RFC 6962 §2.1 used as the oracle.
const h = (algorithm: HashAlgorithm, ...parts: Buffer[]) => {
  const digest = createHash(algorithm);
  for (const part of parts) digest.update(part);
  return digest.digest();
};
const leafOf = (algorithm: HashAlgorithm, data: Buffer) => h(algorithm, Buffer.from([0]), data);
const largestPowerOfTwoBelow = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
function bruteRoot(algorithm: HashAlgorithm, leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return h(algorithm);
  if (leaves.length === 1) return leaves[0]!;
  const k = largestPowerOfTwoBelow(leaves.length);
  return h(
    algorithm,
    Buffer.from([1]),
    bruteRoot(algorithm, leaves.slice(0, k)),
    bruteRoot(algorithm, leaves.slice(k)),
  );
}
function brutePath(algorithm: HashAlgorithm, m: number, leaves: Buffer[]): Buffer[] {
  if (leaves.length <= 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  return m < k
    ? [...brutePath(algorithm, m, leaves.slice(0, k)), bruteRoot(algorithm, leaves.slice(k))]
    : [...brutePath(algorithm, m - k, leaves.slice(k)), bruteRoot(algorithm, leaves.slice(0, k))];
}
function bruteSubproof(algorithm: HashAlgorithm, m: number, leaves: Buffer[], whole: boolean): Buffer[] {
  const n = leaves.length;
  if (m === n) return whole ? [] : [bruteRoot(algorithm, leaves)];
  const k = largestPowerOfTwoBelow(n);
  return m <= k
    ? [...bruteSubproof(algorithm, m, leaves.slice(0, k), whole), bruteRoot(algorithm, leaves.slice(k))]
    : [...bruteSubproof(algorithm, m - k, leaves.slice(k), false), bruteRoot(algorithm, leaves.slice(0, k))];
}
const hex = (buffers: Buffer[]) => buffers.map((buffer) => buffer.toString('hex'));
const flipped = (buffer: Buffer) => {
  const copy = Buffer.from(buffer);
  copy[0] = (copy[0] ?? 0) ^ 1;
  return copy;
};

// The Certificate Transparency reference inputs and their SHA-256 roots for sizes 1..8.
const referenceInputs = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const referenceRoots = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('Merkle tree (RFC 6962)', () => {
  it('matches the published Certificate Transparency roots for sizes 0 to 8', () => {
    const leaves = referenceInputs.map((input) => leafOf('sha256', Buffer.from(input, 'hex')));
    expect(merkleRoot('sha256', []).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    for (let n = 1; n <= 8; n += 1) {
      expect(merkleRoot('sha256', leaves.slice(0, n)).toString('hex')).toBe(referenceRoots[n - 1]);
    }
  });

  describe.each<HashAlgorithm>(['sha256', 'sm3'])('with %s', (algorithm) => {
    const all = Array.from({ length: 20 }, (_, index) => leafOf(algorithm, Buffer.from(`事件 ${index}`)));
    const sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 16, 17, 20];

    it('computes the same root as the recursive definition', () => {
      for (const n of sizes) {
        expect(merkleRoot(algorithm, all.slice(0, n)).equals(bruteRoot(algorithm, all.slice(0, n)))).toBe(
          true,
        );
      }
    });

    it('builds every inclusion path as RFC 6962 defines it, and each one verifies', () => {
      for (const n of sizes) {
        const leaves = all.slice(0, n);
        const root = bruteRoot(algorithm, leaves);
        for (let m = 0; m < n; m += 1) {
          const proof = inclusionProof(algorithm, all, m, n);
          expect(hex(proof), `PATH(${m}, D[${n}])`).toEqual(hex(brutePath(algorithm, m, leaves)));
          expect(verifyInclusion(algorithm, m, n, leaves[m]!, proof, root)).toBe(true);
        }
      }
    });

    it('builds every consistency proof as RFC 6962 defines it, and each one verifies', () => {
      for (const n of sizes) {
        for (let m = 1; m <= n; m += 1) {
          const proof = consistencyProof(algorithm, all, m, n);
          expect(hex(proof), `PROOF(${m}, D[${n}])`).toEqual(
            hex(bruteSubproof(algorithm, m, all.slice(0, n), true)),
          );
          const firstRoot = bruteRoot(algorithm, all.slice(0, m));
          const secondRoot = bruteRoot(algorithm, all.slice(0, n));
          expect(verifyConsistency(algorithm, m, n, firstRoot, secondRoot, proof), `${m}→${n}`).toBe(true);
        }
      }
    });

    it('rejects tampered inclusion proofs, wrong leaves, wrong indexes and indexes past the size', () => {
      for (const n of [2, 3, 7, 8, 9]) {
        const root = bruteRoot(algorithm, all.slice(0, n));
        for (let m = 0; m < n; m += 1) {
          const leaf = all[m]!;
          const proof = inclusionProof(algorithm, all, m, n);
          for (let position = 0; position < proof.length; position += 1) {
            const tampered = proof.map((node, index) => (index === position ? flipped(node) : node));
            expect(verifyInclusion(algorithm, m, n, leaf, tampered, root)).toBe(false);
          }
          expect(verifyInclusion(algorithm, m, n, flipped(leaf), proof, root)).toBe(false);
          expect(verifyInclusion(algorithm, m, n, leaf, proof, flipped(root))).toBe(false);
          expect(verifyInclusion(algorithm, m, n, leaf, proof.slice(0, -1), root)).toBe(false);
          expect(verifyInclusion(algorithm, m, n, leaf, [...proof, leaf], root)).toBe(false);
          expect(verifyInclusion(algorithm, (m + 1) % n, n, leaf, proof, root)).toBe(false);
          expect(verifyInclusion(algorithm, n, n, leaf, proof, root)).toBe(false);
        }
      }
    });

    it('rejects tampered consistency proofs and mismatched roots', () => {
      for (const n of [2, 3, 7, 8, 9]) {
        for (let m = 1; m < n; m += 1) {
          const firstRoot = bruteRoot(algorithm, all.slice(0, m));
          const secondRoot = bruteRoot(algorithm, all.slice(0, n));
          const proof = consistencyProof(algorithm, all, m, n);
          for (let position = 0; position < proof.length; position += 1) {
            const tampered = proof.map((node, index) => (index === position ? flipped(node) : node));
            expect(verifyConsistency(algorithm, m, n, firstRoot, secondRoot, tampered)).toBe(false);
          }
          expect(verifyConsistency(algorithm, m, n, flipped(firstRoot), secondRoot, proof)).toBe(false);
          expect(verifyConsistency(algorithm, m, n, firstRoot, flipped(secondRoot), proof)).toBe(false);
          expect(verifyConsistency(algorithm, m, n, firstRoot, secondRoot, proof.slice(0, -1))).toBe(false);
          expect(verifyConsistency(algorithm, m, n, firstRoot, secondRoot, [])).toBe(false);
          // A log that rewrote its history: the new tree differs at leaf 0.
          const rewritten = [flipped(all[0]!), ...all.slice(1)];
          const rewrittenRoot = bruteRoot(algorithm, rewritten.slice(0, n));
          const rewrittenProof = consistencyProof(algorithm, rewritten, m, n);
          expect(verifyConsistency(algorithm, m, n, firstRoot, rewrittenRoot, rewrittenProof)).toBe(false);
        }
      }
    });
  });

  it('handles the one-leaf tree and refuses sizes outside the log', () => {
    const leaf = leafOf('sha256', Buffer.from('唯一'));
    expect(merkleRoot('sha256', [leaf]).equals(leaf)).toBe(true);
    expect(inclusionProof('sha256', [leaf], 0, 1)).toEqual([]);
    expect(verifyInclusion('sha256', 0, 1, leaf, [], leaf)).toBe(true);
    expect(rootFromInclusionProof('sha256', 1, 1, leaf, [])).toBeNull();
    expect(verifyConsistency('sha256', 1, 1, leaf, leaf, [])).toBe(true);
    expect(verifyConsistency('sha256', 0, 1, leaf, leaf, [])).toBe(false);
    expect(verifyConsistency('sha256', 2, 1, leaf, leaf, [])).toBe(false);
    expect(() => inclusionProof('sha256', [leaf], 1, 1)).toThrow(RangeError);
    expect(() => inclusionProof('sha256', [leaf], 0, 2)).toThrow(RangeError);
    expect(() => consistencyProof('sha256', [leaf], 0, 1)).toThrow(RangeError);
  });
});
