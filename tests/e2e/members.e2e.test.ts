import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCreditCodeCheck, withIdNumberCheck } from '@society-hub/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, type ConsoleRun, chooseOption as choose, startConsole } from '../support/console';

const ADMIN = { username: 'admin', password: `e2e-${randomBytes(9).toString('base64url')}` };

/** A valid code, one that is taken by a society seeded through the API, and one with a wrong check character. */
const CREDIT_CODE = withCreditCodeCheck('51370800MJ2468024');
const SOCIETY_NAME = '市生物医学工程学会';
const OFFICER = { username: 'shengyi.office', password: `e2e-${randomBytes(9).toString('base64url')}` };
const YEAR = new Date().getFullYear();
/** A wrong check character: the right one with one step added (mod 11 over 0–9, X). */
function wrongCheck(valid: string): string {
  const checks = '0123456789X';
  const right = checks.indexOf(valid.charAt(17));
  return valid.slice(0, 17) + checks.charAt((right + 1) % 11);
}
const DRAWER_ID = withIdNumberCheck('37080219880615123');
const IMPORT_IDS = [
  withIdNumberCheck('37080219700312001'),
  withIdNumberCheck('37080219920518002'),
  withIdNumberCheck('37080219950721003'),
  withIdNumberCheck('37080219650109004'),
  wrongCheck(withIdNumberCheck('37080219800405005')),
];

let baseUrl = '';
let societyId = '';
let page: Page;
let run: ConsoleRun;
let apiToken = '';
const snap = (name: string) => run.snap(page, name);
const signIn = (account: Account) => run.signIn(page, account);
const chooseOption = (label: string, option: string) => choose(page, label, option);

beforeAll(async () => {
  run = await startConsole({ artifactPrefix: 'mem-', expectedStatuses: [401, 409, 412, 422], admin: ADMIN });
  baseUrl = run.baseUrl;
  apiToken = await run.login(ADMIN);
  societyId = await run.seedActiveSociety(
    apiToken,
    {
      name: SOCIETY_NAME,
      type: 'society',
      discipline: 'medicine',
      creditCode: CREDIT_CODE,
      chairName: '高建国',
      secretaryGeneralName: '林雪',
      secretaryGeneralFullTime: true,
    },
    { ...OFFICER, displayName: '林秘书' },
  );
  page = await run.newPage({ acceptDownloads: true });
}, 120_000);

afterAll(async () => run?.close(), 60_000);

const IMPORT_NAMES = ['刘洋', '王芳', '赵磊', '孙婷', '周强'];

/** The societies' own spreadsheet, as staff export it: Chinese headers and values, one row with a bad ID number. */
function writeImportCsv(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sh-members-'));
  const file = join(dir, '会员名单.csv');
  const rows = [
    ['姓名', '性别', '身份证号', '手机', '工作单位', '职称', '会员类别', '外部编号', '状态'],
    [IMPORT_NAMES[0], '男', IMPORT_IDS[0], '13800000001', '市第一人民医院', '正高级', '资深会员', 'BME-001', '正常'],
    [IMPORT_NAMES[1], '女', IMPORT_IDS[1], '13800000002', '市医学科学院', '副高级', '普通会员', 'BME-002', '正常'],
    [IMPORT_NAMES[2], '男', IMPORT_IDS[2], '13800000003', '市医科大学', '初级', '学生会员', 'BME-003', '申请中'],
    [IMPORT_NAMES[3], '女', IMPORT_IDS[3], '13800000004', '市中心医院', '正高级', '普通会员', 'BME-004', '正常'],
    [IMPORT_NAMES[4], '男', IMPORT_IDS[4], '13800000005', '市康复医院', '中级', '普通会员', 'BME-005', '正常'],
  ];
  writeFileSync(file, `\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`);
  return file;
}

async function openMembersTab(): Promise<void> {
  await page.goto(`${baseUrl}/societies/${societyId}?tab=members`);
  await page.getByTestId('members-table').waitFor();
}

async function runImport(file: string, expected: { ok: number; error: number }): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByTestId('import-mapping').waitFor();
  await page.getByTestId('import-check').click();
  const summary = page.getByTestId('import-check-summary');
  await summary.waitFor();
  expect(await summary.getAttribute('data-ok')).toBe(String(expected.ok));
  expect(await summary.getAttribute('data-error')).toBe(String(expected.error));
}

function summaryValue(outcome: string) {
  return page.getByTestId(`import-summary-${outcome}`).locator('.ant-statistic-content-value').textContent();
}

describe('console: members', () => {
  it('lets the officer add a member, the ID number checked as they type', async () => {
    await signIn(OFFICER);
    await page.waitForURL(new RegExp(`/societies/${societyId}$`));
    await page.locator('.ant-menu-item').filter({ hasText: '会员管理' }).click();
    await page.waitForURL(new RegExp(`/societies/${societyId}\\?tab=members`));
    await page.getByTestId('member-stats').waitFor();

    await page.getByTestId('member-add').click();
    const drawer = page.getByTestId('member-drawer');
    await drawer.getByLabel('姓名').fill('陈晓明');
    await drawer.getByLabel('身份证号').fill(wrongCheck(DRAWER_ID));
    await drawer.getByText(`校验位不正确，应为 ${DRAWER_ID.charAt(17)}`).waitFor();
    await snap('id-checksum-live');

    await drawer.getByLabel('身份证号').fill(DRAWER_ID);
    await expect.poll(() => drawer.getByText(/校验位不正确/).count()).toBe(0);
    expect(await drawer.getByLabel('出生日期').inputValue()).toBe('1988-06-15');
    await drawer.getByText('男', { exact: true }).click();
    await drawer.getByLabel('手机').fill('13912345678');
    await drawer.getByLabel('工作单位').fill('市人民医院');
    await chooseOption('职称', '副高级');
    await snap('member-drawer');
    await drawer.getByTestId('member-submit').click();
    await drawer.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: '陈晓明' });
    await row.waitFor();
    expect(await row.textContent()).toContain('139****5678');
    expect(await row.textContent()).toContain('3708**********');

    // The same person again: the server's already_member lands on the ID number field.
    await page.getByTestId('member-add').click();
    await drawer.getByLabel('姓名').fill('陈晓明');
    await drawer.getByLabel('身份证号').fill(DRAWER_ID);
    await drawer.getByTestId('member-submit').click();
    await drawer.getByText('此人已是本学会会员').waitFor();
    await snap('already-member');
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('imports a CSV through the wizard: dry run, import, summary, and again unchanged', async () => {
    const file = writeImportCsv();
    await page.getByTestId('member-import').click();
    await page.waitForURL(new RegExp(`/societies/${societyId}/members/import$`));
    await page.getByTestId('import-upload').waitFor();

    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-loaded').getByText('5 行').waitFor();
    await snap('import-mapping');
    await page.getByTestId('import-check').click();
    const summary = page.getByTestId('import-check-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-ok')).toBe('4');
    expect(await summary.getAttribute('data-error')).toBe('1');
    const bad = page.getByTestId('import-preview').getByRole('row').filter({ hasText: IMPORT_NAMES[4] });
    await bad.getByText('身份证号', { exact: false }).waitFor();
    expect(await bad.getByTestId('import-outcome').getAttribute('data-outcome')).toBe('error');
    await snap('import-dry-run');

    await page.getByTestId('import-run').click();
    await page.getByTestId('import-summary').waitFor();
    expect(await summaryValue('created')).toBe('4');
    expect(await summaryValue('error')).toBe('1');
    const download = page.waitForEvent('download');
    await page.getByTestId('import-rejected').click();
    const rejected = readFileSync((await (await download).path()) ?? '', 'utf8');
    expect(rejected).toContain('未导入原因');
    expect(rejected).toContain(IMPORT_NAMES[4]);
    expect(rejected).not.toContain(IMPORT_NAMES[0]);
    await snap('import-summary');

    await page.getByTestId('import-again').click();
    await runImport(file, { ok: 4, error: 1 });
    expect(await page.getByTestId('import-preview').locator('[data-outcome="unchanged"]').count()).toBe(4);
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-summary').waitFor();
    expect(await summaryValue('unchanged')).toBe('4');
    expect(await summaryValue('created')).toBe('0');
    await snap('import-again-unchanged');

    await page.getByTestId('import-to-list').click();
    await page.getByTestId('members-table').getByRole('row').filter({ hasText: IMPORT_NAMES[3] }).waitFor();
    // One of the five is still applying: on record, not yet counted among the members.
    const stats = page.getByTestId('member-stats');
    await stats.getByText('登记共 5 人 · 待审批 1 人').waitFor();
    expect(await stats.getByTestId('stats-active').locator('.ant-statistic-content-value').textContent()).toBe('4');
    await snap('members-list');
  });

  it('approves an application from the queue', async () => {
    await page.locator('.ant-menu-item').filter({ hasText: '入会审批' }).click();
    await page.waitForURL(/\/members\/approvals/);
    const row = page.getByTestId('approval-table').getByRole('row').filter({ hasText: IMPORT_NAMES[2] });
    await row.waitFor();
    await snap('approval-queue');
    await row.getByTestId('approval-approve').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('member-transition-reason').waitFor();
    await dialog.getByTestId('member-transition-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.getByTestId('approval-table').getByRole('row').filter({ hasText: IMPORT_NAMES[2] }).count())
      .toBe(0);
    await page.getByText('暂无待审批的入会申请').waitFor();
  });

  it('records dues, and a lapsed membership comes back only once they are paid', async () => {
    await openMembersTab();
    await page.getByTestId('members-table').getByRole('link', { name: IMPORT_NAMES[1] }).click();
    await page.waitForURL(/\/members\/[0-9a-f-]+$/);
    await page.getByTestId('member-descriptions').waitFor();
    await snap('member-detail');
    await page.getByRole('tab', { name: '其他学会会籍' }).click();
    await page.getByTestId('memberships-table').getByText('未发现此人在其他学会的会籍').waitFor();
    await page.getByRole('tab', { name: '会员信息' }).click();

    await page.getByTestId('member-transition-lapsed').click();
    let dialog = page.getByRole('dialog');
    await dialog.getByTestId('member-transition-reason').fill(`${YEAR} 年会费逾期未缴`);
    await dialog.getByTestId('member-transition-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('member-status').first().filter({ hasText: '欠费失效' }).waitFor();

    await page.getByTestId('member-transition-active').click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('member-transition-reason').fill('会员申请恢复');
    await dialog.getByTestId('member-transition-confirm').click();
    await dialog.getByTestId('dues-unpaid').waitFor();
    await snap('dues-unpaid');
    await dialog.getByTestId('dues-unpaid-record').click();

    const form = page.getByTestId('dues-form');
    await form.waitFor();
    await form.getByLabel('会费年度').fill(String(YEAR));
    await form.getByLabel('金额（元）').fill('200.5');
    await form.getByTestId('dues-submit').click();
    await page.getByTestId('dues-table').getByText('¥200.50').waitFor();
    expect(await page.getByTestId('dues-this-year').getAttribute('data-paid')).toBe('true');

    await page.getByTestId('dues-add').click();
    await form.getByLabel('会费年度').fill(String(YEAR));
    await form.getByLabel('金额（元）').fill('100');
    await form.getByTestId('dues-submit').click();
    await form.getByText('该年度会费已登记').waitFor();
    await snap('dues-recorded');

    await page.getByTestId('member-transition-active').click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('member-transition-reason').fill(`已缴清 ${YEAR} 年会费`);
    await dialog.getByTestId('member-transition-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('member-status').first().filter({ hasText: '正常' }).waitFor();
  });

  it('shows the member statistics with their charts', async () => {
    await openMembersTab();
    const stats = page.getByTestId('member-stats');
    await expect
      .poll(() => stats.getByTestId('stats-active').locator('.ant-statistic-content-value').textContent())
      .toBe('5');
    expect(await stats.getByText('登记共 5 人').count()).toBe(1);
    await stats.getByTestId('member-category-pie').locator('canvas').waitFor();
    await stats.getByTestId('member-title-bars').locator('canvas').waitFor();
    expect(await stats.getByTestId('stats-senior-share').textContent()).toMatch(/\d+\.\d%/);
    expect(await stats.getByTestId('stats-youth-share').textContent()).toMatch(/\d+\.\d%/);
    await snap('member-stats');
  });

  it('lets the admin add an expert to the pools', async () => {
    await page.context().clearCookies();
    await signIn(ADMIN);
    await page.locator('.ant-menu-item').filter({ hasText: '专家库' }).click();
    await page.waitForURL(/\/experts$/);
    await page.getByTestId('experts-table').waitFor();
    await page.getByTestId('expert-add').click();
    const drawer = page.getByTestId('expert-drawer');
    await drawer.getByLabel('姓名').fill('钱学文');
    await drawer.getByText('科普专家库', { exact: true }).click();
    const disciplines = drawer.getByTestId('expert-disciplines').locator('input');
    await disciplines.fill('生物医学工程');
    await disciplines.press('Enter');
    await disciplines.fill('医学影像');
    await disciplines.press('Enter');
    await drawer.getByLabel('工作单位').fill('市医科大学');
    await drawer.getByTestId('expert-societies').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(SOCIETY_NAME, { exact: true }).click();
    await drawer.getByLabel('工作单位').click();
    await snap('expert-drawer');
    await drawer.getByTestId('expert-submit').click();
    await drawer.waitFor({ state: 'hidden' });
    const row = page.getByTestId('experts-table').getByRole('row').filter({ hasText: '钱学文' });
    await row.waitFor();
    await row.getByText('科技专家库').waitFor();
    await row.getByText('科普专家库').waitFor();
    await row.getByText(SOCIETY_NAME).waitFor();
    await row.getByTestId('expert-available').click();
    await expect.poll(() => row.getByTestId('expert-available').getAttribute('aria-checked')).toBe('false');
    await snap('experts');
  });

  it('logged no errors in the browser console', () => {
    expect(run.browserErrors).toEqual([]);
  });
});
