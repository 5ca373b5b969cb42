import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';
import { freePort } from '../support/server-process';

/** A stand-in for the city's unified login: it publishes a JWKS and signs RS256 tokens. */
let provider: Server;
let providerKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let t: TestApp;
const ISSUER = 'https://login.city.example';

function providerToken(claims: Record<string, unknown>, options: { audience?: string; key?: typeof providerKey } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'city-1' })
    .setIssuer(ISSUER)
    .setAudience(options.audience ?? 'society-hub')
    .setExpirationTime('5m')
    .sign(options.key ?? providerKey);
}

beforeAll(async () => {
  const keys = await generateKeyPair('RS256');
  providerKey = keys.privateKey;
  const jwks = { keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'city-1', alg: 'RS256', use: 'sig' }] };
  const port = await freePort();
  provider = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => provider.listen(port, '127.0.0.1', resolve));
  t = await startTestApp('postgres', {
    OIDC_ISSUER: ISSUER,
    OIDC_JWKS_URL: `http://127.0.0.1:${port}/jwks`,
    OIDC_AUDIENCE: 'society-hub',
    OIDC_ROLE_MAP: 'sh-admin=admin,sh-auditor=auditor,sh-reviewer=reviewer',
  });
});
afterAll(async () => {
  await t?.close();
  provider?.close();
});

describe('trusting the city’s unified login', () => {
  it('accepts a provider token, creating the local account with the mapped role on first sight', async () => {
    const token = await providerToken({ preferred_username: 'zhang.wei', roles: ['staff', 'sh-auditor'] });
    const me = await t.request({ method: 'GET', url: '/v1/auth/me', token });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'zhang.wei', role: 'auditor' });
    // An auditor reads and cannot write, exactly like a local auditor.
    expect((await t.request({ method: 'GET', url: '/v1/audit-log', token })).statusCode).toBe(200);
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/v1/societies',
          token,
          payload: { name: '市X会', type: 'society', discipline: 'science' },
        })
      ).statusCode,
    ).toBe(403);
    // No password can log in to a provider account.
    expect((await t.tryLogin('zhang.wei', '!external')).statusCode).toBe(401);
  });

  it('follows a role change at the provider, and the audit log records it', async () => {
    const token = await providerToken({ preferred_username: 'li.na', roles: 'sh-reviewer' });
    expect((await t.request({ method: 'GET', url: '/v1/auth/me', token })).json().role).toBe('reviewer');
    const promoted = await providerToken({ preferred_username: 'li.na', roles: ['sh-admin'] });
    expect((await t.request({ method: 'GET', url: '/v1/auth/me', token: promoted })).json().role).toBe('admin');
    const admin = await t.login(ADMIN.username, ADMIN.password);
    const log = (await t.request({ method: 'GET', url: '/v1/audit-log?action=user.*', token: admin })).json();
    expect(log.items.map((e: { action: string }) => e.action)).toContain('user.role_from_identity_provider');
  });

  it('refuses a provider account without a mapped role (403), and a disabled one (401)', async () => {
    expect(
      (
        await t.request({
          method: 'GET',
          url: '/v1/auth/me',
          token: await providerToken({ preferred_username: 'guest', roles: ['staff'] }),
        })
      ).statusCode,
    ).toBe(403);
    const token = await providerToken({ preferred_username: 'wang.fang', roles: ['sh-reviewer'] });
    const me = (await t.request({ method: 'GET', url: '/v1/auth/me', token })).json();
    const admin = await t.login(ADMIN.username, ADMIN.password);
    await t.request({
      method: 'PATCH',
      url: `/v1/users/${me.id}`,
      token: admin,
      headers: { 'if-match': '"1"' },
      payload: { disabled: true },
    });
    expect((await t.request({ method: 'GET', url: '/v1/auth/me', token })).statusCode).toBe(401);
  });

  it('refuses tokens for another audience or signed by another key', async () => {
    const wrongAudience = await providerToken(
      { preferred_username: 'zhao', roles: ['sh-admin'] },
      { audience: 'other-app' },
    );
    expect((await t.request({ method: 'GET', url: '/v1/auth/me', token: wrongAudience })).statusCode).toBe(401);
    const { privateKey } = await generateKeyPair('RS256');
    const impostor = await providerToken({ preferred_username: 'zhao', roles: ['sh-admin'] }, { key: privateKey });
    expect((await t.request({ method: 'GET', url: '/v1/auth/me', token: impostor })).statusCode).toBe(401);
  });
});
