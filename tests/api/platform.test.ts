import { authPlugin, errorsPlugin } from '@society-hub/api/testing';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp('postgres', { BODY_LIMIT_BYTES: '4096' });
  admin = await t.login(ADMIN.username, ADMIN.password);
});
afterAll(async () => t?.close());

describe('platform behaviour every route shares', () => {
  it('answers health and readiness', async () => {
    expect((await t.request({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.request({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('sends x-request-id on every response, echoing a safe incoming one', async () => {
    const own = await t.request({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(own.headers['x-request-id']).toBe('abc-123');
    const unsafe = await t.request({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(unsafe.headers['x-request-id']).not.toContain('bad');
    const missing = await t.request({ method: 'GET', url: '/v1/nothing-here' });
    expect(missing.headers['x-request-id']).toBeTruthy();
  });

  it('answers unknown routes with a 404 problem', async () => {
    const response = await t.request({ method: 'GET', url: '/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('answers invalid JSON with 400 and no internals', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/v1/societies',
      token: admin,
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'bad_request', detail: 'The request body is not valid JSON.' });
    expect(response.body).not.toMatch(/at \w+ \(|node_modules|SyntaxError/);
  });

  it('answers an oversized body with 413', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/v1/societies',
      token: admin,
      payload: { name: 'x'.repeat(10_000), type: 'society', discipline: 'science' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('payload_too_large');
  });

  it('answers a non-JSON body with 415', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/v1/societies',
      token: admin,
      headers: { 'content-type': 'text/plain' },
      payload: 'name=x',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('unsupported_media_type');
  });

  it('sets security headers', async () => {
    const response = await t.request({ method: 'GET', url: '/healthz' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('lets no cache keep an API answer unless its route allows it', async () => {
    const societies = await t.request({ method: 'GET', url: '/v1/societies', token: admin });
    expect(societies.statusCode).toBe(200);
    expect(societies.headers['cache-control']).toBe('no-store');
    const refused = await t.request({ method: 'GET', url: '/v1/societies' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
    // The public directory is meant to be cached, and says so.
    const directory = await t.request({ method: 'GET', url: '/v1/public/societies' });
    expect(directory.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
  });

  it('serves the OpenAPI 3.1 document and the docs page', async () => {
    const doc = (await t.request({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.Society).toBeDefined();
    expect((await t.request({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });

  it('documents every operation with an operationId, and secures every non-public one', async () => {
    const doc = (await t.request({ method: 'GET', url: '/openapi.json' })).json();
    for (const [path, operations] of Object.entries<
      Record<string, { operationId?: string; security?: unknown; responses: Record<string, unknown> }>
    >(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.operationId, `${method} ${path}`).toBeTruthy();
        expect(operation.responses['500'], `${method} ${path}`).toBeDefined();
      }
    }
    expect(doc.paths['/v1/societies'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/v1/auth/login'].post.security).toEqual([]);
  });
});

describe('access declarations', () => {
  it('refuses to start when an API route does not declare who may call it', async () => {
    const app = Fastify();
    await app.register(errorsPlugin);
    await app.register(authPlugin, { db: t.database.db, tokens: t.app.tokens });
    expect(() => app.get('/v1/forgotten', async () => 'open')).toThrow(/does not declare its access/);
    await app.close();
  });
});

describe('rate limiting', () => {
  it('answers 429 problem+json with Retry-After past the limit', async () => {
    const limited = await startTestApp('postgres', { RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<TestApp['request']>> | undefined;
      for (let i = 0; i < 5; i++) {
        last = await limited.request({ method: 'GET', url: '/v1/societies' });
        statuses.push(last.statusCode);
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses[4]).toBe(429);
      expect(last?.headers['retry-after']).toBeDefined();
      expect(last?.json().code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
