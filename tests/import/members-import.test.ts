import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows, writeSheet } from '../../tools/import/src/testing';
import {
  CHINESE_HEADERS,
  csvText,
  type ImportEnv,
  memberSheet,
  runCli,
  startImportEnv,
  summaryOf,
  writeCsv,
} from './support';

let e: ImportEnv;

beforeAll(async () => {
  e = await startImportEnv();
});
afterAll(async () => e?.close());

async function reportRows(path: string) {
  const rows: string[][] = [];
  for await (const row of readRows(path, { encoding: 'utf-8' })) rows.push(row.cells.map((c) => String(c ?? '')));
  return rows;
}

describe('importing members from a CSV file', () => {
  let societyId: string;
  const sheet = memberSheet(2500, { dates: 'text' });
  let file: string;
  let report: string;

  beforeAll(async () => {
    societyId = await e.newSociety('市医学会');
    file = join(e.dir, 'members.csv');
    report = join(e.dir, 'rejected.csv');
    await writeCsv(file, csvText(sheet.header, sheet.rows), { bom: true });
  });

  it('imports every good row in batches and reports every bad one with its row number and reasons', {
    timeout: 120_000,
  }, async () => {
    const result = await runCli(
      ['members', file, '--society', societyId, '--api', e.baseUrl, '--report', report],
      e.env,
    );
    expect(result.code, result.stderr).toBe(1);
    expect(summaryOf(result.stdout)).toEqual({ created: sheet.good, updated: 0, unchanged: 0, rejected: 25 });
    expect(result.stdout.trim().split('\n').at(-1)).toBe('created 2475, updated 0, unchanged 0, rejected 25');
    expect(await e.memberCount(societyId)).toBe(2475);

    const bytes = await readFile(report);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = await reportRows(report);
    expect(header).toEqual(['行号', '错误原因', ...CHINESE_HEADERS]);
    expect(lines).toHaveLength(25);
    // Row numbers are the file's: the header is line 1, data row i is line i + 2.
    expect(lines.map((l) => Number(l[0]))).toEqual([...sheet.bad.keys()].map((i) => i + 2));
    for (const line of lines) {
      const index = Number(line[0]) - 2;
      const column = sheet.bad.get(index) ?? '';
      expect(line[1]).toContain(column);
      // The original values, as they were in the file.
      expect(line.slice(2)).toEqual(sheet.rows[index]?.map((c) => (c === null ? '' : String(c))));
    }
    const byColumn = (column: string) => lines.find((l) => sheet.bad.get(Number(l[0]) - 2) === column)?.[1];
    expect(byColumn('职称')).toBe('职称(titleLevel): 无法识别的值“特级”，可选：正高级/副高级/中级/初级/无');
    expect(byColumn('出生日期')).toContain('出生日期(birthDate): 无法识别的日期');
    expect(byColumn('身份证号')).toBe('身份证号(idNumber): 身份证号校验位不正确');
    expect(byColumn('邮箱')).toBe('邮箱(email): 格式不正确');
  });

  it('converts Chinese values to the API values', async () => {
    const member = await e.t.database.db
      .selectFrom('members')
      .selectAll()
      .where('society_id', '=', societyId)
      .where('external_ref', '=', 'EXT-1-0')
      .executeTakeFirstOrThrow();
    expect(member).toMatchObject({
      name: '会员1-0',
      gender: 'male',
      birth_date: String(sheet.rows[0]?.[2]).replace(
        /^(\d+)\/(\d+)\/(\d+)$/,
        (_, y, m, d) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
      ),
      title_level: 'senior',
      category: 'ordinary',
      joined_on: '2020-01-05',
      kind: 'individual',
      degree: '硕士研究生',
    });
    const other = await e.t.database.db
      .selectFrom('members')
      .selectAll()
      .where('society_id', '=', societyId)
      .where('name', '=', '会员1-6')
      .executeTakeFirstOrThrow();
    expect(other).toMatchObject({ gender: 'male', title_level: 'associate_senior', category: 'student' });
  });

  it('changes nothing when the same file is imported again', { timeout: 120_000 }, async () => {
    const result = await runCli(
      ['members', file, '--society', societyId, '--api', e.baseUrl, '--report', report, '--batch', '700'],
      e.env,
    );
    expect(result.code, result.stderr).toBe(1);
    expect(summaryOf(result.stdout)).toEqual({ created: 0, updated: 0, unchanged: 2475, rejected: 25 });
    expect(await e.memberCount(societyId)).toBe(2475);
    const duplicates = await e.t.database.db
      .selectFrom('members')
      .select(['name', (eb) => eb.fn.countAll<string>().as('n')])
      .where('society_id', '=', societyId)
      .groupBy('name')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(duplicates).toEqual([]);
  });

  it('validates without writing in a dry run', { timeout: 120_000 }, async () => {
    const fresh = await e.newSociety();
    const result = await runCli(['members', file, '--society', fresh, '--api', e.baseUrl, '--dry-run'], e.env);
    expect(result.code, result.stderr).toBe(1);
    expect(summaryOf(result.stdout)).toEqual({ created: 2475, updated: 0, unchanged: 0, rejected: 25 });
    expect(await e.memberCount(fresh)).toBe(0);
  });
});

describe('importing members from an XLSX file', () => {
  it('reads date cells and text cells, in batches, with exact counts', { timeout: 120_000 }, async () => {
    const societyId = await e.newSociety('市农学会');
    const sheet = memberSheet(2500, { dates: 'cells', seed: 2 });
    const file = join(e.dir, 'members.xlsx');
    await writeSheet(file, [sheet.header, ...sheet.rows]);
    const report = join(e.dir, 'members-xlsx-rejected.csv');
    const result = await runCli(
      ['members', file, '--society', societyId, '--api', e.baseUrl, '--report', report, '--batch', '1000'],
      e.env,
    );
    expect(result.code, result.stderr).toBe(1);
    expect(summaryOf(result.stdout)).toEqual({ created: 2475, updated: 0, unchanged: 0, rejected: 25 });
    expect(await e.memberCount(societyId)).toBe(2475);
    const [, ...lines] = await reportRows(report);
    expect(lines.map((l) => Number(l[0]))).toEqual([...sheet.bad.keys()].map((i) => i + 2));
    const member = await e.t.database.db
      .selectFrom('members')
      .selectAll()
      .where('society_id', '=', societyId)
      .where('external_ref', '=', 'EXT-2-1')
      .executeTakeFirstOrThrow();
    expect(member).toMatchObject({ gender: 'female', joined_on: '2020-01-05', title_level: 'associate_senior' });
    expect(member.birth_date).toBe(
      sheet.rows[1]?.[2] instanceof Date ? sheet.rows[1][2].toISOString().slice(0, 10) : '',
    );

    const again = await runCli(
      ['members', file, '--society', societyId, '--api', e.baseUrl, '--report', report],
      e.env,
    );
    expect(summaryOf(again.stdout)).toEqual({ created: 0, updated: 0, unchanged: 2475, rejected: 0 + 25 });
    expect(await e.memberCount(societyId)).toBe(2475);
  });
});
