import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withIdNumberCheck } from '@society-hub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeText } from '../../tools/import/src/testing';
import { csvText, type ImportEnv, runCli, startImportEnv, summaryOf, writeCsv } from './support';

let e: ImportEnv;

beforeAll(async () => {
  e = await startImportEnv();
});
afterAll(async () => e?.close());

/** The lines a person reads: no stack frames, no Node error codes, no English error text. */
function expectPlainChinese(stderr: string) {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/ENOENT|no such file|Error:|TypeError/);
}

async function memberByRef(societyId: string, externalRef: string) {
  return e.t.database.db
    .selectFrom('members')
    .selectAll()
    .where('society_id', '=', societyId)
    .where('external_ref', '=', externalRef)
    .executeTakeFirst();
}

async function reportText(path: string): Promise<string> {
  return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
}

describe('a file that is not there', () => {
  for (const name of ['missing.xlsx', 'missing.csv']) {
    it(`says so in Chinese and exits 2 (${name})`, async () => {
      const societyId = await e.newSociety();
      const result = await runCli(['members', join(e.dir, name), '--society', societyId, '--api', e.baseUrl], e.env);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`找不到文件“${name}”`);
      expect(result.stderr).not.toContain('无法解析');
      expectPlainChinese(result.stderr);
    });
  }
});

describe('what a person types into a sheet', () => {
  it('folds full-width digits and ＠ in phone, e-mail and ID number', async () => {
    const societyId = await e.newSociety('市全角学会');
    const idNumber = withIdNumberCheck('11010519800506001');
    const fullWidth = (text: string) => text.replace(/[0-9X@-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const file = join(e.dir, 'full-width.csv');
    await writeCsv(
      file,
      csvText(
        ['姓名', '身份证号', '手机', '邮箱', '外部编号'],
        [
          ['王全角', fullWidth(idNumber), fullWidth('13800138000'), `wang${fullWidth('@')}example.com`, 'FW-1'],
          ['李座机', null, fullWidth('0571-8888888'), null, 'FW-2'],
        ],
      ),
    );
    const report = join(e.dir, 'full-width-rejected.csv');
    const result = await runCli(
      ['members', file, '--society', societyId, '--api', e.baseUrl, '--report', report],
      e.env,
    );
    expect(result.code, `${result.stderr}\n${await reportText(report).catch(() => '')}`).toBe(0);
    expect(await memberByRef(societyId, 'FW-1')).toMatchObject({
      name: '王全角',
      phone: '13800138000',
      email: 'wang@example.com',
    });
    expect(await memberByRef(societyId, 'FW-2')).toMatchObject({ phone: '0571-8888888' });
  });

  it('takes mobiles and landlines with an area code, and refuses other numbers with the rule', async () => {
    const societyId = await e.newSociety('市电话学会');
    const file = join(e.dir, 'phones.csv');
    const phones = ['13912345678', '010-12345678', '0571-8888888', '12345', '12345678901', '8888888'];
    await writeCsv(
      file,
      csvText(
        ['姓名', '手机', '外部编号'],
        phones.map((phone, i) => [`电话${i}`, phone, `PH-${i}`]),
      ),
    );
    const report = join(e.dir, 'phones-rejected.csv');
    const result = await runCli(
      ['members', file, '--society', societyId, '--api', e.baseUrl, '--report', report],
      e.env,
    );
    expect(result.code).toBe(1);
    expect(summaryOf(result.stdout)).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 3 });
    const text = await reportText(report);
    for (const refused of ['12345', '12345678901', '8888888']) {
      expect(text).toContain(`手机(phone): 电话号码“${refused}”不正确：手机号应为 1 开头、第二位为 3–9 的 11 位数字`);
    }
    expect(await memberByRef(societyId, 'PH-1')).toMatchObject({ phone: '010-12345678' });
  });

  it('reads a CSV saved as GBK with characters beyond GBK when asked for --encoding gbk', async () => {
    const societyId = await e.newSociety('市生僻字学会');
    const file = join(e.dir, 'gbk.csv');
    // 𠜎 and 𩽾 are not in GBK; Excel on Chinese Windows saves them in GB18030's four-byte form.
    const names = ['王𠜎明', '李𩽾', '张小明'];
    const text = csvText(
      ['姓名', '工作单位', '外部编号'],
      names.map((name, i) => [name, '市𠜱研究所', `GBK-${i}`]),
    );
    await writeFile(file, encodeText(`${text}\r\n`, 'gb18030'));
    const result = await runCli(
      ['members', file, '--society', societyId, '--api', e.baseUrl, '--encoding', 'gbk'],
      e.env,
    );
    expect(result.code, result.stderr).toBe(0);
    for (const [i, name] of names.entries()) {
      expect(await memberByRef(societyId, `GBK-${i}`)).toMatchObject({ name, employer: '市𠜱研究所' });
    }
  });
});

describe('reasons from the API', () => {
  it('says in Chinese that a person is already a member', async () => {
    const societyId = await e.newSociety('市重复学会');
    const idNumber = withIdNumberCheck('11010519700101001');
    const first = join(e.dir, 'member-first.csv');
    await writeCsv(first, csvText(['姓名', '身份证号', '外部编号'], [['赵一', idNumber, 'DUP-1']]));
    expect((await runCli(['members', first, '--society', societyId, '--api', e.baseUrl], e.env)).code).toBe(0);
    // Another record of the same person under another external reference.
    const second = join(e.dir, 'member-second.csv');
    await writeCsv(second, csvText(['姓名', '身份证号', '外部编号'], [['赵一', idNumber, 'DUP-2']]));
    const report = join(e.dir, 'member-second-rejected.csv');
    const result = await runCli(
      ['members', second, '--society', societyId, '--api', e.baseUrl, '--report', report],
      e.env,
    );
    expect(result.code).toBe(1);
    const text = await reportText(report);
    expect(text).toContain('身份证号(idNumber): 此人已是本学会的会员');
    expect(text).not.toMatch(/already|member of the society/i);
  });
});
