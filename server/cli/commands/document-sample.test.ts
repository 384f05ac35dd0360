import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/db/open-database';
import { readDocxParts } from '../../core/documents/docx-parts';

/** Runs the real CLI entry point, from source through tsx. */
function fazhi(...args: string[]) {
  const result = spawnSync(process.execPath, [join(projectRoot(), 'bin', 'fazhi.mjs'), ...args], {
    cwd: projectRoot(),
    env: { ...process.env, FAZHI_FROM_SOURCE: '1', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('fazhi document sample (spawned CLI)', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'fazhi-cli-document-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('writes a 行政处罚决定书 .docx and prints its path', () => {
    const out = join(folder, '决定书.docx');
    const result = fazhi('document', 'sample', out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(out);
    const parts = readDocxParts(readFileSync(out));
    expect(parts.text).toContain('行政处罚决定书');
    expect(parts.text).toContain('示市监罚〔2026〕12号');
  });

  it('exits 2 with a Chinese message and writes nothing without a .docx name', () => {
    const result = fazhi('document', 'sample', join(folder, 'sample.pdf'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('请给出以 .docx 结尾的输出文件名');
    expect(existsSync(join(folder, 'sample.pdf'))).toBe(false);
  });
});
