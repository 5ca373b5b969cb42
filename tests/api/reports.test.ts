import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReportContent as content } from '../support/annual-report';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
let societyId: string;
let officer: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
  societyId = await t.createSociety(admin, {
    name: '市农学会',
    discipline: 'agriculture',
    creditCode: nextCreditCode(),
  });
  officer = await t.userToken('society_officer', [societyId]);
});
afterAll(async () => t?.close());

const reportsUrl = (id = societyId) => `/v1/societies/${id}/annual-reports`;

describe('filing the annual report', () => {
  it('refuses a self-contradicting report, naming each field, and stores nothing', async () => {
    const bad = content();
    bad.members.newIndividual = 500;
    bad.finances.incomeTotalFen = 7_000_000;
    const response = await t.request({
      method: 'POST',
      url: reportsUrl(),
      token: officer,
      payload: { year: 2025, content: bad },
    });
    expect(response.statusCode).toBe(422);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/body/content/finances/incomeTotalFen', '/body/content/members/newIndividual']);
    const negative = content();
    negative.staff.fullTime = -1;
    const schemaError = await t.request({
      method: 'POST',
      url: reportsUrl(),
      token: officer,
      payload: { year: 2025, content: negative },
    });
    expect(schemaError.statusCode).toBe(400);
    expect(schemaError.json().errors[0].path).toBe('/body/content/staff/fullTime');
    const stored = await t.database.db
      .selectFrom('annual_reports')
      .select('id')
      .where('society_id', '=', societyId)
      .execute();
    expect(stored).toEqual([]);
  });

  it('lets the society draft, then submit with If-Match; the due date is 31 March', async () => {
    const draft = await t.request({
      method: 'POST',
      url: reportsUrl(),
      token: officer,
      payload: { year: 2025, content: content() },
    });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({
      year: 2025,
      status: 'draft',
      dueOn: '2026-03-31',
      inspection: null,
      societyName: '市农学会',
    });
    const submitted = await t.request({
      method: 'PUT',
      url: `${reportsUrl()}/2025`,
      token: officer,
      headers: { 'if-match': '"1"' },
      payload: { content: content(), submit: true },
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 2 });
    const again = await t.request({
      method: 'POST',
      url: reportsUrl(),
      token: officer,
      payload: { year: 2025, content: content() },
    });
    expect(again.statusCode).toBe(409);
  });

  it('keeps an officer to their own society', async () => {
    const other = await t.createSociety(admin, { name: '市他会' });
    expect(
      (
        await t.request({
          method: 'POST',
          url: reportsUrl(other),
          token: officer,
          payload: { year: 2025, content: content() },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.request({ method: 'GET', url: `${reportsUrl(other)}/2025`, token: officer })).statusCode).toBe(404);
    const queue = (await t.request({ method: 'GET', url: '/v1/annual-reports', token: officer })).json();
    expect(queue.items.every((r: { societyId: string }) => r.societyId === societyId)).toBe(true);
  });
});

describe('inspections', () => {
  it('shows submitted reports waiting in the staff queue', async () => {
    const queue = (
      await t.request({ method: 'GET', url: '/v1/annual-reports?status=submitted&inspected=false', token: admin })
    ).json();
    expect(queue.items.map((r: { societyId: string }) => r.societyId)).toContain(societyId);
  });

  it('records the result (staff only), closes the report, and snapshots the capacity index for the year', async () => {
    expect(
      (
        await t.request({
          method: 'PUT',
          url: `/v1/societies/${societyId}/inspections/2025`,
          token: officer,
          payload: { result: 'pass' },
        })
      ).statusCode,
    ).toBe(403);
    const recorded = await t.request({
      method: 'PUT',
      url: `/v1/societies/${societyId}/inspections/2025`,
      token: admin,
      payload: { result: 'pass', comments: '材料齐全' },
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ result: 'pass', recordedBy: 'admin' });
    const closed = await t.request({
      method: 'PUT',
      url: `${reportsUrl()}/2025`,
      token: officer,
      headers: { 'if-match': '"2"' },
      payload: { content: content() },
    });
    expect(closed.statusCode).toBe(409);
    const queue = (
      await t.request({ method: 'GET', url: '/v1/annual-reports?status=submitted&inspected=false', token: admin })
    ).json();
    expect(queue.items.map((r: { societyId: string }) => r.societyId)).not.toContain(societyId);
    const capacity = (
      await t.request({ method: 'GET', url: `/v1/societies/${societyId}/capacity`, token: officer })
    ).json();
    expect(capacity.history.map((h: { year: number }) => h.year)).toEqual([2025]);
    const changed = await t.request({
      method: 'PUT',
      url: `/v1/societies/${societyId}/inspections/2025`,
      token: admin,
      payload: { result: 'basic_pass' },
    });
    expect(changed.statusCode).toBe(428);
  });

  it('allows only "absent" without a filed report', async () => {
    const response = await t.request({
      method: 'PUT',
      url: `/v1/societies/${societyId}/inspections/2024`,
      token: admin,
      payload: { result: 'pass' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].code).toBe('no_report');
  });
});

describe('the disqualification list', () => {
  it('lists a society absent two years running, warns after one, with evidence', async () => {
    const twice = await t.createSociety(admin, { name: '市连续未参检学会' });
    const once = await t.createSociety(admin, { name: '市一次未参检学会' });
    const lastYear = new Date().getUTCFullYear() - 1;
    for (const year of [lastYear - 1, lastYear]) {
      await t.request({
        method: 'PUT',
        url: `/v1/societies/${twice}/inspections/${year}`,
        token: admin,
        payload: { result: 'absent' },
      });
    }
    await t.request({
      method: 'PUT',
      url: `/v1/societies/${once}/inspections/${lastYear}`,
      token: admin,
      payload: { result: 'absent' },
    });
    // Candidates are assessed among registered societies: activate both.
    for (const id of [twice, once]) {
      const s = (await t.request({ method: 'GET', url: `/v1/societies/${id}`, token: admin })).json();
      await t.request({
        method: 'PATCH',
        url: `/v1/societies/${id}`,
        token: admin,
        headers: { 'if-match': `"${s.version}"` },
        payload: { creditCode: nextCreditCode() },
      });
      await t.request({
        method: 'POST',
        url: `/v1/societies/${id}/transitions`,
        token: admin,
        payload: { to: 'active', reason: '登记' },
      });
    }
    const list = (await t.request({ method: 'GET', url: '/v1/disqualification-candidates', token: admin })).json();
    const byId = Object.fromEntries(list.items.map((i: { society: { id: string } }) => [i.society.id, i]));
    expect(byId[twice]).toMatchObject({ level: 'candidate' });
    expect(byId[twice].evidence).toHaveLength(2);
    expect(byId[once]).toMatchObject({ level: 'warning' });
    expect(byId[societyId]).toBeUndefined();
  });

  it('lists a society dormant for a full year', async () => {
    const sleepy = await t.createSociety(admin, { name: '市停滞学会', creditCode: nextCreditCode() });
    await t.request({
      method: 'POST',
      url: `/v1/societies/${sleepy}/transitions`,
      token: admin,
      payload: { to: 'active', reason: '登记' },
    });
    await t.request({
      method: 'POST',
      url: `/v1/societies/${sleepy}/transitions`,
      token: admin,
      payload: { to: 'dormant', reason: '长期未开展活动' },
    });
    // Move the dormancy back in time, as if it happened 400 days ago.
    await sql`UPDATE status_transitions SET at = now() - interval '400 days' WHERE resource_id = ${sleepy} AND to_status = 'dormant'`.execute(
      t.database.db,
    );
    const list = (await t.request({ method: 'GET', url: '/v1/disqualification-candidates', token: admin })).json();
    const entry = list.items.find((i: { society: { id: string } }) => i.society.id === sleepy);
    expect(entry).toMatchObject({ level: 'candidate', evidence: [expect.objectContaining({ kind: 'dormant' })] });
  });
});

describe('the capacity index', () => {
  it('returns six sub-scores, the tier and every input with its contribution', async () => {
    const capacity = (
      await t.request({ method: 'GET', url: `/v1/societies/${societyId}/capacity`, token: admin })
    ).json();
    expect(Object.keys(capacity.subScores).sort()).toEqual([
      'academic_exchange',
      'advisory',
      'brand',
      'member_service',
      'organisation',
      'service_to_society',
    ]);
    expect(capacity.reportYear).toBe(2025);
    expect(['A', 'B', 'C', 'D']).toContain(capacity.tier);
    const academic = capacity.contributions.find((c: { input: string }) => c.input === 'academicExchanges');
    expect(academic).toMatchObject({ value: 5, target: 6, maxPoints: 60, points: 50 });
  });
});
