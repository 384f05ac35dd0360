import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MajorRuleView } from '../../../../contracts/enforcement-oversight';
import { queryRows } from '../../../core/db/query-rows';
import { buildTestPlatform, type TestPlatform } from '../../../test/build-test-app';
import { signedInAs } from '../../../test/factories';
import { testDatabaseKinds } from '../../../test/test-databases';
import { buildEnforcementFixture, type EnforcementFixture } from '../enforcement-test-fixture';
import { httpCaller } from '../../../test/http-call';

/** 重大执法决定法制审核目录 through the HTTP API, on PGlite and PostgreSQL. */

type Headers = { cookie: string };

describe.each(testDatabaseKinds())('the major-decision catalogue on %s', (database) => {
  let platform: TestPlatform;
  let fixture: EnforcementFixture;
  const who = {} as Record<'head' | 'reviewer' | 'justice' | 'officer' | 'liaison' | 'otherOfficer', Headers>;

  const call = httpCaller(() => platform);
  const counts = async () => {
    const [row] = await queryRows<{ rules: number; events: number }>(
      platform.deps.db,
      sql`SELECT (SELECT count(*)::int FROM major_decision_rules) AS rules,
        (SELECT count(*)::int FROM audit_events WHERE entity_type = 'majorDecisionRule') AS events`,
    );
    return row;
  };

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    fixture = await buildEnforcementFixture(platform);
    who.head = await fixture.headers(fixture.users.head);
    who.reviewer = await fixture.headers(fixture.users.reviewer);
    who.justice = await fixture.headers(fixture.users.justice);
    who.officer = await fixture.headers(fixture.users.officerA);
    who.otherOfficer = await fixture.headers(fixture.users.otherOfficer);
    who.liaison = await signedInAs(platform, 'liaison', fixture.marketId);
  }, 120_000);
  afterAll(async () => platform.close());

  it('keeps a body’s catalogue: added by the head, reviewer or justice bureau, changed, deactivated not deleted', async () => {
    const fine = await call<MajorRuleView>(who.head, 'POST', '/api/enforcement/major-rules', {
      organizationId: fixture.marketId,
      title: '对法人或者其他组织处以十万元以上罚款',
      fineAtLeastYuan: 100000,
    });
    expect(fine.status, JSON.stringify(fine.body)).toBe(200);
    expect(fine.body).toMatchObject({ fineAtLeastYuan: 100000, penaltyKinds: [], isActive: true });
    const revoke = await call<MajorRuleView>(who.reviewer, 'POST', '/api/enforcement/major-rules', {
      organizationId: fixture.marketId,
      title: '吊销许可证件、责令停产停业、责令关闭',
      penaltyKinds: ['revokeLicence', 'suspendBusiness', 'closeDown'],
      requiresDeliberation: true,
    });
    expect(revoke.status).toBe(200);
    const byJustice = await call<MajorRuleView>(who.justice, 'POST', '/api/enforcement/major-rules', {
      organizationId: fixture.marketId,
      title: '没收较大数额违法所得',
      penaltyKinds: ['confiscateGains'],
    });
    expect(byJustice.status).toBe(200);

    const changed = await call<MajorRuleView>(
      who.head,
      'PATCH',
      `/api/enforcement/major-rules/${fine.body.id}`,
      {
        fineAtLeastYuan: 50000,
      },
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    // only the field sent changes
    expect(changed.body).toMatchObject({
      fineAtLeastYuan: 50000,
      title: '对法人或者其他组织处以十万元以上罚款',
    });

    const deactivated = await call<MajorRuleView>(
      who.head,
      'PATCH',
      `/api/enforcement/major-rules/${byJustice.body.id}`,
      { isActive: false },
    );
    expect(deactivated.body).toMatchObject({ isActive: false, penaltyKinds: ['confiscateGains'] });

    const active = await call<MajorRuleView[]>(
      who.officer,
      'GET',
      `/api/enforcement/major-rules?organizationId=${fixture.marketId}`,
    );
    expect(active.body.map((rule) => rule.title).sort()).toEqual([
      '吊销许可证件、责令停产停业、责令关闭',
      '对法人或者其他组织处以十万元以上罚款',
    ]);
    const all = await call<MajorRuleView[]>(
      who.officer,
      'GET',
      '/api/enforcement/major-rules?includeInactive=true',
    );
    expect(all.body).toHaveLength(3);
    expect(
      (await call<MajorRuleView[]>(who.otherOfficer, 'GET', '/api/enforcement/major-rules')).body,
    ).toEqual([]);
    expect(await counts()).toEqual({ rules: 3, events: 5 });
    const [event] = await queryRows<{ action: string }>(
      platform.deps.db,
      sql`SELECT action FROM audit_events WHERE entity_id = ${byJustice.body.id} ORDER BY seq DESC LIMIT 1`,
    );
    expect(event?.action).toBe('majorDecisionRule.deactivate');
  });

  it('refuses an entry that would match no case, and writes nothing', async () => {
    const before = await counts();
    const refused = await call(who.head, 'POST', '/api/enforcement/major-rules', {
      organizationId: fixture.marketId,
      title: '涉及重大公共利益的案件',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'fineAtLeastYuan' });
    expect(await counts()).toEqual(before);
  });

  it('refuses officers and liaisons (403), and a body outside the writer’s scope (404)', async () => {
    const entry = { organizationId: fixture.marketId, title: '责令关闭的案件', penaltyKinds: ['closeDown'] };
    expect((await call(who.officer, 'POST', '/api/enforcement/major-rules', entry)).status).toBe(403);
    expect((await call(who.liaison, 'POST', '/api/enforcement/major-rules', entry)).status).toBe(403);
    const outside = await call(who.head, 'POST', '/api/enforcement/major-rules', {
      ...entry,
      organizationId: fixture.otherBodyId,
    });
    expect(outside.status).toBe(404);
  });
});
