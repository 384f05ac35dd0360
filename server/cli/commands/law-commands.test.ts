import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CiteResult } from '../../../contracts/law';
import { projectRoot } from '../../core/db/open-database';
import { hasLawData, lawDataDir } from '../../modules/law/law-test-data';

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
  return { status: result.status, lines: result.stdout.trim().split('\n'), stderr: result.stderr };
}

describe.skipIf(!hasLawData())('fazhi law import / law cite (spawned CLI on a PGlite folder)', () => {
  let dataDir: string;
  let lawDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'fazhi-cli-law-'));
    lawDir = join(dataDir, 'laws');
    mkdirSync(join(lawDir, '行政法'), { recursive: true });
    for (const file of ['行政处罚法(2021-01-22).md', '体育法(2016-11-07).md', '体育法(2022-06-24).md'])
      copyFileSync(join(lawDataDir, '行政法', file), join(lawDir, '行政法', file));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('imports a folder with progress and a summary line; a second run imports nothing new', () => {
    const first = fazhi(dataDir, 'law', 'import', lawDir);
    expect(first.stderr).not.toMatch(/Error/);
    expect(first.status).toBe(0);
    expect(first.lines[0]).toMatch(/^已处理 3\/3 个文件/);
    expect(first.lines.at(-1)).toMatch(
      /^导入完成：3 个文件，新导入 3 个版本（262 条），未变 0 个版本，0 个文件无法读取/,
    );
    const second = fazhi(dataDir, 'law', 'import', lawDir);
    expect(second.lines.at(-1)).toMatch(/新导入 0 个版本（0 条），未变 3 个版本/);
  });

  it('prints the resolved citation as JSON on the first line, on the date given', () => {
    const cited = fazhi(
      dataDir,
      'law',
      'cite',
      '《体育法》第五十四条和《行政处罚法》第九百条',
      '--date',
      '2022-01-01',
    );
    expect(cited.status).toBe(0);
    const result = JSON.parse(cited.lines[0] ?? '') as CiteResult;
    expect(result.citations.map((citation) => [citation.status, citation.law?.versionDate])).toEqual([
      ['resolved', '2016-11-07'],
      ['articleNotFound', '2021-01-22'],
    ]);
    expect(result.citations[0]?.text).toContain('1995年10月1日');
  });

  it('exits 2 with a Chinese message for a missing folder or a malformed date', () => {
    const missing = fazhi(dataDir, 'law', 'import', join(dataDir, 'nowhere'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('目录不存在');
    const badDate = fazhi(dataDir, 'law', 'cite', '《体育法》第一条', '--date', '2020/1/1');
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('不是 YYYY-MM-DD 格式的有效日期');
  });
});
