import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  ilike,
  inArray,
  isNull,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { listKinds, type ChangeSetState, type ItemStatus, type ListKind } from '../../../contracts/powers';
import { organizationScope } from '../../core/access/scope';
import type { ServiceContext } from '../../core/context';
import { queryRows } from '../../core/db/query-rows';
import { matchesSearch, segmentedText, toSearchVector } from '../../core/search/chinese-search';
import { procedureInstances } from '../../core/procedures/procedure-tables';
import { organizations } from '../org/org-tables';
import {
  powerChanges,
  powerChangeSets,
  powerItems,
  powerItemVersions,
  powerListVersions,
} from './power-tables';

/** Drizzle queries of the power lists. Every read of tenant data applies organizationScope (the platform itself sees all). */

export type ChangeSetRow = typeof powerChangeSets.$inferSelect;
export type ChangeRow = typeof powerChanges.$inferSelect;
export type ItemVersionRow = typeof powerItemVersions.$inferSelect;
export type ListVersionRow = typeof powerListVersions.$inferSelect;

export interface ChangeSetRecord extends ChangeSetRow {
  organizationName: string;
  organizationPath: string;
  /** the procedure instance's revision (optimistic lock) */
  revision: number | null;
}
export interface ItemVersionRecord extends Omit<ItemVersionRow, 'search'> {
  organizationName: string;
}
export interface OrganizationRef {
  id: string;
  name: string;
  path: string;
  kind: string;
  jurisdictionCode: string;
}

const chunkSize = 500;
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

function chunks<T>(rows: readonly T[], size = chunkSize): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += size) out.push(rows.slice(start, start + size));
  return out;
}

// ── Organizations ────────────────────────────────────────────────────────────

/** The organizations in scope, with the number of items in force on `date` per list kind (those with any item). */
export async function countItemsByOrganization(
  ctx: ServiceContext,
  date: string,
): Promise<(OrganizationRef & { listKind: ListKind; n: number })[]> {
  return queryRows(
    ctx.tx,
    sql`SELECT o.id, o.name, o.path, o.kind, o.jurisdiction_code AS "jurisdictionCode",
        power_item_versions.list_kind AS "listKind", count(*)::int AS n
      FROM ${powerItemVersions}
      JOIN ${organizations} o ON o.tenant_code = power_item_versions.tenant_code AND o.id = power_item_versions.organization_id
      WHERE power_item_versions.tenant_code = ${ctx.tenantCode}
        AND ${organizationScope(ctx, powerItemVersions.organizationId)}
        AND power_item_versions.effective_from <= ${date}
        AND (power_item_versions.effective_to IS NULL OR power_item_versions.effective_to > ${date})
        AND NOT power_item_versions.is_cancelled
      GROUP BY o.id, o.name, o.path, o.kind, o.jurisdiction_code, o.sort_order, power_item_versions.list_kind
      ORDER BY o.sort_order, o.name`,
  );
}

// ── Change sets ──────────────────────────────────────────────────────────────

export async function insertChangeSet(
  ctx: ServiceContext,
  row: Omit<typeof powerChangeSets.$inferInsert, 'tenantCode'>,
) {
  await ctx.tx.insert(powerChangeSets).values({ ...row, tenantCode: ctx.tenantCode });
}

export async function updateChangeSet(
  ctx: ServiceContext,
  id: string,
  values: Partial<
    Pick<ChangeSetRow, 'state' | 'listVersion' | 'changeCount' | 'approvedAt' | 'procedureInstanceId'>
  >,
) {
  await ctx.tx
    .update(powerChangeSets)
    .set(values)
    .where(and(eq(powerChangeSets.tenantCode, ctx.tenantCode), eq(powerChangeSets.id, id)));
}

function changeSetSelect(ctx: ServiceContext) {
  return ctx.tx
    .select({
      ...getTableColumns(powerChangeSets),
      organizationName: organizations.name,
      organizationPath: organizations.path,
      revision: procedureInstances.revision,
    })
    .from(powerChangeSets)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, powerChangeSets.tenantCode),
        eq(organizations.id, powerChangeSets.organizationId),
      ),
    )
    .leftJoin(
      procedureInstances,
      and(
        eq(procedureInstances.tenantCode, powerChangeSets.tenantCode),
        eq(procedureInstances.id, powerChangeSets.procedureInstanceId),
      ),
    );
}

export async function findChangeSetInScope(ctx: ServiceContext, id: string): Promise<ChangeSetRecord | null> {
  const [row] = await changeSetSelect(ctx).where(
    and(
      eq(powerChangeSets.tenantCode, ctx.tenantCode),
      eq(powerChangeSets.id, id),
      organizationScope(ctx, powerChangeSets.organizationId),
    ),
  );
  return row ?? null;
}

export interface ChangeSetFilter {
  organizationId?: string | undefined;
  listKind?: ListKind | undefined;
  state?: ChangeSetState | undefined;
  q?: string | undefined;
}

function changeSetConditions(ctx: ServiceContext, filter: ChangeSetFilter): SQL | undefined {
  return and(
    eq(powerChangeSets.tenantCode, ctx.tenantCode),
    organizationScope(ctx, powerChangeSets.organizationId),
    filter.organizationId ? eq(powerChangeSets.organizationId, filter.organizationId) : undefined,
    filter.listKind ? eq(powerChangeSets.listKind, filter.listKind) : undefined,
    filter.state ? eq(powerChangeSets.state, filter.state) : undefined,
    filter.q
      ? or(
          ilike(powerChangeSets.title, likePattern(filter.q)),
          ilike(organizations.name, likePattern(filter.q)),
        )
      : undefined,
  );
}

export async function selectChangeSets(
  ctx: ServiceContext,
  filter: ChangeSetFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: ChangeSetRecord[]; total: number }> {
  const where = changeSetConditions(ctx, filter);
  const [total] = await ctx.tx
    .select({ n: count() })
    .from(powerChangeSets)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, powerChangeSets.tenantCode),
        eq(organizations.id, powerChangeSets.organizationId),
      ),
    )
    .where(where);
  const rows = await changeSetSelect(ctx)
    .where(where)
    .orderBy(desc(powerChangeSets.createdAt), desc(powerChangeSets.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { rows: rows, total: total?.n ?? 0 };
}

// ── Changes ──────────────────────────────────────────────────────────────────

export async function insertChanges(
  ctx: ServiceContext,
  rows: Omit<typeof powerChanges.$inferInsert, 'tenantCode'>[],
) {
  for (const part of chunks(rows)) {
    await ctx.tx.insert(powerChanges).values(part.map((row) => ({ ...row, tenantCode: ctx.tenantCode })));
  }
}

export async function deleteChange(
  ctx: ServiceContext,
  changeSetId: string,
  changeId: string,
): Promise<boolean> {
  const deleted = await ctx.tx
    .delete(powerChanges)
    .where(
      and(
        eq(powerChanges.tenantCode, ctx.tenantCode),
        eq(powerChanges.changeSetId, changeSetId),
        eq(powerChanges.id, changeId),
      ),
    )
    .returning({ id: powerChanges.id });
  return deleted.length > 0;
}

export async function listChanges(ctx: ServiceContext, changeSetId: string): Promise<ChangeRow[]> {
  return ctx.tx
    .select()
    .from(powerChanges)
    .where(and(eq(powerChanges.tenantCode, ctx.tenantCode), eq(powerChanges.changeSetId, changeSetId)))
    .orderBy(asc(powerChanges.ordinal));
}

export async function changeStats(
  ctx: ServiceContext,
  changeSetId: string,
): Promise<{ count: number; maxOrdinal: number }> {
  const [row] = await ctx.tx
    .select({ n: count(), maxOrdinal: sql<number>`coalesce(max(${powerChanges.ordinal}), 0)::int` })
    .from(powerChanges)
    .where(and(eq(powerChanges.tenantCode, ctx.tenantCode), eq(powerChanges.changeSetId, changeSetId)));
  return { count: row?.n ?? 0, maxOrdinal: row?.maxOrdinal ?? 0 };
}

/** Links the items approval created to the add changes that proposed them. */
export async function setChangeItemIds(ctx: ServiceContext, links: { changeId: string; itemId: string }[]) {
  for (const part of chunks(links)) {
    const values = sql.join(
      part.map((link) => sql`(${link.changeId}::uuid, ${link.itemId}::uuid)`),
      sql`, `,
    );
    await ctx.tx.execute(
      sql`UPDATE ${powerChanges} SET item_id = v.item_id FROM (VALUES ${values}) AS v(change_id, item_id)
        WHERE ${powerChanges.tenantCode} = ${ctx.tenantCode} AND ${powerChanges.id} = v.change_id`,
    );
  }
}

// ── Items and versions ───────────────────────────────────────────────────────

const versionColumns = {
  tenantCode: powerItemVersions.tenantCode,
  id: powerItemVersions.id,
  itemId: powerItemVersions.itemId,
  organizationId: powerItemVersions.organizationId,
  listKind: powerItemVersions.listKind,
  version: powerItemVersions.version,
  listVersion: powerItemVersions.listVersion,
  changeSetId: powerItemVersions.changeSetId,
  effectiveFrom: powerItemVersions.effectiveFrom,
  effectiveTo: powerItemVersions.effectiveTo,
  isCancelled: powerItemVersions.isCancelled,
  code: powerItemVersions.code,
  name: powerItemVersions.name,
  kind: powerItemVersions.kind,
  legalBasisText: powerItemVersions.legalBasisText,
  legalBasis: powerItemVersions.legalBasis,
  details: powerItemVersions.details,
  createdAt: powerItemVersions.createdAt,
  organizationName: organizations.name,
};

function versionSelect(ctx: ServiceContext) {
  return ctx.tx
    .select(versionColumns)
    .from(powerItemVersions)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantCode, powerItemVersions.tenantCode),
        eq(organizations.id, powerItemVersions.organizationId),
      ),
    );
}

/** Every version of an item in scope, newest first (empty when the item is outside the scope). */
export async function listItemVersions(ctx: ServiceContext, itemId: string): Promise<ItemVersionRecord[]> {
  return versionSelect(ctx)
    .where(
      and(
        eq(powerItemVersions.tenantCode, ctx.tenantCode),
        eq(powerItemVersions.itemId, itemId),
        organizationScope(ctx, powerItemVersions.organizationId),
      ),
    )
    .orderBy(desc(powerItemVersions.version));
}

/** Every version of the items among `itemIds` in scope, newest first within each item. */
export async function listVersionsOfItems(
  ctx: ServiceContext,
  itemIds: readonly string[],
): Promise<ItemVersionRecord[]> {
  const out: ItemVersionRecord[] = [];
  for (const part of chunks([...new Set(itemIds)])) {
    out.push(
      ...(await versionSelect(ctx)
        .where(
          and(
            eq(powerItemVersions.tenantCode, ctx.tenantCode),
            inArray(powerItemVersions.itemId, part),
            organizationScope(ctx, powerItemVersions.organizationId),
          ),
        )
        .orderBy(asc(powerItemVersions.itemId), desc(powerItemVersions.version))),
    );
  }
  return out;
}

/** The open (latest) version of each item among `itemIds`. */
export async function openVersionsOf(
  ctx: ServiceContext,
  itemIds: readonly string[],
): Promise<ItemVersionRecord[]> {
  const out: ItemVersionRecord[] = [];
  for (const part of chunks([...new Set(itemIds)])) {
    out.push(
      ...(await versionSelect(ctx).where(
        and(
          eq(powerItemVersions.tenantCode, ctx.tenantCode),
          inArray(powerItemVersions.itemId, part),
          isNull(powerItemVersions.effectiveTo),
        ),
      )),
    );
  }
  return out;
}

/** The open versions (not cancelled) of the organization's list holding one of `codes`: codes already taken. */
export async function findLiveCodes(
  ctx: ServiceContext,
  organizationId: string,
  listKind: ListKind,
  codes: readonly string[],
): Promise<{ code: string; itemId: string }[]> {
  const out: { code: string; itemId: string }[] = [];
  for (const part of chunks([...new Set(codes)])) {
    // through power_items (indexed by organization, list and code; an item's code never changes)
    out.push(
      ...(await ctx.tx
        .select({ code: powerItems.code, itemId: powerItems.id })
        .from(powerItems)
        .innerJoin(
          powerItemVersions,
          and(
            eq(powerItemVersions.tenantCode, powerItems.tenantCode),
            eq(powerItemVersions.itemId, powerItems.id),
          ),
        )
        .where(
          and(
            eq(powerItems.tenantCode, ctx.tenantCode),
            eq(powerItems.organizationId, organizationId),
            eq(powerItems.listKind, listKind),
            inArray(powerItems.code, part),
            isNull(powerItemVersions.effectiveTo),
            eq(powerItemVersions.isCancelled, false),
          ),
        )),
    );
  }
  return out;
}

/** The item with `code` on the organization's list (any list when omitted): its open version (cancelled or not), or null. */
export async function findOpenVersionByCode(
  ctx: ServiceContext,
  organizationId: string,
  listKind: ListKind | undefined,
  code: string,
): Promise<ItemVersionRecord | null> {
  const rows = await versionSelect(ctx)
    .innerJoin(
      powerItems,
      and(
        eq(powerItems.tenantCode, powerItemVersions.tenantCode),
        eq(powerItems.id, powerItemVersions.itemId),
      ),
    )
    .where(
      and(
        eq(powerItems.tenantCode, ctx.tenantCode),
        eq(powerItems.organizationId, organizationId),
        inArray(powerItems.listKind, listKind ? [listKind] : [...listKinds]),
        eq(powerItems.code, code),
        isNull(powerItemVersions.effectiveTo),
        organizationScope(ctx, powerItemVersions.organizationId),
      ),
    )
    .orderBy(asc(powerItemVersions.isCancelled))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertItems(
  ctx: ServiceContext,
  rows: { id: string; organizationId: string; listKind: string; code: string }[],
) {
  const createdAt = ctx.clock.now();
  for (const part of chunks(rows)) {
    await ctx.tx
      .insert(powerItems)
      .values(part.map((row) => ({ ...row, tenantCode: ctx.tenantCode, createdAt })));
  }
}

export type NewItemVersion = Omit<
  typeof powerItemVersions.$inferInsert,
  'tenantCode' | 'search' | 'createdAt'
>;

/** Inserts item versions with their search vector (name, code and basis segmented). */
export async function insertItemVersions(ctx: ServiceContext, rows: NewItemVersion[]) {
  const createdAt = ctx.clock.now();
  for (const part of chunks(rows, 250)) {
    await ctx.tx.insert(powerItemVersions).values(
      part.map((row) => ({
        ...row,
        tenantCode: ctx.tenantCode,
        createdAt,
        search: toSearchVector(
          segmentedText(`${row.name} ${row.code} ${row.legalBasisText}`),
        ) as unknown as string,
      })),
    );
  }
}

/** Closes versions at `effectiveTo` (exclusive). */
export async function closeVersions(ctx: ServiceContext, versionIds: readonly string[], effectiveTo: string) {
  for (const part of chunks(versionIds)) {
    await ctx.tx
      .update(powerItemVersions)
      .set({ effectiveTo })
      .where(and(eq(powerItemVersions.tenantCode, ctx.tenantCode), inArray(powerItemVersions.id, part)));
  }
}

export interface ItemFilter {
  organizationId?: string | undefined;
  listKind?: ListKind | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  date: string;
  status: ItemStatus;
}

function itemConditions(ctx: ServiceContext, filter: ItemFilter): SQL | undefined {
  const date = filter.date;
  const v = powerItemVersions;
  const search = filter.q ? matchesSearch(v.search, filter.q) : null;
  const trigram =
    filter.q && Array.from(filter.q).length >= 3 ? ilike(v.name, likePattern(filter.q)) : undefined;
  const status =
    filter.status === 'pending'
      ? and(eq(v.version, 1), gt(v.effectiveFrom, date))
      : and(
          lte(v.effectiveFrom, date),
          or(isNull(v.effectiveTo), gt(v.effectiveTo, date)),
          eq(v.isCancelled, filter.status === 'cancelled'),
        );
  return and(
    eq(v.tenantCode, ctx.tenantCode),
    organizationScope(ctx, v.organizationId),
    filter.organizationId ? eq(v.organizationId, filter.organizationId) : undefined,
    filter.listKind ? eq(v.listKind, filter.listKind) : undefined,
    filter.kind ? eq(v.kind, filter.kind) : undefined,
    filter.q ? (search ? or(search, trigram) : (trigram ?? sql`false`)) : undefined,
    status,
  );
}

/** A page of items as they stand on `filter.date` with the given status, ordered by organization and code. */
export async function selectItemsOn(
  ctx: ServiceContext,
  filter: ItemFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: ItemVersionRecord[]; total: number }> {
  const where = itemConditions(ctx, filter);
  const [total] = await ctx.tx.select({ n: count() }).from(powerItemVersions).where(where);
  const rows = await versionSelect(ctx)
    .where(where)
    .orderBy(asc(organizations.sortOrder), asc(powerItemVersions.listKind), asc(powerItemVersions.code))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { rows, total: total?.n ?? 0 };
}

/** Each item of the list as of list version `listVersion` (its latest version at or before it). */
export async function itemsAsOfListVersion(
  ctx: ServiceContext,
  organizationId: string,
  listKind: ListKind,
  listVersion: number,
): Promise<ItemVersionRow[]> {
  if (listVersion <= 0) return [];
  return queryRows<ItemVersionRow>(
    ctx.tx,
    sql`SELECT DISTINCT ON (item_id) id, item_id AS "itemId", version, list_version AS "listVersion",
        is_cancelled AS "isCancelled", code, name, kind, legal_basis_text AS "legalBasisText", details,
        effective_from::text AS "effectiveFrom", effective_to::text AS "effectiveTo"
      FROM ${powerItemVersions}
      WHERE tenant_code = ${ctx.tenantCode} AND organization_id = ${organizationId} AND list_kind = ${listKind}
        AND list_version <= ${listVersion}
      ORDER BY item_id, list_version DESC, version DESC`,
  );
}

// ── List versions ────────────────────────────────────────────────────────────

/**
 * Serializes approvals of one organization's list until the transaction ends, so two approvals
 * cannot take the same list version number or both admit the same code.
 */
export async function lockList(ctx: ServiceContext, organizationId: string, listKind: ListKind) {
  await ctx.tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext(${`powers:${ctx.tenantCode}:${organizationId}:${listKind}`}))`,
  );
}

export async function latestListVersion(
  ctx: ServiceContext,
  organizationId: string,
  listKind: ListKind,
): Promise<ListVersionRow | null> {
  const [row] = await ctx.tx
    .select()
    .from(powerListVersions)
    .where(
      and(
        eq(powerListVersions.tenantCode, ctx.tenantCode),
        eq(powerListVersions.organizationId, organizationId),
        eq(powerListVersions.listKind, listKind),
      ),
    )
    .orderBy(desc(powerListVersions.version))
    .limit(1);
  return row ?? null;
}

export async function insertListVersion(ctx: ServiceContext, row: Omit<ListVersionRow, 'tenantCode'>) {
  await ctx.tx.insert(powerListVersions).values({ ...row, tenantCode: ctx.tenantCode });
}

export async function listListVersions(
  ctx: ServiceContext,
  organizationId: string,
  listKind: ListKind,
): Promise<(ListVersionRow & { changeSetTitle: string })[]> {
  return ctx.tx
    .select({
      tenantCode: powerListVersions.tenantCode,
      organizationId: powerListVersions.organizationId,
      listKind: powerListVersions.listKind,
      version: powerListVersions.version,
      changeSetId: powerListVersions.changeSetId,
      effectiveOn: powerListVersions.effectiveOn,
      itemCount: powerListVersions.itemCount,
      approvedBy: powerListVersions.approvedBy,
      approvedAt: powerListVersions.approvedAt,
      changeSetTitle: powerChangeSets.title,
    })
    .from(powerListVersions)
    .innerJoin(
      powerChangeSets,
      and(
        eq(powerChangeSets.tenantCode, powerListVersions.tenantCode),
        eq(powerChangeSets.id, powerListVersions.changeSetId),
      ),
    )
    .where(
      and(
        eq(powerListVersions.tenantCode, ctx.tenantCode),
        eq(powerListVersions.organizationId, organizationId),
        eq(powerListVersions.listKind, listKind),
      ),
    )
    .orderBy(desc(powerListVersions.version));
}

/** Per organization in scope and list kind: the last list version and the submitted change sets. */
export async function listVersionSummary(ctx: ServiceContext): Promise<
  {
    organizationId: string;
    organizationName: string;
    listKind: ListKind;
    lastVersion: number | null;
    lastEffectiveOn: string | null;
    pending: number;
  }[]
> {
  return queryRows(
    ctx.tx,
    sql`SELECT organizations.id AS "organizationId", organizations.name AS "organizationName", k.list_kind AS "listKind",
        (SELECT max(l.version) FROM ${powerListVersions} l
          WHERE l.tenant_code = k.tenant_code AND l.organization_id = k.organization_id AND l.list_kind = k.list_kind)::int AS "lastVersion",
        (SELECT l.effective_on::text FROM ${powerListVersions} l
          WHERE l.tenant_code = k.tenant_code AND l.organization_id = k.organization_id AND l.list_kind = k.list_kind
          ORDER BY l.version DESC LIMIT 1) AS "lastEffectiveOn",
        (SELECT count(*) FROM ${powerChangeSets} c
          WHERE c.tenant_code = k.tenant_code AND c.organization_id = k.organization_id AND c.list_kind = k.list_kind
            AND c.state = 'submitted')::int AS pending
      FROM (SELECT DISTINCT tenant_code, organization_id, list_kind FROM ${powerChangeSets}
            WHERE tenant_code = ${ctx.tenantCode}) k
      JOIN ${organizations} ON organizations.tenant_code = k.tenant_code AND organizations.id = k.organization_id
      WHERE ${organizationScope(ctx, organizations.id)}
      ORDER BY organizations.sort_order, organizations.name, k.list_kind`,
  );
}
