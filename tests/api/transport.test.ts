/**
 * The console served over plain http on an intranet address (a 市科协 without TLS): no HSTS, no
 * upgrade-insecure-requests, no Secure cookie — and all three over TLS, including as a trusted proxy
 * says. The browser's view of the same is tests/e2e/plain-http.e2e.test.ts.
 */
import { describeServing } from '@society-hub/api/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';

const apps: TestApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
});

async function appWith(env: Record<string, string>): Promise<TestApp> {
  const app = await startTestApp('postgres', env);
  apps.push(app);
  return app;
}

async function signIn(app: TestApp, headers: Record<string, string> = {}) {
  const response = await app.request({ method: 'POST', url: '/v1/auth/login', headers, payload: ADMIN });
  expect(response.statusCode).toBe(200);
  return {
    csp: String(response.headers['content-security-policy']),
    hsts: response.headers['strict-transport-security'],
    cookie: String(response.headers['set-cookie']),
  };
}

describe('security that depends on the transport, decided per request', () => {
  it('over plain http: no upgrade-insecure-requests, no HSTS, no Secure cookie', async () => {
    const app = await appWith({});
    const plain = await signIn(app);
    expect(plain.csp).toContain("default-src 'self'");
    expect(plain.csp).not.toContain('upgrade-insecure-requests');
    expect(plain.hsts).toBeUndefined();
    expect(plain.cookie).toMatch(/HttpOnly/i);
    expect(plain.cookie).not.toMatch(/;\s*Secure/i);
    // An untrusted client cannot claim TLS.
    const claimed = await signIn(app, { 'x-forwarded-proto': 'https' });
    expect(claimed.hsts).toBeUndefined();
    expect(claimed.cookie).not.toMatch(/;\s*Secure/i);
  });

  it('behind a trusted TLS proxy: all three where X-Forwarded-Proto says https, none where it says http', async () => {
    const app = await appWith({ TRUST_PROXY: '1' });
    const tls = await signIn(app, { 'x-forwarded-proto': 'https' });
    expect(tls.csp).toContain('upgrade-insecure-requests');
    expect(tls.hsts).toMatch(/max-age=\d+/);
    expect(tls.cookie).toMatch(/;\s*Secure/i);
    const plain = await signIn(app, { 'x-forwarded-proto': 'http' });
    expect(plain.csp).not.toContain('upgrade-insecure-requests');
    expect(plain.hsts).toBeUndefined();
    expect(plain.cookie).not.toMatch(/;\s*Secure/i);
  });

  it('SECURE_COOKIES=1 still forces Secure, and production alone no longer does', async () => {
    const forced = await appWith({ SECURE_COOKIES: '1' });
    expect((await signIn(forced)).cookie).toMatch(/;\s*Secure/i);
    const production = await appWith({ NODE_ENV: 'production' });
    expect((await signIn(production)).cookie).not.toMatch(/;\s*Secure/i);
  });
});

describe('the start-up log', () => {
  const interfaces = {
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true } as const],
    eth0: [{ address: '192.0.2.2', family: 'IPv4', internal: false } as const],
  } as unknown as Parameters<typeof describeServing>[1];
  const base = { host: '0.0.0.0', port: 3000, trustProxy: false, secureCookies: 'auto', consoleDir: '/dist' } as const;

  it('says where the console is and what plain http means', () => {
    expect(describeServing(base, interfaces)).toEqual({
      level: 'warn',
      message:
        'console at http://localhost:3000, http://192.0.2.2:3000 — plain HTTP: cookies without Secure, no HSTS; put TLS in front for production (then TRUST_PROXY=1)',
    });
    expect(describeServing({ ...base, trustProxy: true }, interfaces).message).toMatch(/X-Forwarded-Proto/);
    expect(describeServing({ ...base, secureCookies: true }, interfaces).message).toMatch(/only over https/);
  });
});
