import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadlineView } from '../../../../contracts/procedures';
import type { Role } from '../../../../contracts/roles';
import { buildApp, type App } from '../../../http/build-app';
import { buildTestPlatform, type TestPlatform } from '../../../test/build-test-app';
import { testDatabaseKinds } from '../../../test/test-databases';
import { organizations } from '../../../modules/org/org-tables';
import { auditEvents } from '../../audit/audit-tables';
import { ensureCalendarLoaded } from '../../calendar/ensure-calendar-loaded';
import { inTransaction, type Actor } from '../../context';
import { registerProcedure } from '../procedure-registry';
import { startProcedure } from '../procedure-service';
import { disclosureRequestProcedure } from './disclosure-request-procedure';

/*
 * server/test/factories.ts (signedInAs) does not exist yet, so the tests put the actor on the
 * request themselves: a preHandler added after buildApp's hooks sets request.actor from a test
 * header. Everything after that (scope, role, fields, guards, deadlines, audit) is the real path.
 */
const cityId = randomUUID();
const countyId = randomUUID();
const otherCountyId = randomUUID();
const cityPath = `/${cityId}/`;
const countyPath = `/${cityId}/${countyId}/`;
const otherCountyPath = `/${cityId}/${otherCountyId}/`;

function actorWith(role: Role, organizationId: string, organizationPath: string): Actor {
  return {
    userId: randomUUID(),
    username: `${role}-${organizationId.slice(0, 4)}`,
    displayName: role === 'agencyHead' ? '李主任' : '王科员',
    roles: [{ role, organizationId, organizationPath }],
    activeOrganizationId: organizationId,
  };
}
const actors = {
  officer: actorWith('liaison', countyId, countyPath),
  head: actorWith('agencyHead', countyId, countyPath),
  otherCountyOfficer: actorWith('liaison', otherCountyId, otherCountyPath),
  cityOfficer: actorWith('officer', cityId, cityPath),
};
type Who = keyof typeof actors;

describe.each(testDatabaseKinds())('政府信息公开申请 through the procedure engine on %s', (database) => {
  let platform: TestPlatform;
  let app: App;
  const at = (instant: string) => platform.clock.set(`${instant}T09:00:00+08:00`);

  async function receive(on: string, applicantName = '张某'): Promise<string> {
    at(on);
    const result = await inTransaction(platform.deps, actors.officer, (ctx) =>
      startProcedure(ctx, {
        procedureKey: disclosureRequestProcedure.key,
        subjectType: 'disclosureRequest',
        subjectId: `YSQ-${randomUUID().slice(0, 8)}`,
        organizationId: countyId,
        fields: { applicantName, information: '2025年本县财政预算执行情况' },
      }),
    );
    return result.instance.id;
  }
  const act = (who: Who, id: string, action: string, body: Record<string, unknown> = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/procedures/${id}/actions/${action}`,
      headers: { 'x-test-actor': who },
      payload: body,
    });
  const read = (who: Who, id: string) =>
    app.inject({ method: 'GET', url: `/api/procedures/${id}`, headers: { 'x-test-actor': who } });
  const reply = (id: string) =>
    act('officer', id, 'reply', {
      fields: { outcome: 'disclosed', summary: '予以公开，随函提供' },
      documents: { replyLetter: 'sha256:reply-letter' },
    });
  const replyDeadline = (body: { deadlines: DeadlineView[] }) =>
    body.deadlines.find((deadline) => deadline.key === 'reply')!;
  const auditActions = async (entityId: string) =>
    (
      await platform.deps.db
        .select({ action: auditEvents.action, change: auditEvents.change })
        .from(auditEvents)
        .where(
          and(eq(auditEvents.tenantCode, platform.config.tenantCode), eq(auditEvents.entityId, entityId)),
        )
        .orderBy(auditEvents.seq)
    ).map((row) => row.action);

  beforeAll(async () => {
    registerProcedure(disclosureRequestProcedure);
    platform = await buildTestPlatform({ database });
    await ensureCalendarLoaded(platform.deps);
    app = await buildApp(platform.deps, { rateLimitPerMinute: 100_000 });
    app.addHook('preHandler', (request, _reply, done) => {
      const who = request.headers['x-test-actor'];
      if (typeof who === 'string' && who in actors) request.actor = actors[who as Who];
      done();
    });
    await app.ready();
    const tenantCode = platform.config.tenantCode;
    await platform.deps.db.insert(organizations).values([
      {
        tenantCode,
        id: cityId,
        path: cityPath,
        jurisdictionCode: '410300',
        name: '示范市人民政府',
        kind: 'government',
      },
      {
        tenantCode,
        id: countyId,
        parentId: cityId,
        path: countyPath,
        jurisdictionCode: '410322',
        name: '示范县人民政府办公室',
        kind: 'department',
      },
      {
        tenantCode,
        id: otherCountyId,
        parentId: cityId,
        path: otherCountyPath,
        jurisdictionCode: '410323',
        name: '邻县人民政府办公室',
        kind: 'department',
      },
    ]);
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('sets the reply deadline at 20 working days from receipt, across the National Day holiday 2026 (第三十三条)', async () => {
    const id = await receive('2026-09-28');
    const response = await read('officer', id);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.instance).toMatchObject({ state: 'received', stateLabel: '已收到申请', revision: 0 });
    // 29–30 Sep, then Oct 1–7 off, 10 Oct (Saturday) is a 调休 working day: the 20th working day is Friday 30 Oct.
    expect(replyDeadline(body)).toMatchObject({
      startDate: '2026-09-28',
      dueDate: '2026-10-30',
      lengthText: '20个工作日',
      citation: '《中华人民共和国政府信息公开条例》第三十三条第二款',
      status: 'open',
    });
    expect(body.history.map((step: { actionLabel: string }) => step.actionLabel)).toEqual(['收到申请']);
    expect(body.nextActions.map((action: { name: string }) => action.name)).toEqual([
      'requestCorrection',
      'consultThirdParty',
      'reply',
    ]);
    const head = (await read('head', id)).json();
    expect(head.nextActions.map((action: { name: string }) => action.name)).toEqual(['extend']);
  });

  it('refuses an action the current state does not allow with 409 and the reason, writing nothing', async () => {
    const id = await receive('2026-09-28');
    const response = await act('officer', id, 'receiveThirdPartyOpinion', {
      fields: { opinion: '同意公开' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'TRANSITION_FORBIDDEN',
      message: '当前状态「已收到申请」不能执行「收到第三方意见」',
      details: { reason: '当前状态「已收到申请」不能执行「收到第三方意见」' },
    });
    expect((await read('officer', id)).json().instance.revision).toBe(0);
    expect(await auditActions(id)).toEqual(['procedure.start']);
  });

  it('refuses a missing required field or document with 400 naming it', async () => {
    const id = await receive('2026-09-28');
    const missingField = await act('officer', id, 'reply', {
      fields: { outcome: 'disclosed' },
      documents: { replyLetter: 'sha256:x' },
    });
    expect(missingField.statusCode).toBe(400);
    expect(missingField.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'fields.summary' });
    expect(missingField.json().message).toMatch(/答复内容必须填写/);
    const missingDocument = await act('officer', id, 'reply', {
      fields: { outcome: 'disclosed', summary: '予以公开' },
    });
    expect(missingDocument.statusCode).toBe(400);
    expect(missingDocument.json()).toMatchObject({
      field: 'documents.replyLetter',
      message: '缺少必需的文书「政府信息公开申请答复书」',
    });
    const malformed = await act('officer', id, 'reply', { fields: 'not an object' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().field).toBe('fields');
    expect((await read('officer', id)).json().instance.state).toBe('received');
  });

  it('refuses the wrong role with 403 and hides another county’s request (404)', async () => {
    const id = await receive('2026-09-28');
    const officerExtends = await act('officer', id, 'extend', {
      fields: { days: 10, reason: '需要调取档案' },
    });
    expect(officerExtends.statusCode).toBe(403);
    expect(officerExtends.json().code).toBe('FORBIDDEN');
    expect((await read('otherCountyOfficer', id)).statusCode).toBe(404);
    const outside = await act('otherCountyOfficer', id, 'reply', {
      fields: { outcome: 'disclosed', summary: '予以公开' },
      documents: { replyLetter: 'sha256:x' },
    });
    expect(outside.statusCode).toBe(404);
    expect((await read('cityOfficer', id)).statusCode).toBe(200);
  });

  it('replies within the deadline: state replied, deadline met, effects recorded, audit appended', async () => {
    const id = await receive('2026-09-28');
    at('2026-10-20');
    const response = await reply(id);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.instance).toMatchObject({ state: 'replied', isTerminal: true, revision: 1 });
    expect(replyDeadline(body)).toMatchObject({ status: 'met', dueDate: '2026-10-30' });
    expect(body.effects).toContainEqual({ kind: 'file', document: '政府信息公开申请答复书' });
    expect(body.nextActions).toEqual([]);
    expect(await auditActions(id)).toEqual(['procedure.start', 'procedure.reply']);
    const again = await reply(id);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('当前状态「已答复」不能执行「作出答复」');
  });

  it('extends once, by at most 20 working days, with the head’s approval and the reason recorded', async () => {
    const id = await receive('2026-09-28');
    at('2026-10-26');
    const tooLong = await act('head', id, 'extend', { fields: { days: 21, reason: '需要调取档案' } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ field: 'fields.days' });
    expect(tooLong.json().message).toMatch(/最长不得超过20个工作日/);
    const extended = await act('head', id, 'extend', {
      fields: { days: 20, reason: '涉及多个部门，需要调取档案' },
      expectedRevision: 0,
    });
    expect(extended.statusCode).toBe(200);
    const deadline = replyDeadline(extended.json());
    // 30 Oct + 20 working days: 2–6, 9–13, 16–20, 23–27 November.
    expect(deadline.dueDate).toBe('2026-11-27');
    expect(deadline.extensions).toEqual([
      expect.objectContaining({
        on: '2026-10-26',
        length: 20,
        reason: '涉及多个部门，需要调取档案',
        approvedBy: '李主任（agencyHead-' + countyId.slice(0, 4) + '）',
      }),
    ]);
    expect(deadline.history.at(-1)).toMatchObject({
      event: 'extend',
      previousDueDate: '2026-10-30',
      dueDate: '2026-11-27',
    });
    const twice = await act('head', id, 'extend', { fields: { days: 5, reason: '仍需时间' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().details.reason).toBe('答复期限已经延长过一次，不能再次延长（第三十三条第二款）');
    const stale = await act('officer', id, 'reply', {
      fields: { outcome: 'disclosed', summary: '予以公开' },
      documents: { replyLetter: 'sha256:x' },
      expectedRevision: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
  });

  it('pauses while a third party is consulted and moves the due date by the paused span (第三十三条第三款)', async () => {
    const id = await receive('2026-09-28');
    at('2026-10-12');
    const noLetter = await act('officer', id, 'consultThirdParty', {
      fields: { thirdParty: '某公司', reason: '涉及商业秘密' },
    });
    expect(noLetter.json().field).toBe('documents.consultationLetter');
    const paused = await act('officer', id, 'consultThirdParty', {
      fields: { thirdParty: '某公司', reason: '涉及商业秘密' },
      documents: { consultationLetter: 'sha256:letter' },
    });
    expect(paused.statusCode).toBe(200);
    expect(replyDeadline(paused.json())).toMatchObject({
      status: 'paused',
      statusLabel: '已中止计时',
      pauses: [{ from: '2026-10-12', to: null, action: 'consultThirdParty', reason: '涉及商业秘密' }],
    });
    expect(paused.json().effects).toEqual([{ kind: 'notify', to: 'thirdParty', message: '征求意见书' }]);
    at('2026-10-16');
    const resumed = await act('officer', id, 'receiveThirdPartyOpinion', {
      fields: { opinion: '不同意公开' },
    });
    expect(resumed.statusCode).toBe(200);
    // Paused 13–16 October: 4 working days; 30 October + 4 working days = Thursday 5 November.
    expect(replyDeadline(resumed.json())).toMatchObject({
      status: 'open',
      dueDate: '2026-11-05',
      pauses: [{ from: '2026-10-12', to: '2026-10-16', reason: '涉及商业秘密' }],
    });
    expect(await auditActions(id)).toEqual([
      'procedure.start',
      'procedure.consultThirdParty',
      'procedure.receiveThirdPartyOpinion',
    ]);
  });

  it('restarts the reply deadline from receipt of the correction, and allows one correction request only (第三十条)', async () => {
    const id = await receive('2026-09-28');
    at('2026-09-29');
    const pastDue = await act('officer', id, 'requestCorrection', {
      fields: { items: '请写明文件名称或文号', correctionDueDate: '2026-09-29' },
    });
    expect(pastDue.statusCode).toBe(409);
    expect(pastDue.json().message).toBe('补正期限必须晚于今天，给申请人合理的补正时间');
    const asked = await act('officer', id, 'requestCorrection', {
      fields: { items: '请写明文件名称或文号', correctionDueDate: '2026-10-15' },
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().instance.state).toBe('awaitingCorrection');
    const early = await act('officer', id, 'abandon', {});
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('补正期限（2026-10-15）尚未届满，不能视为放弃申请');
    at('2026-10-09');
    const corrected = await act('officer', id, 'receiveCorrection', { fields: { note: '申请人补充了文号' } });
    expect(corrected.statusCode).toBe(200);
    // From Friday 9 October: Saturday 10 (调休), 12–16, 19–23, 26–30, 2–5 November → the 20th is 5 November.
    expect(replyDeadline(corrected.json())).toMatchObject({
      startDate: '2026-10-09',
      dueDate: '2026-11-05',
      status: 'open',
    });
    expect(replyDeadline(corrected.json()).history.map((entry: { event: string }) => entry.event)).toEqual([
      'start',
      'pause',
      'restart',
    ]);
    const secondTime = await act('officer', id, 'requestCorrection', {
      fields: { items: '再补充', correctionDueDate: '2026-10-20' },
    });
    expect(secondTime.statusCode).toBe(409);
    expect(secondTime.json().message).toBe('补正只能一次性告知，不能再次要求补正（第三十条）');
  });

  it('lists overdue and due-soon deadlines by the clock’s civil date, within the reader’s scope', async () => {
    const id = await receive('2026-09-28', '赵某');
    const ids = (response: { json(): { items: { instanceId: string }[] } }) =>
      response.json().items.map((item) => item.instanceId);
    const list = (who: Who, query: string) =>
      app.inject({ method: 'GET', url: `/api/deadlines?${query}`, headers: { 'x-test-actor': who } });
    at('2026-10-28');
    const soon = await list('officer', 'status=dueSoon');
    expect(soon.statusCode).toBe(200);
    expect(soon.json().today).toBe('2026-10-28');
    expect(ids(soon)).toContain(id);
    expect(ids(await list('officer', 'status=dueSoon&withinWorkingDays=1'))).not.toContain(id);
    expect(ids(await list('officer', 'status=overdue'))).not.toContain(id);
    at('2026-11-02');
    const overdue = await list('officer', 'status=overdue');
    expect(ids(overdue)).toContain(id);
    expect(overdue.json().items.find((item: { instanceId: string }) => item.instanceId === id)).toMatchObject(
      {
        isOverdue: true,
        dueDate: '2026-10-30',
        procedureTitle: '政府信息公开申请（示例）',
        stateLabel: '已收到申请',
      },
    );
    expect(ids(await list('officer', 'status=dueSoon'))).not.toContain(id);
    expect(ids(await list('otherCountyOfficer', 'status=overdue'))).toEqual([]);
    expect((await list('officer', 'status=late')).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/deadlines?status=overdue' })).statusCode).toBe(401);
  });
});
