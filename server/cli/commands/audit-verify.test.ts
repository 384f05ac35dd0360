import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent } from '../../core/audit/append-audit-event';
import { loadConfig } from '../../core/config';
import { inTransaction } from '../../core/context';
import { projectRoot } from '../../core/db/open-database';
import { createLogger } from '../../core/logger';
import { prepareOnStart } from '../../core/prepare-on-start';
import { openPlatform } from '../../core/startup';

/** Runs the real CLI entry point on a PGlite folder, from source through tsx. */
function fazhi(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(projectRoot(), 'bin', 'fazhi.mjs'), ...args], {
    cwd: projectRoot(),
    env: {
      ...process.env,
      FAZHI_DATA_DIR: dataDir,
      FAZHI_FROM_SOURCE: '1',
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, firstLine: result.stdout.split('\n')[0], stderr: result.stderr };
}

describe('fazhi audit verify (spawned CLI on a PGlite folder)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fazhi-cli-audit-'));
    const config = loadConfig({
      FAZHI_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      FAZHI_SEED_DEMO: 'never',
      FAZHI_LAW_DIR: 'none',
    });
    const platform = await openPlatform(config, { logger: createLogger('silent') });
    await prepareOnStart(platform.deps);
    for (let index = 1; index <= 12; index += 1) {
      await inTransaction(platform.deps, null, (ctx) =>
        appendAuditEvent(ctx, {
          action: 'sample.create',
          entityType: 'sample',
          entityId: `S-${index}`,
          change: { index },
        }),
      );
    }
    await platform.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints OK with the counts and exits 0 on an intact log, then FAILED naming the altered entry and exits 1', async () => {
    const intact = fazhi(dataDir, 'audit', 'verify');
    expect(intact.stderr).not.toMatch(/Error/);
    expect(intact.status).toBe(0);
    expect(intact.firstLine).toMatch(/^OK: 13 条记录、\d+ 个树头校验通过$/);

    const config = loadConfig({ FAZHI_DATA_DIR: dataDir, LOG_LEVEL: 'silent', FAZHI_SEED_DEMO: 'never' });
    const platform = await openPlatform(config, { logger: createLogger('silent') });
    await platform.deps.db.execute(
      sql`UPDATE audit_events SET change = '{"index": 99}'::jsonb WHERE seq = 8`,
    );
    await platform.close();

    const altered = fazhi(dataDir, 'audit', 'verify');
    expect(altered.status).toBe(1);
    expect(altered.firstLine).toMatch(/^FAILED: 第 8 条记录 变更内容与其摘要不符/);
  });
});
