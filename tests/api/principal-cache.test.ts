import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

/**
 * Callers are cached between requests (plugins/auth.ts, modules/auth/principal-cache.ts) and a
 * trigger notifies every process when an account or client changes. These tests change accounts
 * behind the API's back, as another process or an operator in psql would.
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const me = (token: string) => t.request({ method: 'GET', url: '/v1/auth/me', token });

async function statusWithin(token: string, expected: number, ms: number): Promise<number> {
  const deadline = Date.now() + ms;
  for (;;) {
    const { statusCode } = await me(token);
    if (statusCode === expected || Date.now() > deadline) return statusCode;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the caller cache', () => {
  it('serves a known caller without reading the account again, until a change is notified', async () => {
    const token = await t.userToken('auditor');
    const { id } = (await me(token)).json<{ id: string }>();
    // Disabled with the notification trigger switched off for this one statement: only the cache
    // can still let the caller in, which proves there is one.
    await t.database.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await sql`UPDATE users SET disabled = true WHERE id = ${id}`.execute(trx);
    });
    expect((await me(token)).statusCode).toBe(200);
    // The notification any change sends empties it in every process.
    await sql`NOTIFY principal_changed`.execute(t.database.db);
    expect(await statusWithin(token, 401, 5000)).toBe(401);
  });

  it('lets a change made elsewhere take effect at once', async () => {
    const token = await t.userToken('auditor');
    const { id } = (await me(token)).json<{ id: string }>();
    expect((await me(token)).statusCode).toBe(200);
    await sql`UPDATE users SET disabled = true WHERE id = ${id}`.execute(t.database.db);
    expect(await statusWithin(token, 401, 5000)).toBe(401);
  });

  it('drops a caller this process changes the moment the change commits', async () => {
    const token = await t.userToken('reviewer');
    const { id } = (await me(token)).json<{ id: string }>();
    const admin = await t.login('admin', 'admin-password-1');
    const user = await t.request({ method: 'GET', url: `/v1/users/${id}`, token: admin });
    const disabled = await t.request({
      method: 'PATCH',
      url: `/v1/users/${id}`,
      token: admin,
      headers: { 'if-match': String(user.headers.etag) },
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    // No waiting for the notification: the very next request is refused.
    expect((await me(token)).statusCode).toBe(401);
  });
});
