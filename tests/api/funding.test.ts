import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, nextCreditCode, startTestApp, type TestApp, USER_PASSWORD } from '../support/app';

/**
 * The funding module end to end through the API (SPEC §3): a call, applications and screening,
 * automatic assignment with conflicts, a decline and re-assignment, hidden scores, ranking,
 * concurrent allocation, the public notice with objections, funding and the final report.
 */
let t: TestApp;
let admin: string;

const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function activeSociety(name: string, body: Record<string, unknown> = {}) {
  const id = await t.createSociety(admin, { name, creditCode: nextCreditCode(), ...body });
  const moved = await t.request({
    method: 'POST',
    url: `/v1/societies/${id}/transitions`,
    token: admin,
    payload: { to: 'active', reason: '登记成立' },
  });
  expect(moved.statusCode).toBe(200);
  return id;
}

async function post(url: string, token: string, payload: unknown) {
  return t.request({ method: 'POST', url, token, payload: payload as Record<string, unknown> });
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
});
afterAll(async () => t?.close());

describe('working-day calendar', () => {
  it('comes preloaded with the official 2026 schedule', async () => {
    const response = await t.request({ method: 'GET', url: '/v1/calendar/holidays?year=2026', token: admin });
    expect(response.statusCode).toBe(200);
    const year = response.json();
    expect(year.configured).toBe(true);
    expect(year.holidays.map((h: { name: string }) => h.name)).toContain('国庆节');
    expect(year.makeUpWorkdays).toContain('2026-10-10');
    expect(year.workingDays).toBe(248);
  });

  it('lets staff enter a year, refuses inconsistent dates, and needs If-Match to replace one', async () => {
    const bad = await t.request({
      method: 'PUT',
      url: '/v1/calendar/holidays',
      token: admin,
      payload: {
        year: 2027,
        holidays: [{ name: '元旦', from: '2027-01-03', to: '2027-01-01' }],
        makeUpWorkdays: [],
        source: null,
      },
    });
    expect(bad.statusCode).toBe(422);
    const body = {
      year: 2027,
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
      makeUpWorkdays: [],
      source: '测试',
    };
    const created = await t.request({ method: 'PUT', url: '/v1/calendar/holidays', token: admin, payload: body });
    expect(created.statusCode).toBe(201);
    const again = await t.request({ method: 'PUT', url: '/v1/calendar/holidays', token: admin, payload: body });
    expect(again.statusCode).toBe(428);
    const officer = await t.userToken('society_officer', [await t.createSociety(admin)]);
    const denied = await t.request({ method: 'PUT', url: '/v1/calendar/holidays', token: officer, payload: body });
    expect(denied.statusCode).toBe(403);
  });
});

describe('programs', () => {
  it('fills the defaults of seeds/001 and refuses a rubric that does not sum to 100', async () => {
    const created = await post('/v1/funding-programs', admin, {
      name: '默认设置',
      year: 2026,
      opensOn: '2026-03-01',
      closesOn: '2026-04-30',
      totalBudgetFen: 300_000_000,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'draft',
      minimumScore: 60,
      reviewersPerApplication: 5,
      noticeWorkingDays: 5,
      scoringMethod: 'trimmed_mean',
    });
    expect(created.json().rubric.reduce((s: number, c: { weight: number }) => s + c.weight, 0)).toBe(100);
    const bad = await post('/v1/funding-programs', admin, {
      name: '错误',
      year: 2026,
      opensOn: '2026-03-01',
      closesOn: '2026-04-30',
      totalBudgetFen: 100,
      rubric: [{ code: 'a', name: 'A', weight: 95 }],
      categories: [{ code: 'journal', name: '学术期刊', capFen: 100, budgetFen: 200 }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/body\/rubric/), expect.stringMatching(/^\/body\/categories/)]),
    );
  });

  it('derives the default categories’ budgets from a call’s own budget, below the seeds’ total too', async () => {
    const created = await post('/v1/funding-programs', admin, {
      name: '小额资助',
      year: 2026,
      opensOn: '2026-03-01',
      closesOn: '2026-04-30',
      totalBudgetFen: 100_000_000,
    });
    expect(created.statusCode, created.body).toBe(201);
    const categories: { code: string; capFen: number; budgetFen: number }[] = created.json().categories;
    expect(categories.map((c) => c.budgetFen)).toEqual([
      20_408_163, 24_489_796, 20_408_163, 8_163_266, 18_367_347, 8_163_265,
    ]);
    expect(categories.reduce((sum, c) => sum + c.budgetFen, 0)).toBe(100_000_000);
    // Caps stay the seeds' where the budget allows them.
    expect(categories.find((c) => c.code === 'major_event')?.capFen).toBe(10_000_000);
  });
});

describe('a funding round from call to final report', () => {
  const today = shanghaiToday();
  let programId: string;
  let societyA: string;
  let societyB: string;
  let societyC: string;
  let officerA: string;
  let officerB: string;
  let officerC: string;
  const reviewers: { token: string; expertId: string; name: string }[] = [];
  let affiliatedExpert: string;
  let applicationA: string;
  let applicationB: string;
  let applicationC: string;

  beforeAll(async () => {
    societyA = await activeSociety('市机械工程学会', { supportingUnit: '海川理工大学' });
    societyB = await activeSociety('市医学会');
    societyC = await activeSociety('市农学会');
    // Society C did not take part in last year's inspection: screening must fail it.
    const year = Number(today.slice(0, 4));
    const absent = await t.request({
      method: 'PUT',
      url: `/v1/societies/${societyC}/inspections/${year - 1}`,
      token: admin,
      payload: { result: 'absent' },
    });
    expect(absent.statusCode).toBe(201);
    officerA = await t.userToken('society_officer', [societyA]);
    officerB = await t.userToken('society_officer', [societyB]);
    officerC = await t.userToken('society_officer', [societyC]);

    const names = ['王评审', '李评审', '张评审', '赵评审', '钱评审', '孙评审'];
    for (const [i, name] of names.entries()) {
      const expert = await post('/v1/experts', admin, {
        name,
        titleLevel: 'senior',
        disciplines: ['机械', '医学'],
        pools: ['science_technology'],
        // The first expert works at society A's supporting unit: a conflict found from the data.
        employer: i === 0 ? '海川理工大学' : `单位${i}`,
      });
      expect(expert.statusCode).toBe(201);
      const expertId = expert.json().id;
      if (i === 0) affiliatedExpert = expertId;
      const username = `reviewer_${i}_${process.pid}`;
      const user = await post('/v1/users', admin, { username, password: USER_PASSWORD, role: 'reviewer', expertId });
      expect(user.statusCode).toBe(201);
      expect(user.json().expertId).toBe(expertId);
      reviewers.push({ token: await t.login(username), expertId, name });
    }

    const program = await post('/v1/funding-programs', admin, {
      name: '2026年度学会项目',
      year,
      opensOn: shift(today, -1),
      closesOn: shift(today, 10),
      totalBudgetFen: 20_000_000,
      reviewersPerApplication: 3,
      categories: [
        { code: 'academic_exchange', name: '学术交流', capFen: 10_000_000, budgetFen: 12_000_000 },
        { code: 'popularisation', name: '科普活动', capFen: 5_000_000, budgetFen: 8_000_000 },
      ],
    });
    expect(program.statusCode).toBe(201);
    programId = program.json().id;
  });

  it('takes applications only once the call is open', async () => {
    const early = await post(`/v1/funding-programs/${programId}/applications`, officerA, {
      societyId: societyA,
      categoryCode: 'academic_exchange',
      title: '太早',
    });
    expect(early.statusCode).toBe(422);
    const opened = await post(`/v1/funding-programs/${programId}/transitions`, admin, {
      to: 'open',
      reason: '发布通知',
    });
    expect(opened.json().status).toBe('open');
  });

  it('lets a society draft, explains what blocks submission, and submits once consistent', async () => {
    const draft = await post(`/v1/funding-programs/${programId}/applications`, officerA, {
      societyId: societyA,
      categoryCode: 'academic_exchange',
      title: '智能制造学术年会',
      requestedFen: 8_000_000,
      selfFundedFen: 2_000_000,
      budgetLines: [{ item: '会场', amountFen: 5_000_000 }],
      disciplines: ['机械'],
    });
    expect(draft.statusCode).toBe(201);
    applicationA = draft.json().id;
    const preview = await t.request({
      method: 'GET',
      url: `/v1/applications/${applicationA}/screening`,
      token: officerA,
    });
    expect(preview.json().passed).toBe(false);
    expect(preview.json().checks.find((c: { code: string }) => c.code === 'budget_balanced').passed).toBe(false);

    const blocked = await post(`/v1/applications/${applicationA}/transitions`, officerA, {
      to: 'submitted',
      reason: '提交',
    });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().errors[0].path).toMatch(/^\/body\/budgetLines/);

    const version = (
      await t.request({ method: 'GET', url: `/v1/applications/${applicationA}`, token: officerA })
    ).json().version;
    const fixed = await t.request({
      method: 'PATCH',
      url: `/v1/applications/${applicationA}`,
      token: officerA,
      headers: { 'if-match': `"${version}"` },
      payload: {
        budgetLines: [
          { item: '会场', amountFen: 5_000_000 },
          { item: '专家劳务', amountFen: 5_000_000 },
        ],
      },
    });
    expect(fixed.statusCode).toBe(200);
    const staffSubmit = await post(`/v1/applications/${applicationA}/transitions`, admin, {
      to: 'submitted',
      reason: '代交',
    });
    expect(staffSubmit.statusCode).toBe(403);
    expect(staffSubmit.json().detail).toBe('Only the applying society submits its application.');
    const submitted = await post(`/v1/applications/${applicationA}/transitions`, officerA, {
      to: 'submitted',
      reason: '提交',
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', screening: { passed: true } });

    const makeApplication = async (officer: string, societyId: string, title: string, requestedFen: number) => {
      const created = await post(`/v1/funding-programs/${programId}/applications`, officer, {
        societyId,
        categoryCode: 'academic_exchange',
        title,
        requestedFen,
        selfFundedFen: 0,
        budgetLines: [{ item: '合计', amountFen: requestedFen }],
      });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      const done = await post(`/v1/applications/${id}/transitions`, officer, { to: 'submitted', reason: '提交' });
      expect(done.statusCode).toBe(200);
      return id;
    };
    applicationB = await makeApplication(officerB, societyB, '基层医疗技术交流', 6_000_000);
    applicationC = await makeApplication(officerC, societyC, '乡村振兴论坛', 3_000_000);
  });

  it('keeps each society to its own applications: another society’s is not found', async () => {
    const foreign = await t.request({ method: 'GET', url: `/v1/applications/${applicationA}`, token: officerB });
    expect(foreign.statusCode).toBe(404);
    const list = await t.request({
      method: 'GET',
      url: `/v1/funding-programs/${programId}/applications`,
      token: officerB,
    });
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([applicationB]);
  });

  it('screens on closing and admits to review only those that pass, assigning reviewers without conflicts', async () => {
    const closed = await post(`/v1/funding-programs/${programId}/transitions`, admin, {
      to: 'closed',
      reason: '申报截止',
    });
    expect(closed.statusCode).toBe(200);
    const reviewing = await post(`/v1/funding-programs/${programId}/transitions`, admin, {
      to: 'reviewing',
      reason: '开始评审',
    });
    expect(reviewing.statusCode).toBe(200);
    const c = (await t.request({ method: 'GET', url: `/v1/applications/${applicationC}`, token: officerC })).json();
    expect(c.status).toBe('rejected');
    expect(c.screening.checks.find((x: { code: string }) => x.code === 'inspection').passed).toBe(false);

    const board = (
      await t.request({ method: 'GET', url: `/v1/funding-programs/${programId}/assignments`, token: admin })
    ).json();
    const rowA = board.items.find((r: { applicationId: string }) => r.applicationId === applicationA);
    expect(rowA.active).toBe(3);
    expect(rowA.assignments.map((a: { expertId: string }) => a.expertId)).not.toContain(affiliatedExpert);
    expect(board.items.map((r: { applicationId: string }) => r.applicationId)).not.toContain(applicationC);
  });

  it('re-assigns when a reviewer declines for a conflict, and logs the recusal', async () => {
    const board = (
      await t.request({ method: 'GET', url: `/v1/funding-programs/${programId}/assignments`, token: admin })
    ).json();
    const onB = board.items.find((r: { applicationId: string }) => r.applicationId === applicationB).assignments;
    const decliner = reviewers.find((r) => r.expertId === onB[0].expertId);
    if (!decliner) throw new Error('no reviewer to decline');
    const declined = await post(`/v1/applications/${applicationB}/reviews/mine/decline`, decliner.token, {
      reason: 'conflict_of_interest',
      note: '本人曾在该学会兼职',
    });
    expect(declined.statusCode).toBe(200);
    expect(declined.json().created).toBe(1);
    // Declined for a conflict: the application is no longer the reviewer's to read.
    const gone = await t.request({ method: 'GET', url: `/v1/applications/${applicationB}`, token: decliner.token });
    expect(gone.statusCode).toBe(404);
    const after = (
      await t.request({ method: 'GET', url: `/v1/funding-programs/${programId}/assignments`, token: admin })
    ).json();
    const rowB = after.items.find((r: { applicationId: string }) => r.applicationId === applicationB);
    expect(rowB.active).toBe(3);
    expect(rowB.assignments.find((a: { expertId: string }) => a.expertId === decliner.expertId).status).toBe(
      'declined',
    );
    const logged = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'assignment.recuse'`.execute(t.database.db);
    expect(logged.rows[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it('collects scores with justifications and hides them from other reviewers until review closes', async () => {
    const board = (
      await t.request({ method: 'GET', url: `/v1/funding-programs/${programId}/assignments`, token: admin })
    ).json();
    const totals: Record<string, number[]> = { [applicationA]: [85, 80, 90], [applicationB]: [70, 75, 72] };
    for (const row of board.items) {
      const active = row.assignments.filter((a: { status: string }) => a.status === 'assigned');
      for (const [i, assignment] of active.entries()) {
        const reviewer = reviewers.find((r) => r.expertId === assignment.expertId);
        if (!reviewer) throw new Error('unknown reviewer');
        const total = totals[row.applicationId]?.[i] ?? 60;
        // Spread the total over the rubric in proportion to the weights (30/25/20/15/10).
        const scores = [
          { code: 'academic_level', score: Math.round(total * 0.3 * 10) / 10 },
          { code: 'social_impact', score: Math.round(total * 0.25 * 10) / 10 },
          { code: 'feasibility', score: Math.round(total * 0.2 * 10) / 10 },
          { code: 'budget_soundness', score: Math.round(total * 0.15 * 10) / 10 },
          { code: 'track_record', score: Math.round(total * 0.1 * 10) / 10 },
        ];
        const tooShort = await t.request({
          method: 'PUT',
          url: `/v1/applications/${row.applicationId}/reviews/mine`,
          token: reviewer.token,
          payload: { scores, justification: '好', submit: true },
        });
        // The contract holds the minimum (MyReviewPut: minLength when submitting), so the schema refuses it
        // as it refuses any body that does not match (400), naming only the field.
        expect(tooShort.statusCode, tooShort.body).toBe(400);
        expect(tooShort.json().errors).toEqual([
          { path: '/body/justification', code: 'minLength', message: expect.stringContaining('10') },
        ]);
        // A draft may be shorter.
        const draft = await t.request({
          method: 'PUT',
          url: `/v1/applications/${row.applicationId}/reviews/mine`,
          token: reviewer.token,
          payload: { scores, justification: '好', submit: false },
        });
        expect(draft.statusCode, draft.body).toBe(200);
        const saved = await t.request({
          method: 'PUT',
          url: `/v1/applications/${row.applicationId}/reviews/mine`,
          token: reviewer.token,
          payload: { scores, justification: '选题有价值，方案可行，预算基本合理。', submit: true },
        });
        expect(saved.statusCode).toBe(200);
        if (i === 0) {
          const seen = (
            await t.request({
              method: 'GET',
              url: `/v1/applications/${row.applicationId}/reviews`,
              token: reviewer.token,
            })
          ).json();
          expect(seen.items).toHaveLength(1);
          expect(seen.items[0].mine).toBe(true);
          expect(seen.hidden).toBe(2);
        }
      }
    }
    const queue = (
      await t.request({ method: 'GET', url: '/v1/reviews/mine', token: reviewers[1]?.token ?? '' })
    ).json();
    expect(queue.items.every((i: { status: string }) => i.status === 'submitted')).toBe(true);
  });

  it('closes review with scores, ranks, and never exceeds a budget when two staff allocate at once', async () => {
    const deciding = await post(`/v1/funding-programs/${programId}/transitions`, admin, {
      to: 'deciding',
      reason: '评审结束',
    });
    expect(deciding.statusCode).toBe(200);
    const ranking = (
      await t.request({ method: 'GET', url: `/v1/funding-programs/${programId}/ranking`, token: admin })
    ).json();
    const exchange = ranking.categories.find((c: { categoryCode: string }) => c.categoryCode === 'academic_exchange');
    expect(exchange.rows.map((r: { applicationId: string }) => r.applicationId)).toEqual([applicationA, applicationB]);
    // 12,000,000 fen: A's 8,000,000 fits, B's 6,000,000 no longer does (best first, no skipping).
    expect(exchange.rows.map((r: { allocatedFen: number }) => r.allocatedFen)).toEqual([8_000_000, 0]);
    expect(exchange.rows[1].reason).toBe('budget_exhausted');
    expect(exchange.rows[1].explanation).toMatch(/¥/);

    const trial = await post(`/v1/funding-programs/${programId}/allocation`, admin, {
      dryRun: true,
      strategy: 'proportional',
    });
    expect(trial.statusCode).toBe(200);
    expect(trial.json().allocatedFen).toBeLessThanOrEqual(12_000_000);
    expect(trial.json().approved).toBe(2);

    const second = await t.login(ADMIN.username, ADMIN.password);
    const [one, two] = await Promise.all([
      post(`/v1/funding-programs/${programId}/allocation`, admin, {}),
      post(`/v1/funding-programs/${programId}/allocation`, second, {}),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409]);
    const sum = await sql<{ fen: number }>`
      SELECT coalesce(sum(allocated_fen), 0)::bigint AS fen FROM funding_applications
      WHERE program_id = ${programId} AND status = 'approved'`.execute(t.database.db);
    expect(Number(sum.rows[0]?.fen)).toBe(8_000_000);
  });

  it('publishes the notice without login, refuses anonymous objections and finalises after the notice', async () => {
    const notice = await post(`/v1/funding-programs/${programId}/transitions`, admin, { to: 'notice', reason: '公示' });
    expect(notice.statusCode).toBe(200);
    expect(notice.json().noticeStartsOn >= today).toBe(true);
    expect(notice.json().noticeEndsOn > notice.json().noticeStartsOn).toBe(true);
    // Today may be a weekend; for the objection window, start the notice today.
    await sql`UPDATE funding_programs SET notice_starts_on = ${today} WHERE id = ${programId}`.execute(t.database.db);

    const notices = await t.request({ method: 'GET', url: '/v1/public/notices' });
    expect(notices.statusCode).toBe(200);
    const published = notices.json().items.find((n: { id: string }) => n.id === programId);
    expect(published.items).toEqual([
      expect.objectContaining({ applicationId: applicationA, allocatedFen: 8_000_000 }),
    ]);
    expect(JSON.stringify(published)).not.toMatch(/评审/);

    const anonymous = await t.request({
      method: 'POST',
      url: `/v1/public/notices/${programId}/objections`,
      payload: {
        applicationId: applicationA,
        signerKind: 'person',
        signerName: '匿名',
        contact: '13800138000',
        content: '该项目与去年重复申报。',
      },
    });
    expect(anonymous.statusCode).toBe(422);
    expect(anonymous.json().errors[0].code).toBe('anonymous');
    const filed = await t.request({
      method: 'POST',
      url: `/v1/public/notices/${programId}/objections`,
      payload: {
        applicationId: applicationA,
        signerKind: 'person',
        signerName: '周建国',
        contact: '13800138000',
        content: '该项目与去年重复申报。',
      },
    });
    expect(filed.statusCode).toBe(201);

    const tooEarly = await post(`/v1/funding-programs/${programId}/transitions`, admin, {
      to: 'finalised',
      reason: '公示结束',
    });
    expect(tooEarly.statusCode).toBe(422);
    const objections = (
      await t.request({ method: 'GET', url: `/v1/funding-programs/${programId}/objections`, token: admin })
    ).json();
    expect(objections.items[0].contact).toBe('138****8000');
    const resolved = await post(`/v1/objections/${objections.items[0].id}/resolution`, admin, {
      outcome: 'dismissed',
      resolution: '经核查，两次申报内容不同。',
    });
    expect(resolved.statusCode).toBe(200);

    // The notice period passes.
    await sql`UPDATE funding_programs SET notice_starts_on = ${shift(today, -10)}, notice_ends_on = ${shift(today, -1)} WHERE id = ${programId}`.execute(
      t.database.db,
    );
    const finalised = await post(`/v1/funding-programs/${programId}/transitions`, admin, {
      to: 'finalised',
      reason: '公示无异议',
    });
    expect(finalised.statusCode).toBe(200);
    const funded = (
      await t.request({ method: 'GET', url: `/v1/applications/${applicationA}`, token: officerA })
    ).json();
    expect(funded).toMatchObject({ status: 'funded', allocatedFen: 8_000_000 });

    const reviews = (
      await t.request({ method: 'GET', url: `/v1/applications/${applicationA}/reviews`, token: officerA })
    ).json();
    expect(reviews.items).toHaveLength(3);
    for (const review of reviews.items) {
      expect(reviewers.map((r) => r.name)).not.toContain(review.reviewer);
    }
  });

  it('takes the final report of the funded project and counts it in the capacity index', async () => {
    const current = (
      await t.request({ method: 'GET', url: `/v1/applications/${applicationA}`, token: officerA })
    ).json();
    const unbalanced = await t.request({
      method: 'PUT',
      url: `/v1/applications/${applicationA}/final-report`,
      token: officerA,
      headers: { 'if-match': `"${current.version}"` },
      payload: {
        actualSpendingFen: 9_500_000,
        spendingLines: [{ item: '会场', amountFen: 5_000_000 }],
        outcomes: '举办年会一次，参会 320 人。',
        participants: 320,
      },
    });
    expect(unbalanced.statusCode).toBe(422);
    const report = await t.request({
      method: 'PUT',
      url: `/v1/applications/${applicationA}/final-report`,
      token: officerA,
      headers: { 'if-match': `"${current.version}"` },
      payload: {
        actualSpendingFen: 9_500_000,
        spendingLines: [
          { item: '会场', amountFen: 5_000_000 },
          { item: '专家劳务', amountFen: 4_500_000 },
        ],
        outcomes: '举办年会一次，参会 320 人。',
        participants: 320,
      },
    });
    expect(report.statusCode).toBe(200);
    expect(report.json().status).toBe('reported');
    const capacity = (
      await t.request({ method: 'GET', url: `/v1/societies/${societyA}/capacity`, token: admin })
    ).json();
    const funded = capacity.contributions.find((c: { input: string }) => c.input === 'fundedProjects');
    expect(funded).toMatchObject({ value: 1 });
    expect(funded.points).toBeGreaterThan(0);
  });

  it('has staff close a reported project (结项), and tells a society asking to close it who does', async () => {
    const asked = await post(`/v1/applications/${applicationA}/transitions`, officerA, {
      to: 'closed',
      reason: '结项',
    });
    expect(asked.statusCode).toBe(403);
    expect(asked.json().detail).toBe(
      'The Association’s staff close a project (结项) once they have accepted its final report; the society files the final report.',
    );
    const closed = await post(`/v1/applications/${applicationA}/transitions`, admin, {
      to: 'closed',
      reason: '结项验收通过',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
  });
});

describe('public objections', () => {
  it('count against an address’s hourly allowance only when accepted (429 with Retry-After beyond it)', async () => {
    const limited = await startTestApp('postgres', { OBJECTIONS_PER_HOUR: '2' });
    try {
      const token = await limited.login(ADMIN.username, ADMIN.password);
      const today = shanghaiToday();
      const created = await limited.request({
        method: 'POST',
        url: '/v1/funding-programs',
        token,
        payload: {
          name: '限流公示',
          year: 2026,
          opensOn: '2026-03-01',
          closesOn: '2026-04-30',
          totalBudgetFen: 1_000_000,
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const noticeId: string = created.json().id;
      await sql`UPDATE funding_programs SET status = 'notice', notice_starts_on = ${today},
        notice_ends_on = ${shift(today, 10)} WHERE id = ${noticeId}`.execute(limited.database.db);
      const file = (signerName: string) =>
        limited.request({
          method: 'POST',
          url: `/v1/public/notices/${noticeId}/objections`,
          payload: {
            applicationId: null,
            signerKind: 'unit',
            signerName,
            contact: 'a@b.cn',
            content: '对公示结果有异议，请核查。',
          },
        });
      // Refused forms — an anonymous signer, a notice that does not exist — use up nothing.
      for (let i = 0; i < 3; i++) expect((await file('匿名')).statusCode).toBe(422);
      const missing = await limited.request({
        method: 'POST',
        url: '/v1/public/notices/01900000-0000-7000-8000-000000000000/objections',
        payload: {
          applicationId: null,
          signerKind: 'unit',
          signerName: '海川市某公司',
          contact: 'a@b.cn',
          content: '对公示结果有异议，请核查。',
        },
      });
      expect(missing.statusCode).toBe(404);
      expect((await file('海川市某公司')).statusCode).toBe(201);
      expect((await file('海川市另一公司')).statusCode).toBe(201);
      const third = await file('海川市第三公司');
      expect(third.statusCode).toBe(429);
      expect(third.json().code).toBe('rate_limited');
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      const stored = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM notice_objections WHERE program_id = ${noticeId}`.execute(limited.database.db);
      expect(stored.rows[0]?.n).toBe(2);
    } finally {
      await limited.close();
    }
  });
});

describe('a call’s window', () => {
  it('refuses to open a call whose window is already over, with the rule named', async () => {
    const today = shanghaiToday();
    const program = (
      await post('/v1/funding-programs', admin, {
        name: '过期的申报通知',
        year: Number(today.slice(0, 4)),
        opensOn: shift(today, -20),
        closesOn: shift(today, -1),
        totalBudgetFen: 1_000_000,
      })
    ).json();
    const opened = await post(`/v1/funding-programs/${program.id}/transitions`, admin, { to: 'open', reason: '发布' });
    expect(opened.statusCode).toBe(422);
    expect(opened.json()).toMatchObject({ code: 'rule_violation' });
    expect(opened.json().detail).toMatch(new RegExp(`ended on ${shift(today, -1)}.*set closesOn to today or later`));
    expect(opened.json().errors[0]).toMatchObject({ path: '/body/to', code: 'window_over' });
    const still = await t.request({ method: 'GET', url: `/v1/funding-programs/${program.id}`, token: admin });
    expect(still.json().status).toBe('draft');
  });

  it('withdraws the drafts never submitted once review starts and the call can no longer reopen', async () => {
    const today = shanghaiToday();
    const societyId = await activeSociety('市草稿学会');
    const officer = await t.userToken('society_officer', [societyId]);
    const program = (
      await post('/v1/funding-programs', admin, {
        name: '草稿去向',
        year: Number(today.slice(0, 4)),
        opensOn: today,
        closesOn: shift(today, 5),
        totalBudgetFen: 1_000_000,
        reviewersPerApplication: 3,
      })
    ).json();
    await post(`/v1/funding-programs/${program.id}/transitions`, admin, { to: 'open', reason: '发布' });
    const draft = (
      await post(`/v1/funding-programs/${program.id}/applications`, officer, {
        societyId,
        categoryCode: 'journal',
        title: '未提交的期刊资助',
      })
    ).json();
    await post(`/v1/funding-programs/${program.id}/transitions`, admin, { to: 'closed', reason: '截止' });
    // Closed, the call may still reopen: the draft waits, but cannot be submitted.
    const get = () => t.request({ method: 'GET', url: `/v1/applications/${draft.id}`, token: officer });
    expect((await get()).json().status).toBe('draft');
    const late = await post(`/v1/applications/${draft.id}/transitions`, officer, { to: 'submitted', reason: '补交' });
    expect(late.statusCode).toBe(422);
    const reviewing = await post(`/v1/funding-programs/${program.id}/transitions`, admin, {
      to: 'reviewing',
      reason: '开始评审',
    });
    expect(reviewing.statusCode, reviewing.body).toBe(200);
    expect((await get()).json().status).toBe('withdrawn');
    const history = (
      await t.request({ method: 'GET', url: `/v1/applications/${draft.id}/transitions`, token: officer })
    ).json();
    expect(history.items.at(-1)).toMatchObject({
      from: 'draft',
      to: 'withdrawn',
      reason: `Not submitted before the call closed on ${shift(today, 5)}`,
    });
  });
});

describe('reopening a call and overriding a screening', () => {
  it('re-screens on the second close, and staff may admit a failed application with a logged reason', async () => {
    const today = shanghaiToday();
    const societyId = await activeSociety('市测绘学会');
    const officer = await t.userToken('society_officer', [societyId]);
    const program = (
      await post('/v1/funding-programs', admin, {
        name: '重开测试',
        year: Number(today.slice(0, 4)),
        opensOn: today,
        closesOn: today,
        totalBudgetFen: 300_000_000,
      })
    ).json();
    await post(`/v1/funding-programs/${program.id}/transitions`, admin, { to: 'open', reason: '发布' });
    const application = (
      await post(`/v1/funding-programs/${program.id}/applications`, officer, {
        societyId,
        categoryCode: 'journal',
        title: '测绘学报',
        requestedFen: 1_000_000,
        selfFundedFen: 0,
        budgetLines: [{ item: '印刷', amountFen: 1_000_000 }],
      })
    ).json();
    expect(
      (await post(`/v1/applications/${application.id}/transitions`, officer, { to: 'submitted', reason: '提交' }))
        .statusCode,
    ).toBe(200);
    await post(`/v1/funding-programs/${program.id}/transitions`, admin, { to: 'closed', reason: '截止' });
    // The society is suspended meanwhile (dormant): the next screening must see it.
    await post(`/v1/societies/${societyId}/transitions`, admin, { to: 'dormant', reason: '停止活动' });
    const version = (await t.request({ method: 'GET', url: `/v1/funding-programs/${program.id}`, token: admin })).json()
      .version;
    const extended = await t.request({
      method: 'PATCH',
      url: `/v1/funding-programs/${program.id}`,
      token: admin,
      headers: { 'if-match': `"${version}"` },
      payload: { closesOn: shift(today, 3) },
    });
    expect(extended.statusCode).toBe(200);
    expect(
      (await post(`/v1/funding-programs/${program.id}/transitions`, admin, { to: 'open', reason: '延期' })).statusCode,
    ).toBe(200);
    await post(`/v1/funding-programs/${program.id}/transitions`, admin, { to: 'closed', reason: '再次截止' });
    const screened = (
      await t.request({ method: 'GET', url: `/v1/applications/${application.id}`, token: admin })
    ).json();
    expect(screened.status).toBe('screening');
    expect(screened.screening.passed).toBe(false);

    const reviewer = await t.userToken('reviewer');
    const hidden = await t.request({ method: 'GET', url: `/v1/applications/${application.id}`, token: reviewer });
    expect(hidden.statusCode).toBe(404);

    const admitted = await post(`/v1/applications/${application.id}/transitions`, admin, {
      to: 'in_review',
      reason: '停滞系误登记，已核实正常活动',
    });
    expect(admitted.statusCode).toBe(200);
    const override = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log
      WHERE action = 'application.screening_override' AND resource_id = ${application.id}`.execute(t.database.db);
    expect(override.rows[0]?.n).toBe(1);
  });
});
