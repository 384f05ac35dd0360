import { expect, test } from '@playwright/test';

test('the portal home page shows the platform, the city and the signed tree head of the audit log', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '法治政府建设平台', level: 1 })).toBeVisible();
  await expect(page.getByText('示范市 · 法治政府建设平台')).toBeVisible();
  await expect(page.getByText('最新已签名树头')).toBeVisible();
  await expect(page.getByTestId('tree-head-root')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByText('建设中')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '工作人员登录' })).toHaveAttribute('href', '/admin/sign-in');
  await expect(page.getByRole('link', { name: '查看接口文档' })).toHaveAttribute('href', '/api/docs');
});

test('the portal links to the console sign-in', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '登录工作台' }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
});
