import { fixedClock } from '../core/clock';
import { loadConfig, type Config } from '../core/config';
import type { Deps } from '../core/context';
import { createLogger } from '../core/logger';
import { openPlatform } from '../core/startup';
import { buildApp, type App } from '../http/build-app';
import { createServerDatabase, type TestDatabaseKind } from './test-databases';

export interface TestPlatform {
  app: App;
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  close(): Promise<void>;
}

export interface TestPlatformOptions {
  database?: TestDatabaseKind;
  /** ISO instant the clock starts at; default 2026-09-28T09:00:00+08:00 */
  now?: string;
  env?: Record<string, string>;
}

/** A fresh platform on a fresh database (in-memory PGlite, or a new database on the test server). */
export async function buildTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const kind = options.database ?? 'pglite';
  const server = kind === 'postgres' ? await createServerDatabase() : null;
  const config = loadConfig({
    FAZHI_DATA_DIR: '/tmp/fazhi-test-data',
    FAZHI_PASSWORD_COST: '10',
    LOG_LEVEL: 'silent',
    // Tests build the records they need; the demo city is tested on its own.
    FAZHI_SEED_DEMO: 'never',
    // nor import the law collection on prepareOnStart (the law tests import what they need)
    FAZHI_LAW_DIR: 'none',
    ...(server ? { DATABASE_URL: server.url } : {}),
    ...options.env,
  });
  const clock = fixedClock(options.now ?? '2026-09-28T09:00:00+08:00');
  const platform = await openPlatform(config, { clock, logger: createLogger('silent'), pgliteDir: 'memory' });
  const app = await buildApp(platform.deps, { rateLimitPerMinute: 100_000 });
  await app.ready();
  return {
    app,
    deps: platform.deps,
    clock,
    config,
    close: async () => {
      await app.close();
      await platform.close();
      await server?.drop();
    },
  };
}
