/**
 * Import benchmark (issue: members and bulk import). Imports N members (default 100,000) from a CSV
 * file with the import command, through the API into PostgreSQL, and then, in the same run, loads the
 * very same stored rows into another society with a raw `COPY … FROM STDIN` — the fastest way rows get
 * into PostgreSQL at all. Prints rows/s of both and the ratio (target: the command at least 25% of COPY).
 *
 *   pnpm build && pnpm bench:import [rows=100000] [batches in flight=2]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { REPO_ROOT } from '../../tests/support/server-process';
import { ADMIN, format, startBench } from './harness';
import { MEMBER_COLUMNS, memberRow } from './people';

const rows = Number(process.argv[2] ?? 100_000);
const parallel = Number(process.argv[3] ?? 2);
if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(parallel) || parallel < 1) {
  throw new Error('usage: import-members [rows] [batches in flight]');
}

function writeCsv(path: string, count: number): void {
  const lines = [MEMBER_COLUMNS.join(',')];
  for (let i = 0; i < count; i++) {
    const row = memberRow(i);
    lines.push(MEMBER_COLUMNS.map((c) => row[c]).join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function runCommand(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const nodeArgs = process.env.BENCH_CLI_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(join(REPO_ROOT, 'bench/node_modules/.bin/tsx'), [...nodeArgs, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => {
      output += String(c);
    });
    child.stderr.on('data', (c) => {
      output += String(c);
    });
    child.once('exit', (code) => resolve({ code, output }));
  });
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

async function main() {
  const bench = await startBench();
  const work = mkdtempSync(join(tmpdir(), 'sh-bench-'));
  const db = new pg.Client({ connectionString: bench.databaseUrl });
  await db.connect();
  try {
    const imported = await bench.createSociety('市导入基准学会');
    const copied = await bench.createSociety('市COPY基准学会');
    const file = join(work, 'members.csv');
    writeCsv(file, rows);
    console.log(`${format(rows)} members in ${file}`);

    // Both start from a quiet database: no checkpoint or autovacuum of earlier work in the timing.
    const settle = async () => {
      await db.query('VACUUM ANALYZE members');
      await db.query('CHECKPOINT');
    };
    await settle();

    // 1. The import command, end to end: parse, batches of 1000 over HTTP, validation, sealing, audit.
    const started = process.hrtime.bigint();
    const result = await runCommand(
      [
        'tools/import/src/cli.ts',
        'members',
        file,
        '--society',
        imported,
        '--api',
        bench.server.baseUrl,
        '--parallel',
        String(parallel),
      ],
      { SOCIETY_HUB_USERNAME: ADMIN.username, SOCIETY_HUB_PASSWORD: ADMIN.password },
    );
    const importSeconds = seconds(started);
    if (result.code !== 0) throw new Error(`import command failed (${result.code}):\n${result.output}`);
    const count = async (society: string) =>
      Number((await db.query('SELECT count(*) AS n FROM members WHERE society_id = $1', [society])).rows[0].n);
    if ((await count(imported)) !== rows) throw new Error('the import did not store every row');

    // 2. Raw COPY of the same stored rows (untimed export, timed load), new ids that sort after the old.
    const columns = (
      await db.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'members' ORDER BY ordinal_position",
      )
    ).rows.map((r) => r.column_name);
    const select = columns
      .map((c) =>
        c === 'id' ? `('ffff' || substr(id::text, 5))::uuid` : c === 'society_id' ? `'${copied}'::uuid` : `"${c}"`,
      )
      .join(', ');
    const chunks: Buffer[] = [];
    const out = db.query(copyTo(`COPY (SELECT ${select} FROM members WHERE society_id = '${imported}') TO STDOUT`));
    for await (const chunk of out) chunks.push(chunk as Buffer);
    await settle();
    const copyStarted = process.hrtime.bigint();
    const into = db.query(copyFrom(`COPY members (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
    await pipeline(async function* () {
      yield* chunks;
    }, into);
    const copySeconds = seconds(copyStarted);
    if ((await count(copied)) !== rows) throw new Error('COPY did not store every row');

    const importRate = rows / importSeconds;
    const copyRate = rows / copySeconds;
    console.log('');
    console.log(
      `import command : ${format(importSeconds, 2)} s  ${format(importRate)} rows/s (--parallel ${parallel})`,
    );
    console.log(`raw COPY       : ${format(copySeconds, 2)} s  ${format(copyRate)} rows/s`);
    console.log(`ratio          : ${format((100 * importRate) / copyRate, 1)}% of COPY (target ≥ 25%)`);
  } finally {
    await db.end();
    rmSync(work, { recursive: true, force: true });
    await bench.close();
  }
}

await main();
