import type { Deps } from '../context';
import { invalid } from '../errors';
import {
  latestTreeHead,
  insertTreeHead,
  logExtent,
  readLeaves,
  treeHeadOfSize,
  type TreeHeadRow,
} from './audit-repository';
import type { HashAlgorithm } from './hashing';
import { consistencyProof, inclusionProof, merkleRoot } from './merkle';
import { loadSigningKey, signText } from './signing-key';

/** The fields a tree head's signature covers. */
export interface TreeHeadFields {
  tenantCode: string;
  treeSize: number;
  rootHash: string;
  algorithm: string;
  signedAt: Date;
  keyId: string;
}

/**
 * The canonical text that is signed: one `name=value` per line in a fixed order, so a verifier in
 * any language can rebuild it from the published fields.
 */
export function treeHeadSigningText(head: TreeHeadFields): string {
  return [
    'fazhi-audit-tree-head-v1',
    `tenantCode=${head.tenantCode}`,
    `treeSize=${head.treeSize}`,
    `rootHash=${head.rootHash}`,
    `algorithm=${head.algorithm}`,
    `signedAt=${head.signedAt.toISOString()}`,
    `keyId=${head.keyId}`,
  ].join('\n');
}

const leafBuffers = (leaves: { leafHash: string }[]) =>
  leaves.map((leaf) => Buffer.from(leaf.leafHash, 'hex'));

/** Refuses to sign or prove over a log whose sequence has holes: that log needs `fazhi audit verify`. */
function assertContiguous(leaves: { seq: number }[]): void {
  leaves.forEach((leaf, index) => {
    if (leaf.seq !== index + 1) {
      throw new Error(`审计日志不连续：第 ${index + 1} 条记录缺失，请运行 fazhi audit verify 检查`);
    }
  });
}

/**
 * Signs the tree head over every event now in the log, unless the latest head already covers
 * them; returns the latest head. O(n) in the log's length: one query of leaf hashes.
 */
export async function signTreeHead(deps: Deps): Promise<TreeHeadRow> {
  const { tenantCode, auditHash } = deps.config;
  const latest = await latestTreeHead(deps.db, tenantCode);
  const extent = await logExtent(deps.db, tenantCode);
  if (latest && latest.treeSize >= extent.maxSeq && latest.algorithm === auditHash) return latest;
  const leaves = await readLeaves(deps.db, tenantCode);
  try {
    assertContiguous(leaves);
  } catch (error) {
    // Never sign over a broken log; keep publishing the last good head.
    deps.logger.error({ err: error }, '审计日志不连续，未签署新的树头');
    if (latest) return latest;
    throw error;
  }
  const key = loadSigningKey(deps.config);
  const fields: TreeHeadFields = {
    tenantCode,
    treeSize: leaves.length,
    rootHash: merkleRoot(auditHash, leafBuffers(leaves)).toString('hex'),
    algorithm: auditHash,
    signedAt: deps.clock.now(),
    keyId: key.keyId,
  };
  const head = { ...fields, signature: signText(key, treeHeadSigningText(fields)) };
  if (latest && latest.treeSize === head.treeSize) return latest;
  return insertTreeHead(deps.db, head);
}

async function leavesUpTo(deps: Deps, treeSize: number, field: string) {
  const leaves = await readLeaves(deps.db, deps.config.tenantCode, treeSize);
  assertContiguous(leaves);
  if (leaves.length < treeSize)
    throw invalid(field, `日志目前只有 ${leaves.length} 条记录，树的规模不能超过它`);
  return leafBuffers(leaves);
}

export interface InclusionProofResult {
  seq: number;
  leafIndex: number;
  treeSize: number;
  algorithm: HashAlgorithm;
  leafHash: string;
  auditPath: string[];
  rootHash: string;
  treeHead: TreeHeadRow | null;
}

/** The audit path of event `seq` in the tree of `treeSize` events (default: the latest signed head). */
export async function proveInclusion(
  deps: Deps,
  seq: number,
  treeSize?: number,
): Promise<InclusionProofResult> {
  const size = treeSize ?? (await signTreeHead(deps)).treeSize;
  if (seq > size) throw invalid('seq', `记录序号不能大于树的规模（${size}）`);
  const leaves = await leavesUpTo(deps, size, 'treeSize');
  const algorithm = deps.config.auditHash;
  const leaf = leaves[seq - 1];
  if (!leaf) throw invalid('seq', '记录序号超出日志范围');
  return {
    seq,
    leafIndex: seq - 1,
    treeSize: size,
    algorithm,
    leafHash: leaf.toString('hex'),
    auditPath: inclusionProof(algorithm, leaves, seq - 1, size).map((node) => node.toString('hex')),
    rootHash: merkleRoot(algorithm, leaves).toString('hex'),
    treeHead: await treeHeadOfSize(deps.db, deps.config.tenantCode, size),
  };
}

export interface ConsistencyProofResult {
  first: number;
  second: number;
  algorithm: HashAlgorithm;
  firstRootHash: string;
  secondRootHash: string;
  consistencyPath: string[];
}

/** Proof that the tree of `first` events is a prefix of the tree of `second` (default: the latest signed head). */
export async function proveConsistency(
  deps: Deps,
  first: number,
  second?: number,
): Promise<ConsistencyProofResult> {
  const size = second ?? (await signTreeHead(deps)).treeSize;
  if (first > size) throw invalid('first', `第一个树的规模不能大于第二个（${size}）`);
  const leaves = await leavesUpTo(deps, size, 'second');
  const algorithm = deps.config.auditHash;
  return {
    first,
    second: size,
    algorithm,
    firstRootHash: merkleRoot(algorithm, leaves.slice(0, first)).toString('hex'),
    secondRootHash: merkleRoot(algorithm, leaves).toString('hex'),
    consistencyPath: consistencyProof(algorithm, leaves, first, size).map((node) => node.toString('hex')),
  };
}
