import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';

/**
 * Deciding the money (SPEC §3) where it goes wrong quietly: an allocation racing a withdrawal or an
 * amount adjustment, staff adjusting an amount, objections upheld during the notice (including one to
 * the whole notice), and reopening the decision so released money reaches the next in rank.
 *
 * Programs are put in `deciding` with reviewed applications written straight into the database: what
 * is under test here starts after review.
 */
let t: TestApp;
let admin: string;

type Db = TestApp['database']['db'];
type Trx = Parameters<Parameters<ReturnType<Db['transaction']>['execute']>[0]>[0];

const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = shanghaiToday();

async function post(url: string, token: string | undefined, payload: unknown) {
  return t.request({ method: 'POST', url, ...(token ? { token } : {}), payload: payload as Record<string, unknown> });
}

async function get(url: string, token: string) {
  return t.request({ method: 'GET', url, token });
}

async function activeSociety(name: string) {
  const id = await t.createSociety(admin, { name, creditCode: nextCreditCode() });
  const moved = await post(`/v1/societies/${id}/transitions`, admin, { to: 'active', reason: '登记成立' });
  expect(moved.statusCode).toBe(200);
  return id;
}

interface Reviewed {
  societyId: string;
  title: string;
  requestedFen: number;
  score: number;
}

/** A program in `deciding`, one category of the given budget, and its reviewed applications in rank order. */
async function deciding(name: string, budgetFen: number, applications: Reviewed[]) {
  const created = await post('/v1/funding-programs', admin, {
    name,
    year: Number(today.slice(0, 4)),
    opensOn: shift(today, -30),
    closesOn: shift(today, -10),
    totalBudgetFen: budgetFen,
    reviewersPerApplication: 3,
    categories: [{ code: 'academic_exchange', name: '学术交流', capFen: budgetFen, budgetFen }],
  });
  expect(created.statusCode).toBe(201);
  const programId: string = created.json().id;
  await sql`UPDATE funding_programs SET status = 'deciding' WHERE id = ${programId}`.execute(t.database.db);
  const ids: string[] = [];
  for (const [i, a] of applications.entries()) {
    const row = await sql<{ id: string }>`
      INSERT INTO funding_applications (id, program_id, society_id, category_code, title, disciplines, budget_lines,
        requested_fen, self_funded_fen, attachments, status, score, first_criterion, score_explanation,
        submitted_at, created_at, updated_at)
      VALUES (gen_random_uuid(), ${programId}, ${a.societyId}, 'academic_exchange', ${a.title}, '[]',
        ${JSON.stringify([{ item: '合计', amountFen: a.requestedFen }])}, ${a.requestedFen}, 0, '[]', 'reviewed',
        ${a.score}, 20, 'mean of 3 reviewer totals', now() - ${`${i} minutes`}::interval, now(), now())
      RETURNING id`.execute(t.database.db);
    const id = row.rows[0]?.id;
    if (!id) throw new Error('application not inserted');
    ids.push(id);
  }
  return { programId, ids };
}

async function statusOf(id: string) {
  const row = await t.database.db
    .selectFrom('funding_applications')
    .select(['status', 'allocated_fen', 'adjusted_fen', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { status: row.status, allocatedFen: row.allocated_fen, adjustedFen: row.adjusted_fen };
}

/**
 * A transaction the test holds open: it takes its locks, then waits to be told what else to do
 * before it commits — another writer's change landing at exactly the moment under test.
 */
function holdTransaction(take: (trx: Trx) => Promise<unknown>) {
  let taken: () => void = () => {};
  let finish: (last: (trx: Trx) => Promise<unknown>) => void = () => {};
  const locked = new Promise<void>((resolve) => {
    taken = resolve;
  });
  const last = new Promise<(trx: Trx) => Promise<unknown>>((resolve) => {
    finish = resolve;
  });
  const committed = t.database.db.transaction().execute(async (trx) => {
    await take(trx);
    taken();
    await (await last)(trx);
  });
  return {
    locked,
    commit: async (then: (trx: Trx) => Promise<unknown> = async () => {}) => {
      finish(then);
      await committed;
    },
  };
}

/** Resolves once a statement on this test's database waits for a lock another transaction holds. */
async function someoneWaitsForALock(): Promise<void> {
  await expect
    .poll(
      async () =>
        (
          await sql<{ n: number }>`
            SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(t.database.db)
        ).rows[0]?.n ?? 0,
      { timeout: 5_000, interval: 20 },
    )
    .toBeGreaterThan(0);
}

/** Starts a request and reports whether it has answered yet. */
function started<T>(request: Promise<T>) {
  const state = { settled: false };
  const answer = request.then((response) => {
    state.settled = true;
    return response;
  });
  return { state, answer };
}

let societyA: string;
let societyB: string;
let societyC: string;
let officerB: string;

beforeAll(async () => {
  t = await startTestApp('postgres', { OBJECTIONS_PER_HOUR: '100' });
  admin = await t.login(ADMIN.username, ADMIN.password);
  societyA = await activeSociety('市机械工程学会');
  societyB = await activeSociety('市医学会');
  societyC = await activeSociety('市农学会');
  officerB = await t.userToken('society_officer', [societyB]);
});
afterAll(async () => t?.close());

describe('an allocation racing other writers', () => {
  const pair = (prefix: string): Reviewed[] => [
    { societyId: societyA, title: `${prefix}：智能制造年会`, requestedFen: 6_000_000, score: 88 },
    { societyId: societyB, title: `${prefix}：基层医疗交流`, requestedFen: 4_000_000, score: 80 },
  ];

  it('never overwrites a withdrawal committed between its read and its write: 409, nothing written', async () => {
    const { programId, ids } = await deciding('竞争撤回', 10_000_000, pair('撤回'));
    const [first, second] = ids as [string, string];
    // The society's withdrawal holds the row while the allocation reads, and commits once it waits.
    const held = holdTransaction((trx) =>
      sql`SELECT id FROM funding_applications WHERE id = ${second} FOR UPDATE`.execute(trx),
    );
    await held.locked;
    const applying = started(post(`/v1/funding-programs/${programId}/allocation`, admin, {}));
    await someoneWaitsForALock();
    expect(applying.state.settled).toBe(false);
    await held.commit((trx) =>
      sql`UPDATE funding_applications SET status = 'withdrawn', version = version + 1 WHERE id = ${second}`.execute(
        trx,
      ),
    );
    const refused = await applying.answer;
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().code).toBe('conflict');
    expect(await statusOf(second)).toMatchObject({ status: 'withdrawn', allocatedFen: null });
    expect(await statusOf(first)).toMatchObject({ status: 'reviewed', allocatedFen: null });

    // Applied again, it decides what is there now.
    const applied = await post(`/v1/funding-programs/${programId}/allocation`, admin, {});
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ approved: 1, allocatedFen: 6_000_000 });
    expect(await statusOf(second)).toMatchObject({ status: 'withdrawn' });
  });

  it('never funds more than an amount staff lowered in the same gap', async () => {
    const { programId, ids } = await deciding('竞争调整', 10_000_000, pair('调整'));
    const [first] = ids as [string, string];
    const held = holdTransaction((trx) =>
      sql`SELECT id FROM funding_applications WHERE id = ${first} FOR UPDATE`.execute(trx),
    );
    await held.locked;
    const applying = started(post(`/v1/funding-programs/${programId}/allocation`, admin, {}));
    await someoneWaitsForALock();
    await held.commit((trx) =>
      sql`UPDATE funding_applications SET adjusted_fen = 5000000, adjustment_reason = '压缩会务费',
            version = version + 1 WHERE id = ${first}`.execute(trx),
    );
    expect((await applying.answer).statusCode).toBe(409);
    expect(await statusOf(first)).toMatchObject({ status: 'reviewed', allocatedFen: null, adjustedFen: 5_000_000 });

    const applied = await post(`/v1/funding-programs/${programId}/allocation`, admin, {});
    expect(applied.statusCode).toBe(200);
    expect(await statusOf(first)).toMatchObject({ status: 'approved', allocatedFen: 5_000_000 });
  });

  it('makes a withdrawal and an adjustment wait for an allocation in progress (the same lock order)', async () => {
    const { programId, ids } = await deciding('锁顺序', 10_000_000, pair('锁'));
    const [first, second] = ids as [string, string];
    // What an allocation holds from its first read to its commit: the program row.
    const allocation = holdTransaction((trx) =>
      sql`SELECT id FROM funding_programs WHERE id = ${programId} FOR UPDATE`.execute(trx),
    );
    await allocation.locked;
    const withdrawal = started(
      post(`/v1/applications/${second}/transitions`, officerB, { to: 'withdrawn', reason: '经费另有来源' }),
    );
    await someoneWaitsForALock();
    expect(withdrawal.state.settled).toBe(false);
    await allocation.commit();
    expect((await withdrawal.answer).statusCode).toBe(200);

    const version = (await get(`/v1/applications/${first}`, admin)).json().version;
    const again = holdTransaction((trx) =>
      sql`SELECT id FROM funding_programs WHERE id = ${programId} FOR UPDATE`.execute(trx),
    );
    await again.locked;
    const adjustment = started(
      t.request({
        method: 'PATCH',
        url: `/v1/applications/${first}`,
        token: admin,
        headers: { 'if-match': `"${version}"` },
        payload: { adjustedFen: 5_500_000, adjustmentReason: '压缩会务费' },
      }),
    );
    await someoneWaitsForALock();
    expect(adjustment.state.settled).toBe(false);
    await again.commit();
    expect((await adjustment.answer).statusCode).toBe(200);
  });
});

describe('staff adjusting the amount to fund', () => {
  it('lets only staff lower a reviewed request, with a reason, and allocates the adjusted amount', async () => {
    const { programId, ids } = await deciding('调整金额', 10_000_000, [
      { societyId: societyB, title: '医学科普进社区', requestedFen: 6_000_000, score: 90 },
      { societyId: societyA, title: '机械工程青年论坛', requestedFen: 5_000_000, score: 85 },
    ]);
    const [first, second] = ids as [string, string];
    const patch = async (token: string, payload: Record<string, unknown>) => {
      const version = (await get(`/v1/applications/${first}`, admin)).json().version;
      return t.request({
        method: 'PATCH',
        url: `/v1/applications/${first}`,
        token,
        headers: { 'if-match': `"${version}"` },
        payload,
      });
    };
    expect((await patch(officerB, { adjustedFen: 4_000_000, adjustmentReason: '自行压缩' })).statusCode).toBe(403);
    const raised = await patch(admin, { adjustedFen: 7_000_000, adjustmentReason: '追加' });
    expect(raised.statusCode).toBe(422);
    expect(raised.json().errors[0]).toMatchObject({ path: '/body/adjustedFen', code: 'above_request' });
    const silent = await patch(admin, { adjustedFen: 4_000_000 });
    expect(silent.statusCode).toBe(422);
    expect(silent.json().errors[0]).toMatchObject({ path: '/body/adjustmentReason', code: 'required' });
    const blank = await patch(admin, { adjustedFen: 4_000_000, adjustmentReason: '   ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().errors[0]).toMatchObject({ path: '/body/adjustmentReason', code: 'required' });

    const adjusted = await patch(admin, { adjustedFen: 4_000_000, adjustmentReason: ' 专家劳务费偏高，核减 ' });
    expect(adjusted.statusCode).toBe(200);
    expect(adjusted.json()).toMatchObject({ adjustedFen: 4_000_000, adjustmentReason: '专家劳务费偏高，核减' });
    const audit = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE action = 'application.adjust' AND resource_id = ${first}`.execute(
      t.database.db,
    );
    expect(audit.rows[0]?.n).toBe(1);

    // The ranking allocates on the adjusted amount: 4,000,000 + 5,000,000 now fit in 10,000,000.
    const ranking = (await get(`/v1/funding-programs/${programId}/ranking`, admin)).json();
    const rows = ranking.categories[0].rows;
    expect(rows.map((r: { basisFen: number }) => r.basisFen)).toEqual([4_000_000, 5_000_000]);
    const applied = await post(`/v1/funding-programs/${programId}/allocation`, admin, {});
    expect(applied.json()).toMatchObject({ approved: 2, allocatedFen: 9_000_000 });
    expect(await statusOf(first)).toMatchObject({ status: 'approved', allocatedFen: 4_000_000 });
    expect(await statusOf(second)).toMatchObject({ status: 'approved', allocatedFen: 5_000_000 });

    const late = await patch(admin, { adjustedFen: 3_000_000, adjustmentReason: '再次核减' });
    expect(late.statusCode).toBe(409);
  });
});

describe('the strategy named when applying', () => {
  it('applies the program’s own strategy when named, and refuses another as trial_only', async () => {
    const { programId } = await deciding('策略', 10_000_000, [
      { societyId: societyA, title: '策略：智能制造年会', requestedFen: 6_000_000, score: 88 },
      { societyId: societyB, title: '策略：基层医疗交流', requestedFen: 6_000_000, score: 80 },
    ]);
    const other = await post(`/v1/funding-programs/${programId}/allocation`, admin, { strategy: 'proportional' });
    expect(other.statusCode).toBe(422);
    expect(other.json().errors[0]).toMatchObject({ path: '/body/strategy', code: 'trial_only' });
    expect(other.json().errors[0].message).toMatch(/best_first/);
    const own = await post(`/v1/funding-programs/${programId}/allocation`, admin, { strategy: 'best_first' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ dryRun: false, approved: 1, rejected: 1, allocatedFen: 6_000_000 });
  });
});

describe('withdrawal', () => {
  it('is the society’s (or staff’s) before approval, with a reason, and impossible after', async () => {
    const { programId, ids } = await deciding('撤回', 10_000_000, [
      { societyId: societyB, title: '撤回的申报', requestedFen: 3_000_000, score: 70 },
      { societyId: societyB, title: '留下的申报', requestedFen: 3_000_000, score: 75 },
    ]);
    const [gone, kept] = ids as [string, string];
    const blank = await post(`/v1/applications/${gone}/transitions`, officerB, { to: 'withdrawn', reason: '  ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().errors[0]).toMatchObject({ path: '/body/reason', code: 'required' });
    const foreign = await post(
      `/v1/applications/${gone}/transitions`,
      await t.userToken('society_officer', [societyA]),
      {
        to: 'withdrawn',
        reason: '不是我们的',
      },
    );
    expect(foreign.statusCode).toBe(404);
    const withdrawn = await post(`/v1/applications/${gone}/transitions`, officerB, {
      to: 'withdrawn',
      reason: '经费已由主管单位解决',
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    const history = (await get(`/v1/applications/${gone}/transitions`, officerB)).json();
    expect(history.items.at(-1)).toMatchObject({ from: 'reviewed', to: 'withdrawn', reason: '经费已由主管单位解决' });

    // A withdrawn application is out of the ranking; an approved one can no longer be withdrawn.
    const ranking = (await get(`/v1/funding-programs/${programId}/ranking`, admin)).json();
    expect(ranking.categories[0].rows.map((r: { applicationId: string }) => r.applicationId)).toEqual([kept]);
    expect((await post(`/v1/funding-programs/${programId}/allocation`, admin, {})).statusCode).toBe(200);
    const late = await post(`/v1/applications/${kept}/transitions`, officerB, { to: 'withdrawn', reason: '改变计划' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('invalid_transition');
  });
});

describe('objections upheld during the notice, and reopening the decision', () => {
  let programId: string;
  let first: string;
  let second: string;
  let waiting: string;
  let officerA: string;

  const object = (applicationId: string | null, content: string) =>
    post(`/v1/public/notices/${programId}/objections`, undefined, {
      applicationId,
      signerKind: 'person',
      signerName: '周建国',
      contact: '13800138000',
      content,
    });
  const objectionsOf = async () =>
    (await get(`/v1/funding-programs/${programId}/objections`, admin)).json().items as {
      id: string;
      status: string;
      applicationId: string | null;
    }[];

  beforeAll(async () => {
    officerA = await t.userToken('society_officer', [societyA]);
    // 10,000,000 fen: the first two fit exactly; the third (4,000,000) is turned down for want of budget.
    ({
      programId,
      ids: [first = '', second = '', waiting = ''],
    } = await deciding('异议与递补', 10_000_000, [
      { societyId: societyA, title: '智能制造学术年会', requestedFen: 6_000_000, score: 90 },
      { societyId: societyB, title: '基层医疗技术交流', requestedFen: 4_000_000, score: 85 },
      { societyId: societyC, title: '乡村振兴论坛', requestedFen: 4_000_000, score: 80 },
    ]));
    expect((await post(`/v1/funding-programs/${programId}/allocation`, admin, {})).statusCode).toBe(200);
    expect(await statusOf(waiting)).toMatchObject({ status: 'rejected', allocatedFen: 0 });
    const notice = await post(`/v1/funding-programs/${programId}/transitions`, admin, { to: 'notice', reason: '公示' });
    expect(notice.statusCode).toBe(200);
    // Today may be a weekend: for the objection window, start the notice today.
    await sql`UPDATE funding_programs SET notice_starts_on = ${today} WHERE id = ${programId}`.execute(t.database.db);
  });

  it('gives the signer a Location that leads to where the objection stands', async () => {
    const filed = await object(first, '该项目与去年申报的年会内容重复。');
    expect(filed.statusCode).toBe(201);
    const location = filed.headers.location;
    expect(location).toBe(`/v1/public/notices/${programId}/objections/${filed.json().id}`);
    const followed = await t.request({ method: 'GET', url: String(location) });
    expect(followed.statusCode).toBe(200);
    expect(followed.json()).toEqual({
      id: filed.json().id,
      noticeId: programId,
      status: 'open',
      createdAt: filed.json().createdAt,
      resolvedAt: null,
    });
    // Nothing of the content or the signer is public.
    expect(followed.body).not.toMatch(/周建国|13800138000|重复/);
    const elsewhere = await t.request({
      method: 'GET',
      url: `/v1/public/notices/${waiting}/objections/${filed.json().id}`,
    });
    expect(elsewhere.statusCode).toBe(404);

    const dismissed = await post(`/v1/objections/${filed.json().id}/resolution`, admin, {
      outcome: 'dismissed',
      resolution: '经核查，两年年会主题与议程不同。',
    });
    expect(dismissed.statusCode).toBe(200);
    // The resolution names the project the objection concerns, as the list does.
    expect(dismissed.json()).toMatchObject({ applicationId: first, applicationTitle: '智能制造学术年会' });
    expect((await t.request({ method: 'GET', url: String(location) })).json().status).toBe('dismissed');
  });

  it('refuses a blank finding, and a project named where it does not belong', async () => {
    const filed = (await object(first, '项目负责人存在学术不端嫌疑。')).json();
    const blank = await post(`/v1/objections/${filed.id}/resolution`, admin, { outcome: 'upheld', resolution: '   ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().errors[0]).toMatchObject({ path: '/body/resolution', code: 'required' });
    const other = await post(`/v1/objections/${filed.id}/resolution`, admin, {
      outcome: 'upheld',
      resolution: '查实',
      applicationId: second,
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().errors[0]).toMatchObject({ path: '/body/applicationId', code: 'different_project' });
    const dismissedWithProject = await post(`/v1/objections/${filed.id}/resolution`, admin, {
      outcome: 'dismissed',
      resolution: '未查实',
      applicationId: first,
    });
    expect(dismissedWithProject.statusCode).toBe(422);
    expect(
      (await post(`/v1/objections/${filed.id}/resolution`, admin, { outcome: 'dismissed', resolution: '未查实' }))
        .statusCode,
    ).toBe(200);
    expect(await statusOf(first)).toMatchObject({ status: 'notice', allocatedFen: 6_000_000 });
  });

  it('makes staff name the project when upholding an objection to the whole notice, and rejects it', async () => {
    const filed = (await object(null, '第二项申报材料中的合作单位盖章系伪造。')).json();
    const unnamed = await post(`/v1/objections/${filed.id}/resolution`, admin, {
      outcome: 'upheld',
      resolution: '经核实，盖章系伪造。',
    });
    expect(unnamed.statusCode).toBe(422);
    expect(unnamed.json().errors[0]).toMatchObject({ path: '/body/applicationId', code: 'required' });
    expect((await objectionsOf()).find((o) => o.id === filed.id)?.status).toBe('open');
    const notInNotice = await post(`/v1/objections/${filed.id}/resolution`, admin, {
      outcome: 'upheld',
      resolution: '经核实，盖章系伪造。',
      applicationId: waiting,
    });
    expect(notInNotice.statusCode).toBe(422);
    expect(notInNotice.json().errors[0]).toMatchObject({ path: '/body/applicationId', code: 'not_in_notice' });

    const upheld = await post(`/v1/objections/${filed.id}/resolution`, admin, {
      outcome: 'upheld',
      resolution: '经核实，盖章系伪造。',
      applicationId: second,
    });
    expect(upheld.statusCode).toBe(200);
    expect(upheld.json()).toMatchObject({ status: 'upheld', applicationId: null });
    expect(await statusOf(second)).toMatchObject({ status: 'rejected', allocatedFen: 0 });
    const history = (await get(`/v1/applications/${second}/transitions`, officerB)).json();
    expect(history.items.at(-1)).toMatchObject({
      from: 'notice',
      to: 'rejected',
      reason: 'Objection upheld: 经核实，盖章系伪造。',
    });
    const audit = await sql<{ after: { applicationId: string } }>`
      SELECT after FROM audit_log WHERE action = 'objection.upheld' AND resource_id = ${filed.id}`.execute(
      t.database.db,
    );
    expect(audit.rows[0]?.after.applicationId).toBe(second);
    // Its decision and its ranking row describe the decision it has now, not the allocation it lost.
    const rejected = (await get(`/v1/applications/${second}`, officerB)).json();
    expect(rejected.decision).toMatchObject({ reason: 'objection_upheld' });
    expect(rejected.decision.explanation).toMatch(
      /objection .* upheld \(经核实，盖章系伪造。\).*¥40,000\.00 .*released/,
    );
    const ranked = (await get(`/v1/funding-programs/${programId}/ranking`, admin)).json();
    const row = ranked.categories[0].rows.find((r: { applicationId: string }) => r.applicationId === second);
    expect(row).toMatchObject({ status: 'rejected', funded: false, allocatedFen: 0, reason: 'objection_upheld' });
    expect(row.explanation).not.toMatch(/fits in/);
    const notices = (await t.request({ method: 'GET', url: '/v1/public/notices' })).json();
    const published = notices.items.find((n: { id: string }) => n.id === programId);
    expect(published.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([first]);
  });

  it('reopens the decision once objections are resolved, so the released money reaches the next in rank', async () => {
    const pending = (await object(first, '请公开评审专家名单。')).json();
    const blocked = await post(`/v1/funding-programs/${programId}/transitions`, admin, {
      to: 'deciding',
      reason: '异议成立，重新分配',
    });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().detail).toMatch(/still open/);
    await post(`/v1/objections/${pending.id}/resolution`, admin, {
      outcome: 'dismissed',
      resolution: '评审专家不公开。',
    });

    const reopened = await post(`/v1/funding-programs/${programId}/transitions`, admin, {
      to: 'deciding',
      reason: '异议成立，重新分配',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'deciding', noticeStartsOn: null, noticeEndsOn: null });
    // Still under notice: back to approved with its money; turned down for want of budget: reviewed again.
    expect(await statusOf(first)).toMatchObject({ status: 'approved', allocatedFen: 6_000_000 });
    expect(await statusOf(second)).toMatchObject({ status: 'rejected', allocatedFen: 0 });
    expect(await statusOf(waiting)).toMatchObject({ status: 'reviewed', allocatedFen: null });
    const officerC = await t.userToken('society_officer', [societyC]);
    const history = (await get(`/v1/applications/${waiting}/transitions`, officerC)).json();
    expect(history.items.at(-1)).toMatchObject({
      from: 'rejected',
      to: 'reviewed',
      reason: 'Back in the running for released money: 异议成立，重新分配',
    });

    const ranking = (await get(`/v1/funding-programs/${programId}/ranking`, admin)).json();
    expect(ranking.committedFen).toBe(6_000_000);
    const applied = await post(`/v1/funding-programs/${programId}/allocation`, admin, {});
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ approved: 1, rejected: 0, allocatedFen: 4_000_000 });
    expect(await statusOf(waiting)).toMatchObject({ status: 'approved', allocatedFen: 4_000_000 });
    // The category's summary counts the decided beside the newly decided: two funded of three.
    const after = (await get(`/v1/funding-programs/${programId}/ranking`, admin)).json().categories[0];
    expect(after.explanation).toBe(
      'budget ¥100,000.00, ¥100,000.00 of it already decided; 2 of 3 applications funded with ¥100,000.00, ¥0.00 left; funding line at score 80.00',
    );
    expect(after.fundingLine).toBe(80);
    expect(after.rows.find((r: { applicationId: string }) => r.applicationId === second)).toMatchObject({
      reason: 'objection_upheld',
      funded: false,
    });

    const renewed = await post(`/v1/funding-programs/${programId}/transitions`, admin, {
      to: 'notice',
      reason: '调整后重新公示',
    });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json().noticeStartsOn >= today).toBe(true);
    const notices = (await t.request({ method: 'GET', url: '/v1/public/notices' })).json();
    const published = notices.items.find((n: { id: string }) => n.id === programId);
    expect(published.items.map((i: { applicationId: string }) => i.applicationId).sort()).toEqual(
      [first, waiting].sort(),
    );
    expect(published.totalFen).toBe(10_000_000);
    expect(await statusOf(first)).toMatchObject({ status: 'notice' });
    // The applying society sees why: its own history says what happened, in order.
    const ownHistory = (await get(`/v1/applications/${first}/transitions`, officerA)).json();
    expect(ownHistory.items.slice(-2).map((h: { to: string }) => h.to)).toEqual(['approved', 'notice']);
  });
});
