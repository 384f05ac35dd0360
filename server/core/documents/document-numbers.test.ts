import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../context';
import { newId } from '../db/ids';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { testDatabaseKinds } from '../../test/test-databases';
import { formatDocumentNumber, takeDocumentNumber } from './document-numbers';

describe.each(testDatabaseKinds())('document numbers on %s', (database) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
  });
  afterAll(() => platform.close());

  it('runs per body, series and year without gaps, and a rolled-back number is given back', async () => {
    const body = newId();
    const other = newId();
    const take = (organizationId: string, series: string, year = 2026) =>
      inTransaction(platform.deps, null, (ctx) => takeDocumentNumber(ctx, { organizationId, year, series }));
    expect((await take(body, '罚决')).suffix).toBe('〔2026〕1号');
    expect((await take(body, '罚决')).suffix).toBe('〔2026〕2号');
    expect((await take(body, '立')).sequence).toBe(1);
    expect((await take(other, '罚决')).sequence).toBe(1);
    expect((await take(body, '罚决', 2027)).sequence).toBe(1);
    await expect(
      inTransaction(platform.deps, null, async (ctx) => {
        await takeDocumentNumber(ctx, { organizationId: body, year: 2026, series: '罚决' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await take(body, '罚决')).suffix).toBe('〔2026〕3号');
  });

  it('formats the year in 六角括号 without leading zeros', () => {
    expect(formatDocumentNumber(2026, 12)).toBe('〔2026〕12号');
  });
});
