import { and, eq, sql, type SQL } from 'drizzle-orm';
import { organizationScope } from '../../../core/access/scope';
import type { ServiceContext } from '../../../core/context';
import { queryRows } from '../../../core/db/query-rows';
import { discretionBenchmarks } from '../enforcement-tables';

/** Drizzle queries of the discretion benchmarks. Every read applies organizationScope. */

export interface BenchmarkRecord {
  id: string;
  organizationId: string;
  organizationName: string;
  powerItemId: string;
  powerItemCode: string | null;
  powerItemName: string | null;
  basis: string | null;
  circumstances: unknown;
  updatedByName: string;
  updatedAt: Date;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** The benchmark with its body's name and its item's code and name (the latest version of the item). */
function selectRecords(ctx: ServiceContext, where: SQL, tail: SQL = sql``) {
  return queryRows<BenchmarkRecord & { updatedAt: Date | string }>(
    ctx.tx,
    sql`SELECT discretion_benchmarks.id, discretion_benchmarks.organization_id AS "organizationId", o.name AS "organizationName",
        discretion_benchmarks.power_item_id AS "powerItemId", v.code AS "powerItemCode", v.name AS "powerItemName",
        discretion_benchmarks.basis, discretion_benchmarks.circumstances, discretion_benchmarks.updated_by_name AS "updatedByName", discretion_benchmarks.updated_at AS "updatedAt"
      FROM ${discretionBenchmarks}
      JOIN organizations o ON o.tenant_code = discretion_benchmarks.tenant_code AND o.id = discretion_benchmarks.organization_id
      LEFT JOIN LATERAL (
        SELECT code, name FROM power_item_versions pv
        WHERE pv.tenant_code = discretion_benchmarks.tenant_code AND pv.item_id = discretion_benchmarks.power_item_id
        ORDER BY pv.version DESC LIMIT 1
      ) v ON true
      WHERE discretion_benchmarks.tenant_code = ${ctx.tenantCode} AND ${organizationScope(ctx, discretionBenchmarks.organizationId)}
        AND ${where}
      ${tail}`,
  ).then((rows) => rows.map((row) => ({ ...row, updatedAt: new Date(row.updatedAt) })));
}

export async function findBenchmark(
  ctx: ServiceContext,
  organizationId: string,
  powerItemId: string,
): Promise<BenchmarkRecord | null> {
  const [row] = await selectRecords(
    ctx,
    sql`discretion_benchmarks.organization_id = ${organizationId} AND discretion_benchmarks.power_item_id = ${powerItemId}`,
    sql`ORDER BY discretion_benchmarks.created_at LIMIT 1`,
  );
  return row ?? null;
}

export interface BenchmarkFilter {
  organizationId?: string | undefined;
  q?: string | null | undefined;
}

function filterOf(filter: BenchmarkFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.organizationId)
    parts.push(sql`discretion_benchmarks.organization_id = ${filter.organizationId}`);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    parts.push(sql`(v.code ILIKE ${pattern} OR v.name ILIKE ${pattern} OR o.name ILIKE ${pattern})`);
  }
  return sql.join(parts, sql` AND `);
}

export async function selectBenchmarks(
  ctx: ServiceContext,
  filter: BenchmarkFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: BenchmarkRecord[]; total: number }> {
  const where = filterOf(filter);
  const rows = await selectRecords(
    ctx,
    where,
    sql`ORDER BY o.name, v.code NULLS LAST, discretion_benchmarks.id LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
  );
  const [counted] = await queryRows<{ n: number }>(
    ctx.tx,
    sql`SELECT count(*)::int AS n
      FROM ${discretionBenchmarks}
      JOIN organizations o ON o.tenant_code = discretion_benchmarks.tenant_code AND o.id = discretion_benchmarks.organization_id
      LEFT JOIN LATERAL (
        SELECT code, name FROM power_item_versions pv
        WHERE pv.tenant_code = discretion_benchmarks.tenant_code AND pv.item_id = discretion_benchmarks.power_item_id
        ORDER BY pv.version DESC LIMIT 1
      ) v ON true
      WHERE discretion_benchmarks.tenant_code = ${ctx.tenantCode} AND ${organizationScope(ctx, discretionBenchmarks.organizationId)}
        AND ${where}`,
  );
  return { rows, total: counted?.n ?? 0 };
}

/** Serializes writers of one item's benchmark, so two saves never make two benchmarks. */
export async function lockBenchmark(ctx: ServiceContext, organizationId: string, powerItemId: string) {
  await ctx.tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext(${`discretion:${ctx.tenantCode}:${organizationId}:${powerItemId}`}))`,
  );
}

export async function insertBenchmark(
  ctx: ServiceContext,
  row: Omit<typeof discretionBenchmarks.$inferInsert, 'tenantCode'>,
): Promise<void> {
  await ctx.tx.insert(discretionBenchmarks).values({ ...row, tenantCode: ctx.tenantCode });
}

export async function updateBenchmark(
  ctx: ServiceContext,
  id: string,
  values: Pick<
    typeof discretionBenchmarks.$inferInsert,
    'basis' | 'circumstances' | 'updatedByName' | 'updatedAt'
  >,
): Promise<void> {
  await ctx.tx
    .update(discretionBenchmarks)
    .set(values)
    .where(and(eq(discretionBenchmarks.tenantCode, ctx.tenantCode), eq(discretionBenchmarks.id, id)));
}
