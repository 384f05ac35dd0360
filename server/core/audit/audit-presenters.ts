import type {
  AuditEvent,
  AuditHashAlgorithm,
  AuditVerification,
  ConsistencyProof,
  InclusionProof,
  SignedTreeHead,
} from '../../../contracts/audit';
import type { AuditEventRow, SigningKeyRow, TreeHeadRow } from './audit-repository';
import type { ConsistencyProofResult, InclusionProofResult } from './tree-heads';
import { treeHeadSigningText } from './tree-heads';
import type { AuditLogVerification } from './verify-audit-log';

const asAlgorithm = (value: string): AuditHashAlgorithm => (value === 'sm3' ? 'sm3' : 'sha256');

/** Public: a signed tree head with the exact text its signature covers. */
export function presentTreeHead(head: TreeHeadRow): SignedTreeHead {
  return {
    tenantCode: head.tenantCode,
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    algorithm: asAlgorithm(head.algorithm),
    signedAt: head.signedAt.toISOString(),
    keyId: head.keyId,
    signatureAlgorithm: 'ed25519',
    signature: head.signature,
    signedText: treeHeadSigningText(head),
  };
}

export function presentInclusionProof(proof: InclusionProofResult): InclusionProof {
  return { ...proof, treeHead: proof.treeHead ? presentTreeHead(proof.treeHead) : null };
}

export const presentConsistencyProof = (proof: ConsistencyProofResult): ConsistencyProof => ({ ...proof });

export function presentPublicKey(key: SigningKeyRow) {
  return {
    keyId: key.keyId,
    algorithm: 'ed25519' as const,
    publicKeyPem: key.publicKeyPem,
    createdAt: key.createdAt.toISOString(),
    retiredAt: key.retiredAt ? key.retiredAt.toISOString() : null,
  };
}

/** Audit administrator: the whole event, hashes included, so a row can be checked by hand. */
export function presentAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    organizationId: row.organizationId,
    change: row.change,
    changeDigest: row.changeDigest,
    algorithm: asAlgorithm(row.algorithm),
    leafHash: row.leafHash,
    chainHash: row.chainHash,
    ip: row.ip,
  };
}

export function presentVerification(result: AuditLogVerification): AuditVerification {
  return {
    ok: result.ok,
    checkedEvents: result.checkedEvents,
    checkedTreeHeads: result.checkedTreeHeads,
    ...(result.firstBad ? { firstBad: result.firstBad } : {}),
  };
}

/** The first line `fazhi audit verify` prints. */
export function verificationSummary(result: AuditLogVerification): string {
  if (result.ok) return `OK: ${result.checkedEvents} 条记录、${result.checkedTreeHeads} 个树头校验通过`;
  const bad = result.firstBad;
  return bad ? `FAILED: 第 ${bad.seq} 条记录 ${bad.reason}` : 'FAILED: 校验未通过';
}
