import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, type Actor } from '../../core/context';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { testDatabaseKinds } from '../../test/test-databases';
import { actOnCase, addCaseRecord, openCase } from './enforcement-service';
import { buildEnforcementFixture, testCreditCode, type EnforcementFixture } from './enforcement-test-fixture';

/**
 * 较大数额罚款 is the province's to set (行政处罚法 art. 63 (1)): a deployment whose province sets
 * 20,000 元 for organizations (FAZHI_HEARING_FINE_ORGANIZATION) gives the hearing right from there.
 */

describe.each(testDatabaseKinds())('hearing thresholds of the deployment on %s', (database) => {
  let platform: TestPlatform;
  let fixture: EnforcementFixture;
  let officer: Actor;
  let head: Actor;

  beforeAll(async () => {
    platform = await buildTestPlatform({ database, env: { FAZHI_HEARING_FINE_ORGANIZATION: '20000' } });
    fixture = await buildEnforcementFixture(platform);
    officer = await fixture.actor(fixture.users.officerA);
    head = await fixture.actor(fixture.users.head);
  }, 180_000);
  afterAll(async () => {
    await platform.close();
  });

  const proposeFine = async (creditBody: string, fineYuan: number) => {
    const run = <T>(actor: Actor, work: Parameters<typeof inTransaction<T>>[2]) =>
      inTransaction(platform.deps, actor, work);
    const opened = await run(officer, (ctx) =>
      openCase(ctx, {
        organizationId: fixture.marketId,
        procedure: 'ordinary',
        powerItemId: fixture.penaltyItemId,
        source: 'patrol',
        title: '涉嫌未取得食品经营许可从事食品经营案',
        party: {
          kind: 'enterprise',
          name: `示范市${creditBody}餐饮有限公司`,
          creditCode: testCreditCode(creditBody),
        },
        officerPersonIds: [fixture.people.officerA, fixture.people.officerB],
      }),
    );
    const caseId = opened.row.id;
    await run(head, (ctx) =>
      actOnCase(ctx, caseId, 'approveRegistration', { fields: { comment: '同意立案' } }),
    );
    await run(officer, (ctx) =>
      addCaseRecord(ctx, caseId, {
        kind: 'inspection',
        title: '现场检查笔录',
        content: '现场检查，当事人无证经营。',
      }),
    );
    const concluded = await run(officer, (ctx) =>
      actOnCase(ctx, caseId, 'concludeInvestigation', {
        fields: {
          facts: '当事人未取得食品经营许可从事熟食经营。',
          evidenceSummary: '现场检查笔录。',
          outcome: 'penalty',
          penalty: { kinds: ['fine'], fineYuan },
          lawApplied: '《中华人民共和国食品安全法》第一百二十二条第一款',
        },
      }),
    );
    return concluded.row;
  };

  it('gives an organization the hearing right from the configured 20,000 元, not from the default 100,000 元', async () => {
    expect(platform.config.hearingFineYuan).toEqual({ person: 10_000, organization: 20_000 });
    const above = await proposeFine('MA4H0001', 30_000);
    expect(above.hearingEligible).toBe(true);
    const below = await proposeFine('MA4H0002', 15_000);
    expect(below.hearingEligible).toBe(false);
  });
});
