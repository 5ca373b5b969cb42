import { withIdNumberCheck } from '@society-hub/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
let societyId: string;
let officer: string;
const ID = '11010519491231002X';

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
  societyId = await t.createSociety(admin, { name: '市医学会', discipline: 'medicine' });
  officer = await t.userToken('society_officer', [societyId]);
});
afterAll(async () => t?.close());

const create = (payload: Record<string, unknown>, token = officer, society = societyId) =>
  t.request({ method: 'POST', url: `/v1/societies/${society}/members`, token, payload });

describe('registering members', () => {
  it('keeps the ID number sealed: responses, lists and audit rows show only the mask', async () => {
    const response = await create({
      kind: 'individual',
      name: '张伟',
      idNumber: ID,
      phone: '13812345678',
      titleLevel: 'senior',
    });
    expect(response.statusCode).toBe(201);
    const member = response.json();
    expect(member).toMatchObject({
      name: '张伟',
      idNumberMasked: '1101**********002X',
      birthDate: '1949-12-31',
      status: 'active',
      phone: '13812345678',
    });
    expect(response.body).not.toContain(ID);
    const row = await t.database.db
      .selectFrom('members')
      .selectAll()
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(ID);
    const list = await t.request({ method: 'GET', url: `/v1/societies/${societyId}/members`, token: officer });
    expect(list.body).not.toContain(ID);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items[0].phone).toBe('138****5678');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('resource_id', '=', member.id)
      .execute();
    expect(JSON.stringify(audit)).not.toContain(ID);
    expect(JSON.stringify(audit)).not.toContain('13812345678');
  });

  it('names a bad check digit, an impossible birth date and a disagreeing birth date', async () => {
    const checksum = await create({ kind: 'individual', name: '李娜', idNumber: '110105194912310021' });
    expect(checksum.statusCode).toBe(422);
    expect(checksum.json().errors[0]).toMatchObject({ path: '/body/idNumber', code: 'id_number_checksum' });
    const disagree = await create({
      kind: 'individual',
      name: '李娜',
      idNumber: withIdNumberCheck('11010519800101003'),
      birthDate: '1980-01-02',
    });
    expect(disagree.json().errors[0].code).toBe('id_number_birth_date');
    const feb30 = await create({ kind: 'individual', name: '李娜', idNumber: withIdNumberCheck('11010519900230003') });
    expect(feb30.json().errors[0].code).toBe('id_number_birth_date');
  });

  it('takes a mainland mobile or a landline with its area code, nothing shorter', async () => {
    for (const phone of ['12345', '1234567890', '8888888']) {
      const refused = await create({ kind: 'individual', name: '钱电话', phone });
      expect(refused.statusCode, phone).toBe(400);
      expect(refused.json().errors[0]).toMatchObject({ path: '/body/phone', code: 'pattern' });
    }
    for (const phone of ['010-12345678', '0571-8888888', '+8613900000009']) {
      expect((await create({ kind: 'individual', name: '钱电话', phone })).statusCode, phone).toBe(201);
    }
  });

  it('registers a person once per society, matched by ID number or external reference', async () => {
    const again = await create({ kind: 'individual', name: '张伟', idNumber: ID.toLowerCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].code).toBe('already_member');
    expect((await create({ kind: 'individual', name: '王芳', externalRef: 'HR-001' })).statusCode).toBe(201);
    const ref = await create({ kind: 'individual', name: '王芳二', externalRef: 'HR-001' });
    expect(ref.json().errors[0].code).toBe('external_ref_taken');
    // The same person may belong to another society.
    const other = await t.createSociety(admin, { name: '市护理学会' });
    expect((await create({ kind: 'individual', name: '张伟', idNumber: ID }, admin, other)).statusCode).toBe(201);
  });

  it('registers institutional members with a checked credit code', async () => {
    const bad = await create({ kind: 'institutional', name: '市第一人民医院', orgCreditCode: '12370800MB28476150' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('/body/orgCreditCode');
  });
});

describe('membership lifecycle and dues', () => {
  it('approves an application, lapses, and reactivates only once the dues are paid', async () => {
    const applied = (await create({ kind: 'individual', name: '刘洋', status: 'applied' })).json();
    expect(applied.status).toBe('applied');
    expect(applied.joinedOn).toBeNull();
    const url = `/v1/members/${applied.id}/transitions`;
    const approved = await t.request({
      method: 'POST',
      url,
      token: officer,
      payload: { to: 'active', reason: '理事会审议通过' },
    });
    expect(approved.json()).toMatchObject({ status: 'active' });
    expect(approved.json().joinedOn).toBeTruthy();
    await t.request({ method: 'POST', url, token: officer, payload: { to: 'lapsed', reason: '宽限期后未缴会费' } });
    const early = await t.request({ method: 'POST', url, token: officer, payload: { to: 'active', reason: '恢复' } });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0].code).toBe('dues_unpaid');
    const year = new Date().getUTCFullYear();
    const dues = await t.request({
      method: 'POST',
      url: `/v1/members/${applied.id}/dues`,
      token: officer,
      payload: { year, amountFen: 20000, paidOn: new Date().toISOString().slice(0, 10) },
    });
    expect(dues.statusCode).toBe(201);
    const twice = await t.request({
      method: 'POST',
      url: `/v1/members/${applied.id}/dues`,
      token: officer,
      payload: { year, amountFen: 20000, paidOn: '2026-01-05' },
    });
    expect(twice.statusCode).toBe(409);
    expect(
      (await t.request({ method: 'POST', url, token: officer, payload: { to: 'active', reason: '已补缴' } })).json()
        .status,
    ).toBe('active');
    const invalid = await t.request({ method: 'POST', url, token: officer, payload: { to: 'applied', reason: 'x' } });
    expect(invalid.statusCode).toBe(409);
    expect(invalid.json().allowed.sort()).toEqual(['lapsed', 'suspended', 'withdrawn']);
  });
});

describe('reading and scope', () => {
  it('filters by status, title, youth and text', async () => {
    await create({ kind: 'individual', name: '青年学者', birthDate: '1995-05-05', titleLevel: 'intermediate' });
    const youth = (
      await t.request({ method: 'GET', url: `/v1/societies/${societyId}/members?youth=true`, token: officer })
    ).json();
    expect(youth.items.map((m: { name: string }) => m.name)).toContain('青年学者');
    expect(youth.items.map((m: { name: string }) => m.name)).not.toContain('张伟');
    const seniors = (
      await t.request({ method: 'GET', url: `/v1/societies/${societyId}/members?titleLevel=senior`, token: officer })
    ).json();
    expect(seniors.items.map((m: { name: string }) => m.name)).toEqual(['张伟']);
    const search = async (q: string) =>
      (
        await t.request({
          method: 'GET',
          url: `/v1/societies/${societyId}/members?q=${encodeURIComponent(q)}`,
          token: officer,
        })
      )
        .json()
        .items.map((m: { name: string }) => m.name);
    // Short queries match the start of the name; three characters or more match anywhere.
    expect(await search('青年')).toEqual(['青年学者']);
    expect(await search('学者')).toEqual([]);
    expect(await search('年学者')).toEqual(['青年学者']);
  });

  it('hides other societies’ members (404) and lets auditors read but not write', async () => {
    const other = await t.createSociety(admin, { name: '市药学会' });
    const foreign = (await create({ kind: 'individual', name: '外会会员' }, admin, other)).json();
    expect((await t.request({ method: 'GET', url: `/v1/members/${foreign.id}`, token: officer })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/v1/societies/${other}/members`, token: officer })).statusCode).toBe(
      404,
    );
    const auditor = await t.userToken('auditor');
    expect((await t.request({ method: 'GET', url: `/v1/members/${foreign.id}`, token: auditor })).statusCode).toBe(200);
    expect((await create({ kind: 'individual', name: 'x' }, auditor, other)).statusCode).toBe(403);
  });

  it('updates with If-Match and can clear the ID number', async () => {
    const member = (
      await create({ kind: 'individual', name: '待修改', idNumber: withIdNumberCheck('11010519850607004') })
    ).json();
    const url = `/v1/members/${member.id}`;
    expect((await t.request({ method: 'PATCH', url, token: officer, payload: { employer: 'x' } })).statusCode).toBe(
      428,
    );
    const cleared = await t.request({
      method: 'PATCH',
      url,
      token: officer,
      headers: { 'if-match': '"1"' },
      payload: { idNumber: null, employer: '市中心医院' },
    });
    expect(cleared.json()).toMatchObject({ idNumberMasked: null, employer: '市中心医院', version: 2 });
  });
});

describe('one person across societies', () => {
  it('finds the same person by ID number, else by name, birth date and phone, within the caller’s scope', async () => {
    const physics = await t.createSociety(admin, { name: '市物理学会' });
    const chemistry = await t.createSociety(admin, { name: '市化学会' });
    const both = await t.userToken('society_officer', [societyId, physics]);
    const idNumber = withIdNumberCheck('32010219800808001');
    const home = (await create({ kind: 'individual', name: '沈括', idNumber, phone: '13600000001' }, admin)).json();
    // The same ID number elsewhere (different phone): the same person.
    await create({ kind: 'individual', name: '沈括', idNumber }, admin, physics);
    // No ID number there, but name, birth date and phone agree.
    await create({ kind: 'individual', name: '沈括', birthDate: '1980-08-08', phone: '13600000001' }, admin, chemistry);
    // Same name and birth date, another ID number: another person.
    await create(
      { kind: 'individual', name: '沈括', idNumber: withIdNumberCheck('32010219800808011'), phone: '13600000001' },
      admin,
      chemistry,
    );
    const read = async (token: string) =>
      (await t.request({ method: 'GET', url: `/v1/members/${home.id}/memberships`, token })).json().items;
    const all = await read(admin);
    expect(all.map((m: { societyName: string; matchedBy: string }) => [m.societyName, m.matchedBy]).sort()).toEqual([
      ['市化学会', 'name_birth_date_phone'],
      ['市物理学会', 'id_number'],
    ]);
    // An officer of this society and physics sees physics only; chemistry stays invisible.
    expect((await read(both)).map((m: { societyName: string }) => m.societyName)).toEqual(['市物理学会']);
    expect(await read(officer)).toEqual([]);
    const outsider = await t.userToken('society_officer', [physics]);
    const hidden = await t.request({ method: 'GET', url: `/v1/members/${home.id}/memberships`, token: outsider });
    expect(hidden.statusCode).toBe(404);
  });
});

describe('member statistics', () => {
  it('counts by status, category and title, with youth and senior-title shares and growth', async () => {
    const stats = (
      await t.request({ method: 'GET', url: `/v1/societies/${societyId}/member-stats`, token: officer })
    ).json();
    const members = await t.database.db.selectFrom('members').selectAll().where('society_id', '=', societyId).execute();
    expect(stats.total).toBe(members.length);
    expect(stats.byStatus.active).toBe(members.filter((m) => m.status === 'active').length);
    expect(stats.byTitle.senior).toBe(members.filter((m) => m.title_level === 'senior').length);
    expect(stats.youth).toBe(1);
    expect(stats.joinedThisYear).toBeGreaterThan(0);
    const overall = (await t.request({ method: 'GET', url: '/v1/member-stats', token: officer })).json();
    expect(overall.total).toBe(stats.total);
    const everything = (await t.request({ method: 'GET', url: '/v1/member-stats', token: admin })).json();
    expect(everything.total).toBeGreaterThan(stats.total);
    expect(everything.societies).toBeGreaterThan(1);
  });

  it('counts by the calendar day of the city (UTC+8), not of UTC', async () => {
    // 00:30 on New Year's Day in the city is still 31 December in UTC.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-31T16:30:00Z') });
    try {
      const token = await t.login(ADMIN.username, ADMIN.password);
      const stats = (await t.request({ method: 'GET', url: '/v1/member-stats', token })).json();
      expect(stats.asOf).toBe('2027-01-01');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('exporting members', () => {
  it('downloads CSV with a BOM, Chinese headers and masked personal data, honouring filters', async () => {
    const response = await t.request({
      method: 'GET',
      url: `/v1/societies/${societyId}/members/export?format=csv&titleLevel=senior`,
      token: officer,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(String(response.headers['content-disposition'])).toContain("filename*=UTF-8''");
    expect(response.body.charCodeAt(0)).toBe(0xfeff);
    const lines = response.body.slice(1).trim().split('\n');
    expect(lines[0]).toContain('姓名,会员类型,性别');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('张伟');
    expect(lines[1]).toContain('1101**********002X');
    expect(lines[1]).toContain('138****5678');
    expect(lines[1]).toContain('正高级');
    expect(response.body).not.toContain('13812345678');
  });

  it('downloads XLSX that Excel can open', async () => {
    const response = await t.request({ method: 'GET', url: `/v1/societies/${societyId}/members/export`, token: admin });
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    // exceljs declares its own Buffer (an ArrayBuffer), so hand it exactly the payload's bytes.
    const bytes = response.rawPayload;
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('会员');
    const members = await t.database.db
      .selectFrom('members')
      .select('id')
      .where('society_id', '=', societyId)
      .execute();
    expect(sheet?.rowCount).toBe(members.length + 1);
    expect(sheet?.getRow(1).getCell(1).value).toBe('姓名');
  });

  it('answers 404 for another society before any download starts', async () => {
    const other = await t.createSociety(admin, { name: '市导出他会' });
    expect(
      (await t.request({ method: 'GET', url: `/v1/societies/${other}/members/export`, token: officer })).statusCode,
    ).toBe(404);
  });
});

describe('paging through members', () => {
  it('returns every member exactly once, in order, whatever the sort and however equal their sort values', async () => {
    const society = await t.createSociety(admin, { name: '市分页测试学会' });
    const names = ['丙', '甲', '乙', '甲', '丁', '甲', '戊'];
    const created: string[] = [];
    for (const name of names) created.push((await create({ kind: 'individual', name }, admin, society)).json().id);
    // Two members created in the same millisecond: only the id can tell them apart.
    await t.database.db
      .updateTable('members')
      .set({ created_at: new Date('2026-01-01T00:00:00.000Z') })
      .where('id', 'in', created.slice(0, 3))
      .execute();
    for (const sort of ['name', '-createdAt']) {
      const seen: { id: string; name: string }[] = [];
      let cursor: string | null = null;
      do {
        const response = await t.request({
          method: 'GET',
          url: `/v1/societies/${society}/members?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          token: admin,
        });
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json<{ items: { id: string; name: string }[]; nextCursor: string | null }>();
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen.map((m) => m.id)), sort).toEqual(new Set(created));
      const whole = await t.request({
        method: 'GET',
        url: `/v1/societies/${society}/members?sort=${sort}&limit=100`,
        token: admin,
      });
      expect(
        seen.map((m) => m.id),
        sort,
      ).toEqual(whole.json<{ items: { id: string }[] }>().items.map((m) => m.id));
    }
  });
});
