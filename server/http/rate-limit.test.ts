import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { openPlatform, type Platform } from '../core/startup';
import { buildApp, type App } from './build-app';

describe('rate limiting', () => {
  let platform: Platform;
  let app: App;
  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', FAZHI_DATA_DIR: '/tmp/fazhi-test-data' });
    platform = await openPlatform(config, {
      clock: fixedClock('2026-09-28T09:00:00+08:00'),
      logger: createLogger('silent'),
      pgliteDir: 'memory',
    });
    app = await buildApp(platform.deps, { rateLimitPerMinute: 3 });
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('answers 429 with a Chinese message once an address exceeds its share', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await app.inject({ method: 'GET', url: '/api/health' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await app.inject({ method: 'GET', url: '/api/health' });
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.json().message).toMatch(/请求过于频繁/);
  });
});
