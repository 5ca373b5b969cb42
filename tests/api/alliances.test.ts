import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
let lead: string;
let member: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
  lead = await t.createSociety(admin, { name: '市人工智能学会' });
  member = await t.createSociety(admin, { name: '市计算机学会' });
});
afterAll(async () => t?.close());

describe('alliances (学会联合体)', () => {
  it('forms an alliance whose lead is always a member', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/v1/alliances',
      token: admin,
      payload: { name: '智能科技学会联合体', leadSocietyId: lead, memberSocietyIds: [member] },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().memberSocietyIds).toEqual([lead, member].sort());
    const bySociety = (
      await t.request({ method: 'GET', url: `/v1/alliances?societyId=${member}`, token: admin })
    ).json();
    expect(bySociety.items.map((a: { name: string }) => a.name)).toEqual(['智能科技学会联合体']);
  });

  it('refuses unknown societies and a taken name, naming the fields', async () => {
    const unknown = await t.request({
      method: 'POST',
      url: '/v1/alliances',
      token: admin,
      payload: { name: '新联合体', leadSocietyId: '01936b2e-0000-7000-8000-000000000000' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({ path: '/body/leadSocietyId', code: 'unknown_society' });
    const taken = await t.request({
      method: 'POST',
      url: '/v1/alliances',
      token: admin,
      payload: { name: '智能科技学会联合体', leadSocietyId: member },
    });
    expect(taken.statusCode).toBe(409);
  });

  it('changes and dissolves with If-Match', async () => {
    const alliance = (
      await t.request({
        method: 'POST',
        url: '/v1/alliances',
        token: admin,
        payload: { name: '临时联合体', leadSocietyId: member },
      })
    ).json();
    const url = `/v1/alliances/${alliance.id}`;
    const patched = await t.request({
      method: 'PATCH',
      url,
      token: admin,
      headers: { 'if-match': '"1"' },
      payload: { leadSocietyId: lead, memberSocietyIds: [] },
    });
    expect(patched.json()).toMatchObject({ leadSocietyId: lead, memberSocietyIds: [lead], version: 2 });
    expect((await t.request({ method: 'DELETE', url, token: admin, headers: { 'if-match': '"1"' } })).statusCode).toBe(
      412,
    );
    expect((await t.request({ method: 'DELETE', url, token: admin, headers: { 'if-match': '"2"' } })).statusCode).toBe(
      204,
    );
    expect((await t.request({ method: 'GET', url, token: admin })).statusCode).toBe(404);
  });
});
