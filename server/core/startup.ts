import { join } from 'node:path';
import type { Config } from './config';
import { systemClock, type Clock } from './clock';
import type { Deps } from './context';
import { migrate } from './db/migrate';
import { openDatabase, type DatabaseHandle } from './db/open-database';
import { createLogger, type Logger } from './logger';

export interface Platform {
  deps: Deps;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

/** Opens the configured database and migrates it: what `serve`, the CLI and tests all start with. */
export async function openPlatform(
  config: Config,
  options: { clock?: Clock; logger?: Logger; pgliteDir?: string } = {},
): Promise<Platform> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const handle = await openDatabase({
    url: config.databaseUrl,
    pgliteDir: options.pgliteDir ?? join(config.dataDir, 'pglite'),
  });
  await migrate(handle);
  const deps: Deps = { db: handle.db, config, clock: options.clock ?? systemClock, logger };
  return { deps, handle, close: () => handle.close() };
}
