import ExcelJS from 'exceljs';
import { isNull, or, sql, type SQL } from 'drizzle-orm';
import {
  auditEventExportColumns,
  type AuditEventFilter,
  type AuditEventListQuery,
} from '../../../contracts/audit';
import { requireRole } from '../access/authorize';
import { organizationScope } from '../access/scope';
import { inTransaction, type Actor, type Deps, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { appendAuditEvent } from './append-audit-event';
import { findEvents, signingKeys, type AuditEventRow, type EventQuery } from './audit-repository';
import { auditEvents } from './audit-tables';
import { verifyAuditLog, type AuditLogVerification } from './verify-audit-log';

/** Most rows one export may hold; narrow the filters for more. */
export const maxExportRows = 100_000;

/**
 * The audit administrator sees events of organizations in the subtrees where the role is held;
 * events bound to no organization (sign-ins, platform work) only from a top-level assignment.
 */
function auditScope(ctx: ServiceContext): SQL {
  const held = requireRole(ctx, ['auditAdmin']);
  const inSubtree = organizationScope(ctx, auditEvents.organizationId, ['auditAdmin']);
  const isTopLevel = held.some((role) => role.organizationPath.split('/').filter(Boolean).length <= 1);
  return isTopLevel ? (or(isNull(auditEvents.organizationId), inSubtree) ?? sql`false`) : inSubtree;
}

const startOfCivilDay = (date: string) => new Date(`${date}T00:00:00+08:00`);
const startOfNextCivilDay = (date: string) => new Date(startOfCivilDay(date).getTime() + 86_400_000);

function eventQuery(ctx: ServiceContext, filter: AuditEventFilter): EventQuery {
  return {
    actor: filter.actor || undefined,
    action: filter.action || undefined,
    entityType: filter.entityType || undefined,
    entityId: filter.entityId || undefined,
    from: filter.from ? startOfCivilDay(filter.from) : undefined,
    until: filter.to ? startOfNextCivilDay(filter.to) : undefined,
    scope: auditScope(ctx),
  };
}

/** The audit trail for the audit administrator, newest first, filtered and paged. */
export async function listAuditEvents(
  ctx: ServiceContext,
  query: AuditEventListQuery,
): Promise<{ rows: AuditEventRow[]; total: number; page: number; pageSize: number }> {
  const { rows, total } = await findEvents(ctx.tx, ctx.tenantCode, eventQuery(ctx, query), {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { rows, total, page: query.page, pageSize: query.pageSize };
}

const formatInstant = (instant: Date) =>
  new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** The filtered audit trail as an .xlsx workbook with Chinese headers; the export itself is logged. */
export async function exportAuditEvents(ctx: ServiceContext, filter: AuditEventFilter): Promise<Buffer> {
  const { rows, total } = await findEvents(ctx.tx, ctx.tenantCode, eventQuery(ctx, filter), {
    offset: 0,
    limit: maxExportRows,
  });
  if (total > maxExportRows) {
    throw new AppError(
      'VALIDATION_FAILED',
      `符合条件的记录有 ${total} 条，超过单次导出上限 ${maxExportRows} 条，请缩小日期范围`,
      'from',
    );
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fazhi 法治政府建设平台';
  const sheet = workbook.addWorksheet('审计日志');
  sheet.columns = auditEventExportColumns.map((column) => ({
    key: column.key,
    header: column.header,
    width: column.width,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    sheet.addRow({
      seq: row.seq,
      occurredAt: formatInstant(row.occurredAt),
      actorName: row.actorName,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      organizationId: row.organizationId ?? '',
      ip: row.ip ?? '',
      change: JSON.stringify(row.change),
      changeDigest: row.changeDigest,
      leafHash: row.leafHash,
      algorithm: row.algorithm,
    });
  }
  await appendAuditEvent(ctx, {
    action: 'audit.export',
    entityType: 'auditLog',
    entityId: ctx.tenantCode,
    change: { filter, rows: rows.length },
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Runs `verifyAuditLog` for the audit administrator and logs that it was run, with the verdict. */
export async function runAuditVerification(deps: Deps, actor: Actor | null): Promise<AuditLogVerification> {
  requireRole({ actor }, ['auditAdmin']);
  const result = await verifyAuditLog(deps);
  await inTransaction(deps, actor, (ctx) =>
    appendAuditEvent(ctx, {
      action: 'audit.verify',
      entityType: 'auditLog',
      entityId: ctx.tenantCode,
      change: { ...result },
    }),
  );
  return result;
}

/** Every tree-head signing key ever used (public halves), for anyone checking signatures. */
export const listSigningKeys = (deps: Deps) => signingKeys(deps.db, deps.config.tenantCode);
