/**
 * Faults the built server must survive (issue: proof): the database going away and coming back
 * under a write load, and SIGTERM with requests in flight. The database outage is a TCP proxy cutting
 * and refusing connections, exactly what the API sees when PostgreSQL restarts, so the machine's
 * PostgreSQL keeps serving the other test files; `pnpm bench:faults` does the same with a real
 * `pg_ctlcluster stop/start` on a server of its own.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADMIN_DATABASE_URL, createTestDatabase } from '../support/database';
import { type OutageProxy, startOutageProxy } from '../support/outage-proxy';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { firstSuccessAfter, startWriteLoad } from '../support/write-load';

const ADMIN = { username: 'admin', password: `fault-${randomBytes(6).toString('hex')}` };

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let proxy: OutageProxy;
let server: ServerProcess;
let token: string;

beforeAll(async () => {
  database = await createTestDatabase('sh_fault', inject('templateDatabase') || undefined);
  const direct = new URL(ADMIN_DATABASE_URL);
  proxy = await startOutageProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const viaProxy = new URL(database.url);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  server = await startServerProcess({
    DATABASE_URL: viaProxy.toString(),
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    MEMBER_DATA_KEY: randomBytes(32).toString('base64'),
    RATE_LIMIT_PER_MINUTE: '1000000',
    WEBHOOK_WORKER: '0',
  });
  const login = await fetch(`${server.baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  token = ((await login.json()) as { accessToken: string }).accessToken;
});
// What the server logged explains a failure here better than any assertion can.
afterEach((context) => {
  if (context.task.result?.state === 'fail') console.error(server?.output().slice(-8000));
});
afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await proxy?.close();
  await database?.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the database restarting under a write load', () => {
  it('fails fast with 503 problem+json while it is down, recovers by itself, and keeps every acknowledged write', async () => {
    const load = startWriteLoad(server.baseUrl, token);
    const { outcomes } = load;

    await sleep(1500);
    const downAt = Date.now();
    await proxy.down();
    await sleep(3000);
    const upAt = Date.now();
    await proxy.up();
    // Run until the API has written again after the database came back, then a little longer.
    const deadline = upAt + 15_000;
    while (!firstSuccessAfter(outcomes, upAt) && Date.now() < deadline) await sleep(50);
    await sleep(1000);
    await load.stop();

    const before = outcomes.filter((o) => o.endedAt < downAt);
    const during = outcomes.filter((o) => o.startedAt >= downAt && o.endedAt <= upAt);
    const firstAfter = firstSuccessAfter(outcomes, upAt);
    expect(before.filter((o) => o.status === 201).length).toBeGreaterThan(0);
    expect(during.length).toBeGreaterThan(0);

    // Every answer is a success or a 503 problem: never a 500, never a dropped connection.
    for (const outcome of outcomes) {
      if (outcome.status === 201) continue;
      expect(outcome.status, JSON.stringify(outcome)).toBe(503);
      expect(outcome.contentType).toMatch(/^application\/problem\+json/);
      expect(outcome.code).toBe('service_unavailable');
    }
    // Fast, not hanging until a timeout: well under the pool's 3 s connection timeout plus the work.
    for (const outcome of during) expect(outcome.endedAt - outcome.startedAt).toBeLessThan(4000);
    expect(during.every((o) => o.status === 503)).toBe(true);
    // The pool reconnects by itself, within 5 s of the database returning.
    expect(firstAfter, 'no write succeeded after the database came back').toBeDefined();
    expect((firstAfter?.endedAt ?? Number.POSITIVE_INFINITY) - upAt).toBeLessThan(5000);

    // Every write acknowledged with a 2xx is in the database.
    const acknowledged = outcomes.flatMap((o) => (o.id ? [o.id] : []));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>('SELECT id FROM societies WHERE id = ANY($1::uuid[])', [
        acknowledged,
      ]);
      expect(rows.length).toBe(acknowledged.length);
    } finally {
      await client.end();
    }
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
  });
});

describe('SIGTERM under load', () => {
  it('finishes every request in flight, answers nothing with a 5xx other than 503, and exits cleanly', async () => {
    const { port } = new URL(server.baseUrl);
    // Registrations whose bodies are still arriving when the signal comes: certainly in flight.
    const inFlight = Array.from({ length: 8 }, (_, i) => {
      const body = JSON.stringify({ name: `市停机演练学会${i}号`, type: 'society', discipline: 'science' });
      let sendRest: () => void = () => {};
      const answered = new Promise<{ status: number; id: string | null }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/v1/societies',
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              authorization: `Bearer ${token}`,
              'idempotency-key': randomUUID(),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => {
              text += String(chunk);
            });
            res.on('end', () => {
              const parsed = JSON.parse(text) as { id?: string };
              resolve({ status: res.statusCode ?? 0, id: parsed.id ?? null });
            });
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 10));
        sendRest = () => req.end(body.slice(10));
      });
      return { answered, sendRest: () => sendRest() };
    });
    // Reads arriving all along: once draining starts they may be refused, never answered with a 500.
    let reading = true;
    const readStatuses: number[] = [];
    const readers = Array.from({ length: 4 }, async () => {
      while (reading) {
        try {
          const response = await fetch(`${server.baseUrl}/v1/societies?limit=50`, {
            headers: { authorization: `Bearer ${token}` },
          });
          readStatuses.push(response.status);
          await response.arrayBuffer();
        } catch {
          readStatuses.push(0); // refused: the server no longer accepts connections
        }
      }
    });

    await sleep(300);
    server.child.kill('SIGTERM');
    await sleep(300);
    for (const request of inFlight) request.sendRest();
    const answers = await Promise.all(inFlight.map((r) => r.answered));
    expect(await server.exited).toBe(0);
    reading = false;
    await Promise.all(readers);

    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    expect(readStatuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(readStatuses.filter((s) => s !== 200 && s !== 503 && s !== 0)).toEqual([]);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const ids = answers.flatMap((a) => (a.id ? [a.id] : []));
      const { rows } = await client.query('SELECT id FROM societies WHERE id = ANY($1::uuid[])', [ids]);
      expect(rows.length).toBe(inFlight.length);
    } finally {
      await client.end();
    }
  });
});
