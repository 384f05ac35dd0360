import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demoPassword, signIn } from '../fixtures/console';

/** Set SCREENSHOT_DIR to keep a picture of each page of the journey. */
async function capture(page: Page, name: string) {
  const directory = process.env.SCREENSHOT_DIR;
  if (!directory) return;
  await page.waitForLoadState('networkidle');
  mkdirSync(directory, { recursive: true });
  await page.screenshot({ path: join(directory, `powers-${name}.png`), fullPage: true });
}

test('a liaison proposes a new power item, the justice bureau approves it, and it is on the list from today', async ({
  page,
}) => {
  const code = `E2E-CF-${Date.now().toString(36).toUpperCase()}`;
  const name = `对未依法公开环境信息的行政处罚（${code}）`;
  const title = `新增环境信息公开处罚事项 ${code}`;

  await signIn(page, 'liaison');
  await page.getByRole('menuitem', { name: '权责清单' }).click();
  const changeSetsItem = page.getByRole('menuitem', { name: '动态调整' });
  await expect(changeSetsItem).toBeVisible();
  await changeSetsItem.click();
  await expect(page).toHaveURL(/\/admin\/powers\/change-sets$/);
  await expect(page.getByRole('heading', { name: '动态调整', level: 3 })).toBeVisible();
  await capture(page, 'change-sets');

  await page.getByRole('button', { name: '新建调整' }).click();
  const createDrawer = page.locator('.ant-drawer-content').filter({ hasText: '新建调整' });
  // the liaison's own department is preselected, the power list and today's date are the defaults
  await expect(createDrawer.getByText('示范市生态环境局')).toBeVisible();
  await createDrawer.getByLabel('调整事由标题').fill(title);
  await createDrawer
    .getByLabel('调整理由')
    .fill('依据《中华人民共和国环境保护法》补充环境信息公开方面的处罚事项。');
  await createDrawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('草拟中')).toBeVisible();

  // the draft's title can still be corrected
  await page.getByRole('button', { name: '修改方案信息' }).click();
  const headerDrawer = page.locator('.ant-drawer-content').filter({ hasText: '修改方案信息' });
  await headerDrawer.getByLabel('调整事由标题').fill(`${title}（修订）`);
  await headerDrawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: `${title}（修订）` })).toBeVisible();

  await page.getByRole('button', { name: '新增事项' }).click();
  const itemDrawer = page.locator('.ant-drawer-content').filter({ hasText: '新增事项' });
  await itemDrawer.getByLabel('事项编码').fill(code);
  await itemDrawer.getByLabel('事项名称').fill(name);
  await itemDrawer.getByLabel('职权类型').click();
  await page.locator('.ant-select-item-option', { hasText: '行政处罚' }).click();
  await itemDrawer.getByLabel('法律依据').fill('《中华人民共和国环境保护法》第六十二条');
  await itemDrawer.getByLabel('实施主体').fill('示范市生态环境局');
  await itemDrawer.getByLabel('责任事项').fill('1. 立案责任\n2. 调查责任\n3. 决定责任');
  await itemDrawer.getByLabel('追责情形').fill('不履行或者不正确履行职责的，依法追究责任。');
  await capture(page, 'change-add-form');
  await itemDrawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已加入调整单')).toBeVisible();
  const changes = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(changes).toHaveCount(1);
  await expect(changes.first()).toContainText(code);
  await expect(changes.first()).toContainText('新增');

  await page.getByRole('button', { name: '提交审核' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('待审核')).toBeVisible();
  const changeSetUrl = page.url();
  // once submitted, the liaison can no longer edit it
  await expect(page.getByRole('button', { name: '新增事项' })).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, 'justice');
  // the workbench lists it among the adjustments waiting for review
  await expect(page.getByRole('link', { name: `${title}（修订）` })).toBeVisible();
  await page.goto(changeSetUrl);
  await expect(page.getByRole('heading', { name: `${title}（修订）` })).toBeVisible();
  await capture(page, 'change-set-submitted');

  // returning needs a reason: the form says so before anything is sent
  await page.getByRole('button', { name: /退回/ }).click();
  const modal = page.locator('.ant-modal-content');
  await modal.getByRole('button', { name: /退回/ }).click();
  await expect(modal.getByText('退回时必须填写意见')).toBeVisible();
  await modal.getByRole('button', { name: '取消' }).click();
  await expect(page.getByText('待审核')).toBeVisible();

  await page.getByRole('button', { name: /审核通过|批准/ }).click();
  await modal.getByLabel('意见').fill('同意。');
  await modal.getByRole('button', { name: /审核通过|批准/ }).click();
  await expect(page.getByText('已批准')).toBeVisible();
  await expect(
    page
      .getByText('第 1 版')
      .or(page.getByText(/第 \d+ 版/))
      .first(),
  ).toBeVisible();

  await page.getByRole('menuitem', { name: '清单查询' }).click();
  await expect(page.getByRole('heading', { name: '清单查询', level: 3 })).toBeVisible();
  await page.getByPlaceholder('按名称、编码或法律依据搜索').fill(code);
  await page.getByRole('button', { name: '搜索' }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(name);
  await expect(rows.first()).toContainText('有效');
  await capture(page, 'items');

  await rows.first().getByRole('button', { name }).click();
  const itemView = page.locator('.ant-drawer-content');
  await expect(itemView.getByText('版本历史')).toBeVisible();
  await expect(itemView.getByText('不履行或者不正确履行职责的，依法追究责任。')).toBeVisible();
  await capture(page, 'item-drawer');
});

test('a change set the liaison did not submit cannot be approved: the justice bureau sees no approve button', async ({
  page,
}) => {
  const title = `未提交的调整 ${Date.now().toString(36)}`;
  await signIn(page, 'liaison');
  await page.goto('/admin/powers/change-sets');
  await page.getByRole('button', { name: '新建调整' }).click();
  const drawer = page.locator('.ant-drawer-content').filter({ hasText: '新建调整' });
  await drawer.getByLabel('调整事由标题').fill(title);
  await drawer.getByLabel('调整理由').fill('测试未提交的调整单。');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const url = page.url();

  await page.context().clearCookies();
  await signIn(page, 'justice');
  await page.goto(url);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('草拟中', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /审核通过|批准/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '新增事项' })).toHaveCount(0);
});

test('approving a change set someone else has just approved is refused, and the page says why', async ({
  page,
  playwright,
  baseURL,
}) => {
  const title = `重复审核的调整 ${Date.now().toString(36)}`;
  const liaison = await playwright.request.newContext({ baseURL });
  const signedIn = await liaison.post('/api/auth/sign-in', {
    data: { username: 'liaison', password: demoPassword },
  });
  const { me } = (await signedIn.json()) as { me: { activeOrganization: { id: string } } };
  const created = await liaison.post('/api/powers/change-sets', {
    data: {
      organizationId: me.activeOrganization.id,
      listKind: 'power',
      title,
      reason: '测试并发审核。',
      effectiveOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }),
    },
  });
  const changeSet = (await created.json()) as { id: string };
  await liaison.post(`/api/powers/change-sets/${changeSet.id}/changes`, {
    data: {
      changeType: 'add',
      content: {
        code: `E2E-409-${Date.now().toString(36)}`,
        name: '并发审核测试事项',
        kind: 'inspection',
        legalBasisText: '《中华人民共和国环境保护法》第二十四条',
        details: { implementingBody: '示范市生态环境局', duties: '现场检查', accountability: '依法追责' },
      },
    },
  });
  expect(
    (
      await liaison.post(`/api/powers/change-sets/${changeSet.id}/actions`, { data: { action: 'submit' } })
    ).ok(),
  ).toBe(true);

  await signIn(page, 'justice');
  await page.goto(`/admin/powers/change-sets/${changeSet.id}`);
  await expect(page.getByText('待审核', { exact: true })).toBeVisible();

  // meanwhile a colleague approves it
  const colleague = await playwright.request.newContext({ baseURL });
  await colleague.post('/api/auth/sign-in', { data: { username: 'justice', password: demoPassword } });
  expect(
    (
      await colleague.post(`/api/powers/change-sets/${changeSet.id}/actions`, { data: { action: 'approve' } })
    ).ok(),
  ).toBe(true);
  await colleague.dispose();
  await liaison.dispose();

  await page.getByRole('button', { name: /审核通过|批准/ }).click();
  const modal = page.locator('.ant-modal-content');
  await modal.getByRole('button', { name: /审核通过|批准/ }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert')).not.toHaveText('');
  await page.reload();
  await expect(page.getByText('已批准', { exact: true })).toBeVisible();
});
