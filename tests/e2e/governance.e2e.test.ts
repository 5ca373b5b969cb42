/**
 * Governance end to end: terms, the council roster and the governance checklist, an annual report filed by
 * the society's officer through the form, its inspection in the review queue, the capacity index and the
 * disqualification list. Same boot as societies.e2e: the built API on a fresh database and Chromium.
 * Screenshots land in tests/e2e/artifacts/gov-NN-*.png.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withCreditCodeCheck } from '@society-hub/domain';
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
const CREDIT_CODE = withCreditCodeCheck('51370800MJ2468024');
const SOCIETY_NAME = '市机械工程学会';
const OFFICER = { username: 'jixie.office', password: `e2e-${randomBytes(9).toString('base64url')}` };
const REPORT_YEAR = new Date().getFullYear() - 1;
const EXPECTED_HTTP_ERROR = /^Failed to load resource: the server responded with a status of (401|409|412|422) /;

const dbName = `sh_e2e_${randomBytes(6).toString('hex')}`;
let server: ChildProcess | undefined;
let serverOutput = '';
let baseUrl = '';
let apiToken = '';
let societyId = '';
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
  await page.screenshot({
    path: resolve(ARTIFACTS, `gov-${String(step).padStart(2, '0')}-${name}.png`),
    fullPage: true,
  });
}

async function chooseOption(label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${apiToken}`,
      ...(method === 'POST' ? { 'idempotency-key': `e2e-${randomBytes(8).toString('hex')}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The setup the staff did before: an active society with a credit code and its officer's account. */
async function seedSocietyAndOfficer(): Promise<void> {
  const login = await fetch(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  apiToken = accessToken;
  const created = await call('POST', '/v1/societies', {
    name: SOCIETY_NAME,
    type: 'society',
    discipline: 'engineering',
    creditCode: CREDIT_CODE,
    chairName: '张明',
    secretaryGeneralName: '李华',
    secretaryGeneralFullTime: true,
  });
  expect(created.status).toBe(201);
  societyId = ((await created.json()) as { id: string }).id;
  const activated = await call('POST', `/v1/societies/${societyId}/transitions`, {
    to: 'active',
    reason: '民政局准予成立登记',
  });
  expect(activated.status).toBe(200);
  const officer = await call('POST', '/v1/users', {
    username: OFFICER.username,
    password: OFFICER.password,
    role: 'society_officer',
    displayName: '王秘书',
    societyIds: [societyId],
  });
  expect(officer.status).toBe(201);
}

async function signIn(account: { username: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

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
  await seedSocietyAndOfficer();

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
    await context?.clearCookies();
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
    await context?.clearCookies();
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
    expect(browserErrors).toEqual([]);
  });
});
