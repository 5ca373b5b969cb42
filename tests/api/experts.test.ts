import { withIdNumberCheck } from '@society-hub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
let societyId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
  societyId = await t.createSociety(admin, { name: '市化工学会' });
});
afterAll(async () => t?.close());

const expert = (overrides: Record<string, unknown> = {}) => ({
  name: '钱学军',
  titleLevel: 'senior',
  disciplines: ['化学工程'],
  pools: ['science_technology'],
  ...overrides,
});

describe('expert pools', () => {
  it('admits senior titles only', async () => {
    const junior = await t.request({
      method: 'POST',
      url: '/v1/experts',
      token: admin,
      payload: expert({ titleLevel: 'intermediate' }),
    });
    expect(junior.statusCode).toBe(400);
    expect(junior.json().errors[0].path).toBe('/body/titleLevel');
  });

  it('registers an expert with society affiliations and a sealed ID number', async () => {
    const id = withIdNumberCheck('37080219700101005');
    const response = await t.request({
      method: 'POST',
      url: '/v1/experts',
      token: admin,
      payload: expert({ idNumber: id, societyIds: [societyId], phone: '13700001111' }),
    });
    expect(response.statusCode).toBe(201);
    expect(response.body).not.toContain(id);
    expect(response.json()).toMatchObject({
      societyIds: [societyId],
      birthDate: '1970-01-01',
      idNumberMasked: `${id.slice(0, 4)}**********${id.slice(-4)}`,
    });
    const again = await t.request({
      method: 'POST',
      url: '/v1/experts',
      token: admin,
      payload: expert({ idNumber: id }),
    });
    expect(again.statusCode).toBe(409);
    const unknown = await t.request({
      method: 'POST',
      url: '/v1/experts',
      token: admin,
      payload: expert({ name: '孙', societyIds: ['01936b2e-0000-7000-8000-000000000000'] }),
    });
    expect(unknown.json().errors[0].code).toBe('unknown_society');
  });

  it('filters by pool, discipline, society and availability; lists mask phones', async () => {
    await t.request({
      method: 'POST',
      url: '/v1/experts',
      token: admin,
      payload: expert({ name: '科普达人', pools: ['popularisation'], disciplines: ['科学传播'] }),
    });
    const popular = (await t.request({ method: 'GET', url: '/v1/experts?pool=popularisation', token: admin })).json();
    expect(popular.items.map((e: { name: string }) => e.name)).toEqual(['科普达人']);
    const chem = (
      await t.request({
        method: 'GET',
        url: `/v1/experts?discipline=${encodeURIComponent('化学工程')}&societyId=${societyId}`,
        token: admin,
      })
    ).json();
    expect(chem.items).toHaveLength(1);
    expect(chem.items[0].phone).toBe('137****1111');
  });

  it('imports experts idempotently', async () => {
    const rows = [
      expert({ name: '导入专家甲', externalRef: 'E-1' }),
      expert({ name: '导入专家乙', externalRef: 'E-2', titleLevel: 'none' }),
    ];
    const first = (
      await t.request({ method: 'POST', url: '/v1/experts/import', token: admin, payload: { rows } })
    ).json();
    expect(first.summary).toEqual({ created: 1, updated: 0, unchanged: 0, error: 1 });
    const second = (
      await t.request({ method: 'POST', url: '/v1/experts/import', token: admin, payload: { rows } })
    ).json();
    expect(second.summary).toEqual({ created: 0, updated: 0, unchanged: 1, error: 1 });
    const changed = (
      await t.request({
        method: 'POST',
        url: '/v1/experts/import',
        token: admin,
        payload: { rows: [{ ...rows[0], available: false }] },
      })
    ).json();
    expect(changed.results[0].outcome).toBe('updated');
  });

  it('is read by auditors and hidden from officers and reviewers', async () => {
    expect(
      (await t.request({ method: 'GET', url: '/v1/experts', token: await t.userToken('auditor') })).statusCode,
    ).toBe(200);
    expect(
      (await t.request({ method: 'GET', url: '/v1/experts', token: await t.userToken('reviewer') })).statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: 'GET', url: '/v1/experts', token: await t.userToken('society_officer', [societyId]) }))
        .statusCode,
    ).toBe(403);
  });
});
