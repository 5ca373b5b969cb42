/**
 * Fault benchmark (issue: proof): the real thing behind tests/process/faults.test.ts. It makes a
 * PostgreSQL cluster of its own (Debian's pg_createcluster, so the machine's main cluster and whatever
 * else uses it are never touched), starts the built API on it, and under a steady write load:
 *
 *   1. stops PostgreSQL (`pg_ctlcluster … stop -m fast`, what a restart or failover does), keeps it
 *      down for a while, starts it again — then reports how the API answered while it was down
 *      (status, latency), how long after PostgreSQL was back the first write succeeded, and checks that
 *      every write acknowledged with a 2xx is in the database;
 *   2. sends SIGTERM with requests in flight and reports how they ended and how the process exited.
 *
 * Needs root (or the postgres user's rights) and Debian's postgresql-common. Targets: 503 problem+json
 * while down, answered fast; recovery within 5 s of PostgreSQL's return; no acknowledged write lost.
 *
 *   pnpm build && pnpm bench:faults [seconds down=5] [writers=8]
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import pg from 'pg';
import { freePort, REPO_ROOT, startServerProcess } from '../../tests/support/server-process';
import { firstSuccessAfter, startWriteLoad, type WriteOutcome } from '../../tests/support/write-load';
import { format, percentile } from './harness';

const secondsDown = Number(process.argv[2] ?? 5);
const writers = Number(process.argv[3] ?? 8);
const ADMIN = { username: 'fault-admin', password: `fault-${randomBytes(6).toString('hex')}` };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function postgresVersion(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('no PostgreSQL under /usr/lib/postgresql');
  return versions[0];
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

function describe(label: string, outcomes: readonly WriteOutcome[]): void {
  const byStatus = new Map<number, number>();
  for (const o of outcomes) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
  const latencies = outcomes.map((o) => o.endedAt - o.startedAt).sort((a, b) => a - b);
  const statuses = [...byStatus].map(([status, n]) => `${status === 0 ? 'no answer' : status}: ${format(n)}`);
  console.log(
    `${label.padEnd(22)} ${format(outcomes.length).padStart(6)} requests  ${statuses.join(', ').padEnd(30)} ` +
      `p50 ${format(percentile(latencies, 50))} ms  p99 ${format(percentile(latencies, 99))} ms  max ${format(latencies.at(-1) ?? 0)} ms`,
  );
}

async function main() {
  if (!existsSync(`${REPO_ROOT}/apps/api/dist/server.js`)) throw new Error('run `pnpm build` first');
  const version = postgresVersion();
  const cluster = `shfaults${process.pid}`;
  const port = await freePort();
  run('pg_createcluster', [version, cluster, '--port', String(port), '--', '--auth=trust']);
  const pgctl = (action: string, ...extra: string[]) =>
    run('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, action, ...extra]);
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  try {
    pgctl('start');
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE faults');
    await admin.end();
    const databaseUrl = `postgres://postgres@127.0.0.1:${port}/faults`;
    server = await startServerProcess({
      DATABASE_URL: databaseUrl,
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      MEMBER_DATA_KEY: randomBytes(32).toString('base64'),
      RATE_LIMIT_PER_MINUTE: '100000000',
      WEBHOOK_WORKER: '0',
    });
    const login = await fetch(`${server.baseUrl}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };

    console.log(
      `PostgreSQL ${version} cluster ${cluster} on port ${port}; ${writers} writers; down for ${secondsDown} s\n`,
    );
    const load = startWriteLoad(server.baseUrl, accessToken, writers, '停库演练');
    await sleep(3000);
    const downAt = Date.now();
    pgctl('stop', '-m', 'fast');
    const stoppedAt = Date.now();
    await sleep(secondsDown * 1000);
    pgctl('start');
    const upAt = Date.now();
    while (!firstSuccessAfter(load.outcomes, upAt) && Date.now() < upAt + 30_000) await sleep(20);
    await sleep(3000);
    await load.stop();

    const { outcomes } = load;
    describe(
      'before the stop',
      outcomes.filter((o) => o.endedAt < downAt),
    );
    describe(
      'while stopping',
      outcomes.filter((o) => o.endedAt >= downAt && o.startedAt < stoppedAt),
    );
    describe(
      'while down',
      outcomes.filter((o) => o.startedAt >= stoppedAt && o.endedAt <= upAt),
    );
    describe(
      'after the start',
      outcomes.filter((o) => o.startedAt >= upAt),
    );
    const first = firstSuccessAfter(outcomes, upAt);
    console.log(
      `\nfirst write acknowledged ${first ? `${format(first.endedAt - upAt)} ms` : 'NEVER'} after PostgreSQL was started (target < 5,000 ms)`,
    );
    const wrong = outcomes.filter(
      (o) =>
        o.status !== 201 &&
        !(o.status === 503 && o.contentType.startsWith('application/problem+json') && o.code === 'service_unavailable'),
    );
    console.log(`answers other than 201 or 503 problem+json: ${format(wrong.length)}`);

    const acknowledged = outcomes.flatMap((o) => (o.id ? [o.id] : []));
    const check = new pg.Client({ connectionString: databaseUrl });
    await check.connect();
    const { rows } = await check.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM societies WHERE id = ANY($1::uuid[])',
      [acknowledged],
    );
    await check.end();
    console.log(`acknowledged writes: ${format(acknowledged.length)}, in the database: ${format(rows[0]?.n ?? 0)}`);

    // SIGTERM with a full write load in flight.
    const draining = startWriteLoad(server.baseUrl, accessToken, writers, '停机演练');
    await sleep(2000);
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const code = await server.exited;
    const exitedAt = Date.now();
    await draining.stop();
    const inFlight = draining.outcomes.filter((o) => o.startedAt < signalledAt && o.endedAt >= signalledAt);
    console.log(
      `\nSIGTERM: exit code ${code} after ${format(exitedAt - signalledAt)} ms; ` +
        `requests in flight at the signal: ${inFlight.length}, answered 201: ${inFlight.filter((o) => o.status === 201).length}`,
    );
    describe(
      'after the signal',
      draining.outcomes.filter((o) => o.startedAt >= signalledAt),
    );
  } finally {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    run('pg_dropcluster', ['--stop', version, cluster]);
  }
}

await main();
