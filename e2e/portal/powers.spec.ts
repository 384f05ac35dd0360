import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demoPassword } from '../fixtures/console';
import { importLawText } from '../fixtures/law';

/** The statute texts live outside the repository (never copied into it). */
const lawsFolder = join(process.cwd(), '..', 'shared', 'data', 'laws');
const lawFile = join('行政法', '大气污染防治法(2018-10-26).md');
const hasLaws = existsSync(join(lawsFolder, lawFile));
if (!hasLaws && process.env.CI === 'true') {
  throw new Error(`the law texts are missing at ${lawsFolder}; the portal powers journey needs them in CI`);
}

async function capture(page: Page, name: string) {
  const directory = process.env.SCREENSHOT_DIR;
  if (!directory) return;
  await page.waitForLoadState('networkidle');
  mkdirSync(directory, { recursive: true });
  await page.screenshot({ path: join(directory, `powers-${name}.png`), fullPage: true });
}

async function signedIn(request: APIRequestContext, username: string) {
  const response = await request.post('/api/auth/sign-in', { data: { username, password: demoPassword } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { me: { activeOrganization: { id: string } | null } }).me;
}

/** A liaison's change set with one item citing 第九十九条, approved by the justice bureau: the item is in force today. */
async function publishItem(
  liaison: APIRequestContext,
  justice: APIRequestContext,
  code: string,
  name: string,
) {
  const me = await signedIn(liaison, 'liaison');
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const changeSet = (await (
    await liaison.post('/api/powers/change-sets', {
      data: {
        organizationId: me.activeOrganization?.id,
        listKind: 'power',
        title: `公布${name}`,
        reason: '补充大气污染防治方面的处罚事项。',
        effectiveOn: today,
      },
    })
  ).json()) as { id: string };
  const added = await liaison.post(`/api/powers/change-sets/${changeSet.id}/changes`, {
    data: {
      changeType: 'add',
      content: {
        code,
        name,
        kind: 'penalty',
        legalBasisText: '《中华人民共和国大气污染防治法》第九十九条',
        details: {
          implementingBody: '示范市生态环境局',
          duties: '立案、调查、审查、告知、决定、送达、执行',
          accountability: '不履行或者不正确履行职责的，依法追究责任。',
        },
      },
    },
  });
  expect(added.ok(), await added.text()).toBe(true);
  const submitted = await liaison.post(`/api/powers/change-sets/${changeSet.id}/actions`, {
    data: { action: 'submit' },
  });
  expect(submitted.ok(), await submitted.text()).toBe(true);
  const approved = await justice.post(`/api/powers/change-sets/${changeSet.id}/actions`, {
    data: { action: 'approve' },
  });
  expect(approved.ok(), await approved.text()).toBe(true);
}

test('a visitor browses to a department’s list, searches it, opens an item and follows its legal basis to the article', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.skip(!hasLaws, `the law texts are not at ${lawsFolder}`);
  const code = `E2E-DQ-${Date.now().toString(36).toUpperCase()}`;
  const name = `对超过大气污染物排放标准排放的行政处罚（${code}）`;
  const justice = await playwright.request.newContext({ baseURL });
  const liaison = await playwright.request.newContext({ baseURL });
  // the library may already hold it (loaded at first start); importing again changes nothing
  await importLawText(justice, lawFile, readFileSync(join(lawsFolder, lawFile), 'utf8'));
  await signedIn(justice, 'justice');
  await publishItem(liaison, justice, code, name);
  await justice.dispose();
  await liaison.dispose();

  await page.goto('/');
  await page.getByRole('link', { name: '权责清单' }).click();
  await expect(page.getByRole('heading', { name: '权责清单公开' })).toBeVisible();
  await capture(page, 'portal-organizations');
  await page.getByPlaceholder('按单位名称筛选').fill('生态环境局');
  await page.getByRole('link', { name: '示范市生态环境局' }).click();
  await expect(page.getByRole('heading', { name: '示范市生态环境局' })).toBeVisible();

  await page.getByPlaceholder('按名称、编码或法律依据搜索').fill(code);
  await page.getByRole('button', { name: '搜索' }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await capture(page, 'portal-organization');
  await rows.first().getByRole('link', { name }).click();

  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText('立案、调查、审查、告知、决定、送达、执行')).toBeVisible();
  const basis = page.getByTestId('citation-link').first();
  await expect(basis).toHaveText('《中华人民共和国大气污染防治法》第九十九条');
  await capture(page, 'portal-item');
  await basis.click();
  await expect(page).toHaveURL(/\/laws\/[^/?]+\?article=99$/);
  await expect(page.getByText('第九十九条').first()).toBeVisible();
  await capture(page, 'portal-law-article');
});

test('a portal-wide search that finds nothing says so and offers browsing by organization', async ({
  page,
}) => {
  await page.goto('/powers');
  await page.getByPlaceholder('输入事项名称、编码或法律名称，在全部清单中搜索').fill('不存在的事项名称');
  await page.getByRole('button', { name: '搜索事项' }).click();
  await expect(page).toHaveURL(/\/powers\/search\?q=/);
  await expect(page.getByText('没有找到含“不存在的事项名称”的事项，请换个关键词或按单位浏览')).toBeVisible();
  await expect(page.getByRole('link', { name: '按单位浏览' })).toBeVisible();
  await capture(page, 'portal-search-empty');
});
