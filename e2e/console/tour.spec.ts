import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../fixtures/console';

/** Set SCREENSHOT_DIR to keep a full-page picture of every page (for looking at the layout). */
const screenshotDir = process.env.SCREENSHOT_DIR;

async function capture(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  if (!screenshotDir) return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

const tours: {
  username: string;
  isAdministrator: boolean;
  pages: { path: string; heading: string; name: string }[];
}[] = [
  {
    username: 'liaison',
    isAdministrator: false,
    pages: [
      { path: '/admin', heading: '工作台', name: 'console-home' },
      { path: '/admin/organizations', heading: '组织机构', name: 'organizations' },
      { path: '/admin/people', heading: '工作人员', name: 'people' },
      { path: '/admin/certificates', heading: '执法证件', name: 'certificates' },
    ],
  },
  {
    username: 'sysadmin',
    isAdministrator: true,
    pages: [
      { path: '/admin/accounts', heading: '账号与角色', name: 'accounts' },
      { path: '/admin/calendar', heading: '节假日日历', name: 'calendar' },
    ],
  },
  {
    username: 'secadmin',
    isAdministrator: true,
    pages: [{ path: '/admin/security', heading: '安全设置', name: 'security' }],
  },
  {
    username: 'auditor',
    isAdministrator: true,
    pages: [{ path: '/admin/audit', heading: '审计日志', name: 'audit' }],
  },
];

test('the portal and the sign-in page render without errors', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto('/');
  await capture(page, 'portal-home');
  await page.goto('/admin/sign-in');
  await capture(page, 'sign-in');
  await page.goto('/admin/sign-in?reason=expired');
  await expect(page.getByText('会话已超时，请重新登录')).toBeVisible();
  await capture(page, 'sign-in-expired');
  expect(problems).toEqual([]);
});

for (const tour of tours) {
  test(`every page of ${tour.username} opens and loads its data`, async ({ page }) => {
    const problems: string[] = [];
    await signIn(page, tour.username, { isAdministrator: tour.isAdministrator });
    page.on('pageerror', (error) => problems.push(error.message));
    // a missing route or a server fault is a bug; a 403 is the server's decision, shown to the user
    page.on('response', (response) => {
      const status = response.status();
      if (response.url().includes('/api/') && (status === 404 || status >= 500)) {
        problems.push(`${String(status)} ${response.url()}`);
      }
    });
    for (const target of tour.pages) {
      await page.goto(target.path);
      await expect(page.getByRole('heading', { name: target.heading, level: 3 })).toBeVisible();
      await capture(page, target.name);
    }
    expect(problems).toEqual([]);
  });
}
