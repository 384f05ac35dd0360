import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readContext, type Deps } from '../../core/context';
import { importLawFiles, readLawFolder } from './import-laws';
import { countLibrary } from './law-service';

/** Where the development layout keeps the law collection: the shared folder beside the repository. */
export const developmentLawDir = '../shared/data/laws';

/**
 * The folder to load on first start: FAZHI_LAW_DIR when set (`none`: no folder), else
 * ../shared/data/laws relative to the working directory when it exists (the development layout).
 */
export function lawFolderToLoad(lawDir: string | undefined, cwd = process.cwd()): string | null {
  if (lawDir === 'none') return null;
  const folder = resolve(cwd, lawDir ?? developmentLawDir);
  if (existsSync(folder) && statSync(folder).isDirectory()) return folder;
  return null;
}

const howToImport =
  '法规库：为空。导入法律法规请运行 npx fazhi law import <目录>（.md 或 .txt 文件），或在控制台上传';

/**
 * First-start step: when the library is empty and a law folder is there, imports it (progress in
 * the log) and returns a banner line with the counts; otherwise a line telling how to import.
 */
export async function ensureLawLibrary(deps: Deps): Promise<string[]> {
  const before = await countLibrary(readContext(deps, null));
  if (before.versions > 0) return [];
  const folder = lawFolderToLoad(deps.config.lawDir);
  if (!folder) return deps.config.lawDir === 'none' ? [] : [howToImport];
  const started = performance.now();
  const files = readLawFolder(folder);
  deps.logger.info({ folder, files: files.length }, '法规库为空，正在导入法律法规');
  let reported = 0;
  const run = await importLawFiles(deps, null, folder, files, (progress) => {
    if (progress.processedFiles - reported < 100 && progress.processedFiles < progress.totalFiles) return;
    reported = progress.processedFiles;
    deps.logger.info(`法规库导入：已处理 ${progress.processedFiles}/${progress.totalFiles} 个文件`);
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const after = await countLibrary(readContext(deps, null));
  const problems = run.problems.length > 0 ? `，${run.problems.length} 个文件无法读取` : '';
  const count = (value: number) => value.toLocaleString('en-US');
  return [
    `法规库：已导入 ${count(after.versions)} 部法律法规（${count(after.articles)} 条，来自 ${count(files.length)} 个文件${problems}），用时 ${seconds} 秒`,
  ];
}
