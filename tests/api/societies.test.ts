import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextCreditCode, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin', 'admin-password-1');
});
afterAll(async () => t?.close());

async function createSociety(body: Record<string, unknown> = {}, token = admin) {
  return t.request({
    method: 'POST',
    url: '/v1/societies',
    token,
    payload: {
      name: `测试学会${Math.random().toString(36).slice(2, 8)}`,
      type: 'society',
      discipline: 'science',
      ...body,
    },
  });
}

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
  code: string,
) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ status, code });
}

describe('creating societies', () => {
  it('creates with 201, Location, ETag and the fixed field names', async () => {
    const code = nextCreditCode();
    const response = await createSociety({
      name: '  市人工智能学会  ',
      creditCode: code.toLowerCase(),
      nameEn: 'AI Society',
    });
    expect(response.statusCode).toBe(201);
    const society = response.json();
    expect(response.headers.location).toBe(`/v1/societies/${society.id}`);
    expect(response.headers.etag).toBe('"1"');
    expect(society).toMatchObject({
      name: '市人工智能学会',
      nameEn: 'AI Society',
      type: 'society',
      discipline: 'science',
      creditCode: code,
      status: 'preparing',
      version: 1,
      supportingUnit: null,
    });
    expect(society.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
  });

  it('names every bad field at once in a 400 problem', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/v1/societies',
      token: admin,
      payload: { type: 'club', discipline: 'science', foundedOn: '2020-13-45', contactEmail: 'nope', extra: 1 },
    });
    expectProblem(response, 400, 'validation_failed');
    const paths = response
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['/body/contactEmail', '/body/extra', '/body/foundedOn', '/body/name', '/body/type']);
  });

  it('does not coerce body types', async () => {
    const response = await createSociety({ name: 12345 });
    expectProblem(response, 400, 'validation_failed');
    expect(response.json().errors[0]).toMatchObject({ path: '/body/name', code: 'type' });
  });

  it('rejects a credit code failing its check character with the expected character, 422', async () => {
    const good = nextCreditCode();
    const bad = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    const response = await createSociety({ creditCode: bad });
    expectProblem(response, 422, 'validation_failed');
    expect(response.json().errors).toEqual([
      expect.objectContaining({ path: '/body/creditCode', code: 'credit_code_checksum' }),
    ]);
  });

  it('lets an admin accept a failing code with a recorded reason', async () => {
    const good = nextCreditCode();
    const bad = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    const response = await createSociety({
      creditCode: bad,
      creditCodeOverrideReason: '1998年登记的早期代码，民政局确认有效',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      creditCode: bad,
      creditCodeOverrideReason: '1998年登记的早期代码，民政局确认有效',
    });
  });

  it('never accepts a malformed code, even with a reason', async () => {
    const response = await createSociety({ creditCode: 'ABC', creditCodeOverrideReason: 'please' });
    expectProblem(response, 422, 'validation_failed');
    expect(response.json().errors[0].code).toBe('credit_code_format');
  });

  it('refuses a duplicate credit code with 409 naming the field', async () => {
    const code = nextCreditCode();
    expect((await createSociety({ creditCode: code })).statusCode).toBe(201);
    const response = await createSociety({ creditCode: code });
    expectProblem(response, 409, 'conflict');
    expect(response.json().errors[0]).toMatchObject({ path: '/body/creditCode', code: 'credit_code_taken' });
  });

  it('rejects a founding date in the future and a name of blanks', async () => {
    // A name of blanks is refused by the validation layer's text rule (docs/architecture.md), before
    // the service's rules run; the future date by the service.
    const blank = await createSociety({ name: '   ', foundedOn: '2000-01-01' });
    expectProblem(blank, 422, 'validation_failed');
    expect(blank.json().errors).toEqual([expect.objectContaining({ path: '/body/name', code: 'required' })]);
    const future = await createSociety({ foundedOn: '2999-01-01', partyOrganisationOn: '2999-01-01' });
    expectProblem(future, 422, 'validation_failed');
    expect(
      future
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/body/foundedOn', '/body/partyOrganisationOn']);
  });

  it('writes nothing when a request fails', async () => {
    const before = await t.database.db
      .selectFrom('societies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await createSociety({ creditCode: 'ABC' });
    await createSociety({ foundedOn: '2999-01-01' });
    const after = await t.database.db
      .selectFrom('societies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('idempotent creation', () => {
  it('replays the first response for the same key and body, and creates once', async () => {
    const key = `create-${Date.now()}`;
    const payload = { name: '市幂等测试学会', type: 'association', discipline: 'engineering' };
    const first = await t.request({
      method: 'POST',
      url: '/v1/societies',
      token: admin,
      payload,
      headers: { 'idempotency-key': key },
    });
    const second = await t.request({
      method: 'POST',
      url: '/v1/societies',
      token: admin,
      payload,
      headers: { 'idempotency-key': key },
    });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    expect(second.headers.location).toBe(first.headers.location);
    const rows = await t.database.db
      .selectFrom('societies')
      .select('id')
      .where('name', '=', '市幂等测试学会')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('never runs a request twice whose change committed but whose answer was lost', async () => {
    const key = `lost-${Date.now()}`;
    const payload = { name: '市失答测试学会', type: 'society', discipline: 'science' };
    const post = () =>
      t.request({ method: 'POST', url: '/v1/societies', token: admin, payload, headers: { 'idempotency-key': key } });
    expect((await post()).statusCode).toBe(201);
    // What a process leaves between its transaction's commit and storing the answer: while the
    // claim is fresh the process may be storing it that moment, so a retry is asked to come back.
    await t.database.db
      .updateTable('idempotency_keys')
      .set({ status_code: null, response_body: null, response_headers: null, completed_at: null })
      .where('key', '=', key)
      .execute();
    const early = await post();
    expectProblem(early, 409, 'idempotency_key_in_progress');
    expect(early.headers['retry-after']).toBe('1');
    // What it leaves when it dies there, found by a retry once the claim is old enough to count as
    // abandoned.
    await t.database.db
      .updateTable('idempotency_keys')
      .set({
        status_code: null,
        response_body: null,
        response_headers: null,
        completed_at: null,
        created_at: new Date(Date.now() - 10 * 60_000),
      })
      .where('key', '=', key)
      .execute();
    expectProblem(await post(), 409, 'idempotency_key_committed');
    const rows = await t.database.db.selectFrom('societies').select('id').where('name', '=', payload.name).execute();
    expect(rows).toHaveLength(1);
  });

  it('answers 422 when the key is reused with a different body', async () => {
    const key = `reuse-${Date.now()}`;
    const headers = { 'idempotency-key': key };
    await t.request({
      method: 'POST',
      url: '/v1/societies',
      token: admin,
      headers,
      payload: { name: '市甲学会', type: 'society', discipline: 'science' },
    });
    const response = await t.request({
      method: 'POST',
      url: '/v1/societies',
      token: admin,
      headers,
      payload: { name: '市乙学会', type: 'society', discipline: 'science' },
    });
    expectProblem(response, 422, 'idempotency_key_reused');
  });

  it('releases the key after a failed attempt so the corrected request can use it', async () => {
    const headers = { 'idempotency-key': `fix-${Date.now()}` };
    const failed = await t.request({
      method: 'POST',
      url: '/v1/societies',
      token: admin,
      headers,
      payload: { name: '市丙学会', type: 'society', discipline: 'science', creditCode: 'ABC' },
    });
    expect(failed.statusCode).toBe(422);
    const fixed = await t.request({
      method: 'POST',
      url: '/v1/societies',
      token: admin,
      headers,
      payload: { name: '市丙学会', type: 'society', discipline: 'science' },
    });
    expect(fixed.statusCode).toBe(201);
  });
});

describe('reading and listing', () => {
  it('gets a society with its ETag and 404s an unknown or malformed id as problem+json', async () => {
    const created = (await createSociety()).json();
    const response = await t.request({ method: 'GET', url: `/v1/societies/${created.id}`, token: admin });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"1"');
    expectProblem(
      await t.request({ method: 'GET', url: '/v1/societies/01936b2e-0000-7000-8000-000000000000', token: admin }),
      404,
      'not_found',
    );
    expectProblem(
      await t.request({ method: 'GET', url: '/v1/societies/not-an-id', token: admin }),
      400,
      'validation_failed',
    );
  });

  it('finds Chinese names by any substring, and treats % and _ literally', async () => {
    await createSociety({ name: '市青少年视力健康干预协会', type: 'association', discipline: 'medicine' });
    const hit = await t.request({
      method: 'GET',
      url: `/v1/societies?q=${encodeURIComponent('视力健康')}`,
      token: admin,
    });
    expect(hit.json().items.map((s: { name: string }) => s.name)).toContain('市青少年视力健康干预协会');
    const wildcard = await t.request({
      method: 'GET',
      url: `/v1/societies?q=${encodeURIComponent('%')}`,
      token: admin,
    });
    expect(wildcard.json().items).toEqual([]);
  });

  it('filters by status, type and discipline', async () => {
    await createSociety({ name: '市农学会筛选', type: 'research_society', discipline: 'agriculture' });
    const response = await t.request({
      method: 'GET',
      url: '/v1/societies?type=research_society&discipline=agriculture&status=preparing',
      token: admin,
    });
    const items = response.json().items;
    expect(items.length).toBeGreaterThan(0);
    for (const s of items)
      expect(s).toMatchObject({ type: 'research_society', discipline: 'agriculture', status: 'preparing' });
  });

  it('pages with keyset cursors without repeats or gaps, even with inserts between pages', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = false;
    do {
      const url: string = `/v1/societies?limit=3&sort=name${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await t.request({ method: 'GET', url, token: admin })).json();
      seen.push(...page.items.map((s: { id: string }) => s.id));
      cursor = page.nextCursor;
      if (!inserted) {
        inserted = true;
        await createSociety({ name: '啊啊啊排在最前面的学会' });
      }
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await t.database.db.selectFrom('societies').select('id').execute();
    // Everything but the row inserted before the cursor position was seen.
    expect(seen.length).toBe(all.length - 1);
  });

  it('rejects a forged cursor, a cursor from another sort, and limits over 500', async () => {
    expectProblem(
      await t.request({ method: 'GET', url: '/v1/societies?cursor=garbage', token: admin }),
      400,
      'bad_request',
    );
    const page = (await t.request({ method: 'GET', url: '/v1/societies?limit=1&sort=name', token: admin })).json();
    expectProblem(
      await t.request({ method: 'GET', url: `/v1/societies?cursor=${page.nextCursor}`, token: admin }),
      400,
      'bad_request',
    );
    expectProblem(
      await t.request({ method: 'GET', url: '/v1/societies?limit=501', token: admin }),
      400,
      'validation_failed',
    );
  });
});

describe('updating with optimistic concurrency', () => {
  it('needs If-Match (428), refuses a stale one (412) and bumps the version', async () => {
    const society = (await createSociety()).json();
    const url = `/v1/societies/${society.id}`;
    expectProblem(
      await t.request({ method: 'PATCH', url, token: admin, payload: { chairName: '张三' } }),
      428,
      'precondition_required',
    );
    const ok = await t.request({
      method: 'PATCH',
      url,
      token: admin,
      payload: { chairName: '张三', website: 'https://example.org' },
      headers: { 'if-match': '"1"' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ chairName: '张三', version: 2 });
    expectProblem(
      await t.request({
        method: 'PATCH',
        url,
        token: admin,
        payload: { chairName: '李四' },
        headers: { 'if-match': '"1"' },
      }),
      412,
      'precondition_failed',
    );
  });

  it('clears a field with null and leaves absent fields alone (merge patch)', async () => {
    const society = (await createSociety({ supportingUnit: '市科学技术局', chairName: '王五' })).json();
    const response = await t.request({
      method: 'PATCH',
      url: `/v1/societies/${society.id}`,
      token: admin,
      payload: { supportingUnit: null },
      headers: { 'if-match': '"1"' },
    });
    expect(response.json()).toMatchObject({ supportingUnit: null, chairName: '王五' });
  });

  it('keeps the version when nothing changes', async () => {
    const society = (await createSociety({ chairName: '赵六' })).json();
    const response = await t.request({
      method: 'PATCH',
      url: `/v1/societies/${society.id}`,
      token: admin,
      payload: { chairName: '赵六' },
      headers: { 'if-match': '"1"' },
    });
    expect(response.json().version).toBe(1);
  });

  it('lets exactly one of many concurrent PATCHes with the same If-Match win', async () => {
    const society = (await createSociety()).json();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.request({
          method: 'PATCH',
          url: `/v1/societies/${society.id}`,
          token: admin,
          payload: { chairName: `理事长${i}` },
          headers: { 'if-match': '"1"' },
        }),
      ),
    );
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(9);
  });

  it('refuses to patch the status', async () => {
    const society = (await createSociety()).json();
    const response = await t.request({
      method: 'PATCH',
      url: `/v1/societies/${society.id}`,
      token: admin,
      payload: { status: 'active' },
      headers: { 'if-match': '"1"' },
    });
    expectProblem(response, 400, 'validation_failed');
    expect(response.json().errors[0].path).toBe('/body/status');
  });
});

describe('lifecycle transitions', () => {
  it('records a transition with its reason and actor', async () => {
    const society = (await createSociety({ creditCode: nextCreditCode() })).json();
    const response = await t.request({
      method: 'POST',
      url: `/v1/societies/${society.id}/transitions`,
      token: admin,
      payload: { to: 'active', reason: '民政局登记完成' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'active', version: 2 });
    const history = (
      await t.request({ method: 'GET', url: `/v1/societies/${society.id}/transitions`, token: admin })
    ).json();
    expect(history.items).toEqual([
      expect.objectContaining({
        from: 'preparing',
        to: 'active',
        reason: '民政局登记完成',
        actor: expect.objectContaining({ username: 'admin' }),
      }),
    ]);
  });

  it('answers 409 invalid_transition with the allowed targets', async () => {
    const society = (await createSociety()).json();
    const response = await t.request({
      method: 'POST',
      url: `/v1/societies/${society.id}/transitions`,
      token: admin,
      payload: { to: 'dormant', reason: 'x' },
    });
    expectProblem(response, 409, 'invalid_transition');
    expect(response.json().allowed.sort()).toEqual(['active', 'deregistered']);
    const unknown = await t.request({
      method: 'POST',
      url: `/v1/societies/${society.id}/transitions`,
      token: admin,
      payload: { to: 'archived', reason: 'x' },
    });
    expectProblem(unknown, 409, 'invalid_transition');
  });

  it('refuses to activate a society without a credit code (422 rule_violation)', async () => {
    const society = (await createSociety()).json();
    const response = await t.request({
      method: 'POST',
      url: `/v1/societies/${society.id}/transitions`,
      token: admin,
      payload: { to: 'active', reason: '启用' },
    });
    expectProblem(response, 422, 'rule_violation');
    expect(response.json().errors[0].code).toBe('credit_code_required');
  });

  it('keeps final states final', async () => {
    const society = (await createSociety()).json();
    const url = `/v1/societies/${society.id}/transitions`;
    expect(
      (await t.request({ method: 'POST', url, token: admin, payload: { to: 'deregistered', reason: '筹建失败' } }))
        .statusCode,
    ).toBe(200);
    const again = await t.request({ method: 'POST', url, token: admin, payload: { to: 'active', reason: 'x' } });
    expectProblem(again, 409, 'invalid_transition');
    expect(again.json().allowed).toEqual([]);
  });
});

describe('deleting', () => {
  it('deletes a preparing society with If-Match, and 404s afterwards', async () => {
    const society = (await createSociety()).json();
    const url = `/v1/societies/${society.id}`;
    expectProblem(await t.request({ method: 'DELETE', url, token: admin }), 428, 'precondition_required');
    expect((await t.request({ method: 'DELETE', url, token: admin, headers: { 'if-match': '"1"' } })).statusCode).toBe(
      204,
    );
    expectProblem(await t.request({ method: 'GET', url, token: admin }), 404, 'not_found');
  });

  it('refuses to delete a society that is no longer preparing', async () => {
    const society = (await createSociety({ creditCode: nextCreditCode() })).json();
    await t.request({
      method: 'POST',
      url: `/v1/societies/${society.id}/transitions`,
      token: admin,
      payload: { to: 'active', reason: '登记' },
    });
    const response = await t.request({
      method: 'DELETE',
      url: `/v1/societies/${society.id}`,
      token: admin,
      headers: { 'if-match': '"2"' },
    });
    expectProblem(response, 409, 'conflict');
  });
});

describe('access and scope', () => {
  it('lets an officer see and edit only their own society; others are 404', async () => {
    const own = (await createSociety({ name: '市本会' })).json();
    const foreign = (await createSociety({ name: '市他会' })).json();
    const officer = await t.userToken('society_officer', [own.id]);
    const list = (await t.request({ method: 'GET', url: '/v1/societies', token: officer })).json();
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([own.id]);
    expect((await t.request({ method: 'GET', url: `/v1/societies/${own.id}`, token: officer })).statusCode).toBe(200);
    expectProblem(
      await t.request({ method: 'GET', url: `/v1/societies/${foreign.id}`, token: officer }),
      404,
      'not_found',
    );
    expectProblem(
      await t.request({
        method: 'PATCH',
        url: `/v1/societies/${foreign.id}`,
        token: officer,
        payload: { chairName: 'x' },
        headers: { 'if-match': '"1"' },
      }),
      404,
      'not_found',
    );
    expectProblem(
      await t.request({ method: 'GET', url: `/v1/societies/${foreign.id}/transitions`, token: officer }),
      404,
      'not_found',
    );
    const edit = await t.request({
      method: 'PATCH',
      url: `/v1/societies/${own.id}`,
      token: officer,
      payload: { contactPhone: '0539-1234567' },
      headers: { 'if-match': '"1"' },
    });
    expect(edit.statusCode).toBe(200);
  });

  it('keeps registry facts and lifecycle with Association staff', async () => {
    const own = (await createSociety()).json();
    const officer = await t.userToken('society_officer', [own.id]);
    expectProblem(
      await t.request({
        method: 'PATCH',
        url: `/v1/societies/${own.id}`,
        token: officer,
        payload: { creditCode: nextCreditCode() },
        headers: { 'if-match': '"1"' },
      }),
      403,
      'forbidden',
    );
    expectProblem(await createSociety({}, officer), 403, 'forbidden');
    expectProblem(
      await t.request({
        method: 'POST',
        url: `/v1/societies/${own.id}/transitions`,
        token: officer,
        payload: { to: 'deregistered', reason: 'x' },
      }),
      403,
      'forbidden',
    );
  });

  it('lets an auditor read everything and write nothing', async () => {
    const society = (await createSociety()).json();
    const auditor = await t.userToken('auditor');
    expect((await t.request({ method: 'GET', url: `/v1/societies/${society.id}`, token: auditor })).statusCode).toBe(
      200,
    );
    expectProblem(await createSociety({}, auditor), 403, 'forbidden');
    expectProblem(
      await t.request({
        method: 'PATCH',
        url: `/v1/societies/${society.id}`,
        token: auditor,
        payload: { chairName: 'x' },
        headers: { 'if-match': '"1"' },
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await t.request({
        method: 'DELETE',
        url: `/v1/societies/${society.id}`,
        token: auditor,
        headers: { 'if-match': '"1"' },
      }),
      403,
      'forbidden',
    );
  });

  it('answers 401 without a token', async () => {
    expectProblem(await t.request({ method: 'GET', url: '/v1/societies' }), 401, 'unauthorized');
  });
});

describe('the write path', () => {
  it('audits every change with before and after, and emits change events, in one chain', async () => {
    const society = (await createSociety({ creditCode: nextCreditCode() })).json();
    await t.request({
      method: 'PATCH',
      url: `/v1/societies/${society.id}`,
      token: admin,
      payload: { chairName: '钱七' },
      headers: { 'if-match': '"1"', 'x-request-id': 'trace-abc-123' },
    });
    const rows = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('resource_id', '=', society.id)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['society.create', 'society.update']);
    expect(rows[1]).toMatchObject({ actor_name: 'admin', request_id: 'trace-abc-123' });
    expect(rows[1]?.before).toMatchObject({ chairName: null });
    expect(rows[1]?.after).toMatchObject({ chairName: '钱七' });
    const events = await t.database.db
      .selectFrom('outbox_events')
      .select('type')
      .where('resource_id', '=', society.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['society.created', 'society.updated']);
  });

  it('refuses UPDATE and DELETE on the audit log at the database', async () => {
    await expect(t.database.db.updateTable('audit_log').set({ action: 'forged' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});

describe('the officers a profile shows', () => {
  it('takes the chair and secretary-general from the current term’s roster, and flags a profile that disagrees', async () => {
    const society = (await createSociety({ creditCode: nextCreditCode() })).json();
    const post = (url: string, payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url, token: admin, payload });
    expect(
      (await post(`/v1/societies/${society.id}/terms`, { sequence: 4, startOn: '2019-06-01', endOn: '2024-05-31' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await post(`/v1/societies/${society.id}/terms`, { sequence: 5, startOn: '2024-06-01', endOn: '2029-05-31' }))
        .statusCode,
    ).toBe(201);
    for (const [personName, position] of [
      ['王连任', 'chair'],
      ['李秘书', 'secretary_general'],
      ['赵理事', 'director'],
    ]) {
      const added = await post(`/v1/societies/${society.id}/council-members`, { personName, position });
      expect(added.statusCode, added.body).toBe(201);
    }
    const read = (await t.request({ method: 'GET', url: `/v1/societies/${society.id}`, token: admin })).json();
    expect(read).toMatchObject({ chairName: null, secretaryGeneralName: null, legalRepresentative: null });
    expect(read.officers).toEqual({
      termSequence: 5,
      legalRepresentative: { name: '王连任', source: 'roster_chair', rosterName: '王连任', mismatch: false },
      chair: { name: '王连任', source: 'roster', rosterName: '王连任', mismatch: false },
      secretaryGeneral: { name: '李秘书', source: 'roster', rosterName: '李秘书', mismatch: false },
    });

    const patched = await t.request({
      method: 'PATCH',
      url: `/v1/societies/${society.id}`,
      token: admin,
      headers: { 'if-match': `"${read.version}"` },
      payload: { chairName: '王 连任', secretaryGeneralName: '张秘书' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().officers.chair).toEqual({
      name: '王 连任',
      source: 'profile',
      rosterName: '王连任',
      mismatch: false,
    });
    expect(patched.json().officers.secretaryGeneral).toEqual({
      name: '张秘书',
      source: 'profile',
      rosterName: '李秘书',
      mismatch: true,
    });
  });
});
