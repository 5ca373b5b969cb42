import { addCalendarDays } from '@society-hub/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReportContent } from '../support/annual-report';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';

/** The Association's calendar day, as the API computes it (Asia/Shanghai). */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));

let t: TestApp;
let admin: string;
let active: string;
let dormant: string;
let officer: string;
let programId: string;

async function post(token: string, url: string, payload: Record<string, unknown>) {
  const response = await t.request({ method: 'POST', url, token, payload });
  if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

async function patchSociety(id: string, payload: Record<string, unknown>) {
  const current = (await t.request({ method: 'GET', url: `/v1/societies/${id}`, token: admin })).json();
  const response = await t.request({
    method: 'PATCH',
    url: `/v1/societies/${id}`,
    token: admin,
    headers: { 'if-match': `"${current.version}"` },
    payload,
  });
  expect(response.statusCode).toBe(200);
}

async function insertApplication(
  societyId: string,
  status: string,
  requestedFen: number,
  allocatedFen: number | null,
  plannedOn: string | null = null,
) {
  const id = crypto.randomUUID();
  await sql`
    INSERT INTO funding_applications (id, program_id, society_id, category_code, title, disciplines, budget_lines,
      requested_fen, self_funded_fen, attachments, status, allocated_fen, planned_on, created_at, updated_at)
    VALUES (${id}, ${programId}, ${societyId}, 'annual_meeting', ${`年会项目-${status}`}, '[]', '[]',
      ${requestedFen}, 0, '[]', ${status}, ${allocatedFen}, ${plannedOn}, now(), now())`.execute(t.database.db);
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
  active = await t.createSociety(admin, { name: '市化学化工学会', creditCode: nextCreditCode() });
  dormant = await t.createSociety(admin, { name: '市老科技工作者协会', creditCode: nextCreditCode() });
  await t.createSociety(admin, { name: '市人工智能学会', creditCode: nextCreditCode() });
  for (const id of [active, dormant]) {
    await post(admin, `/v1/societies/${id}/transitions`, { to: 'active', reason: '登记完成' });
  }
  await post(admin, `/v1/societies/${dormant}/transitions`, { to: 'dormant', reason: '两年无活动' });
  await patchSociety(active, { partyOrganisation: 'own_branch', partyOrganisationOn: '2020-07-01' });

  // Inspections: the active society passed last year; the dormant one was absent two years running.
  const inspect = async (id: string, y: number, result: string) => {
    const response = await t.request({
      method: 'PUT',
      url: `/v1/societies/${id}/inspections/${y}`,
      token: admin,
      payload: { result },
    });
    if (response.statusCode >= 300) throw new Error(`inspection: ${response.statusCode} ${response.body}`);
  };
  await post(admin, `/v1/societies/${active}/annual-reports`, {
    year: year - 1,
    content: annualReportContent(),
    submit: true,
  });
  await inspect(active, year - 1, 'pass');
  await inspect(dormant, year - 2, 'absent');
  await inspect(dormant, year - 1, 'absent');

  // The active society's council term ends in 20 days: re-election due; the dormant one's ended.
  await post(admin, `/v1/societies/${active}/terms`, {
    sequence: 1,
    startOn: addCalendarDays(today, -5 * 365 + 30),
    endOn: addCalendarDays(today, 20),
  });
  await post(admin, `/v1/societies/${dormant}/terms`, {
    sequence: 1,
    startOn: addCalendarDays(today, -5 * 365 - 10),
    endOn: addCalendarDays(today, -10),
  });

  await post(admin, `/v1/societies/${active}/members`, {
    kind: 'individual',
    name: '王海燕',
    category: 'senior',
    titleLevel: 'senior',
    joinedOn: `${year}-03-01`,
  });

  const program = await post(admin, '/v1/funding-programs', {
    name: `${year}年度学会项目`,
    year,
    opensOn: `${year}-01-01`,
    closesOn: `${year}-12-31`,
    totalBudgetFen: 500_000_000,
  });
  programId = program.id;
  await insertApplication(active, 'funded', 3_000_000, 2_500_000, addCalendarDays(today, -50));
  await insertApplication(dormant, 'rejected', 2_000_000, 0);
  await insertApplication(active, 'draft', 9_000_000, null);
  officer = await t.userToken('society_officer', [active]);
});
afterAll(async () => t?.close());

describe('the dashboard', () => {
  it('counts societies by status and tier, and party-organisation coverage among active ones', async () => {
    const response = await t.request({ method: 'GET', url: '/v1/stats/dashboard', token: admin });
    expect(response.statusCode).toBe(200);
    const d = response.json();
    expect(d.asOf).toBe(today);
    expect(d.societies.total).toBe(3);
    expect(d.societies.byStatus).toMatchObject({ active: 1, dormant: 1, preparing: 1, disqualified: 0 });
    expect(
      d.societies.byTier.A +
        d.societies.byTier.B +
        d.societies.byTier.C +
        d.societies.byTier.D +
        d.societies.byTier.none,
    ).toBe(2);
    expect(d.partyOrganisation).toMatchObject({ societies: 1, covered: 1, coverage: 1 });
    expect(d.partyOrganisation.byKind.own_branch).toBe(1);
  });

  it('shows inspection participation per year, re-elections due and the disqualification list', async () => {
    const d = (await t.request({ method: 'GET', url: '/v1/stats/dashboard', token: admin })).json();
    const last = d.inspections.find((i: { year: number }) => i.year === year - 1);
    expect(last).toMatchObject({ expected: 2, pass: 1, absent: 1, notRecorded: 0, participation: 0.5 });
    // The first year with a result recorded is year - 2: earlier years predate the platform.
    expect(d.inspections.map((i: { year: number }) => i.year)).toEqual([year - 2, year - 1]);

    expect(d.reelections).toMatchObject({ overdue: 1, dueSoon: 1, withoutTerm: 0 });
    expect(
      d.reelections.items.map((i: { society: { id: string }; daysLeft: number }) => [i.society.id, i.daysLeft]),
    ).toEqual([
      [dormant, -10],
      [active, 20],
    ]);
    expect(d.disqualification.candidates).toBe(1);
    expect(d.disqualification.items[0].society.id).toBe(dormant);
  });

  it('sums funds requested and granted per program and category, leaving drafts out', async () => {
    const d = (await t.request({ method: 'GET', url: '/v1/stats/dashboard', token: admin })).json();
    expect(d.funding).toEqual([
      {
        programId,
        programName: `${year}年度学会项目`,
        year,
        categoryCode: 'annual_meeting',
        categoryName: '学术年会',
        applications: 2,
        requestedFen: 5_000_000,
        funded: 1,
        grantedFen: 2_500_000,
      },
    ]);
    expect(d.members.stats.total).toBe(1);
    expect(d.members.joinedByYear.at(-1)).toEqual({ year, joined: 1 });
    expect(d.members.bySociety[0]).toMatchObject({ society: { id: active }, active: 1, senior: 1, total: 1 });
  });

  it('gives a society officer the figures of their own society only, and reviewers nothing', async () => {
    const d = (await t.request({ method: 'GET', url: '/v1/stats/dashboard', token: officer })).json();
    expect(d.societies.total).toBe(1);
    expect(d.reelections.items.map((i: { society: { id: string } }) => i.society.id)).toEqual([active]);
    expect(d.funding[0].requestedFen).toBe(3_000_000);
    // The disqualification list is the Association's instrument: officers do not see it here either.
    expect(d.disqualification).toBeNull();
    const reviewer = await t.userToken('reviewer');
    expect((await t.request({ method: 'GET', url: '/v1/stats/dashboard', token: reviewer })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/v1/stats/dashboard' })).statusCode).toBe(401);
  });
});

describe('drilling down', () => {
  const listed = async (query: string) => {
    const response = await t.request({ method: 'GET', url: `/v1/societies?limit=500&${query}`, token: admin });
    expect(response.statusCode).toBe(200);
    return response.json().items.map((s: { id: string }) => s.id);
  };

  it('lists exactly the societies behind each figure', async () => {
    const d = (await t.request({ method: 'GET', url: '/v1/stats/dashboard', token: admin })).json();
    expect(await listed('status=active&partyOrganisation=own_branch')).toEqual([active]);
    expect((await listed('status=active&partyOrganisation=none')).length).toBe(d.partyOrganisation.byKind.none);
    expect(await listed(`inspectionYear=${year - 1}&inspectionResult=absent`)).toEqual([dormant]);
    expect(await listed(`inspectionYear=${year - 1}&inspectionResult=pass`)).toEqual([active]);
    const notRecorded = await listed(`inspectionYear=${year - 1}&inspectionResult=not_recorded`);
    expect(notRecorded).not.toContain(active);
    expect(notRecorded).not.toContain(dormant);
    expect((await listed('tier=none')).length).toBeGreaterThanOrEqual(d.societies.byTier.none);
  });

  it('refuses an inspection result without its year', async () => {
    const response = await t.request({ method: 'GET', url: '/v1/societies?inspectionResult=pass', token: admin });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].path).toBe('/query/inspectionYear');
  });
});

describe('reminders', () => {
  it('tell an officer of their own society’s re-election and the final report falling due', async () => {
    const response = await t.request({ method: 'GET', url: '/v1/reminders', token: officer });
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    const kinds = items.map((i: { kind: string }) => i.kind);
    expect(kinds).toContain('reelection');
    expect(kinds).toContain('project_report');
    for (const i of items) expect([active, undefined]).toContain(i.society?.id);
    const report = items.find((i: { kind: string }) => i.kind === 'project_report');
    // The final report is due 60 days after the planned date (50 days ago): not overdue, due soon.
    expect(report).toMatchObject({ urgency: 'due_soon', dueOn: addCalendarDays(today, 10), daysLeft: 10, count: 1 });
  });

  it('give staff one line per kind and urgency with the count, overdue first', async () => {
    const { items } = (await t.request({ method: 'GET', url: '/v1/reminders', token: admin })).json();
    const reelections = items.filter((i: { kind: string }) => i.kind === 'reelection');
    expect(reelections.map((i: { urgency: string; count: number }) => [i.urgency, i.count]).sort()).toEqual([
      ['due_soon', 1],
      ['overdue', 1],
    ]);
    expect(items[0].urgency).toBe('overdue');
  });

  it('narrow the window on request and refuse a window out of range', async () => {
    const { items } = (await t.request({ method: 'GET', url: '/v1/reminders?withinDays=5', token: officer })).json();
    expect(items.find((i: { kind: string }) => i.kind === 'project_report')).toBeUndefined();
    const bad = await t.request({ method: 'GET', url: '/v1/reminders?withinDays=0', token: officer });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});
