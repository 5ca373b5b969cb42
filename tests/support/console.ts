/**
 * What every browser test stands on: the built API (serving the built console) as its own process on a
 * fresh PostgreSQL database, headless Chromium, pages that collect every browser-side problem, numbered
 * screenshots in tests/e2e/artifacts/ (gitignored) for a human to look at, and the API calls that seed
 * the data a flow starts from.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { createTestDatabase } from './database';
import { REPO_ROOT, type ServerProcess, startServerProcess } from './server-process';

export const ARTIFACTS = resolve(REPO_ROOT, 'tests/e2e/artifacts');

/** Every open page of this test file, with the last API calls it made (for describing a failure). */
const openPages = new Map<Page, string[]>();
/** How many of a page's API calls a failure report lists. */
const CALLS_KEPT = 15;

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What the pages showed when a test failed: the start of the page's text, the alerts, messages,
 * dialogs and field errors on screen, and the page's last API calls with their answers (or why they
 * got none). A timeout alone ("waiting for 已提交") does not say whether the server refused, the page
 * showed an error, the request was never sent, or nothing happened; CI keeps only the log.
 */
export async function describeOpenPages(): Promise<string> {
  const parts: string[] = [];
  for (const [page, calls] of openPages) {
    if (page.isClosed()) continue;
    const shown = await page
      .locator('.ant-alert, .ant-message-notice, .ant-modal-title, .ant-form-item-explain-error, .ant-result-title')
      .allInnerTexts()
      .catch(() => []);
    // The content beside the menu, else the whole page (the login page has no menu).
    const content = page.locator('.ant-layout-content');
    const text = await ((await content.count().catch(() => 0)) > 0 ? content.first() : page.locator('body'))
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's, not the DOM's: the text as a person sees it
      .innerText({ timeout: 2_000 })
      .catch(() => '');
    parts.push(
      [
        `page ${page.url()}`,
        `  reads: ${oneLine(text).slice(0, 240) || '(nothing)'}`,
        `  on screen: ${shown.map(oneLine).filter(Boolean).join(' | ') || '(nothing)'}`,
        `  last API calls: ${calls.join(', ') || '(none)'}`,
      ].join('\n'),
    );
  }
  return parts.join('\n');
}
const BUILT = ['apps/api/dist/server.js', 'apps/console/dist/index.html'];

export interface Account {
  username: string;
  password: string;
}

export interface ConsoleOptions {
  /** Screenshot file prefix, e.g. `mem-` → `mem-01-name.png`. */
  artifactPrefix: string;
  /**
   * HTTP statuses the flow provokes on purpose (no session yet, a wrong password, a taken code …).
   * Chromium logs every 4xx answer as a console error; these are part of the contract, anything else is
   * a problem. Server failures (5xx) are always problems.
   */
  expectedStatuses: readonly number[];
  /** The administrator the server creates on its empty database (a random password when not given). */
  admin?: Account;
  /** Extra server environment. */
  env?: Record<string, string>;
  /** Freeze CSS animations in screenshots. */
  stillScreenshots?: boolean;
}

export interface ConsoleRun {
  baseUrl: string;
  /** The run's own database, for the rare setup no API call can make (e.g. moving a date into the past). */
  databaseUrl: string;
  admin: Account;
  /** Console errors beyond the expected 4xx, 5xx answers and uncaught exceptions, from every page. */
  browserErrors: string[];
  /** A page in a context of its own (its own cookies, so its own session). */
  newPage(options?: { acceptDownloads?: boolean }): Promise<Page>;
  snap(page: Page, name: string, fullPage?: boolean): Promise<void>;
  signIn(page: Page, account: Account): Promise<void>;
  /** An access token for direct API calls (seeding). */
  login(account: Account): Promise<string>;
  /** A JSON API call with a bearer token; POSTs carry a fresh Idempotency-Key. */
  call(token: string, method: string, path: string, body?: unknown): Promise<Response>;
  /**
   * The setup staff did before a society's own flow: the society registered (`society` is its
   * SocietyCreate body) and activated, and its officer's account. Returns the society id.
   */
  seedActiveSociety(
    token: string,
    society: Record<string, unknown>,
    officer: Account & { displayName: string },
  ): Promise<string>;
  close(): Promise<void>;
}

export async function startConsole(options: ConsoleOptions): Promise<ConsoleRun> {
  for (const file of BUILT) {
    if (!existsSync(resolve(REPO_ROOT, file))) throw new Error(`${file} is missing: run \`pnpm build\` first`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const admin: Account = options.admin ?? {
    username: 'admin',
    password: `e2e-${randomBytes(9).toString('base64url')}`,
  };
  const database = await createTestDatabase('sh_e2e', inject('templateDatabase') || undefined);
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const close = async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await Promise.race([server.exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
    await database.drop();
  };

  try {
    server = await startServerProcess({
      DATABASE_URL: database.url,
      ADMIN_USERNAME: admin.username,
      ADMIN_PASSWORD: admin.password,
      MEMBER_DATA_KEY: randomBytes(32).toString('base64'),
      ...options.env,
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  } catch (error) {
    await close();
    throw error;
  }

  const { baseUrl } = server;
  const running = browser;
  const browserErrors: string[] = [];
  const expected = new RegExp(
    `^Failed to load resource: the server responded with a status of (${options.expectedStatuses.join('|')}) `,
  );
  let step = 0;
  const call: ConsoleRun['call'] = (token, method, path, body) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(method === 'POST' ? { 'idempotency-key': `e2e-${randomBytes(8).toString('hex')}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  return {
    baseUrl,
    databaseUrl: database.url,
    admin,
    browserErrors,
    async newPage({ acceptDownloads = false } = {}) {
      const context = await running.newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
        acceptDownloads,
        // The console then opens dialogs without their zoom (see use-reduced-motion.ts): on a loaded
        // machine a click aimed at a dialog's button while it grew landed beside it — on 取消, or on
        // nothing — and the flow stalled with no request sent.
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      const page = await context.newPage();
      // Generous: CI runs these beside the API tests on two cores, where a cold page can take 15 s.
      page.setDefaultTimeout(30_000);
      page.on('console', (message) => {
        if (message.type() === 'error' && !expected.test(message.text())) browserErrors.push(message.text());
      });
      const calls: string[] = [];
      openPages.set(page, calls);
      page.on('close', () => openPages.delete(page));
      const keep = (call: string) => {
        calls.push(call);
        if (calls.length > CALLS_KEPT) calls.shift();
      };
      const apiPath = (url: string) => {
        const { pathname, search } = new URL(url);
        return pathname.startsWith('/v1/') ? `${pathname}${search}` : null;
      };
      page.on('response', (response) => {
        const status = response.status();
        const method = response.request().method();
        if (status >= 500) browserErrors.push(`${status} ${method} ${response.url()}`);
        const path = apiPath(response.url());
        if (path) keep(`${status} ${method} ${path}`);
      });
      page.on('requestfailed', (request) => {
        const path = apiPath(request.url());
        if (path) keep(`no answer (${request.failure()?.errorText ?? 'failed'}) ${request.method()} ${path}`);
      });
      page.on('pageerror', (error) => browserErrors.push(error.message));
      return page;
    },
    async snap(page, name, fullPage = true) {
      step += 1;
      await page.screenshot({
        path: resolve(ARTIFACTS, `${options.artifactPrefix}${String(step).padStart(2, '0')}-${name}.png`),
        fullPage,
        ...(options.stillScreenshots ? { animations: 'disabled' as const } : {}),
      });
    },
    async signIn(page, account) {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('用户名').fill(account.username);
      await page.getByLabel('密码').fill(account.password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    },
    async login(account) {
      const response = await fetch(`${baseUrl}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(account),
      });
      if (response.status !== 200) throw new Error(`login as ${account.username}: HTTP ${response.status}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
    call,
    async seedActiveSociety(token, society, officer) {
      const post = (path: string, body: unknown) => call(token, 'POST', path, body);
      const created = await post('/v1/societies', society);
      if (created.status !== 201) throw new Error(`society not created: HTTP ${created.status}`);
      const { id } = (await created.json()) as { id: string };
      const activated = await post(`/v1/societies/${id}/transitions`, {
        to: 'active',
        reason: '民政局准予成立登记',
      });
      if (activated.status !== 200) throw new Error(`society not activated: HTTP ${activated.status}`);
      const account = await post('/v1/users', { ...officer, role: 'society_officer', societyIds: [id] });
      if (account.status !== 201) throw new Error(`officer not created: HTTP ${account.status}`);
      return id;
    },
    close,
  };
}

/** Picks `option` in the antd Select labelled `label`. */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}
