/**
 * A funding round in the console (SPEC §3), as the issue tells it: a society applies, staff assign,
 * three reviewers score (one declines for a conflict), staff allocate, the notice runs, the project is
 * funded. Staff set up the call with the live rubric check and publish it; a society's secretariat
 * drafts its application (with its attachment list), sees which rule fails until the budget balances,
 * previews the screening and submits; staff close the call and start review (reviewers assigned
 * automatically); one reviewer declines for a conflict on their own page and is replaced; the three
 * reviewers of the project each open it from their own queue and score it in the scoring form; staff
 * close review, read the ranking with its funding line, try the other strategy and apply the decision;
 * the notice is published on the public page, where a citizen objects; staff resolve the objection and
 * — once the notice period has passed (moved in SQL) — finalise. The project then shows 已资助 to its
 * society, which files the final report. The other society's application is scored through the API.
 */
import { randomBytes } from 'node:crypto';
import { withCreditCodeCheck } from '@society-hub/domain';
import pg from 'pg';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, type ConsoleRun, chooseOption, startConsole } from '../support/console';

const ADMIN = { username: 'admin', password: `e2e-${randomBytes(9).toString('base64url')}` };
const OFFICER = { username: 'jixie.office', password: `e2e-${randomBytes(9).toString('base64url')}` };
const OTHER_OFFICER = { username: 'yixue.office', password: `e2e-${randomBytes(9).toString('base64url')}` };
const REVIEWER_PASSWORD = `e2e-${randomBytes(9).toString('base64url')}`;
const SOCIETY = '市机械工程学会';
const OTHER_SOCIETY = '市医学会';
const SUPPORTING_UNIT = '海川理工大学';
const PROGRAM = '2026年度学会项目';
const TITLE = '智能制造学术年会';
const OTHER_TITLE = '基层医疗技术交流';

/** The Association's calendar day (Asia/Shanghai). */
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const TODAY = shanghaiToday();

let run: ConsoleRun;
let staff: Page;
let officer: Page;
let adminToken = '';
let otherOfficerToken = '';
let programId = '';
let applicationId = '';
let otherApplicationId = '';
const reviewers: { expertId: string; name: string; token: string; account: Account }[] = [];
const AUDITOR = { username: 'shenji.funding', password: `e2e-${randomBytes(9).toString('base64url')}` };

async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await run.call(token, method, path, body);
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function sql(text: string, values: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: run.databaseUrl });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

interface BoardJson {
  items: {
    applicationId: string;
    active: number;
    submitted: number;
    assignments: { id: string; expertId: string; expertName: string; status: string }[];
  }[];
}

const board = () => api<BoardJson>(adminToken, 'GET', `/v1/funding-programs/${programId}/assignments`);

/** Types a date into an antd picker input and confirms it. */
async function typeDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Moves the program on from its detail page, confirming the explained modal. */
async function moveProgram(to: string, explanation: RegExp, snapName?: string): Promise<void> {
  await staff.getByTestId(`program-move-${to}`).click();
  const modal = staff.getByTestId('program-move-modal');
  await modal.getByTestId('program-move-explain').getByText(explanation).waitFor();
  if (snapName) {
    await staff.getByTestId('program-move-confirm').waitFor();
    await staff.waitForTimeout(400);
    await run.snap(staff, snapName, false);
  }
  await staff.getByTestId('program-move-confirm').click();
  await modal.waitFor({ state: 'hidden' });
  await staff.locator(`[data-testid="program-status"][data-status="${to}"]`).first().waitFor();
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

beforeAll(async () => {
  run = await startConsole({
    artifactPrefix: 'fund-',
    expectedStatuses: [401],
    admin: ADMIN,
    stillScreenshots: true,
  });
  adminToken = await run.login(ADMIN);
  await run.seedActiveSociety(
    adminToken,
    {
      name: SOCIETY,
      type: 'society',
      discipline: 'engineering',
      creditCode: withCreditCodeCheck('51370800MJ7654321'),
      supportingUnit: SUPPORTING_UNIT,
      chairName: '高建国',
      secretaryGeneralName: '林雪',
      secretaryGeneralFullTime: true,
    },
    { ...OFFICER, displayName: '林秘书' },
  );
  await run.seedActiveSociety(
    adminToken,
    {
      name: OTHER_SOCIETY,
      type: 'society',
      discipline: 'medicine',
      creditCode: withCreditCodeCheck('51370800MJ1234567'),
    },
    { ...OTHER_OFFICER, displayName: '周秘书' },
  );
  otherOfficerToken = await run.login(OTHER_OFFICER);
  await api(adminToken, 'POST', '/v1/users', { ...AUDITOR, role: 'auditor', displayName: '沈审计' });

  // Five experts with reviewer accounts; the first works at the machinery society's supporting unit.
  const names = ['王建华', '李明远', '张慧敏', '赵立新', '钱学勤'];
  for (const [i, name] of names.entries()) {
    const expert = await api<{ id: string }>(adminToken, 'POST', '/v1/experts', {
      name,
      titleLevel: 'senior',
      disciplines: ['机械', '医学'],
      pools: ['science_technology'],
      employer: i === 0 ? SUPPORTING_UNIT : `海川市第${i}研究院`,
    });
    const username = `reviewer.${i}`;
    await api(adminToken, 'POST', '/v1/users', {
      username,
      password: REVIEWER_PASSWORD,
      role: 'reviewer',
      expertId: expert.id,
      displayName: name,
    });
    const account = { username, password: REVIEWER_PASSWORD };
    reviewers.push({ expertId: expert.id, name, token: await run.login(account), account });
  }
  staff = await run.newPage();
  officer = await run.newPage();
}, 180_000);

afterAll(async () => run?.close(), 60_000);

describe('console: a funding round', () => {
  it('lets staff set up the call, checking the rubric and budgets as they type, and publish it', async () => {
    await run.signIn(staff, ADMIN);
    await staff.locator('.ant-menu-item').filter({ hasText: '项目资助' }).click();
    await staff.waitForURL(/\/funding$/);
    await staff.getByTestId('program-create').click();
    const drawer = staff.getByTestId('program-drawer');
    await drawer.getByLabel('项目名称').fill(PROGRAM);
    await typeDate(drawer.getByPlaceholder('开始日期'), shift(TODAY, -1));
    await typeDate(drawer.getByPlaceholder('截止日期'), shift(TODAY, 10));
    // 学术与技术交流 (the second default category): a small budget, so the funding line falls inside it.
    await drawer.getByLabel('类别预算').nth(1).fill('50000');
    await drawer.getByLabel('每项评审专家数').fill('3');

    // The last criterion at 5 points: the rubric sums to 95, and the form says so before saving.
    await drawer.getByLabel('第 5 项分值').fill('5');
    await drawer.getByTestId('weights-sum-off').getByText('还差 5 分').waitFor();
    await drawer.getByTestId('problem-rubric').getByText('各项分值合计 95 分，应为 100 分').waitFor();
    // A category cap above its budget is marked on the field itself.
    await drawer.getByLabel('单项资助上限').nth(1).fill('60000');
    await drawer.getByText('单项上限 ¥60,000.00 超过类别预算 ¥50,000.00').waitFor();
    await run.snap(staff, 'program-live-checks');

    await drawer.getByLabel('第 5 项分值').fill('10');
    await drawer.getByLabel('单项资助上限').nth(1).fill('30000');
    await drawer.getByTestId('program-check-summary').getByText('设置符合全部规则').waitFor();
    await drawer.getByTestId('program-submit').click();
    await staff.waitForURL(/\/funding\/[0-9a-f-]{36}$/);
    programId = new URL(staff.url()).pathname.split('/')[2] ?? '';
    await staff.getByTestId('program-overview').waitFor();
    await run.snap(staff, 'program-draft');

    await moveProgram('open', /发布后各学会可在申报期/, 'publish-modal');
    await staff
      .getByTestId('program-next')
      .getByText(/截止后点击“截止申报”/)
      .waitFor();
  });

  it('lets the society draft its application, shows which rule fails, previews the screening and submits', async () => {
    await run.signIn(officer, OFFICER);
    await officer.goto(`${run.baseUrl}/funding`);
    const call = officer.getByTestId('open-call').filter({ hasText: PROGRAM });
    await call.waitFor();
    await run.snap(officer, 'society-open-calls');
    await call.getByTestId('apply').click();

    const drawer = officer.getByTestId('application-drawer');
    await chooseOption(officer, '申报类别', '学术与技术交流（上限 ¥30,000.00）');
    await drawer.getByLabel('项目名称').fill(TITLE);
    await drawer.getByLabel('项目简介').fill('围绕智能制造与工业软件，邀请省内外专家作主旨报告，设青年论坛。');
    await typeDate(drawer.getByLabel('计划日期'), shift(TODAY, 60));
    await drawer.getByLabel('地点').fill('海川国际会议中心');
    await drawer.getByLabel('预计参加人数').fill('300');
    const disciplines = drawer.getByTestId('application-disciplines').locator('input');
    await disciplines.fill('机械');
    await disciplines.press('Enter');
    await drawer.getByLabel('申请资助金额').fill('30000');
    await drawer.getByLabel('自筹金额').fill('5000');
    await drawer.getByLabel('第 1 条用途').fill('会场租赁');
    await drawer.getByLabel('第 1 条金额').fill('20000');
    await drawer.getByTestId('budget-lines-add').click();
    await drawer.getByLabel('第 2 条用途').fill('专家劳务');
    await drawer.getByLabel('第 2 条金额').fill('10000');
    // ¥30,000 of lines against ¥35,000 of sources: exactly the budget rule fails, with both numbers.
    const budgetRule = drawer.getByTestId('rule-budget_balanced');
    await expect.poll(() => budgetRule.getAttribute('data-ok')).toBe('no');
    await budgetRule
      .getByText('预算明细合计 ¥30,000.00，与申请 ¥30,000.00 + 自筹 ¥5,000.00 = ¥35,000.00 不一致')
      .waitFor();
    expect(await drawer.getByTestId('rule-within_cap').getAttribute('data-ok')).toBe('yes');
    await drawer.getByTestId('draft-rules').scrollIntoViewIfNeeded();
    await run.snap(officer, 'application-rule-fails');

    await drawer.getByTestId('budget-lines-add').click();
    await drawer.getByLabel('第 3 条用途').fill('资料印刷');
    await drawer.getByLabel('第 3 条金额').fill('5000');
    await expect.poll(() => budgetRule.getAttribute('data-ok')).toBe('yes');
    // The attachment list: names, sizes and a note (only the list is kept).
    await drawer.getByTestId('attachments-add').click();
    await drawer.getByLabel('第 1 个附件名称').fill('年会实施方案.pdf');
    await drawer.getByLabel('第 1 个附件大小').fill('470.8');
    await drawer.getByLabel('第 1 个附件说明').fill('含日程与邀请专家名单');
    await drawer.getByTestId('attachments-add').click();
    await drawer.getByLabel('第 2 个附件名称').fill('经费预算明细.xlsx');
    await drawer.getByTestId('attachments-add').scrollIntoViewIfNeeded();
    await run.snap(officer, 'application-attachments');
    await drawer.getByTestId('application-save').click();
    await officer.waitForURL(/\/applications\/[0-9a-f-]{36}\?tab=screening$/);
    applicationId = new URL(officer.url()).pathname.split('/')[4] ?? '';
    const screening = officer.getByTestId('screening-view');
    await screening.waitFor();
    expect(await screening.getAttribute('data-passed')).toBe('yes');
    await screening
      .getByText('3 条预算明细合计 ¥35,000.00，等于申请 ¥30,000.00 + 自筹 ¥5,000.00 = ¥35,000.00')
      .waitFor();
    await run.snap(officer, 'screening-preview');

    await openTab(officer, '申报书');
    const attachments = officer.getByTestId('application-attachments');
    await attachments.getByText('年会实施方案.pdf').waitFor();
    await attachments.getByText('含日程与邀请专家名单').waitFor();
    expect(await attachments.textContent()).toContain('471 KB');
    await attachments.getByText('经费预算明细.xlsx').waitFor();

    await officer.getByTestId('application-submit').click();
    await officer.getByTestId('application-move-confirm').click();
    await officer.locator('[data-testid="application-status"][data-status="submitted"]').first().waitFor();
    await openTab(officer, '办理记录');
    await officer.getByTestId('application-history').getByText('提交申报').waitFor();

    // The other society applies through the API: two applications compete in the category.
    const other = await api<{ id: string }>(
      otherOfficerToken,
      'POST',
      `/v1/funding-programs/${programId}/applications`,
      {
        societyId: (await api<{ societyIds: string[] }>(otherOfficerToken, 'GET', '/v1/auth/me')).societyIds[0],
        categoryCode: 'academic_exchange',
        title: OTHER_TITLE,
        requestedFen: 2_500_000,
        selfFundedFen: 0,
        budgetLines: [{ item: '会务', amountFen: 2_500_000 }],
        disciplines: ['医学'],
      },
    );
    otherApplicationId = other.id;
    await api(otherOfficerToken, 'POST', `/v1/applications/${other.id}/transitions`, {
      to: 'submitted',
      reason: '提交',
    });
  });

  it('lets staff close the call (screening) and start review, assigning reviewers without conflicts', async () => {
    await staff.reload();
    await moveProgram('closed', /自动进行形式审查/, 'close-modal');
    await openTab(staff, '申报');
    const table = staff.getByTestId('applications-table');
    await table.getByRole('row').filter({ hasText: TITLE }).getByText('形式审查').waitFor();
    await run.snap(staff, 'applications-screened');

    await moveProgram('reviewing', /自动分配 3 位评审专家/);
    await openTab(staff, '评审分配');
    const rowA = staff.getByTestId('board-table').getByRole('row').filter({ hasText: TITLE });
    await expect.poll(() => rowA.getByTestId('assignment').count()).toBe(3);
    // The expert at the society's supporting unit is never assigned to it.
    expect(await rowA.getByText(reviewers[0]?.name ?? '').count()).toBe(0);
    await run.snap(staff, 'assignment-board');
  });

  it('re-assigns when a reviewer declines for a conflict, and staff may override and recuse', async () => {
    const before = await board();
    const onA = before.items.find((r) => r.applicationId === applicationId)?.assignments ?? [];
    const decliner = reviewers.find((r) => r.expertId === onA[0]?.expertId);
    if (!decliner) throw new Error('no reviewer on the application');
    // The reviewer declines on their own page of the console.
    const reviewerPage = await run.newPage();
    await run.signIn(reviewerPage, decliner.account);
    await reviewerPage.goto(`${run.baseUrl}/reviews/${applicationId}`);
    await reviewerPage.getByTestId('decline-open').click();
    await reviewerPage.getByTestId('decline-reason').getByText('利益冲突（回避）').click();
    await reviewerPage.getByTestId('decline-note').fill('本人曾在该学会兼任副秘书长');
    await reviewerPage.getByTestId('decline-confirm').click();
    await reviewerPage.waitForURL(/\/reviews$/);
    await reviewerPage.context().close();

    await staff.reload();
    const rowA = staff.getByTestId('board-table').getByRole('row').filter({ hasText: TITLE });
    const declined = rowA.locator(`[data-testid="assignment"][data-status="declined"]`);
    await declined.getByText('利益冲突（回避）：本人曾在该学会兼任副秘书长').waitFor();
    await expect.poll(() => rowA.locator('[data-testid="assignment"][data-status="assigned"]').count()).toBe(3);
    await run.snap(staff, 'board-after-decline');

    // Staff assign the expert in conflict by hand (an override, logged), then take him off again (回避).
    const conflicted = reviewers[0]?.name ?? '';
    await rowA.getByTestId('assign-manual').click();
    await staff.getByTestId('assign-expert').click();
    await staff.keyboard.type(conflicted);
    await staff.locator('.ant-select-dropdown:visible').getByText(conflicted, { exact: false }).click();
    await staff.getByTestId('assign-reason').fill('该领域专家不足，经部门负责人同意例外指定');
    await staff.getByTestId('assign-confirm').click();
    const override = rowA.locator(`[data-testid="assignment"][data-expert="${conflicted}"]`);
    await override.getByText('就职于学会挂靠单位').waitFor();
    await override.getByText('人工指定（admin）').waitFor();
    await run.snap(staff, 'board-override');
    await override.getByTestId('recuse').click();
    await staff.getByTestId('recuse-reason').fill('与申报学会存在利益冲突，撤回例外指定');
    await staff.getByTestId('recuse-confirm').click();
    await rowA.locator(`[data-testid="assignment"][data-expert="${conflicted}"][data-status="recused"]`).waitFor();
    await expect.poll(() => rowA.locator('[data-testid="assignment"][data-status="assigned"]').count()).toBe(3);
    // Every application has its reviewers: filling up again finds nothing to do.
    await staff.getByTestId('auto-assign').click();
    await staff.getByTestId('auto-assign-result').getByText('新增 0 项分配').waitFor();
  });

  it('has the three reviewers of the project score it from their own queues in the console', async () => {
    const weights = { academic_level: 30, social_impact: 25, feasibility: 20, budget_soundness: 15, track_record: 10 };
    const scoresOf = (total: number) =>
      Object.entries(weights).map(([code, weight]) => ({ code, score: Math.round((total * weight) / 10) / 10 }));
    const current = await board();
    const onProject = current.items
      .find((r) => r.applicationId === applicationId)
      ?.assignments.filter((a) => a.status === 'assigned');
    expect(onProject).toHaveLength(3);
    const totals = [88, 84, 90];
    for (const [i, assignment] of (onProject ?? []).entries()) {
      const reviewer = reviewers.find((r) => r.expertId === assignment.expertId);
      if (!reviewer) throw new Error('unknown reviewer');
      const page = await run.newPage();
      await run.signIn(page, reviewer.account);
      // Signed in, a reviewer lands on 我的评审 and opens the project from there.
      await page.waitForURL(/\/reviews$/);
      const row = page
        .getByTestId('review-program')
        .filter({ hasText: PROGRAM })
        .getByRole('row')
        .filter({ hasText: TITLE });
      await row.getByTestId('assignment-status').getByText('待评审').waitFor();
      if (i === 0) await run.snap(page, 'reviewer-queue');
      await row.getByRole('link', { name: TITLE }).click();
      await page.waitForURL(new RegExp(`/reviews/${applicationId}$`));
      const form = page.getByTestId('score-form');
      await page.getByTestId('application-view').getByText('年会实施方案.pdf').waitFor();
      for (const { code, score } of scoresOf(totals[i] ?? 0)) {
        await form.getByTestId(`score-${code}`).fill(String(score));
      }
      await expect.poll(() => form.getByTestId('score-total').textContent()).toContain(String(totals[i]));
      await form.getByTestId('score-justification').fill('选题紧扣智能制造，方案可行，预算基本合理，建议资助。');
      if (i === 0) await run.snap(page, 'reviewer-score-form');
      await form.getByTestId('score-submit').click();
      await page.waitForURL(/\/reviews$/);
      await expect
        .poll(() =>
          page
            .getByTestId('review-program')
            .filter({ hasText: PROGRAM })
            .getByRole('row')
            .filter({ hasText: TITLE })
            .getByTestId('assignment-status')
            .textContent(),
        )
        .toBe('已评分');
      if (i === 2) await run.snap(page, 'reviewer-queue-scored');
      await page.context().close();
    }

    // The other society's application is scored through the API.
    const onOther = current.items.find((r) => r.applicationId === otherApplicationId)?.assignments ?? [];
    for (const [i, assignment] of onOther.filter((a) => a.status === 'assigned').entries()) {
      const reviewer = reviewers.find((r) => r.expertId === assignment.expertId);
      if (!reviewer) throw new Error('unknown reviewer');
      await api(reviewer.token, 'PUT', `/v1/applications/${otherApplicationId}/reviews/mine`, {
        scores: scoresOf([76, 80, 72][i] ?? 70),
        justification: '选题贴近基层需求，方案可行，预算基本合理。',
        submit: true,
      });
    }
    await staff.reload();
    await expect.poll(() => staff.locator('[data-testid="quorum"][data-met="yes"]').count()).toBe(2);
    await run.snap(staff, 'board-quorum-met');
  });

  it('closes review, shows the ranking with its funding line, tries the other strategy and applies the decision', async () => {
    await moveProgram('deciding', /每项申报至少需要 3 份已提交的评分/);
    await openTab(staff, '排名与资助');
    const category = staff.getByTestId('ranking-academic_exchange');
    await category.waitFor();
    const line = category.getByTestId('funding-line');
    await line.getByText(/资助线（最低资助得分 87\.\d\d）/).waitFor();
    expect(await line.getAttribute('data-after')).toBe('1');
    const rows = category.getByTestId('ranking-table').locator('tbody tr.ant-table-row');
    // Rank 1 funded above the line, rank 2 below it, each with the reason in words.
    await expect.poll(() => rows.first().textContent()).toContain(TITLE);
    await category
      .getByText('得分 87.33 ≥ 60.00；申请金额 ¥30,000.00，未超过剩余预算 ¥50,000.00，全额资助；资助后剩余 ¥20,000.00')
      .waitFor();
    await category
      .getByText('得分 76.00 ≥ 60.00，但申请金额 ¥25,000.00，超过剩余预算 ¥20,000.00，资助线划在此处')
      .waitFor();
    await run.snap(staff, 'ranking-funding-line');

    await staff.getByTestId('strategy-switch').getByText('试算：达线按比例资助').click();
    await staff
      .getByTestId('trial-note')
      .getByText(/拟资助 2 项，合计 ¥49,999\.99|拟资助 2 项，合计 ¥50,000\.00/)
      .waitFor();
    await category.getByTestId('category-share').getByText('90.91%').waitFor();
    await run.snap(staff, 'ranking-proportional-trial');

    await staff.getByTestId('strategy-switch').getByText('择优全额资助（项目设置）').click();
    await staff.getByTestId('allocation-apply').click();
    await staff.getByText('将按“择优全额资助”为 1 项申报确定资助，合计 ¥30,000.00；1 项不予资助。').waitFor();
    await run.snap(staff, 'apply-confirm', false);
    await staff.getByTestId('allocation-confirm').click();
    await staff.getByTestId('all-decided').waitFor();
    await expect.poll(() => staff.getByTestId('ranking-committed').textContent()).toContain('¥30,000.00');
    await run.snap(staff, 'ranking-decided');
  });

  it('runs the public notice: an objection is resolved, and the program is finalised once the notice has passed', async () => {
    await moveProgram('notice', /公示 5 个工作日/);
    // Today may be a weekend: for the objection window, start the notice today.
    await sql('UPDATE funding_programs SET notice_starts_on = $1 WHERE id = $2', [TODAY, programId]);

    // The public page, without an account: the project and its amount, no reviewer; a citizen objects.
    const visitor = await run.newPage();
    await visitor.goto(`${run.baseUrl}/notices`);
    const notice = visitor.getByTestId('notice').filter({ hasText: PROGRAM });
    await notice.getByTestId('notice-table').getByText(TITLE).waitFor();
    expect(await notice.getByTestId('notice-total').textContent()).toBe('¥30,000.00');
    expect(await notice.getByTestId('notice-phase').textContent()).toContain('受理异议');
    for (const reviewer of reviewers) expect(await notice.getByText(reviewer.name).count()).toBe(0);
    await run.snap(visitor, 'public-notice');
    await notice.getByTestId('objection-open').click();
    const form = notice.getByTestId('objection-form');
    await chooseOption(visitor, '异议对象', `${SOCIETY} — ${TITLE}`);
    await form.getByLabel('姓名').fill('周建国');
    await form.getByLabel('联系方式').fill('13800138000');
    await form.getByLabel('异议内容').fill('该项目与去年申报的年会内容重复。');
    await form.getByTestId('objection-submit').click();
    await notice.getByTestId('objection-receipt').getByText('异议已提交').waitFor();
    await run.snap(visitor, 'public-objection-receipt');

    await staff.reload();
    await openTab(staff, '公示与异议');
    const objections = staff.getByTestId('objections-table');
    await objections.getByText('周建国').waitFor();
    expect(await objections.getByText('138****8000').count()).toBe(1);
    await staff.getByTestId('objection-resolve').click();
    await staff.getByTestId('objection-outcome').getByText('异议不成立：维持资助决定').click();
    await staff.getByTestId('objection-resolution').fill('经核查，两年年会主题与议程不同，不属重复申报。');
    await run.snap(staff, 'objection-resolve', false);
    await staff.getByTestId('objection-confirm').click();
    await objections.locator('[data-testid="objection-status"]').getByText('异议不成立').waitFor();

    // The notice period passes.
    await sql('UPDATE funding_programs SET notice_starts_on = $1, notice_ends_on = $2 WHERE id = $3', [
      shift(TODAY, -10),
      shift(TODAY, -1),
      programId,
    ]);
    await staff.reload();
    await staff.getByTestId('notice-phase').getByText('公示期已结束').waitFor();
    await run.snap(staff, 'notice-ended');
    await moveProgram('finalised', /公示期满且异议均已处理后定案/);
    await openTab(staff, '概览');
    await staff
      .getByTestId('program-next')
      .getByText(/已定案/)
      .waitFor();
    await run.snap(staff, 'finalised-overview');

    // The public page keeps the ended notice (a month) with the funded project.
    await visitor.reload();
    const ended = visitor.getByTestId('notice').filter({ hasText: PROGRAM });
    await ended.getByTestId('notice-table').getByText(TITLE).waitFor();
    await expect.poll(() => ended.getByTestId('notice-phase').getAttribute('data-phase')).toBe('ended');
    expect(await ended.getByTestId('objection-open').count()).toBe(0);
    await visitor.context().close();
  });

  it('shows the project as funded to its society, which files the final report', async () => {
    await officer.goto(`${run.baseUrl}/funding`);
    const row = officer.getByTestId('own-applications').getByRole('row').filter({ hasText: TITLE });
    await row.locator('[data-testid="application-status"][data-status="funded"]').getByText('已资助').waitFor();
    await run.snap(officer, 'society-funded');
    await row.click();
    await officer
      .getByTestId('application-decision')
      .getByText('资助决定：第 1 名，全额资助，资助 ¥30,000.00')
      .waitFor();
    await run.snap(officer, 'society-application');
    await openTab(officer, '办理记录');
    await officer.getByTestId('application-history').getByText('公示期满无异议').waitFor();
    await run.snap(officer, 'society-history');
    await openTab(officer, '评审意见');
    await expect.poll(() => officer.getByTestId('review-card').count()).toBe(3);
    for (const reviewer of reviewers) expect(await officer.getByText(reviewer.name).count()).toBe(0);
    await run.snap(officer, 'society-reviews');

    await openTab(officer, '结项报告');
    const form = officer.getByTestId('final-report-form');
    await form.getByLabel('第 1 条金额').fill('19000');
    await form.getByLabel('第 2 条金额').fill('10000');
    await form.getByLabel('第 3 条金额').fill('4800');
    await form.getByTestId('spending-total').getByText('¥33,800.00').waitFor();
    await form.getByTestId('report-outcomes').fill('举办年会一次，参会 320 人，发布论文集一部。');
    await form.getByLabel('实际参加人数').fill('320');
    await run.snap(officer, 'final-report-form');
    await form.getByTestId('report-submit').click();
    await officer.getByTestId('final-report-view').waitFor();
    await officer.locator('[data-testid="application-status"][data-status="reported"]').first().waitFor();

    await staff.goto(`${run.baseUrl}/funding/${programId}?tab=reports`);
    await staff.getByTestId('funded-table').getByText(TITLE).waitFor();
    await run.snap(staff, 'final-reports');
  });

  it('shows the calls to staff in a list, to the auditor read-only, and in English', async () => {
    await staff.goto(`${run.baseUrl}/funding`);
    await staff.getByTestId('programs-table').getByText(PROGRAM).waitFor();
    await run.snap(staff, 'programs-list');

    const auditor = await run.newPage();
    await run.signIn(auditor, AUDITOR);
    await auditor.goto(`${run.baseUrl}/funding/${programId}?tab=ranking`);
    await auditor.getByTestId('ranking-academic_exchange').waitFor();
    expect(await auditor.getByTestId('program-create').count()).toBe(0);
    expect(await auditor.locator('[data-testid^="program-move-"]').count()).toBe(0);
    expect(await auditor.getByTestId('program-edit').count()).toBe(0);
    await openTab(auditor, '评审分配');
    await auditor.getByTestId('board-table').waitFor();
    expect(await auditor.getByTestId('auto-assign').count()).toBe(0);
    expect(await auditor.getByTestId('recuse').count()).toBe(0);
    await run.snap(auditor, 'auditor-board');
    await auditor.context().close();

    await staff.goto(`${run.baseUrl}/funding/${programId}?tab=ranking`);
    await staff.getByTestId('language-switch').click();
    await staff.getByRole('tab', { name: 'Ranking and funding' }).waitFor();
    await staff
      .getByTestId('funding-line')
      .getByText('Funding line (lowest funded score 87.33)', { exact: false })
      .waitFor();
    await run.snap(staff, 'ranking-english');
    await staff.getByTestId('language-switch').click();
    await staff.getByRole('tab', { name: '排名与资助' }).waitFor();
  });

  it('leaves no unexpected browser errors', () => {
    expect(run.browserErrors).toEqual([]);
  });
});
