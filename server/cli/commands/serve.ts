import type { Command } from '../command';
import { installProcessHandlers, startWebServer } from '../../http/main';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve',
  summary: '启动平台（迁移数据库，首次启动时载入示范市数据）',
  async run() {
    const stop = await startWebServer();
    installProcessHandlers(stop);
    return -1;
  },
};
