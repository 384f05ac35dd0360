import type { SQL } from 'drizzle-orm';
import type { Executor } from './open-database';

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. Cast counts with `::int`. */
export async function queryRows<Row>(executor: Executor, query: SQL): Promise<Row[]> {
  const result: unknown = await executor.execute(query);
  return (result as { rows: Row[] }).rows;
}
