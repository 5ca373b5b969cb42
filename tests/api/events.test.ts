import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';

interface FeedEvent {
  id: string;
  type: string;
  resourceType: string;
  resourceId: string;
  societyId: string | null;
  data: unknown;
}
interface FeedPage {
  items: FeedEvent[];
  nextCursor: string | null;
  hasMore: boolean;
}

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
});
afterAll(async () => t?.close());

async function feed(token: string, query = ''): Promise<FeedPage> {
  const response = await t.request({ method: 'GET', url: `/v1/events${query}`, token });
  if (response.statusCode !== 200) throw new Error(`feed: ${response.statusCode} ${response.body}`);
  return response.json<FeedPage>();
}

/**
 * Waits until every event this database holds is below the feed's horizon. The horizon is the
 * oldest transaction open anywhere in the PostgreSQL cluster (docs/scaling.md), and other test files
 * write to their own databases in the same cluster at the same time: the feed may hold this file's
 * events back for a moment, never for good.
 */
async function settled(): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { rows } = await sql<{ waiting: boolean }>`
      SELECT EXISTS (SELECT 1 FROM outbox_events WHERE txid >= pg_snapshot_xmin(pg_current_snapshot())) AS waiting`.execute(
      t.database.db,
    );
    if (!rows[0]?.waiting) return;
    if (Date.now() > deadline) throw new Error('the feed horizon did not pass this database’s events in 20 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Reads the whole feed from a cursor, page by page, once every event written so far is visible. */
async function readAll(token: string, after: string | null, extra = '', limit = 2) {
  await settled();
  const items: FeedEvent[] = [];
  let cursor = after;
  for (;;) {
    const page = await feed(token, `?limit=${limit}${cursor ? `&after=${cursor}` : ''}${extra}`);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!page.hasMore) return { items, cursor };
  }
}

async function clientToken(scopes: string[], societyIds: string[] = []): Promise<string> {
  const created = await t.request({
    method: 'POST',
    url: '/v1/clients',
    token: admin,
    payload: { name: `feed reader ${scopes.join(' ')}`, scopes, societyIds },
  });
  const { clientId, clientSecret } = created.json();
  const token = (await t.tryClientToken(clientId, clientSecret)).json().access_token;
  if (typeof token !== 'string') throw new Error('no client token');
  return token;
}

describe('the change feed', () => {
  it('hands out every change once, in order, page by page, and keeps a cursor at the end', async () => {
    const start = await readAll(admin, null, '', 500);
    const first = await t.createSociety(admin, { name: '市事件学会甲' });
    const second = await t.createSociety(admin, { name: '市事件学会乙' });
    await t.request({
      method: 'PATCH',
      url: `/v1/societies/${first}`,
      token: admin,
      headers: { 'if-match': '"1"' },
      payload: { contactPerson: '王五' },
    });
    const { items, cursor } = await readAll(admin, start.cursor);
    expect(items.map((e) => [e.type, e.resourceId])).toEqual([
      ['society.created', first],
      ['society.created', second],
      ['society.updated', first],
    ]);
    expect(new Set(items.map((e) => e.id)).size).toBe(items.length);
    expect(items[2]?.data).toMatchObject({ id: first, contactPerson: '王五' });
    expect(cursor).toBeTruthy();
    const after = await feed(admin, `?after=${cursor}`);
    expect(after).toEqual({ items: [], nextCursor: cursor, hasMore: false });
  });

  it('filters by exact type and by family', async () => {
    const start = await readAll(admin, null, '', 500);
    const society = await t.createSociety(admin);
    await t.request({
      method: 'POST',
      url: `/v1/societies/${society}/members`,
      token: admin,
      payload: { kind: 'individual', name: '事件会员' },
    });
    const members = await readAll(admin, start.cursor, '&type=member.*');
    expect(members.items.map((e) => e.type)).toEqual(['member.created']);
    const both = await readAll(admin, start.cursor, '&type=society.created,member.created');
    expect(both.items.map((e) => e.type)).toEqual(['society.created', 'member.created']);
    const bad = await t.request({ method: 'GET', url: '/v1/events?type=member', token: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('/query/type');
  });

  it('refuses a cursor it did not make', async () => {
    const forged = Buffer.from(JSON.stringify(['-createdAt', 'x', '00000000-0000-0000-0000-000000000000'])).toString(
      'base64url',
    );
    const response = await t.request({ method: 'GET', url: `/v1/events?after=${forged}`, token: admin });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('bad_request');
  });

  it('never skips an event that commits after a later one: nothing is handed out past an open transaction', async () => {
    const { cursor } = await readAll(admin, null, '', 500);
    let fast = '';
    // A writer that inserted its event first and is still open (as write() is while it waits for the audit lock)…
    await t.database.db.transaction().execute(async (slow) => {
      const inserted = await sql<{ seq: number }>`
        INSERT INTO outbox_events (id, type, resource_type, resource_id, payload, at)
        VALUES (gen_random_uuid(), 'society.updated', 'society', 'slow', '{}', now()) RETURNING seq`.execute(slow);
      // …while a later writer commits an event with a higher sequence number.
      fast = await t.createSociety(admin, { name: '市后写先交学会' });
      const fastEvent = await t.database.db
        .selectFrom('outbox_events')
        .select('seq')
        .where('resource_id', '=', fast)
        .executeTakeFirstOrThrow();
      expect(fastEvent.seq).toBeGreaterThan(Number(inserted.rows[0]?.seq));

      // Reading by sequence would hand out the later event now and skip the earlier one for ever;
      // the feed holds it back until the earlier writer ends.
      const held = await feed(admin, cursor ? `?after=${cursor}` : '');
      expect(held.items).toEqual([]);
      expect(held.nextCursor).toBe(cursor);
    });
    const { items } = await readAll(admin, cursor);
    expect(items.map((e) => e.resourceId)).toEqual(['slow', fast]);
  });

  it('shows a machine client only the families its scopes cover, and a bound client only its societies', async () => {
    const { cursor } = await readAll(admin, null, '', 500);
    const own = await t.createSociety(admin, { name: '市绑定本会' });
    const other = await t.createSociety(admin, { name: '市绑定他会' });
    for (const society of [own, other]) {
      await t.request({
        method: 'POST',
        url: `/v1/societies/${society}/members`,
        token: admin,
        payload: { kind: 'individual', name: '范围会员' },
      });
    }
    const after = cursor ? `&after=${cursor}` : '';

    const societiesOnly = await clientToken(['events:read', 'societies:read']);
    const seen = await readAll(societiesOnly, cursor);
    expect(seen.items.map((e) => e.type)).toEqual(['society.created', 'society.created']);

    const bound = await clientToken(['events:read', 'societies:read', 'members:read'], [own]);
    const boundSeen = await readAll(bound, cursor);
    expect(boundSeen.items.map((e) => [e.type, e.societyId])).toEqual([
      ['society.created', own],
      ['member.created', own],
    ]);

    const withoutEvents = await clientToken(['societies:read']);
    expect(
      (await t.request({ method: 'GET', url: `/v1/events?limit=1${after}`, token: withoutEvents })).statusCode,
    ).toBe(403);
    const officer = await t.userToken('society_officer', [own]);
    expect((await t.request({ method: 'GET', url: '/v1/events', token: officer })).statusCode).toBe(403);
    const auditor = await t.userToken('auditor');
    expect((await readAll(auditor, cursor)).items).toHaveLength(4);
  });
});
