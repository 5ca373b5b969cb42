import { withIdNumberCheck } from '@society-hub/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';

/**
 * Conflicts of interest (回避, SPEC §3) found from the data through the real queries
 * (`applicantProfiles`): membership of the applying society matched by ID number, a seat on the
 * council of its latest term (name and employer), the employer of its chair and its supporting unit.
 * What is no longer true — a seat in an earlier term, a membership given up — is no conflict.
 */
let t: TestApp;
let admin: string;

const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = shanghaiToday();

const MEMBER_ID = withIdNumberCheck('37080219780312451');
const FORMER_MEMBER_ID = withIdNumberCheck('37080219800101002');

async function post(url: string, payload: unknown, token = admin) {
  return t.request({ method: 'POST', url, token, payload: payload as Record<string, unknown> });
}

async function created(url: string, payload: unknown, token = admin): Promise<string> {
  const response = await post(url, payload, token);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

const experts: Record<string, string> = {};

async function expert(key: string, body: Record<string, unknown>) {
  experts[key] = await created('/v1/experts', {
    titleLevel: 'senior',
    disciplines: ['机械'],
    pools: ['science_technology'],
    ...body,
  });
}

let societyId: string;
let programId: string;
let applicationId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
  societyId = await t.createSociety(admin, {
    name: '市机械工程学会',
    discipline: 'engineering',
    creditCode: nextCreditCode(),
    supportingUnit: '海川理工大学',
  });
  expect((await post(`/v1/societies/${societyId}/transitions`, { to: 'active', reason: '登记成立' })).statusCode).toBe(
    200,
  );
  // The previous term's council, then the current one with its chair.
  const earlier = await created(`/v1/societies/${societyId}/terms`, {
    sequence: 1,
    startOn: '2019-06-01',
    endOn: '2024-05-31',
  });
  await created(`/v1/societies/${societyId}/council-members`, {
    termId: earlier,
    personName: '吴旧任',
    position: 'director',
    employer: '海川市旧城研究所',
  });
  await created(`/v1/societies/${societyId}/terms`, { sequence: 2, startOn: '2024-06-01', endOn: '2029-05-31' });
  await created(`/v1/societies/${societyId}/council-members`, {
    personName: '高建国',
    position: 'chair',
    employer: '海川重工集团',
  });
  await created(`/v1/societies/${societyId}/council-members`, {
    personName: '陈理事',
    position: 'director',
    employer: '海川市机械研究院',
  });
  // A member by ID number, and one who has left.
  await created(`/v1/societies/${societyId}/members`, { kind: 'individual', name: '刘会员', idNumber: MEMBER_ID });
  const former = await created(`/v1/societies/${societyId}/members`, {
    kind: 'individual',
    name: '周退会',
    idNumber: FORMER_MEMBER_ID,
  });
  const left = await post(`/v1/members/${former}/transitions`, { to: 'withdrawn', reason: '本人申请退会' });
  expect(left.statusCode, left.body).toBe(200);

  // The ID number is the only link: the expert's name and employer say nothing of the membership.
  await expert('member', { name: '刘专家', idNumber: MEMBER_ID, employer: '海川大学' });
  await expert('council', { name: '陈理事', employer: '海川市机械研究院' });
  await expert('chairEmployer', { name: '孙专家', employer: '海川重工集团' });
  await expert('supportingUnit', { name: '钱专家', employer: '海川理工大学' });
  await expert('earlierTerm', { name: '吴旧任', employer: '海川市旧城研究所' });
  await expert('formerMember', { name: '周专家', idNumber: FORMER_MEMBER_ID, employer: '海川职业学院' });
  await expert('clean', { name: '郑专家', employer: '海川市第三研究院' });

  const program = await post('/v1/funding-programs', {
    name: '回避测试',
    year: Number(today.slice(0, 4)),
    opensOn: shift(today, -1),
    closesOn: shift(today, 10),
    totalBudgetFen: 10_000_000,
    reviewersPerApplication: 3,
    categories: [{ code: 'academic_exchange', name: '学术交流', capFen: 5_000_000, budgetFen: 10_000_000 }],
  });
  programId = program.json().id;
  await post(`/v1/funding-programs/${programId}/transitions`, { to: 'open', reason: '发布' });
  const officer = await t.userToken('society_officer', [societyId]);
  applicationId = await created(
    `/v1/funding-programs/${programId}/applications`,
    {
      societyId,
      categoryCode: 'academic_exchange',
      title: '智能制造学术年会',
      requestedFen: 3_000_000,
      selfFundedFen: 0,
      budgetLines: [{ item: '合计', amountFen: 3_000_000 }],
    },
    officer,
  );
  expect(
    (await post(`/v1/applications/${applicationId}/transitions`, { to: 'submitted', reason: '提交' }, officer))
      .statusCode,
  ).toBe(200);
  await post(`/v1/funding-programs/${programId}/transitions`, { to: 'closed', reason: '截止' });
  expect(
    (await post(`/v1/funding-programs/${programId}/transitions`, { to: 'reviewing', reason: '评审' })).statusCode,
  ).toBe(200);
});
afterAll(async () => t?.close());

describe('conflicts found from the data', () => {
  it('never assigns a member, a council member, a colleague of the chair or of the supporting unit', async () => {
    const board = (
      await t.request({ method: 'GET', url: `/v1/funding-programs/${programId}/assignments`, token: admin })
    ).json();
    const assigned: string[] = board.items[0].assignments.map((a: { expertId: string }) => a.expertId);
    expect(assigned).toHaveLength(3);
    // Exactly the three without a conflict: the earlier term's councillor and the former member are free.
    expect([...assigned].sort()).toEqual([experts.earlierTerm, experts.formerMember, experts.clean].sort());
  });

  it('logs each pair left out with its reason', async () => {
    const audit = await sql<{ after: { recusals: { applicationId: string; expertId: string; reason: string }[] } }>`
      SELECT after FROM audit_log WHERE action = 'assignment.auto' AND resource_id = ${programId}`.execute(
      t.database.db,
    );
    const recusals = (audit.rows[0]?.after.recusals ?? []).filter((r) => r.applicationId === applicationId);
    const reasons = (key: string) => recusals.filter((r) => r.expertId === experts[key]).map((r) => r.reason);
    expect(reasons('member')).toEqual(['society_member']);
    expect(reasons('council')).toEqual(['council_member']);
    expect(reasons('chairEmployer')).toEqual(['chair_employer']);
    expect(reasons('supportingUnit')).toEqual(['supporting_unit']);
    expect(reasons('earlierTerm')).toEqual([]);
    expect(reasons('formerMember')).toEqual([]);
    expect(reasons('clean')).toEqual([]);
  });

  it('shows staff the conflict, explained, when they assign such a reviewer by hand (an override)', async () => {
    const response = await post(`/v1/funding-programs/${programId}/assignments/manual`, {
      applicationId,
      expertId: experts.chairEmployer,
      reason: '该领域专家不足，经部门负责人同意例外指定',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().conflicts).toEqual([
      { reason: 'chair_employer', explanation: expect.stringContaining('海川重工集团') },
    ]);
    // The society is named as people know it, never by its internal id.
    expect(response.json().conflicts[0].explanation).toContain('市机械工程学会');
    expect(response.json().conflicts[0].explanation).not.toContain(societyId);
    const override = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE action = 'assignment.override' AND resource_id = ${response.json().id}`.execute(
      t.database.db,
    );
    expect(override.rows[0]?.n).toBe(1);
  });
});
