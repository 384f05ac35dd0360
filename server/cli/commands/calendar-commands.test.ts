import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/db/open-database';

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

describe('fazhi calendar … (spawned CLI on a PGlite folder)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'fazhi-cli-calendar-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the Nth working day after a date across National Day 2026 on the first line', () => {
    const result = fazhi(dataDir, 'calendar', 'add-working-days', '2026-09-28', '5');
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    expect(result.firstLine).toBe('2026-10-10');
  });

  it('prints true for the 2025 Spring Festival 调休 Saturday and a period end moved past the holiday', () => {
    const working = fazhi(dataDir, 'calendar', 'is-working-day', '2025-02-08');
    expect(working.status).toBe(0);
    expect(working.firstLine).toBe('true');
    const periodEnd = fazhi(dataDir, 'calendar', 'period-end', '2026-09-24', '7');
    expect(periodEnd.firstLine).toBe('2026-10-08');
  });

  it('exits 2 with a Chinese message for a year without data and for a malformed date', () => {
    const missing = fazhi(dataDir, 'calendar', 'add-working-days', '2026-12-25', '5');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('缺少 2027 年节假日数据，请管理员先录入国务院办公厅当年的节假日安排');
    const malformed = fazhi(dataDir, 'calendar', 'is-working-day', '2026/10/01');
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('不是 YYYY-MM-DD 格式的有效日期');
  });
});
