import type { Deps } from '../context';
import { auditLeafText } from './append-audit-event';
import {
  allTreeHeads,
  readEventBatch,
  signingKeys,
  type AuditEventRow,
  type TreeHeadRow,
} from './audit-repository';
import { canonicalJson, hash, leafHash, type HashAlgorithm } from './hashing';
import { MerkleFrontier } from './merkle';
import { verifySignature } from './signing-key';
import { treeHeadSigningText } from './tree-heads';

export interface AuditLogVerification {
  ok: boolean;
  checkedEvents: number;
  checkedTreeHeads: number;
  /** the first problem found: the event's seq (for a tree head, the size it claims) and why, in Chinese */
  firstBad?: { seq: number; treeSize?: number; reason: string };
}

export interface VerifyOptions {
  /** called every `progressEvery` events with how many are done */
  onProgress?: (checkedEvents: number) => void;
  progressEvery?: number;
  batchSize?: number;
}

const algorithms: readonly string[] = ['sha256', 'sm3'];
const isAlgorithm = (value: string): value is HashAlgorithm => algorithms.includes(value);

/** Why an event does not match what its neighbours and its own content say it should be, or null. */
function eventProblem(row: AuditEventRow, expectedSeq: number, previousChain: Buffer): string | null {
  if (row.seq !== expectedSeq) {
    return row.seq > expectedSeq
      ? `第 ${expectedSeq} 条记录缺失（下一条是第 ${row.seq} 条），日志被删除过记录`
      : `记录序号重复或倒序（第 ${row.seq} 条出现在第 ${expectedSeq} 条的位置）`;
  }
  if (!isAlgorithm(row.algorithm)) return `哈希算法「${row.algorithm}」无法识别`;
  const changeDigest = hash(row.algorithm, canonicalJson(row.change)).toString('hex');
  if (changeDigest !== row.changeDigest) return '变更内容与其摘要不符，记录的变更内容被改动过';
  const leaf = leafHash(row.algorithm, auditLeafText(row));
  if (leaf.toString('hex') !== row.leafHash) {
    return '记录的字段（时间、操作人、操作、对象或摘要）与叶子哈希不符，记录被改动过';
  }
  const chain = hash(row.algorithm, previousChain, leaf).toString('hex');
  if (chain !== row.chainHash) return '链哈希与前一条记录不衔接，日志被改动、插入或删除过记录';
  return null;
}

function treeHeadProblem(
  head: TreeHeadRow,
  rootHash: string | null,
  publicKeys: Map<string, string>,
): string | null {
  if (rootHash === null)
    return `树头记录了 ${head.treeSize} 条记录，但日志里没有这么多条，日志末尾被删除过记录`;
  if (rootHash !== head.rootHash) return `树头（${head.treeSize} 条记录）的根哈希与日志重算的结果不符`;
  const publicKeyPem = publicKeys.get(head.keyId);
  if (!publicKeyPem) return `树头（${head.treeSize} 条记录）的签名密钥 ${head.keyId.slice(0, 16)}… 未登记`;
  const text = treeHeadSigningText({ ...head });
  if (!verifySignature(publicKeyPem, text, head.signature))
    return `树头（${head.treeSize} 条记录）的签名无效`;
  return null;
}

/**
 * Walks the whole log in order: recomputes every event's change digest, leaf hash and chain
 * hash, then checks every signed tree head's root (from one pass, via the Merkle frontier) and
 * its Ed25519 signature. Stops at the first problem and names it.
 */
export async function verifyAuditLog(deps: Deps, options: VerifyOptions = {}): Promise<AuditLogVerification> {
  const { tenantCode } = deps.config;
  const batchSize = options.batchSize ?? 2000;
  const progressEvery = options.progressEvery ?? 10_000;
  const heads = await allTreeHeads(deps.db, tenantCode);
  const publicKeys = new Map(
    (await signingKeys(deps.db, tenantCode)).map((key) => [key.keyId, key.publicKeyPem]),
  );
  const frontiers = new Map<string, MerkleFrontier>();
  for (const head of heads) {
    if (isAlgorithm(head.algorithm) && !frontiers.has(head.algorithm)) {
      frontiers.set(head.algorithm, new MerkleFrontier(head.algorithm));
    }
  }

  let headIndex = 0;
  let checkedTreeHeads = 0;
  let checkedEvents = 0;
  /** Checks every head whose size the walk has reached. */
  const checkHeadsUpTo = (size: number, isEndOfLog: boolean): AuditLogVerification['firstBad'] => {
    for (
      let head = heads[headIndex];
      head && (head.treeSize <= size || isEndOfLog);
      head = heads[headIndex]
    ) {
      const frontier = frontiers.get(head.algorithm);
      const problem = !frontier
        ? `树头（${head.treeSize} 条记录）的哈希算法「${head.algorithm}」无法识别`
        : treeHeadProblem(head, head.treeSize <= size ? frontier.root().toString('hex') : null, publicKeys);
      if (problem)
        return { seq: Math.min(head.treeSize, size + 1), treeSize: head.treeSize, reason: problem };
      checkedTreeHeads += 1;
      headIndex += 1;
    }
    return undefined;
  };

  const failed = (firstBad: NonNullable<AuditLogVerification['firstBad']>): AuditLogVerification => ({
    ok: false,
    checkedEvents,
    checkedTreeHeads,
    firstBad,
  });

  const headBeforeAny = checkHeadsUpTo(0, false);
  if (headBeforeAny) return failed(headBeforeAny);
  let previousChain = Buffer.alloc(0);
  let lastSeq = 0;
  for (;;) {
    const batch = await readEventBatch(deps.db, tenantCode, lastSeq, batchSize);
    for (const row of batch) {
      const expectedSeq = checkedEvents + 1;
      const problem = eventProblem(row, expectedSeq, previousChain);
      if (problem) return failed({ seq: Math.min(row.seq, expectedSeq), reason: problem });
      previousChain = Buffer.from(row.chainHash, 'hex');
      const leaf = Buffer.from(row.leafHash, 'hex');
      for (const frontier of frontiers.values()) frontier.append(leaf);
      checkedEvents += 1;
      lastSeq = row.seq;
      const badHead = checkHeadsUpTo(checkedEvents, false);
      if (badHead) return failed(badHead);
      if (options.onProgress && checkedEvents % progressEvery === 0) options.onProgress(checkedEvents);
    }
    if (batch.length < batchSize) break;
  }
  const badHead = checkHeadsUpTo(checkedEvents, true);
  if (badHead) return failed(badHead);
  return { ok: true, checkedEvents, checkedTreeHeads };
}
