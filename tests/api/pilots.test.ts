import { randomBytes } from 'node:crypto';
import { loadDemoData, PersonalDataVault } from '@society-hub/api/testing';
import { addCalendarDays } from '@society-hub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';

/** On the demo data set: its societies, inspections, governance and capacity make eligibility real. */
let t: TestApp;
let admin: string;
let officer: string;
let ownSociety: string;
let otherSociety: string;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

interface Pilot {
  id: string;
  status: string;
  version: number;
  department: string;
  functionCode: string;
  societyId: string;
  performance: { onTimeRate: number | null; rating: string | null };
}

async function call(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  token: string,
  payload?: unknown,
  version?: number,
) {
  return t.request({
    method,
    url,
    token,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    ...(version === undefined ? {} : { headers: { 'if-match': `"${version}"` } }),
  });
}

const proposal = (societyId: string, extra: Record<string, unknown> = {}) => ({
  societyId,
  functionCode: 'decision_consulting',
  department: '市发展和改革委员会',
  title: '县域经济高质量发展对策研究',
  mode: 'purchased_service',
  startsOn: addCalendarDays(today, 30),
  endsOn: addCalendarDays(today, 300),
  contractValueFen: 12_000_000,
  deliverables: ['研究报告', '政策建议'],
  ...extra,
});

async function departmentClient(department: string): Promise<string> {
  const created = await call('POST', '/v1/clients', admin, {
    name: `${department}试点接口`,
    scopes: ['pilots:read', 'pilots:write'],
    department,
  });
  expect(created.statusCode).toBe(201);
  const { clientId, clientSecret } = created.json();
  const token = await t.tryClientToken(clientId, clientSecret);
  return token.json().access_token;
}

beforeAll(async () => {
  t = await startTestApp();
  expect(await loadDemoData(t.database.db, new PersonalDataVault(randomBytes(32)))).toBe(true);
  admin = await t.login(ADMIN.username, ADMIN.password);
  const societies = (await call('GET', '/v1/societies?status=active&limit=500', admin)).json().items;
  ownSociety = societies[0].id;
  otherSociety = societies[1].id;
  officer = await t.userToken('society_officer', [ownSociety]);
});
afterAll(async () => t?.close());

describe('the function catalogue', () => {
  it('starts with the seven functions of SPEC §4 and lets staff add and edit, others not', async () => {
    const list = (await call('GET', '/v1/pilot-functions', officer)).json().items;
    expect(list.map((f: { name: string }) => f.name)).toEqual([
      '科技评估',
      '团体标准研制',
      '工程技术领域职业资格认定',
      '科技奖励提名推荐',
      '第三方评估',
      '决策咨询',
      '政府购买服务',
    ]);
    expect(list.find((f: { code: string }) => f.code === 'group_standards')).toMatchObject({
      requiresGrade3A: true,
      requiredQualifications: ['standards_registration'],
    });
    const added = await call('POST', '/v1/pilot-functions', admin, {
      code: 'science_popularisation',
      name: '科普服务',
      requiresGrade3A: false,
    });
    expect(added.statusCode).toBe(201);
    expect((await call('POST', '/v1/pilot-functions', officer, { code: 'x_y', name: '其他' })).statusCode).toBe(403);
    const taken = await call('POST', '/v1/pilot-functions', admin, { code: 'other_code', name: '科普服务' });
    expect(taken.statusCode).toBe(409);
    const noMatch = await call('PATCH', '/v1/pilot-functions/science_popularisation', admin, { active: false });
    expect(noMatch.statusCode).toBe(428);
    const retired = await call('PATCH', '/v1/pilot-functions/science_popularisation', admin, { active: false }, 1);
    expect(retired.json()).toMatchObject({ active: false, version: 2 });
    const refused = await call(
      'POST',
      '/v1/pilots',
      officer,
      proposal(ownSociety, { functionCode: 'science_popularisation' }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ path: '/body/functionCode', code: 'function_inactive' });
  });
});

describe('a pilot from proposal to decision', () => {
  let pilot: Pilot;

  it('takes a society’s proposal, validated, and keeps other societies’ out (404)', async () => {
    const bad = await call('POST', '/v1/pilots', officer, proposal(ownSociety, { endsOn: addCalendarDays(today, 1) }));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ path: '/body/endsOn', code: 'before_start' });
    expect((await call('POST', '/v1/pilots', officer, proposal(otherSociety))).statusCode).toBe(404);
    const created = await call('POST', '/v1/pilots', officer, proposal(ownSociety));
    expect(created.statusCode).toBe(201);
    pilot = created.json();
    expect(pilot).toMatchObject({ status: 'proposed', societyId: ownSociety, performance: { onTimeRate: null } });
    const foreign = (await call('GET', '/v1/pilots?limit=500', officer)).json().items;
    expect(foreign.every((p: Pilot) => p.societyId === ownSociety)).toBe(true);
  });

  it('lets the society submit it, and only staff decide', async () => {
    const submitted = await call('POST', `/v1/pilots/${pilot.id}/transitions`, officer, {
      to: 'eligibility_review',
      reason: '提交资格审查',
    });
    expect(submitted.statusCode).toBe(200);
    expect(
      (await call('POST', `/v1/pilots/${pilot.id}/transitions`, officer, { to: 'approved', reason: '自批' }))
        .statusCode,
    ).toBe(403);
    const edit = await call('PATCH', `/v1/pilots/${pilot.id}`, officer, { title: '改名' }, submitted.json().version);
    expect(edit.statusCode).toBe(409);
    const skip = await call('POST', `/v1/pilots/${pilot.id}/transitions`, admin, { to: 'completed', reason: '跳过' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json()).toMatchObject({ code: 'invalid_transition', allowed: ['approved', 'rejected'] });
  });

  it('explains every eligibility rule, and refuses to approve an ineligible society unless staff override', async () => {
    const eligibility = (await call('GET', `/v1/pilots/${pilot.id}/eligibility`, officer)).json();
    expect(eligibility.checks.map((c: { rule: string }) => c.rule)).toEqual([
      'society_active',
      'inspections_passed',
      'governance_sound',
      'capacity_tier',
      'evaluation_grade',
      'party_organisation',
      'qualifications',
      'concurrent_pilots',
    ]);
    // Make sure this society fails a rule: no party organisation.
    const society = (await call('GET', `/v1/societies/${ownSociety}`, admin)).json();
    await call(
      'PATCH',
      `/v1/societies/${ownSociety}`,
      admin,
      { partyOrganisation: 'none', partyOrganisationOn: null },
      society.version,
    );
    const refused = await call('POST', `/v1/pilots/${pilot.id}/transitions`, admin, { to: 'approved', reason: '同意' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('rule_violation');
    expect(refused.json().errors.map((e: { code: string }) => e.code)).toContain('party_organisation');

    const approved = await call('POST', `/v1/pilots/${pilot.id}/transitions`, admin, {
      to: 'approved',
      reason: '同意试点',
      eligibilityOverride: '党组织正在组建，已报市委社会工作部备案',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      eligibilityOverride: '党组织正在组建，已报市委社会工作部备案',
    });
    const audit = (await call('GET', `/v1/audit-log?resourceId=${pilot.id}&limit=50`, admin)).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toContain('pilot.eligibility_override');
    const history = (await call('GET', `/v1/pilots/${pilot.id}/transitions`, officer)).json().items;
    expect(history.map((h: { to: string }) => h.to)).toEqual(['eligibility_review', 'approved']);
  });

  it('approves an eligible society without any override', async () => {
    // Among the demo societies some meet every rule for 决策咨询; find one.
    const societies = (await call('GET', '/v1/societies?status=active&limit=500', admin)).json().items;
    let eligible: string | null = null;
    for (const society of societies.slice(2)) {
      const candidate = (await call('POST', '/v1/pilots', admin, proposal(society.id))).json();
      const check = (await call('GET', `/v1/pilots/${candidate.id}/eligibility`, admin)).json();
      if (check.eligible) {
        eligible = candidate.id;
        break;
      }
    }
    expect(eligible).not.toBeNull();
    await call('POST', `/v1/pilots/${eligible}/transitions`, admin, { to: 'eligibility_review', reason: '审查' });
    const approved = await call('POST', `/v1/pilots/${eligible}/transitions`, admin, {
      to: 'approved',
      reason: '同意',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().eligibilityOverride).toBeNull();
  });
});

describe('a government department’s client', () => {
  it('sees its department’s pilots only, accepts milestones and evaluates — nothing else', async () => {
    const finance = await departmentClient('市财政局');
    const mine = (await call('GET', '/v1/pilots?limit=500', finance)).json().items as Pilot[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((p) => p.department === '市财政局')).toBe(true);
    const all = (await call('GET', '/v1/pilots?limit=500', admin)).json().items as Pilot[];
    const foreign = all.find((p) => p.department !== '市财政局');
    expect(foreign).toBeDefined();
    expect((await call('GET', `/v1/pilots/${foreign?.id}`, finance)).statusCode).toBe(404);

    const pilot = mine[0] as Pilot;
    expect((await call('PATCH', `/v1/pilots/${pilot.id}`, finance, { title: '改' }, pilot.version)).statusCode).toBe(
      403,
    );
    expect(
      (await call('POST', `/v1/pilots/${pilot.id}/transitions`, finance, { to: 'acceptance', reason: '验收' }))
        .statusCode,
    ).toBe(403);
    expect((await call('POST', '/v1/pilots', finance, proposal(ownSociety))).statusCode).toBe(403);

    const milestones = (await call('GET', `/v1/pilots/${pilot.id}/milestones`, finance)).json().items;
    const done = milestones.find(
      (m: { doneOn: string | null; acceptedOn: string | null }) => m.doneOn && !m.acceptedOn,
    );
    expect(done).toBeDefined();
    const reschedule = await call(
      'PATCH',
      `/v1/pilots/${pilot.id}/milestones/${done.id}`,
      finance,
      { dueOn: today },
      done.version,
    );
    expect(reschedule.statusCode).toBe(403);
    const accepted = await call(
      'PATCH',
      `/v1/pilots/${pilot.id}/milestones/${done.id}`,
      finance,
      { accepted: true },
      done.version,
    );
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ acceptedOn: today, acceptedBy: '市财政局试点接口' });

    const evaluated = await call('PUT', `/v1/pilots/${pilot.id}/evaluation`, finance, {
      satisfaction: 88,
      comments: '总体满意',
    });
    expect(evaluated.statusCode).toBe(200);
    expect(evaluated.json().evaluation).toMatchObject({ satisfaction: 88, comments: '总体满意' });
    expect(evaluated.json().performance.satisfaction).toBe(88);
    // Another department's pilot does not exist for it, and an officer may not evaluate.
    expect((await call('PUT', `/v1/pilots/${foreign?.id}/evaluation`, finance, { satisfaction: 10 })).statusCode).toBe(
      404,
    );
    expect((await call('PUT', `/v1/pilots/${pilot.id}/evaluation`, officer, { satisfaction: 10 })).statusCode).toBe(
      403,
    );
  });

  it('may not accept a milestone nobody has recorded as done', async () => {
    const market = await departmentClient('市市场监督管理局');
    const [pilot] = (await call('GET', '/v1/pilots?limit=500', market)).json().items as Pilot[];
    const open = (await call('GET', `/v1/pilots/${pilot?.id}/milestones`, market))
      .json()
      .items.find((m: { doneOn: string | null }) => m.doneOn === null);
    const refused = await call(
      'PATCH',
      `/v1/pilots/${pilot?.id}/milestones/${open.id}`,
      market,
      { accepted: true },
      open.version,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ path: '/body/accepted', code: 'not_done' });
  });
});

describe('what pilots feed', () => {
  it('counts a completed pilot and its satisfaction in the capacity index', async () => {
    const completed = (await call('GET', '/v1/pilots?status=completed', admin)).json().items[0] as Pilot;
    const capacity = (await call('GET', `/v1/societies/${completed.societyId}/capacity`, admin)).json();
    const inputs = capacity.contributions.filter((c: { input: string }) =>
      ['pilotsCompleted', 'pilotSatisfaction'].includes(c.input),
    );
    expect(inputs.length).toBeGreaterThan(0);
    expect(JSON.stringify(inputs)).toContain('1');
    // Two of three milestones on time (one five days late), satisfaction 92: (66.7 + 92) / 2 → good.
    expect(completed.performance).toMatchObject({ onTimeRate: 0.667, satisfaction: 92, rating: 'good' });
  });

  it('reminds the society of a milestone falling due', async () => {
    const running = (await call('GET', '/v1/pilots?status=in_progress', admin)).json().items[0] as Pilot;
    const secretary = await t.userToken('society_officer', [running.societyId]);
    const { items } = (await call('GET', '/v1/reminders', secretary)).json();
    const due = items.filter((r: { kind: string }) => r.kind === 'pilot_milestone');
    expect(due.length).toBeGreaterThan(0);
    expect(due[0]).toMatchObject({ resourceId: running.id, path: `/pilots/${running.id}?tab=milestones` });
  });

  it('shows up on the dashboard by function and status', async () => {
    const dashboard = (await call('GET', '/v1/stats/dashboard', admin)).json();
    expect(dashboard.pilots.length).toBeGreaterThan(4);
    const statuses = new Set(dashboard.pilots.map((r: { status: string }) => r.status));
    expect(statuses.has('completed') && statuses.has('in_progress')).toBe(true);
  });

  it('is 404 to an officer of another society', async () => {
    const societies = (await call('GET', '/v1/societies?status=active&limit=500', admin)).json().items;
    const stranger = await t.userToken('society_officer', [societies.at(-1).id]);
    const theirs = (await call('GET', '/v1/pilots?limit=500', stranger)).json().items as Pilot[];
    const all = (await call('GET', '/v1/pilots?limit=500', admin)).json().items as Pilot[];
    const notTheirs = all.find((p) => !theirs.some((x) => x.id === p.id));
    expect((await call('GET', `/v1/pilots/${notTheirs?.id}/eligibility`, stranger)).statusCode).toBe(404);
  });
});

it('keeps newly registered, not yet active societies out of pilots', async () => {
  const fresh = await t.createSociety(admin, { creditCode: nextCreditCode() });
  const created = await call('POST', '/v1/pilots', admin, proposal(fresh));
  const check = (await call('GET', `/v1/pilots/${created.json().id}/eligibility`, admin)).json();
  expect(check.eligible).toBe(false);
  expect(check.checks[0]).toMatchObject({ rule: 'society_active', passed: false });
});
