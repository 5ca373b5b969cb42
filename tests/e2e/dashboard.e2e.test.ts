import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleRun, startConsole } from '../support/console';

const ADMIN = { username: 'admin', password: `e2e-${randomBytes(9).toString('base64url')}` };

let run: ConsoleRun;
let staff: Page;

interface Dashboard {
  societies: { byStatus: Record<string, number>; total: number };
  partyOrganisation: { covered: number; societies: number };
  reelections: { items: { society: { name: string } }[] };
}
let figures: Dashboard;

beforeAll(async () => {
  run = await startConsole({
    artifactPrefix: 'dash-',
    expectedStatuses: [401],
    admin: ADMIN,
    env: { DEMO_DATA: '1' },
    stillScreenshots: true,
  });
  const token = await run.login(ADMIN);
  figures = (await (await run.call(token, 'GET', '/v1/stats/dashboard')).json()) as Dashboard;
  staff = await run.newPage({ acceptDownloads: true });
  await run.signIn(staff, ADMIN);
}, 240_000);
afterAll(async () => run?.close());

/**
 * Clicks just clockwise of twelve o'clock on a donut drawn by `DonutChart` (centre at 35% of the width,
 * ring between 42% and 70% of the radius): ECharts starts the first slice there.
 */
async function clickFirstSlice(canvas: Locator): Promise<void> {
  const box = await canvas.boundingBox();
  if (!box) throw new Error('chart not drawn');
  const radius = (Math.min(box.width, box.height) / 2) * 0.56;
  const angle = (4 * Math.PI) / 180;
  await canvas.click({
    position: { x: box.width * 0.35 + radius * Math.sin(angle), y: box.height / 2 - radius * Math.cos(angle) },
  });
}

describe('console: the dashboard', () => {
  it('opens on the dashboard with the figures the Association reports', async () => {
    await staff.goto(`${run.baseUrl}/`);
    const dashboard = staff.getByTestId('dashboard');
    await dashboard.waitFor();
    await expect
      .poll(() => staff.getByTestId('kpi-active').locator('.ant-statistic-content').textContent())
      .toContain(String(figures.societies.byStatus.active));
    expect(await staff.getByTestId('kpi-party').textContent()).toContain(
      `${figures.partyOrganisation.covered} / ${figures.partyOrganisation.societies}`,
    );
    for (const chart of ['status', 'tier', 'party', 'inspections', 'members', 'funding']) {
      await staff.getByTestId(`chart-${chart}-canvas`).locator('canvas').first().waitFor();
    }
    const first = figures.reelections.items[0];
    if (first) await staff.getByTestId('reelections').getByText(first.society.name).waitFor();
    await run.snap(staff, 'dashboard');
  });

  it('drills down from a chart to the list behind it', async () => {
    await clickFirstSlice(staff.getByTestId('chart-status-canvas'));
    await staff.waitForURL((url) => url.pathname === '/societies' && url.searchParams.has('status'));
    const status = new URL(staff.url()).searchParams.get('status') ?? '';
    expect(figures.societies.byStatus[status]).toBeGreaterThan(0);
    const rows = staff.getByTestId('societies-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(Math.min(figures.societies.byStatus[status] ?? 0, 20));
    await run.snap(staff, 'drilled-status');

    await staff.goto(`${run.baseUrl}/`);
    await clickFirstSlice(staff.getByTestId('chart-members-canvas'));
    const drawer = staff.getByTestId('drill-members');
    await drawer.locator('tbody tr.ant-table-row').first().waitFor();
    await run.snap(staff, 'drilled-members');
    await staff.keyboard.press('Escape');
  });

  it('exports a chart’s data as CSV with the numbers it draws', async () => {
    await staff.goto(`${run.baseUrl}/`);
    await staff.getByTestId('chart-status-export').click();
    const downloaded = staff.waitForEvent('download');
    await staff.locator('.ant-dropdown:visible').getByText('导出 CSV').click();
    const download = await downloaded;
    const path = await download.path();
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('状态,学会数');
    expect(lines).toContain(`正常,${figures.societies.byStatus.active}`);
    expect(download.suggestedFilename()).toBe('学会登记状态.csv');
  });

  it('lists what falls due in the header, each reminder leading to its page', async () => {
    await staff.getByTestId('reminder-bell').click();
    const list = staff.getByTestId('reminder-list');
    const items = list.getByTestId('reminder-item');
    await items.first().waitFor();
    await run.snap(staff, 'reminders', false);
    // Staff get one line per kind; the first (most overdue) leads to the page with its list.
    const path = (await items.first().getAttribute('data-path')) ?? '';
    expect(path).toMatch(/^\//);
    await items.first().click();
    await staff.waitForURL((url) => `${url.pathname}${url.search}` === path);
    if (path.includes('focus=reelections')) await staff.getByTestId('reelections').isVisible();
  });

  it('leaves no unexpected browser errors', () => {
    expect(run.browserErrors).toEqual([]);
  });
});
