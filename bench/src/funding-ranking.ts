/**
 * Ranking and allocation benchmark (issue: funding). Loads a program with N applications (default
 * 2,000) over six categories and R submitted reviews each (default 5) straight into PostgreSQL, then
 * times through the API, as staff would meet them:
 *
 *   - the provisional ranking while review is open (aggregates every review, ranks, trial allocation),
 *   - closing review (scores stored on every application: one transition),
 *   - the ranking once deciding, and the trial allocation (dryRun),
 *   - applying the allocation (every application decided in one transaction).
 *
 * Closing review and applying the allocation change every application, so each of their runs after
 * the first starts from the state put back in SQL (the history, audit and feed rows of the earlier
 * runs stay, as they would in a real database).
 *
 * Target: ranking and allocation within 300 ms. Prints median and p95 of repeated calls.
 *
 *   pnpm build && pnpm bench:funding [applications=2000] [reviews each=5] [repeats=20]
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { format, percentile, startBench } from './harness';

const applications = Number(process.argv[2] ?? 2000);
const reviewsEach = Number(process.argv[3] ?? 5);
const repeats = Number(process.argv[4] ?? 20);
/** Runs of the two writes of every application: enough for a median, few enough to stay quick. */
const writeRepeats = 5;
const SOCIETIES = 60;
const EXPERTS = 120;

async function load(db: pg.Client, programId: string): Promise<void> {
  await db.query(
    `INSERT INTO societies (id, name, type, discipline, status, created_at, updated_at)
     SELECT gen_random_uuid(), '海川市基准学会' || i, 'society', 'engineering', 'active', now(), now()
     FROM generate_series(1, $1) i`,
    [SOCIETIES],
  );
  await db.query(
    `INSERT INTO experts (id, name, title_level, disciplines, pools, created_at, updated_at)
     SELECT gen_random_uuid(), '基准专家' || i, 'senior', '["机械"]', '["science_technology"]', now(), now()
     FROM generate_series(1, $1) i`,
    [EXPERTS],
  );
  const categories = [
    'annual_meeting',
    'academic_exchange',
    'major_event',
    'journal',
    'popularisation',
    'member_congress',
  ];
  await db.query(
    `INSERT INTO funding_applications (id, program_id, society_id, category_code, title, disciplines, budget_lines,
                                       requested_fen, self_funded_fen, attachments, status, submitted_at, created_at, updated_at)
     SELECT gen_random_uuid(), $1, s.id, ($2::text[])[1 + i % 6], '基准项目' || i, '[]',
            jsonb_build_array(jsonb_build_object('item', '合计', 'amountFen', 500000 + (i % 40) * 100000)),
            500000 + (i % 40) * 100000, 0, '[]', 'in_review',
            now() - (i || ' minutes')::interval, now(), now()
     FROM generate_series(1, $3) i
     JOIN LATERAL (SELECT id FROM societies ORDER BY id OFFSET (i % $4) LIMIT 1) s ON true`,
    [programId, categories, applications, SOCIETIES],
  );
  // Review k of application a goes to expert (a + k·7) mod EXPERTS: distinct experts, even loads.
  await db.query(
    `WITH apps AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM funding_applications WHERE program_id = $1),
          experts AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM experts),
          scored AS (
            SELECT a.id AS application_id, e.id AS expert_id,
                   (10 + (a.n * 7 + k * 3) % 21)::float8 AS s1, (10 + (a.n * 5 + k) % 16)::float8 AS s2,
                   (8 + (a.n + k * 11) % 13)::float8 AS s3, (6 + (a.n * 3 + k) % 10)::float8 AS s4,
                   (4 + (a.n + k) % 7)::float8 AS s5
            FROM apps a CROSS JOIN generate_series(0, $2 - 1) k
            JOIN experts e ON e.n = (a.n + k * 7) % $3)
     INSERT INTO review_assignments (id, program_id, application_id, expert_id, status, assigned_by, scores, total,
                                     justification, submitted_at, created_at, updated_at)
     SELECT gen_random_uuid(), $1, application_id, expert_id, 'submitted', 'auto',
            jsonb_build_array(
              jsonb_build_object('code', 'academic_level', 'score', s1),
              jsonb_build_object('code', 'social_impact', 'score', s2),
              jsonb_build_object('code', 'feasibility', 'score', s3),
              jsonb_build_object('code', 'budget_soundness', 'score', s4),
              jsonb_build_object('code', 'track_record', 'score', s5)),
            s1 + s2 + s3 + s4 + s5, '基准评审意见，方案可行。', now(), now(), now()
     FROM scored`,
    [programId, reviewsEach, EXPERTS],
  );
  await db.query('VACUUM ANALYZE');
}

/** Times `run` `times` times; `prepare`, when given, runs before each time after the first, untimed. */
async function timed<T>(
  label: string,
  times: number,
  run: () => Promise<T>,
  prepare?: () => Promise<unknown>,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    if (i > 0 && prepare) await prepare();
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} median ${format(percentile(sorted, 50), 1).padStart(8)} ms   p95 ${format(percentile(sorted, 95), 1).padStart(8)} ms   (${times}×)`,
  );
  return sorted;
}

async function main() {
  const bench = await startBench();
  const db = new pg.Client({ connectionString: bench.databaseUrl });
  await db.connect();
  const idempotency = () => ({ 'Idempotency-Key': crypto.randomUUID() });
  try {
    const { data: program } = await bench.client.POST('/v1/funding-programs', {
      body: {
        name: '基准年度项目',
        year: 2026,
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
        totalBudgetFen: 2_000_000_000,
        reviewersPerApplication: reviewsEach,
      },
      headers: idempotency(),
    });
    if (!program) throw new Error('program not created');
    const started = performance.now();
    await load(db, program.id);
    await db.query(`UPDATE funding_programs SET status = 'reviewing' WHERE id = $1`, [program.id]);
    console.log(
      `loaded ${format(applications)} applications × ${reviewsEach} reviews in ${format((performance.now() - started) / 1000, 1)} s\n`,
    );
    const path = { params: { path: { id: program.id } } };
    const ranking = () => bench.client.GET('/v1/funding-programs/{id}/ranking', path);
    const transition = async (to: string) => {
      const { error } = await bench.client.POST('/v1/funding-programs/{id}/transitions', {
        ...path,
        body: { to, reason: 'benchmark' },
        headers: idempotency(),
      });
      if (error) throw new Error(`transition to ${to}: ${JSON.stringify(error)}`);
    };
    const allocation = async (dryRun: boolean) => {
      const { data, error } = await bench.client.POST('/v1/funding-programs/{id}/allocation', {
        ...path,
        body: { dryRun },
        headers: idempotency(),
      });
      if (!data) throw new Error(`allocation: ${JSON.stringify(error)}`);
      return data;
    };

    const backToReview = () =>
      db.query(
        `WITH p AS (UPDATE funding_programs SET status = 'reviewing' WHERE id = $1)
         UPDATE funding_applications SET status = 'in_review', score = NULL, first_criterion = NULL,
           score_explanation = NULL WHERE program_id = $1`,
        [program.id],
      );
    const undecided = () =>
      db.query(
        `UPDATE funding_applications SET status = 'reviewed', allocated_fen = NULL, decision = NULL
         WHERE program_id = $1`,
        [program.id],
      );

    await ranking(); // warm-up
    const provisional = await timed('ranking while reviewing (aggregates reviews)', repeats, ranking);
    const close = await timed(
      'close review → deciding (scores stored)',
      writeRepeats,
      () => transition('deciding'),
      backToReview,
    );
    const deciding = await timed('ranking while deciding', repeats, ranking);
    const trial = await timed('trial allocation (dryRun)', repeats, () => allocation(true));
    let applied = { approved: 0, allocatedFen: 0 };
    const apply = await timed(
      'apply the allocation (all decided)',
      writeRepeats,
      async () => {
        applied = await allocation(false);
      },
      undecided,
    );
    console.log(
      `\napproved ${format(applied.approved)} of ${format(applications)}, ¥${format(applied.allocatedFen / 100, 2)} allocated`,
    );
    const worst = Math.max(percentile(provisional, 95), percentile(deciding, 95), percentile(trial, 95));
    const applyMedian = percentile(apply, 50);
    console.log(
      `target: ranking and allocation within 300 ms\n` +
        `  ranking and trial allocation — worst p95 ${format(worst, 1)} ms: ${worst <= 300 ? 'met' : 'NOT met'}\n` +
        `  applying the allocation — median ${format(applyMedian, 1)} ms: ${applyMedian <= 300 ? 'met' : 'NOT met'}\n` +
        `  closing review — median ${format(percentile(close, 50), 1)} ms (not under the target's words, shown beside it)`,
    );
  } finally {
    await db.end();
    await bench.close();
  }
}

await main();
