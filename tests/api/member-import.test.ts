import { withIdNumberCheck } from '@society-hub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
let societyId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
  societyId = await t.createSociety(admin, { name: '市计算机学会' });
});
afterAll(async () => t?.close());

const importRows = (rows: unknown[], dryRun = false) =>
  t.request({
    method: 'POST',
    url: `/v1/societies/${societyId}/members/import`,
    token: admin,
    payload: { rows, dryRun },
  });

const rows = [
  {
    kind: 'individual',
    name: '周杰',
    externalRef: 'M-1',
    idNumber: withIdNumberCheck('37080219800101001'),
    titleLevel: 'senior',
  },
  { kind: 'individual', name: '吴敏', externalRef: 'M-2', phone: '13900001111' },
  { kind: 'individual', name: '坏行', idNumber: '370802198001010010', titleLevel: 'professor', extra: 1 },
  { kind: 'individual', name: '郑强', idNumber: withIdNumberCheck('37080219751212003') },
  { kind: 'individual', name: '周杰重复', externalRef: 'M-1' },
];

describe('bulk import of members', () => {
  it('validates and matches in a dry run without writing anything', async () => {
    const response = await importRows(rows, true);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'created',
      'created',
      'error',
      'created',
      'error',
    ]);
    expect(body.results[2].errors.map((e: { path: string }) => e.path).sort()).toEqual(['/extra', '/titleLevel']);
    expect(body.results[4].errors[0].code).toBe('duplicate_in_batch');
    expect(body.dryRun).toBe(true);
    const stored = await t.database.db.selectFrom('members').select('id').where('society_id', '=', societyId).execute();
    expect(stored).toEqual([]);
  });

  it('imports every good row; the bad ones are reported and leave nothing behind', async () => {
    const body = (await importRows(rows)).json();
    expect(body.summary).toEqual({ created: 3, updated: 0, unchanged: 0, error: 2 });
    expect(body.results[0].id).toBeTruthy();
    const stored = await t.database.db
      .selectFrom('members')
      .select('name')
      .where('society_id', '=', societyId)
      .orderBy('name')
      .execute();
    expect(stored.map((m) => m.name).sort()).toEqual(['吴敏', '周杰', '郑强'].sort());
  });

  it('changes nothing when the same rows come again, and updates what changed', async () => {
    const again = (await importRows(rows)).json();
    expect(again.summary).toEqual({ created: 0, updated: 0, unchanged: 3, error: 2 });
    const changed = (await importRows([{ ...rows[1], phone: '13900002222' }, rows[3]])).json();
    expect(changed.results.map((r: { outcome: string }) => r.outcome)).toEqual(['updated', 'unchanged']);
    const log = (
      await t.request({ method: 'GET', url: `/v1/audit-log?action=member.import&societyId=${societyId}`, token: admin })
    ).json();
    expect(log.items).toHaveLength(4);
    expect(JSON.stringify(log.items)).not.toContain('13900002222');
  });

  it('refuses a new reference for a person already in the society, and keeps the chain intact', async () => {
    const body = (
      await importRows([{ kind: 'individual', name: '周杰', externalRef: 'M-9', idNumber: rows[0]?.idNumber }])
    ).json();
    expect(body.results[0]).toMatchObject({
      outcome: 'error',
      errors: [{ path: '/idNumber', code: 'already_member' }],
    });
    const verify = (await t.request({ method: 'GET', url: '/v1/audit-log/verify', token: admin })).json();
    expect(verify.ok).toBe(true);
  });

  it('decides each row after the ones before it, and falls back to row by row when the statements collide', async () => {
    // Row 0 moves M-6 off an ID number and row 1 gives that number to a new member: fine in this order,
    // but the batch inserts before it updates, so the unique index refuses the set-based statements; the
    // rows then run one by one, with the same outcome.
    const first = withIdNumberCheck('37080219900505004');
    const second = withIdNumberCheck('37080219910606005');
    await importRows([{ kind: 'individual', name: '王新', externalRef: 'M-6', idNumber: first }]);
    const body = (
      await importRows([
        { kind: 'individual', name: '王新', externalRef: 'M-6', idNumber: second },
        { kind: 'individual', name: '陈一', externalRef: 'M-7', idNumber: first },
      ])
    ).json();
    expect(body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['updated', 'created']);
    const stored = await t.database.db
      .selectFrom('members')
      .select(['external_ref', 'id_number_masked'])
      .where('society_id', '=', societyId)
      .where('external_ref', 'in', ['M-6', 'M-7'])
      .orderBy('external_ref')
      .execute();
    expect(stored.map((m) => m.external_ref)).toEqual(['M-6', 'M-7']);
    expect(stored[0]?.id_number_masked?.slice(-4)).toBe(second.slice(-4));
  });

  it('refuses more than 1000 rows, and answers 404 for a society out of scope', async () => {
    const tooMany = await importRows(
      Array.from({ length: 1001 }, (_, i) => ({ kind: 'individual', name: `成员${i}` })),
    );
    expect(tooMany.statusCode).toBe(400);
    const other = await t.createSociety(admin, { name: '市他会' });
    const officer = await t.userToken('society_officer', [societyId]);
    const foreign = await t.request({
      method: 'POST',
      url: `/v1/societies/${other}/members/import`,
      token: officer,
      payload: { rows: [{ kind: 'individual', name: 'x' }] },
    });
    expect(foreign.statusCode).toBe(404);
  });
});
