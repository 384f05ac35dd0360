import type { Command } from '../command';
import { loadConfig } from '../../core/config';
import { openPlatform } from '../../core/startup';
import { createLogger } from '../../core/logger';

export const migrateCommand: Command = {
  name: 'migrate',
  usage: 'migrate',
  summary: '执行数据库迁移',
  async run() {
    const config = loadConfig();
    const platform = await openPlatform(config, { logger: createLogger('warn') });
    await platform.close();
    process.stdout.write(`数据库已迁移到最新版本（${platform.handle.driver} ${platform.handle.location}）\n`);
    return 0;
  },
};
