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
import { format, percentile, startBench } from './harness';

const total = Number(process.argv[2] ?? 1_000_000);
const seconds = Number(process.argv[3] ?? 15);
const CONNECTIONS = 16;
const SOCIETIES = 20;

/** Members for the societies: the first gets 40%, the rest share the remainder. */
async function load(db: pg.Client, societyIds: string[]): Promise<void> {
  const big = Math.round(total * 0.4);
  await db.query(
    `INSERT INTO members (id, society_id, kind, name, gender, birth_date, id_number_masked, phone, email, employer,
                          title_level, discipline, category, external_ref, status, joined_on, version, created_at, updated_at)
     SELECT gen_random_uuid(),
            CASE WHEN i <= $2 THEN ($1::uuid[])[1] ELSE ($1::uuid[])[2 + (i % ($3 - 1))] END,
            'individual',
            substr($4, 1 + (i * 7) % length($4), 1) || substr($5, 1 + (i * 13) % length($5), 1)
              || CASE WHEN i % 3 = 0 THEN '' ELSE substr($5, 1 + (i * 17) % length($5), 1) END,
            CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END,
            date '1950-01-01' + (i % 18000),
            '3708**********' || lpad((i % 10000)::text, 4, '0'),
            '13' || lpad((i::bigint * 7919 % 1000000000)::text, 9, '0'),
            'm' || i || '@example.cn',
            (ARRAY['海川大学','海川医学院','市第一人民医院','市农业科学院','海川理工学院','市疾控中心','海川化工集团'])[1 + i % 7],
            (ARRAY['senior','associate_senior','intermediate','intermediate','junior','none'])[1 + (i / 7) % 6],
            (ARRAY['计算机科学','临床医学','作物学','机械工程','化学工程'])[1 + i % 5],
            (ARRAY['ordinary','ordinary','ordinary','senior','student','honorary'])[1 + (i / 11) % 6],
            'L-' || i,
            (ARRAY['active','active','active','active','active','active','lapsed','applied','suspended','withdrawn'])[1 + (i / 3) % 10],
            date '2000-01-01' + (i % 9000),
            1,
            now() - (i || ' seconds')::interval,
            now() - (i || ' seconds')::interval
     FROM generate_series(1, $6::int) AS i`,
    [
      societyIds,
      big,
      societyIds.length,
      '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
      '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红文辉鹏飞宇浩然欣怡子涵梓轩晨阳佳琪思远博文嘉怡雨泽',
      total,
    ],
  );
  // Vacuumed now, so autovacuum does not compete with the measurement.
  await db.query('VACUUM ANALYZE members');
}

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
    await load(db, societyIds);
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
