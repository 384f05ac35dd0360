// `npm test`: type-check, lint, format check, unit + integration tests (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), then browser tests. Ends with one line: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const isCi = process.env.CI === 'true' || process.env.CI === '1';
const bin = (name) => join(root, 'node_modules', '.bin', name);
const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function step(label, command, args, env = {}) {
  process.stdout.write(`\n▶ ${label}\n`);
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TZ: 'Asia/Shanghai', ...env },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  process.stdout.write(`${ok ? '✔' : '✘'} ${label}（${seconds} 秒）\n`);
  if (!ok) failures.push(label);
  return ok;
}

function countTests(file, kind) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (kind === 'vitest') {
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numTotalTestSuites > 0 ? 0 : 1);
  } else {
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    if (isCi) failed += report.stats.skipped;
  }
  return true;
}

for (const [label, args] of [
  ['类型检查 typecheck', [bin('tsc'), '-p', 'tsconfig.json']],
  ['代码检查 lint', [bin('eslint'), '.', '--max-warnings', '0']],
  ['格式检查 format', [bin('prettier'), '--check', '.', '--log-level', 'warn']],
]) {
  if (step(label, args[0], args.slice(1))) passed += 1;
  else failed += 1;
}

const vitestOk = step('单元与集成测试 vitest', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(results, 'unit.json')}`,
]);
if (!countTests(join(results, 'unit.json'), 'vitest') || (!vitestOk && failures.length === 0)) failed += 1;

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (isCi) {
    process.stdout.write(`\n✘ 浏览器测试：找不到 Chromium（${chromium}），CI 下这是失败\n`);
    failures.push('browser tests: no Chromium');
    failed += 1;
  } else {
    process.stdout.write(
      `\n⚠ 浏览器测试已跳过：找不到 Chromium（${chromium}）。安装：apt-get install -y chromium\n`,
    );
  }
} else {
  step('构建 build', process.execPath, [join(root, 'scripts/build.mjs')]);
  const e2eOk = step('浏览器测试 playwright', bin('playwright'), ['test']);
  if (
    !countTests(join(results, 'e2e.json'), 'playwright') ||
    (!e2eOk && !failures.includes('浏览器测试 playwright'))
  )
    failed += 1;
}

if (failures.length > 0) process.stdout.write(`\n未通过：${failures.join('，')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || failures.length > 0 ? 1 : 0);
