import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ImportJobView } from '../../../contracts/imports';
import { appendAuditEvent } from '../audit/append-audit-event';
import { actorName, inTransaction, type Actor, type Deps, type ServiceContext } from '../context';
import { newId } from '../db/ids';
import { AppError, notFound } from '../errors';
import type { ImportColumn, ImportRowError } from '../exports/excel';
import { readImportFile } from './import-files';
import { importJobs, type ImportJobRow } from './import-tables';

/**
 * Large imports as jobs (core mechanism 7): a file of up to a million rows is checked row by row
 * in a first pass, and only when every row is sound written in one transaction in a second — so
 * it goes in whole or not at all, and a crash leaves nothing half-written. Progress is kept in
 * memory while the job runs; the job row records the outcome and the problems by row and column.
 */

export const maxImportRows = 1_000_000;
const maxStoredErrors = 1_000;

/** What a module declares to import a list. */
export interface ImportSpec<Row> {
  kind: string;
  /** the audit event's action, e.g. `entity.import` */
  auditAction: string;
  columns: readonly ImportColumn[];
  /** checks one row's cells (keys = column keys); issues name the column by its key */
  schema: z.ZodType<Row>;
  /** the row's identity in the file: a second row with the same key is refused */
  keyOf: (row: Row) => string;
  /** writes a batch in the import's transaction */
  apply: (
    ctx: ServiceContext,
    rows: Row[],
  ) => Promise<{ inserted: number; updated: number; unchanged: number }>;
  batchSize?: number;
}

interface Progress {
  phase: 'checking' | 'writing';
  processedRows: number;
  totalRows: number;
}
const running = new Map<string, Progress>();

/** Opens a job for an uploaded file (status running); the caller then starts `runImportJob`. */
export async function openImportJob(
  ctx: ServiceContext,
  input: { kind: string; fileName: string; organizationId?: string | null },
): Promise<ImportJobRow> {
  const row: ImportJobRow = {
    tenantCode: ctx.tenantCode,
    id: newId(),
    kind: input.kind,
    fileName: input.fileName,
    status: 'running',
    totalRows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    errorCount: 0,
    errors: [],
    message: null,
    organizationId: input.organizationId ?? null,
    createdByUserId: ctx.actor?.userId ?? null,
    createdByName: actorName(ctx.actor),
    createdAt: ctx.clock.now(),
    finishedAt: null,
  };
  await ctx.tx.insert(importJobs).values(row);
  running.set(row.id, { phase: 'checking', processedRows: 0, totalRows: 0 });
  return row;
}

/**
 * Runs an opened job on the file at `path`: pass 1 checks every row (and repeats within the file),
 * pass 2 writes them in batches in one transaction with one audit event and the job's outcome.
 * Never throws: the outcome is on the job row.
 */
export async function runImportJob<Row>(
  deps: Deps,
  actor: Actor | null,
  jobId: string,
  path: string,
  spec: ImportSpec<Row>,
): Promise<ImportJobView> {
  const progress = running.get(jobId) ?? { phase: 'checking', processedRows: 0, totalRows: 0 };
  running.set(jobId, progress);
  const finish = (changes: Partial<ImportJobRow>) =>
    deps.db
      .update(importJobs)
      .set({ ...changes, finishedAt: deps.clock.now() })
      .where(and(eq(importJobs.tenantCode, deps.config.tenantCode), eq(importJobs.id, jobId)));
  try {
    const headerOf = (key: string | undefined) =>
      spec.columns.find((column) => column.key === key)?.header ?? key ?? '整行';
    const errors: ImportRowError[] = [];
    let errorCount = 0;
    const addError = (error: ImportRowError) => {
      errorCount += 1;
      if (errors.length < maxStoredErrors) errors.push(error);
    };
    const seen = new Map<string, number>();
    let total = 0;
    for await (const { row, values } of readImportFile(path, spec.columns)) {
      total += 1;
      if (total > maxImportRows) {
        throw new AppError(
          'VALIDATION_FAILED',
          `一次最多导入 ${maxImportRows.toLocaleString('zh-CN')} 行，请拆分文件`,
          'file',
        );
      }
      const parsed = spec.schema.safeParse(values);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          addError({
            row,
            column: headerOf(issue.path[0] === undefined ? undefined : String(issue.path[0])),
            message: issue.message,
          });
        }
      } else {
        const key = spec.keyOf(parsed.data);
        const first = seen.get(key);
        if (first !== undefined)
          addError({ row, column: headerOf(spec.columns[0]?.key), message: `与第 ${first} 行重复` });
        else seen.set(key, row);
      }
      progress.processedRows = total;
    }
    seen.clear();
    if (total === 0) throw new AppError('VALIDATION_FAILED', '上传的文件没有数据行', 'file');
    if (errorCount > 0) {
      await finish({
        status: 'rejected',
        totalRows: total,
        errorCount,
        errors,
        message: `文件有 ${errorCount} 处问题，未导入任何数据`,
      });
      return await viewOf(deps, jobId);
    }

    progress.phase = 'writing';
    progress.totalRows = total;
    progress.processedRows = 0;
    const batchSize = spec.batchSize ?? 1_000;
    await inTransaction(deps, actor, async (ctx) => {
      const counts = { inserted: 0, updated: 0, unchanged: 0 };
      let batch: Row[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const done = await spec.apply(ctx, batch);
        counts.inserted += done.inserted;
        counts.updated += done.updated;
        counts.unchanged += done.unchanged;
        progress.processedRows += batch.length;
        batch = [];
      };
      for await (const { values } of readImportFile(path, spec.columns)) {
        batch.push(spec.schema.parse(values));
        if (batch.length >= batchSize) await flush();
      }
      await flush();
      await appendAuditEvent(ctx, {
        action: spec.auditAction,
        entityType: 'importJob',
        entityId: jobId,
        change: { kind: spec.kind, totalRows: total, ...counts },
      });
      await ctx.tx
        .update(importJobs)
        .set({ status: 'done', totalRows: total, ...counts, finishedAt: ctx.clock.now() })
        .where(and(eq(importJobs.tenantCode, ctx.tenantCode), eq(importJobs.id, jobId)));
    });
  } catch (error) {
    const message =
      error instanceof AppError ? error.message : `导入中断，未导入任何数据：${(error as Error).message}`;
    if (!(error instanceof AppError)) deps.logger.error({ err: error, jobId }, 'import failed');
    await finish({ status: error instanceof AppError ? 'rejected' : 'failed', message }).catch(
      () => undefined,
    );
  } finally {
    running.delete(jobId);
  }
  return viewOf(deps, jobId);
}

async function viewOf(deps: Deps, jobId: string): Promise<ImportJobView> {
  const [row] = await deps.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.tenantCode, deps.config.tenantCode), eq(importJobs.id, jobId)));
  if (!row) throw notFound('导入任务');
  return presentImportJob(row);
}

export function presentImportJob(row: ImportJobRow): ImportJobView {
  const progress = running.get(row.id);
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    status: row.status as ImportJobView['status'],
    phase: progress?.phase ?? null,
    processedRows: progress ? progress.processedRows : row.totalRows,
    totalRows: progress ? progress.totalRows : row.totalRows,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    errorCount: row.errorCount,
    errors: row.errors,
    message: row.message,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** One job of a kind, as its reader sees it (progress while it runs). */
export async function findImportJob(
  ctx: ServiceContext,
  kind: string,
  id: string,
): Promise<ImportJobRow | null> {
  const [row] = await ctx.tx
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.tenantCode, ctx.tenantCode), eq(importJobs.kind, kind), eq(importJobs.id, id)));
  return row ?? null;
}

/** The latest jobs of a kind. */
export async function listImportJobs(ctx: ServiceContext, kind: string, limit = 20): Promise<ImportJobRow[]> {
  return ctx.tx
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.tenantCode, ctx.tenantCode), eq(importJobs.kind, kind)))
    .orderBy(desc(importJobs.createdAt))
    .limit(limit);
}

/** First-start step: a job still marked running was cut off by a stop or crash; nothing of it was written. */
export async function markInterruptedImports(deps: Deps): Promise<string[]> {
  const interrupted = await deps.db
    .update(importJobs)
    .set({
      status: 'failed',
      message: '导入过程中平台停止，未导入任何数据，请重新上传',
      finishedAt: deps.clock.now(),
    })
    .where(and(eq(importJobs.tenantCode, deps.config.tenantCode), eq(importJobs.status, 'running')))
    .returning({ id: importJobs.id });
  return interrupted.length > 0 ? [`${interrupted.length} 个导入任务因平台停止而中断，未导入任何数据。`] : [];
}
