import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import type { Executor } from '../db/open-database';
import { organizationScope } from '../access/scope';
import { organizations } from '../../modules/org/org-tables';
import { fileReaderRoles } from './file-policy';
import { fileAttachments, storedFiles } from './file-tables';

export type StoredFileRow = typeof storedFiles.$inferSelect;
export type FileAttachmentRow = typeof fileAttachments.$inferSelect;

/** The path of an organization of the tenant, or null when there is none. */
export async function findOrganizationPath(
  tx: Executor,
  tenantCode: string,
  organizationId: string,
): Promise<string | null> {
  const [row] = await tx
    .select({ path: organizations.path })
    .from(organizations)
    .where(and(eq(organizations.tenantCode, tenantCode), eq(organizations.id, organizationId)));
  return row?.path ?? null;
}

/** A stored file's row regardless of scope (for deduplication inside a write). */
export async function findStoredFileRow(
  tx: Executor,
  tenantCode: string,
  sha256: string,
): Promise<StoredFileRow | null> {
  const [row] = await tx
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.tenantCode, tenantCode), eq(storedFiles.sha256, sha256)));
  return row ?? null;
}

/**
 * A stored file the actor may see: its uploading organization is in scope, or it is attached
 * to a record of an organization in scope. Outside the scope: null, as if it did not exist.
 */
export async function findScopedStoredFile(
  ctx: ServiceContext,
  sha256: string,
): Promise<StoredFileRow | null> {
  const attachedInScope = sql`EXISTS (SELECT 1 FROM ${fileAttachments} WHERE ${fileAttachments.tenantCode} = ${ctx.tenantCode} AND ${fileAttachments.fileSha256} = ${sha256} AND ${organizationScope(ctx, fileAttachments.organizationId, fileReaderRoles)})`;
  const [row] = await ctx.tx
    .select()
    .from(storedFiles)
    .where(
      and(
        eq(storedFiles.tenantCode, ctx.tenantCode),
        eq(storedFiles.sha256, sha256),
        or(organizationScope(ctx, storedFiles.organizationId, fileReaderRoles), attachedInScope),
      ),
    );
  return row ?? null;
}

/** Inserts the row of a new blob; false when another upload inserted it first. */
export async function insertStoredFile(tx: Executor, row: StoredFileRow): Promise<boolean> {
  const inserted = await tx
    .insert(storedFiles)
    .values(row)
    .onConflictDoNothing()
    .returning({ sha256: storedFiles.sha256 });
  return inserted.length > 0;
}

export async function insertFileAttachment(tx: Executor, row: FileAttachmentRow): Promise<FileAttachmentRow> {
  const [inserted] = await tx.insert(fileAttachments).values(row).returning();
  if (!inserted) throw new Error('insertFileAttachment: nothing inserted');
  return inserted;
}

/** Whether the file is already attached to this subject with this label. */
export async function findFileAttachment(
  tx: Executor,
  tenantCode: string,
  match: { sha256: string; subjectType: string; subjectId: string; label: string },
): Promise<FileAttachmentRow | null> {
  const [row] = await tx
    .select()
    .from(fileAttachments)
    .where(
      and(
        eq(fileAttachments.tenantCode, tenantCode),
        eq(fileAttachments.fileSha256, match.sha256),
        eq(fileAttachments.subjectType, match.subjectType),
        eq(fileAttachments.subjectId, match.subjectId),
        eq(fileAttachments.label, match.label),
      ),
    );
  return row ?? null;
}

/** The attachments of a record that lie in the actor's scope, oldest first, with their files. */
export async function listScopedAttachments(
  ctx: ServiceContext,
  subjectType: string,
  subjectId: string,
): Promise<{ attachment: FileAttachmentRow; file: StoredFileRow }[]> {
  return ctx.tx
    .select({ attachment: fileAttachments, file: storedFiles })
    .from(fileAttachments)
    .innerJoin(
      storedFiles,
      and(
        eq(storedFiles.tenantCode, fileAttachments.tenantCode),
        eq(storedFiles.sha256, fileAttachments.fileSha256),
      ),
    )
    .where(
      and(
        eq(fileAttachments.tenantCode, ctx.tenantCode),
        eq(fileAttachments.subjectType, subjectType),
        eq(fileAttachments.subjectId, subjectId),
        organizationScope(ctx, fileAttachments.organizationId, fileReaderRoles),
      ),
    )
    .orderBy(asc(fileAttachments.attachedAt), asc(fileAttachments.id));
}
