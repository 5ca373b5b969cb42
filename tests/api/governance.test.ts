import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
let societyId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
  societyId = await t.createSociety(admin, { name: '市机械工程学会', discipline: 'engineering' });
});
afterAll(async () => t?.close());

const post = (url: string, payload: Record<string, unknown>, token = admin) =>
  t.request({ method: 'POST', url, token, payload });

async function addMembers(count: number, overrides: Record<string, unknown> = {}) {
  for (let i = 0; i < count; i++) {
    const response = await post(`/v1/societies/${societyId}/council-members`, {
      personName: `理事${i}`,
      position: 'director',
      frontline: true,
      birthYear: 1975,
      ...overrides,
    });
    expect(response.statusCode).toBe(201);
  }
}

describe('terms and the council roster', () => {
  it('needs a term before the roster', async () => {
    const response = await post(`/v1/societies/${societyId}/council-members`, {
      personName: '张三',
      position: 'chair',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].code).toBe('no_term');
  });

  it('records a term, refusing dates that end before they start', async () => {
    const bad = await post(`/v1/societies/${societyId}/terms`, {
      sequence: 6,
      startOn: '2024-06-01',
      endOn: '2024-05-01',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('/body/endOn');
    const good = await post(`/v1/societies/${societyId}/terms`, {
      sequence: 6,
      startOn: '2024-06-01',
      endOn: '2029-05-31',
      representatives: 150,
    });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ sequence: 6, representatives: 150 });
    const again = await post(`/v1/societies/${societyId}/terms`, {
      sequence: 6,
      startOn: '2025-06-01',
      endOn: '2029-05-31',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].code).toBe('sequence_taken');
  });

  it('keeps one chair per term and puts leaders on the standing council', async () => {
    const chair = await post(`/v1/societies/${societyId}/council-members`, {
      personName: '王理事长',
      position: 'chair',
      frontline: true,
      birthYear: 1962,
    });
    expect(chair.statusCode).toBe(201);
    expect(chair.json().standing).toBe(true);
    const second = await post(`/v1/societies/${societyId}/council-members`, { personName: '李某', position: 'chair' });
    expect(second.statusCode).toBe(422);
    expect(second.json().errors[0]).toMatchObject({ path: '/body/position', code: 'position_taken' });
  });

  it('updates and removes roster entries with If-Match', async () => {
    const member = (
      await post(`/v1/societies/${societyId}/council-members`, { personName: '临时理事', position: 'director' })
    ).json();
    const url = `/v1/societies/${societyId}/council-members/${member.id}`;
    expect((await t.request({ method: 'PATCH', url, token: admin, payload: { frontline: true } })).statusCode).toBe(
      428,
    );
    const patched = await t.request({
      method: 'PATCH',
      url,
      token: admin,
      headers: { 'if-match': '"1"' },
      payload: { frontline: true, employer: '市机械研究院' },
    });
    expect(patched.json()).toMatchObject({ frontline: true, employer: '市机械研究院', version: 2 });
    expect((await t.request({ method: 'DELETE', url, token: admin, headers: { 'if-match': '"1"' } })).statusCode).toBe(
      412,
    );
    expect((await t.request({ method: 'DELETE', url, token: admin, headers: { 'if-match': '"2"' } })).statusCode).toBe(
      204,
    );
  });
});

describe('the governance checklist', () => {
  it('explains each rule with the society’s own numbers', async () => {
    await post(`/v1/societies/${societyId}/council-members`, {
      personName: '赵秘书长',
      position: 'secretary_general',
      frontline: true,
      birthYear: 1978,
    });
    await addMembers(40);
    await addMembers(14, { frontline: false });
    const report = (
      await t.request({ method: 'GET', url: `/v1/societies/${societyId}/governance`, token: admin })
    ).json();
    expect(report.results).toHaveLength(8);
    const byRule = Object.fromEntries(report.results.map((r: { rule: string }) => [r.rule, r]));
    // 56 council members for 150 representatives: above one third (50).
    expect(byRule.council_size).toMatchObject({
      status: 'fail',
      explanation: 'The council has 56 members for 150 representatives; at most 1/3 (50) allowed.',
    });
    // 42 of 56 frontline: exactly three quarters.
    expect(byRule.council_frontline.status).toBe('pass');
    expect(byRule.supervisors_present.status).toBe('fail');
    expect(report.overall).toBe('fail');
  });

  it('turns a rule green once the roster is fixed', async () => {
    await post(`/v1/societies/${societyId}/council-members`, {
      personName: '钱监事',
      position: 'supervisor',
      frontline: true,
    });
    const report = (
      await t.request({ method: 'GET', url: `/v1/societies/${societyId}/governance`, token: admin })
    ).json();
    expect(report.results.find((r: { rule: string }) => r.rule === 'supervisors_present').status).toBe('pass');
  });
});

describe('party organisation and evaluation grade', () => {
  it('records both on the society; a grade needs its date and only staff set it', async () => {
    const society = (await t.request({ method: 'GET', url: `/v1/societies/${societyId}`, token: admin })).json();
    expect(society.partyOrganisation).toBe('none');
    const noDate = await t.request({
      method: 'PATCH',
      url: `/v1/societies/${societyId}`,
      token: admin,
      headers: { 'if-match': `"${society.version}"` },
      payload: { evaluationGrade: 4 },
    });
    expect(noDate.statusCode).toBe(422);
    expect(noDate.json().errors[0].path).toBe('/body/evaluationGradeOn');
    const ok = await t.request({
      method: 'PATCH',
      url: `/v1/societies/${societyId}`,
      token: admin,
      headers: { 'if-match': `"${society.version}"` },
      payload: {
        evaluationGrade: 4,
        evaluationGradeOn: '2024-12-20',
        partyOrganisation: 'joint_branch',
        partyOrganisationOn: '2019-07-01',
      },
    });
    expect(ok.json()).toMatchObject({ evaluationGrade: 4, partyOrganisation: 'joint_branch' });
    const officer = await t.userToken('society_officer', [societyId]);
    const denied = await t.request({
      method: 'PATCH',
      url: `/v1/societies/${societyId}`,
      token: officer,
      headers: { 'if-match': '*' },
      payload: { evaluationGrade: 5 },
    });
    expect(denied.statusCode).toBe(403);
  });
});

describe('scope', () => {
  it('lets an officer keep their own roster and nobody else’s', async () => {
    const other = await t.createSociety(admin, { name: '市他会' });
    await post(`/v1/societies/${other}/terms`, { sequence: 1, startOn: '2025-01-01', endOn: '2029-12-31' });
    const officer = await t.userToken('society_officer', [societyId]);
    expect(
      (
        await post(
          `/v1/societies/${societyId}/council-members`,
          { personName: '孙理事', position: 'director' },
          officer,
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (await post(`/v1/societies/${other}/council-members`, { personName: '孙理事', position: 'director' }, officer))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: `/v1/societies/${other}/governance`, token: officer })).statusCode,
    ).toBe(404);
  });

  it('audits roster changes', async () => {
    const log = (
      await t.request({
        method: 'GET',
        url: `/v1/audit-log?societyId=${societyId}&action=council_member.*&limit=500`,
        token: admin,
      })
    ).json();
    expect(log.items.length).toBeGreaterThan(50);
  });
});
