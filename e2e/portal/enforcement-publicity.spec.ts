import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type {
  PublicDecisionPage,
  PublicEnforcementBody,
  PublicEnforcementBodyDetail,
} from '../../contracts/publicity';

/** Screenshots for review when SCREENSHOT_DIR is set. */
async function capture(page: Page, name: string) {
  const directory = process.env.SCREENSHOT_DIR;
  if (!directory) return;
  await page.waitForLoadState('networkidle');
  mkdirSync(directory, { recursive: true });
  await page.screenshot({ path: join(directory, `enforcement-publicity-${name}.png`), fullPage: true });
}

test('a visitor opens an enforcement body’s publicity and an officer’s certificate page with its QR code', async ({
  page,
  request,
}) => {
  // The demo city's market-supervision bureau, with officers holding valid certificates.
  const bodies = (await (
    await request.get('/api/public/enforcement/bodies')
  ).json()) as PublicEnforcementBody[];
  const market = bodies.find((body) => body.name === '示范市市场监督管理局');
  expect(market, 'the demo city has its market-supervision bureau').toBeDefined();
  expect(market!.officerCount).toBeGreaterThan(0);

  await page.goto('/');
  await page.getByRole('link', { name: '执法公示' }).first().click();
  await expect(page.getByRole('heading', { name: '行政执法公示' })).toBeVisible();
  await expect(page.getByRole('link', { name: '示范市教育局', exact: true })).toBeVisible();
  await capture(page, 'bodies');
  await page.getByPlaceholder('按执法主体名称筛选').fill('示范市市场监督管理局');
  await page.getByRole('link', { name: '示范市市场监督管理局', exact: true }).click();

  await expect(page.getByRole('heading', { name: '示范市市场监督管理局' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /执法人员/ })).toHaveAttribute('aria-selected', 'true');
  const detail = (await (
    await request.get(`/api/public/enforcement/bodies/${market!.id}`)
  ).json()) as PublicEnforcementBodyDetail;
  const officer = detail.officers[0]!;
  await expect(page.getByRole('link', { name: officer.certificateNumber })).toBeVisible();
  // No ID or phone numbers of officers anywhere on the page.
  await expect(page.locator('body')).not.toContainText(/\d{17}[\dX]/);
  await capture(page, 'body-officers');

  await page.getByRole('tab', { name: '执法程序' }).click();
  await expect(page.getByText('行政处罚普通程序')).toBeVisible();
  await expect(page.getByText('作出决定', { exact: true }).first()).toBeVisible();
  await capture(page, 'body-procedures');
  await page.getByRole('tab', { name: '救济途径' }).click();
  await expect(page.getByText('示范市人民政府').first()).toBeVisible();
  await expect(page.getByText(/60 日内/)).toBeVisible();
  await capture(page, 'body-remedies');

  // The officer shows the certificate page: valid today, with a QR code of the page's own address.
  await page.getByRole('tab', { name: /执法人员/ }).click();
  await page.getByRole('link', { name: officer.certificateNumber }).click();
  await expect(page.getByRole('heading', { name: '执法证件查询' })).toBeVisible();
  await expect(page.getByTestId('certificate-status')).toHaveText('证件有效');
  await expect(page.getByText(officer.name, { exact: true })).toBeVisible();
  const qr = page.getByTestId('certificate-qr').locator('canvas');
  await expect(qr).toBeVisible();
  const box = await qr.boundingBox();
  expect(box?.width).toBeGreaterThan(100);
  await expect(page.getByText(page.url(), { exact: true })).toBeVisible();
  await capture(page, 'certificate');

  // An unknown number is told plainly.
  await page.goto('/enforcement/officers/NO-SUCH-0000');
  await expect(page.getByText('未查到证号为「NO-SUCH-0000」的行政执法证件')).toBeVisible();

  // Ex-post: the demo year's published penalty decisions, masked — a citizen party shows only the surname.
  await page.goto('/enforcement/decisions');
  await expect(page.getByRole('heading', { name: '执法决定公示' })).toBeVisible();
  await capture(page, 'decisions');
  const published = (await (
    await request.get('/api/public/enforcement/decisions', { params: { pageSize: 100 } })
  ).json()) as PublicDecisionPage;
  expect(published.total, 'the demo year has published decisions').toBeGreaterThan(50);
  const ofCitizen = published.items.find((decision) => '当事人' in decision.content);
  expect(ofCitizen, 'a decision about a citizen').toBeDefined();
  const maskedName = ofCitizen!.content['当事人']!;
  expect(maskedName).toMatch(/^\p{Script=Han}{1,2}\*+$/u);
  await page.goto(`/enforcement/decisions/${ofCitizen!.id}`);
  await expect(page.getByRole('heading', { name: ofCitizen!.title })).toBeVisible();
  await expect(page.getByText(maskedName, { exact: true })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/\d{17}[\dX]/);
  await capture(page, 'decision');
});
