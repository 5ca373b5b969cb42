/**
 * Load benchmark (issue: proof). Generates a registry of S societies (default 1,000; 100 to 50,000) and
 * M members (default 200,000; 1,000,000 for the full run), then drives the built API and, in the same run,
 * a bare Fastify + `pg` baseline doing the same queries (bench/src/baseline-server.ts): flat out with
 * autocannon (C connections, default 32, no pipelining) for throughput, then at a steady fixed rate
 * (evenly spaced requests over the same C connections, see `paced`) for latency. Prints req/s and
 * p50/p95/p99 of each, the ratio to the baseline, and the API process's peak memory.
 *
 * Targets on the 2-core machine: reads ≥ 60% of the baseline's throughput; read p99 < 25 ms at 32
 * connections under the steady rate (flat out, latency is only the queue 32 connections make: 32 /
 * throughput); API memory < 200 MB during the run.
 *
 *   pnpm build && pnpm bench:load [societies=1000] [members=200000] [seconds=10] [connections=32] [rate=200]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { REPO_ROOT } from '../../tests/support/server-process';
import { loadMembers, loadSocieties } from './generate';
import { ADMIN, format, percentile, startBench } from './harness';

const societies = Number(process.argv[2] ?? 1000);
const members = Number(process.argv[3] ?? 200_000);
const seconds = Number(process.argv[4] ?? 10);
const connections = Number(process.argv[5] ?? 32);
const fixedRate = Number(process.argv[6] ?? 200);

interface Side {
  baseUrl: string;
  headers: Record<string, string>;
  /** Path of each scenario on this side. */
  paths: Record<string, (i: number) => string>;
}

interface Scenario {
  name: string;
  read: boolean;
  method: 'GET' | 'PATCH' | 'POST';
  body?: (i: number) => string;
}

/**
 * PATCH needs the version each society is at: one society per connection, its version kept from each
 * ETag, across runs (a second run must not start again from version 1).
 */
const versions = new Map<string, number>();

interface Measured {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers other than 2xx, by status (`error` for a connection that failed). */
  failures: Map<string, number>;
}

function fail(failures: Map<string, number>, status: string | number, count = 1): void {
  if (count > 0) failures.set(String(status), (failures.get(String(status)) ?? 0) + count);
}

function describeFailures(...all: Map<string, number>[]): string {
  const merged = new Map<string, number>();
  for (const failures of all) for (const [status, count] of failures) fail(merged, status, count);
  return [...merged].map(([status, count]) => `${format(count)}× ${status}`).join(', ') || '0';
}

/** Peak resident memory of a process, sampled while `work` runs (Linux /proc). */
async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = 0;
  const sample = () => {
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      peak = Math.max(peak, Number(kb ?? 0) / 1024);
    } catch {
      // The process is gone or /proc is unavailable: nothing to sample.
    }
  };
  const timer = setInterval(sample, 250);
  try {
    const result = await work();
    sample();
    return { result, peakMb: peak };
  } finally {
    clearInterval(timer);
  }
}

/** The i-th request of a scenario on a side: its path, headers (the version it expects, for a PATCH) and body. */
function requestFor(side: Side, scenario: Scenario, i: number) {
  const path = side.paths[scenario.name]?.(i) ?? '/';
  const headers: Record<string, string> = { ...side.headers };
  const body = scenario.body?.(i);
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (scenario.method === 'PATCH') headers['if-match'] = `"${versions.get(side.baseUrl + path) ?? 1}"`;
  return { path, headers, body };
}

/**
 * A steady load: requests start at exactly evenly spaced moments (`rate` a second, whatever the
 * answers do) over at most `connections` keep-alive connections, and each latency counts from the
 * moment its request was due, so waiting for a free connection is counted too (no coordinated
 * omission). autocannon's own rate option sends each second's requests in one burst at its start,
 * which measures the burst, not the rate.
 */
async function paced(side: Side, scenario: Scenario, duration: number, rate: number): Promise<Measured> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(side.baseUrl);
  const times: number[] = [];
  const failures = new Map<string, number>();
  const total = Math.round(rate * duration);
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const { path, headers, body } = requestFor(side, scenario, i);
    pending.push(
      new Promise<void>((resolve) => {
        const req = request({ agent, host: hostname, port, path, method: scenario.method, headers }, (res) => {
          res.resume();
          res.on('end', () => {
            times.push(performance.now() - due);
            const etag = res.headers.etag;
            if (typeof etag === 'string') versions.set(side.baseUrl + path, Number(etag.replace(/\D/g, '')));
            if ((res.statusCode ?? 0) >= 300) fail(failures, res.statusCode ?? 0);
            resolve();
          });
        });
        req.on('error', () => {
          fail(failures, 'error');
          resolve();
        });
        req.end(body);
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  times.sort((a, b) => a - b);
  return {
    rps: (times.length * 1000) / (performance.now() - started),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    failures,
  };
}

function drive(side: Side, scenario: Scenario, duration: number): Promise<Measured> {
  const times: number[] = [];
  const failures = new Map<string, number>();
  let counter = 0;
  /** Per autocannon connection (its context object): its fixed slot, and the path it last asked for. */
  const perConnection = new WeakMap<object, { slot: number; path: string }>();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: side.baseUrl,
        connections,
        pipelining: 1,
        duration,
        requests: [
          {
            setupRequest: (request, context) => {
              counter += 1;
              const state = perConnection.get(context) ?? { slot: counter, path: '' };
              perConnection.set(context, state);
              const i = scenario.method === 'PATCH' ? state.slot : counter;
              const { path, headers, body } = requestFor(side, scenario, i);
              state.path = path;
              return { ...request, method: scenario.method, path, headers, ...(body === undefined ? {} : { body }) };
            },
            onResponse: (_status, _body, context, headers) => {
              const etag = headers?.etag;
              const state = perConnection.get(context);
              if (typeof etag === 'string' && state)
                versions.set(side.baseUrl + state.path, Number(etag.replace(/\D/g, '')));
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        fail(failures, 'error', result.errors);
        fail(failures, 'timeout', result.timeouts);
        resolve({
          rps: result.requests.average,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          p99: percentile(times, 99),
          failures,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 300) fail(failures, status);
      times.push(responseTime);
    });
  });
}

async function startBaseline(databaseUrl: string): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const child = spawn(
    join(REPO_ROOT, 'bench/node_modules/.bin/tsx'),
    [join(REPO_ROOT, 'bench/src/baseline-server.ts')],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const match = /listening on (\d+)/.exec(String(chunk));
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`baseline exited with ${code}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function main() {
  const bench = await startBench({ DATABASE_POOL_SIZE: '20' });
  const db = new pg.Client({ connectionString: bench.databaseUrl });
  await db.connect();
  const baseline = await startBaseline(bench.databaseUrl);
  try {
    const started = Date.now();
    const ids = await loadSocieties(db, societies);
    const bySize = ids.slice(0, Math.min(20, ids.length));
    await loadMembers(db, bySize, members);
    console.log(
      `${format(societies)} societies and ${format(members)} members loaded in ${format((Date.now() - started) / 1000, 1)} s`,
    );
    const active = (
      await db.query<{ id: string }>(`SELECT id FROM societies WHERE status = 'active' LIMIT 1000`)
    ).rows.map((r) => r.id);
    const pick = (i: number) => active[i % active.length] ?? '';
    const big = bySize[0] ?? '';
    const names = ['王建国', '张伟', '李', '陈静', '刘洋', '赵敏', '海川大学', '郭强'];
    const q = (i: number) => encodeURIComponent(names[i % names.length] ?? '');
    const disciplines = ['science', 'engineering', 'agriculture', 'medicine', 'cross'];

    const api: Side = {
      baseUrl: bench.server.baseUrl,
      headers: { authorization: `Bearer ${bench.token}` },
      paths: {
        'society by id': (i) => `/v1/societies/${pick(i)}`,
        'societies list, filtered': (i) => `/v1/societies?status=active&discipline=${disciplines[i % 5]}&limit=50`,
        'members search': (i) => `/v1/societies/${big}/members?q=${q(i)}&limit=50`,
        'PATCH with If-Match': (i) => `/v1/societies/${pick(i)}`,
        login: () => '/v1/auth/login',
      },
    };
    const bare: Side = {
      baseUrl: baseline.baseUrl,
      headers: {},
      paths: {
        'society by id': (i) => `/societies/${pick(i)}`,
        'societies list, filtered': (i) => `/societies?status=active&discipline=${disciplines[i % 5]}`,
        'members search': (i) => `/societies/${big}/members?q=${q(i)}`,
        'PATCH with If-Match': (i) => `/societies/${pick(i + 500)}`,
        login: () => '/login',
      },
    };
    const scenarios: Scenario[] = [
      { name: 'society by id', read: true, method: 'GET' },
      { name: 'societies list, filtered', read: true, method: 'GET' },
      { name: 'members search', read: true, method: 'GET' },
      {
        name: 'PATCH with If-Match',
        read: false,
        method: 'PATCH',
        body: (i) => JSON.stringify({ website: `https://bench-${i}-${Date.now()}.example.cn` }),
      },
      { name: 'login', read: false, method: 'POST', body: () => JSON.stringify(ADMIN) },
    ];

    // BENCH_SCENARIOS="society by id;login" runs only the scenarios whose names start so (for profiling
    // one at a time; `;` because a name has a comma).
    const only = process.env.BENCH_SCENARIOS?.split(';').map((n) => n.trim());
    if (only) {
      scenarios.splice(0, scenarios.length, ...scenarios.filter((s) => only.some((n) => s.name.startsWith(n))));
      if (scenarios.length === 0) throw new Error(`BENCH_SCENARIOS matches no scenario: ${only.join('; ')}`);
    }
    // Warm-up of both sides (JIT, pools, caches) before anything is measured.
    for (const s of scenarios.filter((s) => s.method === 'GET')) {
      await drive(api, s, 2);
      await drive(bare, s, 2);
    }
    const rows = [];
    const measured = [];
    const pid = bench.server.child.pid ?? 0;
    for (const scenario of scenarios) {
      // The API's peak memory is sampled per scenario, so the one that costs it shows.
      const { result, peakMb } = await peakRss(pid, async () => {
        const a = await drive(api, scenario, seconds);
        const b = await drive(bare, scenario, seconds);
        // Reads at the fixed rate the targets name; a write or a login at no more than half what the API
        // managed flat out, so the figure is its latency, not the queue of an overload.
        const rate = scenario.read ? fixedRate : Math.max(1, Math.min(fixedRate, Math.floor(a.rps / 2)));
        if (scenario.method === 'PATCH') {
          // autocannon drops the answers still in flight when its time is up, so the versions it last
          // saw may be behind: start the paced run from the database's.
          const current = await db.query<{ id: string; version: number }>('SELECT id, version FROM societies');
          for (const row of current.rows) versions.set(`${api.baseUrl}/v1/societies/${row.id}`, row.version);
        }
        const fixed = await paced(api, scenario, seconds, rate);
        return { a, b, fixed };
      });
      measured.push({ scenario, ...result, peakMb });
    }
    const peakMb = Math.max(...measured.map((m) => m.peakMb));
    for (const { scenario, a, b, fixed, peakMb: scenarioPeak } of measured) {
      rows.push({
        scenario: scenario.name,
        'API req/s': format(a.rps),
        'API p50/p95/p99 ms': `${format(a.p50)} / ${format(a.p95)} / ${format(a.p99)}`,
        'baseline req/s': format(b.rps),
        'baseline p99 ms': format(b.p99),
        ratio: `${format((a.rps / b.rps) * 100)}%`,
        'API at fixed rate p50/p99 ms': `${format(fixed.p50)} / ${format(fixed.p99)} @ ${format(fixed.rps)}/s`,
        failures: describeFailures(a.failures, fixed.failures),
        'API peak MB': format(scenarioPeak),
      });
    }
    console.log(`\n${connections} connections, no pipelining, ${seconds} s per run:`);
    console.table(rows);
    const reads = measured.filter((m) => m.scenario.read);
    const worstRatio = Math.min(...reads.map((m) => m.a.rps / m.b.rps));
    const worstP99 = Math.max(...reads.map((m) => m.fixed.p99));
    console.log(
      `reads at least 60% of baseline: ${format(worstRatio * 100)}% worst — ${worstRatio >= 0.6 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `read p99 under 25 ms at ${connections} connections, ${format(fixedRate)} req/s: ${format(worstP99)} ms worst — ${worstP99 < 25 ? 'met' : 'NOT met'}`,
    );
    console.log(`API memory under 200 MB: peak ${format(peakMb)} MB — ${peakMb < 200 ? 'met' : 'NOT met'}`);
  } finally {
    await baseline.stop();
    await db.end();
    await bench.close();
  }
}

await main();
