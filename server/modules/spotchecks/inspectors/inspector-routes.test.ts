import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectorPage, RecusalView } from '../../../../contracts/spotchecks';
import { composeCreditCode } from '../../../core/identity/national-codes';
import { buildTestPlatform, type TestPlatform } from '../../../test/build-test-app';
import { createTestUser } from '../../../test/factories';
import { httpCaller, type SessionHeaders } from '../../../test/http-call';
import { testDatabaseKinds } from '../../../test/test-databases';
import { buildEnforcementFixture, type EnforcementFixture } from '../../enforcement/enforcement-test-fixture';

/** 执法检查人员名录库: who holds a certificate valid today, in the reader's scope, with his load. */

describe.each(testDatabaseKinds())('inspector pool list on %s', (database) => {
  let platform: TestPlatform;
  let fixture: EnforcementFixture;
  const who = {} as Record<'justice' | 'head' | 'other' | 'admin', SessionHeaders>;
  const call = httpCaller(() => platform);
  const list = (headers: SessionHeaders, query = '') =>
    call<InspectorPage>(headers, 'GET', `/api/spotchecks/inspectors${query}`);

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    fixture = await buildEnforcementFixture(platform);
    who.justice = await fixture.headers(fixture.users.justice);
    who.head = await fixture.headers(fixture.users.head);
    who.other = await fixture.headers(fixture.users.otherOfficer);
    who.admin = await fixture.headers(
      await createTestUser(platform, { role: 'systemAdmin', organizationId: fixture.cityId }),
    );
  }, 180_000);
  afterAll(async () => platform.close());

  it('lists the officers holding a certificate valid today, with organization, field and counts; an expired one is not in the pool', async () => {
    const answer = await list(who.justice);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.total).toBe(2);
    expect(answer.body.items.map((row) => row.personId).sort()).toEqual(
      [fixture.people.officerA, fixture.people.officerB].sort(),
    );
    expect(answer.body.items.map((row) => row.personId)).not.toContain(fixture.people.expiredOfficer);
    expect(answer.body.items.find((row) => row.personId === fixture.people.officerA)).toEqual({
      personId: fixture.people.officerA,
      name: '王建国',
      organizationId: fixture.marketId,
      organizationName: '示范市市场监督管理局',
      certificateNumber: '41030000001',
      certificateExpiresOn: '2029-12-31',
      field: '市场监管',
      openTaskCount: 0,
      activeRecusalCount: 0,
    });
  });

  it('counts the recusals not yet ended', async () => {
    const recorded = await call<RecusalView>(who.head, 'POST', '/api/spotchecks/recusals', {
      personId: fixture.people.officerA,
      creditCode: composeCreditCode('91', '410300', 'MA4KC101'),
      kind: 'relative',
    });
    expect(recorded.status, recorded.text).toBe(201);
    await call(who.head, 'POST', '/api/spotchecks/recusals', {
      personId: fixture.people.officerA,
      creditCode: composeCreditCode('91', '410300', 'MA4KC102'),
      kind: 'interest',
    });
    const ended = await call(who.head, 'POST', `/api/spotchecks/recusals/${recorded.body.id}/end`, {
      reason: '亲属已离职',
    });
    expect(ended.status, ended.text).toBe(200);
    const answer = await list(who.head, `?q=王建国`);
    expect(answer.body.items.map((row) => [row.name, row.activeRecusalCount])).toEqual([['王建国', 1]]);
  });

  it('searches by certificate number, filters by organization and pages', async () => {
    const byNumber = await list(who.justice, '?q=41030000002');
    expect(byNumber.body.items.map((row) => row.name)).toEqual(['李秀兰']);
    const underMarket = await list(who.justice, `?organizationId=${fixture.marketId}`);
    expect(underMarket.body.total).toBe(2);
    const underOther = await list(who.justice, `?organizationId=${fixture.otherBodyId}`);
    expect(underOther.status, underOther.text).toBe(200);
    expect(underOther.body).toMatchObject({ items: [], total: 0 });
    const firstPage = await list(who.justice, '?pageSize=1');
    const secondPage = await list(who.justice, '?pageSize=1&page=2');
    expect(firstPage.body.total).toBe(2);
    expect([...firstPage.body.items, ...secondPage.body.items].map((row) => row.name).sort()).toEqual(
      ['李秀兰', '王建国'].sort(),
    );
  });

  it('shows an officer only his own scope, and an organization outside it is not found', async () => {
    const ownScope = await list(who.other);
    expect(ownScope.status, ownScope.text).toBe(200);
    expect(ownScope.body.total).toBe(0);
    const outside = await list(who.other, `?organizationId=${fixture.marketId}`);
    expect(outside.status).toBe(404);
  });

  it('refuses a role that does not read the directory, a bad organization id, and a visitor', async () => {
    const admin = await list(who.admin);
    expect(admin.status).toBe(403);
    expect(admin.body.code).toBe('FORBIDDEN');
    const badId = await list(who.justice, '?organizationId=abc');
    expect(badId.status).toBe(400);
    expect(badId.body.field).toBe('organizationId');
    const visitor = await call(null, 'GET', '/api/spotchecks/inspectors');
    expect(visitor.status).toBe(401);
  });
});
