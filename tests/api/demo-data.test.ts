import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD, loadDemoData, PersonalDataVault } from '@society-hub/api/testing';
import {
  type AnnualReportContent,
  checkActivity,
  checkAnnualReport,
  disciplineLabels,
  disciplineMatch,
  noticePeriod,
  OFFICIAL_2026_CALENDAR,
  WorkingDayCalendar,
} from '@society-hub/domain';
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
  it('has activities the API’s own rules accept, totalled on the dashboard and published on public pages', async () => {
    const rows = await t.database.db.selectFrom('activities').selectAll().execute();
    expect(rows.length).toBeGreaterThan(50);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    for (const row of rows) {
      const facts = {
        kind: row.kind,
        startOn: row.start_on,
        endOn: row.end_on,
        held: row.held,
        participants: row.participants,
        recipient: row.recipient,
        outcome: row.outcome,
        outcomeOn: row.outcome_on,
        outcomeLevel: row.outcome_level,
      };
      expect(checkActivity(facts, today), row.title).toEqual([]);
    }
    expect(rows.some((r) => r.outcome === 'instruction')).toBe(true);
    const lastYear = Number(today.slice(0, 4)) - 1;
    const statistics = (
      await t.request({ method: 'GET', url: `/v1/activities/statistics?year=${lastYear}`, token: admin })
    ).json();
    expect(statistics.bySociety.length).toBe(8);
    const society = rows.find((r) => r.published)?.society_id ?? '';
    const page = (await t.request({ method: 'GET', url: `/v1/public/societies/${society}` })).json();
    expect(page.recentActivities.length).toBeGreaterThan(0);
  });

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
    expect(programs.map((p: { status: string }) => p.status).sort()).toEqual([
      'finalised',
      'notice',
      'open',
      'reviewing',
    ]);
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

  it('marks the review assignments’ discipline match as the assignment itself would', async () => {
    const rows = await t.database.db
      .selectFrom('review_assignments')
      .innerJoin('experts', 'experts.id', 'review_assignments.expert_id')
      .innerJoin('funding_applications', 'funding_applications.id', 'review_assignments.application_id')
      .innerJoin('societies', 'societies.id', 'funding_applications.society_id')
      .select(['review_assignments.discipline_match', 'experts.disciplines', 'societies.discipline'])
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const expected = disciplineMatch(
        { disciplines: row.disciplines as string[] },
        { disciplines: [row.discipline, disciplineLabels[row.discipline].zh] },
      );
      expect(row.discipline_match).toBe(expected);
    }
    expect(rows.some((r) => r.discipline_match)).toBe(true);
  });

  it('states each notice’s length as the period it spans (one setting for both)', async () => {
    const programs: {
      status: string;
      noticeStartsOn: string | null;
      noticeEndsOn: string | null;
      noticeWorkingDays: number;
    }[] = (await t.request({ method: 'GET', url: '/v1/funding-programs', token: admin })).json().items;
    const calendar = new WorkingDayCalendar(OFFICIAL_2026_CALENDAR);
    const underNotice = programs.find((p) => p.status === 'notice');
    if (!underNotice?.noticeStartsOn) throw new Error('the demo has no notice');
    expect(noticePeriod(calendar, underNotice.noticeStartsOn, underNotice.noticeWorkingDays)).toEqual({
      startsOn: underNotice.noticeStartsOn,
      endsOn: underNotice.noticeEndsOn,
    });
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

describe('the demo data set, whenever it is loaded', () => {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));

  it('dates its funding calls from today: one open now, the one under review this year’s or last', async () => {
    const programs = (await t.request({ method: 'GET', url: '/v1/funding-programs', token: admin })).json().items;
    const open = programs.find((p: { status: string }) => p.status === 'open');
    expect(open.opensOn <= today && today <= open.closesOn).toBe(true);
    const reviewing = programs.find((p: { status: string }) => p.status === 'reviewing');
    expect(reviewing.closesOn < today).toBe(true);
    expect([year - 1, year]).toContain(reviewing.year);
    const finalised = programs.find((p: { status: string }) => p.status === 'finalised');
    expect(finalised.year).toBe(reviewing.year - 1);
    for (const p of programs) expect(p.name.startsWith(String(p.year))).toBe(true);
    const calls = (await t.request({ method: 'GET', url: '/v1/public/funding-programs' })).json().items;
    expect(calls.map((c: { id: string }) => c.id)).toEqual([open.id]);
  });

  it('gives every figure of the dashboard something to show', async () => {
    const d = (await t.request({ method: 'GET', url: '/v1/stats/dashboard', token: admin })).json();
    expect(d.societies.total).toBe(46);
    expect(d.societies.byTier.A + d.societies.byTier.B + d.societies.byTier.C + d.societies.byTier.D).toBeGreaterThan(
      0,
    );
    expect(d.partyOrganisation.covered).toBeGreaterThan(0);
    expect(d.inspections.length).toBeGreaterThanOrEqual(2);
    for (const y of d.inspections) expect(y.participation).toBeGreaterThan(0);
    expect(d.reelections.items.length).toBeGreaterThan(0);
    expect(d.disqualification.candidates).toBeGreaterThan(0);
    expect(d.members.stats.byStatus.active).toBeGreaterThan(0);
    expect(d.members.joinedByYear.filter((y: { joined: number }) => y.joined > 0).length).toBeGreaterThan(1);
    expect(d.funding.some((r: { grantedFen: number }) => r.grantedFen > 0)).toBe(true);
    expect(d.funding.some((r: { year: number }) => r.year === year || r.year === year - 1)).toBe(true);
    expect(d.pilots.length).toBeGreaterThan(3);
  });

  it('has something due for staff and for the society officer', async () => {
    const staff = (await t.request({ method: 'GET', url: '/v1/reminders', token: admin })).json().items;
    const kinds = new Set(staff.map((i: { kind: string }) => i.kind));
    for (const kind of ['annual_report', 'reelection', 'review', 'pilot_milestone'])
      expect(kinds.has(kind), kind).toBe(true);
    const officer = await t.login('officer', DEMO_PASSWORD);
    const own = (await t.request({ method: 'GET', url: '/v1/reminders?withinDays=365', token: officer })).json().items;
    expect(own.length).toBeGreaterThan(0);
    const reviewer = await t.login('reviewer', DEMO_PASSWORD);
    const owed = (await t.request({ method: 'GET', url: '/v1/reminders', token: reviewer })).json().items;
    expect(owed.length).toBeGreaterThan(0);
  });

  it('has a change feed, a machine client and a subscription with a delivery log', async () => {
    const feed = (await t.request({ method: 'GET', url: '/v1/events?limit=500', token: admin })).json();
    expect(feed.items.filter((e: { type: string }) => e.type === 'society.created')).toHaveLength(46);
    const created = feed.items.find((e: { type: string }) => e.type === 'society.created');
    // The event carries the society as its own endpoint returns it.
    const society = (
      await t.request({ method: 'GET', url: `/v1/societies/${created.resourceId}`, token: admin })
    ).json();
    expect(created.data).toMatchObject({ id: society.id, name: society.name, creditCode: society.creditCode });
    const clients = (await t.request({ method: 'GET', url: '/v1/clients', token: admin })).json().items;
    const registry = clients.find((c: { name: string }) => c.name.includes('民政局'));
    expect(registry.scopes).toEqual(expect.arrayContaining(['events:read', 'societies:read']));
    const hooks = (await t.request({ method: 'GET', url: '/v1/webhooks', token: admin })).json().items;
    expect(hooks).toHaveLength(1);
    expect(hooks[0].clientId).toBe(registry.id);
    const log = (await t.request({ method: 'GET', url: `/v1/webhooks/${hooks[0].id}/deliveries`, token: admin })).json()
      .items;
    expect(new Set(log.map((d: { status: string }) => d.status))).toEqual(new Set(['succeeded', 'failed']));
    expect(log.some((d: { attempts: number; status: string }) => d.status === 'succeeded' && d.attempts > 1)).toBe(
      true,
    );
    const eventIds = new Set(feed.items.map((e: { id: string }) => e.id));
    for (const d of log) expect(eventIds.has(d.eventId)).toBe(true);
    // Nothing queued: the worker must not start sending the demo's history to a receiver that does not exist.
    expect(log.every((d: { status: string }) => d.status !== 'pending')).toBe(true);
    const dispatch = await t.database.db
      .selectFrom('webhook_dispatch')
      .selectAll()
      .where('name', '=', 'outbox')
      .executeTakeFirstOrThrow();
    const head = await t.database.db
      .selectFrom('outbox_events')
      .select(['txid', 'id'])
      .orderBy('txid', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect({ txid: dispatch.after_txid, id: dispatch.after_id }).toEqual({ txid: head.txid, id: head.id });
  });
});
