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
let newcomer: string;
let silent: string;
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
  active = await t.createSociety(admin, {
    name: '市化学化工学会',
    creditCode: nextCreditCode(),
    foundedOn: '2005-03-01',
  });
  dormant = await t.createSociety(admin, {
    name: '市老科技工作者协会',
    creditCode: nextCreditCode(),
    foundedOn: '1998-06-01',
  });
  await t.createSociety(admin, { name: '市人工智能学会', creditCode: nextCreditCode() });
  // Founded this year: owes neither last year's report nor its inspection.
  newcomer = await t.createSociety(admin, {
    name: '市新能源学会',
    creditCode: nextCreditCode(),
    foundedOn: `${year}-02-01`,
  });
  // Founded long ago, active, and has filed nothing for last year.
  silent = await t.createSociety(admin, { name: '市沉默学会', creditCode: nextCreditCode(), foundedOn: '2001-05-01' });
  for (const id of [active, dormant, newcomer, silent]) {
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
    expect(d.societies.total).toBe(5);
    expect(d.societies.byStatus).toMatchObject({ active: 3, dormant: 1, preparing: 1, disqualified: 0 });
    expect(
      d.societies.byTier.A +
        d.societies.byTier.B +
        d.societies.byTier.C +
        d.societies.byTier.D +
        d.societies.byTier.none,
    ).toBe(4);
    expect(d.partyOrganisation).toMatchObject({ societies: 3, covered: 1, coverage: 0.333 });
    expect(d.partyOrganisation.byKind.own_branch).toBe(1);
  });

  it('shows inspection participation per year, re-elections due and the disqualification list', async () => {
    const d = (await t.request({ method: 'GET', url: '/v1/stats/dashboard', token: admin })).json();
    const last = d.inspections.find((i: { year: number }) => i.year === year - 1);
    // The newcomer was founded this year: not expected last year. The silent society was.
    expect(last).toMatchObject({ expected: 3, pass: 1, absent: 1, notRecorded: 1, participation: 0.333 });
    // The first year with a result recorded is year - 2: earlier years predate the platform.
    expect(d.inspections.map((i: { year: number }) => i.year)).toEqual([year - 2, year - 1]);

    expect(d.reelections).toMatchObject({ overdue: 1, dueSoon: 1, withoutTerm: 2 });
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
    expect(d.members.bySociety[0].joinedByYear.at(-1)).toEqual({ year, joined: 1 });
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

describe('the dashboard for machine clients', () => {
  async function clientToken(scopes: string[], societyIds: string[] = []) {
    const created = await post(admin, '/v1/clients', { name: `统计对接${Math.random()}`, scopes, societyIds });
    return (await t.tryClientToken(created.clientId, created.clientSecret)).json().access_token as string;
  }

  it('gives each section only to a client whose scopes read it', async () => {
    const registryOnly = await clientToken(['societies:read']);
    const d = (await t.request({ method: 'GET', url: '/v1/stats/dashboard', token: registryOnly })).json();
    expect(d.societies.total).toBe(5);
    expect(d.members).toBeNull();
    expect(d.funding).toBeNull();
    expect(d.pilots).toBeNull();
    expect(d.disqualification.candidates).toBe(1);

    const withMembers = await clientToken(['societies:read', 'members:read']);
    const m = (await t.request({ method: 'GET', url: '/v1/stats/dashboard', token: withMembers })).json();
    expect(m.members.stats.total).toBe(1);
    expect(m.funding).toBeNull();
    expect(m.pilots).toBeNull();

    const everything = await clientToken(['societies:read', 'funding:read', 'pilots:read'], [active]);
    const f = (await t.request({ method: 'GET', url: '/v1/stats/dashboard', token: everything })).json();
    expect(f.members).toBeNull();
    expect(f.funding[0].requestedFen).toBe(3_000_000);
    expect(f.pilots).toEqual([]);
    // Bound to a society: the disqualification list is the Association's.
    expect(f.disqualification).toBeNull();
  });

  it('reminds a client only of what its scopes read', async () => {
    const registryOnly = await clientToken(['societies:read'], [active]);
    const kinds = async (token: string) =>
      (await t.request({ method: 'GET', url: '/v1/reminders', token }))
        .json()
        .items.map((i: { kind: string }) => i.kind);
    expect(await kinds(registryOnly)).toContain('reelection');
    expect(await kinds(registryOnly)).not.toContain('project_report');
    const withFunding = await clientToken(['societies:read', 'funding:read'], [active]);
    expect(await kinds(withFunding)).toContain('project_report');
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
    for (const status of ['preparing', 'active', 'dormant', 'disqualified', 'deregistered']) {
      expect((await listed(`status=${status}`)).length, status).toBe(d.societies.byStatus[status]);
    }
    expect(await listed('status=active&partyOrganisation=own_branch')).toEqual([active]);
    expect((await listed('status=active&partyOrganisation=none')).length).toBe(d.partyOrganisation.byKind.none);
    expect(await listed(`inspectionYear=${year - 1}&inspectionResult=absent`)).toEqual([dormant]);
    expect(await listed(`inspectionYear=${year - 1}&inspectionResult=pass`)).toEqual([active]);
    for (const y of d.inspections) {
      for (const result of ['pass', 'basic_pass', 'fail', 'absent']) {
        const behind = await listed(`inspectionYear=${y.year}&inspectionResult=${result}`);
        expect(behind.length, `${y.year} ${result}`).toBe(y[result]);
      }
    }
    // Not recorded: only societies that owed last year's inspection — not the one still preparing,
    // nor the one founded this year.
    expect(await listed(`inspectionYear=${year - 1}&inspectionResult=not_recorded`)).toEqual([silent]);
    for (const y of d.inspections) {
      const behind = await listed(`inspectionYear=${y.year}&inspectionResult=not_recorded`);
      expect(behind.length, String(y.year)).toBe(y.notRecorded);
    }
    // Each tier bar, split by status, is exactly the registry filtered by that tier and status.
    for (const status of ['active', 'dormant']) {
      for (const tier of ['A', 'B', 'C', 'D', 'none']) {
        const behind = await listed(`status=${status}&tier=${tier}`);
        expect(behind.length, `${status} ${tier}`).toBe(d.societies.tierByStatus[status][tier]);
      }
    }
    for (const tier of ['A', 'B', 'C', 'D', 'none']) {
      expect(d.societies.byTier[tier]).toBe(
        d.societies.tierByStatus.active[tier] + d.societies.tierByStatus.dormant[tier],
      );
    }
    expect(d.societies.tierByStatus.dormant.none + d.societies.tierByStatus.dormant.D).toBeGreaterThan(0);
  });

  it('splits each member figure into the lists behind it', async () => {
    const d = (await t.request({ method: 'GET', url: '/v1/stats/dashboard', token: admin })).json();
    for (const { year: y, joined } of d.members.joinedByYear) {
      const perSociety = d.members.bySociety.map(
        (s: { joinedByYear: { year: number; joined: number }[] }) =>
          s.joinedByYear.find((j) => j.year === y)?.joined ?? 0,
      );
      expect(
        perSociety.reduce((a: number, b: number) => a + b, 0),
        String(y),
      ).toBe(joined);
    }
    for (const row of d.members.bySociety) {
      for (const category of ['ordinary', 'senior', 'student', 'honorary']) {
        const page = await t.request({
          method: 'GET',
          url: `/v1/societies/${row.society.id}/members?status=active&category=${category}&limit=500`,
          token: admin,
        });
        expect(page.json().items.length, category).toBe(row[category]);
      }
    }
  });

  it('lists the societies that still owe last year’s annual report', async () => {
    expect((await listed(`annualReportMissing=${year - 1}`)).sort()).toEqual([dormant, silent].sort());
    expect(await listed(`annualReportMissing=${year - 1}&status=active`)).toEqual([silent]);
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

  it('lead staff to the list behind a summarised line', async () => {
    const { items } = (await t.request({ method: 'GET', url: '/v1/reminders?withinDays=365', token: admin })).json();
    const reports = items.find((i: { kind: string }) => i.kind === 'annual_report');
    // The dormant and the silent society owe last year's report; the newcomer (founded this year) does not.
    expect(reports).toMatchObject({ count: 2, year: year - 1, path: `/societies?annualReportMissing=${year - 1}` });
    const reelection = items.find((i: { kind: string; urgency: string }) => i.kind === 'reelection');
    expect(reelection.path).toMatch(/^\/societies\/[0-9a-f-]{36}\?tab=terms$/);

    // Two final reports due in one call: the line leads to that call's final reports.
    await insertApplication(silent, 'funded', 1_000_000, 1_000_000, addCalendarDays(today, -45));
    const again = (await t.request({ method: 'GET', url: '/v1/reminders', token: admin })).json().items;
    const projects = again.find((i: { kind: string }) => i.kind === 'project_report');
    expect(projects).toMatchObject({ count: 2, path: `/funding/${programId}?tab=reports` });
  });

  it('narrow the window on request and refuse a window out of range', async () => {
    const { items } = (await t.request({ method: 'GET', url: '/v1/reminders?withinDays=5', token: officer })).json();
    expect(items.find((i: { kind: string }) => i.kind === 'project_report')).toBeUndefined();
    const bad = await t.request({ method: 'GET', url: '/v1/reminders?withinDays=0', token: officer });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});
