import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeSetDetail, ChangeSetView, ListDiffEntry, PowerItemView } from '../../../contracts/powers';
import { queryRows } from '../../core/db/query-rows';
import { buildTestPlatform, type TestPlatform } from '../../test/build-test-app';
import { createTestOrganization, createTestUser, signIn, type TestUser } from '../../test/factories';
import { readSheetRows, xlsxUpload } from '../../test/multipart';
import { testDatabaseKinds } from '../../test/test-databases';
import { importLawFiles } from '../law/import-laws';
import { httpCaller } from '../../test/http-call';

/** The journey and the refusals of the power lists, through the HTTP API, on PGlite and PostgreSQL. */

const lawsFolder = join(import.meta.dirname, '../../../../shared/data/laws');
const foodSafetyLaw = join(lawsFolder, '行政法/食品安全法(2021-04-29).md');
const hasLaws = existsSync(foodSafetyLaw);
if (!hasLaws && process.env.CI === 'true') throw new Error(`CI: the law corpus is missing (${lawsFolder})`);
if (!hasLaws) console.warn(`跳过需要法规库的测试：未找到 ${foodSafetyLaw}`);

const basis = '《中华人民共和国食品安全法》第一百二十二条';

function powerContent(code: string, name: string, overrides: Record<string, unknown> = {}) {
  return {
    code,
    name,
    kind: 'penalty',
    legalBasisText: basis,
    details: {
      implementingBody: '示范市市场监督管理局',
      duties: '立案责任、调查责任、审查责任、告知责任、决定责任、送达责任、执行责任',
      accountability: '没有法律依据实施处罚的；擅自改变处罚种类、幅度的',
      statutoryTimeLimit: 90,
    },
    ...overrides,
  };
}

describe.each(testDatabaseKinds())('power lists on %s', (database) => {
  let platform: TestPlatform;
  let market: { id: string };
  let environment: { id: string };
  let liaison: { cookie: string };
  let otherLiaison: { cookie: string };
  let justice: { cookie: string };

  const call = httpCaller(() => platform);
  const createSet = async (effectiveOn: string, title = '依据新修订法律调整', organizationId = market.id) => {
    const created = await call<ChangeSetView>(liaison, 'POST', '/api/powers/change-sets', {
      organizationId,
      listKind: 'power',
      title,
      reason: '法律修订，相应调整权责事项',
      effectiveOn,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    return created.body;
  };
  const act = (headers: { cookie: string }, id: string, action: string, comment?: string) =>
    call<ChangeSetView & { code: string; message: string }>(
      headers,
      'POST',
      `/api/powers/change-sets/${id}/actions`,
      {
        action,
        ...(comment ? { comment } : {}),
      },
    );
  const counts = async () => {
    const [row] = await queryRows<{ sets: number; changes: number; versions: number; lists: number }>(
      platform.deps.db,
      sql`SELECT (SELECT count(*)::int FROM power_change_sets) AS sets, (SELECT count(*)::int FROM power_changes) AS changes,
        (SELECT count(*)::int FROM power_item_versions) AS versions, (SELECT count(*)::int FROM power_list_versions) AS lists`,
    );
    return row;
  };

  /** Moves the clock (sessions end after 30 idle minutes, so everyone signs in again). */
  const moveTo = async (instant: string) => {
    platform.clock.set(instant);
    otherLiaison = await signIn(platform, users.otherLiaison.username).then((signed) => signed.headers);
    justice = await signIn(platform, users.justice.username).then((signed) => signed.headers);
    liaison = (await signIn(platform, users.liaison.username)).headers;
  };
  const users = {} as Record<'liaison' | 'otherLiaison' | 'justice', TestUser>;

  beforeAll(async () => {
    platform = await buildTestPlatform({ database });
    if (hasLaws) {
      await importLawFiles(platform.deps, null, 'test', [
        { path: '行政法/食品安全法(2021-04-29).md', text: readFileSync(foodSafetyLaw, 'utf8') },
      ]);
    }
    const city = await createTestOrganization(platform, {
      name: '示范市人民政府',
      jurisdictionCode: '410300',
    });
    market = await createTestOrganization(platform, { name: '示范市市场监督管理局', parentId: city.id });
    environment = await createTestOrganization(platform, { name: '示范市生态环境局', parentId: city.id });
    users.liaison = await createTestUser(platform, { role: 'liaison', organizationId: market.id });
    users.otherLiaison = await createTestUser(platform, { role: 'liaison', organizationId: environment.id });
    users.justice = await createTestUser(platform, { role: 'justiceBureau', organizationId: city.id });
    await moveTo('2026-09-28T09:00:00+08:00');
  }, 120_000);
  afterAll(async () => platform.close());

  it('runs the journey: draft, add, submit, approve, in force from the date, a new version, the diff, a cancellation', async () => {
    const first = await createSet('2026-10-01');
    expect(first.state).toBe('draft');
    expect(first.nextActions.map((action) => action.name).sort()).toEqual(['submit', 'withdraw']);
    for (const [code, name] of [
      ['CF-001', '对未取得食品生产经营许可从事食品生产经营活动的行政处罚'],
      ['CF-002', '对用非食品原料生产食品的行政处罚'],
    ] as const) {
      const added = await call(liaison, 'POST', `/api/powers/change-sets/${first.id}/changes`, {
        changeType: 'add',
        content: powerContent(code, name),
      });
      expect(added.status, JSON.stringify(added.body)).toBe(200);
    }
    expect((await act(liaison, first.id, 'submit')).body.state).toBe('submitted');
    const approved = await act(justice, first.id, 'approve', '同意');
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', listVersion: 1 });

    const list = (query: string) =>
      call<{ items: PowerItemView[]; total: number }>(
        liaison,
        'GET',
        `/api/powers/items?organizationId=${market.id}&listKind=power&${query}`,
      );
    expect((await list('')).body.total).toBe(0); // today is 2026-09-28, effective from 10-01
    expect((await list('status=pending')).body.total).toBe(2);
    const onFirst = await list('date=2026-10-01');
    expect(onFirst.body.items.map((item) => [item.code, item.status, item.version])).toEqual([
      ['CF-001', 'inForce', 1],
      ['CF-002', 'inForce', 1],
    ]);
    if (hasLaws) expect(onFirst.body.items[0]?.legalBasis[0]?.status).toBe('resolved');
    const inForce = (date: string) =>
      call<{ inForce: boolean }>(
        liaison,
        'GET',
        `/api/powers/in-force?organizationId=${market.id}&code=CF-001&date=${date}`,
      );
    expect((await inForce('2026-09-30')).body.inForce).toBe(false);
    expect((await inForce('2026-10-01')).body.inForce).toBe(true);

    await moveTo('2026-10-10T09:00:00+08:00');
    const [a, b] = onFirst.body.items;
    const second = await createSet('2026-10-15', '第二次调整');
    const modify = await call(liaison, 'POST', `/api/powers/change-sets/${second.id}/changes`, {
      changeType: 'modify',
      itemId: a?.id,
      content: powerContent('CF-001', '对未取得许可从事食品生产经营活动的行政处罚', {
        details: { ...a?.details, duties: '立案、调查、审查、告知、决定、送达、执行' },
      }),
    });
    expect(modify.status, JSON.stringify(modify.body)).toBe(200);
    expect(
      (
        await call(liaison, 'POST', `/api/powers/change-sets/${second.id}/changes`, {
          changeType: 'cancel',
          itemId: b?.id,
          reason: '职能划转',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(liaison, 'POST', `/api/powers/change-sets/${second.id}/changes`, {
          changeType: 'add',
          content: powerContent('CF-003', '对生产经营超过保质期食品的行政处罚'),
        })
      ).status,
    ).toBe(200);
    const detail = await call<ChangeSetDetail>(liaison, 'GET', `/api/powers/change-sets/${second.id}`);
    expect(detail.body.changes.find((change) => change.changeType === 'modify')?.current?.name).toBe(a?.name);
    expect((await act(liaison, second.id, 'submit')).status).toBe(200);
    expect((await act(justice, second.id, 'approve')).body).toMatchObject({
      state: 'approved',
      listVersion: 2,
    });
    const history = await call<ChangeSetDetail>(liaison, 'GET', `/api/powers/change-sets/${second.id}`);
    expect(history.body.history.map((step) => step.action)).toEqual(['start', 'submit', 'approve']);

    const diff = await call<ListDiffEntry[]>(
      liaison,
      'GET',
      `/api/powers/diff?organizationId=${market.id}&listKind=power&from=1&to=2`,
    );
    expect(diff.body.map((entry) => [entry.code, entry.change])).toEqual([
      ['CF-001', 'modified'],
      ['CF-002', 'cancelled'],
      ['CF-003', 'added'],
    ]);
    expect(diff.body[0]?.changedFields).toEqual(['name', 'details.duties']);

    expect((await list('date=2026-10-14')).body.items.map((item) => item.code)).toEqual(['CF-001', 'CF-002']);
    const after = await list('date=2026-10-15');
    expect(after.body.items.map((item) => [item.code, item.version])).toEqual([
      ['CF-001', 2],
      ['CF-003', 1],
    ]);
    expect((await list('date=2026-10-15&status=cancelled')).body.items.map((item) => item.code)).toEqual([
      'CF-002',
    ]);
    const item = await call<{ item: PowerItemView; versions: PowerItemView[] }>(
      liaison,
      'GET',
      `/api/powers/items/${a?.id ?? ''}`,
    );
    expect(item.body.versions.map((version) => version.version)).toEqual([2, 1]);
    expect(item.body.item.version).toBe(1); // today (10-10) version 1 is still in force
    const versions = await call<{ version: number; itemCount: number }[]>(
      liaison,
      'GET',
      `/api/powers/lists/${market.id}/power/versions`,
    );
    expect(versions.body.map((version) => [version.version, version.itemCount])).toEqual([
      [2, 2],
      [1, 2],
    ]);
    const audited = await queryRows<{ action: string }>(
      platform.deps.db,
      sql`SELECT action FROM audit_events WHERE entity_type = 'powerChangeSet' AND action = 'powerChangeSet.approve'`,
    );
    expect(audited.length).toBe(2);

    // the portal sees today's list only: no pending items, no drafts
    const draft = await createSet('2026-11-01', '尚未提交的草稿');
    await call(liaison, 'POST', `/api/powers/change-sets/${draft.id}/changes`, {
      changeType: 'add',
      content: powerContent('CF-900', '草稿中的事项'),
    });
    const publicItems = await call<{ items: PowerItemView[] }>(
      undefined,
      'GET',
      `/api/public/powers/items?organizationId=${market.id}`,
    );
    expect(publicItems.body.items.map((entry) => entry.code)).toEqual(['CF-001', 'CF-002']);
    const pendingItem = after.body.items.find((entry) => entry.code === 'CF-003');
    expect((await call(undefined, 'GET', `/api/public/powers/items/${pendingItem?.id ?? ''}`)).status).toBe(
      404,
    );
    expect((await call(undefined, 'GET', `/api/public/powers/items/${a?.id ?? ''}`)).status).toBe(200);
    const organizations = await call<{ id: string; counts: Record<string, number> }[]>(
      undefined,
      'GET',
      '/api/public/powers/organizations',
    );
    expect(organizations.body.find((entry) => entry.id === market.id)?.counts.power).toBe(2);
    expect((await call(undefined, 'GET', '/api/powers/items')).status).toBe(401);
  });

  it('refuses another department, approval by a liaison, an empty or past-dated set, and bad content — changing nothing', async () => {
    await moveTo('2026-10-20T09:00:00+08:00');
    const set = await createSet('2026-10-25', '拒绝测试');
    const before = await counts();
    // the environment bureau's liaison does not see the market bureau's change set
    expect((await call(otherLiaison, 'GET', `/api/powers/change-sets/${set.id}`)).status).toBe(404);
    expect(
      (
        await call(otherLiaison, 'POST', `/api/powers/change-sets/${set.id}/changes`, {
          changeType: 'add',
          content: powerContent('CF-500', '越权添加'),
        })
      ).status,
    ).toBe(404);
    expect((await act(otherLiaison, set.id, 'submit')).status).toBe(404);
    expect((await call(otherLiaison, 'GET', `/api/powers/items?organizationId=${market.id}`)).status).toBe(
      404,
    );
    expect((await call(otherLiaison, 'GET', `/api/powers/lists/${market.id}/power/versions`)).status).toBe(
      404,
    );
    const summary = await call<{ organizationId: string; itemCount: number; lastVersion: number }[]>(
      justice,
      'GET',
      '/api/powers/summary',
    );
    expect(summary.body.find((entry) => entry.organizationId === market.id)).toMatchObject({
      lastVersion: 2,
    });
    expect(
      (
        await call(otherLiaison, 'POST', '/api/powers/change-sets', {
          organizationId: market.id,
          listKind: 'power',
          title: '越权',
          reason: '越权',
          effectiveOn: '2026-11-01',
        })
      ).status,
    ).toBe(404);
    // the justice bureau reads but does not draft
    expect(
      (
        await call(justice, 'POST', '/api/powers/change-sets', {
          organizationId: market.id,
          listKind: 'power',
          title: '司法局起草',
          reason: '不应允许',
          effectiveOn: '2026-11-01',
        })
      ).status,
    ).toBe(403);
    // an empty set cannot be submitted
    const empty = await act(liaison, set.id, 'submit');
    expect(empty.status).toBe(409);
    expect(empty.body.message).toContain('还没有任何调整事项');
    // bad content: kind, a details field, a basis without citations
    const bad = async (content: Record<string, unknown>) =>
      call<{ code: string; field: string; message: string }>(
        liaison,
        'POST',
        `/api/powers/change-sets/${set.id}/changes`,
        {
          changeType: 'add',
          content,
        },
      );
    const badKind = await bad(powerContent('CF-501', '类型错误', { kind: 'onApplication' }));
    expect([badKind.status, badKind.body.field]).toEqual([400, 'content.kind']);
    const badDetails = await bad(
      powerContent('CF-502', '缺少实施主体', { details: { duties: '职责', accountability: '追责' } }),
    );
    expect([badDetails.status, badDetails.body.field]).toEqual([400, 'content.details.implementingBody']);
    expect(badDetails.body.message).toContain('实施主体');
    const noCitation = await bad(powerContent('CF-503', '没有依据', { legalBasisText: '依照有关法律法规' }));
    expect([noCitation.status, noCitation.body.field]).toEqual([400, 'content.legalBasisText']);
    if (hasLaws) {
      const missingArticle = await bad(
        powerContent('CF-504', '条文不存在', { legalBasisText: '《中华人民共和国食品安全法》第九百条' }),
      );
      expect([missingArticle.status, missingArticle.body.field]).toEqual([400, 'content.legalBasisText']);
    }
    const taken = await bad(powerContent('CF-001', '编码已被占用'));
    expect([taken.status, taken.body.field]).toEqual([400, 'content.code']);
    const existing = await call<{ item: PowerItemView }>(
      liaison,
      'GET',
      `/api/powers/in-force?organizationId=${market.id}&listKind=power&code=CF-001`,
    );
    const renamed = await call<{ field: string }>(
      liaison,
      'POST',
      `/api/powers/change-sets/${set.id}/changes`,
      {
        changeType: 'modify',
        itemId: existing.body.item.id,
        content: powerContent('CF-001-NEW', '改编码'),
      },
    );
    expect([renamed.status, renamed.body.field]).toEqual([400, 'content.code']);
    expect(await counts()).toEqual(before);

    // a liaison cannot approve; a set whose date has passed cannot be approved
    await call(liaison, 'POST', `/api/powers/change-sets/${set.id}/changes`, {
      changeType: 'add',
      content: powerContent('CF-505', '对经营病死、毒死或者死因不明的禽、畜、兽、水产动物肉类的行政处罚'),
    });
    expect((await act(liaison, set.id, 'submit')).status).toBe(200);
    expect((await act(liaison, set.id, 'approve')).status).toBe(403);
    await moveTo('2026-10-26T09:00:00+08:00');
    const late = await act(justice, set.id, 'approve');
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('早于今天');
    const afterRefusals = await counts();
    expect([afterRefusals?.versions, afterRefusals?.lists]).toEqual([before?.versions, before?.lists]);
    // returned with a comment (required), then withdrawn
    expect((await act(justice, set.id, 'return')).status).toBe(400);
    expect((await act(justice, set.id, 'return', '生效日期已过，请重新确定')).body.state).toBe('returned');
    expect((await act(liaison, set.id, 'withdraw')).body.state).toBe('withdrawn');
    expect(
      (await call(liaison, 'DELETE', `/api/powers/change-sets/${set.id}/changes/${set.id}`)).status,
    ).toBe(409);
  });

  it('re-checks at approval: a code taken meanwhile by another approved set refuses the second; removed changes leave the set', async () => {
    await moveTo('2026-10-27T09:00:00+08:00');
    const first = await createSet('2026-11-05', '甲方案');
    const second = await createSet('2026-11-06', '乙方案');
    for (const set of [first, second]) {
      const added = await call(liaison, 'POST', `/api/powers/change-sets/${set.id}/changes`, {
        changeType: 'add',
        content: powerContent('CF-700', '对生产经营者拒不召回不符合食品安全标准的食品的行政处罚'),
      });
      expect(added.status).toBe(200);
    }
    const extra = await call<{ id: string }>(
      liaison,
      'POST',
      `/api/powers/change-sets/${second.id}/changes`,
      {
        changeType: 'add',
        content: powerContent('CF-701', '临时添加后删除'),
      },
    );
    expect(
      (await call(liaison, 'DELETE', `/api/powers/change-sets/${second.id}/changes/${extra.body.id}`)).status,
    ).toBe(204);
    const detail = await call<ChangeSetDetail>(liaison, 'GET', `/api/powers/change-sets/${second.id}`);
    expect([detail.body.changeSet.changeCount, detail.body.changes.map((change) => change.code)]).toEqual([
      1,
      ['CF-700'],
    ]);
    // a page showing an older revision cannot act (another tab already did)
    const stale = await call<{ code: string }>(
      liaison,
      'POST',
      `/api/powers/change-sets/${second.id}/actions`,
      {
        action: 'submit',
        expectedRevision: (detail.body.changeSet.revision ?? 0) + 5,
      },
    );
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT']);
    const fresh = await call<ChangeSetView>(liaison, 'POST', `/api/powers/change-sets/${second.id}/actions`, {
      action: 'submit',
      expectedRevision: detail.body.changeSet.revision,
    });
    expect(fresh.body.revision).toBe((detail.body.changeSet.revision ?? 0) + 1);
    expect((await act(liaison, first.id, 'submit')).status).toBe(200);
    expect((await act(justice, first.id, 'approve')).status).toBe(200);
    const before = await counts();
    const refused = await act(justice, second.id, 'approve');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('CF-700');
    expect(await counts()).toEqual(before);
    const state = await call<ChangeSetDetail>(liaison, 'GET', `/api/powers/change-sets/${second.id}`);
    expect(state.body.changeSet.state).toBe('submitted');
  });

  it('lets the liaison correct a returned set’s effective date, never to a past day, nor once submitted or by another department', async () => {
    const set = await createSet('2026-10-10', '更正生效日期用');
    const past = await call<{ code: string; field: string }>(
      liaison,
      'PATCH',
      `/api/powers/change-sets/${set.id}`,
      {
        effectiveOn: '2026-09-01',
      },
    );
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'effectiveOn' });
    const empty = await call<{ code: string }>(liaison, 'PATCH', `/api/powers/change-sets/${set.id}`, {});
    expect(empty.status).toBe(400);
    const foreign = await call(otherLiaison, 'PATCH', `/api/powers/change-sets/${set.id}`, {
      title: '别的部门',
    });
    expect(foreign.status).toBe(404);
    const edited = await call<ChangeSetView>(liaison, 'PATCH', `/api/powers/change-sets/${set.id}`, {
      effectiveOn: '2026-11-02',
      title: '更正后的标题',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      effectiveOn: '2026-11-02',
      title: '更正后的标题',
      reason: set.reason,
    });
    await call(liaison, 'POST', `/api/powers/change-sets/${set.id}/changes`, {
      changeType: 'add',
      content: powerContent('PATCH-1', '对测试事项的行政检查', { kind: 'inspection' }),
    });
    expect((await act(liaison, set.id, 'submit')).status).toBe(200);
    const afterSubmit = await call<{ code: string }>(liaison, 'PATCH', `/api/powers/change-sets/${set.id}`, {
      title: '提交后不能改',
    });
    expect(afterSubmit.status).toBe(409);
    expect((await act(liaison, set.id, 'withdraw')).status).toBe(200);
  });

  it.skipIf(!hasLaws)(
    'shows an item approved before its law was imported as 法规库未收录, then the article once the law is in',
    async () => {
      const set = await createSet('2026-12-31', '广告监管事项');
      const added = await call(liaison, 'POST', `/api/powers/change-sets/${set.id}/changes`, {
        changeType: 'add',
        content: powerContent('AD-55', '对发布虚假广告的行政处罚', {
          legalBasisText: '《中华人民共和国广告法》第五十五条第一款',
        }),
      });
      expect(added.status, JSON.stringify(added.body)).toBe(200);
      expect((await act(liaison, set.id, 'submit')).status).toBe(200);
      expect((await act(justice, set.id, 'approve')).status).toBe(200);
      const find = async () => {
        const list = await call<{ items: PowerItemView[] }>(
          liaison,
          'GET',
          `/api/powers/items?organizationId=${market.id}&date=2026-12-31&q=${encodeURIComponent('虚假广告')}`,
        );
        return list.body.items.find((item) => item.code === 'AD-55');
      };
      expect((await find())?.legalBasis[0]).toMatchObject({ status: 'lawNotFound', article: 55 });
      await importLawFiles(platform.deps, null, 'test', [
        {
          path: '经济法/广告法(2021-04-29).md',
          text: readFileSync(join(lawsFolder, '经济法/广告法(2021-04-29).md'), 'utf8'),
        },
      ]);
      const now = (await find())?.legalBasis[0];
      expect(now).toMatchObject({ status: 'resolved', article: 55, paragraph: 1 });
      expect(now?.text).toContain('虚假广告');
    },
  );

  it('imports a sheet all or nothing, returning the problems as a sheet', async () => {
    await moveTo('2026-11-01T09:00:00+08:00');
    const set = await createSet('2026-11-10', 'Excel 导入');
    const template = await call(liaison, 'GET', '/api/powers/template.xlsx?listKind=power');
    expect(template.status).toBe(200);
    const fill = async (rows: Record<string, string>[]) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(template.raw.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      sheet.spliceRows(3, 1); // the example row
      for (const values of rows) sheet.addRow(headers.map((header) => values[header] ?? ''));
      return {
        headers,
        hint: sheet.getRow(2).getCell(1).text,
        buffer: Buffer.from(await book.xlsx.writeBuffer()),
      };
    };
    const good = {
      调整类型: '新增',
      职权类型: '行政处罚',
      法律依据: basis,
      实施主体: '示范市市场监督管理局',
      责任事项: '立案、调查、审查、告知、决定、送达、执行',
      追责情形: '违法实施处罚的',
      法定办结时限: '90',
      子项: '警告、罚款',
    };
    const first = {
      ...good,
      事项编码: 'IM-001',
      事项名称: '对食品生产者未按规定建立进货查验记录制度的行政处罚',
    };
    const {
      headers,
      hint,
      buffer: bad,
    } = await fill([
      first,
      { ...good, 事项编码: 'IM-002', 事项名称: '缺少实施主体', 实施主体: '' },
      { ...good, 事项编码: 'IM-003', 事项名称: '职权类型错', 职权类型: '罚没' },
      { ...good, 事项编码: 'IM-004', 事项名称: '时限不是数字', 法定办结时限: '九十天' },
    ]);
    expect(headers.slice(0, 5)).toEqual(['调整类型', '事项编码', '事项名称', '职权类型', '法律依据']);
    expect(hint).toContain('说明行');
    const before = await counts();
    const refused = await platform.app.inject({
      method: 'POST',
      url: `/api/powers/change-sets/${set.id}/import`,
      headers: { ...liaison, ...xlsxUpload(bad).headers },
      payload: xlsxUpload(bad).payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('spreadsheetml');
    const problems = await readSheetRows(refused.rawPayload);
    expect(problems[0]).toEqual(['行号', '列', '问题']);
    expect(problems.slice(1).map(([rowNumber, column]) => [rowNumber, column])).toEqual([
      ['4', '实施主体'],
      ['5', '职权类型'],
      ['6', '法定办结时限'],
    ]);
    expect(problems[1]?.[2]).toContain('实施主体');
    expect(await counts()).toEqual(before);

    // the round trip: only good rows → imported, approved, exported with the same content
    const second = {
      ...good,
      事项编码: 'IM-002',
      事项名称: '对食品经营者未按规定查验进货的行政处罚',
      子项: '',
    };
    const { buffer: fixed } = await fill([first, second]);
    const imported = await platform.app.inject({
      method: 'POST',
      url: `/api/powers/change-sets/${set.id}/import`,
      headers: { ...liaison, ...xlsxUpload(fixed).headers },
      payload: xlsxUpload(fixed).payload,
    });
    if (imported.statusCode !== 200) console.log(await readSheetRows(imported.rawPayload));
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ added: 2 });
    expect((await act(liaison, set.id, 'submit')).status).toBe(200);
    expect((await act(justice, set.id, 'approve')).status).toBe(200);
    const exported = await call(
      liaison,
      'GET',
      `/api/powers/items/export.xlsx?organizationId=${market.id}&listKind=power&date=2026-11-10&q=查验`,
    );
    expect(exported.status).toBe(200);
    const exportedRows = await readSheetRows(exported.raw.rawPayload);
    const exportHeaders = exportedRows[0] ?? [];
    const column = (name: string) => exportHeaders.indexOf(name);
    const sent: Record<string, string>[] = [first, second];
    const back = exportedRows.slice(1);
    expect(back.map((line) => line[column('事项编码')])).toEqual(['IM-001', 'IM-002']);
    for (const [index, line] of back.entries()) {
      for (const header of [
        '事项编码',
        '事项名称',
        '职权类型',
        '法律依据',
        '实施主体',
        '责任事项',
        '追责情形',
        '法定办结时限',
        '子项',
      ]) {
        expect(line[column(header)] ?? '', header).toBe(sent[index]?.[header] ?? '');
      }
    }
  });
});
