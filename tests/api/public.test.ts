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
      expect(last?.headers['cache-control']).toBeUndefined();
      // The other listing has its own counter.
      expect((await limited.request({ method: 'GET', url: '/v1/public/funding-programs' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
