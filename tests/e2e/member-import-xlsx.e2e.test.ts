/**
 * The member import wizard on an Excel workbook, as societies keep them: real date cells, phone numbers
 * stored as numbers, a column whose header the wizard cannot guess (mapped by hand), a column to leave
 * out, and two bad rows, one caught in the browser and one by the server's dry run.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCreditCodeCheck, withIdNumberCheck } from '@society-hub/domain';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleRun, startConsole } from '../support/console';

const ADMIN = { username: 'admin', password: `e2e-${randomBytes(9).toString('base64url')}` };
const OFFICER = { username: 'dianzi.office', password: `e2e-${randomBytes(9).toString('base64url')}` };
const SOCIETY_NAME = '市电子学会';

/** A wrong check character: the right one with one step added (mod 11 over 0–9, X). */
function wrongCheck(valid: string): string {
  const checks = '0123456789X';
  return valid.slice(0, 17) + checks.charAt((checks.indexOf(valid.charAt(17)) + 1) % 11);
}

interface Person {
  name: string;
  gender: string;
  born: [number, number, number];
  idNumber: string;
  phone: number;
  employer: string;
  title: string;
  category: string;
  ref: string;
}

const person = (p: Omit<Person, 'idNumber'> & { serial: string }): Person => {
  const [y, m, d] = p.born;
  const body = `370802${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${p.serial}`;
  return { ...p, idNumber: withIdNumberCheck(body) };
};

const GOOD: Person[] = [
  person({
    name: '冯卫东',
    gender: '男',
    born: [1968, 4, 2],
    serial: '011',
    phone: 13800000011,
    employer: '市电子研究所',
    title: '研究员',
    category: '资深会员',
    ref: 'DZ-001',
  }),
  person({
    name: '陈晓燕',
    gender: '女',
    born: [1985, 11, 23],
    serial: '022',
    phone: 13800000022,
    employer: '市电子科技大学',
    title: '副教授',
    category: '普通会员',
    ref: 'DZ-002',
  }),
  person({
    name: '蒋文博',
    gender: '男',
    born: [1992, 7, 9],
    serial: '033',
    phone: 13800000033,
    employer: '市集成电路设计中心',
    title: '工程师',
    category: '普通',
    ref: 'DZ-003',
  }),
  person({
    name: '沈佳怡',
    gender: '女',
    born: [2001, 2, 28],
    serial: '044',
    phone: 13800000044,
    employer: '市电子科技大学',
    title: '无',
    category: '学生会员',
    ref: 'DZ-004',
  }),
];
/** 特级 is no title the wizard knows: caught before anything is sent. */
const BAD_TITLE = person({
  name: '韩志刚',
  gender: '男',
  born: [1975, 5, 5],
  serial: '055',
  phone: 13800000055,
  employer: '市无线电厂',
  title: '特级',
  category: '普通会员',
  ref: 'DZ-005',
});
/** A wrong check character: only the server's dry run says so. */
const BAD_ID = (() => {
  const p = person({
    name: '杨丽华',
    gender: '女',
    born: [1980, 9, 15],
    serial: '066',
    phone: 13800000066,
    employer: '市电子研究所',
    title: '高级工程师',
    category: '普通会员',
    ref: 'DZ-006',
  });
  return { ...p, idNumber: wrongCheck(p.idNumber) };
})();
const NOTE = '仅供内部核对，不导入';

let run: ConsoleRun;
let page: Page;
let societyId = '';
let apiToken = '';

beforeAll(async () => {
  run = await startConsole({
    artifactPrefix: 'mxlsx-',
    expectedStatuses: [401],
    admin: ADMIN,
    stillScreenshots: true,
  });
  apiToken = await run.login(ADMIN);
  societyId = await run.seedActiveSociety(
    apiToken,
    {
      name: SOCIETY_NAME,
      type: 'society',
      discipline: 'engineering',
      creditCode: withCreditCodeCheck('51370800MJ1357913'),
      chairName: '许振华',
      secretaryGeneralName: '邓敏',
      secretaryGeneralFullTime: true,
    },
    { ...OFFICER, displayName: '电子学会秘书' },
  );
  page = await run.newPage();
}, 120_000);

afterAll(async () => run?.close(), 60_000);

/** The workbook staff send: dates as date cells, phones as numbers, ID numbers as text. */
async function writeWorkbook(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'sh-members-xlsx-')), '电子学会会员.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('会员');
  sheet.addRow([
    '姓名',
    '性别',
    '出生日期',
    '身份证号码',
    '手机号',
    '单位全称',
    '职称',
    '会员类别',
    '会员编号',
    '备注',
  ]);
  for (const p of [...GOOD, BAD_TITLE, BAD_ID]) {
    const [y, m, d] = p.born;
    sheet.addRow([
      p.name,
      p.gender,
      new Date(Date.UTC(y, m - 1, d)),
      p.idNumber,
      p.phone,
      p.employer,
      p.title,
      p.category,
      p.ref,
      NOTE,
    ]);
  }
  sheet.getColumn(3).numFmt = 'yyyy-mm-dd';
  await workbook.xlsx.writeFile(file);
  return file;
}

/** Maps the file's column `index` to `field` (or 不导入), and waits for the drop-down to close. */
async function mapColumn(index: number, field: string): Promise<void> {
  await page.getByTestId(`import-map-${index}`).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(field, { exact: true }).click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  expect(await page.getByTestId(`import-map-${index}`).textContent()).toBe(field);
}

function isoBirthDate(p: Person): string {
  return p.born.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-');
}

describe('console: importing members from an Excel workbook', () => {
  it('reads the workbook, takes a hand-made mapping, reports bad rows in the dry run, and imports the rest', async () => {
    const file = await writeWorkbook();
    await run.signIn(page, OFFICER);
    await page.goto(`${run.baseUrl}/societies/${societyId}?tab=members`);
    await page.getByTestId('member-import').click();
    await page.waitForURL(new RegExp(`/societies/${societyId}/members/import$`));
    await page.getByTestId('import-upload').waitFor();

    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-loaded').getByText('已读取“电子学会会员.xlsx”：6 行，10 列').waitFor();
    // Guessed from the headers: 身份证号码 and 会员编号 are other spellings the wizard knows …
    expect(await page.getByTestId('import-map-3').textContent()).toBe('身份证号');
    expect(await page.getByTestId('import-map-8').textContent()).toBe('外部编号');
    // … 单位全称 is not, and 备注 stays out.
    expect(await page.getByTestId('import-map-5').textContent()).toBe('不导入');
    expect(await page.getByTestId('import-map-9').textContent()).toBe('不导入');
    // The date cell arrives as a date, the phone number as its digits.
    const mapping = page.getByTestId('import-mapping');
    await mapping.getByRole('row').filter({ hasText: '出生日期' }).getByText('1968-04-02').waitFor();
    await mapping.getByRole('row').filter({ hasText: '手机号' }).getByText('13800000011').waitFor();
    // The ID number sample is masked like every ID number the console shows.
    const id = GOOD[0]?.idNumber ?? '';
    await mapping
      .getByRole('row')
      .filter({ hasText: '身份证号码' })
      .getByText(`${id.slice(0, 4)}**********${id.slice(-4)}`)
      .waitFor();
    expect(await mapping.textContent()).not.toContain(id);

    await mapColumn(5, '工作单位');
    // Mapping a second column to 姓名 is refused until it is undone.
    await mapColumn(9, '姓名');
    await page.getByTestId('import-map-problem').getByText('“姓名”被指定了多次').waitFor();
    expect(await page.getByTestId('import-check').isDisabled()).toBe(true);
    await run.snap(page, 'mapping-duplicate');
    await mapColumn(9, '不导入');
    await expect.poll(() => page.getByTestId('import-map-problem').count()).toBe(0);
    await run.snap(page, 'mapping');

    await page.getByTestId('import-check').click();
    const summary = page.getByTestId('import-check-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-ok')).toBe('4');
    expect(await summary.getAttribute('data-error')).toBe('2');
    const preview = page.getByTestId('import-preview');
    const badTitle = preview.getByRole('row').filter({ hasText: BAD_TITLE.name });
    await badTitle.getByText('职称：无法识别的值“特级”').waitFor();
    expect(await badTitle.getByTestId('import-outcome').getAttribute('data-outcome')).toBe('error');
    const badId = preview.getByRole('row').filter({ hasText: BAD_ID.name });
    await badId.getByText('身份证号：校验位不正确').waitFor();
    expect(await badId.getByTestId('import-outcome').getAttribute('data-outcome')).toBe('error');
    // The preview masks ID numbers and shows the hand-mapped employer.
    const first = preview.getByRole('row').filter({ hasText: GOOD[0]?.name ?? '' });
    await first.getByText(`${GOOD[0]?.idNumber.slice(0, 4)}**********${GOOD[0]?.idNumber.slice(-4)}`).waitFor();
    await first.getByText(GOOD[0]?.employer ?? '').waitFor();
    expect(await preview.locator('[data-outcome="created"]').count()).toBe(4);
    expect(await preview.textContent()).not.toContain(GOOD[0]?.idNumber);
    await run.snap(page, 'dry-run');

    await page.getByTestId('import-run').click();
    await page.getByTestId('import-summary').waitFor();
    const value = (outcome: string) =>
      page.getByTestId(`import-summary-${outcome}`).locator('.ant-statistic-content-value').textContent();
    expect(await value('created')).toBe('4');
    expect(await value('updated')).toBe('0');
    expect(await value('unchanged')).toBe('0');
    expect(await value('error')).toBe('2');
    await run.snap(page, 'summary');
  });

  it('left exactly the good rows in the society, with the values the workbook had', async () => {
    const response = await run.call(apiToken, 'GET', `/v1/societies/${societyId}/members?limit=100`);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as {
      items: {
        name: string;
        gender: string | null;
        birthDate: string | null;
        phone: string | null;
        employer: string | null;
        titleLevel: string;
        category: string;
        externalRef: string | null;
        idNumberMasked: string | null;
      }[];
    };
    expect(items.map((m) => m.name).sort()).toEqual(GOOD.map((p) => p.name).sort());
    const byName = new Map(items.map((m) => [m.name, m]));
    const expected = [
      { title: 'senior', category: 'senior', gender: 'male' },
      { title: 'associate_senior', category: 'ordinary', gender: 'female' },
      { title: 'intermediate', category: 'ordinary', gender: 'male' },
      { title: 'none', category: 'student', gender: 'female' },
    ];
    GOOD.forEach((p, index) => {
      expect(byName.get(p.name), p.name).toMatchObject({
        gender: expected[index]?.gender,
        birthDate: isoBirthDate(p),
        phone: `${String(p.phone).slice(0, 3)}****${String(p.phone).slice(-4)}`,
        employer: p.employer,
        titleLevel: expected[index]?.title,
        category: expected[index]?.category,
        externalRef: p.ref,
        idNumberMasked: `${p.idNumber.slice(0, 4)}**********${p.idNumber.slice(-4)}`,
      });
    });
    expect(JSON.stringify(items)).not.toContain(NOTE);
  });

  it('logged no errors in the browser console', () => {
    expect(run.browserErrors).toEqual([]);
  });
});
