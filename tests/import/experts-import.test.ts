import { join } from 'node:path';
import { withIdNumberCheck } from '@society-hub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWorkbook, fillWorkbook, readRows } from '../../tools/import/src/testing';
import { csvText, type ImportEnv, runCli, startImportEnv, summaryOf, writeCsv } from './support';

let e: ImportEnv;

beforeAll(async () => {
  e = await startImportEnv();
});
afterAll(async () => e?.close());

const EXPERT_HEADERS = [
  '姓名',
  '性别',
  '出生日期',
  '身份证号',
  '手机',
  '邮箱',
  '工作单位',
  '职称',
  '学科',
  '专家库',
  '所属学会',
  '可参加评审',
  '外部编号',
];

describe('importing the expert pool', () => {
  it('writes an expert template that round-trips, with several values in one cell', { timeout: 60_000 }, async () => {
    const template = join(e.dir, 'experts-template.xlsx');
    expect((await runCli(['template', 'experts', template], {})).code).toBe(0);
    const summary = await describeWorkbook(template);
    expect(summary.headers).toEqual(EXPERT_HEADERS);
    expect(summary.dropDowns).toEqual({
      性别: ['男', '女'],
      职称: ['正高级', '副高级'],
      专家库: ['科技专家库', '科普专家库', '科技专家库、科普专家库'],
      可参加评审: ['是', '否'],
    });

    const societyA = await e.newSociety('市作物学会');
    const societyB = await e.newSociety('市植保学会');
    const filled = join(e.dir, 'experts.xlsx');
    await fillWorkbook(template, filled, [
      [
        '周明',
        '男',
        new Date(Date.UTC(1968, 2, 4)),
        withIdNumberCheck('37080219680304001'),
        '13700000001',
        null,
        '市农科院',
        '副高级',
        '作物学，遗传育种',
        '科技专家库、科普专家库',
        `${societyA}、${societyB}`,
        '否',
        'E-2',
      ],
      ['陈亮', null, null, null, null, null, null, '中级', '园艺', '科技', null, null, 'E-3'],
      ['林芳', '女', null, null, null, null, null, '正高级', '植物保护', null, null, '是', 'E-4'],
    ]);
    const args = ['experts', filled, '--api', e.baseUrl, '--report', join(e.dir, 'experts-rejected.csv')];
    const result = await runCli(args, e.env);
    expect(result.code, result.stderr).toBe(1);
    expect(summaryOf(result.stdout)).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 2 });

    const experts = await e.t.database.db.selectFrom('experts').selectAll().orderBy('external_ref').execute();
    expect(experts.map((x) => [x.external_ref, x.name, x.title_level, x.disciplines, x.pools, x.available])).toEqual([
      ['E-0001', '李华', 'senior', ['作物学', '植物保护'], ['science_technology'], true],
      ['E-2', '周明', 'associate_senior', ['作物学', '遗传育种'], ['science_technology', 'popularisation'], false],
    ]);
    const links = await e.t.database.db
      .selectFrom('expert_societies')
      .select('society_id')
      .where('expert_id', '=', experts[1]?.id ?? '')
      .execute();
    expect(links.map((l) => l.society_id).sort()).toEqual([societyA, societyB].sort());

    const reasons: string[] = [];
    for await (const row of readRows(join(e.dir, 'experts-rejected.csv'), { encoding: 'utf-8' })) {
      reasons.push(`${row.cells[0]} ${row.cells[1]}`);
    }
    expect(reasons.slice(1)).toEqual([
      // A title the shared rules know, refused with the reason (as the console's wizard does).
      '4 职称(titleLevel): “中级”不可用：专家须具有正高级或副高级职称',
      '5 专家库(pools): 必填（科技专家库/科普专家库）',
    ]);

    const again = await runCli(args, e.env);
    expect(summaryOf(again.stdout)).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 2 });
    expect(await e.t.database.db.selectFrom('experts').select('id').execute()).toHaveLength(2);
  });

  it('takes English API field names in a CSV, and refuses --society', async () => {
    const file = join(e.dir, 'experts.csv');
    await writeCsv(
      file,
      csvText(
        ['name', 'titleLevel', 'disciplines', 'pools', 'available', 'externalRef'],
        [['黄河', 'senior', '水利工程', 'popularisation', 'true', 'E-9']],
      ),
    );
    expect((await runCli(['experts', file, '--api', e.baseUrl, '--society', 'x'], e.env)).code).toBe(2);
    const result = await runCli(['experts', file, '--api', e.baseUrl], e.env);
    expect(result.code, result.stderr).toBe(0);
    expect(summaryOf(result.stdout)).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 0 });
  });
});
