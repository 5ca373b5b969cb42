import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleRun, startConsole } from '../support/console';

const ADMIN = { username: 'admin', password: `e2e-${randomBytes(9).toString('base64url')}` };

let run: ConsoleRun;
let staff: Page;

type Tier = 'A' | 'B' | 'C' | 'D' | 'none';
const TIERS: readonly Tier[] = ['A', 'B', 'C', 'D', 'none'];

interface Dashboard {
  societies: {
    byStatus: Record<string, number>;
    total: number;
    tierByStatus: Record<'active' | 'dormant', Record<Tier, number>>;
  };
  partyOrganisation: { covered: number; societies: number };
  reelections: { items: { society: { name: string } }[] };
  disqualification: { items: unknown[] } | null;
  members: { joinedByYear: { year: number; joined: number }[] };
  funding: {
    year: number;
    categoryCode: string;
    categoryName: string;
    applications: number;
    requestedFen: number;
  }[];
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

/**
 * Clicks the foot of a bar: the `index`-th of `count` categories, in a chart whose plot area has these
 * margins (the grids of `BarsChart` and `StackedChart`). The foot of a stacked bar is its first series.
 */
async function clickBarFoot(
  canvas: Locator,
  index: number,
  count: number,
  grid: { left: number; right: number; bottom: number },
): Promise<void> {
  const box = await canvas.boundingBox();
  if (!box) throw new Error('chart not drawn');
  const width = (box.width - grid.left - grid.right) / count;
  await canvas.click({ position: { x: grid.left + width * (index + 0.5), y: box.height - grid.bottom - 3 } });
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
    for (const chart of ['status', 'tier', 'party', 'inspections', 'members', 'joined', 'funding', 'pilots']) {
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
    // Each society's count leads to exactly those members: the society's list, filtered the same way.
    const link = drawer.getByTestId('drill-members-link').first();
    const count = Number(/\d+/.exec((await link.textContent()) ?? '')?.[0]);
    await link.click();
    await staff.waitForURL((url) => url.searchParams.get('mstatus') === 'active' && url.searchParams.has('category'));
    const members = staff.getByTestId('members-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => members.count()).toBe(Math.min(count, 20));
    await run.snap(staff, 'drilled-members-list');
  });

  it('drills from a tier, split by status, to exactly the societies counted', async () => {
    await staff.goto(`${run.baseUrl}/`);
    const active = figures.societies.tierByStatus.active;
    const tier = TIERS.reduce((best, t) => (active[t] > active[best] ? t : best), TIERS[0] ?? 'A');
    await clickBarFoot(staff.getByTestId('chart-tier-canvas'), TIERS.indexOf(tier), TIERS.length, {
      left: 56,
      right: 16,
      bottom: 28,
    });
    await staff.waitForURL((url) => url.pathname === '/societies' && url.searchParams.get('tier') === tier);
    expect(new URL(staff.url()).searchParams.get('status')).toBe('active');
    const rows = staff.getByTestId('societies-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(Math.min(active[tier], 20));
    await run.snap(staff, 'drilled-tier');
  });

  it('draws members joining per year, each bar leading to the societies that took them in', async () => {
    await staff.goto(`${run.baseUrl}/`);
    const years = figures.members.joinedByYear;
    const busiest = years.reduce((best, y, i) => ((years[best]?.joined ?? 0) < y.joined ? i : best), 0);
    await clickBarFoot(staff.getByTestId('chart-joined-canvas'), busiest, years.length, {
      left: 40,
      right: 16,
      bottom: 28,
    });
    const drawer = staff.getByTestId('drill-joined');
    await drawer.locator('tbody tr.ant-table-row').first().waitFor();
    const counts = await drawer.locator('tbody tr.ant-table-row td:last-child').allTextContents();
    expect(counts.reduce((sum, n) => sum + Number(n), 0)).toBe(years[busiest]?.joined);
    await run.snap(staff, 'drilled-joined');
    await staff.keyboard.press('Escape');
  });

  it('drills from a funding bar to the applications it counts', async () => {
    await staff.goto(`${run.baseUrl}/`);
    // The chart's cells: each year (oldest first) by each category (in the order the API lists them).
    const years = [...new Set(figures.funding.map((r) => r.year))].sort((a, b) => a - b);
    const categories = [...new Set(figures.funding.map((r) => r.categoryCode))];
    const cells = years.flatMap((year) =>
      categories.map((code) => {
        const rows = figures.funding.filter((r) => r.year === year && r.categoryCode === code);
        return {
          requested: rows.reduce((sum, r) => sum + r.requestedFen, 0),
          applications: rows.reduce((sum, r) => sum + r.applications, 0),
        };
      }),
    );
    const largest = cells.reduce((best, c, i) => ((cells[best]?.requested ?? 0) < c.requested ? i : best), 0);
    const canvas = staff.getByTestId('chart-funding-canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('chart not drawn');
    // Two bars side by side in each category, the requested one (light blue) left of the centre; the
    // slanted labels move the axis up by their height, so find the bar by its colour.
    const centre = 56 + ((box.width - 72) / cells.length) * (largest + 0.5);
    const bar = await canvas
      .locator('canvas')
      .first()
      .evaluate((element, near) => {
        if (!(element instanceof HTMLCanvasElement)) return null;
        const context = element.getContext('2d');
        const ratio = element.width / element.clientWidth;
        if (!context) return null;
        for (let dx = -16; dx <= 0; dx++) {
          const x = Math.round((near + dx) * ratio);
          const column = context.getImageData(x, 0, 1, element.height).data;
          for (let y = element.height - 1; y >= 0; y--) {
            const [r, g, b] = [column[y * 4], column[y * 4 + 1], column[y * 4 + 2]];
            if (r === 0x91 && g === 0xca && b === 0xff) return { x: x / ratio, y: y / ratio };
          }
        }
        return null;
      }, centre);
    if (!bar) throw new Error('the requested bar was not found');
    await canvas.click({ position: { x: bar.x, y: bar.y - 3 } });
    const drawer = staff.getByTestId('drill-funding');
    const applications = drawer.getByTestId('drill-funding-applications').locator('tbody tr.ant-table-row');
    await expect.poll(() => applications.count()).toBe(Math.min(cells[largest]?.applications ?? 0, 20));
    await run.snap(staff, 'drilled-funding');
    await applications.first().getByRole('link').click();
    await staff.waitForURL(/\/funding\/[0-9a-f-]{36}\/applications\/[0-9a-f-]{36}$/);
  });

  it('exports the re-election and disqualification tables', async () => {
    await staff.goto(`${run.baseUrl}/`);
    for (const [table, header] of [
      ['reelections', '学会,本届届满日期,剩余天数（负数为逾期）,状态'],
      ['disqualification', '学会,状态'],
    ] as const) {
      await staff.getByTestId(`${table}-export`).click();
      const downloaded = staff.waitForEvent('download');
      await staff.locator('.ant-dropdown:visible').getByText('导出 CSV').click();
      const download = await downloaded;
      const lines = readFileSync(await download.path(), 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(header);
      // Every row, not just the page on screen.
      expect(lines.length - 1).toBe(figures[table]?.items.length);
      // Let the menu close before opening the next one.
      await expect.poll(() => staff.locator('.ant-dropdown:visible').count()).toBe(0);
    }
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

  it('leads from the annual-report reminder to the societies that still owe their report', async () => {
    await staff.goto(`${run.baseUrl}/`);
    await staff.getByTestId('reminder-bell').click();
    const reminder = staff
      .getByTestId('reminder-list')
      .locator('[data-testid="reminder-item"][data-kind="annual_report"]');
    await reminder.first().waitFor();
    const path = (await reminder.first().getAttribute('data-path')) ?? '';
    expect(path).toMatch(/^\/societies\?annualReportMissing=\d{4}$/);
    const owed = Number(/(\d+) 个学会/.exec((await reminder.first().textContent()) ?? '')?.[1]);
    await reminder.first().click();
    await staff.waitForURL((url) => url.searchParams.has('annualReportMissing'));
    await staff.getByTestId('society-report-missing-filter').waitFor();
    const rows = staff.getByTestId('societies-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(Math.min(owed, 20));
    await run.snap(staff, 'reminder-reports-missing');
  });

  it('leaves no unexpected browser errors', () => {
    expect(run.browserErrors).toEqual([]);
  });
});
