import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EntityCommitmentView,
  EntityProfileView,
  PublicEntityProfile,
} from '../../../../contracts/spotchecks';
import { auditEvents } from '../../../core/audit/audit-tables';
import { inTransaction } from '../../../core/context';
import { newId } from '../../../core/db/ids';
import { composeCreditCode } from '../../../core/identity/national-codes';
import { createPublication } from '../../../core/publication/publication-service';
import { segmentedText, toSearchVector } from '../../../core/search/chinese-search';
import { buildTestPlatform, type TestPlatform } from '../../../test/build-test-app';
import { createTestUser } from '../../../test/factories';
import { httpCaller, type SessionHeaders } from '../../../test/http-call';
import { testDatabaseKinds } from '../../../test/test-databases';
import { buildEnforcementFixture, type EnforcementFixture } from '../../enforcement/enforcement-test-fixture';
import { ensureDemoCommitments } from '../demo/ensure-demo-commitments';
import { entities, entityCommitments } from '../spotcheck-tables';

/**
 * 信用承诺 and 许可 in the entity profile, through HTTP on PGlite and PostgreSQL: the receiving
 * department records a commitment and settles it (a breach with its note), another department's
 * officer may not; the console profile shows every commitment and the permits (directory licences
 * and the published 行政许可决定 naming the credit code), the portal the same without the notes.
 */

describe.each(testDatabaseKinds())('credit commitments on %s', (database) => {
  let platform: TestPlatform;
  let fixture: EnforcementFixture;
  const who = {} as Record<'officerA' | 'head' | 'other', SessionHeaders>;
  const call = httpCaller(() => platform);
  const entityCode = composeCreditCode('91', '410300', 'MA4CM001');
  const entityName = '示范市福寿堂大药房有限公司';
  const extraCodes = ['MA4CM002', 'MA4CM003', 'MA4CM004', 'MA4CM005', 'MA4CM006', 'MA4CM007'].map((code) =>
    composeCreditCode('91', '410300', code),
  );
  const ids = { fulfilled: '', breached: '', inForce: '' };
  const breachNote = '核查发现执业药师未在岗，承诺事项与实际不符。';

  const commitmentsUrl = (code: string) => `/api/spotchecks/entities/${code}/commitments`;
  const record = (headers: SessionHeaders, body: Record<string, unknown>, code = entityCode) =>
    call<EntityCommitmentView>(headers, 'POST', commitmentsUrl(code), {
      organizationId: fixture.marketId,
      kind: 'notification',
      title: '药品零售许可变更（告知承诺制）：承诺执业药师在岗执业',
      committedOn: '2026-06-01',
      dueOn: '2026-09-01',
      ...body,
    });

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    fixture = await buildEnforcementFixture(platform);
    who.officerA = await fixture.headers(fixture.users.officerA);
    who.head = await fixture.headers(fixture.users.head);
    who.other = await fixture.headers(fixture.users.otherOfficer);
    const tenantCode = platform.config.tenantCode;
    const now = platform.clock.now();
    await platform.deps.db.insert(entities).values(
      [entityCode, ...extraCodes].map((creditCode, index) => ({
        tenantCode,
        id: newId(),
        creditCode,
        name: index === 0 ? entityName : `示范市第${String(index)}号商贸有限公司`,
        address: '示范市洛龙区开元大道 88 号',
        industry: '药品零售业',
        jurisdictionCode: '410311',
        licences: index === 0 ? ['药品经营许可证'] : [],
        riskGrade: 'B',
        searchVector: toSearchVector(segmentedText(`${entityName} ${creditCode}`)) as never,
        createdAt: now,
        updatedAt: now,
      })),
    );
    // two licensing decisions naming the entity: one published, one still pending
    const licensing = (title: string, number: string) =>
      inTransaction(platform.deps, null, (ctx) =>
        createPublication(ctx, {
          subjectType: 'licensingDecision',
          subjectId: number,
          organizationId: fixture.marketId,
          kind: 'licensing',
          field: 'marketSupervision',
          title,
          content: {
            行政许可决定书文号: number,
            行政相对人名称: entityName,
            统一社会信用代码: entityCode,
            许可证书名称: '药品经营许可证',
          },
          decidedOn: '2026-09-20',
          personalData: {},
        }),
      );
    const published = await licensing('药品经营许可证变更许可决定', '示市监药许〔2026〕12号');
    await licensing('药品经营许可证延续许可决定', '示市监药许〔2026〕15号');
    const publish = await call(who.officerA, 'POST', `/api/publications/${published.id}/publish`, {});
    expect(publish.status, publish.text).toBe(200);
  }, 180_000);
  afterAll(async () => platform.close());

  it('lets the receiving department record commitments and settle them, each write audited', async () => {
    const first = await record(who.officerA, {});
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({
      creditCode: entityCode,
      organizationName: '示范市市场监督管理局',
      kind: 'notification',
      kindLabel: '告知承诺制审批',
      status: 'inForce',
      statusLabel: '在履约',
      dueOn: '2026-09-01',
    });
    const second = await record(who.head, {
      kind: 'credit',
      title: '主动承诺守法诚信经营，不销售过期药品',
      committedOn: '2026-07-15',
      dueOn: null,
    });
    expect(second.status, second.text).toBe(201);
    const third = await record(
      who.head,
      { kind: 'correction', title: '信用修复承诺：已履行处罚决定', committedOn: '2026-09-01' },
      entityCode.toLowerCase(),
    );
    expect(third.status, third.text).toBe(201);
    ids.breached = first.body.id;
    ids.fulfilled = second.body.id;
    ids.inForce = third.body.id;

    const fulfilled = await call<EntityCommitmentView>(
      who.officerA,
      'POST',
      `/api/spotchecks/commitments/${ids.fulfilled}/fulfil`,
      {},
    );
    expect(fulfilled.status, fulfilled.text).toBe(200);
    expect(fulfilled.body).toMatchObject({
      status: 'fulfilled',
      statusLabel: '已履约',
      settledOn: '2026-09-28',
    });
    const breached = await call<EntityCommitmentView>(
      who.head,
      'POST',
      `/api/spotchecks/commitments/${ids.breached}/breach`,
      { note: breachNote },
    );
    expect(breached.status, breached.text).toBe(200);
    expect(breached.body).toMatchObject({ status: 'breached', statusLabel: '已违诺', breachNote });

    const again = await call(who.head, 'POST', `/api/spotchecks/commitments/${ids.fulfilled}/breach`, {
      note: breachNote,
    });
    expect(again.status).toBe(409);

    const audited = await platform.deps.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'entityCommitment'), like(auditEvents.action, 'commitment.%')));
    expect(audited.map((row) => row.action).sort()).toEqual([
      'commitment.breach',
      'commitment.fulfil',
      'commitment.record',
      'commitment.record',
      'commitment.record',
    ]);
  });

  it('refuses a bad code, an entity not in the directory, a breach without a note and another department’s officer', async () => {
    const badCode = await record(who.officerA, {}, '91410300MA4CM0010X');
    expect(badCode.status).toBe(400);
    expect(badCode.body.field).toBe('creditCode');
    const unknown = await record(who.officerA, {}, composeCreditCode('91', '410300', 'MA4CM999'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('检查对象名录库');
    const noTitle = await record(who.officerA, { title: '' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.field).toBe('title');
    const dueBefore = await record(who.officerA, { committedOn: '2026-06-01', dueOn: '2026-05-01' });
    expect(dueBefore.status).toBe(400);
    expect(dueBefore.body.field).toBe('dueOn');
    const future = await record(who.officerA, { committedOn: '2026-10-08', dueOn: null });
    expect(future.status).toBe(400);
    expect(future.body.field).toBe('committedOn');

    const noNote = await call(who.head, 'POST', `/api/spotchecks/commitments/${ids.inForce}/breach`, {});
    expect(noNote.status).toBe(400);
    expect(noNote.body.field).toBe('note');

    const otherRecords = await record(who.other, {});
    expect(otherRecords.status).toBe(403);
    const otherFulfils = await call(
      who.other,
      'POST',
      `/api/spotchecks/commitments/${ids.inForce}/fulfil`,
      {},
    );
    expect(otherFulfils.status).toBe(403);
    const missing = await call(who.head, 'POST', `/api/spotchecks/commitments/${newId()}/fulfil`, {});
    expect(missing.status).toBe(404);
    const anonymous = await call(null, 'POST', commitmentsUrl(entityCode), {
      organizationId: fixture.marketId,
      kind: 'credit',
      title: '主动承诺守法诚信经营',
      committedOn: '2026-09-01',
    });
    expect(anonymous.status).toBe(401);
  });

  it('shows every commitment and the permits in the console profile, to another department too', async () => {
    const answer = await call<EntityProfileView>(
      who.other,
      'GET',
      `/api/spotchecks/entities/${entityCode}/profile`,
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.commitments.map((row) => [row.id, row.status])).toEqual([
      [ids.inForce, 'inForce'],
      [ids.fulfilled, 'fulfilled'],
      [ids.breached, 'breached'],
    ]);
    expect(answer.body.commitments[2]).toMatchObject({
      organizationName: '示范市市场监督管理局',
      breachNote,
    });
    expect(answer.body.permits).toEqual([
      expect.objectContaining({ source: 'directory', name: '药品经营许可证' }),
      expect.objectContaining({
        source: 'licensingDecision',
        name: '药品经营许可证变更许可决定',
        organizationName: '示范市市场监督管理局',
        decidedOn: '2026-09-20',
      }),
    ]);
  });

  it('shows the public the commitments and permits, without the breach note or who recorded them', async () => {
    const answer = await call<PublicEntityProfile>(null, 'GET', `/api/public/entities/${entityCode}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.commitments).toHaveLength(3);
    expect(answer.body.commitments[2]).toEqual({
      title: '药品零售许可变更（告知承诺制）：承诺执业药师在岗执业',
      organizationName: '示范市市场监督管理局',
      kind: 'notification',
      kindLabel: '告知承诺制审批',
      committedOn: '2026-06-01',
      dueOn: '2026-09-01',
      status: 'breached',
      statusLabel: '已违诺',
      settledOn: '2026-09-28',
    });
    expect(answer.text).not.toContain(breachNote);
    expect(answer.text).not.toContain('recordedByName');
    expect(answer.body.permits.map((row) => row.name)).toEqual([
      '药品经营许可证',
      '药品经营许可证变更许可决定',
    ]);
    expect(answer.text).not.toContain('延续许可决定');
  });

  it('seeds the demo commitments through the service, in all three statuses, once', async () => {
    const tenantCode = platform.config.tenantCode;
    await platform.deps.db.delete(entityCommitments).where(eq(entityCommitments.tenantCode, tenantCode));
    await createTestUser(platform, {
      role: 'agencyHead',
      organizationId: fixture.marketId,
      username: 'agencyhead',
    });
    const deps = { ...platform.deps, config: { ...platform.deps.config, seedDemo: 'auto' as const } };
    const lines = await ensureDemoCommitments(deps);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('已生成演示信用承诺：7 项');
    const rows = await platform.deps.db
      .select({ status: entityCommitments.status, recordedByName: entityCommitments.recordedByName })
      .from(entityCommitments)
      .where(eq(entityCommitments.tenantCode, tenantCode));
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(['inForce', 'fulfilled', 'breached']));
    expect(await ensureDemoCommitments(deps)).toEqual([]);
  });
});
