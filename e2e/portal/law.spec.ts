import { expect, test } from '@playwright/test';
import { importLawText } from '../fixtures/law';

/**
 * A law made up for this test (never a real statute's text, which stays out of the repo), with
 * words no real law uses, so the search finds it whether or not the collection is loaded.
 */
const lawTitle = '示范市古桂花树保护条例';
const lawText = [
  lawTitle,
  '2026年3月1日 示范市第十六届人民代表大会常务委员会第二十次会议通过',
  '效力层级：地方性法规',
  '第一章 总则',
  '第一条 为了保护本市的古桂花树，传承城市记忆，制定本条例。',
  '第二条 本条例所称古桂花树，是指树龄在一百年以上的桂花树。',
  '第二章 保护措施',
  '第三条 任何单位和个人不得砍伐、移植古桂花树。',
  '违反前款规定的，由园林绿化主管部门责令停止违法行为，并按照下列规定处以罚款：',
  '（一）砍伐一株的，处一万元罚款；',
  '（二）砍伐两株以上的，处五万元罚款。',
  '第四条 本条例自2026年5月1日起施行。',
].join('\n');

test('a visitor searches the law library for a word, opens a hit and lands on the article, highlighted', async ({
  page,
  request,
}) => {
  await importLawText(request, '古桂花树保护条例.txt', lawText);

  await page.goto('/');
  await page.getByRole('link', { name: '法规查询' }).click();
  await expect(page.getByRole('heading', { name: '法规查询', level: 2 })).toBeVisible();
  await page.getByPlaceholder('输入法规名称或条文中的词语').fill('砍伐 古桂花树');
  await page.getByRole('button', { name: '检索' }).click();

  const hit = page.getByTestId('law-search-hit').filter({ hasText: lawTitle }).first();
  await expect(hit).toContainText('第三条');
  await expect(hit.locator('mark').filter({ hasText: '砍伐' }).first()).toBeVisible();

  await hit.getByRole('link', { name: `${lawTitle} 第三条` }).click();
  await expect(page).toHaveURL(/\/laws\/[0-9a-f-]{36}\?article=3$/);
  await expect(page.getByRole('heading', { name: lawTitle, level: 3 })).toBeVisible();
  const article = page.getByTestId('highlighted-article');
  await expect(article).toContainText('第三条');
  await expect(article).toContainText('任何单位和个人不得砍伐、移植古桂花树。');
  // the 项 are laid out under their 款
  await expect(article).toContainText('（二）砍伐两株以上的，处五万元罚款。');
  await expect(article).toBeInViewport();
  // the 编/章/节 tree leads to the chapters
  await expect(page.locator('.ant-tree').getByText('第二章 保护措施')).toBeVisible();
});

test('a wrong law address says so in Chinese and leads back to the search', async ({ page }) => {
  await page.goto('/laws/00000000-0000-4000-8000-000000000000');
  await expect(page.getByText('没有找到这部法规')).toBeVisible();
  await page.getByRole('button', { name: '去法规查询' }).click();
  await expect(page).toHaveURL(/\/laws$/);
});
