import type { Deps } from '../../../core/context';
import { seedDemoPowerLists } from './seed-demo-powers';

/**
 * First-start step (after ensureDemoCity): when FAZHI_SEED_DEMO is `auto`, the demo city exists and
 * no list has been started, generates the demo city's power lists and reports them on the banner.
 */
export async function ensureDemoPowerLists(deps: Deps): Promise<string[]> {
  if (deps.config.seedDemo !== 'auto') return [];
  const started = performance.now();
  const summary = await seedDemoPowerLists(deps, { onProgress: (message) => deps.logger.info(message) });
  if (!summary) return [];
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  deps.logger.info({ seconds, ...summary }, 'demo power lists seeded');
  return [
    `已生成演示权责清单：${summary.items} 个事项、${summary.changeSets} 个调整方案（依据${summary.source === 'library' ? '法规库条文' : '内置条文表'}，用时 ${seconds} 秒）。`,
  ];
}
