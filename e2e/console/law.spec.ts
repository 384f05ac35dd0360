import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/console';
import { importLawText } from '../fixtures/law';

/** A regulation made up for this test (real statute texts stay out of the repo). */
const lawTitle = '示范市城市书香巷道管理办法';
const lawText = [
  lawTitle,
  '2026年2月10日 示范市人民政府第九次常务会议通过',
  '效力层级：地方政府规章',
  '第一条 为了加强书香巷道的管理，制定本办法。',
  '第二条 书香巷道内不得设置露天烧烤摊点。',
  '违反前款规定的，由城市管理部门责令改正，可以处五百元以下罚款。',
  '第三条 本办法自2026年3月1日起施行。',
].join('\n');

test('the justice bureau uploads a law file, sees the import reach 完成 and finds the law', async ({
  page,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'fazhi-law-e2e-'));
  const file = join(folder, '书香巷道管理办法.txt');
  writeFileSync(file, lawText);

  await signIn(page, 'justice');
  await page.getByRole('menuitem', { name: '法规库' }).click();
  await page.getByRole('tab', { name: '导入' }).click();
  await page.getByTestId('law-upload').locator('input[type=file]').setInputFiles(file);
  await expect(page.getByText('书香巷道管理办法.txt')).toBeVisible();
  await page.getByRole('button', { name: /开始导入/ }).click();

  const progress = page.getByTestId('law-import-progress');
  await expect(progress.getByText('完成', { exact: true })).toBeVisible();
  await expect(progress).toContainText('新增或更新 1 个版本（3 条条文）');

  await page.getByRole('tab', { name: '法规列表' }).click();
  await page.getByPlaceholder('按法规名称搜索').fill('书香巷道');
  await page.getByRole('button', { name: '搜索' }).click();
  const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: lawTitle });
  await expect(row).toContainText('地方政府规章');
  await expect(row).toContainText('2026年2月10日');
  await expect(row).toContainText('现行有效');

  await row.getByRole('link', { name: lawTitle }).click();
  await expect(page).toHaveURL(/\/admin\/law\/[0-9a-f-]{36}$/);
  await expect(page.locator('#article-2')).toContainText('书香巷道内不得设置露天烧烤摊点。');
});

test('a clerk resolves a citation in the tool: the article of the version in force, and a problem in red', async ({
  page,
  request,
}) => {
  await importLawText(request, '书香巷道管理办法.txt', lawText);
  await signIn(page, 'justice');
  await page.goto('/admin/law?tab=cite');
  await page.getByLabel('引用文本').fill(`依据《${lawTitle}》第二条第二款，参照《${lawTitle}》第九条`);
  await page.getByRole('button', { name: '解析引用' }).click();

  const results = page.getByTestId('citation-result');
  await expect(results).toHaveCount(2);
  await expect(results.nth(0)).toContainText('已解析');
  await expect(results.nth(0)).toContainText(`《${lawTitle}》第二条第二款`);
  await expect(results.nth(0)).toContainText(
    '违反前款规定的，由城市管理部门责令改正，可以处五百元以下罚款。',
  );
  await expect(results.nth(1).locator('.ant-typography-danger')).toBeVisible();
  await expect(results.nth(1)).toContainText('第九条');

  await results.nth(0).getByRole('link').click();
  await expect(page).toHaveURL(/\/admin\/law\/[0-9a-f-]{36}\?article=2$/);
  await expect(page.getByTestId('highlighted-article')).toContainText('书香巷道内不得设置露天烧烤摊点。');
});

test('every signed-in role reads the library, but only the justice bureau and the system administrator import', async ({
  page,
}) => {
  await signIn(page, 'liaison');
  await page.getByRole('menuitem', { name: '法规库' }).click();
  await expect(page.getByRole('heading', { name: '法规库', level: 3 })).toBeVisible();
  await expect(page.getByRole('tab', { name: '全文检索' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '导入' })).toHaveCount(0);
  // asking for the tab by address shows the list instead, and the server refuses the upload anyway
  await page.goto('/admin/law?tab=import');
  await expect(page.getByRole('tab', { name: '法规列表', selected: true })).toBeVisible();
  const refused = await page.request.post('/api/law/imports', {
    multipart: {
      files: { name: '书香巷道管理办法.txt', mimeType: 'text/plain', buffer: Buffer.from(lawText) },
    },
  });
  expect(refused.status()).toBe(403);
});
