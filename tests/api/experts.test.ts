import { withIdNumberCheck } from '@society-hub/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';
import { expertPayload } from '../support/expert';

let t: TestApp;
let admin: string;
let societyId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login(ADMIN.username, ADMIN.password);
  societyId = await t.createSociety(admin, { name: '市化工学会' });
});
afterAll(async () => t?.close());

const expert = expertPayload;

describe('expert pools', () => {
  it('admits senior titles only', async () => {
    const junior = await t.request({
      method: 'POST',
      url: '/v1/experts',
      token: admin,
      payload: expert({ titleLevel: 'intermediate' }),
    });
    expect(junior.statusCode).toBe(400);
    expect(junior.json().errors[0].path).toBe('/body/titleLevel');
  });

  it('registers an expert with society affiliations and a sealed ID number', async () => {
    const id = withIdNumberCheck('37080219700101005');
    const response = await t.request({
      method: 'POST',
      url: '/v1/experts',
      token: admin,
      payload: expert({ idNumber: id, societyIds: [societyId], phone: '13700001111' }),
    });
    expect(response.statusCode).toBe(201);
    expect(response.body).not.toContain(id);
    expect(response.json()).toMatchObject({
      societyIds: [societyId],
      birthDate: '1970-01-01',
      idNumberMasked: `${id.slice(0, 4)}**********${id.slice(-4)}`,
    });
    const again = await t.request({
      method: 'POST',
      url: '/v1/experts',
      token: admin,
      payload: expert({ idNumber: id }),
    });
    expect(again.statusCode).toBe(409);
    const unknown = await t.request({
      method: 'POST',
      url: '/v1/experts',
      token: admin,
      payload: expert({ name: '孙', societyIds: ['01936b2e-0000-7000-8000-000000000000'] }),
    });
    expect(unknown.json().errors[0].code).toBe('unknown_society');
  });

  it('filters by pool, discipline, society and availability; lists mask phones', async () => {
    await t.request({
      method: 'POST',
      url: '/v1/experts',
      token: admin,
      payload: expert({ name: '科普达人', pools: ['popularisation'], disciplines: ['科学传播'] }),
    });
    const popular = (await t.request({ method: 'GET', url: '/v1/experts?pool=popularisation', token: admin })).json();
    expect(popular.items.map((e: { name: string }) => e.name)).toEqual(['科普达人']);
    const chem = (
      await t.request({
        method: 'GET',
        url: `/v1/experts?discipline=${encodeURIComponent('化学工程')}&societyId=${societyId}`,
        token: admin,
      })
    ).json();
    expect(chem.items).toHaveLength(1);
    expect(chem.items[0].phone).toBe('137****1111');
  });

  it('imports experts idempotently', async () => {
    const rows = [
      expert({ name: '导入专家甲', externalRef: 'E-1' }),
      expert({ name: '导入专家乙', externalRef: 'E-2', titleLevel: 'none' }),
    ];
    const first = (
      await t.request({ method: 'POST', url: '/v1/experts/import', token: admin, payload: { rows } })
    ).json();
    expect(first.summary).toEqual({ created: 1, updated: 0, unchanged: 0, error: 1 });
    const second = (
      await t.request({ method: 'POST', url: '/v1/experts/import', token: admin, payload: { rows } })
    ).json();
    expect(second.summary).toEqual({ created: 0, updated: 0, unchanged: 1, error: 1 });
    const changed = (
      await t.request({
        method: 'POST',
        url: '/v1/experts/import',
        token: admin,
        payload: { rows: [{ ...rows[0], available: false }] },
      })
    ).json();
    expect(changed.results[0].outcome).toBe('updated');
  });

  it('is read by auditors and hidden from officers and reviewers', async () => {
    expect(
      (await t.request({ method: 'GET', url: '/v1/experts', token: await t.userToken('auditor') })).statusCode,
    ).toBe(200);
    expect(
      (await t.request({ method: 'GET', url: '/v1/experts', token: await t.userToken('reviewer') })).statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: 'GET', url: '/v1/experts', token: await t.userToken('society_officer', [societyId]) }))
        .statusCode,
    ).toBe(403);
  });
});

describe('exporting experts', () => {
  const MATERIAL = '材料科学';
  const ID_NUMBER = withIdNumberCheck('11010819781124002');
  let materials: string;
  let auditor: string;

  beforeAll(async () => {
    auditor = await t.userToken('auditor');
    materials = await t.createSociety(admin, { name: '市材料学会' });
    const seed = [
      expert({
        name: '周材料',
        gender: 'female',
        idNumber: ID_NUMBER,
        phone: '13912342222',
        email: 'zhou@example.com',
        employer: '市材料研究所',
        titleLevel: 'associate_senior',
        disciplines: [MATERIAL, '冶金工程'],
        pools: ['science_technology', 'popularisation'],
        societyIds: [societyId, materials],
        externalRef: 'EXP-M1',
      }),
      expert({ name: '吴材料', disciplines: [MATERIAL], available: false, pools: ['popularisation'] }),
      expert({ name: '郑化工', disciplines: ['化学工程'], societyIds: [societyId] }),
    ];
    for (const payload of seed) {
      const response = await t.request({ method: 'POST', url: '/v1/experts', token: admin, payload });
      if (response.statusCode !== 201) throw new Error(`expert not created: ${response.body}`);
    }
  });

  const exportCsv = async (query: string) => {
    const response = await t.request({ method: 'GET', url: `/v1/experts/export?format=csv&${query}`, token: auditor });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };
  /** The CSV as rows of cells (no cell here holds a comma, quote or line break). */
  const cells = (body: string) =>
    body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));

  it('downloads CSV with a BOM, Chinese headers, readable pools and societies, and masked personal data', async () => {
    const response = await exportCsv(`discipline=${encodeURIComponent(MATERIAL)}`);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['cache-control']).toBe('no-store');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toContain('attachment;');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('专家名单-')}`);
    expect(response.body.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = cells(response.body);
    expect(header).toEqual([
      '姓名',
      '性别',
      '出生日期',
      '身份证号（脱敏）',
      '手机（脱敏）',
      '邮箱',
      '工作单位',
      '职称',
      '专业领域',
      '专家库',
      '所属学会',
      '可参与评审',
      '外部编号',
    ]);
    expect(rows.map((row) => row[0])).toEqual(['吴材料', '周材料']);
    const zhou = Object.fromEntries((header ?? []).map((name, index) => [name, rows[1]?.[index]]));
    expect(zhou).toMatchObject({
      性别: '女',
      出生日期: '1978-11-24',
      '身份证号（脱敏）': `${ID_NUMBER.slice(0, 4)}**********${ID_NUMBER.slice(-4)}`,
      '手机（脱敏）': '139****2222',
      邮箱: 'zhou@example.com',
      工作单位: '市材料研究所',
      职称: '副高级',
      专业领域: `${MATERIAL}、冶金工程`,
      专家库: '科技专家库、科普专家库',
      可参与评审: '是',
      外部编号: 'EXP-M1',
    });
    expect(zhou.所属学会?.split('、').sort()).toEqual(['市化工学会', '市材料学会'].sort());
    expect(rows[0]?.[11]).toBe('否');
    // Never the full ID number or phone, and no ids where names belong.
    expect(response.body).not.toContain(ID_NUMBER);
    expect(response.body).not.toContain('13912342222');
    expect(response.body).not.toContain(societyId);
  });

  it('honours the same filters as the list', async () => {
    const names = async (query: string) =>
      cells((await exportCsv(query)).body)
        .slice(1)
        .map((row) => row[0])
        .sort();
    const listed = async (query: string) =>
      (await t.request({ method: 'GET', url: `/v1/experts?limit=500&${query}`, token: auditor }))
        .json()
        .items.map((e: { name: string }) => e.name)
        .sort();
    const material = `discipline=${encodeURIComponent(MATERIAL)}`;
    expect(await names(`${material}&available=false`)).toEqual(['吴材料']);
    expect(await names(`${material}&available=true`)).toEqual(['周材料']);
    expect(await names(`societyId=${materials}`)).toEqual(['周材料']);
    expect(await names(`q=${encodeURIComponent('材料研究')}`)).toEqual(['周材料']);
    expect(await names(`${material}&titleLevel=senior`)).toEqual(['吴材料']);
    for (const query of [`pool=popularisation`, `societyId=${societyId}`, 'titleLevel=associate_senior', '']) {
      const exported = await names(query);
      expect(exported.length).toBeGreaterThan(0);
      expect(exported, query).toEqual(await listed(query));
    }
    expect(await names(`${material}&pool=science_technology&societyId=${societyId}`)).toEqual(['周材料']);
  });

  it('downloads XLSX that Excel can open, with every page of a large pool', async () => {
    // More experts than one export page (500) holds, so the rows come from several pages.
    const rows = Array.from({ length: 520 }, (_, i) =>
      expert({
        name: `分页专家${String(i).padStart(3, '0')}`,
        disciplines: ['分页学科'],
        externalRef: `PAGE-${i}`,
        societyIds: [materials],
      }),
    );
    const imported = (
      await t.request({ method: 'POST', url: '/v1/experts/import', token: admin, payload: { rows } })
    ).json();
    expect(imported.summary.created).toBe(520);

    const response = await t.request({
      method: 'GET',
      url: `/v1/experts/export?discipline=${encodeURIComponent('分页学科')}`,
      token: admin,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(String(response.headers['content-disposition'])).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    const bytes = response.rawPayload;
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('专家');
    expect(sheet?.rowCount).toBe(521);
    expect(sheet?.getRow(1).getCell(1).value).toBe('姓名');
    expect(sheet?.getRow(1).getCell(11).value).toBe('所属学会');
    expect(sheet?.getRow(2).getCell(1).value).toBe('分页专家000');
    expect(sheet?.getRow(521).getCell(1).value).toBe('分页专家519');
    // The society names are looked up on the later page too.
    expect(sheet?.getRow(521).getCell(11).value).toBe('市材料学会');
    expect(sheet?.getRow(521).getCell(10).value).toBe('科技专家库');

    const single = await t.request({
      method: 'GET',
      url: `/v1/experts/export?format=xlsx&q=${encodeURIComponent('周材料')}`,
      token: admin,
    });
    const one = new ExcelJS.Workbook();
    const raw = single.rawPayload;
    await one.xlsx.load(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer);
    const row = one.getWorksheet('专家')?.getRow(2);
    expect(row?.getCell(4).value).toBe(`${ID_NUMBER.slice(0, 4)}**********${ID_NUMBER.slice(-4)}`);
    expect(row?.getCell(5).value).toBe('139****2222');
  });

  it('is not mistaken for an expert id, rejects unknown formats, and is closed to officers', async () => {
    const bad = await t.request({ method: 'GET', url: '/v1/experts/export?format=pdf', token: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('/query/format');
    const unknownFilter = await t.request({ method: 'GET', url: '/v1/experts/export?limit=5', token: admin });
    expect(unknownFilter.statusCode).toBe(400);
    expect(
      (
        await t.request({
          method: 'GET',
          url: '/v1/experts/export',
          token: await t.userToken('society_officer', [societyId]),
        })
      ).statusCode,
    ).toBe(403);
  });
});
