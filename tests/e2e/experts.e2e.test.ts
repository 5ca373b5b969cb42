/**
 * The expert pools in the console: the admin adds an expert, edits them (a change made elsewhere meanwhile
 * ends in the conflict dialog, not in a silent overwrite), imports a workbook through the shared wizard
 * (society names resolved, junior titles refused), and downloads the filtered pools as CSV and XLSX; the
 * auditor only reads and exports.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withIdNumberCheck } from '@society-hub/domain';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleRun, startConsole } from '../support/console';

const ADMIN = { username: 'admin', password: `e2e-${randomBytes(9).toString('base64url')}` };
const AUDITOR = { username: 'shenji.wang', password: `e2e-${randomBytes(9).toString('base64url')}` };
const CROPS = '市作物学会';
const PLANTS = '市植物保护学会';
const EXPERT_ID = withIdNumberCheck('37080219710816002');
const EXPERT_PHONE = '13711112222';
const IMPORT_IDS = {
  zhao: withIdNumberCheck('37080219660308011'),
  qian: withIdNumberCheck('37080219780512022'),
};

interface ExpertJson {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  employer: string | null;
  titleLevel: string;
  disciplines: string[];
  pools: string[];
  societyIds: string[];
  available: boolean;
  externalRef: string | null;
  idNumberMasked: string | null;
  version: number;
}

let run: ConsoleRun;
let page: Page;
let token = '';
const societies = { crops: '', plants: '' };
const snap = (name: string, target: Page = page) => run.snap(target, name);

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await run.call(token, method, path, body);
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function expertNamed(name: string): Promise<ExpertJson> {
  const page = await api<{ items: ExpertJson[] }>('GET', `/v1/experts?q=${encodeURIComponent(name)}`);
  const found = page.items.find((e) => e.name === name);
  if (!found) throw new Error(`no expert ${name}`);
  return api<ExpertJson>('GET', `/v1/experts/${found.id}`);
}

const masked = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;

beforeAll(async () => {
  run = await startConsole({
    artifactPrefix: 'exp-',
    expectedStatuses: [401, 412],
    admin: ADMIN,
    stillScreenshots: true,
  });
  token = await run.login(ADMIN);
  for (const [key, name] of [
    ['crops', CROPS],
    ['plants', PLANTS],
  ] as const) {
    const created = await api<{ id: string }>('POST', '/v1/societies', {
      name,
      type: 'society',
      discipline: 'agriculture',
    });
    societies[key] = created.id;
  }
  await api('POST', '/v1/users', { ...AUDITOR, role: 'auditor', displayName: '王审计' });
  await api('POST', '/v1/experts', {
    name: '冯冲突',
    titleLevel: 'senior',
    disciplines: ['农业经济'],
    pools: ['science_technology'],
    employer: '市农村经济研究所',
  });
  page = await run.newPage({ acceptDownloads: true });
}, 120_000);

afterAll(async () => run?.close(), 60_000);

function row(name: string) {
  return page.getByTestId('experts-table').getByRole('row').filter({ hasText: name });
}

async function addDiscipline(drawer: ReturnType<Page['getByTestId']>, text: string) {
  const input = drawer.getByTestId('expert-disciplines').locator('input');
  await input.fill(text);
  await input.press('Enter');
}

async function chooseSociety(drawer: ReturnType<Page['getByTestId']>, name: string) {
  await drawer.getByTestId('expert-societies').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(name, { exact: true }).click();
  await drawer.getByLabel('外部编号').click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** Opens the export menu and waits for its items. */
async function openExportMenu(): Promise<void> {
  await page.getByTestId('expert-export').click();
  await page.getByTestId('expert-export-csv').waitFor();
}

/** Picks `format` in the open export menu and returns the file the browser saved. */
async function download(format: 'csv' | 'xlsx'): Promise<{ name: string; path: string }> {
  const item = page.getByTestId(`expert-export-${format}`);
  const started: Promise<Download> = page.waitForEvent('download');
  await item.click();
  const file = await started;
  await item.waitFor({ state: 'hidden' });
  return { name: file.suggestedFilename(), path: (await file.path()) ?? '' };
}

/** The workbook of a pool kept elsewhere: the import command's headers, society names, a few bad rows. */
async function writeWorkbook(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'sh-experts-')), '农业专家.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('专家');
  sheet.addRow([
    '姓名',
    '性别',
    '身份证号',
    '手机',
    '邮箱',
    '工作单位',
    '职称',
    '学科',
    '专家库',
    '所属学会',
    '是否可参加评审',
    '专家编号',
  ]);
  const rows: (string | number)[][] = [
    [
      '赵农科',
      '男',
      IMPORT_IDS.zhao,
      13600000001,
      '',
      '市农业科学院',
      '研究员',
      '作物学、植物保护',
      '科技专家库',
      CROPS,
      '是',
      'EXP-101',
    ],
    [
      '钱科普',
      '女',
      IMPORT_IDS.qian,
      13600000002,
      'qian@example.com',
      '市科技馆',
      '副教授',
      '科学传播',
      '科技专家库、科普专家库',
      `${CROPS}、${PLANTS}`,
      '否',
      'EXP-102',
    ],
    ['李园艺', '男', '', '', '', '市园艺站', '正高级', '园艺学', '科普', '', '', 'EXP-103'],
    // The expert added in the console, matched by the external reference: a new employer.
    [
      '孙立农',
      '',
      '',
      '',
      '',
      '市农业大学园艺学院',
      '正高级',
      '作物学、农业工程',
      '科技专家库、科普专家库',
      '',
      '',
      'EXP-001',
    ],
    ['周中级', '男', '', '', '', '市种子站', '中级', '种子科学', '科技专家库', '', '', 'EXP-104'],
    ['吴无会', '女', '', '', '', '市土肥站', '副高级', '土壤学', '科技专家库', '市不存在学会', '', 'EXP-105'],
    ['郑邮箱', '男', '', '', 'not-an-email', '市农机站', '副高级', '农业机械', '科技专家库', '', '', 'EXP-106'],
  ];
  for (const cells of rows) sheet.addRow(cells);
  sheet.getColumn(3).numFmt = '@';
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('console: the expert pools', () => {
  it('lets the admin add an expert with every field', async () => {
    await run.signIn(page, ADMIN);
    await page.locator('.ant-menu-item').filter({ hasText: '专家库' }).click();
    await page.waitForURL(/\/experts$/);
    await page.getByTestId('experts-table').waitFor();
    await page.getByTestId('expert-add').click();
    const drawer = page.getByTestId('expert-drawer');
    await drawer.getByText('新增专家').waitFor();
    await drawer.getByLabel('姓名').fill('孙立农');
    await drawer.getByText('女', { exact: true }).click();
    await drawer.getByLabel('身份证号').fill(EXPERT_ID);
    expect(await drawer.getByLabel('出生日期').inputValue()).toBe('1971-08-16');
    await drawer.getByLabel('手机').fill(EXPERT_PHONE);
    await drawer.getByLabel('邮箱').fill('sun@example.com');
    await drawer.getByLabel('工作单位').fill('市农业大学');
    await drawer.getByText('副高级', { exact: true }).click();
    await drawer.getByText('科普专家库', { exact: true }).click();
    await addDiscipline(drawer, '作物学');
    await chooseSociety(drawer, CROPS);
    await drawer.getByLabel('外部编号').fill('EXP-001');
    await snap('add-drawer');
    await drawer.getByTestId('expert-submit').click();
    await drawer.waitFor({ state: 'hidden' });

    const added = row('孙立农');
    await added.waitFor();
    await added.getByText('137****2222').waitFor();
    await added.getByText(CROPS).waitFor();
    await added.getByText('副高级').waitFor();
    const saved = await expertNamed('孙立农');
    expect(saved).toMatchObject({
      phone: EXPERT_PHONE,
      email: 'sun@example.com',
      titleLevel: 'associate_senior',
      pools: ['science_technology', 'popularisation'],
      disciplines: ['作物学'],
      societyIds: [societies.crops],
      externalRef: 'EXP-001',
      idNumberMasked: masked(EXPERT_ID),
      available: true,
    });
  });

  it('edits an expert: only what changed is sent, the ID number stays write-only', async () => {
    await row('孙立农').getByTestId('expert-edit').click();
    const drawer = page.getByTestId('expert-drawer');
    await drawer.getByText('编辑专家：孙立农').waitFor();
    // The detail, not the list: the phone in full; the ID number never, only its mask as a hint.
    expect(await drawer.getByLabel('手机').inputValue()).toBe(EXPERT_PHONE);
    expect(await drawer.getByLabel('身份证号').inputValue()).toBe('');
    await drawer.getByText(`留空表示不修改；当前号码 ${masked(EXPERT_ID)}`).waitFor();
    await drawer.getByLabel('工作单位').fill('市农业大学农学院');
    await drawer.getByText('正高级', { exact: true }).click();
    await addDiscipline(drawer, '农业工程');
    await chooseSociety(drawer, PLANTS);
    await drawer.getByTestId('expert-form-available').click();
    await snap('edit-drawer');
    await drawer.getByTestId('expert-submit').click();
    await drawer.waitFor({ state: 'hidden' });

    const edited = row('孙立农');
    await edited.getByText('市农业大学农学院').waitFor();
    await edited.getByText('正高级').waitFor();
    await expect.poll(() => edited.getByTestId('expert-available').getAttribute('aria-checked')).toBe('false');
    const saved = await expertNamed('孙立农');
    expect(saved).toMatchObject({
      version: 2,
      employer: '市农业大学农学院',
      titleLevel: 'senior',
      disciplines: ['作物学', '农业工程'],
      available: false,
      phone: EXPERT_PHONE,
      email: 'sun@example.com',
      idNumberMasked: masked(EXPERT_ID),
    });
    expect([...saved.societyIds].sort()).toEqual([societies.crops, societies.plants].sort());
  });

  it('shows the conflict dialog when someone else saved the expert meanwhile', async () => {
    await row('冯冲突').getByTestId('expert-edit').click();
    const drawer = page.getByTestId('expert-drawer');
    await drawer.getByText('编辑专家：冯冲突').waitFor();
    // Meanwhile, through the API: a new email (version 1 → 2).
    const before = await expertNamed('冯冲突');
    const elsewhere = await fetch(`${run.baseUrl}/v1/experts/${before.id}`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'if-match': `"${before.version}"`,
      },
      body: JSON.stringify({ email: 'feng@example.com' }),
    });
    expect(elsewhere.status).toBe(200);
    await drawer.getByLabel('工作单位').fill('市农业农村局');
    await drawer.getByTestId('expert-submit').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '该记录已被他人修改' });
    await dialog.waitFor();
    await expect.poll(() => drawer.count()).toBe(0);
    await snap('edit-conflict');
    await dialog.getByRole('button', { name: '重新加载' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await expertNamed('冯冲突')).toMatchObject({
      version: 2,
      email: 'feng@example.com',
      employer: '市农村经济研究所',
    });
  });

  it('imports a workbook through the wizard: society names resolved, bad rows explained', async () => {
    const file = await writeWorkbook();
    await page.getByTestId('expert-import').click();
    await page.waitForURL(/\/experts\/import$/);
    await page.getByTestId('page-title').getByText('批量导入专家').waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-loaded').getByText('已读取“农业专家.xlsx”：7 行，12 列').waitFor();
    // The import command's headers are understood as they are.
    for (const [index, field] of [
      [7, '专业领域'],
      [8, '入库类别'],
      [9, '所属学会'],
      [10, '可参与评审'],
      [11, '外部编号'],
    ] as const) {
      expect(await page.getByTestId(`import-map-${index}`).textContent()).toBe(field);
    }
    await snap('import-mapping');

    await page.getByTestId('import-check').click();
    const summary = page.getByTestId('import-check-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-ok')).toBe('4');
    expect(await summary.getAttribute('data-error')).toBe('3');
    const preview = page.getByTestId('import-preview');
    const outcome = (name: string) =>
      preview.getByRole('row').filter({ hasText: name }).getByTestId('import-outcome').getAttribute('data-outcome');
    expect(await outcome('孙立农')).toBe('updated');
    expect(await outcome('赵农科')).toBe('created');
    await preview
      .getByRole('row')
      .filter({ hasText: '周中级' })
      .getByText('职称：入库专家须具有副高级及以上职称')
      .waitFor();
    await preview
      .getByRole('row')
      .filter({ hasText: '吴无会' })
      .getByText('所属学会：找不到名为“市不存在学会”的学会')
      .waitFor();
    await preview
      .getByRole('row')
      .filter({ hasText: '郑邮箱' })
      .getByText(/^邮箱：/)
      .waitFor();
    expect(await outcome('郑邮箱')).toBe('error');
    expect(await preview.textContent()).not.toContain(IMPORT_IDS.zhao);
    await snap('import-dry-run');

    await page.getByTestId('import-run').click();
    await page.getByTestId('import-summary').waitFor();
    const value = (name: string) =>
      page.getByTestId(`import-summary-${name}`).locator('.ant-statistic-content-value').textContent();
    expect(await value('created')).toBe('3');
    expect(await value('updated')).toBe('1');
    expect(await value('error')).toBe('3');
    await snap('import-summary');

    expect(await expertNamed('钱科普')).toMatchObject({
      titleLevel: 'associate_senior',
      pools: ['science_technology', 'popularisation'],
      disciplines: ['科学传播'],
      available: false,
      email: 'qian@example.com',
      phone: '13600000002',
      idNumberMasked: masked(IMPORT_IDS.qian),
    });
    expect((await expertNamed('钱科普')).societyIds.sort()).toEqual([societies.crops, societies.plants].sort());
    expect(await expertNamed('赵农科')).toMatchObject({
      titleLevel: 'senior',
      disciplines: ['作物学', '植物保护'],
      societyIds: [societies.crops],
      available: true,
    });
    expect(await expertNamed('李园艺')).toMatchObject({ pools: ['popularisation'], societyIds: [] });
    expect(await expertNamed('孙立农')).toMatchObject({
      employer: '市农业大学园艺学院',
      disciplines: ['作物学', '农业工程'],
      phone: EXPERT_PHONE,
    });
    const all = await api<{ items: ExpertJson[] }>('GET', '/v1/experts?limit=100');
    expect(all.items.map((e) => e.name)).not.toContain('周中级');

    await page.getByTestId('import-to-list').click();
    await page.waitForURL(/\/experts$/);
    await row('钱科普').getByText(PLANTS).waitFor();
    await snap('list-after-import');
  });

  it('downloads the pools as CSV and XLSX, with the page’s filters and masked personal data', async () => {
    await openExportMenu();
    expect(await page.getByTestId('expert-export-scope').textContent()).toBe('导出全部专家');
    const csv = await download('csv');
    expect(csv.name).toMatch(/^专家名单-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(csv.path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      '姓名,性别,出生日期,身份证号（脱敏）,手机（脱敏）,邮箱,工作单位,职称,专业领域,专家库,所属学会,可参与评审,外部编号',
    );
    const sun = lines.find((line) => line.startsWith('孙立农,'))?.split(',') ?? [];
    expect(sun).toEqual([
      '孙立农',
      '女',
      '1971-08-16',
      masked(EXPERT_ID),
      '137****2222',
      'sun@example.com',
      '市农业大学园艺学院',
      '正高级',
      '作物学、农业工程',
      '科技专家库、科普专家库',
      `${CROPS}、${PLANTS}`,
      '否',
      'EXP-001',
    ]);
    expect(lines).toHaveLength(1 + 5);
    for (const secret of [EXPERT_ID, EXPERT_PHONE, IMPORT_IDS.zhao, IMPORT_IDS.qian, '13600000002']) {
      expect(text).not.toContain(secret);
    }

    await openExportMenu();
    const xlsx = await download('xlsx');
    expect(xlsx.name).toMatch(/^专家名单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    const bytes = readFileSync(xlsx.path);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('专家');
    expect(sheet?.rowCount).toBe(1 + 5);
    expect(sheet?.getRow(1).getCell(11).value).toBe('所属学会');
    const names: string[] = [];
    sheet?.eachRow((r, number) => {
      if (number > 1) names.push(String(r.getCell(1).value));
    });
    expect(names.sort()).toEqual(['冯冲突', '孙立农', '李园艺', '赵农科', '钱科普'].sort());

    // The list's filters travel with the export.
    await page.goto(`${run.baseUrl}/experts?pool=popularisation`);
    await page.getByTestId('experts-table').waitFor();
    await row('李园艺').waitFor();
    await openExportMenu();
    expect(await page.getByTestId('expert-export-scope').textContent()).toBe('按当前筛选条件导出');
    await snap('export-menu');
    const filtered = readFileSync((await download('csv')).path, 'utf8');
    const exported = filtered
      .slice(1)
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(',')[0])
      .sort();
    expect(exported).toEqual(['孙立农', '李园艺', '钱科普'].sort());
  });

  it('gives the auditor the pools to read and export, and nothing to change', async () => {
    const auditor = await run.newPage({ acceptDownloads: true });
    await run.signIn(auditor, AUDITOR);
    await auditor.goto(`${run.baseUrl}/experts`);
    await auditor.getByTestId('experts-table').getByRole('row').filter({ hasText: '孙立农' }).waitFor();
    await auditor.getByTestId('expert-export').waitFor();
    expect(await auditor.getByTestId('expert-add').count()).toBe(0);
    expect(await auditor.getByTestId('expert-import').count()).toBe(0);
    expect(await auditor.getByTestId('expert-edit').count()).toBe(0);
    expect(await auditor.getByTestId('expert-available').first().isDisabled()).toBe(true);
    await snap('auditor', auditor);
    // A typed-in address to the wizard leads home.
    await auditor.goto(`${run.baseUrl}/experts/import`);
    await auditor.waitForURL((url) => url.pathname === '/');
  });

  it('speaks English when asked', async () => {
    await page.goto(`${run.baseUrl}/experts`);
    await page.getByTestId('language-switch').click();
    await page.getByTestId('page-title').getByText('Expert pools').waitFor();
    await row('孙立农').getByTestId('expert-edit').click();
    const drawer = page.getByTestId('expert-drawer');
    await drawer.getByText('Edit expert: 孙立农').waitFor();
    await drawer.getByText('Pool membership').waitFor();
    await snap('english-edit');
    await drawer.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('expert-import').click();
    await page.getByTestId('page-title').getByText('Import experts').waitFor();
    await snap('english-import');
    await page.getByTestId('language-switch').click();
    await page.getByTestId('page-title').getByText('批量导入专家').waitFor();
  });

  it('logged no errors in the browser console', () => {
    expect(run.browserErrors).toEqual([]);
  });
});
