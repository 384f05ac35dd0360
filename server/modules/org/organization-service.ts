import type {
  CreateOrganizationInput,
  MoveOrganizationInput,
  OrganizationFilter,
  OrganizationListQuery,
  OrganizationTreeNode,
  UpdateOrganizationInput,
} from '../../../contracts/org';
import { requireActor } from '../../core/access/authorize';
import { appendAuditEvent } from '../../core/audit/append-audit-event';
import type { ServiceContext } from '../../core/context';
import { newId } from '../../core/db/ids';
import { AppError, invalid, notFound } from '../../core/errors';
import { organizationWritePolicy } from './org-policy';
import {
  countActiveChildren,
  countOrganizations,
  findJurisdiction,
  findOrganizationIdByCreditCode,
  findOrganizationInScope,
  insertOrganization,
  listJurisdictions,
  movePathPrefix,
  selectOrganizations,
  selectOrganizationTreeRows,
  updateOrganizationRow,
  type OrganizationRecord,
} from './org-repository';
import { creditCodeMessages, creditCodeProblem } from '../../core/identity/national-codes';
import { organizationPath } from './org-rules';

const maxExportRows = 50_000;

/** A page of the organizations in the actor's scope, filtered. */
export async function listOrganizations(ctx: ServiceContext, query: OrganizationListQuery) {
  requireActor(ctx);
  const [total, items] = [
    await countOrganizations(ctx, query),
    await selectOrganizations(ctx, query, { page: query.page, pageSize: query.pageSize }),
  ];
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Every organization in scope matching the filter, for export. */
export async function exportOrganizations(
  ctx: ServiceContext,
  filter: OrganizationFilter,
): Promise<OrganizationRecord[]> {
  requireActor(ctx);
  return selectOrganizations(ctx, filter, { page: 1, pageSize: maxExportRows });
}

/** One organization in scope, or null outside it (for modules that word their own refusal). */
export async function findScopedOrganization(
  ctx: ServiceContext,
  id: string,
): Promise<OrganizationRecord | null> {
  return (await findOrganizationInScope(ctx, id)) ?? null;
}

/** One organization in scope; NOT_FOUND outside it. */
export async function getOrganization(ctx: ServiceContext, id: string): Promise<OrganizationRecord> {
  const record = await findOrganizationInScope(ctx, id);
  if (!record) throw notFound('组织');
  return record;
}

async function checkOrganizationFields(
  ctx: ServiceContext,
  fields: {
    jurisdictionCode?: string | undefined;
    creditCode?: string | null | undefined;
    kind?: string | undefined;
    authorityType?: string | null | undefined;
  },
  selfId: string | null,
): Promise<void> {
  if (fields.jurisdictionCode !== undefined && !(await findJurisdiction(ctx.tx, fields.jurisdictionCode))) {
    throw invalid('jurisdictionCode', `行政区划代码 ${fields.jurisdictionCode} 不存在`);
  }
  if (fields.creditCode) {
    const problem = creditCodeProblem(fields.creditCode);
    if (problem) throw invalid('creditCode', creditCodeMessages[problem]);
    const holder = await findOrganizationIdByCreditCode(ctx.tx, ctx.tenantCode, fields.creditCode);
    if (holder && holder !== selfId) {
      throw new AppError('CONFLICT', `统一社会信用代码 ${fields.creditCode} 已被其他组织使用`, 'creditCode');
    }
  }
  if (fields.kind === 'enforcementBody' && !fields.authorityType) {
    throw invalid('authorityType', '执法主体必须注明是法定行政机关、法律法规授权组织还是受委托组织');
  }
}

/** Creates an organization under a parent in scope (a system administrator's work), audited. */
export async function createOrganization(
  ctx: ServiceContext,
  input: CreateOrganizationInput,
): Promise<OrganizationRecord> {
  let parentPath: string | null = null;
  if (input.parentId !== null) {
    const parent = await findOrganizationInScope(ctx, input.parentId);
    if (!parent) throw new AppError('NOT_FOUND', '上级组织不存在或不在您的管理范围内', 'parentId');
    if (!parent.isActive) throw invalid('parentId', `上级组织「${parent.name}」已停用`);
    parentPath = parent.path;
  }
  organizationWritePolicy(ctx, parentPath);
  await checkOrganizationFields(ctx, input, null);
  const id = newId();
  const now = ctx.clock.now();
  const row = {
    tenantCode: ctx.tenantCode,
    id,
    parentId: input.parentId,
    path: organizationPath(parentPath, id),
    jurisdictionCode: input.jurisdictionCode,
    name: input.name,
    shortName: input.shortName ?? null,
    kind: input.kind,
    authorityType: input.authorityType ?? null,
    creditCode: input.creditCode ?? null,
    enforcementField: input.enforcementField ?? null,
    address: input.address ?? null,
    phone: input.phone ?? null,
    sortOrder: input.sortOrder ?? 0,
    isActive: true,
    createdAt: now,
    updatedAt: now,
  };
  await insertOrganization(ctx.tx, row);
  await appendAuditEvent(ctx, {
    action: 'organization.create',
    entityType: 'organization',
    entityId: id,
    organizationId: id,
    change: { ...row, createdAt: undefined, updatedAt: undefined },
  });
  return getCreated(ctx, id);
}

async function getCreated(ctx: ServiceContext, id: string): Promise<OrganizationRecord> {
  const record = await findOrganizationInScope(ctx, id);
  if (!record) throw notFound('组织');
  return record;
}

/** Edits an organization in scope; the change (before/after) is audited. */
export async function updateOrganization(
  ctx: ServiceContext,
  id: string,
  input: UpdateOrganizationInput,
): Promise<OrganizationRecord> {
  const current = await getOrganization(ctx, id);
  organizationWritePolicy(ctx, current.path);
  const kind = input.kind ?? current.kind;
  const authorityType = input.authorityType === undefined ? current.authorityType : input.authorityType;
  await checkOrganizationFields(ctx, { ...input, kind, authorityType }, id);
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const before = Object.fromEntries(
    Object.keys(changes).map((key) => [key, current[key as keyof OrganizationRecord] ?? null]),
  );
  await updateOrganizationRow(ctx.tx, ctx.tenantCode, id, { ...changes, updatedAt: ctx.clock.now() });
  await appendAuditEvent(ctx, {
    action: 'organization.update',
    entityType: 'organization',
    entityId: id,
    organizationId: id,
    change: { before, after: changes },
  });
  return getOrganization(ctx, id);
}

/**
 * Moves an organization and its whole subtree under another parent (机构改革): the system
 * administrator must hold both the old and the new parent; a move under the organization's own
 * subtree is refused. Roles held on the subtree keep working (scope follows the path).
 */
export async function moveOrganization(
  ctx: ServiceContext,
  id: string,
  input: MoveOrganizationInput,
): Promise<OrganizationRecord> {
  const current = await getOrganization(ctx, id);
  organizationWritePolicy(ctx, current.path);
  const parent = await findOrganizationInScope(ctx, input.parentId);
  if (!parent) throw new AppError('NOT_FOUND', '新的上级组织不存在或不在您的管理范围内', 'parentId');
  if (parent.path.startsWith(current.path)) {
    throw invalid('parentId', `不能把「${current.name}」调整到它自己或它的下级组织之下`);
  }
  if (!parent.isActive) throw invalid('parentId', `新的上级组织「${parent.name}」已停用`);
  organizationWritePolicy(ctx, parent.path);
  if (current.parentId === parent.id) return current;
  const newPath = organizationPath(parent.path, id);
  await updateOrganizationRow(ctx.tx, ctx.tenantCode, id, {
    parentId: parent.id,
    updatedAt: ctx.clock.now(),
  });
  const movedCount = await movePathPrefix(ctx.tx, ctx.tenantCode, current.path, newPath);
  await appendAuditEvent(ctx, {
    action: 'organization.move',
    entityType: 'organization',
    entityId: id,
    organizationId: id,
    change: {
      before: { parentId: current.parentId, path: current.path },
      after: { parentId: parent.id, path: newPath },
      reason: input.reason,
      movedCount,
    },
  });
  return getOrganization(ctx, id);
}

/** Deactivates an organization (never deleted: records are kept); refused while it has active children. */
export async function deactivateOrganization(ctx: ServiceContext, id: string): Promise<OrganizationRecord> {
  const current = await getOrganization(ctx, id);
  organizationWritePolicy(ctx, current.path);
  if (!current.isActive) return current;
  const children = await countActiveChildren(ctx.tx, ctx.tenantCode, id);
  if (children > 0) {
    throw new AppError('CONFLICT', `「${current.name}」下还有 ${children} 个启用的下级组织，请先停用它们`);
  }
  await updateOrganizationRow(ctx.tx, ctx.tenantCode, id, { isActive: false, updatedAt: ctx.clock.now() });
  await appendAuditEvent(ctx, {
    action: 'organization.deactivate',
    entityType: 'organization',
    entityId: id,
    organizationId: id,
    change: { before: { isActive: true }, after: { isActive: false } },
  });
  return getOrganization(ctx, id);
}

/** The actor's scope as a tree: each subtree the actor holds a role on is a root. */
export async function getOrganizationTree(
  ctx: ServiceContext,
  options: { includeInactive?: boolean } = {},
): Promise<OrganizationTreeNode[]> {
  requireActor(ctx);
  const rows = await selectOrganizationTreeRows(ctx, options.includeInactive ?? false);
  const nodes = new Map<string, OrganizationTreeNode>();
  for (const row of rows) {
    nodes.set(row.id, {
      id: row.id,
      name: row.name,
      kind: row.kind as OrganizationTreeNode['kind'],
      jurisdictionCode: row.jurisdictionCode,
      isActive: row.isActive,
      children: [],
    });
  }
  const roots: OrganizationTreeNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id);
    if (!node) continue;
    const parentNode = row.parentId ? nodes.get(row.parentId) : undefined;
    if (parentNode) parentNode.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The jurisdictions under a code (GB/T 2260), or the provinces; a reference table, not scoped. */
export async function listJurisdictionsUnder(ctx: ServiceContext, parentCode: string | null) {
  requireActor(ctx);
  return listJurisdictions(ctx.tx, parentCode);
}
