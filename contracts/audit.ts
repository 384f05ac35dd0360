import { z } from 'zod';
import { pagination } from './fields';

/** The API contract of the audit log (DESIGN.md core mechanism 3), shared with the web app. */

export const auditHashAlgorithms = ['sha256', 'sm3'] as const;
export const auditHashAlgorithmSchema = z.enum(auditHashAlgorithms);
export type AuditHashAlgorithm = z.infer<typeof auditHashAlgorithmSchema>;
export const auditHashAlgorithmLabels: Record<AuditHashAlgorithm, string> = {
  sha256: 'SHA-256',
  sm3: 'SM3（GB/T 32905）',
};

const hexHash = z.string().regex(/^[0-9a-f]{64}$/);
const positiveInteger = (label: string) =>
  z.coerce
    .number({ message: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(1, `${label}必须大于 0`)
    .max(Number.MAX_SAFE_INTEGER, `${label}过大`);

/** A signed tree head: the root of the first `treeSize` events, signed with Ed25519. */
export const signedTreeHeadSchema = z.object({
  tenantCode: z.string(),
  treeSize: z.number().int(),
  rootHash: hexHash,
  algorithm: auditHashAlgorithmSchema,
  signedAt: z.string(),
  keyId: hexHash,
  signatureAlgorithm: z.literal('ed25519'),
  /** base64 Ed25519 signature over `signedText` */
  signature: z.string(),
  /** the exact text that was signed, so anyone can check the signature with the public key */
  signedText: z.string(),
});
export type SignedTreeHead = z.infer<typeof signedTreeHeadSchema>;

export const inclusionProofQuerySchema = z.object({
  seq: positiveInteger('记录序号'),
  treeSize: positiveInteger('树的规模').optional(),
});
export const inclusionProofSchema = z.object({
  seq: z.number().int(),
  leafIndex: z.number().int(),
  treeSize: z.number().int(),
  algorithm: auditHashAlgorithmSchema,
  leafHash: hexHash,
  auditPath: z.array(hexHash),
  rootHash: hexHash,
  /** the signed head of this size, when one was signed */
  treeHead: signedTreeHeadSchema.nullable(),
});
export type InclusionProof = z.infer<typeof inclusionProofSchema>;

export const consistencyProofQuerySchema = z.object({
  first: positiveInteger('第一个树的规模'),
  second: positiveInteger('第二个树的规模').optional(),
});
export const consistencyProofSchema = z.object({
  first: z.number().int(),
  second: z.number().int(),
  algorithm: auditHashAlgorithmSchema,
  firstRootHash: hexHash,
  secondRootHash: hexHash,
  consistencyPath: z.array(hexHash),
});
export type ConsistencyProof = z.infer<typeof consistencyProofSchema>;

export const auditPublicKeySchema = z.object({
  keyId: hexHash,
  algorithm: z.literal('ed25519'),
  publicKeyPem: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});
export const auditPublicKeysSchema = z.object({ keys: z.array(auditPublicKeySchema) });

const civilDateSchema = (label: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}必须是 YYYY-MM-DD 格式的日期`);

const auditEventFilterFields = z.object({
  actor: z.string().trim().max(100, '操作人最多 100 个字').optional(),
  action: z.string().trim().max(64, '操作最多 64 个字符').optional(),
  entityType: z.string().trim().max(64, '对象类型最多 64 个字符').optional(),
  entityId: z.string().trim().max(200, '对象编号最多 200 个字符').optional(),
  from: civilDateSchema('开始日期').optional(),
  to: civilDateSchema('结束日期').optional(),
});
const fromNotAfterTo = (filter: { from?: string | undefined; to?: string | undefined }) =>
  !filter.from || !filter.to || filter.from <= filter.to;
const toBeforeFrom = { message: '结束日期不能早于开始日期', path: ['to'] };

/** Filters of the audit trail (dates are civil dates in China Standard Time, both ends included). */
export const auditEventFilterSchema = auditEventFilterFields.refine(fromNotAfterTo, toBeforeFrom);
export type AuditEventFilter = z.infer<typeof auditEventFilterSchema>;

export const auditEventListQuerySchema = auditEventFilterFields
  .extend(pagination)
  .refine(fromNotAfterTo, toBeforeFrom);
export type AuditEventListQuery = z.infer<typeof auditEventListQuerySchema>;

export const auditEventSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  organizationId: z.string().nullable(),
  change: z.unknown(),
  changeDigest: hexHash,
  algorithm: auditHashAlgorithmSchema,
  leafHash: hexHash,
  chainHash: hexHash,
  ip: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditEventPageSchema = z.object({
  items: z.array(auditEventSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checkedEvents: z.number().int(),
  checkedTreeHeads: z.number().int(),
  firstBad: z
    .object({ seq: z.number().int(), treeSize: z.number().int().optional(), reason: z.string() })
    .optional(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

/** Column headers of the audit-trail export, in order. */
export const auditEventExportColumns = [
  { key: 'seq', header: '序号', width: 8 },
  { key: 'occurredAt', header: '时间', width: 22 },
  { key: 'actorName', header: '操作人', width: 22 },
  { key: 'action', header: '操作', width: 26 },
  { key: 'entityType', header: '对象类型', width: 16 },
  { key: 'entityId', header: '对象编号', width: 38 },
  { key: 'organizationId', header: '所属组织', width: 38 },
  { key: 'ip', header: 'IP 地址', width: 16 },
  { key: 'change', header: '变更内容', width: 60 },
  { key: 'changeDigest', header: '变更摘要', width: 66 },
  { key: 'leafHash', header: '叶子哈希', width: 66 },
  { key: 'algorithm', header: '哈希算法', width: 10 },
] as const;
