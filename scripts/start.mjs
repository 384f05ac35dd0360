// `npm start`: builds when the sources are newer than the build, then serves.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const builtServer = join(root, 'dist/server/cli.mjs');
const builtWeb = join(root, 'dist/web/index.html');
const sources = Math.max(
  newest(join(root, 'server')),
  newest(join(root, 'web')),
  newest(join(root, 'contracts')),
);
const isStale =
  !existsSync(builtServer) ||
  !existsSync(builtWeb) ||
  statSync(builtWeb).mtimeMs < sources ||
  statSync(builtServer).mtimeMs < sources;
if (isStale) {
  process.stdout.write('首次启动或代码已更新，正在构建…\n');
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
}
const child = spawn(
  process.execPath,
  ['--enable-source-maps', builtServer, 'serve', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
