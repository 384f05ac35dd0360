import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import dayjs from 'dayjs';
import { signIn } from '../fixtures/console';

const shotDirectory = process.env.SCREENSHOT_DIR ?? '/tmp/shots';
async function capture(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  // a dropdown just chosen from is still fading out
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  mkdirSync(shotDirectory, { recursive: true });
  await page.screenshot({ path: `${shotDirectory}/spotcheck-plan-${name}.png`, fullPage: true });
}

const civil = (day: dayjs.Dayjs) => day.format('YYYY年M月D日');

test('the market bureau head drafts, commits and draws a plan; the officer records an inspection and completes his task with 未发现问题', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const title = `e2e 双随机抽查计划 ${Date.now().toString(36)}`;

  // ── the agency head drafts the plan ──
  await signIn(page, 'agencyhead');
  await page.getByRole('menuitem', { name: '双随机、一公开' }).click();
  await page.getByRole('menuitem', { name: '抽查计划' }).click();
  await expect(page.getByRole('heading', { name: '抽查计划', level: 3 })).toBeVisible();
  // the demo city's plans (the lead seeds them)
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toBeVisible();
  await capture(page, 'list');

  await page.getByRole('button', { name: '制定抽查计划' }).click();
  await expect(page.getByRole('heading', { name: '制定抽查计划', level: 3 })).toBeVisible();
  await page.getByLabel('计划名称').fill(title);
  // the lead department is the head's own (市场监督管理局); its items listed as checkboxes
  await expect(page.getByText('（牵头部门）')).toBeVisible();
  await expect(page.locator('.ant-card-head-title', { hasText: '市场监督管理局' })).toBeVisible();
  await page.locator('.ant-checkbox-wrapper').first().click();
  // the triggered kinds say they skip frequency control
  await page.getByText('风险预警引发').click();
  await expect(page.getByText('投诉举报、风险预警引发的抽查不受抽查频次限制')).toBeVisible();
  await page.getByText('日常随机抽查').click();
  // one district's restaurants: few enough for the market bureau's inspectors to staff at these ratios
  await page.getByLabel('行政区划代码').pressSequentially('410302,');
  await page.getByLabel('行业').pressSequentially('餐饮业,');
  for (const [grade, ratio] of [
    ['A', '20'],
    ['B', '30'],
    ['C', '50'],
    ['D', '80'],
  ] as const) {
    await page.getByLabel(`${grade} 类抽查比例`).fill(ratio);
  }
  const today = dayjs();
  await page.getByPlaceholder('开始日期').click();
  await page.getByPlaceholder('开始日期').fill(civil(today));
  await page.getByPlaceholder('结束日期').fill(civil(today.add(30, 'day')));
  // Tab, not Enter: Enter would also submit the form
  await page.getByPlaceholder('结束日期').press('Tab');
  await page.getByRole('heading', { name: '制定抽查计划', level: 3 }).click();
  await capture(page, 'form');
  await page.getByRole('button', { name: '保存计划' }).click();

  // ── its page: commit, then draw ──
  await expect(page.getByRole('heading', { name: title, level: 3 })).toBeVisible();
  await expect(page.getByTestId('plan-state')).toHaveText('草拟中');
  await page.getByRole('button', { name: '冻结名录并公布承诺值' }).click();
  const commitModal = page.locator('.ant-modal-content').filter({ hasText: '冻结名录并公布承诺值' });
  await commitModal.getByRole('button', { name: '公布承诺值' }).click();
  await expect(page.getByText('已公布承诺值', { exact: true }).first()).toBeVisible();
  await expect(commitModal).toBeHidden();
  await expect(page.getByTestId('plan-state')).toHaveText('已公布承诺值');
  await expect(page.getByTestId('plan-commitment')).toContainText(/[0-9a-f]{64}/);
  await capture(page, 'committed');

  await page.getByRole('button', { name: '揭示种子并抽取' }).click();
  const drawModal = page.locator('.ant-modal-content').filter({ hasText: '揭示种子并抽取' });
  await drawModal.getByLabel('公开随机源（可不填）').fill('福彩3D 当日开奖号码 5 8 2');
  await capture(page, 'draw-modal');
  await drawModal.getByRole('button', { name: '抽取' }).click();
  await expect(page.getByText('已抽取，检查任务已生成')).toBeVisible();
  await expect(drawModal).toBeHidden();
  await expect(page.getByTestId('plan-state')).toHaveText('已抽取');
  await expect(page.getByTestId('plan-secret')).toContainText(/[0-9a-f]{64}/);
  const planTasks = page.locator('.ant-card').filter({ hasText: /检查任务（\d+ 件）/ });
  await expect(planTasks.locator('.ant-table-row').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '下载抽取记录' }).first()).toBeVisible();
  await capture(page, 'drawn');

  // ── the officer carries out one of his tasks ──
  await page.context().clearCookies();
  await signIn(page, 'officer');
  await page.getByRole('menuitem', { name: '双随机、一公开' }).click();
  await page.getByRole('menuitem', { name: '抽查任务' }).click();
  await expect(page.getByRole('heading', { name: '抽查任务', level: 3 })).toBeVisible();
  await expect(page.getByText('我的任务')).toBeVisible();
  await page.locator('.ant-select', { hasText: '任务状态' }).click();
  await page.locator('.ant-select-item-option', { hasText: '待检查' }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await capture(page, 'my-tasks');
  // a task of the new plan when the draw gave him one, else any of his waiting tasks
  const ofNewPlan = rows.filter({ hasText: title });
  const chosen = (await ofNewPlan.count()) > 0 ? ofNewPlan.first() : rows.first();
  const entityName = await chosen.locator('td').first().getByRole('link').innerText();
  await chosen.locator('td').first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: entityName, level: 3 })).toBeVisible();

  await expect(page.getByTestId('task-state')).toHaveText('待检查');
  await page.getByRole('button', { name: '录入现场检查记录' }).click();
  const inspection = page.locator('.ant-modal-content').filter({ hasText: '录入现场检查记录' });
  const items = inspection.getByTestId('checklist-item');
  for (let index = 0; index < (await items.count()); index += 1) {
    await items.nth(index).getByText('符合', { exact: true }).click();
  }
  await inspection
    .getByLabel('现场检查记录')
    .fill('检查人员两名出示执法证件，对经营场所、证照公示、进货查验记录逐项检查，未发现问题。');
  await capture(page, 'inspection');
  await inspection.getByRole('button', { name: '保存检查记录' }).click();
  await expect(page.getByText('现场检查记录已保存')).toBeVisible();
  await expect(inspection).toBeHidden();
  await expect(page.getByTestId('task-state')).toHaveText('已检查待定结果');

  await page.getByRole('button', { name: '确定检查结果' }).click();
  const complete = page.locator('.ant-modal-content').filter({ hasText: '确定检查结果' });
  await complete.getByLabel('检查结果').click();
  await page.locator('.ant-select-item-option', { hasText: '未发现问题' }).click();
  await capture(page, 'complete');
  await complete.getByRole('button', { name: '确定结果' }).click();
  await expect(page.getByText('检查结果已确定：未发现问题')).toBeVisible();
  await expect(complete).toBeHidden();
  await expect(page.getByTestId('task-state')).toHaveText('已完成');
  await expect(page.getByText('待公示').first()).toBeVisible();
  await capture(page, 'completed');
});
