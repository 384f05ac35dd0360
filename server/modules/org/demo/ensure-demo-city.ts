import { roleLabels } from '../../../../contracts/roles';
import { readContext, type Deps } from '../../../core/context';
import { demoBannerLines, isTenantEmpty, seedDemoCity } from './seed-demo-city';

/**
 * First-start step: when FAZHI_SEED_DEMO is `auto` and the tenant has no organizations, generates
 * the demo city and returns the banner lines listing each demo account.
 */
export async function ensureDemoCity(deps: Deps): Promise<string[]> {
  if (deps.config.seedDemo !== 'auto') return [];
  if (!(await isTenantEmpty(readContext(deps, null)))) return [];
  const started = performance.now();
  const summary = await seedDemoCity(deps, { onProgress: (message) => deps.logger.info(message) });
  deps.logger.info({ seconds: Math.round((performance.now() - started) / 100) / 10 }, 'demo city seeded');
  return demoBannerLines(summary, (role) => roleLabels[role]);
}
