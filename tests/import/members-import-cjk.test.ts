import { join } from 'node:path';
import { withIdNumberCheck } from '@society-hub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../tools/import/src/testing';
import { type Cell, CHINESE_HEADERS, type ImportEnv, runCli, startImportEnv, summaryOf } from './support';

let e: ImportEnv;

beforeAll(async () => {
  e = await startImportEnv();
});
afterAll(async () => e?.close());

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = [...'小明华伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛'];
/** Characters outside the Basic Multilingual Plane (four bytes in UTF-8, two UTF-16 units). */
const RARE = ['𠜎', '𠜱', '𠝹', '𠱓', '𩽾', '𪚥'];
const TITLES = ['正高级', '副高级', '中级', '初级', '无'];

function nameOf(i: number): string {
  const surname = SURNAMES[i % SURNAMES.length] ?? '王';
  const given = `${GIVEN[(i * 7) % GIVEN.length] ?? '小'}${GIVEN[(i * 13) % GIVEN.length] ?? '明'}`;
  return i % 9 === 4 ? `${surname}${RARE[i % RARE.length] ?? '𠜎'}${given}` : `${surname}${given}`;
}

describe('importing a sheet of Chinese text', () => {
  it('stores every character exactly, across the XML chunk boundaries of a large sheet', {
    timeout: 120_000,
  }, async () => {
    const societyId = await e.newSociety('市文史学会');
    const rows: Cell[][] = [];
    for (let i = 0; i < 1200; i++) {
      const born = new Date(Date.UTC(1950, 0, 1) + i * 86_400_000);
      const ymd = born.toISOString().slice(0, 10).replaceAll('-', '');
      rows.push([
        nameOf(i),
        i % 2 === 0 ? '男' : '女',
        born,
        withIdNumberCheck(`110105${ymd}${String(i % 1000).padStart(3, '0')}`),
        null,
        null,
        `${'中国科学院'.repeat(1 + (i % 5))}𠜎研究所第${i}室`,
        TITLES[i % TITLES.length] ?? '无',
        '古籍整理与版本目录学',
        '博士研究生',
        '普通',
        null,
        `CJK-${i}`,
        '个人',
        null,
        null,
      ]);
    }
    const file = join(e.dir, 'cjk.xlsx');
    await writeSheet(file, [[...CHINESE_HEADERS], ...rows]);
    const result = await runCli(
      ['members', file, '--society', societyId, '--api', e.baseUrl, '--report', join(e.dir, 'cjk-rejected.csv')],
      e.env,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(summaryOf(result.stdout)).toEqual({ created: 1200, updated: 0, unchanged: 0, rejected: 0 });
    const stored = await e.t.database.db
      .selectFrom('members')
      .select(['external_ref', 'name', 'employer', 'discipline', 'title_level'])
      .where('society_id', '=', societyId)
      .execute();
    const byRef = new Map(stored.map((m) => [m.external_ref, m]));
    const wrong = rows.flatMap((row, i) => {
      const member = byRef.get(`CJK-${i}`);
      const expected = { name: row[0], employer: row[6], discipline: row[8] };
      const actual = { name: member?.name, employer: member?.employer, discipline: member?.discipline };
      return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [{ row: i + 2, expected, actual }];
    });
    expect(wrong).toEqual([]);
  });
});
