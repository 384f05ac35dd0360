import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CertificateCheck,
  PublicEnforcementBody,
  PublicEnforcementBodyDetail,
} from '../../../../contracts/publicity';
import { idNumberCheckCharacter } from '../../../core/identity/national-codes';
import { buildTestPlatform, type TestPlatform } from '../../../test/build-test-app';
import { createTestOrganization, signedInAs } from '../../../test/factories';
import { testDatabaseKinds } from '../../../test/test-databases';
import { organizations } from '../../org/org-tables';
import { httpCaller } from '../../../test/http-call';

/**
 * 行政执法公示 before and during enforcement, through the public API on PGlite and PostgreSQL: the
 * bodies, one body's officers (valid certificates only, no ID or phone numbers), duties and basis
 * from its power list, the case procedures from the registry, remedies, spot-check items, and the
 * certificate check for valid, expired, suspended, revoked certificates and a holder who left.
 */

const idNumberOf = (first17: string) => `${first17}${idNumberCheckCharacter(first17) ?? '0'}`;
const officerPhone = '13912345678';

describe.each(testDatabaseKinds())('enforcement publicity on %s', (database) => {
  let platform: TestPlatform;
  let city: { id: string };
  let market: { id: string };
  let transport: { id: string };
  let office: { id: string };
  let justice: { cookie: string };
  let liaison: { cookie: string };

  const call = httpCaller(() => platform);
  const ok = async <T>(promise: Promise<{ status: number; body: T; text: string }>) => {
    const result = await promise;
    expect(result.status, result.text).toBe(200);
    return result.body;
  };

  const officer = async (name: string, serial: string, certificate: Record<string, unknown>) => {
    const person = await ok(
      call<{ id: string }>(justice, 'POST', '/api/people', {
        organizationId: market.id,
        name,
        idNumber: idNumberOf(`41030219800101${serial}`),
        phone: officerPhone,
        duties: ['officer'],
      }),
    );
    await ok(
      call(justice, 'POST', '/api/certificates', {
        personId: person.id,
        field: '市场监管',
        issuedBy: '河南省人民政府',
        issuedOn: '2024-01-01',
        expiresOn: '2029-12-31',
        ...certificate,
      }),
    );
    return person;
  };

  const addItems = async (listKind: 'power' | 'spotCheck', items: Record<string, unknown>[]) => {
    const set = await ok(
      call<{ id: string }>(liaison, 'POST', '/api/powers/change-sets', {
        organizationId: market.id,
        listKind,
        title: '公布执法事项',
        reason: '依据法律法规梳理执法职责',
        effectiveOn: '2026-09-28',
      }),
    );
    for (const content of items) {
      await ok(
        call(liaison, 'POST', `/api/powers/change-sets/${set.id}/changes`, { changeType: 'add', content }),
      );
    }
    await ok(call(liaison, 'POST', `/api/powers/change-sets/${set.id}/actions`, { action: 'submit' }));
    await ok(call(justice, 'POST', `/api/powers/change-sets/${set.id}/actions`, { action: 'approve' }));
  };
  const powerItem = (code: string, name: string, kind: string) => ({
    code,
    name,
    kind,
    legalBasisText: '《中华人民共和国食品安全法》第一百二十二条',
    details: {
      implementingBody: '示范市市场监督管理局',
      duties: '立案、调查、审查、告知、决定、送达、执行',
      accountability: '没有法律依据实施处罚的',
    },
  });

  beforeAll(async () => {
    platform = await buildTestPlatform({ database, now: '2026-09-28T09:00:00+08:00' });
    city = await createTestOrganization(platform, { name: '示范市人民政府', jurisdictionCode: '410300' });
    market = await createTestOrganization(platform, {
      name: '示范市市场监督管理局',
      parentId: city.id,
      kind: 'enforcementBody',
    });
    await platform.deps.db
      .update(organizations)
      .set({
        enforcementField: '市场监管',
        authorityType: 'statutory',
        address: '示范市洛龙区开元大道 8 号',
        phone: '0379-12345678',
      })
      .where(eq(organizations.id, market.id));
    transport = await createTestOrganization(platform, { name: '示范市交通运输局', parentId: city.id });
    await platform.deps.db
      .update(organizations)
      .set({ enforcementField: '交通运输' })
      .where(eq(organizations.id, transport.id));
    office = await createTestOrganization(platform, { name: '示范市人民政府办公室', parentId: city.id });
    justice = await signedInAs(platform, 'justiceBureau', city.id);
    liaison = await signedInAs(platform, 'liaison', market.id);

    await officer('王建国', '011', { number: 'ZF-0001' });
    await officer('李卫东', '021', { number: 'ZF-0002', expiresOn: '2026-09-01' });
    await officer('赵红梅', '032', { number: 'ZF-0003', status: 'suspended' });
    await officer('孙志强', '041', { number: 'ZF-0004', status: 'revoked' });
    const leaving = await officer('周明', '051', { number: 'ZF-0005' });
    await ok(call(justice, 'POST', `/api/people/${leaving.id}/deactivate`));

    await addItems('power', [
      powerItem('CF-001', '对未取得食品经营许可从事食品经营活动的行政处罚', 'penalty'),
      powerItem('JC-001', '对食品经营者的监督检查', 'inspection'),
      powerItem('XK-001', '食品经营许可', 'licensing'),
    ]);
    await addItems('spotCheck', [
      {
        code: 'CC-001',
        name: '食品经营者监督检查',
        legalBasisText: '《中华人民共和国食品安全法》第一百一十条',
        details: {
          subjectType: '食品经营者',
          content: '经营条件、进货查验记录、食品贮存',
          method: '现场检查',
          ratioPercent: 5,
          frequency: '每年一次',
        },
      },
    ]);
  }, 180_000);
  afterAll(async () => platform.close());

  it('lists the enforcement bodies with their counts, without signing in', async () => {
    const bodies = await ok(call<PublicEnforcementBody[]>(null, 'GET', '/api/public/enforcement/bodies'));
    expect(bodies.map((body) => body.name).sort()).toEqual(['示范市交通运输局', '示范市市场监督管理局']);
    expect(bodies.some((body) => body.id === office.id || body.id === city.id)).toBe(false);
    expect(bodies.find((body) => body.id === market.id)).toMatchObject({
      enforcementField: '市场监管',
      authorityTypeLabel: '法定行政机关',
      parentName: '示范市人民政府',
      officerCount: 1,
      powerItemCount: 3,
      spotCheckItemCount: 1,
      publishedDecisionCount: 0,
    });
  });

  it('shows a body’s officers with valid certificates only, its duties and basis, procedures, remedies and spot-check items', async () => {
    const detail = await ok(
      call<PublicEnforcementBodyDetail>(null, 'GET', `/api/public/enforcement/bodies/${market.id}`),
    );
    expect(detail.body).toMatchObject({ name: '示范市市场监督管理局', address: '示范市洛龙区开元大道 8 号' });
    expect(detail.officers).toEqual([
      { name: '王建国', certificateNumber: 'ZF-0001', field: '市场监管', validUntil: '2029-12-31' },
    ]);
    const text = JSON.stringify(detail);
    expect(text).not.toContain(officerPhone);
    expect(text).not.toMatch(/41030219800101\d{3}[\dX]/);
    expect(text).not.toContain('赵红梅');

    expect(detail.duties.map((duty) => [duty.code, duty.kindLabel])).toEqual([
      ['CF-001', '行政处罚'],
      ['JC-001', '行政检查'],
    ]);
    expect(detail.duties[0]).toMatchObject({
      legalBasisText: '《中华人民共和国食品安全法》第一百二十二条',
      duties: '立案、调查、审查、告知、决定、送达、执行',
    });

    // Read from the procedure registry: the ordinary procedure's decide step with its articles and its service limit.
    expect(detail.procedures.map((procedure) => procedure.title)).toEqual([
      '行政处罚普通程序',
      '行政处罚简易程序',
    ]);
    const decide = detail.procedures[0]!.steps.find((step) => step.name === 'decide');
    expect(decide).toMatchObject({
      label: '作出决定',
      toLabel: '已决定（待送达）',
      roleLabels: ['执法机关负责人'],
    });
    expect(decide?.citation).toContain('第五十八条');
    expect(decide?.timeLimits.join()).toContain('7个工作日');
    expect(detail.procedures[1]!.states.map((state) => state.label)).toContain('当场决定（待交付）');

    expect(detail.remedies).toEqual([
      expect.objectContaining({
        label: '行政复议',
        organ: '示范市人民政府',
        citation: expect.stringContaining('第二十条'),
      }),
      expect.objectContaining({ label: '行政诉讼', citation: expect.stringContaining('第四十六条') }),
    ]);
    expect(detail.spotCheckItems).toEqual([
      expect.objectContaining({
        code: 'CC-001',
        subjectType: '食品经营者',
        method: '现场检查',
        ratioPercent: 5,
      }),
    ]);

    // A department with an enforcement field is a body too (no officers yet); a plain office is not.
    const transportDetail = await ok(
      call<PublicEnforcementBodyDetail>(null, 'GET', `/api/public/enforcement/bodies/${transport.id}`),
    );
    expect(transportDetail.officers).toEqual([]);
    expect((await call(null, 'GET', `/api/public/enforcement/bodies/${office.id}`)).status).toBe(404);
    expect((await call(null, 'GET', '/api/public/enforcement/bodies/not-a-uuid')).status).toBe(400);
  });

  it('checks a certificate by its number: valid, expired, suspended, revoked, or its holder gone', async () => {
    const check = (number: string) =>
      call<CertificateCheck>(null, 'GET', `/api/public/enforcement/officers/${number}`);
    const valid = await ok(check('ZF-0001'));
    expect(valid).toEqual({
      certificateNumber: 'ZF-0001',
      name: '王建国',
      organizationId: market.id,
      organizationName: '示范市市场监督管理局',
      field: '市场监管',
      issuedBy: '河南省人民政府',
      validFrom: '2024-01-01',
      validUntil: '2029-12-31',
      status: 'valid',
      statusLabel: '有效',
      isValid: true,
      checkedOn: '2026-09-28',
    });
    const statuses = [];
    for (const number of ['ZF-0002', 'ZF-0003', 'ZF-0004', 'ZF-0005']) {
      const answer = await ok(check(number));
      expect(answer.isValid).toBe(false);
      expect(JSON.stringify(answer)).not.toContain(officerPhone);
      statuses.push([answer.status, answer.statusLabel]);
    }
    expect(statuses).toEqual([
      ['expired', '已过期'],
      ['suspended', '暂扣'],
      ['revoked', '已注销'],
      ['holderLeft', '已失效（持证人不在执法岗位）'],
    ]);
    expect((await check('ZF-9999')).status).toBe(404);
    const malformed = await call<{ code: string }>(null, 'GET', '/api/public/enforcement/officers/ZF%200001');
    expect(malformed.status).toBe(400);
  });
});
