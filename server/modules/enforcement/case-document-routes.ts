import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseDocumentKindSchema, caseDocumentViewSchema } from '../../../contracts/enforcement';
import { uuidField } from '../../../contracts/fields';
import { inTransaction, readContext, type Deps } from '../../core/context';
import { type App, errors, security, requireSignedIn } from '../../core/route-kit';
import { generateCaseDocument, listCaseDocuments } from './documents/case-documents';

const tags = ['行政执法案件'];
const caseParams = z.object({ id: uuidField('案件') });
const generateParams = caseParams.extend({ kind: caseDocumentKindSchema });

/** A case's documents: the list, and generating one (.docx per GB/T 9704; download at GET /api/files/:sha256). */
export async function registerCaseDocumentRoutes(app: App, deps: Deps): Promise<void> {
  await app.register((plain, _options, done) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addHook('preHandler', requireSignedIn);

    scope.get(
      '/api/enforcement/cases/:id/documents',
      {
        schema: {
          tags,
          summary: '案件文书：已制作的文书（含重新制作的各版本，最新在前）',
          security,
          params: caseParams,
          response: { 200: z.array(caseDocumentViewSchema), ...errors },
        },
      },
      async (request) => listCaseDocuments(readContext(deps, request.actor), request.params.id),
    );

    scope.post(
      '/api/enforcement/cases/:id/documents/:kind',
      {
        schema: {
          tags,
          summary: '制作案件文书（按 GB/T 9704 生成 .docx，编文号，存入证据文件并附于案件）',
          description:
            '文书类型：registrationApproval 立案审批表、inspectionRecord 现场检查（勘验）笔录、inquiryRecord 询问笔录、priorNotice 行政处罚事先告知书、hearingNotice 听证通知书、decision 行政处罚决定书、serviceReceipt 送达回证、closingApproval 结案审批表、caseFileIndex 卷内文件目录。重新制作的文书沿用第一次编的文号。下载：GET /api/files/{fileSha256}。',
          security,
          params: generateParams,
          response: { 201: caseDocumentViewSchema, ...errors },
        },
      },
      async (request, reply) => {
        const document = await inTransaction(deps, request.actor, (ctx) =>
          generateCaseDocument(ctx, request.params.id, request.params.kind),
        );
        return reply.status(201).send(document);
      },
    );
    done();
  });
}
