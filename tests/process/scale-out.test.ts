/**
 * Two built API processes on one database, as behind a load balancer: nothing that matters may live in
 * one process's memory. Needs `pnpm build` first (it starts apps/api/dist/server.js; it builds nothing).
 */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { eventually, type Receiver, startReceiver, verifySignature } from '../support/webhook-receiver';

const ADMIN = { username: 'scale-admin', password: 'scale-password-2026' };
/** Deliveries each process sends at once: more than this in flight at the receiver means both are sending. */
const CONCURRENCY = 4;
const SOCIETIES = 12;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let a: ServerProcess;
let b: ServerProcess;
let receiver: Receiver;
let token = '';

async function call(server: ServerProcess, method: string, path: string, body?: unknown, headers = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

beforeAll(async () => {
  database = await createTestDatabase('sh_scale');
  receiver = await startReceiver();
  const env = {
    DATABASE_URL: database.url,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    // Both processes must unseal what the other sealed (webhook secrets), as in any multi-process deployment.
    MEMBER_DATA_KEY: randomBytes(32).toString('base64'),
    CONSOLE_DIR: '',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '5',
    WEBHOOK_POLL_MS: '100',
    WEBHOOK_CONCURRENCY: String(CONCURRENCY),
    WEBHOOK_TIMEOUT_MS: '30000',
    WEBHOOK_INTERNAL_HOSTS: '127.0.0.1',
  };
  // One after the other: the first migrates the empty database.
  a = await startServerProcess(env);
  b = await startServerProcess(env);
  const login = await fetch(`${a.baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  token = (await login.json()).accessToken;
});

afterAll(async () => {
  for (const server of [a, b]) if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await receiver?.close();
  await database?.drop();
});

describe('two API processes on one database', () => {
  it('replay an Idempotency-Key sent to A when the retry reaches B', async () => {
    const key = `scale-${randomBytes(6).toString('hex')}`;
    const body = { name: '市幂等学会', type: 'society', discipline: 'science' };
    const first = await call(a, 'POST', '/v1/societies', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const retry = await call(b, 'POST', '/v1/societies', body, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    const other = await call(b, 'POST', '/v1/societies', { ...body, name: '市另一个学会' }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    const list = await call(a, 'GET', `/v1/societies?q=${encodeURIComponent('市幂等学会')}`);
    expect(list.json().items).toHaveLength(1);
  });

  it('run a request sent with one key to both at once exactly once', async () => {
    for (let round = 0; round < 4; round++) {
      const key = `race-${randomBytes(6).toString('hex')}`;
      const name = `市并发学会${round}`;
      const body = { name, type: 'society', discipline: 'science' };
      const answers = await Promise.all(
        [a, b].map((server) => call(server, 'POST', '/v1/societies', body, { 'idempotency-key': key })),
      );
      // One runs; the other is either given its answer (it arrived after the first finished) or told
      // the first is still running (409 idempotency_key_in_progress, Retry-After), as API.md has it.
      const ran = answers.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') !== 'true');
      expect(ran, `round ${round}`).toHaveLength(1);
      for (const other of answers.filter((r) => !ran.includes(r))) {
        if (other.status === 201) {
          expect(other.headers.get('idempotent-replayed')).toBe('true');
          expect(other.json()).toEqual(ran[0]?.json());
        } else {
          expect(other.status).toBe(409);
          expect(other.json().code).toBe('idempotency_key_in_progress');
          expect(other.headers.get('retry-after')).toBe('1');
        }
      }
      const list = await call(a, 'GET', `/v1/societies?q=${encodeURIComponent(name)}`);
      expect(list.json().items).toHaveLength(1);
    }
  });

  it('let a retry take over a key whose process died mid-request, once the claim is stale', async () => {
    const me = (await call(a, 'GET', '/v1/auth/me')).json();
    const key = `crashed-${randomBytes(6).toString('hex')}`;
    const body = { name: '市断电学会', type: 'society', discipline: 'science' };
    // What a process leaves when it dies between claiming the key and answering: a claim, no answer
    // (its request fingerprint is the hash of the method, the path and the body as sent).
    const requestHash = createHash('sha256').update('POST /v1/societies\n').update(JSON.stringify(body)).digest('hex');
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO idempotency_keys (principal, key, method, path, request_hash, created_at)
         VALUES ($1, $2, 'POST', '/v1/societies', $3, now() - interval '20 seconds')`,
        [`user:${me.id}`, key, requestHash],
      );
      // Young enough that its request may still be running somewhere: the retry waits.
      const early = await call(b, 'POST', '/v1/societies', body, { 'idempotency-key': key });
      expect(early.status).toBe(409);
      expect(early.json().code).toBe('idempotency_key_in_progress');

      await db.query(`UPDATE idempotency_keys SET created_at = now() - interval '10 minutes' WHERE key = $1`, [key]);
      const other = await call(b, 'POST', '/v1/societies', { ...body, name: '别的学会' }, { 'idempotency-key': key });
      expect(other.status).toBe(422);
      const retry = await call(b, 'POST', '/v1/societies', body, { 'idempotency-key': key });
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      const again = await call(a, 'POST', '/v1/societies', body, { 'idempotency-key': key });
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.json().id).toBe(retry.json().id);
      const list = await call(a, 'GET', `/v1/societies?q=${encodeURIComponent(body.name)}`);
      expect(list.json().items).toHaveLength(1);
    } finally {
      await db.end();
    }
  });

  it('count a rate limit across both', async () => {
    const get = (server: ServerProcess) => fetch(`${server.baseUrl}/v1/public/societies`);
    const answers = [];
    for (const server of [a, a, a, b, b]) answers.push(await get(server));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual(['4', '3', '2', '1', '0']);
    const overA = await get(a);
    const overB = await get(b);
    expect([overA.status, overB.status]).toEqual([429, 429]);
    expect(Number(overB.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('deliver each event to a subscription exactly once, with both workers sending, signed', async () => {
    const client = (
      await call(a, 'POST', '/v1/clients', { name: 'scale receiver', scopes: ['events:read', 'societies:read'] })
    ).json();
    const created = await call(b, 'POST', '/v1/webhooks', {
      clientId: client.id,
      url: `${receiver.url}/scale`,
      eventTypes: ['society.created'],
    });
    expect(created.status).toBe(201);
    const webhook = created.json();

    // Hold every answer until more deliveries are in flight than one process sends at once: only
    // reachable when both workers are delivering at the same time (the backstop keeps the test finite).
    let widest = 0;
    let released = false;
    const heldSince = Date.now();
    receiver.hold = async () => {
      while (!released) {
        widest = Math.max(widest, receiver.open());
        if (widest > CONCURRENCY || Date.now() - heldSince > 25_000) released = true;
        else await new Promise((r) => setTimeout(r, 20));
      }
    };

    const societyIds: string[] = [];
    for (let i = 0; i < SOCIETIES; i += 2) {
      const pair = await Promise.all(
        [a, b].map((server, j) =>
          call(server, 'POST', '/v1/societies', { name: `市扩展学会${i + j}`, type: 'society', discipline: 'science' }),
        ),
      );
      for (const response of pair) {
        expect(response.status).toBe(201);
        societyIds.push(response.json().id);
      }
    }

    const log = await eventually(async () => {
      const page = (await call(a, 'GET', `/v1/webhooks/${webhook.id}/deliveries?limit=100`)).json();
      const done = page.items.filter((d: { status: string }) => d.status === 'succeeded');
      return done.length >= SOCIETIES ? page.items : undefined;
    }, 60_000);

    expect(widest).toBeGreaterThan(CONCURRENCY);
    // Exactly once in the log: one delivery per event, each sent once.
    expect(log).toHaveLength(SOCIETIES);
    for (const delivery of log) {
      expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1 });
      expect(delivery.log).toHaveLength(1);
    }
    const received = receiver.received.filter((r) => r.path === '/scale');
    expect(received).toHaveLength(SOCIETIES);
    expect(new Set(received.map((r) => r.headers['societyhub-delivery'])).size).toBe(SOCIETIES);
    expect(received.map((r) => r.event.resourceId).sort()).toEqual([...societyIds].sort());
    for (const request of received) expect(verifySignature(webhook.secret, request.headers, request.body)).toBe(true);

    // Both processes' workers made attempts (recorded per attempt in the database).
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const workers = await db.query('SELECT DISTINCT worker FROM webhook_delivery_attempts');
      expect(workers.rowCount).toBe(2);
    } finally {
      await db.end();
    }
  });

  it('stop cleanly on SIGTERM, workers included', async () => {
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    expect(`${a.output()}${b.output()}`).not.toMatch(/"level":(50|60)/);
  });
});
