import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD, loadDemoData, PersonalDataVault } from '@society-hub/api/testing';
import { type AnnualReportContent, checkAnnualReport } from '@society-hub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';

/** DEMO_DATA=1 must give every page something true to show, and only data the API itself would accept. */
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp();
  expect(await loadDemoData(t.database.db, new PersonalDataVault(randomBytes(32)))).toBe(true);
  admin = await t.login(ADMIN.username, ADMIN.password);
});
afterAll(async () => t?.close());

describe('the demo data set', () => {
  it('loads once', async () => {
    expect(await loadDemoData(t.database.db, new PersonalDataVault(randomBytes(32)))).toBe(false);
  });

  it('has societies in every state the registry shows, with valid credit codes', async () => {
    const page = (await t.request({ method: 'GET', url: '/v1/societies?limit=500', token: admin })).json();
    expect(page.items.length).toBe(46);
    const statuses = new Set(page.items.map((s: { status: string }) => s.status));
    expect([...statuses].sort()).toEqual(['active', 'deregistered', 'dormant', 'preparing']);
    for (const s of page.items) expect(s.name.startsWith('海川')).toBe(true);
  });

  it('has only annual reports that pass the API’s own consistency rules', async () => {
    const reports = await t.database.db.selectFrom('annual_reports').select('content').execute();
    expect(reports.length).toBeGreaterThan(40);
    for (const report of reports) expect(checkAnnualReport(report.content as AnnualReportContent)).toEqual([]);
  });

  it('gives the governance, disqualification and capacity pages something to show', async () => {
    const active = (
      await t.request({ method: 'GET', url: '/v1/societies?status=active&limit=500', token: admin })
    ).json().items;
    const statuses = new Set<string>();
    for (const society of active.slice(0, 12)) {
      const governance = (
        await t.request({ method: 'GET', url: `/v1/societies/${society.id}/governance`, token: admin })
      ).json();
      statuses.add(governance.overall);
      const capacity = (
        await t.request({ method: 'GET', url: `/v1/societies/${society.id}/capacity`, token: admin })
      ).json();
      expect(capacity.history.length).toBe(2);
    }
    expect(statuses.has('fail')).toBe(true);
    const candidates = (
      await t.request({ method: 'GET', url: '/v1/disqualification-candidates', token: admin })
    ).json();
    expect(candidates.items.length).toBeGreaterThan(0);
    const queue = (
      await t.request({ method: 'GET', url: '/v1/annual-reports?status=submitted&inspected=false', token: admin })
    ).json();
    expect(queue.items.length).toBeGreaterThan(0);
  });

  it('has members with sealed ID numbers that the API’s own rules accept', async () => {
    const officer = await t.login('officer', 'demo-pass-2026');
    const mine = (await t.request({ method: 'GET', url: '/v1/societies', token: officer })).json().items;
    const stats = (
      await t.request({ method: 'GET', url: `/v1/societies/${mine[0].id}/member-stats`, token: officer })
    ).json();
    expect(stats.total).toBe(120);
    expect(stats.byStatus.applied).toBeGreaterThan(0);
    const page = await t.request({ method: 'GET', url: `/v1/societies/${mine[0].id}/members?limit=5`, token: officer });
    expect(page.json().items[0].idNumberMasked).toMatch(/^3719\*{10}[0-9X]{4}$/);
  });

  it('has working demo accounts', async () => {
    const officer = await t.login('officer', 'demo-pass-2026');
    const mine = (await t.request({ method: 'GET', url: '/v1/societies', token: officer })).json();
    expect(mine.items).toHaveLength(2);
  });
});

describe('filtering the registry by capacity tier', () => {
  it('returns only societies whose latest snapshot has that tier', async () => {
    const all = (await t.request({ method: 'GET', url: '/v1/societies?limit=500', token: admin })).json().items;
    let seen = 0;
    for (const tier of ['A', 'B', 'C', 'D']) {
      const page = (
        await t.request({ method: 'GET', url: `/v1/societies?tier=${tier}&limit=500`, token: admin })
      ).json();
      seen += page.items.length;
      for (const society of page.items.slice(0, 3)) {
        const capacity = (
          await t.request({ method: 'GET', url: `/v1/societies/${society.id}/capacity`, token: admin })
        ).json();
        expect(capacity.history.at(-1).tier).toBe(tier);
      }
    }
    // Preparing and deregistered societies have no snapshot and no tier.
    expect(seen).toBe(all.filter((s: { status: string }) => s.status === 'active' || s.status === 'dormant').length);
    expect((await t.request({ method: 'GET', url: '/v1/societies?tier=E', token: admin })).statusCode).toBe(400);
  });

  it('gives the funding pages a program under review, one under notice and one finalised', async () => {
    const programs = (await t.request({ method: 'GET', url: '/v1/funding-programs', token: admin })).json().items;
    expect(programs.map((p: { status: string }) => p.status).sort()).toEqual(['finalised', 'notice', 'reviewing']);
    const reviewing = programs.find((p: { status: string }) => p.status === 'reviewing');
    const board = (
      await t.request({ method: 'GET', url: `/v1/funding-programs/${reviewing.id}/assignments`, token: admin })
    ).json();
    expect(board.items.length).toBeGreaterThan(5);
    const ranking = await t.request({
      method: 'GET',
      url: `/v1/funding-programs/${reviewing.id}/ranking`,
      token: admin,
    });
    expect(ranking.statusCode).toBe(200);
    const reviewer = await t.login('reviewer', DEMO_PASSWORD);
    const queue = (await t.request({ method: 'GET', url: '/v1/reviews/mine', token: reviewer })).json();
    expect(queue.items.filter((i: { status: string }) => i.status === 'assigned').length).toBeGreaterThan(0);
    const notices = (await t.request({ method: 'GET', url: '/v1/public/notices' })).json();
    expect(notices.items[0].acceptingObjections).toBe(true);
    expect(notices.items[0].items.length).toBeGreaterThan(0);
    // Every stored application is one the API can read back (its JSON columns match their schemas).
    const officer = await t.login('officer', DEMO_PASSWORD);
    for (const program of programs) {
      const page = await t.request({
        method: 'GET',
        url: `/v1/funding-programs/${program.id}/applications`,
        token: admin,
      });
      expect(page.statusCode).toBe(200);
    }
    expect((await t.request({ method: 'GET', url: '/v1/funding-programs', token: officer })).statusCode).toBe(200);
  });

  it('gives the pilots pages one pilot in each stage, readable with its eligibility and milestones', async () => {
    const pilots = (await t.request({ method: 'GET', url: '/v1/pilots?limit=100', token: admin })).json().items;
    const statuses = new Set(pilots.map((p: { status: string }) => p.status));
    for (const status of [
      'proposed',
      'eligibility_review',
      'approved',
      'rejected',
      'in_progress',
      'midterm_review',
      'completed',
    ])
      expect(statuses.has(status)).toBe(true);
    for (const pilot of pilots) {
      expect(
        (await t.request({ method: 'GET', url: `/v1/pilots/${pilot.id}/eligibility`, token: admin })).statusCode,
      ).toBe(200);
      const milestones = await t.request({ method: 'GET', url: `/v1/pilots/${pilot.id}/milestones`, token: admin });
      expect(milestones.statusCode).toBe(200);
    }
    const completed = pilots.find((p: { status: string }) => p.status === 'completed');
    expect(completed.evaluation.satisfaction).toBeGreaterThan(0);
    expect(completed.performance.onTimeRate).toBeGreaterThan(0);
  });
});
