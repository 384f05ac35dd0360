import {
  auditEventFilterSchema,
  auditEventListQuerySchema,
  auditEventPageSchema,
  auditPublicKeysSchema,
  auditVerificationSchema,
  consistencyProofQuerySchema,
  consistencyProofSchema,
  inclusionProofQuerySchema,
  inclusionProofSchema,
  signedTreeHeadSchema,
} from '../../../contracts/audit';
import { inTransaction, readContext, type Deps } from '../context';
import {
  presentAuditEvent,
  presentConsistencyProof,
  presentInclusionProof,
  presentPublicKey,
  presentTreeHead,
  presentVerification,
} from './audit-presenters';
import { exportAuditEvents, listAuditEvents, listSigningKeys, runAuditVerification } from './audit-service';
import { proveConsistency, proveInclusion, signTreeHead } from './tree-heads';
import { type App, errorShape } from '../route-kit';

const tags = ['审计日志'];

/** The audit log's API: public tree heads and proofs; the trail itself for the audit administrator. */
export function registerAuditRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/audit/tree-head',
    {
      schema: {
        tags,
        summary: '最新的已签名树头（公开）',
        description: '日志在上次签名后有新记录时，先签署覆盖全部记录的新树头。',
        response: { 200: signedTreeHeadSchema },
      },
    },
    async () => presentTreeHead(await signTreeHead(deps)),
  );

  app.get(
    '/api/audit/proofs/inclusion',
    {
      schema: {
        tags,
        summary: '包含证明：某条记录在某个规模的树中（公开，RFC 6962 §2.1.1）',
        querystring: inclusionProofQuerySchema,
        response: { 200: inclusionProofSchema, 400: errorShape },
      },
    },
    async (request) =>
      presentInclusionProof(await proveInclusion(deps, request.query.seq, request.query.treeSize)),
  );

  app.get(
    '/api/audit/proofs/consistency',
    {
      schema: {
        tags,
        summary: '一致性证明：较小的树是较大的树的前缀（公开，RFC 6962 §2.1.2）',
        querystring: consistencyProofQuerySchema,
        response: { 200: consistencyProofSchema, 400: errorShape },
      },
    },
    async (request) =>
      presentConsistencyProof(await proveConsistency(deps, request.query.first, request.query.second)),
  );

  app.get(
    '/api/audit/public-keys',
    {
      schema: {
        tags,
        summary: '树头签名公钥（公开，Ed25519）',
        response: { 200: auditPublicKeysSchema },
      },
    },
    async () => ({ keys: (await listSigningKeys(deps)).map(presentPublicKey) }),
  );

  app.get(
    '/api/audit/events',
    {
      schema: {
        tags,
        summary: '查询审计日志（审计管理员）',
        security: [{ session: [] }],
        querystring: auditEventListQuerySchema,
        response: { 200: auditEventPageSchema, 400: errorShape, 401: errorShape, 403: errorShape },
      },
    },
    async (request) => {
      const page = await listAuditEvents(readContext(deps, request.actor), request.query);
      return {
        items: page.rows.map(presentAuditEvent),
        total: page.total,
        page: page.page,
        pageSize: page.pageSize,
      };
    },
  );

  app.get(
    '/api/audit/events/export',
    {
      schema: {
        tags,
        summary: '导出审计日志为 Excel（审计管理员）',
        security: [{ session: [] }],
        description: '返回 .xlsx 文件（表头为中文）；导出本身记入审计日志。',
        querystring: auditEventFilterSchema,
      },
    },
    async (request, reply) => {
      const workbook = await inTransaction(deps, request.actor, (ctx) =>
        exportAuditEvents(ctx, request.query),
      );
      const filename = encodeURIComponent(`审计日志-${deps.clock.now().toISOString().slice(0, 10)}.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="audit-log.xlsx"; filename*=UTF-8''${filename}`)
        .send(workbook);
    },
  );

  app.post(
    '/api/audit/verify',
    {
      schema: {
        tags,
        summary: '校验整个审计日志（审计管理员）',
        security: [{ session: [] }],
        response: { 200: auditVerificationSchema, 401: errorShape, 403: errorShape },
      },
    },
    async (request) => presentVerification(await runAuditVerification(deps, request.actor)),
  );
  return Promise.resolve();
}
