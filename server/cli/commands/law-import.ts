import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../command';
import { loadConfig } from '../../core/config';
import { AppError } from '../../core/errors';
import { createLogger } from '../../core/logger';
import { openPlatform } from '../../core/startup';
import { importLawFiles, readLawFolder } from '../../modules/law/import-laws';

const usage = 'law import DIR';

export const lawImportCommand: Command = {
  name: 'law import',
  usage,
  summary: '导入目录（含子目录）中的法律法规文件（.md、.txt）；相同内容不重复导入，新版本取代旧版本',
  async run(args) {
    const [dir] = args;
    if (!dir) throw new AppError('VALIDATION_FAILED', `缺少目录参数\n用法：fazhi ${usage}`, 'dir');
    const folder = resolve(dir);
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new AppError('VALIDATION_FAILED', `目录不存在：${folder}`, 'dir');
    const files = readLawFolder(folder);
    if (files.length === 0)
      throw new AppError('VALIDATION_FAILED', `目录中没有 .md 或 .txt 文件：${folder}`, 'dir');
    const config = loadConfig();
    const platform = await openPlatform(config, { logger: createLogger('warn') });
    try {
      const started = performance.now();
      let reported = 0;
      const run = await importLawFiles(platform.deps, null, folder, files, (progress) => {
        if (progress.processedFiles - reported < 100 && progress.processedFiles < progress.totalFiles) return;
        reported = progress.processedFiles;
        process.stdout.write(
          `已处理 ${progress.processedFiles}/${progress.totalFiles} 个文件（新导入 ${progress.importedVersions} 个版本、${progress.importedArticles} 条，未变 ${progress.unchangedVersions} 个版本）\n`,
        );
      });
      for (const problem of run.problems)
        process.stderr.write(`无法读取 ${problem.file}：${problem.message}\n`);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `导入完成：${run.totalFiles} 个文件，新导入 ${run.importedVersions} 个版本（${run.importedArticles} 条），未变 ${run.unchangedVersions} 个版本，${run.problems.length} 个文件无法读取，用时 ${seconds} 秒\n`,
      );
      return run.problems.length > 0 ? 1 : 0;
    } finally {
      await platform.close();
    }
  },
};
