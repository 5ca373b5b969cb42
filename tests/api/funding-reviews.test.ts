import { aggregateScores } from '@society-hub/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, nextCreditCode, startTestApp, type TestApp, USER_PASSWORD } from '../support/app';

/**
 * Review (SPEC §3) through the API where the rules were bent: reviewer identities reaching the
 * applying society's machine client through the change feed, a withdrawn application still reviewed
 * and counted (queues, loads, z-score statistics), the quorum taken from the program's own number of
 * reviewers, and reasons made of blanks.
 */
let t: TestApp;
let admin: string;

const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = shanghaiToday();

async function post(url: string, token: string, payload: unknown) {
  return t.request({ method: 'POST', url, token, payload: payload as Record<string, unknown> });
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

interface Reviewer {
  token: string;
  expertId: string;
  name: string;
}
const reviewers: Reviewer[] = [];
const societies: { id: string; officer: string }[] = [];

function reviewerOf(expertId: string): Reviewer {
  const reviewer = reviewers.find((r) => r.expertId === expertId);
  if (!reviewer) throw new Error(`no reviewer for expert ${expertId}`);
  return reviewer;
}

/** A program under review: its applications submitted, screened, admitted and assigned automatically. */
async function underReview(name: string, settings: Record<string, unknown>, titles: string[]) {
  const program = await post('/v1/funding-programs', admin, {
    name,
    year: Number(today.slice(0, 4)),
    opensOn: shift(today, -1),
    closesOn: shift(today, 10),
    totalBudgetFen: 20_000_000,
    allowMultiplePerCategory: true,
    categories: [{ code: 'academic_exchange', name: '学术交流', capFen: 10_000_000, budgetFen: 20_000_000 }],
    ...settings,
  });
  expect(program.statusCode, program.body).toBe(201);
  const programId: string = program.json().id;
  await post(`/v1/funding-programs/${programId}/transitions`, admin, { to: 'open', reason: '发布' });
  const ids: string[] = [];
  for (const [i, title] of titles.entries()) {
    const society = societies[i % societies.length];
    if (!society) throw new Error('no society');
    const created = await post(`/v1/funding-programs/${programId}/applications`, society.officer, {
      societyId: society.id,
      categoryCode: 'academic_exchange',
      title,
      requestedFen: 3_000_000,
      selfFundedFen: 0,
      budgetLines: [{ item: '合计', amountFen: 3_000_000 }],
    });
    expect(created.statusCode).toBe(201);
    const id: string = created.json().id;
    const submitted = await post(`/v1/applications/${id}/transitions`, society.officer, {
      to: 'submitted',
      reason: '提交',
    });
    expect(submitted.statusCode).toBe(200);
    ids.push(id);
  }
  await post(`/v1/funding-programs/${programId}/transitions`, admin, { to: 'closed', reason: '截止' });
  const reviewing = await post(`/v1/funding-programs/${programId}/transitions`, admin, {
    to: 'reviewing',
    reason: '开始评审',
  });
  expect(reviewing.statusCode).toBe(200);
  return { programId, ids };
}

interface BoardRow {
  applicationId: string;
  quorumMet: boolean;
  submitted: number;
  assignments: { id: string; expertId: string; expertName: string; status: string }[];
}
interface Board {
  items: BoardRow[];
  reviewerLoads: { expertId: string; active: number; submitted: number }[];
}

async function board(programId: string): Promise<Board> {
  return (await get(`/v1/funding-programs/${programId}/assignments`, admin)).json();
}

async function rowOf(programId: string, applicationId: string): Promise<BoardRow> {
  const row = (await board(programId)).items.find((r) => r.applicationId === applicationId);
  if (!row) throw new Error(`application ${applicationId} is not on the board`);
  return row;
}

/** The total spread over the default rubric's weights (30/25/20/15/10), to one decimal. */
function scoresFor(total: number) {
  return [
    { code: 'academic_level', score: Math.round(total * 3) / 10 },
    { code: 'social_impact', score: Math.round(total * 2.5) / 10 },
    { code: 'feasibility', score: Math.round(total * 2) / 10 },
    { code: 'budget_soundness', score: Math.round(total * 1.5) / 10 },
    { code: 'track_record', score: Math.round(total) / 10 },
  ];
}

function review(applicationId: string, reviewer: Reviewer, total: number) {
  return t.request({
    method: 'PUT',
    url: `/v1/applications/${applicationId}/reviews/mine`,
    token: reviewer.token,
    payload: { scores: scoresFor(total), justification: '选题有价值，方案可行，预算基本合理。', submit: true },
  });
}

/** Waits until every event this database holds is below the feed's horizon (see events.test.ts). */
async function settled(): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { rows } = await sql<{ waiting: boolean }>`
      SELECT EXISTS (SELECT 1 FROM outbox_events WHERE txid >= pg_snapshot_xmin(pg_current_snapshot())) AS waiting`.execute(
      t.database.db,
    );
    if (!rows[0]?.waiting) return;
    if (Date.now() > deadline) throw new Error('the feed horizon did not pass this database’s events in 20 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function clientToken(scopes: string[], societyIds: string[]): Promise<string> {
  const created = await post('/v1/clients', admin, { name: `feed ${scopes.join(' ')}`, scopes, societyIds });
  expect(created.statusCode).toBe(201);
  const { clientId, clientSecret } = created.json();
  const token = (await t.tryClientToken(clientId, clientSecret)).json().access_token;
  if (typeof token !== 'string') throw new Error('no client token');
  return token;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
  for (const name of ['市机械工程学会', '市医学会', '市农学会']) {
    const id = await activeSociety(name);
    societies.push({ id, officer: await t.userToken('society_officer', [id]) });
  }
  // Four experts, none in conflict with any society.
  for (const [i, name] of ['王评审', '李评审', '张评审', '赵评审'].entries()) {
    const expert = await post('/v1/experts', admin, {
      name,
      titleLevel: 'senior',
      disciplines: ['机械', '医学', '农学'],
      pools: ['science_technology'],
      employer: `海川市第${i + 1}研究院`,
    });
    expect(expert.statusCode).toBe(201);
    const expertId: string = expert.json().id;
    const username = `reviewer_${i}_${process.pid}`;
    await post('/v1/users', admin, { username, password: USER_PASSWORD, role: 'reviewer', expertId });
    reviewers.push({ token: await t.login(username), expertId, name });
  }
});
afterAll(async () => t?.close());

describe('reviewer identities and the change feed', () => {
  it('never hands a society’s machine client an event naming who reviews its application', async () => {
    const { programId, ids } = await underReview('反馈流保密', { reviewersPerApplication: 3 }, ['智能制造学术年会']);
    const [applicationId] = ids as [string];
    const society = societies[0]?.id ?? '';
    const row = await rowOf(programId, applicationId);
    const free = reviewers.find((r) => !row.assignments.some((a) => a.expertId === r.expertId));
    if (!free) throw new Error('every expert is already assigned');
    const assigned = await post(`/v1/funding-programs/${programId}/assignments/manual`, admin, {
      applicationId,
      expertId: free.expertId,
      reason: '补充一位机械领域专家',
    });
    expect(assigned.statusCode).toBe(201);
    // Staff keep the pairing in the audit log.
    const audit = await get(`/v1/audit-log?resourceId=${assigned.json().id}`, admin);
    expect(audit.json().items[0]).toMatchObject({ action: 'assignment.manual', after: { expertName: free.name } });

    const bound = await clientToken(['events:read', 'funding:read'], [society]);
    await settled();
    const feed = await get('/v1/events?limit=500', bound);
    expect(feed.statusCode).toBe(200);
    const items: { type: string; societyId: string | null }[] = feed.json().items;
    // The society's own application events are there (so the client does read funding events) …
    expect(items.some((e) => e.type === 'application.status_changed' && e.societyId === society)).toBe(true);
    // … but nothing of its reviewers: no name, no expert id.
    const body = JSON.stringify(items);
    for (const reviewer of reviewers) {
      expect(body).not.toContain(reviewer.name);
      expect(body).not.toContain(reviewer.expertId);
    }
    expect(items.map((e) => e.type)).not.toContain('assignment.created');
  });
});

describe('a withdrawn application under review', () => {
  let programId: string;
  let kept: [string, string];
  let withdrawn: string;
  let reviewsBefore: { application_id: string; expert_id: string; total: number; scores: unknown }[];
  /** A harsh, a lenient and two middling reviewers: z-scores are what make them comparable. */
  const offset = [8, -8, 0, 4];
  const base: Record<string, number> = {};

  beforeAll(async () => {
    const round = await underReview('撤回与标准化', { reviewersPerApplication: 3, scoringMethod: 'z_score' }, [
      '智能制造学术年会',
      '基层医疗技术交流',
      '乡村振兴论坛',
    ]);
    programId = round.programId;
    const [a = '', b = '', w = ''] = round.ids;
    kept = [a, b];
    withdrawn = w;
    Object.assign(base, { [a]: 80, [b]: 72, [w]: 60 });
    for (const applicationId of round.ids) {
      const active = (await rowOf(programId, applicationId)).assignments.filter((x) => x.status === 'assigned');
      expect(active).toHaveLength(3);
      // On the application to be withdrawn, the last reviewer has not scored yet.
      const scoring = applicationId === withdrawn ? active.slice(0, 2) : active;
      for (const assignment of scoring) {
        const index = reviewers.findIndex((r) => r.expertId === assignment.expertId);
        const saved = await review(
          applicationId,
          reviewerOf(assignment.expertId),
          (base[applicationId] ?? 0) + (offset[index] ?? 0),
        );
        expect(saved.statusCode).toBe(200);
      }
    }
    reviewsBefore = (
      await sql<{ application_id: string; expert_id: string; total: number; scores: unknown }>`
        SELECT application_id, expert_id, total, scores FROM review_assignments
        WHERE program_id = ${programId} AND status = 'submitted'`.execute(t.database.db)
    ).rows;
  });

  it('ends its open assignments, audited, and leaves every reviewer’s queue', async () => {
    const before = await rowOf(programId, withdrawn);
    const waiting = before.assignments.find((a) => a.status === 'assigned');
    const scored = before.assignments.find((a) => a.status === 'submitted');
    if (!waiting || !scored) throw new Error('expected one open and one submitted review');
    const officer = societies[2]?.officer ?? '';
    const moved = await post(`/v1/applications/${withdrawn}/transitions`, officer, {
      to: 'withdrawn',
      reason: '项目已由其他渠道资助',
    });
    expect(moved.statusCode).toBe(200);

    const ended = await t.database.db
      .selectFrom('review_assignments')
      .select(['status', 'decline_note'])
      .where('id', '=', waiting.id)
      .executeTakeFirstOrThrow();
    expect(ended).toEqual({ status: 'recused', decline_note: 'Application withdrawn' });
    const audit = await get(`/v1/audit-log?resourceId=${waiting.id}`, admin);
    expect(audit.json().items.map((i: { action: string }) => i.action)).toContain('assignment.end');

    for (const assignment of [waiting, scored]) {
      const reviewer = reviewerOf(assignment.expertId);
      const queue = (await get('/v1/reviews/mine', reviewer.token)).json();
      expect(queue.items.map((i: { applicationId: string }) => i.applicationId)).not.toContain(withdrawn);
      // Neither the one who had not scored nor the one who had may score it now.
      const refused = await review(withdrawn, reviewer, 75);
      expect(refused.statusCode, refused.body).toBe(409);
    }
  });

  it('counts in no load and is not on the board', async () => {
    const current = await board(programId);
    expect(current.items.map((r) => r.applicationId).sort()).toEqual([...kept].sort());
    const onKept = current.items.flatMap((r) => r.assignments).filter((a) => a.status === 'submitted').length;
    expect(current.reviewerLoads.reduce((sum, l) => sum + l.submitted, 0)).toBe(onKept);
    expect(current.reviewerLoads.reduce((sum, l) => sum + l.active, 0)).toBe(6);
  });

  it('feeds no reviewer’s z-score statistics: the scores are those of the remaining reviews alone', async () => {
    const first = (scores: unknown) =>
      Array.isArray(scores) ? Number((scores as { code: string; score: number }[])[0]?.score ?? 0) : 0;
    const asReviews = (rows: typeof reviewsBefore) =>
      rows.map((r) => ({
        applicationId: r.application_id,
        reviewerId: r.expert_id,
        total: Number(r.total),
        firstCriterion: first(r.scores),
      }));
    const expected = aggregateScores('z_score', asReviews(reviewsBefore.filter((r) => r.application_id !== withdrawn)));
    const withWithdrawn = aggregateScores('z_score', asReviews(reviewsBefore));
    // The withdrawn application's reviews would move the others' scores: the test can tell.
    expect(kept.some((id) => expected.get(id)?.score !== withWithdrawn.get(id)?.score)).toBe(true);

    const provisional = (await get(`/v1/funding-programs/${programId}/ranking`, admin)).json();
    const shown = new Map(
      provisional.categories[0].rows.map((r: { applicationId: string; score: number }) => [r.applicationId, r.score]),
    );
    for (const id of kept) expect(shown.get(id)).toBe(expected.get(id)?.score);

    const closed = await post(`/v1/funding-programs/${programId}/transitions`, admin, {
      to: 'deciding',
      reason: '评审结束',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    for (const id of kept) {
      const application = (await get(`/v1/applications/${id}`, admin)).json();
      expect(application.score).toBe(expected.get(id)?.score);
      expect(application.scoreExplanation).toMatch(/z-scores of 3 reviews/);
    }
  });
});

describe('the quorum', () => {
  it('is the program’s own number of reviewers: 3 of 4 submitted cannot close review, 4 can', async () => {
    const { programId, ids } = await underReview('法定人数', { reviewersPerApplication: 4 }, ['机械工程青年论坛']);
    const [applicationId] = ids as [string];
    const row = await rowOf(programId, applicationId);
    expect(row.assignments.filter((a) => a.status === 'assigned')).toHaveLength(4);
    const [last, ...others] = row.assignments;
    if (!last) throw new Error('no assignment');
    for (const assignment of others) {
      expect((await review(applicationId, reviewerOf(assignment.expertId), 80)).statusCode).toBe(200);
    }
    expect(await rowOf(programId, applicationId)).toMatchObject({ submitted: 3, quorumMet: false });
    const early = await post(`/v1/funding-programs/${programId}/transitions`, admin, {
      to: 'deciding',
      reason: '评审结束',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toMatch(/fewer than 4 submitted reviews/);
    expect(early.json().errors[0]).toMatchObject({ code: 'quorum_not_met' });

    expect((await review(applicationId, reviewerOf(last.expertId), 84)).statusCode).toBe(200);
    expect(await rowOf(programId, applicationId)).toMatchObject({ submitted: 4, quorumMet: true });
    const closed = await post(`/v1/funding-programs/${programId}/transitions`, admin, {
      to: 'deciding',
      reason: '评审结束',
    });
    expect(closed.statusCode, closed.body).toBe(200);
  });
});

describe('reasons made of blanks', () => {
  it('are refused for a recusal and a manual assignment, and a blank decline note is no note', async () => {
    const { programId, ids } = await underReview('空白理由', { reviewersPerApplication: 3 }, ['学术期刊编辑出版']);
    const [applicationId] = ids as [string];
    const row = await rowOf(programId, applicationId);
    const [first, second] = row.assignments;
    if (!first || !second) throw new Error('no assignments');
    const recusal = await post(`/v1/review-assignments/${first.id}/recusal`, admin, { reason: '   ' });
    expect(recusal.statusCode).toBe(422);
    expect(recusal.json().errors[0]).toMatchObject({ path: '/body/reason', code: 'required' });
    expect((await rowOf(programId, applicationId)).assignments.find((a) => a.id === first.id)?.status).toBe('assigned');
    const free = reviewers.find((r) => !row.assignments.some((a) => a.expertId === r.expertId));
    const manual = await post(`/v1/funding-programs/${programId}/assignments/manual`, admin, {
      applicationId,
      expertId: free?.expertId,
      reason: ' \t ',
    });
    expect(manual.statusCode).toBe(422);
    expect(manual.json().errors[0]).toMatchObject({ path: '/body/reason', code: 'required' });

    const declined = await post(
      `/v1/applications/${applicationId}/reviews/mine/decline`,
      reviewerOf(second.expertId).token,
      {
        reason: 'too_many',
        note: '   ',
      },
    );
    expect(declined.statusCode).toBe(200);
    const after = (await rowOf(programId, applicationId)).assignments.find((a) => a.id === second.id);
    expect(after).toMatchObject({ status: 'declined' });
    const stored = await t.database.db
      .selectFrom('review_assignments')
      .select('decline_note')
      .where('id', '=', second.id)
      .executeTakeFirstOrThrow();
    expect(stored.decline_note).toBeNull();
  });
});

describe('the discipline match of an assignment', () => {
  it('is the same for an expert assigned by hand as it would be for one assigned automatically', async () => {
    const { programId, ids } = await underReview('学科匹配', { reviewersPerApplication: 3 }, ['基础科学论坛']);
    const [applicationId] = ids as [string];
    // The society's discipline is 理科 (science); an expert of that discipline matches.
    const expert = await post('/v1/experts', admin, {
      name: '周理科',
      titleLevel: 'senior',
      disciplines: ['理科'],
      pools: ['science_technology'],
      employer: '海川市理论物理研究所',
    });
    expect(expert.statusCode).toBe(201);
    const matching = await post(`/v1/funding-programs/${programId}/assignments/manual`, admin, {
      applicationId,
      expertId: expert.json().id,
      reason: '补充一位同学科专家',
    });
    expect(matching.statusCode, matching.body).toBe(201);
    expect(matching.json().disciplineMatch).toBe(true);
    // The automatic run matched the four experts of 机械/医学/农学 against 理科: no match, and says so.
    const auto = (await board(programId)).items[0]?.assignments as unknown as { disciplineMatch: boolean }[];
    expect(auto.filter((a) => a.disciplineMatch)).toHaveLength(1);
  });
});
