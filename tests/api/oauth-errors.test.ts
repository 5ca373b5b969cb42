/**
 * OAuth errors as standard clients read them: RFC 6749 §5.2 at the token endpoint, RFC 6750 §3
 * challenges on every 401, checked with a standard OAuth client library (oauth4webapi) over a real
 * socket, and directly on the headers.
 */
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let baseUrl: string;
let admin: string;
let as: oauth.AuthorizationServer;
const insecure = { [oauth.allowInsecureRequests]: true } as const;

beforeAll(async () => {
  t = await startTestApp('postgres', { LOGIN_MAX_FAILURES: '2' });
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  as = { issuer: baseUrl, token_endpoint: `${baseUrl}/v1/oauth/token` };
  admin = await t.login(ADMIN.username, ADMIN.password);
});
afterAll(async () => t?.close());

async function registerClient(): Promise<{ clientId: string; clientSecret: string }> {
  const response = await t.request({
    method: 'POST',
    url: '/v1/clients',
    token: admin,
    payload: { name: `统计局${Math.random().toString(36).slice(2, 6)}`, scopes: ['societies:read'] },
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

function tokenRequest(clientId: string, auth: oauth.ClientAuth, scope?: string) {
  return oauth.clientCredentialsGrantRequest(
    as,
    { client_id: clientId },
    auth,
    new URLSearchParams(scope ? { scope } : {}),
    insecure,
  );
}

/** What a standard client makes of a token-endpoint answer: the token, or the error it throws. */
async function grant(clientId: string, auth: oauth.ClientAuth, scope?: string): Promise<unknown> {
  try {
    return await oauth.processClientCredentialsResponse(
      as,
      { client_id: clientId },
      await tokenRequest(clientId, auth, scope),
    );
  } catch (error) {
    return error;
  }
}

describe('the token endpoint (RFC 6749 §5.2)', () => {
  it('issues a token to a standard client, by HTTP Basic and in the body', async () => {
    const { clientId, clientSecret } = await registerClient();
    for (const auth of [oauth.ClientSecretBasic(clientSecret), oauth.ClientSecretPost(clientSecret)]) {
      const result = await grant(clientId, auth);
      expect(result).toMatchObject({ token_type: 'bearer', scope: 'societies:read' });
    }
  });

  it('refuses a wrong secret sent by HTTP Basic with 401 invalid_client and a Basic challenge', async () => {
    const { clientId } = await registerClient();
    const error = await grant(clientId, oauth.ClientSecretBasic('shs_wrong'));
    expect(error).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
    const challenge = error as oauth.WWWAuthenticateChallengeError;
    expect(challenge.status).toBe(401);
    expect(challenge.cause[0]).toMatchObject({ scheme: 'basic', parameters: { realm: 'society-hub' } });
    expect(challenge.response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(challenge.response.headers.get('cache-control')).toBe('no-store');
    const body = await challenge.response.json();
    expect(body).toMatchObject({ error: 'invalid_client', error_description: expect.stringMatching(/secret/) });
  });

  it('answers a scope the client does not hold with invalid_scope and a description the client reads', async () => {
    const { clientId, clientSecret } = await registerClient();
    const error = await grant(clientId, oauth.ClientSecretPost(clientSecret), 'societies:write');
    expect(error).toBeInstanceOf(oauth.ResponseBodyError);
    expect(error).toMatchObject({
      status: 400,
      error: 'invalid_scope',
      error_description: expect.stringContaining('societies:write'),
    });
  });

  it('answers malformed requests, unknown grants and throttled clients as OAuth JSON too', async () => {
    const form = (body: string, headers: Record<string, string> = {}) =>
      t.request({
        method: 'POST',
        url: '/v1/oauth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: body,
      });
    const missing = await form('client_id=x');
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
    expect(missing.json()).toMatchObject({ error: 'invalid_request', error_description: expect.any(String) });

    const { clientId, clientSecret } = await registerClient();
    const password = await form(`grant_type=password&client_id=${clientId}&client_secret=${clientSecret}`);
    expect(password.json()).toMatchObject({ error: 'unsupported_grant_type', error_description: expect.any(String) });

    // LOGIN_MAX_FAILURES=2: the third attempt of this client from this address is throttled.
    const wrong = `grant_type=client_credentials&client_id=${clientId}&client_secret=shs_wrong`;
    expect((await form(wrong)).statusCode).toBe(401);
    const second = await form(wrong);
    expect(second.statusCode).toBe(401);
    expect(second.headers['www-authenticate']).toMatch(/^Basic realm="society-hub"/);
    const throttled = await form(wrong);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['content-type']).toMatch(/^application\/json/);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(throttled.json()).toMatchObject({ error: 'temporarily_unavailable', error_description: expect.any(String) });
  });

  it('declares its errors as application/json OAuthError in the API description', async () => {
    const document = (await t.request({ method: 'GET', url: '/openapi.json' })).json();
    const responses = document.paths['/v1/oauth/token'].post.responses;
    for (const status of ['400', '401', '429']) {
      expect(Object.keys(responses[status].content)).toEqual(['application/json']);
      expect(responses[status].content['application/json'].schema.$ref).toBe('#/components/schemas/OAuthError');
    }
    expect(document.components.schemas.OAuthError.required).toEqual(['error', 'error_description']);
  });
});

describe('bearer challenges (RFC 6750 §3)', () => {
  it('names invalid_token, with a description, when the token sent is not accepted', async () => {
    const error = await oauth
      .protectedResourceRequest('not.a.token', 'GET', new URL(`${baseUrl}/v1/societies`), new Headers(), null, insecure)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
    expect((error as oauth.WWWAuthenticateChallengeError).cause[0]).toEqual({
      scheme: 'bearer',
      parameters: {
        realm: 'society-hub',
        error: 'invalid_token',
        error_description: 'The access token is invalid or has expired.',
      },
    });
    // The body stays problem details.
    const response = (error as oauth.WWWAuthenticateChallengeError).response;
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('is the bare challenge without a token, and on every other 401', async () => {
    const none = await t.request({ method: 'GET', url: '/v1/societies' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="society-hub"');
    const basic = await t.request({ method: 'GET', url: '/v1/auth/me', headers: { authorization: 'Basic abc' } });
    expect(basic.headers['www-authenticate']).toBe('Bearer realm="society-hub"');
    const login = await t.tryLogin('admin', 'not-the-password');
    expect(login.statusCode).toBe(401);
    expect(login.headers['www-authenticate']).toBe('Bearer realm="society-hub"');
    const refresh = await t.request({ method: 'POST', url: '/v1/auth/refresh' });
    expect(refresh.headers['www-authenticate']).toBe('Bearer realm="society-hub"');
  });
});
