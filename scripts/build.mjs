// Builds what `npm start` runs: the server and CLI bundled by esbuild, the web app by Vite.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
await build({
  entryPoints: [join(root, 'server/cli/main.ts')],
  outfile: join(root, 'dist/server/cli.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
process.stdout.write(`服务端已构建（${((performance.now() - started) / 1000).toFixed(1)} 秒）\n`);
if (!process.argv.includes('--server-only')) {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  process.stdout.write(`网页端已构建（共 ${((performance.now() - started) / 1000).toFixed(1)} 秒）\n`);
}
