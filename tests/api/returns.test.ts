/**
 * Returns for correction (退回修改, issue 21): staff send an annual report or an application in
 * screening back with comments and a deadline on the working-day calendar; the society corrects and
 * files it again; every round is kept; a missed deadline has its consequence.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { annualReportContent } from '../support/annual-report';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
let officer: string;
let otherOfficer: string;
let society: string;
let otherSociety: string;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function call(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  token: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return t.request({
    method,
    url,
    token,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

async function activeSociety(name: string): Promise<string> {
  const id = await t.createSociety(admin, { name, creditCode: nextCreditCode() });
  expect(
    (await call('POST', `/v1/societies/${id}/transitions`, admin, { to: 'active', reason: '成立' })).statusCode,
  ).toBe(200);
  return id;
}

/** Makes a round's deadline a day that has passed, as if the society had let it run out. */
async function letDeadlinePass(resourceId: string) {
  await sql`UPDATE returns SET deadline = '2026-01-05' WHERE resource_id = ${resourceId} AND resolved_at IS NULL`.execute(
    t.database.db,
  );
}

const comments = [
  { section: '/content/finances/incomeTotalFen', comment: '收入合计与财务报表不一致，请核对' },
  { section: '会员之家', comment: '请补充固定活动场所的证明材料' },
];

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
  society = await activeSociety('市退回修改测试学会');
  otherSociety = await activeSociety('市另一测试学会');
  officer = await t.userToken('society_officer', [society]);
  otherOfficer = await t.userToken('society_officer', [otherSociety]);
});
afterAll(async () => t?.close());

describe('an annual report returned for correction', () => {
  const report = () => `/v1/societies/${society}/annual-reports/2025`;

  beforeAll(async () => {
    const filed = await call('POST', `/v1/societies/${society}/annual-reports`, officer, {
      year: 2025,
      content: annualReportContent(),
      submit: true,
    });
    expect(filed.statusCode).toBe(201);
  });

  it('is sent back only by staff, with comments and a deadline five working days on', async () => {
    const byOfficer = await call('POST', `${report()}/returns`, officer, { reason: '自己退回', comments });
    expect(byOfficer.statusCode).toBe(403);

    const returned = await call('POST', `${report()}/returns`, admin, { reason: '材料不全', comments });
    expect(returned.statusCode).toBe(201);
    expect(returned.headers.location).toBe(`${report()}/returns`);
    expect(returned.json()).toMatchObject({ round: 1, comments, standing: 'waiting', resolvedAt: null });
    expect(returned.json().deadline > today).toBe(true);

    const shown = (await call('GET', report(), officer)).json();
    expect(shown.status).toBe('returned');
    // Only one return at a time: a returned report is not submitted.
    const again = await call('POST', `${report()}/returns`, admin, { reason: '再退', comments });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invalid_transition');
  });

  it('counts as not filed while returned: the inspection can record only absent', async () => {
    const pass = await call('PUT', `/v1/societies/${society}/inspections/2025`, admin, { result: 'pass' });
    expect(pass.statusCode).toBe(422);
    expect(pass.json().errors[0].code).toBe('no_report');
  });

  it('is corrected and filed again by its own society only, and keeps every round', async () => {
    const corrected = { ...annualReportContent(), staff: { fullTime: 3, partTime: 3 } };
    let version = (await call('GET', report(), officer)).json().version;
    const edited = await call('PUT', report(), officer, { content: corrected }, { 'if-match': `"${version}"` });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().status).toBe('returned');

    version = edited.json().version;
    const byStaff = await call(
      'PUT',
      report(),
      admin,
      { content: corrected, submit: true },
      { 'if-match': `"${version}"` },
    );
    expect(byStaff.statusCode).toBe(403);

    const refiled = await call(
      'PUT',
      report(),
      officer,
      { content: corrected, submit: true },
      { 'if-match': `"${version}"` },
    );
    expect(refiled.statusCode).toBe(200);
    expect(refiled.json()).toMatchObject({ status: 'submitted', content: { staff: { fullTime: 3 } } });

    // A second round, resolved in turn.
    const second = await call('POST', `${report()}/returns`, admin, {
      reason: '仍有遗漏',
      comments: [{ section: '人员情况', comment: '请说明兼职人员构成' }],
      deadline: '2099-01-01',
    });
    expect(second.json()).toMatchObject({ round: 2, deadline: '2099-01-01' });
    version = (await call('GET', report(), officer)).json().version;
    const refiledAgain = await call(
      'PUT',
      report(),
      officer,
      { content: corrected, submit: true },
      { 'if-match': `"${version}"` },
    );
    expect(refiledAgain.statusCode).toBe(200);

    const rounds = (await call('GET', `${report()}/returns`, officer)).json().items;
    expect(rounds.map((r: { round: number; standing: string }) => [r.round, r.standing])).toEqual([
      [1, 'resolved'],
      [2, 'resolved'],
    ]);
    expect(rounds[0].comments).toEqual(comments);
    expect(rounds[0].returnedBy.username).toBe(ADMIN.username);

    const history = await sql<{ from_status: string; to_status: string }>`
      SELECT from_status, to_status FROM status_transitions
      WHERE resource_type = 'annual_report' AND resource_id = ${refiled.json().id} ORDER BY at, id`.execute(
      t.database.db,
    );
    expect(history.rows.map((r) => `${r.from_status}→${r.to_status}`)).toEqual([
      'submitted→returned',
      'returned→submitted',
      'submitted→returned',
      'returned→submitted',
    ]);
  });

  it('is not found for another society, whose officer cannot read or return it either', async () => {
    expect((await call('GET', `${report()}/returns`, otherOfficer)).statusCode).toBe(404);
    expect((await call('POST', `${report()}/returns`, otherOfficer, { reason: '越权', comments })).statusCode).toBe(
      403,
    );
  });

  it('refuses a deadline in the past', async () => {
    const past = await call('POST', `${report()}/returns`, admin, { reason: '退回', comments, deadline: '2020-01-01' });
    expect(past.statusCode).toBe(422);
    expect(past.json().errors[0]).toMatchObject({ path: '/body/deadline', code: 'in_past' });
  });

  it('past its deadline stays returned, cannot be filed again, and shows as overdue', async () => {
    const returned = await call('POST', `${report()}/returns`, admin, { reason: '第三次退回', comments });
    expect(returned.json().round).toBe(3);
    await letDeadlinePass(returned.json().resourceId);

    const version = (await call('GET', report(), officer)).json().version;
    const late = await call(
      'PUT',
      report(),
      officer,
      { content: annualReportContent(), submit: true },
      { 'if-match': `"${version}"` },
    );
    expect(late.statusCode).toBe(422);
    expect(late.json().errors[0].code).toBe('return_overdue');
    expect((await call('GET', report(), officer)).json().status).toBe('returned');
    const rounds = (await call('GET', `${report()}/returns`, admin)).json().items;
    expect(rounds.at(-1).standing).toBe('overdue');

    const reminders = (await call('GET', '/v1/reminders', officer)).json().items;
    expect(reminders).toContainEqual(
      expect.objectContaining({ kind: 'return', urgency: 'overdue', resourceId: returned.json().resourceId }),
    );
    const dashboard = (await call('GET', '/v1/stats/dashboard', officer)).json();
    expect(dashboard.returns).toMatchObject({ overdue: 1, annualReports: { overdue: 1, waiting: 0 } });
  });
});

describe('the deadline on the working-day calendar', () => {
  it('counts five working days from 2026-09-30 across 国庆节 and its make-up Saturday: 2026-10-13', async () => {
    const year = await activeSociety('市国庆测试学会');
    const filed = await call('POST', `/v1/societies/${year}/annual-reports`, admin, {
      year: 2025,
      content: annualReportContent(),
      submit: true,
    });
    expect(filed.statusCode).toBe(201);
    // Only the clock is moved: the day before the holiday, 10:00 in Beijing.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-09-30T02:00:00Z') });
    try {
      const returned = await call('POST', `/v1/societies/${year}/annual-reports/2025/returns`, admin, {
        reason: '节前退回',
        comments,
      });
      expect(returned.statusCode).toBe(201);
      // 10-01..07 off; 10-08 (1), 10-09 (2), Saturday 10-10 make-up day (3), 10-12 (4), 10-13 (5).
      expect(returned.json().deadline).toBe('2026-10-13');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('an application returned in screening', () => {
  let program: string;
  let application: string;

  beforeAll(async () => {
    program = (
      await call('POST', '/v1/funding-programs', admin, {
        name: '退回修改测试项目',
        year: Number(today.slice(0, 4)),
        opensOn: today,
        closesOn: today,
        totalBudgetFen: 20_000_000,
        reviewersPerApplication: 3,
        categories: [
          { code: 'academic_exchange', name: '学术交流', capFen: 10_000_000, budgetFen: 12_000_000 },
          { code: 'popularisation', name: '科普活动', capFen: 5_000_000, budgetFen: 8_000_000 },
        ],
      })
    ).json().id;
    expect(
      (await call('POST', `/v1/funding-programs/${program}/transitions`, admin, { to: 'open', reason: '开放' }))
        .statusCode,
    ).toBe(200);
    // Two applications in one category: the program allows one, so both fail 形式审查 (one_per_category).
    const ids: string[] = [];
    for (const title of ['学术年会', '科普讲座']) {
      const created = await call('POST', `/v1/funding-programs/${program}/applications`, officer, {
        societyId: society,
        categoryCode: 'academic_exchange',
        title,
        requestedFen: 1_000_000,
        selfFundedFen: 0,
        budgetLines: [{ item: '会场', amountFen: 1_000_000 }],
      });
      expect(created.statusCode).toBe(201);
      const submitted = await call('POST', `/v1/applications/${created.json().id}/transitions`, officer, {
        to: 'submitted',
        reason: '提交',
      });
      expect(submitted.statusCode).toBe(200);
      ids.push(created.json().id);
    }
    application = ids[1] ?? '';
    expect(
      (await call('POST', `/v1/funding-programs/${program}/transitions`, admin, { to: 'closed', reason: '截止' }))
        .statusCode,
    ).toBe(200);
    const screening = (await call('GET', `/v1/applications/${application}/screening`, officer)).json();
    expect(screening.passed).toBe(false);
    expect(screening.checks.find((c: { code: string }) => c.code === 'one_per_category').passed).toBe(false);
  });

  it('is returned only by staff and only through …/returns', async () => {
    const byOfficer = await call('POST', `/v1/applications/${application}/returns`, officer, {
      reason: '退',
      comments,
    });
    expect(byOfficer.statusCode).toBe(403);
    const byTransition = await call('POST', `/v1/applications/${application}/transitions`, admin, {
      to: 'returned',
      reason: '退回',
    });
    expect(byTransition.statusCode).toBe(422);
    const foreign = await call('GET', `/v1/applications/${application}/returns`, otherOfficer);
    expect(foreign.statusCode).toBe(404);

    const returned = await call('POST', `/v1/applications/${application}/returns`, admin, {
      reason: '同一类别限报一项',
      comments: [{ section: '/categoryCode', comment: '科普讲座请改报科普活动类别' }],
    });
    expect(returned.statusCode).toBe(201);
    expect(returned.json()).toMatchObject({ round: 1, standing: 'waiting', resourceType: 'funding_application' });
    expect((await call('GET', `/v1/applications/${application}`, officer)).json().status).toBe('returned');
  });

  it('holds review back while it may still be filed again', async () => {
    const review = await call('POST', `/v1/funding-programs/${program}/transitions`, admin, {
      to: 'reviewing',
      reason: '评审',
    });
    expect(review.statusCode).toBe(409);
  });

  it('is corrected and submitted again by its society, screened again, and passes', async () => {
    const byOther = await call('POST', `/v1/applications/${application}/transitions`, otherOfficer, {
      to: 'submitted',
      reason: '越权',
    });
    expect(byOther.statusCode).toBe(404);
    const version = (await call('GET', `/v1/applications/${application}`, officer)).json().version;
    const patched = await call(
      'PATCH',
      `/v1/applications/${application}`,
      officer,
      { categoryCode: 'popularisation' },
      { 'if-match': `"${version}"` },
    );
    expect(patched.statusCode).toBe(200);
    const byStaff = await call('POST', `/v1/applications/${application}/transitions`, admin, {
      to: 'submitted',
      reason: '代交',
    });
    expect(byStaff.statusCode).toBe(403);

    const resubmitted = await call('POST', `/v1/applications/${application}/transitions`, officer, {
      to: 'submitted',
      reason: '已按意见修改',
    });
    expect(resubmitted.statusCode).toBe(200);
    expect(resubmitted.json().status).toBe('screening');
    const screening = (await call('GET', `/v1/applications/${application}/screening`, officer)).json();
    expect(screening.passed).toBe(true);

    const history = (await call('GET', `/v1/applications/${application}/transitions`, officer)).json().items;
    expect(history.map((h: { from: string; to: string }) => `${h.from}→${h.to}`)).toEqual([
      'draft→submitted',
      'submitted→screening',
      'screening→returned',
      'returned→submitted',
      'submitted→screening',
    ]);
    const rounds = (await call('GET', `/v1/applications/${application}/returns`, officer)).json().items;
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ standing: 'resolved', comments: [{ section: '/categoryCode' }] });
  });

  it('is rejected once its deadline has passed with nothing filed again', async () => {
    const returned = await call('POST', `/v1/applications/${application}/returns`, admin, {
      reason: '预算说明不足',
      comments: [{ section: '/budgetLines/0', comment: '请细化会场费用' }],
    });
    expect(returned.json().round).toBe(2);
    const waiting = (await call('GET', '/v1/stats/dashboard', admin)).json().returns;
    expect(waiting.applications).toEqual({ waiting: 1, overdue: 0 });
    await letDeadlinePass(application);

    const read = (await call('GET', `/v1/applications/${application}`, officer)).json();
    expect(read.status).toBe('rejected');
    const rounds = (await call('GET', `/v1/applications/${application}/returns`, officer)).json().items;
    expect(rounds.map((r: { standing: string }) => r.standing)).toEqual(['resolved', 'expired']);
    const history = (await call('GET', `/v1/applications/${application}/transitions`, admin)).json().items;
    expect(history.at(-1)).toMatchObject({ from: 'returned', to: 'rejected', actor: { username: 'system' } });
    expect(history.at(-1).reason).toMatch(/not filed again by the return’s deadline 2026-01-05/);
  });
});

describe('a final report returned for correction', () => {
  let project: string;
  const finalReport = (outcomes: string) => ({
    actualSpendingFen: 1_000_000,
    spendingLines: [{ item: '会场', amountFen: 1_000_000 }],
    outcomes,
    participants: 120,
  });

  const fileFinalReport = async (body: ReturnType<typeof finalReport>) => {
    const { version } = (await call('GET', `/v1/applications/${project}`, officer)).json();
    return call('PUT', `/v1/applications/${project}/final-report`, officer, body, { 'if-match': `"${version}"` });
  };

  beforeAll(async () => {
    const program = (
      await call('POST', '/v1/funding-programs', admin, {
        name: '结项退回测试项目',
        year: Number(today.slice(0, 4)),
        opensOn: today,
        closesOn: today,
        totalBudgetFen: 20_000_000,
      })
    ).json().id;
    // A funded project as the allocation and the notice leave it (their steps are tested in funding.test.ts).
    project = crypto.randomUUID();
    await sql`
      INSERT INTO funding_applications (id, program_id, society_id, category_code, title, disciplines, budget_lines,
        requested_fen, self_funded_fen, attachments, status, allocated_fen, created_at, updated_at)
      VALUES (${project}, ${program}, ${society}, 'journal', '学术期刊出版', '[]', '[]', 1000000, 0, '[]', 'funded',
        1000000, now(), now())`.execute(t.database.db);
    const filed = await fileFinalReport(finalReport('全年出版学术期刊两期，组稿六十篇。'));
    expect(filed.statusCode).toBe(200);
    expect(filed.json().status).toBe('reported');
  });

  it('goes back to funded with comments, is filed again and keeps its round', async () => {
    expect(
      (await call('POST', `/v1/applications/${project}/returns`, officer, { reason: '退', comments })).statusCode,
    ).toBe(403);
    const returned = await call('POST', `/v1/applications/${project}/returns`, admin, {
      reason: '结项材料不足',
      comments: [{ section: '/outcomes', comment: '请补充期刊发行量与引用情况' }],
    });
    expect(returned.statusCode).toBe(201);
    expect(returned.json()).toMatchObject({ resourceType: 'final_report', round: 1, standing: 'waiting' });
    expect((await call('GET', `/v1/applications/${project}`, officer)).json().status).toBe('funded');
    // Closing needs the report: the project is no longer reported.
    const close = await call('POST', `/v1/applications/${project}/transitions`, admin, {
      to: 'closed',
      reason: '结项',
    });
    expect(close.statusCode).toBe(409);

    const refiled = await fileFinalReport(finalReport('出版两期，发行三千册，被引用四十次。'));
    expect(refiled.statusCode).toBe(200);
    expect(refiled.json().status).toBe('reported');
    const rounds = (await call('GET', `/v1/applications/${project}/returns`, officer)).json().items;
    expect(rounds).toEqual([expect.objectContaining({ resourceType: 'final_report', standing: 'resolved' })]);
    const history = (await call('GET', `/v1/applications/${project}/transitions`, officer)).json().items;
    expect(history.map((h: { from: string; to: string }) => `${h.from}→${h.to}`)).toEqual([
      'funded→reported',
      'reported→funded',
      'funded→reported',
    ]);
  });
});
