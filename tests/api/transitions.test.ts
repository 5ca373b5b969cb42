import { connectPostgres, migrateToLatest, migrations } from '@society-hub/api/testing';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';
import { createTestDatabase } from '../support/database';

/**
 * The one transition mechanism (lib/transitions.ts), seen from outside: every lifecycle takes an
 * optional If-Match and refuses a stale one, says who may take a move, needs a reason, and writes
 * its history and audit row the same way.
 */
let t: TestApp;
let admin: string;
let officer: string;
let societyId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
  societyId = await t.createSociety(admin, { name: '市转移学会' });
  officer = await t.userToken('society_officer', [societyId]);
});
afterAll(async () => t?.close());

const move = (url: string, token: string, to: string, reason: string, version?: number) =>
  t.request({
    method: 'POST',
    url,
    token,
    payload: { to, reason },
    ...(version === undefined ? {} : { headers: { 'if-match': `"${version}"` } }),
  });

const history = (resourceType: string, id: string) =>
  t.database.db
    .selectFrom('status_transitions')
    .selectAll()
    .where('resource_type', '=', resourceType)
    .where('resource_id', '=', id)
    .orderBy('at')
    .execute();

async function newMember(): Promise<{ id: string; version: number }> {
  const created = await t.request({
    method: 'POST',
    url: `/v1/societies/${societyId}/members`,
    token: officer,
    payload: { kind: 'individual', name: '李娜', titleLevel: 'intermediate' },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json();
}

describe('a move', () => {
  it('is refused on a stale If-Match (412) and lands on the version read, with history and audit', async () => {
    const member = await newMember();
    const stale = await move(
      `/v1/members/${member.id}/transitions`,
      officer,
      'suspended',
      '违反章程',
      member.version + 1,
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('precondition_failed');
    expect(await history('member', member.id)).toEqual([]);

    const moved = await move(`/v1/members/${member.id}/transitions`, officer, 'suspended', '违反章程', member.version);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'suspended', version: member.version + 1 });
    expect(moved.headers.etag).toBe(`"${member.version + 1}"`);

    const [entry, ...more] = await history('member', member.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      society_id: societyId,
      from_status: 'active',
      to_status: 'suspended',
      reason: '违反章程',
      actor_name: expect.stringContaining('society_officer'),
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('resource_id', '=', member.id)
      .where('action', 'like', 'member.transition.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['member.transition.suspended']);
    expect(audit[0]?.after).toMatchObject({ status: 'suspended', transitionReason: '违反章程' });
    const events = await t.database.db
      .selectFrom('outbox_events')
      .select('type')
      .where('resource_id', '=', member.id)
      .where('type', '=', 'member.status_changed')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('goes without If-Match too: a transition checks the version only when given one', async () => {
    const member = await newMember();
    const moved = await move(`/v1/members/${member.id}/transitions`, officer, 'withdrawn', '本人申请退会');
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().status).toBe('withdrawn');
  });

  it('needs a reason that is more than spaces, and writes nothing without one', async () => {
    const member = await newMember();
    const blank = await move(`/v1/members/${member.id}/transitions`, officer, 'suspended', '   ');
    expect(blank.statusCode).toBe(422);
    expect(blank.json().errors).toEqual([expect.objectContaining({ path: '/body/reason' })]);
    expect(await history('member', member.id)).toEqual([]);
  });

  it('is 409 invalid_transition with the allowed targets when the lifecycle has no such move', async () => {
    const member = await newMember();
    const invalid = await move(`/v1/members/${member.id}/transitions`, officer, 'applied', '退回申请');
    expect(invalid.statusCode).toBe(409);
    expect(invalid.json()).toMatchObject({ code: 'invalid_transition', allowed: ['lapsed', 'suspended', 'withdrawn'] });
  });

  it('is taken only by those the lifecycle names: a society does not move itself in the registry', async () => {
    const refused = await move(`/v1/societies/${societyId}/transitions`, officer, 'deregistered', '自行注销');
    expect(refused.statusCode).toBe(403);
    const society = (await t.request({ method: 'GET', url: `/v1/societies/${societyId}`, token: admin })).json();
    expect(society.status).toBe('preparing');
    expect(await history('society', societyId)).toEqual([]);
  });

  it('of a program is kept in the same history as every other lifecycle', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const created = await t.request({
      method: 'POST',
      url: '/v1/funding-programs',
      token: admin,
      payload: {
        name: '转移测试资助',
        year,
        opensOn: today,
        closesOn: `${year}-12-31`,
        totalBudgetFen: 1_000_000,
        reviewersPerApplication: 3,
        categories: [{ code: 'academic_exchange', name: '学术交流', capFen: 1_000_000, budgetFen: 1_000_000 }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const program = created.json();
    const stale = await move(
      `/v1/funding-programs/${program.id}/transitions`,
      admin,
      'open',
      '发布',
      program.version + 3,
    );
    expect(stale.statusCode).toBe(412);
    const opened = await move(`/v1/funding-programs/${program.id}/transitions`, admin, 'open', '发布', program.version);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(await history('funding_program', program.id)).toEqual([
      expect.objectContaining({ society_id: null, from_status: 'draft', to_status: 'open', reason: '发布' }),
    ]);
  });
});

describe('the history migration', () => {
  it('moves the three old histories into one, and back', async () => {
    const created = await createTestDatabase('sh_transitions');
    const database = connectPostgres(created.url, 2);
    try {
      const db = database.db;
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '2026-12-07T0014'));
      const migrator = (all: typeof migrations) => new Migrator({ db, provider: { getMigrations: async () => all } });
      expect((await migrator(before).migrateToLatest()).error).toBeUndefined();

      const society = '01900000-0000-7000-8000-000000000001';
      await sql`INSERT INTO societies (id, name, type, discipline, status) VALUES (${society}, '市迁移学会', 'society', 'science', 'active')`.execute(
        db,
      );
      await sql`INSERT INTO society_transitions (id, society_id, from_status, to_status, reason, actor_name, at)
        VALUES ('01900000-0000-7000-8000-000000000002', ${society}, 'preparing', 'active', '登记成立', 'admin', now())`.execute(
        db,
      );

      await migrateToLatest(database.db);
      const moved = await database.db.selectFrom('status_transitions').selectAll().execute();
      expect(moved).toEqual([
        expect.objectContaining({
          id: '01900000-0000-7000-8000-000000000002',
          resource_type: 'society',
          resource_id: society,
          society_id: society,
          to_status: 'active',
          reason: '登记成立',
        }),
      ]);

      // Down to the migration before the history's, whatever came after it.
      const previous = Object.keys(before).sort().at(-1) ?? '';
      expect((await migrator(migrations).migrateTo(previous)).error).toBeUndefined();
      const back = await sql<{ reason: string }>`SELECT reason FROM society_transitions`.execute(db);
      expect(back.rows).toEqual([{ reason: '登记成立' }]);
    } finally {
      await database.close();
      await created.drop();
    }
  });
});
