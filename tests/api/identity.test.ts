import { addressKey, LoginThrottle } from '@society-hub/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
let societyA: string;
let societyB: string;

beforeAll(async () => {
  t = await startTestApp('postgres', { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' });
  admin = await t.login(ADMIN.username, ADMIN.password);
  societyA = await t.createSociety(admin, { name: '市甲学会' });
  societyB = await t.createSociety(admin, { name: '市乙学会' });
});
afterAll(async () => t?.close());

async function createUser(body: Record<string, unknown>) {
  return t.request({ method: 'POST', url: '/v1/users', token: admin, payload: body });
}

describe('user administration', () => {
  it('creates an officer bound to societies; the password is never returned', async () => {
    const response = await createUser({
      username: 'officer.a',
      displayName: '甲会秘书处',
      password: 'a-strong-pass-123',
      role: 'society_officer',
      societyIds: [societyA],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      username: 'officer.a',
      role: 'society_officer',
      societyIds: [societyA],
      disabled: false,
    });
    expect(response.body).not.toContain('a-strong-pass-123');
    expect(response.json()).not.toHaveProperty('password');
    expect((await t.tryLogin('officer.a', 'a-strong-pass-123')).statusCode).toBe(200);
  });

  it('names each rule a new account breaks', async () => {
    const response = await createUser({ username: 'officer.b', password: 'officer.b-pass', role: 'society_officer' });
    expect(response.statusCode).toBe(422);
    const codes = response
      .json()
      .errors.map((e: { code: string }) => e.code)
      .sort();
    expect(codes).toEqual(['contains_username', 'required']);
    const unknown = await createUser({
      username: 'officer.c',
      password: 'long-enough-pw',
      role: 'society_officer',
      societyIds: ['01936b2e-0000-7000-8000-000000000000'],
    });
    expect(unknown.json().errors[0].code).toBe('unknown_society');
    const bound = await createUser({
      username: 'auditor.x',
      password: 'long-enough-pw',
      role: 'auditor',
      societyIds: [societyA],
    });
    expect(bound.json().errors[0].code).toBe('not_allowed');
    const short = await createUser({ username: 'shorty', password: 'short', role: 'auditor' });
    expect(short.statusCode).toBe(400);
  });

  it('refuses a taken username, whatever its case', async () => {
    const response = await createUser({ username: 'ADMIN', password: 'long-enough-pw', role: 'auditor' });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors[0].code).toBe('username_taken');
  });

  it('rebinds an officer with If-Match; the officer then sees only the new society', async () => {
    const user = (
      await createUser({
        username: 'officer.move',
        password: 'long-enough-pw',
        role: 'society_officer',
        societyIds: [societyA],
      })
    ).json();
    const token = await t.login('officer.move', 'long-enough-pw');
    const patched = await t.request({
      method: 'PATCH',
      url: `/v1/users/${user.id}`,
      token: admin,
      headers: { 'if-match': '"1"' },
      payload: { societyIds: [societyB] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().societyIds).toEqual([societyB]);
    expect((await t.request({ method: 'GET', url: `/v1/societies/${societyA}`, token })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/v1/societies/${societyB}`, token })).statusCode).toBe(200);
  });

  it('disabling a user refuses their access token at once and revokes their refresh tokens', async () => {
    const user = (await createUser({ username: 'to.disable', password: 'long-enough-pw', role: 'auditor' })).json();
    const login = await t.tryLogin('to.disable', 'long-enough-pw');
    const token = login.json().accessToken;
    const cookie = login.cookies.find((c) => c.name === 'sh_refresh')?.value ?? '';
    expect((await t.request({ method: 'GET', url: '/v1/auth/me', token })).statusCode).toBe(200);
    await t.request({
      method: 'PATCH',
      url: `/v1/users/${user.id}`,
      token: admin,
      headers: { 'if-match': '"1"' },
      payload: { disabled: true },
    });
    expect((await t.request({ method: 'GET', url: '/v1/auth/me', token })).statusCode).toBe(401);
    expect(
      (await t.request({ method: 'POST', url: '/v1/auth/refresh', cookies: { sh_refresh: cookie } })).statusCode,
    ).toBe(401);
    expect((await t.tryLogin('to.disable', 'long-enough-pw')).statusCode).toBe(401);
  });

  it('resets a password: the old one stops working and sessions end', async () => {
    const user = (await createUser({ username: 'forgetful', password: 'old-password-1', role: 'reviewer' })).json();
    const login = await t.tryLogin('forgetful', 'old-password-1');
    const cookie = login.cookies.find((c) => c.name === 'sh_refresh')?.value ?? '';
    const reset = await t.request({
      method: 'POST',
      url: `/v1/users/${user.id}/password`,
      token: admin,
      payload: { password: 'new-password-2' },
    });
    expect(reset.statusCode).toBe(200);
    expect(
      (await t.request({ method: 'POST', url: '/v1/auth/refresh', cookies: { sh_refresh: cookie } })).statusCode,
    ).toBe(401);
    expect((await t.tryLogin('forgetful', 'new-password-2')).statusCode).toBe(200);
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('resource_id', '=', user.id).execute();
    expect(JSON.stringify(audit)).not.toContain('new-password-2');
    expect(JSON.stringify(audit)).not.toMatch(/scrypt\$/);
  });

  it('changes one’s own password only with the current one, ending every other session, audited', async () => {
    await createUser({ username: 'careful', password: 'first-password-1', role: 'auditor' });
    const login = await t.tryLogin('careful', 'first-password-1');
    const token = login.json().accessToken;
    const cookie = login.cookies.find((c) => c.name === 'sh_refresh')?.value ?? '';
    const change = (body: Record<string, string>) =>
      t.request({ method: 'POST', url: '/v1/auth/password', token, payload: body });

    // A stolen access token alone does not change the password.
    const wrong = await change({ currentPassword: 'not-the-password', newPassword: 'second-password-2' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([
      { path: '/body/currentPassword', code: 'wrong_password', message: expect.any(String) },
    ]);
    expect((await t.tryLogin('careful', 'first-password-1')).statusCode).toBe(200);

    const changed = await change({ currentPassword: 'first-password-1', newPassword: 'second-password-2' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user).toMatchObject({ username: 'careful', mustChangePassword: false });
    expect(changed.cookies.find((c) => c.name === 'sh_refresh')?.value).toBeTruthy();
    // Other sessions (a thief's) end; the old password no longer works, the new one does.
    expect(
      (await t.request({ method: 'POST', url: '/v1/auth/refresh', cookies: { sh_refresh: cookie } })).statusCode,
    ).toBe(401);
    expect((await t.tryLogin('careful', 'first-password-1')).statusCode).toBe(401);
    expect((await t.tryLogin('careful', 'second-password-2')).statusCode).toBe(200);
    // Access tokens issued under the old password (a thief's) are refused; the new session's works.
    expect((await t.request({ method: 'GET', url: '/v1/auth/me', token })).statusCode).toBe(401);
    const fresh = changed.json().accessToken;
    expect((await t.request({ method: 'GET', url: '/v1/auth/me', token: fresh })).statusCode).toBe(200);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.password_change')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_name).toBe('careful');
    expect(JSON.stringify(audit)).not.toContain('second-password-2');
  });

  it('counts wrong current passwords as failed sign-ins', async () => {
    await createUser({ username: 'forgets.often', password: 'first-password-1', role: 'auditor' });
    const token = await t.login('forgets.often', 'first-password-1');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await t.request({
        method: 'POST',
        url: '/v1/auth/password',
        token,
        payload: { currentPassword: `guess-number-${i}`, newPassword: 'second-password-2' },
      });
      statuses.push(response.statusCode);
    }
    // LOGIN_MAX_FAILURES is 3 in this file.
    expect(statuses).toEqual([422, 422, 422, 429]);
  });

  it('refuses an administrator’s reset of their own password: that needs the current one', async () => {
    const me = (await t.request({ method: 'GET', url: '/v1/auth/me', token: admin })).json();
    const own = await t.request({
      method: 'POST',
      url: `/v1/users/${me.id}/password`,
      token: admin,
      payload: { password: 'taken-over-pw-9' },
    });
    expect(own.statusCode).toBe(422);
    expect(own.json().errors[0]).toMatchObject({ path: '/body/password', code: 'own_account' });
    expect((await t.tryLogin(ADMIN.username, ADMIN.password)).statusCode).toBe(200);
  });

  it('after an administrator’s reset, the user must choose a new password before anything else', async () => {
    const user = (await createUser({ username: 'was.reset', password: 'first-password-1', role: 'auditor' })).json();
    const before = await t.login('was.reset', 'first-password-1');
    const reset = await t.request({
      method: 'POST',
      url: `/v1/users/${user.id}/password`,
      token: admin,
      payload: { password: 'given-by-admin-1' },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().mustChangePassword).toBe(true);
    // An access token issued before the reset no longer works at all.
    const stale = await t.request({ method: 'GET', url: '/v1/auth/me', token: before });
    expect(stale.statusCode).toBe(401);
    expect(stale.headers['www-authenticate']).toMatch(/error="invalid_token"/);

    const login = await t.tryLogin('was.reset', 'given-by-admin-1');
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
    const token = login.json().accessToken;
    const refused = await t.request({ method: 'GET', url: '/v1/societies', token });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'password_change_required', title: 'Password change required' });
    expect((await t.request({ method: 'GET', url: '/v1/auth/me', token })).json().mustChangePassword).toBe(true);

    const changed = await t.request({
      method: 'POST',
      url: '/v1/auth/password',
      token,
      payload: { currentPassword: 'given-by-admin-1', newPassword: 'my-own-choice-2' },
    });
    expect(changed.statusCode).toBe(200);
    const fresh = changed.json().accessToken;
    expect((await t.request({ method: 'GET', url: '/v1/societies', token: fresh })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/v1/users/${user.id}`, token: admin })).json()).toMatchObject({
      mustChangePassword: false,
    });
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('resource_id', '=', user.id)
      .where('action', 'like', 'user.password%')
      .orderBy('seq')
      .execute();
    expect(actions).toEqual([
      { action: 'user.password_reset', actor_name: 'admin' },
      { action: 'user.password_change', actor_name: 'was.reset' },
    ]);
  });

  it('never leaves the platform without an active administrator, nor lets one lock themselves out', async () => {
    const me = (await t.request({ method: 'GET', url: '/v1/auth/me', token: admin })).json();
    const self = await t.request({
      method: 'PATCH',
      url: `/v1/users/${me.id}`,
      token: admin,
      headers: { 'if-match': '"1"' },
      payload: { disabled: true },
    });
    expect(self.statusCode).toBe(422);
    expect(self.json().code).toBe('rule_violation');
    expect(self.json().errors[0].code).toBe('own_account');
  });

  it('lets an auditor read accounts but change none', async () => {
    const auditor = await t.userToken('auditor');
    expect((await t.request({ method: 'GET', url: '/v1/users', token: auditor })).statusCode).toBe(200);
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/v1/users',
          token: auditor,
          payload: { username: 'x1x', password: 'long-enough-pw', role: 'auditor' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('lists with filters and cursors', async () => {
    const page = (
      await t.request({ method: 'GET', url: '/v1/users?role=society_officer&limit=1', token: admin })
    ).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0].role).toBe('society_officer');
    expect(page.nextCursor).toBeTruthy();
  });
});

describe('login throttling', () => {
  it('locks an account after repeated failures, for existing and unknown accounts alike, with Retry-After', async () => {
    for (const username of ['officer.a', 'no-such-account']) {
      for (let i = 0; i < 3; i++) {
        expect(
          (await t.request({ method: 'POST', url: '/v1/auth/login', payload: { username, password: 'wrong-guess-1' } }))
            .statusCode,
        ).toBe(401);
      }
      const locked = await t.request({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { username, password: 'a-strong-pass-123' },
      });
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(locked.json().code).toBe('rate_limited');
    }
  });

  it('throttles per address too', async () => {
    const strict = await startTestApp('postgres', { LOGIN_MAX_FAILURES: '100', LOGIN_MAX_FAILURES_PER_ADDRESS: '4' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await strict.tryLogin(`guess${i}`, 'wrong-guess-1')).statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    } finally {
      await strict.close();
    }
  });
});

describe('login throttling per account and address (no lock-out of the owner by a guesser)', () => {
  const GUESSER = '203.0.113.7';
  const OWNER = '198.51.100.20';

  it('locks a guesser out of an account at their address only, with doubling locks, under a ceiling per account', async () => {
    const app = await startTestApp('postgres', {
      LOGIN_MAX_FAILURES: '3',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '7',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
    });
    const attempt = (password: string, remoteAddress: string) =>
      app.request({ method: 'POST', url: '/v1/auth/login', remoteAddress, payload: { username: 'admin', password } });
    try {
      for (let i = 0; i < 3; i++) expect((await attempt('wrong-guess-1', GUESSER)).statusCode).toBe(401);
      // The guesser is refused even with the right password…
      const locked = await attempt(ADMIN.password, GUESSER);
      expect(locked.statusCode).toBe(429);
      const firstLock = Number(locked.headers['retry-after']);
      expect(firstLock).toBeGreaterThan(800);
      expect(firstLock).toBeLessThanOrEqual(900);
      // …while the owner, at their own address, signs in.
      expect((await attempt(ADMIN.password, OWNER)).statusCode).toBe(200);

      // When the lock is over, the next run of failures locks the guesser out twice as long.
      await app.database.db
        .updateTable('login_failures')
        .set({ locked_until: new Date(Date.now() - 1000), window_start: new Date(Date.now() - 1000) })
        .where('key', 'like', `pair:admin|${GUESSER}`)
        .execute();
      for (let i = 0; i < 3; i++) expect((await attempt('wrong-guess-2', GUESSER)).statusCode).toBe(401);
      const second = await attempt(ADMIN.password, GUESSER);
      expect(second.statusCode).toBe(429);
      expect(Number(second.headers['retry-after'])).toBeGreaterThan(1700);
      expect((await attempt(ADMIN.password, OWNER)).statusCode).toBe(200);

      // Guessing from many addresses meets the account's own ceiling (7 failures in the window).
      expect((await attempt('wrong-guess-3', '192.0.2.50')).statusCode).toBe(401);
      expect((await attempt(ADMIN.password, OWNER)).statusCode).toBe(429);

      // Keys quiet for a day with no lock in force are purged; locked ones stay.
      const keys = () => app.database.db.selectFrom('login_failures').select('key').orderBy('key').execute();
      const before = await keys();
      await app.database.db
        .updateTable('login_failures')
        .set({ window_start: new Date(Date.now() - 25 * 3600 * 1000) })
        .where('key', '=', 'pair:admin|192.0.2.50')
        .execute();
      await app.database.db
        .updateTable('login_failures')
        .set({ window_start: new Date(Date.now() - 25 * 3600 * 1000) })
        .where('key', '=', `pair:admin|${GUESSER}`)
        .execute();
      await new LoginThrottle(app.database.db, {
        perAccountAndAddress: 3,
        perAccount: 7,
        perAddress: 1000,
        windowSeconds: 900,
        maxLockSeconds: 86_400,
      }).purgeForgotten();
      expect((await keys()).map((k) => k.key)).toEqual(
        before.map((k) => k.key).filter((k) => k !== 'pair:admin|192.0.2.50'),
      );
    } finally {
      await app.close();
    }
  });

  it('counts IPv6 addresses by their /64 network (one host holds all of it)', () => {
    expect(addressKey('2001:db8:1:2::a')).toBe(addressKey('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(addressKey('2001:db8:1:2::a')).not.toBe(addressKey('2001:db8:1:3::a'));
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
  });
});

describe('machine clients', () => {
  async function createClient(body: Record<string, unknown>) {
    const response = await t.request({ method: 'POST', url: '/v1/clients', token: admin, payload: body });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string; clientId: string; clientSecret: string; version: number }>();
  }

  it('shows the secret once, stores only a hash, and issues tokens by form body, JSON or Basic', async () => {
    const client = await createClient({ name: '民政局社会组织登记系统', scopes: ['societies:read'] });
    expect(client.clientSecret).toMatch(/^shs_/);
    const row = await t.database.db
      .selectFrom('clients')
      .selectAll()
      .where('id', '=', client.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_hash).not.toContain(client.clientSecret);
    expect((await t.request({ method: 'GET', url: `/v1/clients/${client.id}`, token: admin })).body).not.toContain(
      client.clientSecret,
    );

    const form = await t.request({
      method: 'POST',
      url: '/v1/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${encodeURIComponent(client.clientSecret)}`,
    });
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ token_type: 'Bearer', scope: 'societies:read' });
    expect(form.headers['cache-control']).toBe('no-store');

    const json = await t.tryClientToken(client.clientId, client.clientSecret);
    expect(json.statusCode).toBe(200);

    const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64');
    const viaBasic = await t.request({
      method: 'POST',
      url: '/v1/oauth/token',
      headers: { authorization: `Basic ${basic}` },
      payload: { grant_type: 'client_credentials' },
    });
    expect(viaBasic.statusCode).toBe(200);

    const token = viaBasic.json().access_token;
    expect((await t.request({ method: 'GET', url: '/v1/societies', token })).statusCode).toBe(200);
    // Reading is all it may do.
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/v1/societies',
          token,
          payload: { name: '市X学会', type: 'society', discipline: 'science' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.request({ method: 'GET', url: '/v1/users', token })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/v1/auth/me', token })).statusCode).toBe(403);
  });

  it('answers OAuth errors with their RFC 6749 codes', async () => {
    const client = await createClient({ name: '财政局', scopes: ['societies:read'] });
    const wrong = await t.tryClientToken(client.clientId, 'shs_wrong');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'unauthorized', error: 'invalid_client' });
    const grant = await t.request({
      method: 'POST',
      url: '/v1/oauth/token',
      payload: { grant_type: 'password', client_id: client.clientId, client_secret: client.clientSecret },
    });
    expect(grant.json().error).toBe('unsupported_grant_type');
    const scope = await t.tryClientToken(client.clientId, client.clientSecret, 'societies:write');
    expect(scope.json().error).toBe('invalid_scope');
    const unknown = await t.tryClientToken('not-a-client', 'x');
    expect(unknown.json().error).toBe('invalid_client');
  });

  it('bound to a society, a client reaches only that society (others are 404)', async () => {
    const client = await createClient({
      name: '科技局项目系统',
      scopes: ['societies:read', 'societies:write'],
      societyIds: [societyA],
    });
    const token = (await t.tryClientToken(client.clientId, client.clientSecret)).json().access_token;
    expect((await t.request({ method: 'GET', url: `/v1/societies/${societyA}`, token })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/v1/societies/${societyB}`, token })).statusCode).toBe(404);
    const list = (await t.request({ method: 'GET', url: '/v1/societies', token })).json();
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([societyA]);
    // Bound clients keep a society's profile like its secretariat does, not its registry facts.
    const facts = await t.request({
      method: 'PATCH',
      url: `/v1/societies/${societyA}`,
      token,
      headers: { 'if-match': '*' },
      payload: { name: '改名' },
    });
    expect(facts.statusCode).toBe(403);
  });

  it('never keeps a secret for idempotent replays: a retry is told it was done', async () => {
    const headers = { 'idempotency-key': `client-create-${Date.now()}` };
    const payload = { name: '交通局', scopes: ['societies:read'] };
    const first = await t.request({ method: 'POST', url: '/v1/clients', token: admin, headers, payload });
    expect(first.statusCode).toBe(201);
    const secret = first.json().clientSecret;
    const stored = await t.database.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key', '=', headers['idempotency-key'])
      .execute();
    expect(JSON.stringify(stored)).not.toContain(secret);
    const retry = await t.request({ method: 'POST', url: '/v1/clients', token: admin, headers, payload });
    expect(retry.statusCode).toBe(409);
    expect(retry.body).not.toContain(secret);
    const clients = await t.database.db.selectFrom('clients').select('id').where('name', '=', '交通局').execute();
    expect(clients).toHaveLength(1);
  });

  it('rotating the secret or disabling the client takes effect at once', async () => {
    const client = await createClient({ name: '统计局', scopes: ['societies:read'] });
    const tokenOf = async (secret: string) => t.tryClientToken(client.clientId, secret);
    const token = (await tokenOf(client.clientSecret)).json().access_token;
    const rotated = (await t.request({ method: 'POST', url: `/v1/clients/${client.id}/secret`, token: admin })).json();
    expect(rotated.clientSecret).not.toBe(client.clientSecret);
    expect((await tokenOf(client.clientSecret)).statusCode).toBe(401);
    expect((await tokenOf(rotated.clientSecret)).statusCode).toBe(200);
    await t.request({
      method: 'PATCH',
      url: `/v1/clients/${client.id}`,
      token: admin,
      headers: { 'if-match': `"${rotated.version}"` },
      payload: { disabled: true },
    });
    expect((await t.request({ method: 'GET', url: '/v1/societies', token })).statusCode).toBe(401);
  });

  it('narrowing a client’s scopes applies to tokens already issued', async () => {
    const client = await createClient({ name: '发改委', scopes: ['societies:read', 'audit:read'] });
    const token = (await t.tryClientToken(client.clientId, client.clientSecret)).json().access_token;
    expect((await t.request({ method: 'GET', url: '/v1/audit-log', token })).statusCode).toBe(200);
    await t.request({
      method: 'PATCH',
      url: `/v1/clients/${client.id}`,
      token: admin,
      headers: { 'if-match': '"1"' },
      payload: { scopes: ['societies:read'] },
    });
    expect((await t.request({ method: 'GET', url: '/v1/audit-log', token })).statusCode).toBe(403);
  });
});

describe('signing key rotation', () => {
  it('signs with the new key while tokens of the old one keep working until they expire', async () => {
    const before = await t.login(ADMIN.username, ADMIN.password);
    const rotated = await t.request({ method: 'POST', url: '/v1/signing-keys', token: admin });
    expect(rotated.statusCode).toBe(201);
    const after = await t.login(ADMIN.username, ADMIN.password);
    const kidOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString()).kid;
    expect(kidOf(after)).toBe(rotated.json().kid);
    expect(kidOf(before)).not.toBe(kidOf(after));
    expect((await t.request({ method: 'GET', url: '/v1/auth/me', token: before })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/v1/auth/me', token: after })).statusCode).toBe(200);
    const jwks = (await t.request({ method: 'GET', url: '/.well-known/jwks.json' })).json();
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toEqual(expect.arrayContaining([kidOf(before), kidOf(after)]));
    const keys = (await t.request({ method: 'GET', url: '/v1/signing-keys', token: admin })).json().items;
    expect(keys.filter((k: { active: boolean }) => k.active)).toHaveLength(1);
  });
});
