import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';
import { eventually, type Receiver, startReceiver, verifySignature } from '../support/webhook-receiver';

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  log: { attempt: number; statusCode: number | null; error: string | null }[];
}

let t: TestApp;
let admin: string;
let receiver: Receiver;

beforeAll(async () => {
  t = await startTestApp('postgres', {
    WEBHOOK_WORKER: '1',
    WEBHOOK_POLL_MS: '100',
    WEBHOOK_INTERNAL_HOSTS: '127.0.0.1',
    WEBHOOK_RETRY_BASE_SECONDS: '1',
    WEBHOOK_RETRY_CAP_SECONDS: '1',
    WEBHOOK_MAX_ATTEMPTS: '3',
  });
  admin = await t.login(ADMIN.username, ADMIN.password);
  receiver = await startReceiver();
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

async function machineClient(scopes: string[], societyIds: string[] = []) {
  const created = (
    await t.request({
      method: 'POST',
      url: '/v1/clients',
      token: admin,
      payload: { name: `webhook client ${Math.random()}`, scopes, societyIds },
    })
  ).json();
  const token = (await t.tryClientToken(created.clientId, created.clientSecret)).json().access_token as string;
  return { id: created.id as string, token };
}

async function subscribe(clientId: string, path: string, eventTypes: string[], token = admin) {
  const response = await t.request({
    method: 'POST',
    url: '/v1/webhooks',
    token,
    payload: { clientId, url: `${receiver.url}${path}`, eventTypes },
  });
  if (response.statusCode !== 201) throw new Error(`subscribe: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string; secret: string; version: number }>();
}

async function deliveries(webhookId: string, token = admin): Promise<Delivery[]> {
  return (await t.request({ method: 'GET', url: `/v1/webhooks/${webhookId}/deliveries`, token })).json().items;
}

const forPath = (path: string) => receiver.received.filter((r) => r.path === path);

describe('webhook subscriptions', () => {
  it('refuse URLs the server should not call (SSRF) and clients that cannot read the feed', async () => {
    const reader = await machineClient(['events:read', 'societies:read']);
    const cannotRead = await machineClient(['societies:read']);
    const cases: [Record<string, unknown>, string][] = [
      [{ clientId: reader.id, url: 'http://example.org/hook' }, '/body/url'],
      [{ clientId: reader.id, url: 'https://10.1.2.3/hook' }, '/body/url'],
      [{ clientId: reader.id, url: 'https://169.254.169.254/latest/meta-data' }, '/body/url'],
      [{ clientId: reader.id, url: 'https://[::1]/hook' }, '/body/url'],
      [{ clientId: reader.id, url: 'https://localhost/hook' }, '/body/url'],
      [{ clientId: reader.id, url: 'https://intranet/hook' }, '/body/url'],
      [{ clientId: reader.id, url: 'https://user:secret@example.org/hook' }, '/body/url'],
      [{ clientId: reader.id, url: 'not a url' }, '/body/url'],
      [{ url: 'https://example.org/hook' }, '/body/clientId'],
      [{ clientId: cannotRead.id, url: 'https://example.org/hook' }, '/body/clientId'],
    ];
    for (const [body, path] of cases) {
      const response = await t.request({
        method: 'POST',
        url: '/v1/webhooks',
        token: admin,
        payload: { eventTypes: ['society.*'], ...body },
      });
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const badType = await t.request({
      method: 'POST',
      url: '/v1/webhooks',
      token: admin,
      payload: { clientId: reader.id, url: 'https://example.org/hook', eventTypes: ['society'] },
    });
    expect(badType.statusCode).toBe(400);
  });

  it('show the secret once, on creation only', async () => {
    const reader = await machineClient(['events:read', 'societies:read']);
    const key = `webhook-${Date.now()}`;
    const create = () =>
      t.request({
        method: 'POST',
        url: '/v1/webhooks',
        token: admin,
        headers: { 'idempotency-key': key },
        payload: { clientId: reader.id, url: 'https://hooks.example.org/in', eventTypes: ['society.*'] },
      });
    const created = await create();
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe(`/v1/webhooks/${created.json().id}`);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.json().secret).toMatch(/^whsec_/);
    const again = await t.request({ method: 'GET', url: `/v1/webhooks/${created.json().id}`, token: admin });
    expect(again.json()).not.toHaveProperty('secret');
    expect(again.headers.etag).toBe('"1"');
    // A retried create does not hand the secret out a second time.
    const replay = await create();
    expect(replay.statusCode).toBe(409);
    expect(replay.body).not.toContain(created.json().secret);
  });

  it('belong to their client: another client neither sees nor changes them', async () => {
    const owner = await machineClient(['events:read', 'societies:read', 'webhooks:read', 'webhooks:write']);
    const stranger = await machineClient(['events:read', 'webhooks:read', 'webhooks:write']);
    const own = await subscribe(owner.id, '/owned', ['society.*'], owner.token);
    const foreignAttempt = await t.request({
      method: 'POST',
      url: '/v1/webhooks',
      token: stranger.token,
      payload: { clientId: owner.id, url: 'https://example.org/x', eventTypes: ['*'] },
    });
    expect(foreignAttempt.statusCode).toBe(422);
    for (const url of [`/v1/webhooks/${own.id}`, `/v1/webhooks/${own.id}/deliveries`]) {
      expect((await t.request({ method: 'GET', url, token: stranger.token })).statusCode).toBe(404);
      expect((await t.request({ method: 'GET', url, token: owner.token })).statusCode).toBe(200);
    }
    const strangerList = (await t.request({ method: 'GET', url: '/v1/webhooks', token: stranger.token })).json();
    expect(strangerList.items).toEqual([]);
    const removal = await t.request({
      method: 'DELETE',
      url: `/v1/webhooks/${own.id}`,
      token: stranger.token,
      headers: { 'if-match': '"1"' },
    });
    expect(removal.statusCode).toBe(404);
    const stale = await t.request({
      method: 'DELETE',
      url: `/v1/webhooks/${own.id}`,
      token: owner.token,
      headers: { 'if-match': '"2"' },
    });
    expect(stale.statusCode).toBe(412);
    const removed = await t.request({
      method: 'DELETE',
      url: `/v1/webhooks/${own.id}`,
      token: owner.token,
      headers: { 'if-match': '"1"' },
    });
    expect(removed.statusCode).toBe(204);
  });
});

describe('webhook deliveries', () => {
  it('POST each matching event signed with the secret, and log it', async () => {
    const reader = await machineClient(['events:read', 'societies:read', 'members:read']);
    const hook = await subscribe(reader.id, '/signed', ['society.created']);
    const society = await t.createSociety(admin, { name: '市签名学会' });
    await t.request({
      method: 'POST',
      url: `/v1/societies/${society}/members`,
      token: admin,
      payload: { kind: 'individual', name: '不订阅的会员' },
    });
    const [delivery] = await eventually(async () => {
      const log = await deliveries(hook.id);
      return log.length === 1 && log[0]?.status === 'succeeded' ? log : undefined;
    });
    const received = forPath('/signed');
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.event).toMatchObject({ type: 'society.created', resourceId: society, societyId: society });
    expect(request?.headers['societyhub-event']).toBe('society.created');
    expect(request?.headers['societyhub-delivery']).toBe(delivery?.id);
    expect(verifySignature(hook.secret, request?.headers ?? {}, request?.body ?? '')).toBe(true);
    expect(verifySignature('whsec_wrong', request?.headers ?? {}, request?.body ?? '')).toBe(false);
    expect(verifySignature(hook.secret, request?.headers ?? {}, `${request?.body} `)).toBe(false);
    expect(delivery).toMatchObject({ eventId: request?.event.id, attempts: 1, lastStatusCode: 204 });
    expect(delivery?.log).toEqual([expect.objectContaining({ attempt: 1, statusCode: 204, error: null })]);
  });

  it('deliver only what the client may read: a bound client gets its own society’s events', async () => {
    const own = await t.createSociety(admin, { name: '市投递本会' });
    const reader = await machineClient(['events:read', 'societies:read'], [own]);
    const hook = await subscribe(reader.id, '/bound', ['*']);
    const other = await t.createSociety(admin, { name: '市投递他会' });
    await t.request({
      method: 'PATCH',
      url: `/v1/societies/${own}`,
      token: admin,
      headers: { 'if-match': '"1"' },
      payload: { website: 'https://own.example.org' },
    });
    const log = await eventually(async () => {
      const current = await deliveries(hook.id);
      return current.some((d) => d.eventType === 'society.updated' && d.status === 'succeeded') ? current : undefined;
    });
    expect(log.map((d) => d.eventType)).toEqual(['society.updated']);
    expect(forPath('/bound').map((r) => r.event.resourceId)).toEqual([own]);
    expect(forPath('/bound').some((r) => r.event.resourceId === other)).toBe(false);
  });

  it('retry failures with backoff, give up after the last attempt, and deliver again on request', async () => {
    const reader = await machineClient(['events:read', 'societies:read']);
    const hook = await subscribe(reader.id, '/flaky', ['society.created']);
    let failuresLeft = 2;
    receiver.answer = (request) => {
      if (request.path !== '/flaky' && request.path !== '/down') return 204;
      if (request.path === '/down') return 503;
      return failuresLeft-- > 0 ? 500 : 200;
    };
    await t.createSociety(admin, { name: '市重试学会' });
    const [recovered] = await eventually(async () => {
      const log = await deliveries(hook.id);
      return log[0]?.status === 'succeeded' ? log : undefined;
    });
    expect(recovered?.attempts).toBe(3);
    expect(recovered?.log.map((a) => a.statusCode)).toEqual([200, 500, 500]);

    const down = await subscribe(reader.id, '/down', ['society.created']);
    await t.createSociety(admin, { name: '市失败学会' });
    const [failed] = await eventually(async () => {
      const log = await deliveries(down.id);
      return log[0]?.status === 'failed' ? log : undefined;
    });
    expect(failed).toMatchObject({ attempts: 3, lastStatusCode: 503 });
    expect(forPath('/down')).toHaveLength(3);

    receiver.answer = () => 204;
    const redeliver = await t.request({
      method: 'POST',
      url: `/v1/webhooks/${down.id}/deliveries/${failed?.id}/redeliver`,
      token: admin,
    });
    expect(redeliver.statusCode).toBe(202);
    expect(redeliver.json()).toMatchObject({ status: 'pending', attempts: 0 });
    const [again] = await eventually(async () => {
      const log = await deliveries(down.id);
      return log[0]?.status === 'succeeded' ? log : undefined;
    });
    expect(again).toMatchObject({ id: failed?.id, attempts: 1, lastStatusCode: 204 });
    expect(again?.log.map((a) => a.statusCode)).toEqual([204, 503, 503, 503]);
    expect(new Set(forPath('/down').map((r) => r.headers['societyhub-delivery']))).toEqual(new Set([failed?.id]));
  });
});

describe('webhook deliveries follow the client as it is now', () => {
  async function patchClient(id: string, payload: Record<string, unknown>) {
    const current = (await t.request({ method: 'GET', url: `/v1/clients/${id}`, token: admin })).json();
    const response = await t.request({
      method: 'PATCH',
      url: `/v1/clients/${id}`,
      token: admin,
      headers: { 'if-match': `"${current.version}"` },
      payload,
    });
    expect(response.statusCode).toBe(200);
  }

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('park a disabled client’s queued retries, and send them once it is enabled again', async () => {
    const reader = await machineClient(['events:read', 'societies:read']);
    const hook = await subscribe(reader.id, '/disabled', ['society.created']);
    let failing = true;
    receiver.answer = (request) => (request.path === '/disabled' && failing ? 500 : 204);
    await t.createSociety(admin, { name: '市停用学会' });
    const [first] = await eventually(async () => {
      const log = await deliveries(hook.id);
      return log[0]?.attempts === 1 && log[0].status === 'pending' ? log : undefined;
    });
    await patchClient(reader.id, { disabled: true });
    failing = false;
    // Three retry intervals (1 s each here): a worker still sending would have retried and delivered.
    await pause(3_500);
    const [parked] = await deliveries(hook.id);
    expect(parked).toMatchObject({ id: first?.id, status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect(forPath('/disabled')).toHaveLength(1);

    await patchClient(reader.id, { disabled: false });
    const [sent] = await eventually(async () => {
      const log = await deliveries(hook.id);
      return log[0]?.status === 'succeeded' ? log : undefined;
    });
    expect(sent).toMatchObject({ id: first?.id, attempts: 2, lastStatusCode: 204 });
    expect(forPath('/disabled')).toHaveLength(2);
  });

  it('withhold an event the client may no longer read (a scope withdrawn after it was queued)', async () => {
    const reader = await machineClient(['events:read', 'societies:read', 'members:read']);
    const hook = await subscribe(reader.id, '/withdrawn', ['member.*']);
    let failing = true;
    receiver.answer = (request) => (request.path === '/withdrawn' && failing ? 500 : 204);
    const society = await t.createSociety(admin, { name: '市撤权学会' });
    await t.request({
      method: 'POST',
      url: `/v1/societies/${society}/members`,
      token: admin,
      payload: { kind: 'individual', name: '撤权会员' },
    });
    await eventually(async () => {
      const log = await deliveries(hook.id);
      return log[0]?.attempts === 1 && log[0].status === 'pending' ? log : undefined;
    });
    await patchClient(reader.id, { scopes: ['events:read', 'societies:read'] });
    failing = false;
    const [withheld] = await eventually(async () => {
      const log = await deliveries(hook.id);
      return log[0]?.status === 'failed' ? log : undefined;
    });
    expect(withheld?.lastError).toMatch(/may no longer read this event/);
    expect(withheld?.log[0]).toMatchObject({ statusCode: null });
    // The one attempt made while the client could read it; nothing after.
    expect(forPath('/withdrawn')).toHaveLength(1);
  });

  it('let another worker send a delivery whose worker died holding its lease, once the lease expires', async () => {
    const reader = await machineClient(['events:read', 'societies:read']);
    const society = await t.createSociety(admin, { name: '市遗留学会' });
    const event = await t.database.db
      .selectFrom('outbox_events')
      .select(['id', 'type'])
      .where('resource_id', '=', society)
      .executeTakeFirstOrThrow();
    // Subscribed after the event: fan-out leaves it alone, so the row below is its only delivery.
    const hook = await subscribe(reader.id, '/orphan', ['society.created']);
    const deliveryId = crypto.randomUUID();
    // As a worker leaves it when it dies mid-attempt: claimed (attempt counted), lease running.
    await sql`
      INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, status, attempts, next_attempt_at,
        lease_token, lease_until, created_at)
      VALUES (${deliveryId}, ${hook.id}, ${event.id}, ${event.type}, 'pending', 1, now() - interval '1 second',
        ${crypto.randomUUID()}, now() + interval '2 seconds', now())`.execute(t.database.db);
    await pause(1_000);
    expect(forPath('/orphan')).toHaveLength(0);
    const [sent] = await eventually(async () => {
      const log = await deliveries(hook.id);
      return log[0]?.status === 'succeeded' ? log : undefined;
    });
    expect(sent).toMatchObject({ id: deliveryId, attempts: 2, lastStatusCode: 204 });
    expect(sent?.log.map((a) => a.attempt)).toEqual([2]);
    expect(forPath('/orphan').map((r) => r.headers['societyhub-delivery'])).toEqual([deliveryId]);
  });

  it('judge a lease by the database’s clock when redelivering, whatever the API process’s clock says', async () => {
    const reader = await machineClient(['events:read', 'societies:read']);
    const society = await t.createSociety(admin, { name: '市时钟学会' });
    const event = await t.database.db
      .selectFrom('outbox_events')
      .select(['id', 'type'])
      .where('resource_id', '=', society)
      .executeTakeFirstOrThrow();
    const hook = await subscribe(reader.id, '/clock', ['society.created']);
    const deliveryId = crypto.randomUUID();
    await sql`
      INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, status, attempts, next_attempt_at,
        lease_token, lease_until, created_at)
      VALUES (${deliveryId}, ${hook.id}, ${event.id}, ${event.type}, 'pending', 1, now() + interval '1 hour',
        ${crypto.randomUUID()}, now() + interval '2 minutes', now())`.execute(t.database.db);
    // Its next attempt is an hour away, so this file's running worker leaves it alone: only the
    // redelivery below looks at its lease.
    const redeliver = () =>
      t.request({ method: 'POST', url: `/v1/webhooks/${hook.id}/deliveries/${deliveryId}/redeliver`, token: admin });
    try {
      // The API process's clock runs five minutes ahead: by it the lease has expired, by the database's not.
      vi.setSystemTime(Date.now() + 5 * 60_000);
      expect((await redeliver()).statusCode).toBe(409);
      vi.useRealTimers();
      await sql`UPDATE webhook_deliveries SET lease_until = now() - interval '1 second' WHERE id = ${deliveryId}`.execute(
        t.database.db,
      );
      // And now five minutes behind: by it the lease is still running, by the database's it ended.
      vi.setSystemTime(Date.now() - 5 * 60_000);
      const requeued = await redeliver();
      expect(requeued.statusCode).toBe(202);
      expect(requeued.json()).toMatchObject({ status: 'pending', attempts: 0 });
    } finally {
      vi.useRealTimers();
    }
  });
});
