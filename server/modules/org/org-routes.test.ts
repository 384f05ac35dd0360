import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../core/db/query-rows';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { createTestOrganization, signedInAs } from '../../test/factories';
import { readSheetRows, xlsxUpload } from '../../test/multipart';
import { testDatabaseKinds } from '../../test/test-databases';
import { ensureJurisdictionsLoaded } from './ensure-jurisdictions-loaded';

async function counts(platform: TestPlatform) {
  const [row] = await queryRows<{ o: number; p: number; c: number }>(
    platform.deps.db,
    sql`SELECT (SELECT count(*)::int FROM organizations) AS o, (SELECT count(*)::int FROM people) AS p, (SELECT count(*)::int FROM enforcement_certificates) AS c`,
  );
  return row;
}

async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('人员');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(testDatabaseKinds())('org routes on %s', (database) => {
  let platform: TestPlatform;
  let city: { id: string };
  let yichuan: { id: string };
  let yiyang: { id: string };
  let admin: { cookie: string };
  let yichuanLiaison: { cookie: string };
  let yiyangLiaison: { cookie: string };
  let yichuanBureauId: string;
  let yichuanPersonId: string;
  let yichuanCertificateId: string;

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    await ensureJurisdictionsLoaded(platform.deps);
    city = await createTestOrganization(platform, { name: '示范市人民政府', jurisdictionCode: '410300' });
    yichuan = await createTestOrganization(platform, {
      name: '伊川县人民政府',
      parentId: city.id,
      jurisdictionCode: '410329',
      kind: 'government',
    });
    yiyang = await createTestOrganization(platform, {
      name: '宜阳县人民政府',
      parentId: city.id,
      jurisdictionCode: '410327',
      kind: 'government',
    });
    admin = await signedInAs(platform, 'systemAdmin', city.id);
    yichuanLiaison = await signedInAs(platform, 'liaison', yichuan.id);
    yiyangLiaison = await signedInAs(platform, 'liaison', yiyang.id);

    const bureau = await platform.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: admin,
      payload: {
        parentId: yichuan.id,
        name: '伊川县市场监督管理局',
        kind: 'enforcementBody',
        authorityType: 'statutory',
        jurisdictionCode: '410329',
        creditCode: '11410329005184107C'.slice(0, 17) + 'X',
      },
    });
    // a wrong check character is refused, naming the field
    expect(bureau.statusCode).toBe(400);
    expect(bureau.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'creditCode' });
    const created = await platform.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: admin,
      payload: {
        parentId: yichuan.id,
        name: '伊川县市场监督管理局',
        kind: 'enforcementBody',
        authorityType: 'statutory',
        jurisdictionCode: '410329',
        creditCode: '91350100M000100Y43',
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    yichuanBureauId = created.json<{ id: string }>().id;
    expect(created.json()).toMatchObject({
      parentName: '伊川县人民政府',
      jurisdictionName: '伊川县',
      kindLabel: '执法主体',
    });

    const person = await platform.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: yichuanLiaison,
      payload: {
        organizationId: yichuanBureauId,
        name: '李明',
        idNumber: '11010519491231002X',
        duties: ['officer'],
      },
    });
    expect(person.statusCode, person.body).toBe(200);
    expect(person.json()).toMatchObject({ idNumberMasked: '110***********002X', gender: 'female' });
    expect(person.body).not.toContain('11010519491231002X');
    yichuanPersonId = person.json<{ id: string }>().id;

    const certificate = await platform.app.inject({
      method: 'POST',
      url: '/api/certificates',
      headers: yichuanLiaison,
      payload: {
        personId: yichuanPersonId,
        number: '41032920260001',
        field: '市场监管',
        issuedBy: '河南省人民政府',
        issuedOn: '2026-01-05',
        expiresOn: '2031-01-04',
      },
    });
    expect(certificate.statusCode, certificate.body).toBe(200);
    expect(certificate.json()).toMatchObject({ isCurrentlyValid: true, statusLabel: '有效' });
    yichuanCertificateId = certificate.json<{ id: string }>().id;
  });
  afterAll(async () => platform.close());

  it('stores the ID number encrypted, never in clear, and not in the audit log', async () => {
    const rows = await queryRows<{ e: string }>(
      platform.deps.db,
      sql`SELECT id_number_encrypted AS e FROM people`,
    );
    expect(rows[0]?.e).toMatch(/^v1\./);
    const audit = await queryRows<{ n: number }>(
      platform.deps.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE change::text LIKE '%11010519491231002X%' OR change::text LIKE '%v1.%'`,
    );
    expect(audit[0]?.n).toBe(0);
    const logged = await queryRows<{ action: string }>(
      platform.deps.db,
      sql`SELECT action FROM audit_events WHERE entity_type IN ('organization','person','enforcementCertificate') ORDER BY seq`,
    );
    expect(logged.map((row) => row.action)).toEqual([
      'organization.create',
      'person.create',
      'enforcementCertificate.create',
    ]);
  });

  it('a user of one county cannot read another county’s organizations, people or certificates through any route', async () => {
    const urls = [
      `/api/organizations/${yichuanBureauId}`,
      `/api/people/${yichuanPersonId}`,
      `/api/certificates/${yichuanCertificateId}`,
    ];
    for (const url of urls) {
      expect(
        (await platform.app.inject({ method: 'GET', url, headers: yiyangLiaison })).statusCode,
        url,
      ).toBe(404);
      expect(
        (await platform.app.inject({ method: 'GET', url, headers: yichuanLiaison })).statusCode,
        url,
      ).toBe(200);
    }
    for (const list of ['/api/organizations', '/api/people', '/api/certificates']) {
      const theirs = await platform.app.inject({ method: 'GET', url: list, headers: yiyangLiaison });
      expect(theirs.body, list).not.toContain('伊川');
      expect(theirs.body).not.toContain('李明');
      const ours = await platform.app.inject({
        method: 'GET',
        url: `${list}?search=${encodeURIComponent(list.includes('organizations') ? '伊川' : '李明')}`,
        headers: yichuanLiaison,
      });
      expect(ours.json<{ total: number }>().total, list).toBeGreaterThan(0);
    }
    const tree = await platform.app.inject({
      method: 'GET',
      url: '/api/organizations/tree',
      headers: yiyangLiaison,
    });
    expect(tree.json()).toMatchObject({ roots: [{ name: '宜阳县人民政府', children: [] }] });
    const fullTree = await platform.app.inject({
      method: 'GET',
      url: '/api/organizations/tree',
      headers: admin,
    });
    expect(fullTree.json<{ roots: { children: unknown[] }[] }>().roots[0]?.children).toHaveLength(2);
    for (const url of ['/api/organizations/export', '/api/people/export', '/api/certificates/export']) {
      const exported = await platform.app.inject({ method: 'GET', url, headers: yiyangLiaison });
      expect(exported.statusCode).toBe(200);
      const text = (await readSheetRows(exported.rawPayload)).flat().join(' ');
      expect(text, url).not.toContain('伊川');
      expect(text).not.toContain('李明');
    }
    const mine = await readSheetRows(
      (await platform.app.inject({ method: 'GET', url: '/api/people/export', headers: yichuanLiaison }))
        .rawPayload,
    );
    expect(mine[0]).toContain('身份证号码（脱敏）');
    expect(mine[1]).toContain('110***********002X');
  });

  it('refuses writes outside the scope as not found, and without the role as forbidden', async () => {
    const before = await counts(platform);
    const outside = await platform.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: yiyangLiaison,
      payload: { organizationId: yichuanBureauId, name: '王五', duties: ['officer'] },
    });
    expect(outside.statusCode).toBe(404);
    const underOther = await platform.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: yiyangLiaison,
      payload: { parentId: yiyang.id, name: '宜阳县某局', kind: 'department', jurisdictionCode: '410327' },
    });
    expect(underOther.statusCode).toBe(403);
    const edit = await platform.app.inject({
      method: 'PATCH',
      url: `/api/certificates/${yichuanCertificateId}`,
      headers: yiyangLiaison,
      payload: { status: 'revoked' },
    });
    expect(edit.statusCode).toBe(404);
    const anonymous = await platform.app.inject({ method: 'GET', url: '/api/organizations' });
    expect(anonymous.statusCode).toBe(401);
    expect(await counts(platform)).toEqual(before);
  });

  it('moves an organization with its subtree under another parent; scope follows; a cycle is refused', async () => {
    const post = (url: string, payload: Record<string, unknown>, headers = admin) =>
      platform.app.inject({ method: 'POST', url, headers, payload });
    const office = await post('/api/organizations', {
      parentId: yichuan.id,
      name: '伊川县改革试点办公室',
      kind: 'office',
      jurisdictionCode: '410329',
    });
    expect(office.statusCode).toBe(200);
    const officeId = office.json<{ id: string }>().id;
    const unit = await post('/api/organizations', {
      parentId: officeId,
      name: '伊川县改革试点办公室综合科',
      kind: 'office',
      jurisdictionCode: '410329',
    });
    const unitId = unit.json<{ id: string }>().id;

    const cycle = await post(`/api/organizations/${officeId}/move`, { parentId: unitId, reason: '测试' });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'parentId' });
    const noReason = await post(`/api/organizations/${officeId}/move`, { parentId: yiyang.id });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ field: 'reason' });
    const byLiaison = await post(
      `/api/organizations/${officeId}/move`,
      { parentId: yiyang.id, reason: '机构改革' },
      yichuanLiaison,
    );
    expect([403, 404]).toContain(byLiaison.statusCode);

    const moved = await post(`/api/organizations/${officeId}/move`, {
      parentId: yiyang.id,
      reason: '宜政〔2026〕8号 机构改革方案',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: yiyang.id });
    const read = (id: string, headers: { cookie: string }) =>
      platform.app.inject({ method: 'GET', url: `/api/organizations/${id}`, headers });
    // the subtree moved with it: 宜阳 sees both, 伊川 neither
    expect((await read(unitId, yiyangLiaison)).statusCode).toBe(200);
    expect((await read(unitId, yichuanLiaison)).statusCode).toBe(404);
    expect((await read(officeId, yichuanLiaison)).statusCode).toBe(404);
    expect((await read(unitId, admin)).json<{ path: string }>().path).toContain(`/${officeId}/${unitId}/`);
  });

  it('answers a malformed body on every write route with 400 naming the field, writing nothing', async () => {
    const before = await counts(platform);
    const cases: [string, string, Record<string, unknown>, string][] = [
      [
        'POST',
        '/api/organizations',
        { parentId: city.id, name: 'x', kind: 'department', jurisdictionCode: '410300' },
        'name',
      ],
      ['PATCH', `/api/organizations/${yichuanBureauId}`, { kind: 'nonsense' }, 'kind'],
      [
        'POST',
        '/api/people',
        {
          organizationId: yichuanBureauId,
          name: '赵六',
          duties: ['officer'],
          idNumber: '110105194912310021',
        },
        'idNumber',
      ],
      ['PATCH', `/api/people/${yichuanPersonId}`, { duties: 'officer' }, 'duties'],
      [
        'POST',
        '/api/certificates',
        {
          personId: yichuanPersonId,
          number: '41032920260002',
          field: '市场监管',
          issuedBy: '河南省人民政府',
          issuedOn: '2026-01-05',
          expiresOn: '2026-01-05',
        },
        'expiresOn',
      ],
      [
        'POST',
        '/api/certificates',
        {
          personId: yichuanPersonId,
          number: '41032920260001',
          field: '市场监管',
          issuedBy: '河南省人民政府',
          issuedOn: '2026-01-05',
          expiresOn: '2027-01-05',
        },
        'number',
      ],
      ['PATCH', `/api/certificates/${yichuanCertificateId}`, { issuedOn: '2026-02-30' }, 'issuedOn'],
    ];
    for (const [method, url, payload, field] of cases) {
      const response = await platform.app.inject({
        method: method as 'POST',
        url,
        headers: method === 'POST' && url === '/api/organizations' ? admin : yichuanLiaison,
        payload,
      });
      expect([400, 409], `${method} ${url}: ${response.body}`).toContain(response.statusCode);
      expect(response.json<{ field: string }>().field, `${method} ${url}`).toBe(field);
      expect(response.json<{ message: string }>().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await counts(platform)).toEqual(before);
  });

  it('imports nothing when one row is bad and returns the problem sheet naming row and column', async () => {
    const before = await counts(platform);
    const header = ['所属组织', '姓名', '性别', '身份证号码', '电话', '职务', '职责', '法律职业资格'];
    const file = await workbook([
      header,
      ['伊川县市场监督管理局', '陈一', null, '440524188001010014', null, '科员', '执法人员', '否'],
      ['伊川县市场监督管理局', '陈二', null, '110105194912310021', null, '科员', '执法人员', '否'],
      ['伊川县市场监督管理局', '陈三', null, null, null, '科员', '巡逻员', '否'],
    ]);
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/people/import',
      headers: { ...yichuanLiaison, ...xlsxUpload(file).headers },
      payload: xlsxUpload(file).payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const problems = await readSheetRows(response.rawPayload);
    expect(problems[0]).toEqual(['行号', '列', '问题']);
    expect(problems.slice(1).map((row) => `${row[0]}:${row[1]}`)).toEqual(expect.arrayContaining(['4:职责']));
    expect(await counts(platform)).toEqual(before);

    // the check digit is caught when the rows reach the service; still nothing imported
    const second = await workbook([
      header,
      ['伊川县市场监督管理局', '陈一', null, '440524188001010014', null, '科员', '执法人员', '否'],
      ['伊川县市场监督管理局', '陈二', null, '110105194912310021', null, '科员', '执法人员', '否'],
    ]);
    const refused = await platform.app.inject({
      method: 'POST',
      url: '/api/people/import',
      headers: { ...yichuanLiaison, ...xlsxUpload(second).headers },
      payload: xlsxUpload(second).payload,
    });
    expect(refused.statusCode).toBe(400);
    expect((await readSheetRows(refused.rawPayload))[1]?.slice(0, 2)).toEqual(['3', '身份证号码']);
    expect(await counts(platform)).toEqual(before);

    const good = await workbook([
      header,
      [
        '伊川县市场监督管理局',
        '陈一',
        null,
        '440524188001010014',
        null,
        '科员',
        '执法人员、法制审核人员',
        '是',
      ],
    ]);
    const accepted = await platform.app.inject({
      method: 'POST',
      url: '/api/people/import',
      headers: { ...yichuanLiaison, ...xlsxUpload(good).headers },
      payload: xlsxUpload(good).payload,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ imported: 1 });
    expect((await counts(platform))?.p).toBe((before?.p ?? 0) + 1);
  });

  it('serves import templates with the declared headers', async () => {
    for (const [url, first] of [
      ['/api/organizations/import-template', '上级组织'],
      ['/api/people/import-template', '所属组织'],
      ['/api/certificates/import-template', '所属组织'],
    ] as const) {
      const response = await platform.app.inject({ method: 'GET', url, headers: admin });
      expect(response.statusCode).toBe(200);
      expect((await readSheetRows(response.rawPayload))[0]?.[0]).toBe(first);
    }
  });
});
