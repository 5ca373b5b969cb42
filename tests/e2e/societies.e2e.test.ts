/**
 * The console end to end: a real API on a fresh PostgreSQL database, the built console it serves, and a
 * headless Chromium driving it the way association staff would. Screenshots of every step land in
 * tests/e2e/artifacts/ (gitignored) for a human to look at.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CREDIT_CODE_ALPHABET, withCreditCodeCheck } from '@society-hub/domain';
import pg from 'pg';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = resolve(ROOT, 'tests/e2e/artifacts');
const SERVER = resolve(ROOT, 'apps/api/dist/server.js');
const CONSOLE = resolve(ROOT, 'apps/console/dist/index.html');
const ADMIN_URL = process.env.E2E_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ADMIN = { username: 'admin', password: `e2e-${randomBytes(9).toString('base64url')}` };

/** A valid code, one that is taken by a society seeded through the API, and one with a wrong check character. */
const VALID_CODE = withCreditCodeCheck('51370800MJ1234567');
const TAKEN_CODE = withCreditCodeCheck('51370800MJ7654321');
const WRONG_CHECK = `${VALID_CODE.slice(0, 17)}${CREDIT_CODE_ALPHABET.charAt((CREDIT_CODE_ALPHABET.indexOf(VALID_CODE.charAt(17)) + 1) % 31)}`;
const SOCIETY_NAME = '市化学化工学会';
const EXPECTED_HTTP_ERROR = /^Failed to load resource: the server responded with a status of (401|409|412) /;

const dbName = `sh_e2e_${randomBytes(6).toString('hex')}`;
let server: ChildProcess | undefined;
let serverOutput = '';
let baseUrl = '';
let apiToken = '';
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
const browserErrors: string[] = [];
let step = 0;

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdminDb<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function waitForReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`API exited early (${server?.exitCode}):\n${serverOutput}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`API not ready within ${timeoutMs} ms:\n${serverOutput}`);
}

async function snap(name: string): Promise<void> {
  step += 1;
  await page.screenshot({ path: resolve(ARTIFACTS, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
}

/** The antd form item that holds a labelled field, for reading its validation message. */
function formItem(label: string): Locator {
  return page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
}

async function chooseOption(label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/** Seeds a society owning TAKEN_CODE straight through the API, so the form meets a server-side conflict. */
async function seedSocietyWithCode(): Promise<void> {
  const login = await fetch(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  apiToken = accessToken;
  const created = await fetch(`${baseUrl}/v1/societies`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${apiToken}`,
      'idempotency-key': `e2e-seed-${dbName}`,
    },
    body: JSON.stringify({ name: '市物理学会', type: 'society', discipline: 'science', creditCode: TAKEN_CODE }),
  });
  expect(created.status).toBe(201);
}

beforeAll(async () => {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`pnpm build\` first`);
  if (!existsSync(CONSOLE)) throw new Error(`${CONSOLE} is missing: run \`pnpm build\` first`);
  mkdirSync(ARTIFACTS, { recursive: true });

  await withAdminDb((client) => client.query(`CREATE DATABASE ${dbName}`));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(dbName),
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => {
    serverOutput += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    serverOutput += chunk.toString();
  });
  await waitForReady(baseUrl, 60_000);
  await seedSocietyWithCode();

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('console', (message) => {
    // Chromium logs every 4xx answer; those the flow provokes on purpose (no session yet, wrong password,
    // a taken credit code) are part of the contract. Server failures are caught below.
    if (message.type() === 'error' && !EXPECTED_HTTP_ERROR.test(message.text())) browserErrors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 500)
      browserErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('pageerror', (error) => browserErrors.push(error.message));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server?.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  await withAdminDb((client) => client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
}, 60_000);

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
    expect(browserErrors).toEqual([]);
  });
});
