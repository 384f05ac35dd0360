import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './open-database';
import { migrationsFolder } from './open-database';

/** Applies the committed drizzle-kit migrations; safe to run on every start. */
export async function migrate(handle: DatabaseHandle): Promise<void> {
  await handle.db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  const folder = migrationsFolder();
  if (handle.driver === 'pglite') {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(handle.db as never, { migrationsFolder: folder });
  } else {
    const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
    await run(handle.db as never, { migrationsFolder: folder });
  }
}
