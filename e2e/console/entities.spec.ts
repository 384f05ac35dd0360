import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { composeCreditCode } from '../../server/core/identity/national-codes';
import { signIn } from '../fixtures/console';

const shotDirectory = process.env.SCREENSHOT_DIR ?? '/tmp/shots';
async function capture(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  mkdirSync(shotDirectory, { recursive: true });
  await page.screenshot({ path: `${shotDirectory}/entities-${name}.png`, fullPage: true });
}

const header = '统一社会信用代码,名称,信用风险分类,住所（经营场所）,行业,所属区划代码,持有许可证';

test('the justice bureau imports the entity directory from CSV: a bad file is refused row by row, a good one goes in whole', async ({
  page,
}) => {
  const tag = String(Date.now()).slice(-5);
  const code = (n: number) => composeCreditCode('91', '410300', `MC${tag}${n}`);
  const folder = mkdtempSync(join(tmpdir(), 'fazhi-entities-e2e-'));
  const bad = join(folder, '名录（有误）.csv');
  writeFileSync(
    bad,
    `${header}\n${code(1)},示范市名录测试甲有限公司,B,,,,\n91410300MA4EN0110X,示范市名录测试乙有限公司,B,,,,\n`,
  );
  const good = join(folder, '名录.csv');
  writeFileSync(
    good,
    `${header}\n${code(1)},示范市名录测试甲有限公司,B,示范市洛龙区开元大道 1 号,餐饮业,410311,食品经营许可证\n${code(2)},示范市名录测试乙有限公司,D,示范市西工区中州路 2 号,零售业,410303,\n`,
  );

  await signIn(page, 'justice');
  await page.getByRole('menuitem', { name: '双随机、一公开' }).click();
  await page.getByRole('menuitem', { name: '检查对象名录库' }).click();
  await expect(page.getByRole('heading', { name: '检查对象名录库', level: 3 })).toBeVisible();

  await page.getByRole('button', { name: '导入名录' }).click();
  const modal = page.locator('.ant-modal-content').filter({ hasText: '导入检查对象名录' });
  await modal.locator('input[type=file]').setInputFiles(bad);
  const outcome = modal.getByTestId('import-outcome');
  await expect(outcome).toContainText('有问题，未导入');
  await expect(outcome).toContainText('文件有 1 处问题，未导入任何数据');
  await expect(outcome.locator('.ant-table-row').first()).toContainText('统一社会信用代码校验位不正确');
  await capture(page, 'import-refused');

  await modal.locator('input[type=file]').setInputFiles(good);
  await expect(outcome).toContainText('已完成：共 2 行');
  await expect(outcome).toContainText('新增2');
  await capture(page, 'import-done');
  await page.keyboard.press('Escape');

  await page.getByPlaceholder('按名称、统一社会信用代码或住所搜索').fill('名录测试');
  await page.getByRole('button', { name: '搜索' }).first().click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.filter({ hasText: '示范市名录测试甲有限公司' })).toContainText('食品经营许可证');
  await expect(rows.filter({ hasText: '示范市名录测试乙有限公司' })).toContainText('D 类');
  await capture(page, 'list');
});
