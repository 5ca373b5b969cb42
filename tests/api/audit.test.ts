import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
let societyId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
  societyId = await t.createSociety(admin, { name: '市审计测试学会' });
  for (const chair of ['甲', '乙', '丙']) {
    const current = (await t.request({ method: 'GET', url: `/v1/societies/${societyId}`, token: admin })).json();
    await t.request({
      method: 'PATCH',
      url: `/v1/societies/${societyId}`,
      token: admin,
      headers: { 'if-match': `"${current.version}"` },
      payload: { chairName: chair },
    });
  }
});
afterAll(async () => t?.close());

describe('reading the audit log', () => {
  it('lists changes newest first with actor, before and after', async () => {
    const page = (
      await t.request({ method: 'GET', url: `/v1/audit-log?resourceId=${societyId}`, token: admin })
    ).json();
    expect(page.items.map((e: { action: string }) => e.action)).toEqual([
      'society.update',
      'society.update',
      'society.update',
      'society.create',
    ]);
    expect(page.items[0]).toMatchObject({
      actor: { kind: 'user', name: 'admin' },
      resourceType: 'society',
      before: expect.objectContaining({ chairName: '乙' }),
      after: expect.objectContaining({ chairName: '丙' }),
    });
  });

  it('filters by action prefix and pages with cursors', async () => {
    const first = (
      await t.request({ method: 'GET', url: '/v1/audit-log?action=society.*&limit=2', token: admin })
    ).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await t.request({
        method: 'GET',
        url: `/v1/audit-log?action=society.*&limit=2&cursor=${first.nextCursor}`,
        token: admin,
      })
    ).json();
    expect(second.items[0].seq).toBeLessThan(first.items[1].seq);
  });

  it('is readable by auditors and not by officers or reviewers', async () => {
    expect(
      (await t.request({ method: 'GET', url: '/v1/audit-log', token: await t.userToken('auditor') })).statusCode,
    ).toBe(200);
    expect(
      (await t.request({ method: 'GET', url: '/v1/audit-log', token: await t.userToken('reviewer') })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request({
          method: 'GET',
          url: '/v1/audit-log',
          token: await t.userToken('society_officer', [societyId]),
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('tamper evidence', () => {
  it('verifies an intact chain', async () => {
    const result = (await t.request({ method: 'GET', url: '/v1/audit-log/verify', token: admin })).json();
    expect(result).toMatchObject({ ok: true, brokenAt: null });
    expect(result.checked).toBeGreaterThanOrEqual(5);
  });

  it('refuses TRUNCATE at the database', async () => {
    await expect(sql`TRUNCATE audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('detects a row altered behind the API’s back', async () => {
    const target = await t.database.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'society.update')
      .orderBy('seq')
      .limit(1)
      .executeTakeFirstOrThrow();
    // Someone with database access switches the guard off and edits history.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`.execute(t.database.db);
    await sql`UPDATE audit_log SET after = jsonb_set(after, '{chairName}', '"伪造"') WHERE seq = ${target.seq}`.execute(
      t.database.db,
    );
    const result = (await t.request({ method: 'GET', url: '/v1/audit-log/verify', token: admin })).json();
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toMatchObject({ seq: target.seq, reason: 'altered' });
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`.execute(t.database.db);
  });

  it('detects a row removed behind the API’s back', async () => {
    const fresh = await startTestApp();
    try {
      const token = await fresh.login(ADMIN.username, ADMIN.password);
      for (const name of ['市一学会', '市二学会', '市三学会']) {
        await fresh.request({
          method: 'POST',
          url: '/v1/societies',
          token,
          payload: { name, type: 'society', discipline: 'science' },
        });
      }
      const rows = await fresh.database.db.selectFrom('audit_log').select('seq').orderBy('seq').execute();
      const victim = rows[rows.length - 2]?.seq ?? 0;
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`.execute(fresh.database.db);
      await sql`DELETE FROM audit_log WHERE seq = ${victim}`.execute(fresh.database.db);
      const result = (await fresh.request({ method: 'GET', url: '/v1/audit-log/verify', token })).json();
      expect(result.ok).toBe(false);
      expect(result.brokenAt).toMatchObject({ seq: rows[rows.length - 1]?.seq, reason: 'missing_before' });
    } finally {
      await fresh.close();
    }
  });
});
