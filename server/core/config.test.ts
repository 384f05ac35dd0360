import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/data$/);
  });

  it('lists every bad variable at once, in Chinese', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', FAZHI_AUDIT_HASH: 'md5' });
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/FAZHI_AUDIT_HASH/);
    }
  });

  it("takes the province's hearing thresholds in 元 and refuses a bad one by name", () => {
    expect(loadConfig({}).hearingFineYuan).toEqual({ person: 10_000, organization: 100_000 });
    expect(
      loadConfig({ FAZHI_HEARING_FINE_PERSON: '5000', FAZHI_HEARING_FINE_ORGANIZATION: '50000' })
        .hearingFineYuan,
    ).toEqual({ person: 5_000, organization: 50_000 });
    expect(() => loadConfig({ FAZHI_HEARING_FINE_PERSON: '一万' })).toThrow(
      /FAZHI_HEARING_FINE_PERSON 必须是数字/,
    );
    expect(() => loadConfig({ FAZHI_HEARING_FINE_ORGANIZATION: '0' })).toThrow(
      /FAZHI_HEARING_FINE_ORGANIZATION 至少为 1 元/,
    );
  });
});
