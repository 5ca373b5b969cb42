import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function send(method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>, ifMatch?: string) {
  const response = await t.request({
    method,
    url,
    token: admin,
    payload,
    ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
  });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

async function activeSociety(body: Record<string, unknown>): Promise<string> {
  const id = await t.createSociety(admin, { creditCode: nextCreditCode(), ...body });
  await send('POST', `/v1/societies/${id}/transitions`, { to: 'active', reason: '成立' });
  return id;
}

beforeAll(async () => {
  t = await startTestApp('postgres', { PUBLIC_RATE_LIMIT_PER_MINUTE: '1000' });
  admin = await t.login(ADMIN.username, ADMIN.password);
});
afterAll(async () => t?.close());

describe('the public society directory', () => {
  let optics = '';
  let medicine = '';

  beforeAll(async () => {
    optics = await activeSociety({
      name: '市光学学会',
      nameEn: 'City Optical Society',
      discipline: 'science',
      officeAddress: '海川路1号',
      contactPerson: '李联络',
      contactPhone: '0537-1234567',
      contactEmail: 'office@optics.example.org',
      website: 'https://optics.example.org',
      chairName: '张理事长',
      legalRepresentative: '王法人',
      secretaryGeneralName: '赵秘书长',
    });
    medicine = await activeSociety({ name: '市医学会', discipline: 'medicine', type: 'association' });
    await t.createSociety(admin, { name: '市筹建中学会', discipline: 'science' });
  });

  it('lists active societies only, by name, with their published contacts and nothing personal beyond them', async () => {
    const response = await t.request({ method: 'GET', url: '/v1/public/societies' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items.map((s: { id: string }) => s.id).sort()).toEqual([optics, medicine].sort());
    const entry = items.find((s: { id: string }) => s.id === optics);
    expect(entry).toEqual({
      id: optics,
      name: '市光学学会',
      nameEn: 'City Optical Society',
      type: 'society',
      discipline: 'science',
      supportingUnit: null,
      foundedOn: null,
      evaluationGrade: null,
      website: 'https://optics.example.org',
      officeAddress: '海川路1号',
      contact: { person: '李联络', phone: '0537-1234567', email: 'office@optics.example.org' },
    });
    expect(response.body).not.toMatch(/张理事长|王法人|赵秘书长|creditCode|status/);
  });

  it('filters by discipline, type and name, and pages by cursor', async () => {
    const get = async (query: string) =>
      (await t.request({ method: 'GET', url: `/v1/public/societies${query}` })).json();
    expect((await get('?discipline=medicine')).items.map((s: { id: string }) => s.id)).toEqual([medicine]);
    expect((await get('?type=association')).items.map((s: { id: string }) => s.id)).toEqual([medicine]);
    expect((await get('?q=Optical')).items.map((s: { id: string }) => s.id)).toEqual([optics]);
    const first = await get('?limit=1');
    expect(first.items).toHaveLength(1);
    const second = await get(`?limit=1&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(second.nextCursor).toBeNull();
  });

  it('is cacheable: Cache-Control, an ETag, 304 while unchanged and a new ETag once it changes', async () => {
    const first = await t.request({ method: 'GET', url: '/v1/public/societies' });
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const revalidated = await t.request({
      method: 'GET',
      url: '/v1/public/societies',
      headers: { 'if-none-match': etag },
    });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    expect(revalidated.headers.etag).toBe(etag);

    await activeSociety({ name: '市新成立学会' });
    const changed = await t.request({
      method: 'GET',
      url: '/v1/public/societies',
      headers: { 'if-none-match': etag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });
});

describe('the open funding calls', () => {
  it('shows calls in status open only, without their internal settings', async () => {
    const program = await send('POST', '/v1/funding-programs', {
      name: '公开申报项目',
      year: Number(today.slice(0, 4)),
      opensOn: today,
      closesOn: today,
      totalBudgetFen: 300_000_000,
    });
    await send('POST', '/v1/funding-programs', {
      name: '草稿项目',
      year: Number(today.slice(0, 4)),
      opensOn: today,
      closesOn: today,
      totalBudgetFen: 300_000_000,
    });
    const before = (await t.request({ method: 'GET', url: '/v1/public/funding-programs' })).json();
    expect(before.items).toEqual([]);
    await send('POST', `/v1/funding-programs/${program.id}/transitions`, { to: 'open', reason: '发布' });
    const response = await t.request({ method: 'GET', url: '/v1/public/funding-programs' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items.map((p: { id: string }) => p.id)).toEqual([program.id]);
    expect(Object.keys(items[0]).sort()).toEqual(
      ['categories', 'closesOn', 'description', 'id', 'name', 'opensOn', 'totalBudgetFen', 'year'].sort(),
    );
    expect(items[0].categories.length).toBeGreaterThan(0);
    expect(response.headers.etag).toBeDefined();
  });
});

describe('a society’s public page', () => {
  let optics = '';
  let quiet = '';
  let programId = '';

  async function fundingApplication(societyId: string, status: string, title: string, allocatedFen: number | null) {
    await sql`
      INSERT INTO funding_applications (id, program_id, society_id, category_code, title, disciplines, budget_lines,
        requested_fen, self_funded_fen, attachments, status, allocated_fen, created_at, updated_at)
      VALUES (${crypto.randomUUID()}, ${programId}, ${societyId}, 'annual_meeting', ${title}, '[]', '[]',
        3000000, 0, '[]', ${status}, ${allocatedFen}, now(), now())`.execute(t.database.db);
  }

  beforeAll(async () => {
    optics = await activeSociety({
      name: '市激光学会',
      nameEn: 'City Laser Society',
      discipline: 'engineering',
      officeAddress: '科技路8号',
      contactPerson: '周联络',
      contactPhone: '0537-7654321',
      website: 'https://laser.example.org',
      supportingUnit: '市光电研究所',
      foundedOn: '1988-10-01',
      evaluationGrade: 4,
      evaluationGradeOn: '2024-12-15',
      partyOrganisation: 'joint_branch',
      partyOrganisationOn: '2019-07-01',
      chairName: '钱理事长',
      legalRepresentative: '孙法人',
      secretaryGeneralName: '李秘书长',
    });
    quiet = await activeSociety({ name: '市安静学会' });
    for (const name of ['甲会员', '乙会员', '丙会员']) {
      await send('POST', `/v1/societies/${optics}/members`, { kind: 'individual', name, phone: '13900000000' });
    }
    const program = await send('POST', '/v1/funding-programs', {
      name: '往年学会项目',
      year: Number(today.slice(0, 4)) - 1,
      opensOn: today,
      closesOn: today,
      totalBudgetFen: 300_000_000,
    });
    programId = program.id;
    await fundingApplication(optics, 'funded', '激光加工学术年会', 2_500_000);
    await fundingApplication(optics, 'reported', '激光科普进校园', 1_000_000);
    await fundingApplication(optics, 'in_review', '尚在评审的申请', null);
    await fundingApplication(optics, 'draft', '草稿申请', null);
  });

  it('shows an active society’s published facts, its membership as a range and its funded projects', async () => {
    const response = await t.request({ method: 'GET', url: `/v1/public/societies/${optics}` });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page).toMatchObject({
      id: optics,
      name: '市激光学会',
      nameEn: 'City Laser Society',
      type: 'society',
      discipline: 'engineering',
      supportingUnit: '市光电研究所',
      foundedOn: '1988-10-01',
      evaluationGrade: 4,
      evaluationGradeOn: '2024-12-15',
      partyOrganisation: 'joint_branch',
      website: 'https://laser.example.org',
      officeAddress: '科技路8号',
      contact: { person: '周联络', phone: '0537-7654321', email: null },
      memberCount: { atLeast: 1, below: 100 },
    });
    expect(page.fundedProjects.map((p: { title: string }) => p.title).sort()).toEqual(
      ['激光加工学术年会', '激光科普进校园'].sort(),
    );
    expect(page.fundedProjects.find((p: { title: string }) => p.title === '激光加工学术年会')).toEqual({
      title: '激光加工学术年会',
      programName: '往年学会项目',
      year: Number(today.slice(0, 4)) - 1,
      categoryName: '学术年会',
      grantedFen: 2_500_000,
      status: 'funded',
    });
    // Nothing the public may not know: officers, the credit code, the status, members' data, open applications.
    expect(response.body).not.toMatch(
      /钱理事长|孙法人|李秘书长|甲会员|13900000000|creditCode|"status":"active"|尚在评审|草稿/,
    );
    const quietPage = (await t.request({ method: 'GET', url: `/v1/public/societies/${quiet}` })).json();
    expect(quietPage).toMatchObject({ memberCount: null, fundedProjects: [], partyOrganisation: 'none' });
  });

  it('lists the calls open now', async () => {
    const before = (await t.request({ method: 'GET', url: `/v1/public/societies/${optics}` })).json();
    const open = await send('POST', '/v1/funding-programs', {
      name: '本期开放申报',
      year: Number(today.slice(0, 4)),
      opensOn: today,
      closesOn: today,
      totalBudgetFen: 300_000_000,
    });
    await send('POST', `/v1/funding-programs/${open.id}/transitions`, { to: 'open', reason: '发布' });
    const after = (await t.request({ method: 'GET', url: `/v1/public/societies/${optics}` })).json();
    expect(after.openCalls.length).toBe(before.openCalls.length + 1);
    expect(after.openCalls).toContainEqual({ id: open.id, name: '本期开放申报', closesOn: today });
  });

  it('is 404 for a society that is not active, as for one that does not exist', async () => {
    const preparing = await t.createSociety(admin, { name: '市筹建中的另一学会' });
    const dormant = await activeSociety({ name: '市停滞学会' });
    await send('POST', `/v1/societies/${dormant}/transitions`, { to: 'dormant', reason: '两年无活动' });
    for (const id of [preparing, dormant, '01a23b15-a579-70f7-a48c-d60f20fa9000']) {
      const response = await t.request({ method: 'GET', url: `/v1/public/societies/${id}` });
      expect(response.statusCode, id).toBe(404);
      expect(response.json().code).toBe('not_found');
    }
    expect((await t.request({ method: 'GET', url: '/v1/public/societies/not-an-id' })).statusCode).toBe(400);
  });

  it('is cacheable like the directory', async () => {
    const first = await t.request({ method: 'GET', url: `/v1/public/societies/${optics}` });
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = String(first.headers.etag);
    const again = await t.request({
      method: 'GET',
      url: `/v1/public/societies/${optics}`,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    const current = (await t.request({ method: 'GET', url: `/v1/societies/${optics}`, token: admin })).json();
    await send('PATCH', `/v1/societies/${optics}`, { website: 'https://laser2.example.org' }, `"${current.version}"`);
    const changed = await t.request({
      method: 'GET',
      url: `/v1/public/societies/${optics}`,
      headers: { 'if-none-match': etag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().website).toBe('https://laser2.example.org');
  });
});

describe('rate limiting of the public listings', () => {
  it('counts each listing per address and answers 429 with Retry-After past the limit', async () => {
    const limited = await startTestApp('postgres', { PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<TestApp['request']>> | undefined;
      for (let i = 0; i < 4; i++) {
        last = await limited.request({ method: 'GET', url: '/v1/public/societies' });
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
      expect(last?.json().code).toBe('rate_limited');
      // A refusal is never kept by a cache, unlike the listing it refuses.
      expect(last?.headers['cache-control']).toBe('no-store');
      // The other listing has its own counter.
      expect((await limited.request({ method: 'GET', url: '/v1/public/funding-programs' })).statusCode).toBe(200);
      // So has a society's page: one counter for every society's page, 404s included.
      const pages: number[] = [];
      for (let i = 0; i < 4; i++) {
        const id = `01a23b15-a579-70f7-a48c-d60f20fa90${String(i).padStart(2, '0')}`;
        pages.push((await limited.request({ method: 'GET', url: `/v1/public/societies/${id}` })).statusCode);
      }
      expect(pages).toEqual([404, 404, 404, 429]);
    } finally {
      await limited.close();
    }
  });
});
