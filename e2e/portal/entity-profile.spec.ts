import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { PublicDecisionPage } from '../../contracts/publicity';

/** Screenshots for review when SCREENSHOT_DIR is set. */
async function capture(page: Page, name: string) {
  const directory = process.env.SCREENSHOT_DIR;
  if (!directory) return;
  await page.waitForLoadState('networkidle');
  mkdirSync(directory, { recursive: true });
  await page.screenshot({ path: join(directory, `entity-profile-${name}.png`), fullPage: true });
}

test('a citizen looks up an enterprise of the demo city and sees its published penalty, and no risk grade', async ({
  page,
  request,
}) => {
  // An enterprise of the demo city with a penalty decision public today.
  const decisions = (await (
    await request.get('/api/public/enforcement/decisions?pageSize=100')
  ).json()) as PublicDecisionPage;
  const decision = decisions.items.find(
    (item) =>
      item.content['统一社会信用代码'] && item.content['当事人名称'] && item.content['行政处罚决定书文号'],
  );
  expect(decision, 'the demo city has a published penalty against an enterprise').toBeDefined();
  const name = decision!.content['当事人名称']!;
  const creditCode = decision!.content['统一社会信用代码']!;
  const decisionNumber = decision!.content['行政处罚决定书文号']!;

  await page.goto('/');
  await page.getByRole('link', { name: '企业信息查询' }).first().click();
  await expect(page.getByRole('heading', { name: '企业信息查询' })).toBeVisible();
  await page.getByPlaceholder(/输入企业名称/).fill(name);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByText(`统一社会信用代码 ${creditCode}`)).toBeVisible();
  await capture(page, 'search');

  // names repeat in the directory; the code tells them apart
  await page.getByRole('listitem').filter({ hasText: creditCode }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(page.getByText(creditCode, { exact: true })).toBeVisible();
  await expect(page.getByText('行政处罚信息')).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(escapeRegExp(decisionNumber)) })).toBeVisible();
  // The credit-risk grade is for the departments only: neither the page nor its data carries it.
  await expect(page.locator('body')).not.toContainText(/风险|[ABCD] 类/);
  const profile = await (await request.get(`/api/public/entities/${creditCode}`)).text();
  expect(profile).not.toMatch(/riskGrade|风险/);
  await capture(page, 'profile');

  // The decision opens as 执法决定公示 shows it.
  await page
    .getByRole('link', { name: new RegExp(escapeRegExp(decisionNumber)) })
    .first()
    .click();
  await expect(page.getByText(decisionNumber).first()).toBeVisible();
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
