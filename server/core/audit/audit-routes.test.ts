import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles';
import { buildApp, type App } from '../../http/build-app';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { testDatabaseKinds } from '../../test/test-databases';
import { inTransaction, type Actor } from '../context';
import { prepareOnStart } from '../prepare-on-start';
import { organizations } from '../../modules/org/org-tables';
import { appendAuditEvent } from './append-audit-event';

/*
 * server/test/factories.ts (signedInAs) does not exist yet, so these tests put the actor on the
 * request themselves: a preHandler added after buildApp's hooks sets request.actor from a test
 * header. Everything after that (role check, scope, presenters) is the real code path.
 */
const rootOrganizationId = randomUUID();
const countyOrganizationId = randomUUID();
function actorWith(role: Role, organizationPath: string, organizationId: string): Actor {
  return {
    userId: randomUUID(),
    username: `${role}-tester`,
    displayName: '测试用户',
    roles: [{ role, organizationId, organizationPath }],
    activeOrganizationId: organizationId,
  };
}
const actors: Record<string, Actor> = {
  auditAdmin: actorWith('auditAdmin', `/${rootOrganizationId}/`, rootOrganizationId),
  countyAuditAdmin: actorWith(
    'auditAdmin',
    `/${rootOrganizationId}/${countyOrganizationId}/`,
    countyOrganizationId,
  ),
  systemAdmin: actorWith('systemAdmin', `/${rootOrganizationId}/`, rootOrganizationId),
};

describe.each(testDatabaseKinds())('audit trail routes on %s', (database) => {
  let platform: TestPlatform;
  let app: App;
  let dataDir: string;
  const as = (who: keyof typeof actors | null) => (who ? { 'x-test-actor': who } : {});

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fazhi-audit-routes-'));
    platform = await buildTestPlatform({ database, env: { FAZHI_DATA_DIR: dataDir } });
    await prepareOnStart(platform.deps);
    app = await buildApp(platform.deps, { rateLimitPerMinute: 100_000 });
    app.addHook('preHandler', (request, _reply, done) => {
      const who = request.headers['x-test-actor'];
      if (typeof who === 'string' && actors[who]) request.actor = actors[who];
      done();
    });
    await app.ready();
    await platform.deps.db.insert(organizations).values([
      {
        tenantCode: platform.config.tenantCode,
        id: rootOrganizationId,
        path: `/${rootOrganizationId}/`,
        jurisdictionCode: '410300',
        name: '示范市人民政府',
        kind: 'government',
      },
      {
        tenantCode: platform.config.tenantCode,
        id: countyOrganizationId,
        parentId: rootOrganizationId,
        path: `/${rootOrganizationId}/${countyOrganizationId}/`,
        jurisdictionCode: '410322',
        name: '示范县人民政府',
        kind: 'government',
      },
    ]);
    const officer = actorWith('officer', `/${rootOrganizationId}/`, rootOrganizationId);
    platform.clock.set('2026-09-29T10:00:00+08:00');
    for (let index = 1; index <= 30; index += 1) {
      await inTransaction(platform.deps, officer, (ctx) =>
        appendAuditEvent(ctx, {
          action: index % 2 === 0 ? 'case.register' : 'case.update',
          entityType: 'case',
          entityId: `C-${index}`,
          organizationId: rootOrganizationId,
          change: { 案由: `案件 ${index}` },
        }),
      );
    }
    platform.clock.set('2026-10-08T10:00:00+08:00');
    await inTransaction(platform.deps, officer, (ctx) =>
      appendAuditEvent(ctx, {
        action: 'case.register',
        entityType: 'case',
        entityId: 'C-county',
        organizationId: countyOrganizationId,
        change: { 案由: '另一组织的案件' },
      }),
    );
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses the audit trail to the public (401) and to other administrators (403)', async () => {
    for (const [method, url] of [
      ['GET', '/api/audit/events'],
      ['GET', '/api/audit/events/export'],
      ['POST', '/api/audit/verify'],
    ] as const) {
      const anonymous = await app.inject({ method, url });
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.json().code).toBe('UNAUTHENTICATED');
      const systemAdmin = await app.inject({ method, url, headers: as('systemAdmin') });
      expect(systemAdmin.statusCode, url).toBe(403);
      expect(systemAdmin.json().code).toBe('FORBIDDEN');
    }
  });

  it('lists events newest first with filters and paging for the audit administrator', async () => {
    const page = await app.inject({
      method: 'GET',
      url: '/api/audit/events?pageSize=10',
      headers: as('auditAdmin'),
    });
    expect(page.statusCode).toBe(200);
    const body = page.json();
    // 30 city events, the county event and the key registration (bound to no organization).
    expect(body.total).toBe(32);
    expect(body.items).toHaveLength(10);
    expect(body.items[0].seq).toBeGreaterThan(body.items[9].seq);
    expect(body.items[0]).toMatchObject({ actorName: '测试用户（officer-tester）', entityType: 'case' });

    const registered = await app.inject({
      method: 'GET',
      url: '/api/audit/events?action=case.register&entityType=case&pageSize=200',
      headers: as('auditAdmin'),
    });
    expect(registered.json().items.every((item: { action: string }) => item.action === 'case.register')).toBe(
      true,
    );
    expect(registered.json().total).toBe(16);

    const byEntity = await app.inject({
      method: 'GET',
      url: '/api/audit/events?entityId=C-7',
      headers: as('auditAdmin'),
    });
    expect(byEntity.json().total).toBe(1);
    expect(byEntity.json().items[0].change).toEqual({ 案由: '案件 7' });

    const byDate = await app.inject({
      method: 'GET',
      url: '/api/audit/events?from=2026-10-01&to=2026-10-31',
      headers: as('auditAdmin'),
    });
    expect(byDate.json().items.map((item: { entityId: string }) => item.entityId)).toEqual(['C-county']);

    const byActor = await app.inject({
      method: 'GET',
      url: '/api/audit/events?actor=officer-tester&page=2&pageSize=20',
      headers: as('auditAdmin'),
    });
    expect(byActor.json()).toMatchObject({ total: 31, page: 2, pageSize: 20 });
    expect(byActor.json().items).toHaveLength(11);
  });

  it('keeps a county audit administrator to the county subtree', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/audit/events?pageSize=200',
      headers: as('countyAuditAdmin'),
    });
    expect(response.statusCode).toBe(200);
    // Neither the city's events nor the platform's own (bound to no organization) leak downwards.
    expect(response.json().items.map((item: { entityId: string }) => item.entityId)).toEqual(['C-county']);
  });

  it('refuses malformed filters with 400 naming the field', async () => {
    for (const [query, field] of [
      ['pageSize=1000', 'pageSize'],
      ['page=0', 'page'],
      ['from=2026/10/01', 'from'],
      ['from=2026-10-05&to=2026-10-01', 'to'],
    ]) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/audit/events?${query}`,
        headers: as('auditAdmin'),
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.json(), query).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
  });

  it('exports the filtered trail as an .xlsx with Chinese headers, and logs the export', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/audit/events/export?action=case.update',
      headers: as('auditAdmin'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('序号');
    expect(sheet.getRow(1).getCell(3).value).toBe('操作人');
    expect(sheet.rowCount).toBe(16);
    expect(sheet.getRow(2).getCell(4).value).toBe('case.update');

    const logged = await app.inject({
      method: 'GET',
      url: '/api/audit/events?action=audit.export',
      headers: as('auditAdmin'),
    });
    expect(logged.json().items[0]).toMatchObject({
      action: 'audit.export',
      actorName: '测试用户（auditAdmin-tester）',
    });
  });

  it('runs the whole-log verification for the audit administrator', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/audit/verify',
      headers: as('auditAdmin'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true });
    expect(response.json().checkedEvents).toBeGreaterThanOrEqual(33);
  });
});
