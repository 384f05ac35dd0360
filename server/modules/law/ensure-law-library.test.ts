import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestPlatform } from '../../test/build-test-app';
import { ensureLawLibrary, lawFolderToLoad } from './ensure-law-library';
import { hasLawData, lawDataDir } from './law-test-data';

describe('the law folder loaded on first start', () => {
  it('is none when FAZHI_LAW_DIR=none, the folder named when it exists, else ../shared/data/laws when that exists', () => {
    const root = mkdtempSync(join(tmpdir(), 'fazhi-law-dir-'));
    try {
      const work = join(root, 'main');
      mkdirSync(work);
      expect(lawFolderToLoad('none', work)).toBeNull();
      expect(lawFolderToLoad(undefined, work)).toBeNull();
      mkdirSync(join(root, 'shared', 'data', 'laws'), { recursive: true });
      expect(lawFolderToLoad(undefined, work)).toBe(resolve(root, 'shared/data/laws'));
      expect(lawFolderToLoad('/no/such/folder', work)).toBeNull();
      expect(lawFolderToLoad(root, work)).toBe(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!hasLawData())('ensureLawLibrary', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'fazhi-law-start-'));
    mkdirSync(join(folder, '行政法'));
    for (const file of ['行政处罚法(2021-01-22).md', '体育法(2022-06-24).md'])
      copyFileSync(join(lawDataDir, '行政法', file), join(folder, '行政法', file));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('imports the folder into an empty library with a banner line, and does nothing on the next start', async () => {
    const platform = await buildTestPlatform({ env: { FAZHI_LAW_DIR: folder } });
    try {
      const [line, ...rest] = await ensureLawLibrary(platform.deps);
      expect(rest).toEqual([]);
      expect(line).toMatch(/^法规库：已导入 2 部法律法规（208 条，来自 2 个文件），用时 [\d.]+ 秒$/);
      expect(await ensureLawLibrary(platform.deps)).toEqual([]);
    } finally {
      await platform.close();
    }
  });

  it('tells how to import when the folder named is missing, and says nothing when disabled', async () => {
    const missing = await buildTestPlatform({ env: { FAZHI_LAW_DIR: join(folder, 'nowhere') } });
    try {
      expect(await ensureLawLibrary(missing.deps)).toEqual([
        '法规库：为空。导入法律法规请运行 npx fazhi law import <目录>（.md 或 .txt 文件），或在控制台上传',
      ]);
    } finally {
      await missing.close();
    }
    const disabled = await buildTestPlatform();
    try {
      expect(await ensureLawLibrary(disabled.deps)).toEqual([]);
    } finally {
      await disabled.close();
    }
  });
});
