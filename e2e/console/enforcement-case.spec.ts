import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { composeCreditCode } from '../../server/core/identity/national-codes';
import { signIn } from '../fixtures/console';

const shotDirectory = process.env.SCREENSHOT_DIR ?? '/tmp/shots';

/** A full-page picture of the page as it stands, for a person to look at. */
async function capture(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  mkdirSync(shotDirectory, { recursive: true });
  await page.screenshot({ path: `${shotDirectory}/enforcement-${name}.png`, fullPage: true });
}

/** Signs out whoever is signed in and signs in as the demo account. */
async function switchTo(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

/** Picks an option of an antd Select opened from its label. */
async function choose(page: Page, field: Locator, option: string | RegExp) {
  await field.click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
}

/** Picks several options of a multiple Select, typing each to find it, then closes it by clicking `elsewhere`. */
async function chooseMany(page: Page, field: Locator, options: string[], elsewhere: Locator) {
  await field.click();
  for (const option of options) {
    await page.keyboard.type(option);
    const item = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
      .first();
    // a click while the filtered list re-renders can miss: click until the option shows as chosen
    await expect(async () => {
      if (!/ant-select-item-option-selected/.test((await item.getAttribute('class')) ?? ''))
        await item.click();
      await expect(item).toHaveClass(/ant-select-item-option-selected/, { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  }
  await elsewhere.click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

const stateTag = (page: Page) => page.getByTestId('case-state');

/** Opens the form of a next action, and returns the modal. */
async function openAction(page: Page, label: string) {
  await page.getByRole('button', { name: label, exact: true }).click();
  const modal = page.locator('.ant-modal-content').filter({ hasText: label });
  await expect(modal).toBeVisible();
  return modal;
}

/** Sends the open action's form with its OK button (named after the action). */
async function submitAction(modal: Locator, label: string) {
  await modal.locator('.ant-modal-footer').getByRole('button', { name: label }).click();
}

test('an officer, the agency head and the legal reviewer take a major case from registration to archive', async ({
  page,
}) => {
  // nine sign-ins and fifteen steps
  test.setTimeout(Number(process.env.E2E_JOURNEY_TIMEOUT ?? 300_000));
  const tag = Date.now().toString(36).toUpperCase();
  const title = `某某超市销售超过保质期食品案（${tag}）`;
  const partyName = `示范市某某超市有限公司${tag}`;
  const creditCode = composeCreditCode('91', '410300', String(Date.now()).slice(-8));

  // ── the officer: the workbench, the list, 立案 ─────────────────────────────
  await signIn(page, 'officer');
  await page.getByRole('menuitem', { name: '行政执法' }).click();
  await page.getByRole('menuitem', { name: '办案工作台' }).click();
  await expect(page).toHaveURL(/\/admin\/enforcement$/);
  await expect(page.getByRole('heading', { name: '办案工作台', level: 3 })).toBeVisible();
  await expect(page.getByText('我承办的在办案件')).toBeVisible();
  await capture(page, 'workbench');

  await page.getByRole('menuitem', { name: '案件管理' }).click();
  await expect(page).toHaveURL(/\/admin\/enforcement\/cases$/);
  await expect(page.getByRole('heading', { name: '案件管理', level: 3 })).toBeVisible();
  await capture(page, 'cases');

  // The officer registering must be one of the case's officers: the form preselects the signed-in
  // officer (the officers list marks him), and he adds a colleague with a valid certificate.
  const me = await page.request.get('/api/auth/me');
  const officers = (await (
    await page.request.get('/api/enforcement/officers', {
      params: { organizationId: (await me.json()).activeOrganization.id },
    })
  ).json()) as { personId: string; name: string; certificateValid: boolean; isCurrentUser: boolean }[];
  const self = officers.find((officer) => officer.isCurrentUser);
  const colleague = officers.find(
    (officer) => officer.certificateValid && !officer.isCurrentUser && officer.name !== self?.name,
  );
  expect(self?.certificateValid, 'the officer account holds a valid certificate').toBe(true);
  expect(colleague, 'the demo body has a second certified officer').toBeTruthy();

  await page.getByRole('button', { name: '立案' }).click();
  const drawer = page.locator('.ant-drawer-content').filter({ hasText: '提交立案' });
  await expect(drawer.getByText('示范市市场监督管理局')).toBeVisible();
  await choose(page, drawer.getByLabel('执法事项'), /./);
  await drawer.getByLabel('案由').fill(title);
  await drawer.getByLabel('当事人名称').fill(partyName);
  await drawer.getByLabel('统一社会信用代码').fill(creditCode);
  await drawer.getByLabel('法定代表人').fill('王某');
  const officerSelect = drawer.getByLabel('执法人员');
  const chosenOfficers = drawer.locator('.ant-select-selection-overflow-item .ant-select-selection-item');
  await expect(chosenOfficers).toHaveCount(1);
  await expect(chosenOfficers.first()).toContainText(self!.name);
  await chooseMany(page, officerSelect, [colleague!.name], drawer.locator('.ant-drawer-title'));
  await expect(drawer.locator('.ant-select-selection-overflow-item .ant-select-selection-item')).toHaveCount(
    2,
  );
  await drawer.getByLabel('基本案情').fill('执法人员日常巡查发现该超市货架上摆放超过保质期的预包装食品。');
  await capture(page, 'register');
  await drawer.getByRole('button', { name: '提交立案' }).click();

  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(stateTag(page)).toHaveText('待立案审批');
  const caseUrl = page.url();

  // ── the agency head approves the registration ────────────────────────────
  await switchTo(page, 'agencyhead');
  await page.goto(caseUrl);
  let modal = await openAction(page, '批准立案');
  await modal.getByLabel('审批意见').fill('同意立案调查。');
  await submitAction(modal, '批准立案');
  await expect(stateTag(page)).toHaveText('调查取证');
  await expect(page.getByTestId('deadline-decision')).toContainText('作出行政处罚决定');

  // ── the officer records the inspection and concludes the investigation ────
  await switchTo(page, 'officer');
  await page.goto(caseUrl);
  await page.getByRole('button', { name: '上传记录' }).click();
  const recordModal = page.locator('.ant-modal-content').filter({ hasText: '上传执法全过程记录' });
  await recordModal.getByLabel('记录标题').fill('现场检查笔录');
  await recordModal.getByLabel('记录内容').fill('货架上发现超过保质期的牛奶 12 盒。');
  await recordModal.getByLabel('地点').fill('示范市某某超市经营场所');
  await recordModal.locator('input[type=file]').setInputFiles({
    name: '现场检查笔录.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(`%PDF-1.4\n% 现场检查笔录 ${tag}\n%%EOF\n`),
  });
  await recordModal.getByRole('button', { name: '上传并登记' }).click();
  const recordRow = page.locator('.ant-table-row', { hasText: '现场检查笔录' });
  await expect(recordRow).toBeVisible();
  await expect(recordRow.getByTestId('record-hash')).toBeVisible();
  await recordRow.getByRole('button', { name: '校验' }).click();
  await expect(recordRow.getByText('校验一致')).toBeVisible();

  modal = await openAction(page, '调查终结，提出处理意见');
  await modal
    .getByLabel('违法事实')
    .fill('当事人在经营场所销售超过保质期的预包装食品牛奶 12 盒，货值 120 元。');
  await modal.getByLabel('证据情况').fill('现场检查笔录、照片、询问笔录、进货票据。');
  await chooseMany(page, modal.getByLabel('处罚种类'), ['警告', '罚款'], modal.locator('.ant-modal-title'));
  await modal.getByLabel('罚款金额（元）').fill('20000');
  await modal.getByLabel('重大执法决定情形').fill('涉及食品安全，关系重大公共利益。');
  await modal
    .getByLabel('适用法律依据')
    .fill('《中华人民共和国食品安全法》第三十四条第十项、第一百二十四条第一款');
  await submitAction(modal, '调查终结，提出处理意见');
  await expect(stateTag(page)).toHaveText('案件审核');
  await expect(page.getByText('重大执法决定', { exact: true }).first()).toBeVisible();

  // the prior notice, then the party's statement
  modal = await openAction(page, '送达事先告知书');
  await submitAction(modal, '送达事先告知书');
  await expect(stateTag(page)).toHaveText('已告知（陈述申辩）');
  modal = await openAction(page, '记录陈述申辩（复核）');
  await modal.getByLabel('当事人陈述申辩情况').fill('当事人未提出陈述申辩。');
  await modal.getByLabel('复核意见').fill('维持原处理意见。');
  await submitAction(modal, '记录陈述申辩（复核）');
  await expect(stateTag(page)).toHaveText('待作出决定');

  // ── a major case is not decided before the legal review ──────────────────
  await switchTo(page, 'agencyhead');
  await page.goto(caseUrl);
  modal = await openAction(page, '作出决定');
  await modal.getByLabel('决定理由').fill('事实清楚，证据确凿，依法决定。');
  await submitAction(modal, '作出决定');
  await expect(modal.locator('.ant-alert-error')).toContainText('未经法制审核不得作出决定');
  await modal.getByRole('button', { name: '取消' }).click();
  await expect(stateTag(page)).toHaveText('待作出决定');

  // ── the legal reviewer records the review ────────────────────────────────
  await switchTo(page, 'reviewer');
  await page.goto('/admin/enforcement');
  await expect(page.getByText(title).first()).toBeVisible();
  await capture(page, 'workbench-reviewer');
  await page.goto(caseUrl);
  modal = await openAction(page, '法制审核');
  await choose(page, modal.getByLabel('审核结论'), '同意');
  for (const point of await modal.locator('.ant-checkbox-wrapper').all()) await point.click();
  await modal.getByLabel('书面审核意见').fill('主体合法，事实清楚，证据确凿，适用法律正确，程序合法，同意。');
  await submitAction(modal, '法制审核');
  await expect(page.locator('.ant-descriptions-item', { hasText: '法制审核' })).toContainText('同意');

  // ── the agency head decides ──────────────────────────────────────────────
  await switchTo(page, 'agencyhead');
  await page.goto(caseUrl);
  modal = await openAction(page, '作出决定');
  await modal.getByLabel('决定理由').fill('事实清楚，证据确凿，经法制审核同意，依法决定。');
  await submitAction(modal, '作出决定');
  await expect(stateTag(page)).toHaveText('已决定（待送达）');

  // ── the officer serves and records the payment ───────────────────────────
  await switchTo(page, 'officer');
  await page.goto(caseUrl);
  modal = await openAction(page, '送达决定书');
  await expect(modal.getByLabel('签收人')).toHaveValue('王某');
  await submitAction(modal, '送达决定书');
  await expect(stateTag(page)).toHaveText('执行中');
  modal = await openAction(page, '登记缴款');
  await expect(modal.getByLabel('缴款金额（元）')).toHaveValue('20000.00');
  await modal.getByLabel('缴款凭证号').fill(`JK${tag}`);
  await submitAction(modal, '登记缴款');
  await expect(stateTag(page)).toHaveText('待结案');

  // ── the agency head closes ───────────────────────────────────────────────
  await switchTo(page, 'agencyhead');
  await page.goto(caseUrl);
  modal = await openAction(page, '结案审批');
  await submitAction(modal, '结案审批');
  await expect(stateTag(page)).toHaveText('已结案');

  // ── the officer generates the case-file index and archives ───────────────
  await switchTo(page, 'officer');
  await page.goto(caseUrl);
  await page.getByRole('button', { name: /生成卷内文件目录/ }).click();
  await expect(page.locator('.ant-table-row', { hasText: '卷内文件目录' })).toBeVisible();
  modal = await openAction(page, '立卷归档');
  await modal.getByLabel('档案号').fill(`WS-2026-${tag}`);
  await submitAction(modal, '立卷归档');
  await expect(stateTag(page)).toHaveText('已归档');
  // the history holds every step taken, in order, and not the refused decision
  await expect(page.getByTestId('case-step-action')).toHaveText([
    '提出立案申请',
    '批准立案',
    '调查终结，提出处理意见',
    '送达事先告知书',
    '记录陈述申辩（复核）',
    '法制审核',
    '作出决定',
    '送达决定书',
    '登记缴款',
    '结案审批',
    '立卷归档',
  ]);
  await capture(page, 'case');

  // the list finds it by its case number, archived and major
  const caseId = caseUrl.split('/').pop() ?? '';
  const { case: archived } = (await (await page.request.get(`/api/enforcement/cases/${caseId}`)).json()) as {
    case: { caseNumber: string };
  };
  await page.goto('/admin/enforcement/cases');
  await page.getByPlaceholder('按案号、案由或当事人搜索').fill(archived.caseNumber);
  await page.getByRole('button', { name: '搜索' }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('已归档');
  await expect(rows.first()).toContainText('重大执法决定');
  await capture(page, 'cases-found');
});
