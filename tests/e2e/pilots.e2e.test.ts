import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleRun, startConsole } from '../support/console';

/** On the demo data set: a government-function pilot from the society's proposal to the department's evaluation. */
const DEMO_PASSWORD = 'demo-pass-2026';
const ADMIN = { username: 'admin', password: `e2e-${randomBytes(9).toString('base64url')}` };
const OFFICER = { username: 'officer', password: DEMO_PASSWORD };
const TITLE = '智慧农业技术推广第三方评估';
const YEAR = new Date().getFullYear() + 1;

let run: ConsoleRun;
let officer: Page;
let staff: Page;
let pilotUrl = '';

async function typeDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

async function move(page: Page, to: string, reason: string, override?: string): Promise<void> {
  await page.getByTestId(`pilot-to-${to}`).click();
  await page.getByTestId('pilot-transition-reason').fill(reason);
  if (override) await page.getByTestId('pilot-override').fill(override);
  await page.getByTestId('pilot-transition-confirm').click();
  await page.locator(`[data-testid="pilot-status"][data-status="${to}"]`).first().waitFor();
}

beforeAll(async () => {
  run = await startConsole({
    artifactPrefix: 'pilot-',
    expectedStatuses: [401],
    admin: ADMIN,
    env: { DEMO_DATA: '1' },
    stillScreenshots: true,
  });
  officer = await run.newPage();
  staff = await run.newPage();
  await run.signIn(officer, OFFICER);
  await run.signIn(staff, ADMIN);
}, 240_000);
afterAll(async () => run?.close());

describe('console: a government-function pilot', () => {
  it('lists the pilots with their stages and filters them', async () => {
    await staff.goto(`${run.baseUrl}/pilots`);
    const table = staff.getByTestId('pilots-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(5);
    await run.snap(staff, 'list');
    await staff.getByTestId('pilot-filter-status').click();
    await staff.locator('.ant-select-dropdown:visible').getByTitle('实施中', { exact: true }).click();
    await staff.waitForURL(/status=in_progress/);
    await expect
      .poll(() => table.locator('[data-testid="pilot-status"]:not([data-status="in_progress"])').count())
      .toBe(0);
    expect(await table.locator('[data-testid="pilot-status"][data-status="in_progress"]').count()).toBeGreaterThan(0);
  });

  it('lets the society propose a pilot, checked as it is typed, and submit it for review', async () => {
    await officer.goto(`${run.baseUrl}/pilots`);
    await officer.getByTestId('pilot-propose').click();
    const drawer = officer.locator('.ant-drawer');
    await officer.getByTestId('pilot-submit').click();
    await drawer.getByText('请输入试点名称').waitFor();
    await officer.getByTestId('pilot-society').click();
    await officer.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await officer.getByTestId('pilot-title').fill(TITLE);
    await officer.getByTestId('pilot-function').click();
    await officer.locator('.ant-select-dropdown:visible').getByTitle('第三方评估', { exact: true }).click();
    await drawer.getByText('无特别资质要求').waitFor();
    await officer.getByTestId('pilot-department').fill('市农业农村局');
    const period = drawer.locator('.ant-picker-range input');
    await officer.getByTestId('pilot-submit').click();
    await drawer.getByText('请选择实施期').waitFor();
    await run.snap(officer, 'proposal-invalid', false);
    await typeDate(period.nth(0), `${YEAR}-03-01`);
    await typeDate(period.nth(1), `${YEAR}-12-31`);
    await officer.getByTestId('pilot-contract').fill('180000');
    await officer.getByTestId('pilot-submit').click();
    await officer.waitForURL(/\/pilots\/[0-9a-f-]{36}$/);
    pilotUrl = officer.url();
    await officer.locator('[data-testid="pilot-status"][data-status="proposed"]').first().waitFor();
    await move(officer, 'eligibility_review', '申请承接市农业农村局委托的第三方评估');
    await run.snap(officer, 'submitted');
    expect(await officer.getByTestId('pilot-to-approved').count()).toBe(0);
  });

  it('shows staff the explained eligibility checklist and approves, recording any exception', async () => {
    await staff.goto(pilotUrl);
    await openTab(staff, '资格审查');
    const list = staff.getByTestId('eligibility-list');
    await list.getByTestId('eligibility-check').first().waitFor();
    expect(await list.getByTestId('eligibility-check').count()).toBe(8);
    await list.getByText('近两年年检均为合格').waitFor();
    await run.snap(staff, 'eligibility');
    const failing = await list.locator('[data-passed="false"]').count();
    await staff.getByTestId('pilot-to-approved').click();
    if (failing > 0) {
      await staff.getByTestId('approve-failing').waitFor();
      await run.snap(staff, 'approve-exception', false);
      await staff.getByTestId('pilot-transition-reason').fill('同意承接');
      await staff.getByTestId('pilot-transition-confirm').click();
      await staff.getByText('有未满足的承接条件：批准须说明例外理由').waitFor();
      await staff.getByTestId('pilot-override').fill('该学会整改已完成，经学会部会议研究同意');
    } else {
      await staff.getByTestId('pilot-transition-reason').fill('同意承接');
    }
    await staff.getByTestId('pilot-transition-confirm').click();
    await staff.locator('[data-testid="pilot-status"][data-status="approved"]').first().waitFor();
    await move(staff, 'in_progress', '签订委托协议，启动实施');
  });

  it('runs the milestones: staff plan, the society records one done, staff accept it', async () => {
    await openTab(staff, '实施节点');
    await staff.getByTestId('milestone-name').fill('评估方案');
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await typeDate(staff.getByTestId('milestone-due'), today);
    await staff.getByTestId('milestone-add').click();
    await staff.getByTestId('milestone-timeline').getByText('评估方案').waitFor();

    await officer.goto(`${pilotUrl}?tab=milestones`);
    await officer.getByTestId('milestone-record').click();
    await officer.getByTestId('milestone-evidence').fill('评估方案已报市农业农村局');
    await officer.getByTestId('milestone-done-confirm').click();
    await officer.getByTestId('milestone-timeline').getByText('按期').waitFor();

    await staff.reload();
    await staff.getByTestId('milestone-accept').click();
    await staff
      .getByTestId('milestone-timeline')
      .getByText(/于 .* 确认/)
      .waitFor();
    await run.snap(staff, 'milestones');
    await openTab(staff, '概览');
    await staff.getByText('1 / 1 个到期节点按期完成').waitFor();
  });

  it('records the department’s evaluation at the mid-term review and shows the rating', async () => {
    await move(staff, 'midterm_review', '中期评估');
    await openTab(staff, '部门评价');
    await staff.getByTestId('evaluation-record').click();
    await staff.getByTestId('evaluation-score').fill('90');
    await staff.getByTestId('evaluation-save').click();
    await staff.getByTestId('evaluation-satisfaction').getByText('90').waitFor();
    await openTab(staff, '概览');
    await staff.getByTestId('pilot-rating').getByText(/优秀/).waitFor();
    await run.snap(staff, 'rated');
    await openTab(staff, '流转记录');
    // Submitted, approved, started, mid-term review.
    const rows = staff.getByTestId('pilot-history').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(4);
    await run.snap(staff, 'history');
  });

  it('keeps the function catalogue with each function’s requirements', async () => {
    await staff.goto(`${run.baseUrl}/pilots/functions`);
    const table = staff.getByTestId('functions-table');
    await table.getByText('团体标准研制').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(7);
    await run.snap(staff, 'catalogue');
  });

  it('leaves no unexpected browser errors', () => {
    expect(run.browserErrors).toEqual([]);
  });
});
