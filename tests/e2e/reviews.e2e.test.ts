/**
 * Project funding in the console, from the expert's and the public's side (SPEC §3): a reviewer lands on
 * 我的评审, scores an application (a too-short justification is caught before it is sent), declines
 * another for a conflict, declares an interest that gives up a third, and reads the anonymous scores of a
 * program whose review has closed; anyone reads the public notice without an account and may object —
 * anonymously refused, signed accepted, rate-limited after that; staff check the working-day calendar
 * and a notice length on it.
 */
import { randomBytes } from 'node:crypto';
import { withCreditCodeCheck } from '@society-hub/domain';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, type ConsoleRun, chooseOption, startConsole } from '../support/console';

const ADMIN = { username: 'admin', password: `e2e-${randomBytes(9).toString('base64url')}` };
const password = () => `e2e-${randomBytes(9).toString('base64url')}`;
const REVIEWER: Account = { username: 'wang.pingshen', password: password() };

const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const TODAY = shanghaiToday();
const YEAR = Number(TODAY.slice(0, 4));

const FIRST = `${YEAR}年度学会项目（第一批）`;
const SECOND = `${YEAR}年度学会项目（第二批）`;
const SOCIETIES = { a: '市机械工程学会', b: '市医学会', c: '市农学会' } as const;
type SocietyKey = keyof typeof SOCIETIES;

interface Application {
  id: string;
  title: string;
}

let run: ConsoleRun;
let token = '';
let page: Page;
const societyIds: Record<SocietyKey, string> = { a: '', b: '', c: '' };
const officers: Record<SocietyKey, string> = { a: '', b: '', c: '' };
const experts: { id: string; name: string; token: string }[] = [];
let firstProgram = '';
let secondProgram = '';
/** The first round's applications (under public notice). */
const round1: Record<'a' | 'b', Application> = {
  a: { id: '', title: '智能制造学术年会' },
  b: { id: '', title: '基层医疗技术交流' },
};
/** The second round's (under review), with a third from society C. */
const round2: Record<'a' | 'b', Application> = {
  a: { id: '', title: '机械工程青年论坛' },
  b: { id: '', title: '医学科普进社区' },
};
const snap = (name: string, target: Page = page, fullPage = true) => run.snap(target, name, fullPage);

async function api<T>(bearer: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await run.call(bearer, method, path, body);
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

/** The rubric's weights 30/25/20/15/10, the total spread over them. */
function scoresFor(total: number) {
  return [
    { code: 'academic_level', score: Math.round(total * 3) / 10 },
    { code: 'social_impact', score: Math.round(total * 2.5) / 10 },
    { code: 'feasibility', score: Math.round(total * 2) / 10 },
    { code: 'budget_soundness', score: Math.round(total * 1.5) / 10 },
    { code: 'track_record', score: Math.round(total) / 10 },
  ];
}

async function createProgram(name: string): Promise<string> {
  const program = await api<{ id: string }>(token, 'POST', '/v1/funding-programs', {
    name,
    year: YEAR,
    opensOn: shift(TODAY, -1),
    closesOn: shift(TODAY, 10),
    totalBudgetFen: 20_000_000,
    reviewersPerApplication: 3,
    categories: [
      { code: 'academic_exchange', name: '学术交流', capFen: 10_000_000, budgetFen: 12_000_000 },
      { code: 'popularisation', name: '科普活动', capFen: 5_000_000, budgetFen: 8_000_000 },
    ],
  });
  await api(token, 'POST', `/v1/funding-programs/${program.id}/transitions`, { to: 'open', reason: '发布申报通知' });
  return program.id;
}

async function apply(
  programId: string,
  society: SocietyKey,
  body: { title: string; categoryCode: string; requestedFen: number } & Record<string, unknown>,
): Promise<string> {
  const selfFundedFen = typeof body.selfFundedFen === 'number' ? body.selfFundedFen : 0;
  const created = await api<{ id: string }>(
    officers[society],
    'POST',
    `/v1/funding-programs/${programId}/applications`,
    {
      societyId: societyIds[society],
      selfFundedFen,
      budgetLines: [{ item: '合计', amountFen: body.requestedFen + selfFundedFen }],
      ...body,
    },
  );
  await api(officers[society], 'POST', `/v1/applications/${created.id}/transitions`, {
    to: 'submitted',
    reason: '提交申报',
  });
  return created.id;
}

async function toReview(programId: string): Promise<void> {
  await api(token, 'POST', `/v1/funding-programs/${programId}/transitions`, { to: 'closed', reason: '申报截止' });
  await api(token, 'POST', `/v1/funding-programs/${programId}/transitions`, { to: 'reviewing', reason: '开始评审' });
}

interface Board {
  items: { applicationId: string; assignments: { expertId: string; status: string }[] }[];
}

beforeAll(async () => {
  run = await startConsole({
    artifactPrefix: 'rev-',
    // 401: the session check of a visitor without one; 429: the objection rate limit, provoked on purpose.
    expectedStatuses: [401, 429],
    admin: ADMIN,
    env: { OBJECTIONS_PER_HOUR: '1' },
    stillScreenshots: true,
  });
  token = await run.login(ADMIN);
  for (const [i, key] of (['a', 'b', 'c'] as const).entries()) {
    const officer = { username: `officer.${key}`, password: password(), displayName: `${SOCIETIES[key]}秘书处` };
    societyIds[key] = await run.seedActiveSociety(
      token,
      {
        name: SOCIETIES[key],
        type: 'society',
        discipline: key === 'b' ? 'medicine' : key === 'c' ? 'agriculture' : 'engineering',
        creditCode: withCreditCodeCheck(`51370800MJ246810${i}`),
      },
      officer,
    );
    officers[key] = await run.login({ username: officer.username, password: officer.password });
  }

  // Three experts with reviewer accounts; the first is the one who signs in to the console.
  for (const [i, name] of ['王评审', '李评审', '张评审'].entries()) {
    const expert = await api<{ id: string }>(token, 'POST', '/v1/experts', {
      name,
      titleLevel: 'senior',
      disciplines: ['机械', '医学', '农学'],
      pools: ['science_technology'],
      employer: `海川理工大学第${i + 1}研究所`,
    });
    const account = i === 0 ? REVIEWER : { username: `reviewer.${i}`, password: password() };
    await api(token, 'POST', '/v1/users', {
      ...account,
      displayName: name,
      role: 'reviewer',
      expertId: expert.id,
    });
    experts.push({ id: expert.id, name, token: await run.login(account) });
  }

  // The first round goes all the way to the public notice.
  firstProgram = await createProgram(FIRST);
  round1.a.id = await apply(firstProgram, 'a', {
    title: round1.a.title,
    categoryCode: 'academic_exchange',
    requestedFen: 6_000_000,
  });
  round1.b.id = await apply(firstProgram, 'b', {
    title: round1.b.title,
    categoryCode: 'popularisation',
    requestedFen: 4_000_000,
  });
  await toReview(firstProgram);
  for (const [i, expert] of experts.entries()) {
    for (const [j, applicationId] of [round1.a.id, round1.b.id].entries()) {
      await api(expert.token, 'PUT', `/v1/applications/${applicationId}/reviews/mine`, {
        scores: scoresFor(88 - i * 4 - j * 6),
        justification: '选题有价值，方案可行，预算基本合理。',
        submit: true,
      });
    }
  }
  await api(token, 'POST', `/v1/funding-programs/${firstProgram}/transitions`, { to: 'deciding', reason: '评审结束' });
  await api(token, 'POST', `/v1/funding-programs/${firstProgram}/allocation`, {});
  await api(token, 'POST', `/v1/funding-programs/${firstProgram}/transitions`, {
    to: 'notice',
    reason: '拟资助项目公示',
  });
  // The notice starts on the next working day; start it today so objections are taken now.
  await sql('UPDATE funding_programs SET notice_starts_on = $1 WHERE id = $2', [TODAY, firstProgram]);

  // The second round is under review: the reviewer scores one, declines one, declares an interest in the third.
  secondProgram = await createProgram(SECOND);
  round2.a.id = await apply(secondProgram, 'a', {
    title: round2.a.title,
    categoryCode: 'academic_exchange',
    requestedFen: 8_000_000,
    selfFundedFen: 2_000_000,
    summary: '围绕智能制造与工业软件，邀请省内外青年学者交流最新成果，设主旨报告 4 场、分论坛 3 个。',
    plannedOn: shift(TODAY, 60),
    place: '市科技会堂',
    expectedParticipants: 260,
    disciplines: ['机械'],
    budgetLines: [
      { item: '会场租赁', amountFen: 4_000_000 },
      { item: '专家劳务', amountFen: 3_500_000 },
      { item: '资料印刷', amountFen: 2_500_000 },
    ],
    attachments: [
      { name: '论坛实施方案.pdf', sizeBytes: 482_113, note: '含日程安排' },
      { name: '经费预算明细.xlsx', sizeBytes: 18_944 },
    ],
  });
  round2.b.id = await apply(secondProgram, 'b', {
    title: round2.b.title,
    categoryCode: 'popularisation',
    requestedFen: 3_000_000,
  });
  await apply(secondProgram, 'c', {
    title: '农业新技术田间课堂',
    categoryCode: 'popularisation',
    requestedFen: 2_000_000,
  });
  await toReview(secondProgram);
  // A fourth expert joins afterwards: whatever the reviewer gives up goes to them.
  await api(token, 'POST', '/v1/experts', {
    name: '赵评审',
    titleLevel: 'senior',
    disciplines: ['机械', '医学', '农学'],
    pools: ['science_technology'],
    employer: '市农业科学院',
  });
  page = await run.newPage();
}, 180_000);

afterAll(async () => run?.close(), 60_000);

describe('console: reviewing, the public notice and the working-day calendar', () => {
  it('lands the reviewer on 我的评审 with only that in the menu', async () => {
    await run.signIn(page, REVIEWER);
    await page.waitForURL(/\/reviews$/);
    const menu = page.locator('.ant-menu-item');
    await expect.poll(() => menu.count()).toBe(1);
    expect(await menu.first().textContent()).toContain('我的评审');
    const programs = page.getByTestId('review-program');
    await expect.poll(() => programs.count()).toBe(2);
    const open = programs.filter({ hasText: SECOND });
    await open.getByRole('row').filter({ hasText: round2.a.title }).waitFor();
    expect(await open.getByTestId('assignment-status').allTextContents()).toEqual(['待评审', '待评审', '待评审']);
    expect(await open.textContent()).toContain('¥80,000.00');
    await snap('queue');
  });

  it('scores an application, the checks live and the short justification refused', async () => {
    await page.getByRole('link', { name: round2.a.title }).click();
    await page.waitForURL(new RegExp(`/reviews/${round2.a.id}$`));
    const view = page.getByTestId('application-view');
    await view.getByText('市科技会堂').waitFor();
    expect(await view.getByTestId('application-budget').textContent()).toContain('¥100,000.00');
    await view.getByText('论坛实施方案.pdf').waitFor();
    expect(await page.getByTestId('other-reviews-hidden').textContent()).toContain('其他 2 位专家的评分不可见');

    // A draft may be incomplete; it is there when the reviewer comes back.
    const form = page.getByTestId('score-form');
    await form.getByLabel('社会影响').fill('21');
    await form.getByTestId('score-save-draft').click();
    await page.getByText('草稿已保存').waitFor();
    await page.reload();
    await expect.poll(() => form.getByLabel('社会影响').inputValue()).toMatch(/^21(\.0)?$/);

    await form.getByLabel('学术水平').fill('35');
    await form.getByText('应在 0–30 分之间').waitFor();
    await form.getByLabel('学术水平').fill('26');
    await form.getByLabel('可行性').fill('17.5');
    await form.getByLabel('预算合理性').fill('12.25');
    await form.getByText('最多保留一位小数').waitFor();
    await form.getByLabel('预算合理性').fill('12');
    await form.getByLabel('以往绩效').fill('8');
    await expect.poll(() => form.getByTestId('score-total').textContent()).toContain('84.5');
    await form.getByLabel('评审意见').fill('好');
    await form.getByTestId('score-submit').click();
    await form.getByText('评审意见至少需要 10 个字，当前 1 个字').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await snap('short-justification');

    await form
      .getByLabel('评审意见')
      .fill('论坛选题紧扣智能制造，邀请专家层次较高；预算中专家劳务比例偏高，建议压缩。');
    await form.getByTestId('score-submit').click();
    await page.waitForURL(/\/reviews$/);
    const row = page
      .getByTestId('review-program')
      .filter({ hasText: SECOND })
      .getByRole('row')
      .filter({ hasText: round2.a.title });
    await expect.poll(() => row.getByTestId('assignment-status').textContent()).toBe('已评分');
    expect(await row.textContent()).toContain('84.5');

    const mine = await api<{ items: { mine: boolean; status: string; total: number }[] }>(
      experts[0]?.token ?? '',
      'GET',
      `/v1/applications/${round2.a.id}/reviews`,
    );
    expect(mine.items.find((review) => review.mine)).toMatchObject({ status: 'submitted', total: 84.5 });
  });

  it('declines another assignment for a conflict, and it goes to another expert', async () => {
    await page.getByRole('link', { name: round2.b.title }).click();
    await page.waitForURL(new RegExp(`/reviews/${round2.b.id}$`));
    await page.getByTestId('decline-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('利益冲突（回避）').click();
    await dialog.getByTestId('decline-confirm').click();
    await dialog.getByText('请说明与申报学会的利益关系').waitFor();
    await dialog.getByLabel('说明').fill('本人近三年在市医学会兼任副秘书长。');
    await expect.poll(() => dialog.getByText('请说明与申报学会的利益关系').count()).toBe(0);
    await snap('decline-dialog', page, false);
    await dialog.getByTestId('decline-confirm').click();
    await page.waitForURL(/\/reviews$/);
    await page.getByText('已谢绝评审，该申报已重新分配给其他专家').waitFor();
    const open = page.getByTestId('review-program').filter({ hasText: SECOND });
    await expect.poll(() => open.getByRole('row').filter({ hasText: round2.b.title }).count()).toBe(0);

    const board = await api<Board>(token, 'GET', `/v1/funding-programs/${secondProgram}/assignments`);
    const onB = board.items.find((item) => item.applicationId === round2.b.id)?.assignments ?? [];
    expect(onB.find((a) => a.expertId === experts[0]?.id)?.status).toBe('declined');
    expect(onB.filter((a) => a.status === 'assigned')).toHaveLength(3);
  });

  it('declares an interest in a society and gives up that assignment', async () => {
    const open = page.getByTestId('review-program').filter({ hasText: SECOND });
    await open.getByTestId('declaration-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('需回避的学会').fill('农学');
    await page.locator('.ant-select-dropdown:visible').getByTitle(SOCIETIES.c, { exact: true }).click();
    await dialog.getByLabel('补充说明').fill('本人担任市农学会常务理事。');
    await dialog.getByTestId('declaration-save').click();
    const result = dialog.getByTestId('declaration-result');
    await result.getByText('您已退出 1 项评审任务').waitFor();
    await snap('declaration-result', page, false);
    await dialog.getByTestId('declaration-done').click();
    await expect.poll(() => open.getByRole('row').filter({ hasText: '农业新技术田间课堂' }).count()).toBe(0);
    await open.getByTestId('declared-count').filter({ hasText: '已申报回避 1 个学会' }).waitFor();
  });

  it('shows the other reviewers’ anonymous scores once review has closed', async () => {
    await page.getByRole('link', { name: round1.a.title }).click();
    await page.waitForURL(new RegExp(`/reviews/${round1.a.id}$`));
    const others = page.getByTestId('other-reviews');
    await others.getByTestId('other-reviews-table').getByRole('columnheader', { name: '评审专家 B' }).waitFor();
    expect(await others.textContent()).not.toMatch(/李评审|张评审/);
    await page.getByTestId('score-form').getByText('本项目评审已结束，以下为您提交的评分。').waitFor();
    await snap('closed-review');

    await page.getByTestId('language-switch').click();
    await others.getByTestId('other-reviews-table').getByRole('columnheader', { name: 'Reviewer B' }).waitFor();
    await snap('closed-review-english');
    await page.getByTestId('language-switch').click();
    await others.getByTestId('other-reviews-table').getByRole('columnheader', { name: '评审专家 B' }).waitFor();
  });

  it('publishes the notice without login; an anonymous objection is refused, a signed one taken', async () => {
    const visitor = await run.newPage();
    await visitor.goto(`${run.baseUrl}/login`);
    await visitor.getByTestId('login-notices').waitFor();
    await snap('login-link', visitor, false);
    await visitor.getByTestId('login-notices').click();
    await visitor.waitForURL(/\/notices$/);
    expect(await visitor.getByTestId('public-org').textContent()).toBe('市科学技术协会');
    const notice = visitor.getByTestId('notice').filter({ hasText: FIRST });
    await notice.getByTestId('notice-table').getByText(round1.a.title).waitFor();
    expect(await notice.getByTestId('notice-total').textContent()).toBe('¥100,000.00');
    expect(await notice.getByTestId('notice-phase').textContent()).toContain('受理异议');
    expect(await notice.textContent()).not.toMatch(/评审专家|王评审/);
    await snap('public-notice', visitor);

    await notice.getByTestId('objection-open').click();
    const form = notice.getByTestId('objection-form');
    await chooseOption(visitor, '异议对象', `${SOCIETIES.a} — ${round1.a.title}`);
    await form.getByLabel('姓名').fill('匿名');
    await form.getByLabel('联系方式').fill('13800138000');
    await form.getByLabel('异议内容').fill('该项目与去年申报的项目内容重复。');
    await form.getByTestId('objection-submit').click();
    await form.getByText('请署真实姓名或单位名称，匿名异议不予受理').waitFor();
    await snap('objection-anonymous', visitor);

    await form.getByLabel('姓名').fill('周建国');
    await form.getByTestId('objection-submit').click();
    const receipt = notice.getByTestId('objection-receipt');
    await receipt.getByText('异议已提交').waitFor();
    const reference = await receipt.getByTestId('objection-receipt-id').textContent();
    await snap('objection-receipt', visitor);

    const filed = await api<{ items: { id: string; signerName: string; applicationTitle: string | null }[] }>(
      token,
      'GET',
      `/v1/funding-programs/${firstProgram}/objections`,
    );
    expect(filed.items).toEqual([
      expect.objectContaining({ id: reference, signerName: '周建国', applicationTitle: round1.a.title }),
    ]);

    // A second one within the hour: the server's limit (1 an hour here) and how long to wait.
    await receipt.getByRole('button', { name: '再提一条异议' }).click();
    await form.getByText('单位', { exact: true }).click();
    await form.getByLabel('单位名称').fill('海川理工大学');
    await form.getByLabel('联系方式').fill('0531-12345678');
    await form.getByLabel('异议内容').fill('对本次公示的整体评审程序有疑问。');
    await form.getByTestId('objection-submit').click();
    await form
      .getByTestId('objection-error')
      .getByText(/提交过于频繁，请 \d+ 分钟后再试/)
      .waitFor();
    await snap('objection-rate-limited', visitor);

    await visitor.getByTestId('language-switch').click();
    await visitor.getByTestId('page-title').getByText('Public notice of projects to be funded').waitFor();
    expect(await visitor.getByTestId('public-org').textContent()).toBe('City Association for Science and Technology');
    await snap('public-notice-english', visitor);
  });

  it('lets staff uphold an objection to the whole notice by naming the project, then take the decision back', async () => {
    // The public limit (one an hour here) was spent above: this objection to the whole notice is put in directly.
    await sql(
      `INSERT INTO notice_objections (id, program_id, signer_kind, signer_name, contact, content, status, created_at)
       VALUES (gen_random_uuid(), $1, 'unit', '海川理工大学', '0531-12345678', $2, 'open', now())`,
      [firstProgram, '公示中医学科普项目的合作单位盖章系伪造，请核查。'],
    );
    const staff = await run.newPage();
    await run.signIn(staff, ADMIN);
    await staff.goto(`${run.baseUrl}/funding/${firstProgram}?tab=notice`);
    const table = staff.getByTestId('objections-table');
    const whole = table.getByRole('row').filter({ hasText: '整个公示' });
    await whole.getByTestId('objection-resolve').click();
    await staff.getByTestId('objection-outcome').getByText('异议成立：撤销该项目的资助，释放资金').click();
    // Upheld, an objection to the whole notice must say which project it proved right about.
    await staff.getByTestId('objection-confirm').click();
    await staff.getByText('请选择核查属实的项目').waitFor();
    await chooseOption(staff, '核查属实的项目', `${SOCIETIES.b} — ${round1.b.title}`);
    await staff.getByTestId('objection-resolution').fill('经核实，合作单位盖章系伪造，撤销该项目资助。');
    await snap('objection-uphold-whole-notice', staff, false);
    await staff.getByTestId('objection-confirm').click();
    await whole.getByTestId('objection-status').getByText('异议成立').waitFor();
    await staff.getByTestId('objection-released-hint').waitFor();
    expect((await api<{ status: string }>(token, 'GET', `/v1/applications/${round1.b.id}`)).status).toBe('rejected');

    const named = table.getByRole('row').filter({ hasText: round1.a.title });
    await named.getByTestId('objection-resolve').click();
    await staff.getByTestId('objection-outcome').getByText('异议不成立：维持资助决定').click();
    await staff.getByTestId('objection-resolution').fill('经核查，两年项目内容不同，不属重复申报。');
    await staff.getByTestId('objection-confirm').click();
    await named.getByTestId('objection-status').getByText('异议不成立').waitFor();
    await snap('objections-resolved', staff);

    // Back to the decision, so the released money can go to the next in rank.
    await staff.getByTestId('program-move-deciding').click();
    const modal = staff.getByTestId('program-move-modal');
    await modal
      .getByTestId('program-move-explain')
      .getByText(/按排名依次递补/)
      .waitFor();
    await snap('redecide-modal', staff, false);
    await staff.getByTestId('program-move-confirm').click();
    await modal.waitFor({ state: 'hidden' });
    await staff.locator('[data-testid="program-status"][data-status="deciding"]').first().waitFor();
    expect((await api<{ status: string }>(token, 'GET', `/v1/applications/${round1.a.id}`)).status).toBe('approved');
    await staff.context().close();
  });

  it('shows staff the 2026 calendar with its holidays and make-up days, and computes a notice end', async () => {
    const staff = await run.newPage();
    await run.signIn(staff, ADMIN);
    await staff.locator('.ant-menu-item').filter({ hasText: '工作日历' }).click();
    await staff.waitForURL(/\/calendar/);
    if (YEAR !== 2026) await staff.goto(`${run.baseUrl}/calendar?year=2026`);
    const editor = staff.getByTestId('calendar-editor');
    await editor.getByText('2026 年放假安排').waitFor();
    const names = await editor
      .getByLabel('名称')
      .evaluateAll((inputs) => inputs.map((input) => (input instanceof HTMLInputElement ? input.value : '')));
    expect(names).toContain('国庆节');
    expect(await staff.getByTestId('working-days').getAttribute('data-value')).toBe('248');
    const grid = staff.getByTestId('year-grid');
    expect(await grid.locator('[data-date="2026-10-10"]').getAttribute('data-kind')).toBe('makeUp');
    expect(await grid.locator('[data-date="2026-10-01"]').getAttribute('data-kind')).toBe('holiday');
    await staff.getByTestId('calendar-legend').getByText('调休上班（班）').waitFor();

    const from = staff.locator('#notice-from');
    await from.click();
    await from.fill('2026-09-29');
    await from.press('Enter');
    await staff.locator('#notice-days').fill('5');
    const end = staff.getByTestId('notice-ends-on');
    await expect.poll(() => end.getAttribute('data-date')).toBe('2026-10-10');
    expect(await end.textContent()).toContain('周六，调休上班');
    // The five working days counted: 09-29, 09-30, 10-08, 10-09 and the make-up Saturday 10-10.
    const counted = await grid
      .locator('[data-notice]')
      .evaluateAll((days) => days.map((d) => d.getAttribute('data-date')));
    expect(counted).toEqual(['2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
    await snap('calendar', staff);

    // A year nobody has entered yet: weekends only, until staff enter its schedule.
    await staff.goto(`${run.baseUrl}/calendar?year=2027`);
    await staff.getByTestId('calendar-not-configured').waitFor();
    expect(await staff.getByTestId('working-days').getAttribute('data-value')).toBe('261');
    const editor2027 = staff.getByTestId('calendar-editor');
    await editor2027.getByTestId('holiday-add').click();
    await editor2027.getByLabel('名称').fill('元旦');
    const start = editor2027.getByPlaceholder('放假开始');
    await start.click();
    await start.fill('2027-01-01');
    await start.press('Enter');
    const finish = editor2027.getByPlaceholder('放假结束');
    await finish.fill('2027-01-01');
    await finish.press('Enter');
    await expect.poll(() => staff.getByTestId('working-days').getAttribute('data-value')).toBe('260');
    await editor2027.getByTestId('calendar-save').click();
    await staff.getByText('已保存 2027 年工作日历').waitFor();
    await expect.poll(() => staff.getByTestId('calendar-not-configured').count()).toBe(0);
    const saved = await api<{ holidays: { name: string; from: string; to: string }[]; version: number }>(
      token,
      'GET',
      '/v1/calendar/holidays?year=2027',
    );
    expect(saved).toMatchObject({ holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }], version: 1 });
    await snap('calendar-2027-saved', staff);

    const reviewerMenu = await page.locator('.ant-menu-item').filter({ hasText: '工作日历' }).count();
    expect(reviewerMenu).toBe(0);
    expect(run.browserErrors).toEqual([]);
  });
});
