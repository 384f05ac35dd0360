import { roleLabels } from '../../../contracts/roles';
import type { Command } from '../command';
import { loadConfig } from '../../core/config';
import { readContext } from '../../core/context';
import { createLogger } from '../../core/logger';
import { openPlatform } from '../../core/startup';
import { demoBannerLines, isTenantEmpty, seedDemoCity } from '../../modules/org/demo/seed-demo-city';
import { seedDemoPowerLists } from '../../modules/powers/demo/seed-demo-powers';
import { demoCasesBannerLine, demoListDeps } from '../../modules/enforcement/demo/ensure-demo-cases';
import { seedDemoCases } from '../../modules/enforcement/demo/seed-demo-cases';

export const seedCommand: Command = {
  name: 'seed',
  usage: 'seed',
  summary:
    '生成演示城市（示范市）的组织、人员、执法证、演示账号、各部门清单和一年的执法案件；已有数据时不重复生成',
  async run() {
    const config = loadConfig();
    const platform = await openPlatform(config, { logger: createLogger('warn') });
    try {
      if (!(await isTenantEmpty(readContext(platform.deps, null)))) {
        process.stdout.write('已有组织数据，演示城市已生成过（或已在使用），未做任何改动\n');
        return 0;
      }
      const started = performance.now();
      const summary = await seedDemoCity(platform.deps, {
        onProgress: (message) => process.stderr.write(`… ${message}\n`),
      });
      const lists = await seedDemoPowerLists(demoListDeps(platform.deps), {
        onProgress: (message) => process.stderr.write(`… ${message}\n`),
      });
      const casesStarted = performance.now();
      const cases = await seedDemoCases(platform.deps, {
        onProgress: (message) => process.stderr.write(`… ${message}\n`),
      });
      process.stdout.write(`演示城市已生成（${((performance.now() - started) / 1000).toFixed(1)} 秒）\n`);
      if (lists) {
        process.stdout.write(
          `演示清单：${lists.items} 个事项、${lists.changeSets} 个调整方案（依据${lists.source === 'library' ? '法规库条文' : '内置条文表'}）\n`,
        );
      }
      if (cases) {
        process.stdout.write(
          `${demoCasesBannerLine(cases, Math.round((performance.now() - casesStarted) / 100) / 10)}\n`,
        );
      }
      for (const line of demoBannerLines(summary, (role) => roleLabels[role]))
        process.stdout.write(`${line}\n`);
      return 0;
    } finally {
      await platform.close();
    }
  },
};
