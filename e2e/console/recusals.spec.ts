import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { EntityView } from '../../contracts/spotchecks';
import { signIn } from '../fixtures/console';

const shotDirectory = process.env.SCREENSHOT_DIR ?? '/tmp/shots';
async function capture(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  // a dropdown just chosen from is still fading out
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  mkdirSync(shotDirectory, { recursive: true });
  await page.screenshot({ path: `${shotDirectory}/recusals-${name}.png`, fullPage: true });
}

test('the justice bureau opens the inspector pool, records a recusal for an officer against a listed entity, and ends it with a reason', async ({
  page,
}) => {
  await signIn(page, 'justice');
  await page.getByRole('menuitem', { name: '双随机、一公开' }).click();
  await page.getByRole('menuitem', { name: '检查人员名录库' }).click();
  await expect(page.getByRole('heading', { name: '检查人员名录库', level: 3 })).toBeVisible();

  // the pool: certified officers with their organization, certificate and counts
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByText(/共 \d+ 人/)).toBeVisible();
  const firstCells = rows.first().locator('td');
  const name = (await firstCells.nth(0).innerText()).trim();
  const certificateNumber = (await firstCells.nth(2).innerText()).trim();
  expect(certificateNumber).toMatch(/\S{4,}/);
  await capture(page, 'pool');

  // an entity of the directory (asked through the API with the same session)
  const entities = await page.request.get('/api/spotchecks/entities?page=3&pageSize=1');
  expect(entities.ok()).toBe(true);
  const [entity] = ((await entities.json()) as { items: EntityView[] }).items;
  if (!entity) throw new Error('the demo directory is empty');

  await page.getByRole('menuitem', { name: '回避管理' }).click();
  await expect(page.getByRole('heading', { name: '回避管理', level: 3 })).toBeVisible();
  await page.getByRole('button', { name: '登记回避' }).click();
  const drawer = page.locator('.ant-drawer-content').filter({ hasText: '登记回避' });
  await drawer.getByLabel('检查人员').fill(certificateNumber);
  await page.locator('.ant-select-item-option', { hasText: certificateNumber }).click();
  await drawer.getByLabel('检查对象统一社会信用代码').fill(entity.creditCode.toLowerCase());
  await expect(drawer.getByTestId('recusal-entity-name')).toHaveText(`检查对象：${entity.name}`);
  await drawer.getByLabel('回避情形').click();
  await page.locator('.ant-select-item-option', { hasText: '曾在该单位任职' }).click();
  await drawer.getByLabel('说明').fill('2019—2022 年在该单位任质量主管');
  await capture(page, 'form');
  await drawer.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByText(`已登记：${name}对${entity.name}回避`)).toBeVisible();

  const recusal = rows.filter({ hasText: entity.creditCode });
  await expect(recusal).toContainText(name);
  await expect(recusal).toContainText(entity.name);
  await expect(recusal).toContainText('曾在该单位任职');
  await expect(recusal).toContainText('回避中');

  // the pool counts it, and its link opens that officer's recusals
  await page.getByRole('menuitem', { name: '检查人员名录库' }).click();
  await page.getByPlaceholder('按姓名或执法证号搜索').fill(certificateNumber);
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('1 条');
  await rows.first().getByRole('link', { name: '1 条' }).click();
  await expect(page.getByRole('heading', { name: '回避管理', level: 3 })).toBeVisible();
  await expect(rows).toHaveCount(1);
  await capture(page, 'list');

  // ending asks for the reason; the record stays, listed with the reason
  await recusal.getByRole('button', { name: '解除' }).click();
  const modal = page.locator('.ant-modal-content').filter({ hasText: '解除回避' });
  await modal.getByRole('button', { name: '解除', exact: true }).click();
  await expect(modal.getByText('请填写解除回避的原因')).toBeVisible();
  await modal.getByLabel('解除原因').fill('已离开该单位满五年，利害关系消除');
  await capture(page, 'end');
  await modal.getByRole('button', { name: '解除', exact: true }).click();
  await expect(page.getByText('已解除回避')).toBeVisible();
  await expect(page.getByText('没有未解除的回避记录。')).toBeVisible();

  await page.getByText('只看未解除的').click();
  await page.locator('.ant-select-item-option', { hasText: '全部（含已解除）' }).click();
  await expect(recusal).toContainText('已解除');
  await expect(recusal).toContainText('已离开该单位满五年，利害关系消除');
  await capture(page, 'ended');
});
