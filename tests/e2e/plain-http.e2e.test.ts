/**
 * The console as a 市科协 without TLS runs it: opened as http://<the server's intranet address>:port
 * (not loopback, which browsers treat as secure). Before, every answer's CSP said
 * upgrade-insecure-requests, so the browser fetched the scripts over an https that was not there and
 * showed a blank page; and in production the refresh cookie was Secure, so a reload signed the user out.
 * Also: after an administrator's reset, the console asks for a new password before anything else.
 */
import { networkInterfaces } from 'node:os';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, type ConsoleRun, startConsole } from '../support/console';

const INTRANET = Object.values(networkInterfaces())
  .flatMap((list) => list ?? [])
  .find((info) => info.family === 'IPv4' && !info.internal)?.address;
if (!INTRANET) {
  console.warn(
    'plain-http e2e skipped: this machine has no non-loopback IPv4 address, and over loopback browsers never upgrade requests',
  );
}

const AUDITOR: Account & { displayName: string } = {
  username: 'audit.wang',
  displayName: '王审计',
  password: 'Given-By-Admin-2026',
};

let run: ConsoleRun;
let origin = '';

async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto(`${origin}/login`);
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe.skipIf(!INTRANET)('console over plain http on an intranet address', () => {
  beforeAll(async () => {
    run = await startConsole({
      artifactPrefix: 'http-',
      // No session yet (401 from the first refresh); a reset user's calls before the new password (403); a wrong current password (422).
      expectedStatuses: [401, 403, 422],
      // As the production image runs (NODE_ENV=production), listening on every interface.
      env: { HOST: '0.0.0.0', NODE_ENV: 'production' },
    });
    origin = run.baseUrl.replace('127.0.0.1', INTRANET ?? '');
  }, 120_000);
  afterAll(async () => run?.close(), 60_000);

  it('loads, signs in, and is still signed in after a reload', async () => {
    const page = await run.newPage();
    await signIn(page, run.admin);
    await page.getByTestId('dashboard').waitFor();
    const cookie = (await page.context().cookies()).find((c) => c.name === 'sh_refresh');
    expect(cookie?.secure).toBe(false);
    await page.reload();
    await page.getByTestId('dashboard').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await run.snap(page, 'reloaded-still-signed-in');
    expect(run.browserErrors).toEqual([]);
  });

  it('after an administrator’s reset, asks for a new password (with the current one) before anything else', async () => {
    const token = await run.login(run.admin);
    const created = await run.call(token, 'POST', '/v1/users', {
      ...AUDITOR,
      password: 'First-Password-2026',
      role: 'auditor',
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const reset = await run.call(token, 'POST', `/v1/users/${id}/password`, { password: AUDITOR.password });
    expect(reset.status).toBe(200);

    const page = await run.newPage();
    await signIn(page, AUDITOR);
    await page.waitForURL((url) => url.pathname === '/password');
    await page.getByTestId('password-forced').waitFor();
    // Anywhere else leads back here.
    await page.goto(`${origin}/societies`);
    await page.waitForURL((url) => url.pathname === '/password');
    await run.snap(page, 'must-change-password');

    await page.getByTestId('password-current').fill('not-the-current-one');
    await page.getByTestId('password-new').fill('My-Own-Choice-2026');
    await page.getByTestId('password-confirm').fill('My-Own-Choice-2026');
    await page.getByTestId('password-submit').click();
    await page.getByText('当前密码不正确').waitFor();

    await page.getByTestId('password-current').fill(AUDITOR.password);
    await page.getByTestId('password-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('dashboard').waitFor();
    expect((await run.login({ username: AUDITOR.username, password: 'My-Own-Choice-2026' })).length).toBeGreaterThan(0);
    expect(run.browserErrors).toEqual([]);
  });

  it('signs a user out when an administrator resets their password, and then asks for a new one', async () => {
    const token = await run.login(run.admin);
    const account = { username: 'audit.zhao', password: 'First-Password-2026' };
    const created = await run.call(token, 'POST', '/v1/users', { ...account, role: 'auditor' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const page = await run.newPage();
    await signIn(page, account);
    await page.getByTestId('dashboard').waitFor();

    const reset = await run.call(token, 'POST', `/v1/users/${id}/password`, { password: 'Given-By-Admin-2027' });
    expect(reset.status).toBe(200);
    // The page's access token and session died with the old password: its next call leads to the sign-in
    // page, and signing in with the password the administrator gave leads to choosing one's own.
    await page.locator('.ant-menu-item', { hasText: '学会管理' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await signIn(page, { username: account.username, password: 'Given-By-Admin-2027' });
    await page.waitForURL((url) => url.pathname === '/password');
    await page.getByTestId('password-forced').waitFor();
    expect(run.browserErrors).toEqual([]);
  });
});
