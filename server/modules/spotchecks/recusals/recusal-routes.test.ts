import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecusalView } from '../../../../contracts/spotchecks';
import { composeCreditCode } from '../../../core/identity/national-codes';
import { buildTestPlatform, type TestPlatform } from '../../../test/build-test-app';
import { testDatabaseKinds } from '../../../test/test-databases';
import { httpCaller, type SessionHeaders } from '../../../test/http-call';
import { buildEnforcementFixture, type EnforcementFixture } from '../../enforcement/enforcement-test-fixture';

/** 回避: recorded by the inspector's head or declared by himself, ended with a reason, never deleted. */

describe.each(testDatabaseKinds())('inspector recusals on %s', (database) => {
  let platform: TestPlatform;
  let fixture: EnforcementFixture;
  const who = {} as Record<'head' | 'officerA' | 'officerB' | 'other', SessionHeaders>;
  const call = httpCaller(() => platform);
  const entity = composeCreditCode('91', '410300', 'MA4RC001');

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    fixture = await buildEnforcementFixture(platform);
    who.head = await fixture.headers(fixture.users.head);
    who.officerA = await fixture.headers(fixture.users.officerA);
    who.officerB = await fixture.headers(fixture.users.officerB);
    who.other = await fixture.headers(fixture.users.otherOfficer);
  }, 180_000);
  afterAll(async () => platform.close());

  it('lets the agency head record a recusal and the inspector declare his own, and lists them by person and entity', async () => {
    const recorded = await call<RecusalView>(who.head, 'POST', '/api/spotchecks/recusals', {
      personId: fixture.people.officerA,
      creditCode: entity,
      kind: 'formerEmployer',
      note: '2019—2022 年在该公司任质量主管',
    });
    expect(recorded.status, recorded.text).toBe(201);
    expect(recorded.body).toMatchObject({
      kind: 'formerEmployer',
      kindLabel: '曾在该单位任职',
      endedAt: null,
    });

    const declared = await call<RecusalView>(who.officerB, 'POST', '/api/spotchecks/recusals', {
      personId: fixture.people.officerB,
      creditCode: entity.toLowerCase(),
      kind: 'declared',
      note: '配偶在该公司任财务',
    });
    expect(declared.status, declared.text).toBe(201);
    expect(declared.body.creditCode).toBe(entity);

    const ofEntity = await call<RecusalView[]>(
      who.head,
      'GET',
      `/api/spotchecks/recusals?creditCode=${entity}`,
    );
    expect(ofEntity.body.map((row) => row.personId).sort()).toEqual(
      [fixture.people.officerA, fixture.people.officerB].sort(),
    );
  });

  it('refuses a repeat, a bad code, someone else’s recusal recorded by an officer, and a person out of scope', async () => {
    const repeat = await call(who.head, 'POST', '/api/spotchecks/recusals', {
      personId: fixture.people.officerA,
      creditCode: entity,
      kind: 'relative',
    });
    expect(repeat.status).toBe(409);
    const badCode = await call(who.head, 'POST', '/api/spotchecks/recusals', {
      personId: fixture.people.officerA,
      creditCode: '91410300MA4RC0010X',
      kind: 'relative',
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.field).toBe('creditCode');
    const forOther = await call(who.officerA, 'POST', '/api/spotchecks/recusals', {
      personId: fixture.people.officerB,
      creditCode: composeCreditCode('91', '410300', 'MA4RC002'),
      kind: 'interest',
    });
    expect(forOther.status).toBe(403);
    const outOfScope = await call(who.other, 'POST', '/api/spotchecks/recusals', {
      personId: fixture.people.officerA,
      creditCode: composeCreditCode('91', '410300', 'MA4RC003'),
      kind: 'interest',
    });
    expect(outOfScope.status).toBe(400);
    expect(outOfScope.body.field).toBe('personId');
  });

  it('ends a recusal with a reason, keeps it on record, and refuses to end it twice', async () => {
    const [active] = (
      await call<RecusalView[]>(
        who.head,
        'GET',
        `/api/spotchecks/recusals?personId=${fixture.people.officerA}`,
      )
    ).body;
    if (!active) throw new Error('no recusal');
    const noReason = await call(who.head, 'POST', `/api/spotchecks/recusals/${active.id}/end`, {
      reason: '',
    });
    expect(noReason.status).toBe(400);
    const ended = await call<RecusalView>(who.head, 'POST', `/api/spotchecks/recusals/${active.id}/end`, {
      reason: '离开该公司已满五年',
    });
    expect(ended.status, ended.text).toBe(200);
    expect(ended.body.endReason).toBe('离开该公司已满五年');
    const again = await call(who.head, 'POST', `/api/spotchecks/recusals/${active.id}/end`, {
      reason: '重复解除',
    });
    expect(again.status).toBe(409);
    const activeNow = await call<RecusalView[]>(
      who.head,
      'GET',
      `/api/spotchecks/recusals?personId=${fixture.people.officerA}`,
    );
    expect(activeNow.body).toEqual([]);
    const all = await call<RecusalView[]>(
      who.head,
      'GET',
      `/api/spotchecks/recusals?personId=${fixture.people.officerA}&includeEnded=true`,
    );
    expect(all.body.map((row) => row.id)).toEqual([active.id]);
  });
});
