/**
 * Scale-out benchmark (issue 8): the same load against ONE API process, then against TWO processes on the
 * same database (the connections split between them, as a load balancer would), for an authenticated
 * list, the public directory and a write; then webhook delivery throughput with one and with two workers;
 * and the cost of the shared rate-limit counter on its own.
 *
 *   pnpm build && pnpm bench:scale [seconds per scenario=10] [webhook events=3000]
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import autocannon from 'autocannon';
import pg from 'pg';
import { startServerProcess } from '../../tests/support/server-process';
import { format, percentile, startBench } from './harness';

const seconds = Number(process.argv[2] ?? 10);
const webhookEvents = Number(process.argv[3] ?? 3000);
const CONNECTIONS = 16;
const SOCIETIES = 200;

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  auth: boolean;
}

async function load(urls: string[], token: string, scenario: Scenario, duration: number) {
  const times: number[] = [];
  let failures = 0;
  const perTarget = Math.max(1, Math.floor(CONNECTIONS / urls.length));
  const results = await Promise.all(
    urls.map(
      (url) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(
            {
              url,
              connections: perTarget,
              pipelining: 1,
              duration,
              headers: {
                ...(scenario.auth ? { authorization: `Bearer ${token}` } : {}),
                ...(scenario.body ? { 'content-type': 'application/json' } : {}),
              },
              requests: [
                { method: scenario.method, path: scenario.path, ...(scenario.body ? { body: scenario.body } : {}) },
              ],
            },
            (error, done) => (error ? reject(error) : resolve(done)),
          );
          instance.on('response', (_client, statusCode, _bytes, responseTime) => {
            if (statusCode >= 300) failures += 1;
            times.push(responseTime);
          });
        }),
    ),
  );
  times.sort((a, b) => a - b);
  return {
    scenario: scenario.name,
    processes: urls.length,
    'req/s': format(results.reduce((sum, r) => sum + r.requests.average, 0)),
    'p50 ms': format(percentile(times, 50), 1),
    'p95 ms': format(percentile(times, 95), 1),
    'p99 ms': format(percentile(times, 99), 1),
    errors: failures + results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
  };
}

/** A receiver that accepts every delivery at once, counting them. */
async function startReceiver() {
  let received = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received += 1;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/hook`, received: () => received, close: () => server.close() };
}

/** What the receiver got must match the log: every delivery exactly once. */
function checkReceived(receiver: { received: () => number }, expected: number) {
  if (receiver.received() !== expected) {
    throw new Error(`the receiver got ${receiver.received()} deliveries, expected ${expected}`);
  }
}

/** Queues `count` events for the subscription in one transaction and times until every one is delivered. */
async function deliveryRun(db: pg.Client, webhookId: string, count: number) {
  // Only these events are society.updated (the write scenario makes society.created, not subscribed to).
  await db.query('DELETE FROM webhook_deliveries WHERE webhook_id = $1', [webhookId]);
  const started = Date.now();
  await db.query(
    `INSERT INTO outbox_events (id, type, resource_type, resource_id, payload, at)
     SELECT gen_random_uuid(), 'society.updated', 'society', 'bench-' || i, jsonb_build_object('n', i), now()
     FROM generate_series(1, $1::int) AS i`,
    [count],
  );
  for (;;) {
    const { rows } = await db.query<{ done: number }>(
      `SELECT count(*)::int AS done FROM webhook_deliveries
       WHERE webhook_id = $1 AND status = 'succeeded' AND event_type = 'society.updated'`,
      [webhookId],
    );
    if ((rows[0]?.done ?? 0) >= count) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return (Date.now() - started) / 1000;
}

/** The per-request rate-limit upsert alone, straight at PostgreSQL from 16 connections. */
async function upsertRate(databaseUrl: string) {
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const until = Date.now() + 5000;
  const latencies: number[] = [];
  await Promise.all(
    clients.map(async (client, i) => {
      while (Date.now() < until) {
        const started = performance.now();
        await client.query(
          `INSERT INTO rate_limit_windows AS w (key, hits, expires_at) VALUES ($1, 1, now() + interval '1 minute')
           ON CONFLICT (key) DO UPDATE SET hits = CASE WHEN w.expires_at <= now() THEN 1 ELSE w.hits + 1 END,
             expires_at = CASE WHEN w.expires_at <= now() THEN EXCLUDED.expires_at ELSE w.expires_at END
           RETURNING hits`,
          [`bench:10.0.${i}.1`],
        );
        latencies.push(performance.now() - started);
      }
    }),
  );
  await Promise.all(clients.map((c) => c.end()));
  latencies.sort((a, b) => a - b);
  return {
    'upserts/s': format(latencies.length / 5),
    'p50 ms': format(percentile(latencies, 50), 2),
    'p99 ms': format(percentile(latencies, 99), 2),
  };
}

async function main() {
  const receiver = await startReceiver();
  const env = {
    MEMBER_DATA_KEY: randomBytes(32).toString('base64'),
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
    WEBHOOK_INTERNAL_HOSTS: '127.0.0.1',
    WEBHOOK_POLL_MS: '200',
    CONSOLE_DIR: '',
  };
  const bench = await startBench(env);
  const db = new pg.Client({ connectionString: bench.databaseUrl });
  await db.connect();
  let second: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  try {
    for (let i = 0; i < SOCIETIES; i++) await bench.createSociety(`市扩展基准学会${i + 1}`);
    await db.query(`UPDATE societies SET status = 'active', contact_person = '联络人', contact_phone = '0537-1234567'`);

    const call = async (path: string, body: unknown) => {
      const response = await fetch(`${bench.server.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bench.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { id: string };
    };
    const client = await call('/v1/clients', { name: 'bench receiver', scopes: ['events:read', 'societies:read'] });
    const webhook = await call('/v1/webhooks', {
      clientId: client.id,
      url: receiver.url,
      eventTypes: ['society.updated'],
    });

    const scenarios: Scenario[] = [
      { name: 'GET /v1/societies?limit=50 (authenticated)', method: 'GET', path: '/v1/societies?limit=50', auth: true },
      {
        name: 'GET /v1/public/societies?limit=50 (public)',
        method: 'GET',
        path: '/v1/public/societies?limit=50',
        auth: false,
      },
      {
        name: 'POST /v1/societies (write + audit + outbox)',
        method: 'POST',
        path: '/v1/societies',
        body: JSON.stringify({ name: '市写入基准学会', type: 'society', discipline: 'engineering' }),
        auth: true,
      },
    ];
    const results = [];
    const one = [bench.server.baseUrl];
    for (const scenario of scenarios) await load(one, bench.token, scenario, 2);
    for (const scenario of scenarios) results.push(await load(one, bench.token, scenario, seconds));
    const deliveryOne = await deliveryRun(db, webhook.id, webhookEvents);
    checkReceived(receiver, webhookEvents);

    second = await startServerProcess({
      DATABASE_URL: bench.databaseUrl,
      DATABASE_POOL_SIZE: '20',
      RATE_LIMIT_PER_MINUTE: '100000000',
      ...env,
    });
    const two = [bench.server.baseUrl, second.baseUrl];
    for (const scenario of scenarios) await load(two, bench.token, scenario, 2);
    for (const scenario of scenarios) results.push(await load(two, bench.token, scenario, seconds));
    const deliveryTwo = await deliveryRun(db, webhook.id, webhookEvents);
    checkReceived(receiver, 2 * webhookEvents);

    console.log(`\n${CONNECTIONS} connections in all, ${seconds} s per scenario, ${SOCIETIES} active societies:`);
    console.table(results);
    console.log(`\nWebhook deliveries of ${format(webhookEvents)} events to a local receiver (fan-out + signed POST):`);
    console.table([
      { workers: 1, seconds: format(deliveryOne, 1), 'deliveries/s': format(webhookEvents / deliveryOne) },
      { workers: 2, seconds: format(deliveryTwo, 1), 'deliveries/s': format(webhookEvents / deliveryTwo) },
    ]);
    console.log('\nThe shared rate-limit counter alone (16 connections, 16 keys, 5 s):');
    console.table([await upsertRate(bench.databaseUrl)]);
  } finally {
    second?.child.kill('SIGTERM');
    if (second) await second.exited;
    await db.end();
    receiver.close();
    await bench.close();
  }
}

await main();
