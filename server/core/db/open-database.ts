import { mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './schema';

export type Schema = typeof schema;
/** One Drizzle type for both drivers: PGlite (embedded) and node-postgres (server). */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction: what repositories receive. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'postgres';
  /** Where the embedded database lives, or the server URL without its password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… for a server; otherwise PGlite. */
  url?: string | undefined;
  /** Folder for the embedded database; `memory` for a throwaway one (tests). */
  pgliteDir?: string;
}

/** Opens PGlite (default) or PostgreSQL and returns the same Drizzle interface for both. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    // int8 (counts, sequence numbers) as numbers: audit sequence numbers stay far below 2^53.
    pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const db = drizzle(pool, { schema }) as unknown as Database;
    return {
      db,
      driver: 'postgres',
      location: options.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dir = options.pgliteDir ?? 'memory';
  if (dir !== 'memory') mkdirSync(dirname(dir), { recursive: true });
  const client =
    dir === 'memory' ? new PGlite({ extensions: { pg_trgm } }) : new PGlite(dir, { extensions: { pg_trgm } });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Database;
  return { db, driver: 'pglite', location: dir, close: () => client.close() };
}

/** The repository root, found from this file whether it runs from source or from the bundle in dist/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'server'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('找不到项目根目录（package.json）');
    dir = parent;
  }
  return dir;
}

export const migrationsFolder = () => join(projectRoot(), 'server', 'core', 'db', 'migrations');
