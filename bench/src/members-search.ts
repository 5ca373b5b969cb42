/**
 * Members list and search benchmark (issue: members). Loads N members (default 1,000,000) straight into
 * PostgreSQL — spread over 20 societies, the largest holding 40% — and drives the API with 16 concurrent
 * connections (no pipelining) through four kinds of request on the largest society: the first page, a
 * filtered page, a deep page by cursor, and a name search. Prints req/s and p50/p95/p99 for each
 * (target: p95 under 50 ms).
 *
 *   pnpm build && pnpm bench:members [members=1000000] [seconds per scenario=15]
 */
import autocannon from 'autocannon';
import pg from 'pg';
import { loadMembers } from './generate';
import { format, percentile, startBench } from './harness';

const total = Number(process.argv[2] ?? 1_000_000);
const seconds = Number(process.argv[3] ?? 15);
const CONNECTIONS = 16;
const SOCIETIES = 20;

interface Scenario {
  name: string;
  paths: string[];
}

async function run(baseUrl: string, token: string, scenario: Scenario, duration = seconds) {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: CONNECTIONS,
        pipelining: 1,
        duration,
        headers: { authorization: `Bearer ${token}` },
        requests: scenario.paths.map((path) => ({ method: 'GET', path })),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) errors += 1;
      times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  return {
    scenario: scenario.name,
    'req/s': format(result.requests.average),
    'p50 ms': format(percentile(times, 50), 1),
    'p95 ms': format(percentile(times, 95), 1),
    'p99 ms': format(percentile(times, 99), 1),
    non2xx: errors + result.errors + result.timeouts,
  };
}

async function main() {
  const bench = await startBench();
  const db = new pg.Client({ connectionString: bench.databaseUrl });
  await db.connect();
  try {
    const societyIds: string[] = [];
    for (let i = 0; i < SOCIETIES; i++) societyIds.push(await bench.createSociety(`市基准学会${i + 1}`));
    const loading = Date.now();
    await loadMembers(db, societyIds, total);
    console.log(`${format(total)} members loaded in ${format((Date.now() - loading) / 1000, 1)} s`);

    const big = societyIds[0];
    const base = `/v1/societies/${big}/members`;
    // A cursor deep into the list, from the API itself (cursors are opaque).
    let cursor = '';
    for (let page = 0; page < 20; page++) {
      const response = await fetch(`${bench.server.baseUrl}${base}?limit=500${cursor ? `&cursor=${cursor}` : ''}`, {
        headers: { authorization: `Bearer ${bench.token}` },
      });
      const body = (await response.json()) as { nextCursor: string | null };
      cursor = encodeURIComponent(body.nextCursor ?? '');
    }
    const names = ['王建国', '张伟', '李娜', '陈静', '刘洋', '赵敏', '周杰', '孙丽', '海川大学', '郭强'];
    const scenarios: Scenario[] = [
      { name: 'first page (50)', paths: [`${base}?limit=50`] },
      {
        name: 'filtered: active, senior title',
        paths: [`${base}?status=active&titleLevel=senior&limit=50`, `${base}?category=student&limit=50`],
      },
      { name: 'page 10,001+ by cursor', paths: [`${base}?limit=50&cursor=${cursor}`] },
      { name: 'search by name or employer', paths: names.map((n) => `${base}?q=${encodeURIComponent(n)}&limit=50`) },
    ];
    // Warm up (JIT, caches, the connection pool) before anything is measured.
    for (const scenario of scenarios) await run(bench.server.baseUrl, bench.token, scenario, 2);
    const results = [];
    for (const scenario of scenarios) results.push(await run(bench.server.baseUrl, bench.token, scenario));
    console.log(
      `\n${CONNECTIONS} connections, ${seconds} s each, society of ${format(Math.round(total * 0.4))} members:`,
    );
    console.table(results);
  } finally {
    await db.end();
    await bench.close();
  }
}

await main();
