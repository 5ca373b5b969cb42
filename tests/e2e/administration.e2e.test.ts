import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, type ConsoleRun, startConsole } from '../support/console';

const ADMIN = { username: 'admin', password: `e2e-${randomBytes(9).toString('base64url')}` };
const OFFICER = { username: 'chem.officer', displayName: '王秘书', password: 'Hydrogen-Oxygen-2025' };
const AUDITOR = { username: 'audit.li', displayName: '李审计', password: 'Ledger-Check-2025' };
const OWN_SOCIETY = '市化学化工学会';
const OTHER_SOCIETY = '市物理学会';
const CLIENT_NAME = '市民政局社会组织管理系统';

let baseUrl = '';
let admin: Page;
let officer: Page;
let ownSocietyId = '';
let run: ConsoleRun;
let apiToken = '';
const newPage = () => run.newPage();
const snap = (page: Page, name: string, fullPage?: boolean) => run.snap(page, name, fullPage);
const signIn = (page: Page, account: Account) => run.signIn(page, account);

async function seedSocieties(): Promise<void> {
  for (const name of [OWN_SOCIETY, OTHER_SOCIETY]) {
    const created = await run.call(apiToken, 'POST', '/v1/societies', { name, type: 'society', discipline: 'science' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    if (name === OWN_SOCIETY) ownSocietyId = id;
  }
}

async function menuLabels(page: Page): Promise<string[]> {
  await page.locator('.ant-menu-item').first().waitFor();
  return (await page.locator('.ant-menu-item').allTextContents()).map((text) => text.trim());
}

beforeAll(async () => {
  run = await startConsole({
    artifactPrefix: 'admin-',
    expectedStatuses: [401, 409, 422],
    admin: ADMIN,
    stillScreenshots: true,
  });
  baseUrl = run.baseUrl;
  apiToken = await run.login(ADMIN);
  await seedSocieties();
  admin = await newPage();
}, 120_000);

afterAll(async () => run?.close(), 60_000);

describe('console: administration', () => {
  it('shows the administrator every administration page', async () => {
    await signIn(admin, ADMIN);
    await admin.getByTestId('dashboard').waitFor();
    expect(await menuLabels(admin)).toEqual([
      '工作台',
      '学会管理',
      '入会审批',
      '专家库',
      '年报审核',
      '解除资格名单',
      '项目资助',
      '职能转移试点',
      '学会联合体',
      '账号管理',
      '接口客户端',
      '数据对接',
      '发信记录',
      '审计日志',
      '工作日历',
      '系统设置',
    ]);
  });

  it('creates a society officer, mapping a server field error onto its field', async () => {
    await admin.locator('.ant-menu-item').filter({ hasText: '账号管理' }).click();
    await admin.waitForURL(/\/admin\/users$/);
    await admin.getByRole('row').filter({ hasText: 'admin' }).getByTestId('user-role').waitFor();
    await snap(admin, 'users-list');

    await admin.getByTestId('user-create').click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('admin');
    await dialog.getByLabel('姓名').fill(OFFICER.displayName);
    await dialog.getByLabel('所属学会').click();
    await dialog.getByLabel('所属学会').fill('化学');
    await admin.locator('.ant-select-dropdown:visible').getByTitle(OWN_SOCIETY, { exact: true }).click();
    await dialog.getByLabel('初始密码').fill(OFFICER.password);
    await dialog.getByLabel('确认密码').fill(OFFICER.password);
    await dialog.getByTestId('user-submit').click();
    // The username is taken: only the server knows, and its answer lands on the field.
    await dialog.getByText('该用户名已被使用').waitFor();
    await snap(admin, 'user-username-taken');

    await dialog.getByLabel('用户名').fill(OFFICER.username);
    await dialog.getByTestId('user-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    const row = admin.getByRole('row').filter({ hasText: OFFICER.username });
    await row.getByText(OWN_SOCIETY).waitFor();
    expect(await row.getByTestId('user-role').textContent()).toBe('学会秘书处');
  });

  it('creates an auditor, whom no society is bound to', async () => {
    await admin.getByTestId('user-create').click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(AUDITOR.username);
    await dialog.getByLabel('姓名').fill(AUDITOR.displayName);
    await dialog.getByText('审计', { exact: true }).click();
    await expect.poll(() => dialog.getByLabel('所属学会').count()).toBe(0);
    await dialog.getByLabel('初始密码').fill(AUDITOR.password);
    await dialog.getByLabel('确认密码').fill('Ledger-Check-2024');
    await dialog.getByTestId('user-submit').click();
    await dialog.getByText('两次输入的密码不一致').waitFor();
    await dialog.getByLabel('确认密码').fill(AUDITOR.password);
    await snap(admin, 'user-create-auditor');
    await dialog.getByTestId('user-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    const row = admin.getByRole('row').filter({ hasText: AUDITOR.username });
    expect(await row.getByTestId('user-role').textContent()).toBe('审计');
    await snap(admin, 'users-created');
  });

  it('creates a machine client and shows its secret exactly once', async () => {
    await admin.locator('.ant-menu-item').filter({ hasText: '接口客户端' }).click();
    await admin.waitForURL(/\/admin\/clients$/);
    await admin.getByText('尚未登记接口客户端').waitFor();
    await admin.getByTestId('client-create').click();
    const form = admin.getByRole('dialog');
    await form.getByLabel('名称').fill(CLIENT_NAME);
    await form.getByLabel('所属部门').fill('市民政局');
    await form.getByText('审计日志·读取').click();
    await snap(admin, 'client-create');
    await form.getByTestId('client-submit').click();

    const secretModal = admin.getByRole('dialog').filter({ hasText: '密钥只显示这一次' });
    await secretModal.waitFor();
    const secret = (await secretModal.getByTestId('client-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^shs_/);
    await snap(admin, 'client-secret-once');
    await secretModal.getByTestId('secret-close').click();
    await secretModal.waitFor({ state: 'hidden' });

    const row = admin.getByRole('row').filter({ hasText: CLIENT_NAME });
    await row.getByText('学会·读取').waitFor();
    await row.getByText('审计日志·读取').waitFor();
    expect(await admin.locator('body').textContent()).not.toContain(secret);
    await snap(admin, 'clients-list');
  });

  it('lists the audit log with before/after and verifies the chain', async () => {
    await admin.locator('.ant-menu-item').filter({ hasText: '审计日志' }).click();
    await admin.waitForURL(/\/audit$/);
    const table = admin.getByTestId('audit-table');
    await table.getByText('新建接口客户端').waitFor();
    await table.getByText('新建账号').first().waitFor();
    await snap(admin, 'audit-log');

    await table.getByRole('row').filter({ hasText: '新建学会' }).first().click();
    const drawer = admin.getByTestId('audit-drawer');
    await drawer
      .getByTestId('audit-diff')
      .getByText(/市.*学会/)
      .waitFor();
    await snap(admin, 'audit-entry');
    await admin.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await admin.getByTestId('audit-verify').click();
    const result = admin.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toContain('审计日志完整');
    await snap(admin, 'audit-verified');
  });

  it('gives the society officer only their own society', async () => {
    officer = await newPage();
    await signIn(officer, OFFICER);
    // One society: the menu and the home page lead straight to it.
    await officer.waitForURL(new RegExp(`/societies/${ownSocietyId}$`));
    await officer.getByTestId('page-title').filter({ hasText: OWN_SOCIETY }).waitFor();
    expect(await menuLabels(officer)).toEqual([
      '学会管理',
      '会员管理',
      '入会审批',
      '项目资助',
      '职能转移试点',
      '学会联合体',
    ]);

    await officer.goto(`${baseUrl}/societies`);
    await officer.getByRole('row').filter({ hasText: OWN_SOCIETY }).waitFor();
    expect(await officer.getByRole('row').filter({ hasText: OTHER_SOCIETY }).count()).toBe(0);
    await snap(officer, 'officer-societies');

    for (const path of ['/admin/users', '/admin/clients', '/audit', '/admin/settings', '/reports/review']) {
      await officer.goto(`${baseUrl}${path}`);
      await officer.waitForURL(new RegExp(`/societies/${ownSocietyId}$`));
    }
    await officer.getByText('当前角色无权访问该页面').waitFor();
    await snap(officer, 'officer-denied');
  });

  it('lets the auditor read accounts, clients and the audit log without any write button', async () => {
    const auditor = await newPage();
    await signIn(auditor, AUDITOR);
    expect(await menuLabels(auditor)).toEqual([
      '工作台',
      '学会管理',
      '专家库',
      '年报审核',
      '解除资格名单',
      '项目资助',
      '职能转移试点',
      '学会联合体',
      '账号管理',
      '接口客户端',
      '数据对接',
      '审计日志',
      '工作日历',
      '系统设置',
    ]);

    await auditor.goto(`${baseUrl}/admin/users`);
    await auditor.getByRole('row').filter({ hasText: OFFICER.username }).getByText(OWN_SOCIETY).waitFor();
    await auditor.getByTestId('read-only').waitFor();
    expect(await auditor.getByTestId('user-create').count()).toBe(0);
    expect(await auditor.getByTestId('user-edit').count()).toBe(0);
    expect(await auditor.getByTestId('user-toggle').count()).toBe(0);
    await snap(auditor, 'auditor-users');

    await auditor.goto(`${baseUrl}/admin/clients`);
    await auditor.getByRole('row').filter({ hasText: CLIENT_NAME }).waitFor();
    expect(await auditor.getByTestId('client-create').count()).toBe(0);
    expect(await auditor.getByTestId('client-rotate').count()).toBe(0);

    await auditor.goto(`${baseUrl}/admin/settings`);
    await auditor.getByTestId('signing-keys-table').getByText('当前使用').waitFor();
    expect(await auditor.getByTestId('signing-key-rotate').count()).toBe(0);

    await auditor.goto(`${baseUrl}/audit`);
    await auditor.getByTestId('audit-table').getByText('新建接口客户端').waitFor();
    await snap(auditor, 'auditor-audit');
  });

  it('disables the officer, whose next action leads to the sign-in page', async () => {
    await admin.locator('.ant-menu-item').filter({ hasText: '账号管理' }).click();
    await admin.waitForURL(/\/admin\/users$/);
    // The API refuses to let an administrator lock themselves out, and the console says so plainly.
    await admin.getByRole('row').filter({ hasText: '当前登录' }).getByTestId('user-toggle').click();
    await admin.getByRole('dialog').getByTestId('toggle-confirm').click();
    await admin.getByText('不能停用或降级自己的管理员账号').waitFor();
    await snap(admin, 'user-self-disable-refused');
    await admin.getByRole('dialog').waitFor({ state: 'hidden' });

    const row = admin.getByRole('row').filter({ hasText: OFFICER.username });
    await row.getByTestId('user-toggle').click();
    const confirm = admin.getByRole('dialog').filter({ hasText: '会话立即结束' });
    await confirm.waitFor();
    await snap(admin, 'user-disable-confirm');
    await confirm.getByTestId('toggle-confirm').click();
    await expect.poll(() => row.getByTestId('account-status').getAttribute('data-disabled')).toBe('true');
    await snap(admin, 'user-disabled');

    // An ordinary click inside the page the officer already has open: the API refuses the old token, the
    // refresh cookie was revoked with the account, so the console ends the session.
    await officer.getByRole('link', { name: '学会管理' }).first().click();
    await officer.waitForURL(/\/login\?.*expired=1/);
    await officer.getByText('登录已过期，请重新登录').waitFor();
    await snap(officer, 'officer-signed-out');
  });

  it('logged no errors in the browser console', () => {
    expect(run.browserErrors).toEqual([]);
  });
});
