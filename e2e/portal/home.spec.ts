import { expect, test } from '@playwright/test';

test('the portal home page opens in Chinese', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '法治政府建设平台' })).toBeVisible();
});
