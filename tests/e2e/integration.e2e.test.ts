import { withCreditCodeCheck } from '@society-hub/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleRun, chooseOption, startConsole } from '../support/console';
import { eventually, type Receiver, startReceiver, verifySignature } from '../support/webhook-receiver';

const CLIENT_NAME = '市民政局社会组织管理系统';
/** Registered societies need a valid unified social credit code to become active. */
const creditCode = (n: number) => withCreditCodeCheck(`51370800MJ${String(n).padStart(7, '0')}`);
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

let run: ConsoleRun;
let receiver: Receiver;
let token = '';
let opticsId = '';
let preparingId = '';

async function post(path: string, body: unknown) {
  const response = await run.call(token, 'POST', path, body);
  if (response.status >= 300) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json() as Promise<{ id: string }>;
}

beforeAll(async () => {
  receiver = await startReceiver();
  run = await startConsole({
    artifactPrefix: 'integration-',
    // 404: a society's public page for one that is not active.
    expectedStatuses: [401, 404],
    stillScreenshots: true,
    env: { WEBHOOK_POLL_MS: '200', WEBHOOK_INTERNAL_HOSTS: '127.0.0.1' },
  });
  token = await run.login(run.admin);
  const optics = await post('/v1/societies', {
    name: '市光学学会',
    creditCode: creditCode(1),
    type: 'society',
    discipline: 'science',
    contactPerson: '李联络',
    contactPhone: '0537-1234567',
    contactEmail: 'office@optics.example.org',
    website: 'https://optics.example.org',
    chairName: '张理事长',
    officeAddress: '海川市科技路 1 号',
    supportingUnit: '市光电研究所',
    foundedOn: '1986-05-20',
    evaluationGrade: 4,
    evaluationGradeOn: '2024-12-15',
    partyOrganisation: 'joint_branch',
    partyOrganisationOn: '2019-07-01',
  });
  opticsId = optics.id;
  const medicine = await post('/v1/societies', {
    name: '市医学会',
    creditCode: creditCode(2),
    type: 'association',
    discipline: 'medicine',
  });
  for (const id of [optics.id, medicine.id]) {
    await post(`/v1/societies/${id}/transitions`, { to: 'active', reason: '民政局准予成立登记' });
  }
  preparingId = (await post('/v1/societies', { name: '市筹建学会', type: 'society', discipline: 'science' })).id;
  for (const name of ['陈会员', '林会员']) {
    await post(`/v1/societies/${opticsId}/members`, { kind: 'individual', name });
  }
  const program = await post('/v1/funding-programs', {
    name: `${today.slice(0, 4)}年度学会项目资助`,
    year: Number(today.slice(0, 4)),
    opensOn: today,
    closesOn: today,
    totalBudgetFen: 300_000_000,
  });
  await post(`/v1/funding-programs/${program.id}/transitions`, { to: 'open', reason: '发布申报通知' });
  await post('/v1/clients', { name: CLIENT_NAME, scopes: ['societies:read', 'events:read'], societyIds: [] });
}, 120_000);

afterAll(async () => {
  await run?.close();
  await receiver?.close();
}, 60_000);

describe('console: the public directory', () => {
  it('is reached from the login page and lists active societies with their contacts, and the open calls', async () => {
    const page = await run.newPage();
    await page.goto(`${run.baseUrl}/login`);
    await page.getByTestId('login-directory').click();
    await page.waitForURL(/\/directory$/);
    const table = page.getByTestId('directory-table');
    await table.getByText('市光学学会').waitFor();
    await table.getByText('office@optics.example.org').waitFor();
    expect(await table.getByText('市筹建学会').count()).toBe(0);
    expect(await table.getByText('张理事长').count()).toBe(0);
    await run.snap(page, 'directory');

    const search = page.getByPlaceholder('学会名称');
    await search.fill('医学');
    await search.press('Enter');
    await table.getByText('市医学会').waitFor();
    await table.getByText('市光学学会').waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: '申报通知' }).click();
    const call = page.getByTestId('open-call');
    await call.getByText(`${today.slice(0, 4)}年度学会项目资助`).waitFor();
    await call.getByText('学术年会').waitFor();
    await run.snap(page, 'open-calls');
    expect(run.browserErrors).toEqual([]);
  });

  it('gives each society a page of its own, reached from the directory, in Chinese and English', async () => {
    const page = await run.newPage();
    await page.goto(`${run.baseUrl}/directory`);
    await page.getByTestId('directory-table').getByRole('link', { name: '市光学学会' }).click();
    await page.waitForURL(new RegExp(`/directory/${opticsId}$`));
    await page.getByTestId('page-title').filter({ hasText: '市光学学会' }).waitFor();
    const profile = page.getByTestId('society-profile');
    await profile.getByText('市光电研究所').waitFor();
    await profile.getByText('联合组建').waitFor();
    await profile.getByText('1–99 人').waitFor();
    await profile.getByText('4A').waitFor();
    await page.getByTestId('society-contact').getByText('office@optics.example.org').waitFor();
    await page
      .getByTestId('society-open-calls')
      .getByText(`${today.slice(0, 4)}年度学会项目资助`)
      .waitFor();
    // Nobody's name but the published contact's.
    expect(await page.getByText('张理事长').count()).toBe(0);
    expect(await page.getByText('陈会员').count()).toBe(0);
    await run.snap(page, 'society-page');

    await page.getByTestId('language-switch').click();
    await page.getByTestId('society-profile').getByText('Joint branch').waitFor();
    await page.getByText('Projects funded by the Association').waitFor();
    await run.snap(page, 'society-page-en');
    await page.getByTestId('language-switch').click();

    await page.getByTestId('society-back').click();
    await page.waitForURL(/\/directory$/);

    // A society that is not active has no page: the same answer as for one that does not exist.
    await page.goto(`${run.baseUrl}/directory/${preparingId}`);
    await page.getByText('未找到该学会').waitFor();
    await run.snap(page, 'society-page-missing');
    expect(run.browserErrors).toEqual([]);
  });
});

describe('console: webhooks', () => {
  let page: Page;

  it('subscribes a machine client, showing the signing secret once', async () => {
    page = await run.newPage();
    await run.signIn(page, run.admin);
    await page.goto(`${run.baseUrl}/admin/clients`);
    await page.getByTestId('client-integration').click();
    await page.waitForURL(/\/admin\/webhooks$/);
    await page.getByTestId('webhook-create').click();
    const dialog = page.getByRole('dialog');
    await chooseOption(page, '对接系统', CLIENT_NAME);
    await dialog.getByLabel('接收地址').fill(`${receiver.url}/console`);
    await run.snap(page, 'webhook-create');
    await page.getByTestId('webhook-submit').click();
    const secret = await page.getByTestId('webhook-secret').textContent();
    expect(secret).toMatch(/^whsec_/);
    await run.snap(page, 'webhook-secret');
    await page.getByTestId('webhook-secret-close').click();
    await page.getByTestId('webhooks-table').getByText(`${receiver.url}/console`).waitFor();
    expect(await page.getByText(secret ?? '').count()).toBe(0);

    await post('/v1/societies', { name: '市推送学会', type: 'society', discipline: 'engineering' });
    const [delivered] = await eventually(async () => {
      const got = receiver.received.filter((r) => r.path === '/console');
      return got.length > 0 ? got : undefined;
    });
    expect(delivered?.event.type).toBe('society.created');
    expect(verifySignature(secret ?? '', delivered?.headers ?? {}, delivered?.body ?? '')).toBe(true);
  });

  it('shows the delivery log with status, and delivers again on request', async () => {
    await page.getByTestId('webhook-deliveries').click();
    const drawer = page.getByTestId('deliveries-drawer');
    await drawer.locator('[data-testid="delivery-status"][data-status="succeeded"]').waitFor();
    await drawer.getByText('society.created').waitFor();
    await run.snap(page, 'webhook-deliveries');
    const before = receiver.received.filter((r) => r.path === '/console').length;
    await drawer.getByTestId('delivery-redeliver').click();
    await page.getByText('已加入投递队列').waitFor();
    await eventually(async () => receiver.received.filter((r) => r.path === '/console').length > before);
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: '变更流' }).click();
    await page.getByTestId('events-table').getByText('society.created').first().waitFor();
    await run.snap(page, 'change-feed');
    expect(run.browserErrors).toEqual([]);
  });
});
