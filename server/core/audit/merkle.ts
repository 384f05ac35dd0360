import { hash, nodeHash, type HashAlgorithm } from './hashing';

/*
 * The Merkle tree of RFC 6962 §2.1 over leaf hashes that are already H(0x00 || entry).
 * Everything here is pure: proofs are built from an array of leaf hashes, and the verifiers
 * (RFC 9162 §2.1.3.2 and §2.1.4.2) need only the proof, the sizes and the roots, so a portal
 * visitor or an outside auditor can run them without trusting the server.
 */

/** The largest power of two strictly smaller than n (n ≥ 2): RFC 6962's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]): the root over leaf hashes; the empty tree's root is H() (RFC 6962 §2.1). */
export function merkleRoot(algorithm: HashAlgorithm, leaves: readonly Buffer[]): Buffer {
  const frontier = new MerkleFrontier(algorithm);
  for (const leaf of leaves) frontier.append(leaf);
  return frontier.root();
}

/**
 * The compact range of a growing tree: the roots of its perfect subtrees, largest first. Appending
 * costs O(log n) amortized and the root of the current size is a fold over at most log n nodes, so
 * a single pass over the log yields the root at every signed tree size.
 */
export class MerkleFrontier {
  private readonly nodes: { size: number; hash: Buffer }[] = [];
  private count = 0;

  constructor(readonly algorithm: HashAlgorithm) {}

  get size(): number {
    return this.count;
  }

  append(leaf: Buffer): void {
    let node = { size: 1, hash: leaf };
    for (;;) {
      const last = this.nodes.at(-1);
      if (!last || last.size !== node.size) break;
      this.nodes.pop();
      node = { size: node.size * 2, hash: nodeHash(this.algorithm, last.hash, node.hash) };
    }
    this.nodes.push(node);
    this.count += 1;
  }

  root(): Buffer {
    const last = this.nodes.at(-1);
    if (!last) return hash(this.algorithm);
    let root = last.hash;
    for (let index = this.nodes.length - 2; index >= 0; index -= 1) {
      const node = this.nodes[index];
      if (node) root = nodeHash(this.algorithm, node.hash, root);
    }
    return root;
  }
}

/** The root of leaves[start, end), built by the recursive definition (end > start). */
function subtreeRoot(
  algorithm: HashAlgorithm,
  leaves: readonly Buffer[],
  start: number,
  end: number,
): Buffer {
  const frontier = new MerkleFrontier(algorithm);
  for (let index = start; index < end; index += 1) frontier.append(leafAt(leaves, index));
  return frontier.root();
}

function leafAt(leaves: readonly Buffer[], index: number): Buffer {
  const leaf = leaves[index];
  if (!leaf) throw new RangeError(`叶子 ${index} 不存在`);
  return leaf;
}

/** PATH(m, D[n]) of RFC 6962 §2.1.1: the audit path of leaf m in the tree of the first n leaves. */
export function inclusionProof(
  algorithm: HashAlgorithm,
  leaves: readonly Buffer[],
  leafIndex: number,
  treeSize: number = leaves.length,
): Buffer[] {
  if (!Number.isInteger(treeSize) || treeSize < 1 || treeSize > leaves.length) {
    throw new RangeError('树的规模超出日志范围');
  }
  if (!Number.isInteger(leafIndex) || leafIndex < 0 || leafIndex >= treeSize) {
    throw new RangeError('叶子序号超出树的规模');
  }
  const path: Buffer[] = [];
  const walk = (m: number, start: number, end: number): void => {
    const n = end - start;
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      walk(m, start, start + k);
      path.push(subtreeRoot(algorithm, leaves, start + k, end));
    } else {
      walk(m - k, start + k, end);
      path.push(subtreeRoot(algorithm, leaves, start, start + k));
    }
  };
  walk(leafIndex, 0, treeSize);
  return path;
}

/** PROOF(m, D[n]) of RFC 6962 §2.1.2: proves the tree of the first m leaves is a prefix of the tree of n. */
export function consistencyProof(
  algorithm: HashAlgorithm,
  leaves: readonly Buffer[],
  first: number,
  second: number = leaves.length,
): Buffer[] {
  if (!Number.isInteger(second) || second < 1 || second > leaves.length) {
    throw new RangeError('第二个树的规模超出日志范围');
  }
  if (!Number.isInteger(first) || first < 1 || first > second) {
    throw new RangeError('第一个树的规模必须在 1 与第二个规模之间');
  }
  const proof: Buffer[] = [];
  // SUBPROOF(m, D[start:end], b)
  const subproof = (m: number, start: number, end: number, isWholeOldTree: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!isWholeOldTree) proof.push(subtreeRoot(algorithm, leaves, start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      subproof(m, start, start + k, isWholeOldTree);
      proof.push(subtreeRoot(algorithm, leaves, start + k, end));
    } else {
      subproof(m - k, start + k, end, false);
      proof.push(subtreeRoot(algorithm, leaves, start, start + k));
    }
  };
  subproof(first, 0, second, true);
  return proof;
}

/** The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or null when the proof has the wrong shape. */
export function rootFromInclusionProof(
  algorithm: HashAlgorithm,
  leafIndex: number,
  treeSize: number,
  leafHash: Buffer,
  proof: readonly Buffer[],
): Buffer | null {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize)) return null;
  if (leafIndex < 0 || leafIndex >= treeSize) return null;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(algorithm, p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(algorithm, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/** Whether `proof` shows the leaf at `leafIndex` is in the tree of `treeSize` leaves with root `rootHash`. */
export function verifyInclusion(
  algorithm: HashAlgorithm,
  leafIndex: number,
  treeSize: number,
  leafHash: Buffer,
  proof: readonly Buffer[],
  rootHash: Buffer,
): boolean {
  const computed = rootFromInclusionProof(algorithm, leafIndex, treeSize, leafHash, proof);
  return computed !== null && computed.equals(rootHash);
}

/**
 * Whether `proof` shows the tree of `first` leaves with `firstRoot` is a prefix of the tree of
 * `second` leaves with `secondRoot` (RFC 9162 §2.1.4.2).
 */
export function verifyConsistency(
  algorithm: HashAlgorithm,
  first: number,
  second: number,
  firstRoot: Buffer,
  secondRoot: Buffer,
  proof: readonly Buffer[],
): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second)) return false;
  if (first < 1 || first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  let path = [...proof];
  // When the old tree is a perfect subtree on the left edge, its root is the proof's implied first node.
  if (isPowerOfTwo(first)) path = [firstRoot, ...path];
  const [head, ...rest] = path;
  if (!head) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = head;
  let sr = head;
  for (const c of rest) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(algorithm, c, fr);
      sr = nodeHash(algorithm, c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(algorithm, sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}

function isPowerOfTwo(n: number): boolean {
  let rest = n;
  while (rest > 1 && rest % 2 === 0) rest /= 2;
  return rest === 1;
}
