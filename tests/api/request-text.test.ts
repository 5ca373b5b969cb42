/**
 * The text rules every request goes through (lib/request-text.ts, applied by plugins/validation.ts)
 * and the statuses the shared mechanisms add to the contract (plugins/errors.ts, plugins/idempotency.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';
import { expertPayload } from '../support/expert';
import { type OpenApiDocument, type Operation, operationsOf } from '../support/fuzz';

let t: TestApp;
let admin: string;
let societyId: string;
let operations: Operation[];

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
  societyId = await t.createSociety(admin);
  operations = operationsOf(t.app.swagger() as unknown as OpenApiDocument);
});
afterAll(async () => t?.close());

interface FieldError {
  path: string;
  code: string;
  message: string;
}

function fieldErrors(body: string): FieldError[] {
  return (JSON.parse(body) as { errors?: FieldError[] }).errors ?? [];
}

const expert = expertPayload;

function operation(operationId: string): Operation {
  const found = operations.find((o) => o.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

describe('U+0000 in a request', () => {
  it.each([
    ['the public directory, without a login', '/v1/public/societies?q=%00', undefined],
    ['the societies list', '/v1/societies?q=a%00b', 'admin'],
    ['the members list', '/v1/societies/{society}/members?q=%00', 'admin'],
    ['the experts list', '/v1/experts?q=%00', 'admin'],
    ['the users list', '/v1/users?q=%00', 'admin'],
  ])('is refused as a validation problem naming the field: %s', async (_what, url, caller) => {
    const response = await t.request({
      method: 'GET',
      url: url.replace('{society}', societyId),
      ...(caller ? { token: admin } : {}),
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
    expect(fieldErrors(response.body)).toContainEqual({
      path: '/query/q',
      code: 'nul_character',
      message: 'must not contain the NUL character (U+0000)',
    });
  });

  it.each([
    ['a pilot title', 'POST', '/v1/pilots', { title: '承接\u0000职能' }, '/body/title'],
    [
      'a member name',
      'POST',
      '/v1/societies/{society}/members',
      { kind: 'individual', name: '张\u0000三' },
      '/body/name',
    ],
    [
      'an expert discipline',
      'POST',
      '/v1/experts',
      expert({ disciplines: ['化学', 'x\u0000'] }),
      '/body/disciplines/1',
    ],
    ['an object key', 'POST', '/v1/experts', expert({ 'a\u0000b': 1 }), '/body/a\u0000b'],
    ['an import row', 'POST', '/v1/experts/import', { rows: [expert({ name: '\u0000' })] }, '/body/rows/0/name'],
  ])('in a body is refused at validation, naming the field: %s', async (_what, method, url, payload, path) => {
    const response = await t.request({
      method: method as 'POST',
      url: url.replace('{society}', societyId),
      token: admin,
      payload,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
    expect(fieldErrors(response.body).filter((e) => e.code === 'nul_character')).toEqual([
      { path, code: 'nul_character', message: 'must not contain the NUL character (U+0000)' },
    ]);
  });
});

describe('text is trimmed, and blank is empty', () => {
  it('refuses a blank discipline on update and trims on create, for array items as for fields', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/v1/experts',
      token: admin,
      payload: expert({ name: ' 钱学军\t', disciplines: ['\t化学 ', '物理'], employer: '  市化工研究院 ' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: '钱学军', disciplines: ['化学', '物理'], employer: '市化工研究院' });

    const blankItem = await t.request({
      method: 'PATCH',
      url: `/v1/experts/${created.json().id}`,
      token: admin,
      headers: { 'if-match': '"1"' },
      payload: { disciplines: ['化学', ' '] },
    });
    expect(blankItem.statusCode, blankItem.body).toBe(422);
    expect(fieldErrors(blankItem.body)).toEqual([
      expect.objectContaining({ path: '/body/disciplines/1', code: 'required' }),
    ]);
    const tab = await t.request({
      method: 'POST',
      url: '/v1/experts',
      token: admin,
      payload: expert({ disciplines: ['\t'] }),
    });
    expect(tab.statusCode, tab.body).toBe(422);
    expect(fieldErrors(tab.body)).toEqual([expect.objectContaining({ path: '/body/disciplines/0', code: 'required' })]);
    // Blank among malformed fields: the request is malformed (400), and the blank one is named too.
    const mixed = await t.request({
      method: 'POST',
      url: '/v1/experts',
      token: admin,
      payload: expert({ name: ' ', titleLevel: 'junior' }),
    });
    expect(mixed.statusCode, mixed.body).toBe(400);
    expect(fieldErrors(mixed.body).map((e) => [e.path, e.code])).toEqual(
      expect.arrayContaining([
        ['/body/name', 'required'],
        ['/body/titleLevel', 'enum'],
      ]),
    );
    // The empty string is not blank text: it stays a schema error.
    const empty = await t.request({ method: 'POST', url: '/v1/experts', token: admin, payload: expert({ name: '' }) });
    expect(empty.statusCode).toBe(400);
    expect(fieldErrors(empty.body)).toContainEqual(expect.objectContaining({ path: '/body/name', code: 'minLength' }));
    const stored = await t.request({ method: 'GET', url: `/v1/experts/${created.json().id}`, token: admin });
    expect(stored.json()).toMatchObject({ disciplines: ['化学', '物理'], version: 1 });
  });

  it('trims the rows of an import as it trims a request', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/v1/experts/import',
      token: admin,
      payload: { rows: [expert({ name: '孙\t', disciplines: [' '] }), expert({ name: ' 李四 ' })], dryRun: true },
    });
    expect(response.statusCode, response.body).toBe(200);
    const [blank, fine] = response.json().results;
    expect(blank).toMatchObject({
      outcome: 'error',
      errors: [expect.objectContaining({ path: '/disciplines/0', code: 'required' })],
    });
    expect(fine).toMatchObject({ outcome: 'created' });
  });

  it('never trims a password', async () => {
    const password = '  spaced password  ';
    const created = await t.request({
      method: 'POST',
      url: '/v1/users',
      token: admin,
      payload: { username: ' spaced_user ', password, role: 'auditor' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ username: 'spaced_user' });
    expect((await t.tryLogin('spaced_user', password)).statusCode).toBe(200);
    expect((await t.tryLogin('spaced_user', password.trim())).statusCode).toBe(401);
  });
});

describe('statuses the shared mechanisms give are in the contract', () => {
  it('declares 409 and 422 (and the header) on every POST that takes an Idempotency-Key', () => {
    const posts = operations.filter((o) => o.method === 'POST' && o.secured);
    expect(posts.length).toBeGreaterThan(20);
    for (const o of posts) {
      expect(Object.keys(o.responses), o.operationId).toEqual(expect.arrayContaining(['409', '422']));
      expect(
        o.parameters.map((p) => p.name),
        o.operationId,
      ).toContain('idempotency-key');
    }
  });

  it('declares 412 and 428 wherever If-Match is read', () => {
    const conditional = operations.filter((o) => o.parameters.some((p) => p.in === 'header' && p.name === 'if-match'));
    expect(conditional.map((o) => o.operationId)).toContain('transitionSociety');
    for (const o of conditional) {
      expect(Object.keys(o.responses), o.operationId).toEqual(expect.arrayContaining(['412', '428']));
    }
  });

  it('answers a reused key with another body 422, as declared', async () => {
    const key = 'reuse-key-expert-import';
    const first = await t.request({
      method: 'POST',
      url: '/v1/experts/import',
      token: admin,
      headers: { 'idempotency-key': key },
      payload: { rows: [expert()], dryRun: true },
    });
    expect(first.statusCode, first.body).toBe(200);
    const reused = await t.request({
      method: 'POST',
      url: '/v1/experts/import',
      token: admin,
      headers: { 'idempotency-key': key },
      payload: { rows: [expert({ name: '另一位' })], dryRun: true },
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'idempotency_key_reused' });
    expect(operation('importExperts').responses['422']).toBeDefined();
  });

  it('answers an empty If-Match on a society transition 428, as declared', async () => {
    const response = await t.request({
      method: 'POST',
      url: `/v1/societies/${societyId}/transitions`,
      token: admin,
      headers: { 'if-match': '' },
      payload: { to: 'active', reason: 'test' },
    });
    expect(response.statusCode).toBe(428);
    expect(operation('transitionSociety').responses['428']).toBeDefined();
  });
});
