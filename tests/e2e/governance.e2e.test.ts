import { randomBytes } from 'node:crypto';
import { withCreditCodeCheck } from '@society-hub/domain';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, type ConsoleRun, chooseOption as choose, startConsole } from '../support/console';

const ADMIN = { username: 'admin', password: `e2e-${randomBytes(9).toString('base64url')}` };

/** A valid code, one that is taken by a society seeded through the API, and one with a wrong check character. */
const CREDIT_CODE = withCreditCodeCheck('51370800MJ2468024');
const SOCIETY_NAME = '市机械工程学会';
const OFFICER = { username: 'jixie.office', password: `e2e-${randomBytes(9).toString('base64url')}` };
const REPORT_YEAR = new Date().getFullYear() - 1;

let baseUrl = '';
let societyId = '';
let page: Page;
let run: ConsoleRun;
let apiToken = '';
const snap = (name: string) => run.snap(page, name);
const signIn = (account: Account) => run.signIn(page, account);
const chooseOption = (label: string, option: string) => choose(page, label, option);
const call = (method: string, path: string, body?: unknown) => run.call(apiToken, method, path, body);

/** Adds one council member through the roster's dialog. */
async function addMember(name: string, position: string, options: { frontline?: boolean } = {}): Promise<void> {
  await page.getByTestId('member-add').click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByLabel('姓名', { exact: true }).fill(name);
  await chooseOption('职务', position);
  await dialog.getByLabel('出生年份').fill('1970');
  await dialog.getByLabel('工作单位').fill('市机械研究院');
  if (options.frontline === false) await dialog.getByText('一线科技工作者', { exact: true }).click();
  await dialog.getByTestId('member-submit').click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByTestId('council-roster').getByRole('cell', { name, exact: true }).waitFor();
}

function rule(name: string): Locator {
  return page.getByTestId(`rule-${name}`);
}

beforeAll(async () => {
  run = await startConsole({ artifactPrefix: 'gov-', expectedStatuses: [401, 409, 412, 422], admin: ADMIN });
  baseUrl = run.baseUrl;
  apiToken = await run.login(ADMIN);
  societyId = await run.seedActiveSociety(
    apiToken,
    {
      name: SOCIETY_NAME,
      type: 'society',
      discipline: 'engineering',
      creditCode: CREDIT_CODE,
      chairName: '张明',
      secretaryGeneralName: '李华',
      secretaryGeneralFullTime: true,
    },
    { ...OFFICER, displayName: '王秘书' },
  );
  page = await run.newPage();
}, 120_000);

afterAll(async () => run?.close(), 60_000);

describe('console: governance', () => {
  it('records the term and the council, and the checklist follows the roster', async () => {
    await signIn(ADMIN);
    await page.goto(`${baseUrl}/societies/${societyId}?tab=terms`);
    await page.getByTestId('terms-list').waitFor();
    await page.getByTestId('term-record').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByLabel('届次').inputValue()).toBe('1');
    await dialog.getByLabel('会员代表人数').fill('6');
    await snap('term-form');
    await dialog.getByTestId('term-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('terms-list').getByText('第 1 届').waitFor();
    await page.getByTestId('term-remaining').waitFor();
    await snap('terms');

    await page.getByRole('tab', { name: '理事会' }).click();
    await addMember('张明', '理事长');
    await addMember('李华', '秘书长');
    await addMember('赵刚', '理事', { frontline: false });
    await snap('council-roster');

    await page.getByRole('tab', { name: '治理体检' }).click();
    await page.getByTestId('governance-checklist').waitFor();
    await expect.poll(() => rule('council_size').getAttribute('data-status')).toBe('fail');
    await rule('council_size').getByText('理事会 3 人，会员代表 6 人').waitFor();
    expect(await rule('supervisors_present').getAttribute('data-status')).toBe('fail');
    expect(await page.getByTestId('governance-overall').getAttribute('data-status')).toBe('fail');
    await snap('governance-failing');

    await page.getByRole('tab', { name: '理事会' }).click();
    await addMember('孙丽', '监事');
    await page.getByRole('tab', { name: '治理体检' }).click();
    await expect.poll(() => rule('supervisors_present').getAttribute('data-status')).toBe('pass');
    await rule('supervisors_present').getByText('已设监事 1 人').waitFor();
    await snap('governance-supervisor');
  });

  it('lets the officer file the annual report, validating as they type', async () => {
    await page.context().clearCookies();
    await signIn(OFFICER);
    await page.waitForURL(new RegExp(`/societies/${societyId}$`));
    await page.getByRole('tab', { name: '年度报告' }).click();
    await page.getByTestId('report-new').click();
    const form = page.getByTestId('report-form');
    await form.waitFor();

    await page.getByLabel('个人会员', { exact: true }).fill('300');
    await page.getByLabel('本年新增个人会员').fill('350');
    await page.getByTestId('error-members.newIndividual').filter({ hasText: '不能超过个人会员总数（300）' }).waitFor();
    await snap('report-live-error');
    await page.getByLabel('本年新增个人会员').fill('40');
    await expect.poll(() => page.getByTestId('error-members.newIndividual').count()).toBe(0);

    await page.getByLabel('40 岁以下会员').fill('90');
    await page.getByLabel('学术交流（场）').fill('4');
    await page.getByLabel('学术交流参加人次').fill('600');
    await page.getByLabel('科普活动（场）').fill('10');
    await page.getByLabel('科普活动参加人次').fill('3000');
    await page.getByLabel('建言献策报告（篇）').fill('2');
    await page.getByLabel('其中被采纳或批示').fill('1');
    await page.getByLabel('品牌活动（项）').fill('1');
    await page.getByLabel('品牌活动参加人次').fill('800');
    await page.getByLabel('会费收入').fill('12000.50');
    await page.getByLabel('政府补助收入').fill('50000');
    await expect.poll(() => page.getByTestId('income-check').getAttribute('data-matches')).toBe('false');
    await page.getByLabel('收入合计').fill('62000.50');
    await expect.poll(() => page.getByTestId('income-check').getAttribute('data-matches')).toBe('true');
    await page.getByLabel('支出合计').fill('58000');
    await page.getByLabel('专职人员').fill('2');
    for (const element of ['固定活动场所', '必要设施', '专人负责', '管理制度']) {
      await page.getByText(element, { exact: true }).click();
    }
    await snap('report-form');
    await page.getByTestId('report-submit').click();
    await page.getByRole('dialog').getByRole('button', { name: '提交年报' }).click();
    await page.getByTestId('report-panel').getByTestId('report-status').filter({ hasText: '已提交' }).waitFor();
    await snap('report-submitted');

    const stored = await call('GET', `/v1/societies/${societyId}/annual-reports/${REPORT_YEAR}`);
    const report = (await stored.json()) as {
      content: { finances: { incomeDuesFen: number; incomeTotalFen: number } };
    };
    expect(report.content.finances.incomeDuesFen).toBe(1_200_050);
    expect(report.content.finances.incomeTotalFen).toBe(6_200_050);
  });

  it('lets the admin record the inspection from the review queue', async () => {
    await page.context().clearCookies();
    await signIn(ADMIN);
    await page.locator('.ant-menu-item').filter({ hasText: '年报审核' }).click();
    await page.waitForURL(/\/reports\/review/);
    const row = page.getByRole('row').filter({ hasText: SOCIETY_NAME });
    await row.waitFor();
    await snap('review-queue');
    await row.getByTestId('queue-open').click();
    await page.waitForURL(new RegExp(`/societies/${societyId}\\?tab=reports&year=${REPORT_YEAR}`));
    const panel = page.getByTestId('inspection-panel');
    await panel.waitFor();
    await chooseOption('年检结果', '合格');
    await panel.getByLabel('审核意见').fill('材料齐全，活动开展正常。');
    await panel.getByTestId('inspection-submit').click();
    await panel.getByTestId('inspection-result').filter({ hasText: '合格' }).waitFor();
    await page.getByText('该年度已完成年检，报告已关闭').waitFor();
    await snap('inspection-recorded');

    await page.goto(`${baseUrl}/reports/review`);
    await expect.poll(() => page.getByRole('row').filter({ hasText: SOCIETY_NAME }).count()).toBe(0);
  });

  it('shows the capacity index with the radar and the tier', async () => {
    await page.goto(`${baseUrl}/societies/${societyId}?tab=capacity`);
    await page.getByTestId('capacity-view').waitFor();
    await page.getByTestId('capacity-radar').locator('canvas').waitFor();
    const tier = await page.getByTestId('capacity-tier').getAttribute('data-tier');
    expect(['A', 'B', 'C', 'D']).toContain(tier);
    expect((await page.getByTestId('capacity-tier-reason').textContent())?.trim()).toMatch(/综合得分|停滞/);
    await page.getByText('会员之家').first().waitFor();
    await snap('capacity');
  });

  it('loads the disqualification list', async () => {
    await page.locator('.ant-menu-item').filter({ hasText: '解除资格名单' }).click();
    await page.waitForURL(/\/societies\/disqualification$/);
    await page.getByTestId('disqualification-list').waitFor();
    await page.getByTestId('disq-candidate').waitFor();
    await page.getByTestId('disq-warning').waitFor();
    await snap('disqualification');
  });

  it('logged no errors in the browser console', () => {
    expect(run.browserErrors).toEqual([]);
  });
});
