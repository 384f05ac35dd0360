import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { ServiceContext } from '../context';

/**
 * How many rows match, counted up to `cap` and no further: a list over millions of rows says
 * "more than 10,000" instead of paying for an exact count of a broad search.
 */
export async function countUpTo(
  ctx: ServiceContext,
  table: PgTable,
  where: SQL | undefined,
  cap = 10_000,
): Promise<{ total: number; totalIsCapped: boolean }> {
  const matched = ctx.tx
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(cap + 1)
    .as('matched');
  const [row] = await ctx.tx.select({ total: sql<number>`count(*)::int` }).from(matched);
  const total = row?.total ?? 0;
  return { total: Math.min(total, cap), totalIsCapped: total > cap };
}
