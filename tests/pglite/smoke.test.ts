import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';

/** The embedded database the product runs on by default: the same migrations and the main flows. */
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp('pglite');
  admin = await t.login(ADMIN.username, ADMIN.password);
});
afterAll(async () => t?.close());

describe('on PGlite', () => {
  it('hears an account change made in SQL and lets the caller go at once', async () => {
    const token = await t.userToken('auditor');
    const me = () => t.request({ method: 'GET', url: '/v1/auth/me', token });
    const { id } = (await me()).json<{ id: string }>();
    expect((await me()).statusCode).toBe(200);
    await sql`UPDATE users SET disabled = true WHERE id = ${id}`.execute(t.database.db);
    expect((await me()).statusCode).toBe(401);
  });

  it('is ready', async () => {
    expect((await t.request({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('creates, searches, edits with If-Match and activates a society', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/v1/societies',
      token: admin,
      headers: { 'idempotency-key': 'pglite-create-1' },
      payload: {
        name: '市老年保健医学研究会',
        type: 'research_society',
        discipline: 'medicine',
        foundedOn: '1996-05-20',
      },
    });
    expect(created.statusCode).toBe(201);
    const society = created.json();
    expect(society.foundedOn).toBe('1996-05-20');

    const search = await t.request({
      method: 'GET',
      url: `/v1/societies?q=${encodeURIComponent('保健医')}`,
      token: admin,
    });
    expect(search.json().items.map((s: { id: string }) => s.id)).toEqual([society.id]);

    const patched = await t.request({
      method: 'PATCH',
      url: `/v1/societies/${society.id}`,
      token: admin,
      headers: { 'if-match': '"1"' },
      payload: { creditCode: nextCreditCode() },
    });
    expect(patched.statusCode).toBe(200);
    const stale = await t.request({
      method: 'PATCH',
      url: `/v1/societies/${society.id}`,
      token: admin,
      headers: { 'if-match': '"1"' },
      payload: { chairName: '李明' },
    });
    expect(stale.statusCode).toBe(412);

    const activated = await t.request({
      method: 'POST',
      url: `/v1/societies/${society.id}/transitions`,
      token: admin,
      payload: { to: 'active', reason: '登记完成' },
    });
    expect(activated.json()).toMatchObject({ status: 'active', version: 3 });
  });

  it('pages through many societies with cursors', async () => {
    for (let i = 0; i < 7; i++) {
      await t.request({
        method: 'POST',
        url: '/v1/societies',
        token: admin,
        payload: { name: `市分页学会${i}`, type: 'society', discipline: 'science' },
      });
    }
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/societies?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await t.request({ method: 'GET', url, token: admin })).json();
      ids.push(...page.items.map((s: { id: string }) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
  });

  it('evaluates governance, reports and the disqualification list', async () => {
    const id = (
      await t.request({
        method: 'POST',
        url: '/v1/societies',
        token: admin,
        payload: { name: '市嵌入式学会', type: 'society', discipline: 'science' },
      })
    ).json().id;
    await t.request({
      method: 'POST',
      url: `/v1/societies/${id}/terms`,
      token: admin,
      payload: { sequence: 1, startOn: '2024-01-01', endOn: '2028-12-31', representatives: 90 },
    });
    const governance = (await t.request({ method: 'GET', url: `/v1/societies/${id}/governance`, token: admin })).json();
    expect(governance.results).toHaveLength(8);
    await t.request({
      method: 'PUT',
      url: `/v1/societies/${id}/inspections/2024`,
      token: admin,
      payload: { result: 'absent' },
    });
    expect((await t.request({ method: 'GET', url: '/v1/disqualification-candidates', token: admin })).statusCode).toBe(
      200,
    );
    expect((await t.request({ method: 'GET', url: `/v1/societies/${id}/capacity`, token: admin })).json().tier).toBe(
      'D',
    );
  });

  it('keeps the audit log append-only', async () => {
    await expect(t.database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  // Last: it adds a society, which the paging test above counts.
  it('records activities and totals them by kind and month', async () => {
    const society = await t.createSociety(admin, { name: '市科普作家协会', creditCode: nextCreditCode() });
    const recorded = await t.request({
      method: 'POST',
      url: `/v1/societies/${society}/activities`,
      token: admin,
      payload: { kind: 'popularisation', title: '社区科普行', startOn: '2025-04-20', participants: 950 },
    });
    expect(recorded.statusCode).toBe(201);
    const listed = await t.request({
      method: 'GET',
      url: `/v1/societies/${society}/activities?month=4&q=${encodeURIComponent('科普')}`,
      token: admin,
    });
    expect(listed.json().items).toHaveLength(1);
    const statistics = (
      await t.request({ method: 'GET', url: `/v1/activities/statistics?year=2025&societyId=${society}`, token: admin })
    ).json();
    expect(statistics.totals).toEqual({ activities: 1, participants: 950 });
    expect(statistics.byMonth[3]).toEqual({ month: '2025-04', activities: 1, participants: 950 });
  });
});
