import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleRun, startConsole } from '../support/console';
import { linkIn, type MailServer, startMailServer } from '../support/mail-server';

const ADMIN = { username: 'admin', password: `e2e-${randomBytes(9).toString('base64url')}` };
const INVITED = { username: 'zhao.invited', password: 'Carbon-Nitrogen-2026' };
const ADDRESS = 'zhao@society.test';
// The console's port is chosen when it starts, after the API's environment is set: the mail carries this
// origin and the test follows the link's path and fragment on the console's real one.
const PUBLIC_URL = 'http://console.test';
const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots');
const PHONE = { width: 390, height: 844 };

let run: ConsoleRun;
let mail: MailServer;
let adminToken = '';

beforeAll(async () => {
  mail = await startMailServer();
  run = await startConsole({
    artifactPrefix: 'invitation-',
    expectedStatuses: [401],
    admin: ADMIN,
    stillScreenshots: true,
    env: { SMTP_URL: mail.url, PUBLIC_URL },
  });
  adminToken = await run.login(ADMIN);
}, 120_000);

afterAll(async () => {
  await run?.close();
  await mail?.stop();
}, 60_000);

async function phonePage(): Promise<Page> {
  const page = await run.newPage();
  await page.setViewportSize(PHONE);
  return page;
}

describe('console: invitations, the message log and the bell', () => {
  it('invites by mail; the invited person sets a password from the link and signs in', async () => {
    const invited = await run.call(adminToken, 'POST', '/v1/invitations', {
      username: INVITED.username,
      displayName: '赵老师',
      role: 'auditor',
      channel: 'email',
      address: ADDRESS,
    });
    expect(invited.status).toBe(201);
    const [received] = await mail.waitFor(ADDRESS);
    if (!received) throw new Error('no invitation mail');
    const link = linkIn(received, PUBLIC_URL);
    expect(link.pathname).toBe('/invitation');
    const token = new URLSearchParams(link.hash.slice(1)).get('token') ?? '';
    expect(token.length).toBeGreaterThanOrEqual(20);

    // The console has no invitation page yet (not done): the password is set through the API.
    const accepted = await fetch(`${run.baseUrl}/v1/auth/invitation/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: INVITED.password }),
    });
    expect(accepted.status).toBe(204);

    const page = await phonePage();
    await run.signIn(page, INVITED);
    await page.getByTestId('current-user').getByText(INVITED.username).waitFor();
  });

  it('shows the administrator the message log, masked, with the text and the provider’s answer', async () => {
    const page = await run.newPage();
    await run.signIn(page, ADMIN);
    await page.locator('.ant-menu-item').filter({ hasText: '发信记录' }).click();
    const table = page.getByTestId('messages-table');
    const row = table.locator('tbody tr.ant-table-row').first();
    await row.waitFor();
    const address = (await row.getByTestId('message-address').textContent()) ?? '';
    expect(address).not.toBe(ADDRESS);
    expect(address).toContain('*');
    await row.click();
    const drawer = page.getByTestId('message-drawer');
    await expect
      .poll(async () => (await drawer.getByTestId('message-body').textContent()) ?? '')
      .toContain('/invitation#token=');
    await drawer.getByTestId('message-provider').waitFor();
    await drawer.getByTestId('message-redeliver').waitFor();
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'message-log-drawer-phone.png') });
  });

  it('counts the unread notifications on the bell and lists them when opened', async () => {
    const page = await phonePage();
    await run.signIn(page, ADMIN);
    const unread = (await (await run.call(adminToken, 'GET', '/v1/me/notifications/unread-count')).json()) as {
      unread: number;
    };
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    if (unread.unread > 0) await bell.locator('.ant-badge-count').getByText(String(unread.unread)).waitFor();
    await bell.click();
    await page.getByTestId('notification-list').waitFor();
    await page.getByText('站内通知').waitFor();
    await page.screenshot({ path: resolve(SCREENSHOTS, 'notification-bell-phone.png') });
  });

  it('reports no unexpected browser errors', () => {
    expect(run.browserErrors).toEqual([]);
  });
});
