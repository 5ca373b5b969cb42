import { createHash, createHmac, generateKeyPairSync, randomBytes, scryptSync } from 'node:crypto';
import { insertUser } from '@society-hub/api/testing';
import { importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

function refreshCookie(response: { cookies: { name: string; value: string }[] }): string {
  const cookie = response.cookies.find((c) => c.name === 'sh_refresh');
  if (!cookie) throw new Error('no refresh cookie');
  return cookie.value;
}

/** Moves a spent refresh token's use a minute back: past the interval in which it may be spent again. */
async function spentLongAgo(token: string): Promise<void> {
  const { numUpdatedRows } = await t.database.db
    .updateTable('refresh_tokens')
    .set({ used_at: new Date(Date.now() - 60_000) })
    .where('token_hash', '=', createHash('sha256').update(token).digest('hex'))
    .where('used_at', 'is not', null)
    .executeTakeFirstOrThrow();
  expect(numUpdatedRows).toBe(1n);
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('login', () => {
  it('returns the contract shape and an httpOnly SameSite=Strict refresh cookie', async () => {
    const response = await t.request({ method: 'POST', url: '/v1/auth/login', payload: ADMIN });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { username: 'admin', role: 'admin', societyIds: [] },
    });
    expect(body.accessToken.split('.')).toHaveLength(3);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/v1\/auth/);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await t.tryLogin('nobody', 'whatever-1');
    const wrong = await t.tryLogin('admin', 'wrong-password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
  });

  it('is case-insensitive on the username', async () => {
    expect(
      (await t.request({ method: 'POST', url: '/v1/auth/login', payload: { ...ADMIN, username: 'ADMIN' } })).statusCode,
    ).toBe(200);
  });

  it('returns the current user from /me', async () => {
    const token = await t.login(ADMIN.username, ADMIN.password);
    const response = await t.request({ method: 'GET', url: '/v1/auth/me', token });
    expect(response.json()).toMatchObject({ username: 'admin', role: 'admin' });
  });
});

describe('password hashes made with older parameters', () => {
  // scrypt N=2^15, r=8, p=1: what the API stored before it moved to N=2^13, p=10.
  const oldHash = (password: string) => {
    const salt = randomBytes(16);
    const key = scryptSync(password, salt, 32, { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    return `scrypt$32768$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
  };
  const storedHash = async (username: string) =>
    await t.database.db
      .selectFrom('users')
      .select(['password_hash', 'version'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();

  it('still verify, and are re-made with the current ones at a successful login only', async () => {
    await insertUser(t.database.db, {
      username: 'legacy',
      passwordHash: oldHash('legacy-password-1'),
      role: 'auditor',
    });
    const before = await storedHash('legacy');

    expect((await t.tryLogin('legacy', 'wrong-password')).statusCode).toBe(401);
    expect((await storedHash('legacy')).password_hash).toBe(before.password_hash);

    expect((await t.tryLogin('legacy', 'legacy-password-1')).statusCode).toBe(200);
    const after = await storedHash('legacy');
    expect(after.password_hash).toMatch(/^scrypt\$8192\$8\$10\$/);
    // A change of storage, not of the account: its version (and so its ETag) stays.
    expect(after.version).toBe(before.version);
    expect((await t.tryLogin('legacy', 'legacy-password-1')).statusCode).toBe(200);
    expect((await storedHash('legacy')).password_hash).toBe(after.password_hash);
  });
});

describe('refresh tokens', () => {
  it('rotates on every use, and reuse of a spent token revokes the whole family', async () => {
    const login = await t.request({ method: 'POST', url: '/v1/auth/login', payload: ADMIN });
    const first = refreshCookie(login);
    const second = await t.request({ method: 'POST', url: '/v1/auth/refresh', cookies: { sh_refresh: first } });
    expect(second.statusCode).toBe(200);
    const rotated = refreshCookie(second);
    expect(rotated).not.toBe(first);

    // Past the reuse interval a spent token can only be a copy.
    await spentLongAgo(first);
    const replay = await t.request({ method: 'POST', url: '/v1/auth/refresh', cookies: { sh_refresh: first } });
    expect(replay.statusCode).toBe(401);
    // The thief's replay also ended the legitimate holder's session.
    const legit = await t.request({ method: 'POST', url: '/v1/auth/refresh', cookies: { sh_refresh: rotated } });
    expect(legit.statusCode).toBe(401);
  });

  it('lets tabs that refresh with one cookie at once all keep the session', async () => {
    const login = await t.request({ method: 'POST', url: '/v1/auth/login', payload: ADMIN });
    const shared = refreshCookie(login);
    const tabs = await Promise.all(
      [1, 2, 3].map(() => t.request({ method: 'POST', url: '/v1/auth/refresh', cookies: { sh_refresh: shared } })),
    );
    expect(tabs.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    // Each got a token of its own, and whichever the cookie jar keeps goes on working.
    const cookies = tabs.map(refreshCookie);
    expect(new Set(cookies).size).toBe(3);
    for (const cookie of cookies) {
      const next = await t.request({ method: 'POST', url: '/v1/auth/refresh', cookies: { sh_refresh: cookie } });
      expect(next.statusCode).toBe(200);
    }
  });

  it('ends the session on logout', async () => {
    const login = await t.request({ method: 'POST', url: '/v1/auth/login', payload: ADMIN });
    const cookie = refreshCookie(login);
    expect(
      (await t.request({ method: 'POST', url: '/v1/auth/logout', cookies: { sh_refresh: cookie } })).statusCode,
    ).toBe(204);
    expect(
      (await t.request({ method: 'POST', url: '/v1/auth/refresh', cookies: { sh_refresh: cookie } })).statusCode,
    ).toBe(401);
  });

  it('answers 401 problem+json without a cookie', async () => {
    const response = await t.request({ method: 'POST', url: '/v1/auth/refresh' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthorized');
  });
});

describe('forged and broken tokens are 401', () => {
  async function status(token: string) {
    return (await t.request({ method: 'GET', url: '/v1/auth/me', token })).statusCode;
  }

  it('accepts a genuine token (control)', async () => {
    expect(await status(await t.login(ADMIN.username, ADMIN.password))).toBe(200);
  });

  it('refuses alg: none', async () => {
    const genuine = await t.login(ADMIN.username, ADMIN.password);
    const payload = genuine.split('.')[1];
    expect(await status(`${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`)).toBe(401);
  });

  it('refuses HS256 signed with a guessed secret', async () => {
    const genuine = await t.login(ADMIN.username, ADMIN.password);
    const payload = genuine.split('.')[1];
    const header = base64url({ alg: 'HS256', typ: 'JWT' });
    const signature = createHmac('sha256', 'secret').update(`${header}.${payload}`).digest('base64url');
    expect(await status(`${header}.${payload}.${signature}`)).toBe(401);
  });

  it('refuses an edited payload', async () => {
    const [header, payload, signature] = (await t.login(ADMIN.username, ADMIN.password)).split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const edited = base64url({ ...claims, role: 'admin', sub: '01936b2e-0000-7000-8000-000000000000' });
    expect(await status(`${header}.${edited}.${signature}`)).toBe(401);
  });

  it('refuses tokens signed by another key', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const me = (
      await t.request({ method: 'GET', url: '/v1/auth/me', token: await t.login(ADMIN.username, ADMIN.password) })
    ).json();
    const token = await new SignJWT({ role: 'admin', typ: 'user' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(me.id)
      .setIssuer('society-hub')
      .setAudience('society-hub-api')
      .setExpirationTime('10m')
      .sign(privateKey);
    expect(await status(token)).toBe(401);
  });

  it('refuses tokens signed with the real key but expired, or for another issuer or audience', async () => {
    // Sign with the server's own key (read from its table) to isolate each claim check.
    const row = await t.database.db
      .selectFrom('signing_keys')
      .select(['kid', 'private_jwk'])
      .where('retired_at', 'is', null)
      .executeTakeFirstOrThrow();
    const key = await importJWK(row.private_jwk as JWK, 'ES256');
    const me = (
      await t.request({ method: 'GET', url: '/v1/auth/me', token: await t.login(ADMIN.username, ADMIN.password) })
    ).json();
    const sign = (claims: { iss?: string; aud?: string; exp?: number | string }) =>
      new SignJWT({ role: 'admin', typ: 'user' })
        .setProtectedHeader({ alg: 'ES256', kid: row.kid })
        .setSubject(me.id)
        .setIssuer(claims.iss ?? 'society-hub')
        .setAudience(claims.aud ?? 'society-hub-api')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
        .setExpirationTime(claims.exp ?? '10m')
        .sign(key);
    expect(await status(await sign({}))).toBe(200);
    expect(await status(await sign({ exp: Math.floor(Date.now() / 1000) - 60 }))).toBe(401);
    expect(await status(await sign({ iss: 'someone-else' }))).toBe(401);
    expect(await status(await sign({ aud: 'another-api' }))).toBe(401);
  });

  it('refuses garbage', async () => {
    expect(await status('not.a.token')).toBe(401);
    expect(
      (await t.request({ method: 'GET', url: '/v1/auth/me', headers: { authorization: 'Basic abc' } })).statusCode,
    ).toBe(401);
  });
});

describe('the key set', () => {
  it('publishes public keys only', async () => {
    const response = await t.request({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(response.statusCode).toBe(200);
    const { keys } = response.json();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'EC', alg: 'ES256', use: 'sig' });
      expect(key).not.toHaveProperty('d');
    }
  });
});
