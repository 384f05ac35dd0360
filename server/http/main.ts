import { join } from 'node:path';
import { loadConfig } from '../core/config';
import { projectRoot } from '../core/db/open-database';
import { openPlatform } from '../core/startup';
import { prepareOnStart } from '../core/prepare-on-start';
import { buildApp } from './build-app';

/** Starts the web server: config → database → migrations → first-start preparation → listen. */
export async function startWebServer(): Promise<() => Promise<void>> {
  const startedAt = performance.now();
  const config = loadConfig();
  const platform = await openPlatform(config);
  const { deps } = platform;
  const report = await prepareOnStart(deps);
  const app = await buildApp(deps, { webDir: join(projectRoot(), 'dist', 'web') });
  await app.listen({ port: config.port, host: config.host });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `法治政府建设平台已启动：${url}   （用时 ${seconds} 秒，数据库：${platform.handle.driver} ${platform.handle.location}）`,
    `  管理端：${url}/admin    门户：${url}/    接口文档：${url}/api/docs`,
    ...report,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  deps.logger.info({ url, seconds: Number(seconds) }, 'ready');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await platform.close();
  };
  return stop;
}

/** Process-level handlers: finish in-flight requests on SIGTERM/SIGINT; log and exit on a crash. */
export function installProcessHandlers(stop: () => Promise<void>): void {
  const shutdown = (signal: string) => {
    process.stdout.write(`收到 ${signal}，正在停止…\n`);
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`未处理的异常：${String(reason)}\n`);
    process.exit(1);
  });
}
