import { randomBytes } from 'node:crypto';
import { CREDIT_CODE_ALPHABET, withCreditCodeCheck } from '@society-hub/domain';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleRun, chooseOption as choose, startConsole } from '../support/console';

const ADMIN = { username: 'admin', password: `e2e-${randomBytes(9).toString('base64url')}` };

/** A valid code, one that is taken by a society seeded through the API, and one with a wrong check character. */
const VALID_CODE = withCreditCodeCheck('51370800MJ1234567');
const TAKEN_CODE = withCreditCodeCheck('51370800MJ7654321');
const WRONG_CHECK = `${VALID_CODE.slice(0, 17)}${CREDIT_CODE_ALPHABET.charAt((CREDIT_CODE_ALPHABET.indexOf(VALID_CODE.charAt(17)) + 1) % 31)}`;
const SOCIETY_NAME = '市化学化工学会';

let baseUrl = '';
let page: Page;
let run: ConsoleRun;
let apiToken = '';
const snap = (name: string) => run.snap(page, name);
const chooseOption = (label: string, option: string) => choose(page, label, option);

/** The antd form item that holds a labelled field, for reading its validation message. */
function formItem(label: string): Locator {
  return page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
}

/** Seeds a society owning TAKEN_CODE straight through the API, so the form meets a server-side conflict. */
async function seedSocietyWithCode(): Promise<void> {
  const created = await run.call(apiToken, 'POST', '/v1/societies', {
    name: '市物理学会',
    type: 'society',
    discipline: 'science',
    creditCode: TAKEN_CODE,
  });
  expect(created.status).toBe(201);
}

beforeAll(async () => {
  run = await startConsole({ artifactPrefix: '', expectedStatuses: [401, 409, 412], admin: ADMIN });
  baseUrl = run.baseUrl;
  apiToken = await run.login(ADMIN);
  await seedSocietyWithCode();
  page = await run.newPage();
}, 120_000);

afterAll(async () => run?.close(), 60_000);

describe('console: societies', () => {
  it('rejects a wrong password with the server message, then signs in', async () => {
    await page.goto(`${baseUrl}/societies`);
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.title()).toBe('学会通 · Society Hub');
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const failure = page.getByTestId('login-error');
    await failure.waitFor();
    expect((await failure.textContent())?.trim()).toBeTruthy();
    await snap('login-failed');

    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/societies$/);
    await page.getByTestId('page-title').filter({ hasText: '学会管理' }).waitFor();
    await page.getByRole('cell', { name: /市物理学会/ }).waitFor();
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('管理员');
    await snap('societies-list');
  });

  it('validates the credit code as it is typed and maps server errors onto the field', async () => {
    await page.getByTestId('society-create').click();
    await page.waitForURL(/\/societies\/new$/);
    await page.getByLabel('名称', { exact: true }).fill(SOCIETY_NAME);
    await page.getByLabel('英文名称').fill('City Chemical Society');
    await chooseOption('类型', '学会');
    await chooseOption('学科', '理科');
    await page.getByLabel('挂靠单位').fill('市化工研究院');

    const creditCode = page.getByLabel('统一社会信用代码');
    await creditCode.fill(WRONG_CHECK);
    await formItem('统一社会信用代码')
      .getByText(`校验位应为 ${VALID_CODE.charAt(17)}`)
      .waitFor();
    await page.getByLabel('校验例外理由').waitFor();
    await snap('credit-code-checksum');

    await creditCode.fill(TAKEN_CODE);
    await expect.poll(() => page.getByLabel('校验例外理由').count()).toBe(0);
    await page.getByTestId('society-submit').click();
    await formItem('统一社会信用代码').getByText('该信用代码已被其他学会使用').waitFor();
    expect(page.url()).toMatch(/\/societies\/new$/);
    await snap('credit-code-taken');

    await creditCode.fill(VALID_CODE);
    await expect.poll(() => formItem('统一社会信用代码').locator('.ant-form-item-explain-error').count()).toBe(0);
    await page.getByTestId('society-submit').click();
    await page.waitForURL(/\/societies\/[0-9a-f-]{36}$/);
    await page.getByTestId('page-title').filter({ hasText: SOCIETY_NAME }).waitFor();
    expect(await page.getByTestId('society-status').first().getAttribute('data-status')).toBe('preparing');
    await snap('society-created');
  });

  it('edits a field and shows the saved value', async () => {
    await page.getByTestId('society-edit').click();
    await page.waitForURL(/\/edit$/);
    await page.getByLabel('理事长').fill('张明');
    await page.getByLabel('联系电话').fill('0537-2345678');
    await page.getByText('专职', { exact: true }).click();
    await snap('society-edit');
    await page.getByTestId('society-submit').click();
    await page.waitForURL(/\/societies\/[0-9a-f-]{36}$/);
    const profile = page.getByTestId('society-profile');
    await profile.getByText('张明').waitFor();
    await profile.getByText('0537-2345678').waitFor();
    await snap('society-edited');
  });

  it('tells the user when someone else saved first (412) and reloads the latest version', async () => {
    const id = page.url().split('/').at(-1) ?? '';
    await page.getByTestId('society-edit').click();
    await page.waitForURL(/\/edit$/);
    await page.getByLabel('理事长').fill('王强');

    const current = await fetch(`${baseUrl}/v1/societies/${id}`, { headers: { authorization: `Bearer ${apiToken}` } });
    const { version } = (await current.json()) as { version: number };
    const concurrent = await fetch(`${baseUrl}/v1/societies/${id}`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${apiToken}`,
        'if-match': `"${version}"`,
      },
      body: JSON.stringify({ contactPerson: '李华' }),
    });
    expect(concurrent.status).toBe(200);

    await page.getByTestId('society-submit').click();
    const conflict = page.getByRole('dialog').filter({ hasText: '该学会已被他人修改' });
    await conflict.waitFor();
    await snap('edit-conflict');
    await conflict.getByRole('button', { name: '重新加载' }).click();
    await conflict.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByLabel('联系人').inputValue()).toBe('李华');
    expect(await page.getByLabel('理事长').inputValue()).toBe('张明');
    await page.getByRole('button', { name: '取消' }).click();
    await page.waitForURL(/\/societies\/[0-9a-f-]{36}$/);
    await page.getByTestId('society-profile').getByText('李华').waitFor();
  });

  it('activates the society with a reason and records the transition', async () => {
    await page.getByTestId('transition-active').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByTestId('transition-confirm').click();
    await dialog.getByText('请填写变更理由').waitFor();
    await dialog.getByTestId('transition-reason').fill('民政局准予成立登记（济民社登〔2025〕12号）');
    await snap('transition-dialog');
    await dialog.getByTestId('transition-confirm').click();
    await dialog.waitFor({ state: 'hidden' });

    const status = page.getByTestId('society-status').first();
    await expect.poll(() => status.getAttribute('data-status')).toBe('active');
    expect(await status.textContent()).toBe('正常');
    await page.getByTestId('transition-dormant').waitFor();
    expect(await page.getByTestId('transition-active').count()).toBe(0);

    await page.getByRole('tab', { name: '状态记录' }).click();
    const history = page.getByTestId('transition-history');
    await history.getByText('民政局准予成立登记（济民社登〔2025〕12号）').waitFor();
    await history.getByText('admin').waitFor();
    await snap('transition-history');
  });

  it('lists the society with its new status and filters by status', async () => {
    await page.getByRole('link', { name: '学会管理' }).first().click();
    await page.waitForURL(/\/societies$/);
    const row = page.getByRole('row').filter({ hasText: SOCIETY_NAME });
    await row.getByTestId('society-status').filter({ hasText: '正常' }).waitFor();
    await row.getByText(VALID_CODE).waitFor();
    await page.getByTestId('society-search').locator('input').fill('化学');
    await page.getByTestId('society-search').locator('input').press('Enter');
    await expect.poll(() => page.getByRole('row').filter({ hasText: '市物理学会' }).count()).toBe(0);
    await row.waitFor();
    await snap('societies-filtered');

    // A reload keeps the filters (they live in the URL) and the session (restored from the refresh cookie).
    await page.reload();
    await page.getByTestId('page-title').filter({ hasText: '学会管理' }).waitFor();
    await row.waitFor();
    expect(await page.getByTestId('society-search').locator('input').inputValue()).toBe('化学');
    expect(page.url()).not.toMatch(/\/login/);
  });

  it('switches the whole interface to English', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByTestId('page-title').filter({ hasText: 'Societies' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: SOCIETY_NAME });
    await row.getByTestId('society-status').filter({ hasText: 'Active' }).waitFor();
    await snap('societies-english');
    await page.getByTestId('language-switch').click();
    await page.getByTestId('page-title').filter({ hasText: '学会管理' }).waitFor();
  });

  it('logged no errors in the browser console', () => {
    expect(run.browserErrors).toEqual([]);
  });
});
