import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReportContent } from '../support/annual-report';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin = '';
let officer = '';
let physics = '';
let chemistry = '';
let outsider = '';
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function send(
  method: 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload: Record<string, unknown>,
  token = admin,
  headers: Record<string, string> = {},
) {
  const response = await t.request({ method, url, token, payload, headers });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

const record = (society: string, body: Record<string, unknown>, token = admin) =>
  send('POST', `/v1/societies/${society}/activities`, body, token);

async function activeSociety(name: string): Promise<string> {
  const id = await t.createSociety(admin, { name, creditCode: nextCreditCode() });
  await send('POST', `/v1/societies/${id}/transitions`, { to: 'active', reason: '成立' });
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
  physics = await activeSociety('市物理学会');
  chemistry = await activeSociety('市化学化工学会');
  officer = await t.userToken('society_officer', [physics]);
  outsider = await t.userToken('society_officer', [chemistry]);
  // 2025 in physics: two lectures, a 科普 event, an advisory report with a 批示, a training.
  await record(physics, { kind: 'lecture', title: '量子信息前沿讲座', startOn: '2025-03-12', participants: 180 });
  await record(physics, { kind: 'lecture', title: '凝聚态物理报告会', startOn: '2025-03-20', participants: 90 });
  await record(physics, {
    kind: 'popularisation',
    title: '科普进社区',
    startOn: '2025-05-18',
    endOn: '2025-05-19',
    place: '东城社区',
    participants: 1200,
    published: true,
  });
  await record(physics, {
    kind: 'advisory_report',
    title: '关于建设量子产业园的建议',
    startOn: '2025-06-01',
    recipient: '市人民政府',
    outcome: 'instruction',
    outcomeOn: '2025-07-10',
    outcomeLevel: 'municipal',
  });
  await record(physics, { kind: 'training', title: '青年教师培训', startOn: '2025-09-01', participants: 40 });
  // In chemistry: one conference in 2025.
  await record(chemistry, {
    kind: 'academic_conference',
    title: '化工安全学术年会',
    startOn: '2025-05-08',
    participants: 300,
    published: true,
  });
});
afterAll(async () => t?.close());

describe('recording an activity', () => {
  it('records one with defaults (one day, held, offline, unpublished) and answers with its ETag and place', async () => {
    const response = await t.request({
      method: 'POST',
      url: `/v1/societies/${physics}/activities`,
      token: officer,
      payload: { kind: 'brand_event', title: '物理文化节', startOn: '2024-10-01', participants: 800 },
    });
    expect(response.statusCode).toBe(201);
    const activity = response.json();
    expect(activity).toMatchObject({
      societyId: physics,
      endOn: '2024-10-01',
      held: true,
      online: false,
      published: false,
      recipient: null,
      version: 1,
    });
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/v1/activities/${activity.id}`);
  });

  it('names every rule broken: end before start, a held activity in the future, advisory fields elsewhere', async () => {
    const response = await t.request({
      method: 'POST',
      url: `/v1/societies/${physics}/activities`,
      token: officer,
      payload: {
        kind: 'lecture',
        title: '有问题的讲座',
        startOn: '2099-05-02',
        endOn: '2099-05-01',
        recipient: '市政府',
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual([
      '/body/endOn end_before_start',
      '/body/endOn in_future',
      '/body/recipient advisory_only',
    ]);
  });

  it('accepts a planned activity in the future, and refuses a negative count by the schema', async () => {
    const planned = await record(physics, {
      kind: 'lecture',
      title: '计划中的讲座',
      startOn: '2099-01-01',
      held: false,
    });
    expect(planned.held).toBe(false);
    const negative = await t.request({
      method: 'POST',
      url: `/v1/societies/${physics}/activities`,
      token: officer,
      payload: { kind: 'lecture', title: '负数', startOn: '2025-01-01', participants: -1 },
    });
    expect(negative.statusCode).toBe(400);
  });

  it('needs the date and level of an instruction', async () => {
    const response = await t.request({
      method: 'POST',
      url: `/v1/societies/${physics}/activities`,
      token: officer,
      payload: { kind: 'advisory_report', title: '无日期的建议', startOn: '2025-02-01', outcome: 'adoption' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/body/outcomeOn',
      '/body/outcomeLevel',
    ]);
  });
});

describe('the list', () => {
  const titles = async (query: string) => {
    const response = await t.request({
      method: 'GET',
      url: `/v1/societies/${physics}/activities?${query}`,
      token: officer,
    });
    expect(response.statusCode).toBe(200);
    return response.json().items.map((a: { title: string }) => a.title);
  };

  it('filters by kind, year, month, published and text, the latest first', async () => {
    expect(await titles('kind=lecture&year=2025')).toEqual(['凝聚态物理报告会', '量子信息前沿讲座']);
    expect(await titles('year=2025&month=5')).toEqual(['科普进社区']);
    expect(await titles('month=3')).toEqual(['凝聚态物理报告会', '量子信息前沿讲座']);
    expect(await titles('published=true')).toEqual(['科普进社区']);
    expect(await titles('q=社区')).toEqual(['科普进社区']);
  });

  it('pages with a cursor', async () => {
    const first = (
      await t.request({ method: 'GET', url: `/v1/societies/${physics}/activities?year=2025&limit=2`, token: officer })
    ).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await t.request({
        method: 'GET',
        url: `/v1/societies/${physics}/activities?year=2025&limit=10&cursor=${first.nextCursor}`,
        token: officer,
      })
    ).json();
    expect(second.items).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
  });

  it('is 404 for another society’s officer, as is each of its activities', async () => {
    expect(
      (await t.request({ method: 'GET', url: `/v1/societies/${physics}/activities`, token: outsider })).statusCode,
    ).toBe(404);
    const [activity] = (
      await t.request({ method: 'GET', url: `/v1/societies/${physics}/activities`, token: officer })
    ).json().items;
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const response = await t.request({
        method,
        url: `/v1/activities/${activity.id}`,
        token: outsider,
        headers: { 'if-match': '*' },
        ...(method === 'PATCH' ? { payload: { title: '越权' } } : {}),
      });
      expect(response.statusCode).toBe(404);
    }
  });
});

describe('editing and deleting', () => {
  it('changes an activity with If-Match, refuses a stale version and a missing one', async () => {
    const activity = await record(physics, { kind: 'lecture', title: '待编辑讲座', startOn: '2025-11-01' }, officer);
    const url = `/v1/activities/${activity.id}`;
    const missing = await t.request({ method: 'PATCH', url, token: officer, payload: { published: true } });
    expect(missing.statusCode).toBe(428);
    const edited = await t.request({
      method: 'PATCH',
      url,
      token: officer,
      headers: { 'if-match': '"1"' },
      payload: { published: true, participants: 66, place: '线上', online: true },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ published: true, participants: 66, online: true, version: 2 });
    expect(edited.headers.etag).toBe('"2"');
    const stale = await t.request({
      method: 'PATCH',
      url,
      token: officer,
      headers: { 'if-match': '"1"' },
      payload: { title: '过期' },
    });
    expect(stale.statusCode).toBe(412);
    // A patch is checked against what is stored: an end before the stored start.
    const broken = await t.request({
      method: 'PATCH',
      url,
      token: officer,
      headers: { 'if-match': '"2"' },
      payload: { endOn: '2025-10-01' },
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().errors[0]).toMatchObject({ path: '/body/endOn', code: 'end_before_start' });

    const deleted = await t.request({ method: 'DELETE', url, token: officer, headers: { 'if-match': '"2"' } });
    expect(deleted.statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url, token: officer })).statusCode).toBe(404);
    const events = await t.database.db
      .selectFrom('outbox_events')
      .select('type')
      .where('type', 'like', 'activity.%')
      .execute();
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set(['activity.created', 'activity.updated', 'activity.deleted']),
    );
  });
});

describe('importing activities', () => {
  const rows = [
    { kind: 'popularisation', title: '科普大篷车', startOn: '2025-08-01', participants: 500, externalRef: 'A-1' },
    { kind: 'lecture', title: '天文讲座', startOn: '2025-08-09', participants: 70 },
    { kind: 'lecture', title: '坏行', startOn: '2025-08-10', endOn: '2025-08-01', participants: 'many' },
    { kind: 'party', title: '坏行二', startOn: '2025-08-11' },
    { kind: 'lecture', title: '坏行三', startOn: '2025-08-12', endOn: '2025-08-11' },
    { kind: 'popularisation', title: '重复', startOn: '2025-08-01', externalRef: 'A-1' },
  ];
  const importRows = (payload: unknown[], dryRun = false) =>
    t.request({
      method: 'POST',
      url: `/v1/societies/${chemistry}/activities/import`,
      token: admin,
      payload: { rows: payload, dryRun },
    });

  it('reports each bad row by row and field in a dry run, and writes nothing', async () => {
    const response = await importRows(rows, true);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'created',
      'created',
      'error',
      'error',
      'error',
      'error',
    ]);
    expect(body.results[2].errors.map((e: { path: string }) => e.path)).toEqual(['/participants']);
    expect(body.results[3].errors.map((e: { path: string }) => e.path)).toEqual(['/kind']);
    expect(body.results[4].errors).toEqual([expect.objectContaining({ path: '/endOn', code: 'end_before_start' })]);
    expect(body.results[5].errors[0].code).toBe('duplicate_in_batch');
    const listed = (
      await t.request({ method: 'GET', url: `/v1/societies/${chemistry}/activities?year=2025&month=8`, token: admin })
    ).json();
    expect(listed.items).toEqual([]);
  });

  it('imports the good rows; the same rows again are unchanged, a changed one updated', async () => {
    const first = (await importRows(rows.slice(0, 2))).json();
    expect(first.summary).toEqual({ created: 2, updated: 0, unchanged: 0, error: 0 });
    const again = (await importRows(rows.slice(0, 2))).json();
    expect(again.summary).toEqual({ created: 0, updated: 0, unchanged: 2, error: 0 });
    expect(again.results.map((r: { id: string }) => r.id)).toEqual(first.results.map((r: { id: string }) => r.id));
    const changed = (await importRows([{ ...rows[0], participants: 650 }])).json();
    expect(changed.results[0]).toMatchObject({ outcome: 'updated', id: first.results[0].id });
  });

  it('is 404 for another society’s officer', async () => {
    const response = await t.request({
      method: 'POST',
      url: `/v1/societies/${chemistry}/activities/import`,
      token: officer,
      payload: { rows: rows.slice(0, 1) },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('statistics', () => {
  const statistics = async (query: string, token = admin) =>
    t.request({ method: 'GET', url: `/v1/activities/statistics?${query}`, token });

  it('totals a year city-wide by kind, month and society', async () => {
    const response = await statistics('year=2025');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const kind = (k: string) => body.byKind.find((r: { kind: string }) => r.kind === k);
    // Physics' two lectures and the one imported into chemistry.
    expect(kind('lecture')).toMatchObject({ activities: 3, participants: 340 });
    expect(kind('advisory_report')).toMatchObject({ activities: 1, withOutcome: 1 });
    expect(body.byKind).toHaveLength(8);
    expect(body.byMonth).toHaveLength(12);
    expect(body.byMonth.find((m: { month: string }) => m.month === '2025-05')).toEqual({
      month: '2025-05',
      activities: 2,
      participants: 1500,
    });
    const bySociety = Object.fromEntries(
      body.bySociety.map((s: { societyName: string; activities: number }) => [s.societyName, s.activities]),
    );
    // Physics: five of beforeAll (the planned one is 2099); chemistry: its conference and two imported.
    expect(bySociety).toEqual({ 市物理学会: 5, 市化学化工学会: 3 });
    expect(body.totals.activities).toBe(8);
  });

  it('drills down to one society', async () => {
    const body = (await statistics(`year=2025&societyId=${chemistry}`)).json();
    expect(body.societyId).toBe(chemistry);
    expect(body.totals).toEqual({ activities: 3, participants: 300 + 650 + 70 });
    expect(body.bySociety.map((s: { societyId: string }) => s.societyId)).toEqual([chemistry]);
  });

  it('shows a bound officer only their own society, and another society’s drill-down is 404', async () => {
    const body = (await statistics('year=2025', officer)).json();
    expect(body.bySociety.map((s: { societyId: string }) => s.societyId)).toEqual([physics]);
    expect(body.totals.activities).toBe(5);
    expect((await statistics(`year=2025&societyId=${chemistry}`, officer)).statusCode).toBe(404);
  });
});

describe('the public society page', () => {
  it('shows only published activities, without notes or advisory details', async () => {
    const response = await t.request({ method: 'GET', url: `/v1/public/societies/${physics}` });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.recentActivities.map((a: { title: string }) => a.title)).toEqual(['科普进社区']);
    expect(page.recentActivities[0]).toEqual({
      id: expect.any(String),
      kind: 'popularisation',
      title: '科普进社区',
      startOn: '2025-05-18',
      endOn: '2025-05-19',
      held: true,
      place: '东城社区',
      online: false,
      organisers: null,
      participants: 1200,
    });
  });
});

describe('the annual report’s activity figures', () => {
  it('are counted from the record and set beside the figures the report states', async () => {
    await send('POST', `/v1/societies/${physics}/annual-reports`, { year: 2025, content: annualReportContent() });
    const response = await t.request({
      method: 'GET',
      url: `/v1/societies/${physics}/annual-reports/2025/activity-figures`,
      token: officer,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.computed).toEqual({
      academicExchanges: 2,
      academicParticipants: 270,
      popularisationEvents: 1,
      popularisationParticipants: 1200,
      advisoryReports: 1,
      advisoryAdopted: 1,
      brandEvents: 0,
      brandParticipants: 0,
    });
    expect(body.reported).toEqual(annualReportContent().activities);
    expect(body.differences).toContainEqual({ field: 'academicExchanges', reported: 5, computed: 2 });
    expect(body.differences.map((d: { field: string }) => d.field)).not.toContain('advisoryAdopted');
  });

  it('are computed without a report (reported null), and 404 for another society', async () => {
    const body = (
      await t.request({
        method: 'GET',
        url: `/v1/societies/${chemistry}/annual-reports/2025/activity-figures`,
        token: admin,
      })
    ).json();
    expect(body).toMatchObject({ reported: null, differences: [] });
    expect(body.computed.academicExchanges).toBe(2);
    const foreign = await t.request({
      method: 'GET',
      url: `/v1/societies/${chemistry}/annual-reports/2025/activity-figures`,
      token: officer,
    });
    expect(foreign.statusCode).toBe(404);
  });
});

it('keeps today as the boundary of a held activity', async () => {
  const activity = await record(physics, { kind: 'other', title: '今天的活动', startOn: today });
  expect(activity.endOn).toBe(today);
});

describe('the capacity index', () => {
  const academicExchanges = async (society: string) => {
    const capacity = (
      await t.request({ method: 'GET', url: `/v1/societies/${society}/capacity`, token: admin })
    ).json();
    return capacity.contributions.find((c: { input: string }) => c.input === 'academicExchanges')?.value;
  };

  it('reads the report year’s recorded activities rather than the totals typed into the report', async () => {
    // Chemistry recorded a conference and an imported lecture in 2025; its report says 5.
    await send('POST', `/v1/societies/${chemistry}/annual-reports`, {
      year: 2025,
      content: annualReportContent(),
      submit: true,
    });
    expect(await academicExchanges(chemistry)).toBe(2);
  });

  it('keeps the report’s totals for a year with nothing recorded', async () => {
    const quiet = await activeSociety('市力学学会');
    await send('POST', `/v1/societies/${quiet}/annual-reports`, {
      year: 2025,
      content: annualReportContent(),
      submit: true,
    });
    expect(await academicExchanges(quiet)).toBe(5);
  });
});

describe('the dashboard', () => {
  it('shows this year’s totals over the caller’s societies', async () => {
    const officerView = (await t.request({ method: 'GET', url: '/v1/stats/dashboard', token: officer })).json();
    expect(officerView.activities.year).toBe(Number(today.slice(0, 4)));
    expect(officerView.activities.byKind).toHaveLength(8);
    expect(officerView.activities.bySociety.every((s: { societyId: string }) => s.societyId === physics)).toBe(true);
  });
});
