import { expect, test } from '@playwright/test';
import { demoPassword, signIn } from '../fixtures/console';

test('a clean start serves the console: a demo user signs in and sees the workbench and the demo city', async ({
  page,
}) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await signIn(page, 'justice');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page.getByText('已逾期').first()).toBeVisible();
  await expect(page.getByText('即将到期').first()).toBeVisible();

  await page.getByRole('menuitem', { name: '组织机构' }).click();
  await expect(page.getByRole('heading', { name: '组织机构' })).toBeVisible();
  await expect(page.locator('.ant-table').getByText('示范市人民政府').first()).toBeVisible();
  // the city's departments sit under the city government in the tree
  const tree = page.locator('.ant-tree');
  await expect(tree.getByText('示范市市场监督管理局', { exact: true })).toBeVisible();
  await expect(tree.getByText('示范市生态环境局', { exact: true })).toBeVisible();
  await tree.getByText('示范市人民政府', { exact: true }).click();
  await expect(page.locator('.ant-table-tbody')).toContainText('示范市');
  // the menu shows only what the role allows
  await expect(page.getByRole('menuitem', { name: '账号与角色' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: '审计日志' })).toHaveCount(0);
});

test('a wrong password is refused with the server’s Chinese message', async ({ page }) => {
  await page.goto('/admin/sign-in');
  await page.getByLabel('用户名').fill('liaison');
  await page.getByLabel('密码').fill(`${demoPassword}-wrong`);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
  await expect(page).toHaveURL(/\/admin\/sign-in/);
});

test('an administrator is asked for the TOTP code and then sees his own menu', async ({ page }) => {
  await signIn(page, 'auditor', { isAdministrator: true });
  await expect(page.getByRole('menuitem', { name: '审计日志' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '组织机构' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.getByRole('button', { name: '校验日志' }).click();
  await expect(page.getByText('校验通过：日志完整，未发现篡改')).toBeVisible();
});

test('a session that ended brings the user back to sign-in with 会话已超时', async ({ page, context }) => {
  await signIn(page, 'liaison');
  await context.clearCookies();
  await context.addCookies([{ name: 'fazhi_session', value: 'ended-session-token', url: page.url() }]);
  await page.getByRole('menuitem', { name: '工作人员' }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
});
