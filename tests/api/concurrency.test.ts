/**
 * Races the contract promises to win: optimistic concurrency on updates, allocations that can never
 * exceed a budget, and imports that never duplicate a member, whatever arrives at the same time.
 */
import { withIdNumberCheck } from '@society-hub/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp('postgres', { DATABASE_POOL_SIZE: '10' });
  admin = await t.login(ADMIN.username, ADMIN.password);
});
afterAll(async () => t?.close());

describe('concurrent writes', () => {
  it('lets exactly one of 50 PATCHes with the same If-Match through; the others get 412', async () => {
    const id = await t.createSociety(admin, { creditCode: nextCreditCode() });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.request({
          method: 'PATCH',
          url: `/v1/societies/${id}`,
          token: admin,
          headers: { 'if-match': '"1"' },
          payload: { website: `https://society-${i}.example.cn` },
        }),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(49);
    const winner = responses.find((r) => r.statusCode === 200)?.json();
    const stored = (await t.request({ method: 'GET', url: `/v1/societies/${id}`, token: admin })).json();
    expect(stored).toMatchObject({ version: 2, website: winner.website });
  });

  it('never exceeds a budget when 20 allocations are applied at once', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/v1/funding-programs',
      token: admin,
      payload: {
        name: '并发资助项目',
        year: 2026,
        opensOn: '2026-01-01',
        closesOn: '2026-06-30',
        totalBudgetFen: 400_000_000,
      },
    });
    expect(created.statusCode).toBe(201);
    const program = created.json();
    const category = program.categories[0];
    const societies = await Promise.all(
      Array.from({ length: 6 }, () => t.createSociety(admin, { creditCode: nextCreditCode() })),
    );
    await sql`UPDATE funding_programs SET status = 'deciding' WHERE id = ${program.id}`.execute(t.database.db);
    // Twelve reviewed applications asking for up to a third of the category budget each: fewer fit than ask.
    const ask = Math.min(category.capFen, Math.floor(category.budgetFen / 3));
    for (let i = 0; i < 12; i++) {
      await sql`
        INSERT INTO funding_applications (id, program_id, society_id, category_code, title, disciplines, budget_lines,
          requested_fen, self_funded_fen, attachments, status, score, first_criterion, submitted_at, created_at, updated_at)
        VALUES (gen_random_uuid(), ${program.id}, ${societies[i % 6]}, ${category.code}, ${`并发申报${i}`}, '[]', '[]',
          ${ask}, 0, '[]', 'reviewed', ${90 - i}, 20, now(), now(), now())`.execute(t.database.db);
    }
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.request({ method: 'POST', url: `/v1/funding-programs/${program.id}/allocation`, token: admin, payload: {} }),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    const sums = await sql<{ fen: string; approved: number }>`
      SELECT coalesce(sum(allocated_fen), 0) AS fen, count(*)::int AS approved FROM funding_applications
      WHERE program_id = ${program.id} AND status = 'approved'`.execute(t.database.db);
    const row = sums.rows[0];
    expect(Number(row?.fen)).toBeLessThanOrEqual(category.budgetFen);
    // Best first, fully funded: as many as the category budget holds, and not one more.
    expect(row?.approved).toBe(Math.min(12, Math.floor(category.budgetFen / ask)));
  });

  it('creates every member once when the same file is imported twice at the same moment', async () => {
    const societyId = await t.createSociety(admin, { creditCode: nextCreditCode() });
    const rows = Array.from({ length: 300 }, (_, i) => ({
      kind: 'individual',
      name: `并发会员${i}`,
      idNumber: withIdNumberCheck(`370802198${String(i % 10)}0101${String(i).padStart(3, '0')}`),
      externalRef: `race-${i}`,
    }));
    const [first, second] = await Promise.all(
      [0, 1].map(() =>
        t.request({
          method: 'POST',
          url: `/v1/societies/${societyId}/members/import`,
          token: admin,
          payload: { rows },
        }),
      ),
    );
    expect(
      [first?.statusCode, second?.statusCode],
      `${first?.body.slice(0, 300)} ${second?.body.slice(0, 300)}`,
    ).toEqual([200, 200]);
    const summaries = [first, second].map((r) => r?.json().summary);
    // Between them every row was created exactly once; nothing failed.
    expect(summaries.reduce((n, s) => n + s.created, 0)).toBe(300);
    expect(summaries.reduce((n, s) => n + s.error, 0)).toBe(0);
    const count = await sql<{ n: number; distinct_refs: number }>`
      SELECT count(*)::int AS n, count(DISTINCT external_ref)::int AS distinct_refs FROM members
      WHERE society_id = ${societyId}`.execute(t.database.db);
    expect(count.rows[0]).toEqual({ n: 300, distinct_refs: 300 });
  });
});
