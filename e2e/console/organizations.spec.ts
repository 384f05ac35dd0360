import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/console';

test('a user searches organizations by name', async ({ page }) => {
  await signIn(page, 'justice');
  await page.goto('/admin/organizations');
  await page.getByPlaceholder('按名称、简称或信用代码搜索').fill('生态环境');
  await page.getByRole('button', { name: '搜索' }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toContainText('生态环境');
  for (const text of await rows.allInnerTexts()) expect(text).toContain('生态环境');
});

test('the system administrator creates an organization in a drawer and finds it', async ({ page }) => {
  await signIn(page, 'sysadmin', { isAdministrator: true });
  await page.getByRole('menuitem', { name: '组织机构' }).click();
  await page.getByRole('button', { name: '新建组织机构' }).click();
  const drawer = page.locator('.ant-drawer-content');
  await expect(drawer.getByText('新建组织机构')).toBeVisible();
  await drawer.getByLabel('上级组织').click();
  await page.locator('.ant-select-tree-title', { hasText: /^示范市人民政府$/ }).click();
  await drawer.getByLabel('名称').fill('示范市数据局');
  await drawer.getByLabel('简称').fill('市数据局');
  await drawer.getByLabel('行政区划代码').fill('410300');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存：示范市数据局')).toBeVisible();

  await page.getByPlaceholder('按名称、简称或信用代码搜索').fill('数据局');
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page.locator('.ant-table-tbody')).toContainText('示范市数据局');
});

test('a malformed field is refused and named in the form', async ({ page }) => {
  await signIn(page, 'sysadmin', { isAdministrator: true });
  await page.goto('/admin/organizations');
  await page.getByRole('button', { name: '新建组织机构' }).click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.getByLabel('名称').fill('示范市测试机构');
  await drawer.getByLabel('行政区划代码').fill('41');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer.getByText('行政区划代码应为 6 位或 9 位数字')).toBeVisible();
});
