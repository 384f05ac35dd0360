import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { PublicSpotCheckPlan } from '../../contracts/spotchecks';
import { demoPassword } from '../fixtures/console';

/** Screenshots for review when SCREENSHOT_DIR is set. */
async function capture(page: Page, name: string) {
  const directory = process.env.SCREENSHOT_DIR;
  if (!directory) return;
  await page.waitForLoadState('networkidle');
  mkdirSync(directory, { recursive: true });
  await page.screenshot({ path: join(directory, `spotcheck-draws-${name}.png`), fullPage: true });
}

interface PlanPage {
  items: PublicSpotCheckPlan[];
}

/** A drawn plan on the first page of 双随机公示: a demo one when the demo city has it, else one drawn here. */
async function drawnPlanOnFirstPage(request: APIRequestContext): Promise<PublicSpotCheckPlan> {
  const listed = (await (
    await request.get('/api/public/spotchecks/plans?page=1&pageSize=10')
  ).json()) as PlanPage;
  const seeded = listed.items.find((plan) => plan.hasRecord && plan.taskCount > 0);
  if (seeded) return seeded;
  return drawPlanAsAgencyHead(request);
}

/**
 * The market-supervision bureau's head drafts a plan from the bureau's 随机抽查事项清单, publishes
 * its commitment and draws it, through the console's API; the newest plan heads the portal's list.
 */
async function drawPlanAsAgencyHead(request: APIRequestContext): Promise<PublicSpotCheckPlan> {
  const signIn = await request.post('/api/auth/sign-in', {
    data: { username: 'agencyhead', password: demoPassword },
  });
  expect(signIn.ok(), await signIn.text()).toBeTruthy();
  const me = (await (await request.get('/api/auth/me')).json()) as { activeOrganization: { id: string } };
  const organizationId = me.activeOrganization.id;
  const items = (await (
    await request.get(`/api/powers/items?organizationId=${organizationId}&listKind=spotCheck&pageSize=2`)
  ).json()) as { items: { id: string }[] };
  expect(items.items.length, 'the bureau has a 随机抽查事项清单').toBeGreaterThan(0);
  const created = await request.post('/api/spotchecks/plans', {
    data: {
      title: '食品经营者经营条件双随机抽查',
      organizationIds: [organizationId],
      itemIds: items.items.map((item) => item.id),
      trigger: 'routine',
      strata: [
        { riskGrade: 'A', ratioPercent: 1 },
        { riskGrade: 'B', ratioPercent: 2 },
        { riskGrade: 'C', ratioPercent: 5 },
        { riskGrade: 'D', ratioPercent: 10 },
      ],
      periodStart: '2026-11-02',
      periodEnd: '2026-12-31',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const planId = ((await created.json()) as { plan: { id: string } }).plan.id;
  const committed = await request.post(`/api/spotchecks/plans/${planId}/commit`);
  expect(committed.ok(), await committed.text()).toBeTruthy();
  const drawn = await request.post(`/api/spotchecks/plans/${planId}/draw`, {
    data: { externalEntropy: '中国福利彩票双色球第 2026125 期开奖号码 05 11 16 23 28 32 + 07' },
  });
  expect(drawn.ok(), await drawn.text()).toBeTruthy();
  await request.post('/api/auth/sign-out');
  return (await (await request.get(`/api/public/spotchecks/plans/${planId}`)).json()) as PublicSpotCheckPlan;
}

test('a citizen downloads a draw record from 双随机公示, finds it 一致 on 复核抽取, and a tampered copy 不一致', async ({
  page,
  playwright,
  baseURL,
}) => {
  const apiContext = await playwright.request.newContext({ baseURL });
  const plan = await drawnPlanOnFirstPage(apiContext);
  await apiContext.dispose();
  expect(plan.secret, 'a drawn plan has its secret revealed').toMatch(/^[0-9a-f]{64}$/);

  await page.goto('/');
  await page.getByRole('link', { name: '双随机公示' }).click();
  await expect(page.getByRole('heading', { name: '双随机抽查公示' })).toBeVisible();
  await expect(page.getByText(plan.planNumber)).toBeVisible();
  await capture(page, 'list');

  await page.getByRole('link', { name: plan.title }).first().click();
  await expect(page.getByRole('heading', { name: plan.title })).toBeVisible();
  await expect(page.getByText(plan.commitment!, { exact: true })).toBeVisible();
  await expect(page.getByText(plan.secret!, { exact: true })).toBeVisible();
  await expect(page.getByText('为什么说这次抽取是公平的')).toBeVisible();
  await expect(
    page.getByText(`抽中的检查对象（${plan.taskCount.toLocaleString('zh-CN')} 户）`),
  ).toBeVisible();
  // the credit-risk grade stays with the departments, even though the record file carries it
  await expect(page.locator('body')).not.toContainText(/风险等级|[ABCD] 类/);
  await capture(page, 'plan');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /下载抽取记录/ }).click(),
  ]);
  const directory = join(tmpdir(), `fazhi-e2e-draw-${String(Date.now())}`);
  mkdirSync(directory, { recursive: true });
  const recordPath = join(directory, download.suggestedFilename());
  await download.saveAs(recordPath);
  const record = JSON.parse(readFileSync(recordPath, 'utf8')) as { secret: string; commitment: string };
  expect(record.commitment).toBe(plan.commitment);

  await page
    .getByRole('link', { name: /复核抽取/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: '复核抽取' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(recordPath);
  const verdict = page.getByRole('alert').filter({ hasText: /^一致/ });
  await expect(verdict).toBeVisible();
  await expect(verdict).toContainText(`${plan.taskCount} 户`);
  await expect(verdict).toContainText(plan.inputDigest!);
  await capture(page, 'verified');

  // the revealed secret's last hex digit changed: it no longer opens the published commitment
  const last = record.secret.slice(-1);
  const tampered = { ...record, secret: record.secret.slice(0, -1) + (last === '0' ? '1' : '0') };
  const tamperedPath = join(directory, '抽取记录-改动.json');
  writeFileSync(tamperedPath, JSON.stringify(tampered));
  await page.locator('input[type=file]').setInputFiles(tamperedPath);
  const refusal = page.getByRole('alert').filter({ hasText: /^不一致/ });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('承诺值');
  await expect(page.getByRole('alert').filter({ hasText: /^一致/ })).toHaveCount(0);
  await capture(page, 'tampered');
});
