import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, credentialsFromEnv } from '../../tools/import/src/api';
import { describeWorkbook, encodeText, fillWorkbook, readRows } from '../../tools/import/src/testing';
import { nextCreditCode } from '../support/app';
import {
  CHINESE_HEADERS,
  csvText,
  type ImportEnv,
  memberSheet,
  runCli,
  startCli,
  startImportEnv,
  summaryOf,
  writeCsv,
} from './support';

let e: ImportEnv;

beforeAll(async () => {
  e = await startImportEnv();
});
afterAll(async () => e?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('an interrupted import', () => {
  it('resumes from the checkpoint and ends with every row exactly once', { timeout: 180_000 }, async () => {
    const societyId = await e.newSociety('市地质学会');
    const sheet = memberSheet(2500, { dates: 'text', seed: 3 });
    const file = join(e.dir, 'interrupted.csv');
    const report = join(e.dir, 'interrupted-rejected.csv');
    const state = `${file}.import-state.json`;
    await writeCsv(file, csvText(sheet.header, sheet.rows));
    const args = ['members', file, '--society', societyId, '--api', e.baseUrl, '--report', report, '--batch', '200'];

    const first = startCli(args, e.env);
    const deadline = Date.now() + 60_000;
    let batchesDone = 0;
    while (Date.now() < deadline) {
      if (existsSync(state)) {
        const checkpoint = JSON.parse(await readFile(state, 'utf8').catch(() => '{}'));
        batchesDone = Object.keys(checkpoint.batches ?? {}).length;
        if (batchesDone >= 1) break;
      }
      await sleep(10);
    }
    first.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.code, first.output()).toBeNull();
    expect(batchesDone).toBeGreaterThanOrEqual(1);
    expect(existsSync(state)).toBe(true);
    const before = await e.memberCount(societyId);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(sheet.good);

    const resumed = await runCli([...args, '--resume'], e.env);
    expect(resumed.code, resumed.stderr).toBe(1);
    expect(resumed.stderr).toMatch(/按断点跳过了 \d+ 个已完成的批次/);
    const summary = summaryOf(resumed.stdout);
    // A batch in flight at the kill may have landed: it comes back unchanged, never twice.
    expect(summary.created + summary.unchanged).toBe(sheet.good);
    expect(summary.updated).toBe(0);
    expect(summary.rejected).toBe(25);
    expect(await e.memberCount(societyId)).toBe(sheet.good);
    expect(existsSync(state)).toBe(false);

    const rejectedRows = new Set<number>();
    let first_ = true;
    for await (const row of readRows(report, { encoding: 'utf-8' })) {
      if (first_) {
        first_ = false;
        continue;
      }
      rejectedRows.add(Number(row.cells[0]));
    }
    expect([...rejectedRows].sort((a, b) => a - b)).toEqual([...sheet.bad.keys()].map((i) => i + 2));
  });

  it('refuses to resume with another batch size or a changed file', async () => {
    const societyId = await e.newSociety();
    const file = join(e.dir, 'changed.csv');
    const sheet = memberSheet(30, { dates: 'text', seed: 4 });
    await writeCsv(file, csvText(sheet.header, sheet.rows));
    const state = `${file}.import-state.json`;
    await writeFile(
      state,
      JSON.stringify({
        version: 1,
        entity: 'members',
        target: societyId,
        api: e.baseUrl,
        file: { size: 1, sha256: 'x' },
        batchSize: 10,
        report: join(e.dir, 'changed-rejected.csv'),
        batches: { '0': { rows: 10, created: 10, updated: 0, unchanged: 0, rejected: 0 } },
        updatedAt: new Date().toISOString(),
      }),
    );
    const result = await runCli(
      ['members', file, '--society', societyId, '--api', e.baseUrl, '--batch', '10', '--resume'],
      e.env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('无法续传：文件内容');
    expect(await e.memberCount(societyId)).toBe(0);
  });
});

describe('the template', () => {
  it('has exactly the Chinese headers, drop-downs and an example row, and round-trips', {
    timeout: 60_000,
  }, async () => {
    const template = join(e.dir, 'template.xlsx');
    const made = await runCli(['template', 'members', template], {});
    expect(made.code, made.stderr).toBe(0);
    const summary = await describeWorkbook(template);
    expect(summary.headers).toEqual([...CHINESE_HEADERS]);
    expect(summary.dropDowns).toEqual({
      性别: ['男', '女'],
      职称: ['正高级', '副高级', '中级', '初级', '无'],
      会员类别: ['普通', '资深', '学生', '荣誉'],
      会员类型: ['个人', '单位'],
    });
    expect(summary.dropDownsAtRow1000).toEqual(summary.dropDowns);
    expect(summary.example.slice(0, 4)).toEqual(['张三', '女', '1949-12-31', '11010519491231002X']);

    const filled = join(e.dir, 'filled.xlsx');
    const creditCode = nextCreditCode();
    await fillWorkbook(template, filled, [
      [
        '李四',
        '男',
        new Date(Date.UTC(1975, 4, 6)),
        null,
        '13800000001',
        null,
        '市农科院',
        '副高级',
        '作物学',
        '博士',
        '资深',
        new Date(Date.UTC(2019, 2, 1)),
        'T-2',
        '个人',
        null,
        null,
      ],
      [
        '市农业技术推广中心',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        '普通',
        '2021/6/30',
        'T-3',
        '单位',
        creditCode,
        '王五',
      ],
    ]);
    const societyId = await e.newSociety('市农业工程学会');
    const result = await runCli(['members', filled, '--society', societyId, '--api', e.baseUrl], e.env);
    expect(result.code, result.stderr).toBe(0);
    expect(summaryOf(result.stdout)).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    const members = await e.t.database.db
      .selectFrom('members')
      .selectAll()
      .where('society_id', '=', societyId)
      .orderBy('external_ref')
      .execute();
    expect(
      members.map((m) => [
        m.external_ref,
        m.name,
        m.kind,
        m.gender,
        m.birth_date,
        m.title_level,
        m.category,
        m.joined_on,
      ]),
    ).toEqual([
      ['M-0001', '张三', 'individual', 'female', '1949-12-31', 'senior', 'ordinary', '2020-01-05'],
      ['T-2', '李四', 'individual', 'male', '1975-05-06', 'associate_senior', 'senior', '2019-03-01'],
      ['T-3', '市农业技术推广中心', 'institutional', null, null, 'none', 'ordinary', '2021-06-30'],
    ]);
    expect(members[2]).toMatchObject({ contact_person: '王五', org_credit_code: creditCode });
  });
});

describe('headers and encodings', () => {
  it('reads a GB18030 CSV with Chinese headers and English API field names mixed', async () => {
    const societyId = await e.newSociety();
    const file = join(e.dir, 'gbk.csv');
    const text = csvText(
      ['姓名', 'gender', '职称', 'category', '外部编号', '入会日期', '会员类型'],
      [
        ['赵六', '男', '中级', '学生', 'G-1', '2018年3月9日', '个人'],
        ['钱七', 'female', 'junior', 'honorary', 'G-2', '20170102', 'individual'],
      ],
    );
    await writeFile(file, encodeText(`${text}\r\n`, 'gb18030'));
    const garbled = await runCli(['members', file, '--society', societyId, '--api', e.baseUrl], e.env);
    expect(garbled.code).toBe(2);
    expect(garbled.stderr).toContain('--encoding gb18030');

    const result = await runCli(
      ['members', file, '--society', societyId, '--api', e.baseUrl, '--encoding', 'gb18030'],
      e.env,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(summaryOf(result.stdout)).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 0 });
    const members = await e.t.database.db
      .selectFrom('members')
      .select(['name', 'gender', 'title_level', 'category', 'joined_on'])
      .where('society_id', '=', societyId)
      .orderBy('external_ref')
      .execute();
    expect(members).toEqual([
      { name: '赵六', gender: 'male', title_level: 'intermediate', category: 'student', joined_on: '2018-03-09' },
      { name: '钱七', gender: 'female', title_level: 'junior', category: 'honorary', joined_on: '2017-01-02' },
    ]);
  });

  it('stops before uploading anything when a column is unknown', async () => {
    const societyId = await e.newSociety();
    const file = join(e.dir, 'unknown.csv');
    await writeCsv(file, csvText(['姓名', '职务', '外部编号'], [['孙八', '理事', 'U-1']]));
    const result = await runCli(['members', file, '--society', societyId, '--api', e.baseUrl], e.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('第 B 列的表头“职务”无法识别');
    expect(await e.memberCount(societyId)).toBe(0);
  });

  it('exits 2 without credentials, on a usage error, and when the API cannot be reached', async () => {
    const file = join(e.dir, 'one.csv');
    await writeCsv(file, csvText(['姓名'], [['周九']]));
    const societyId = await e.newSociety();
    const noCredentials = await runCli(['members', file, '--society', societyId, '--api', e.baseUrl], {});
    expect(noCredentials.code).toBe(2);
    expect(noCredentials.stderr).toContain('SOCIETY_HUB_CLIENT_ID');
    expect((await runCli(['members', file, '--api', e.baseUrl], e.env)).code).toBe(2);
    expect((await runCli(['members', file, '--society', societyId, '--batch', '5000'], e.env)).code).toBe(2);
    const unreachable = await runCli(
      ['members', file, '--society', societyId, '--api', 'http://127.0.0.1:9', '--retries', '0'],
      e.env,
    );
    expect(unreachable.code).toBe(2);
    const wrongSecret = await runCli(['members', file, '--society', societyId, '--api', e.baseUrl], {
      ...e.env,
      SOCIETY_HUB_CLIENT_SECRET: 'shs_wrong',
    });
    expect(wrongSecret.code).toBe(2);
    expect(wrongSecret.stderr).toContain('401');
  });

  it('logs in with a username and password too', async () => {
    const file = join(e.dir, 'login.csv');
    await writeCsv(file, csvText(['name', 'externalRef'], [['吴十', 'L-1']]));
    const societyId = await e.newSociety();
    const result = await runCli(['members', file, '--society', societyId, '--api', e.baseUrl], {
      SOCIETY_HUB_USERNAME: 'admin',
      SOCIETY_HUB_PASSWORD: 'admin-password-1',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(summaryOf(result.stdout)).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 0 });
  });
});

describe('a flaky connection', () => {
  let proxy: Server;
  let proxyUrl: string;
  const seen: { path: string; status: number }[] = [];
  /** Answers scripted for the next import requests, then passes everything through to the API. */
  const script: { status: number; headers?: Record<string, string> }[] = [];

  const body = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  };

  beforeAll(async () => {
    proxy = createServer(async (request, response) => {
      const path = request.url ?? '/';
      const payload = await body(request);
      const scripted = path.endsWith('/import') ? script.shift() : undefined;
      if (scripted) {
        seen.push({ path, status: scripted.status });
        response.writeHead(scripted.status, { 'content-type': 'application/problem+json', ...scripted.headers });
        response.end(
          JSON.stringify({ type: 'about:blank', title: 'scripted', status: scripted.status, code: 'scripted' }),
        );
        return;
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(request.headers)) {
        if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers.set(k, v);
      }
      const upstream = await fetch(`${e.baseUrl}${path}`, {
        method: request.method,
        headers,
        ...(payload.length ? { body: payload } : {}),
      });
      seen.push({ path, status: upstream.status });
      const out: Record<string, string> = {};
      upstream.headers.forEach((v, k) => {
        if (k !== 'content-encoding' && k !== 'content-length' && k !== 'transfer-encoding') out[k] = v;
      });
      response.writeHead(upstream.status, out);
      response.end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => proxy?.close(r));
  });

  it('renews the token shortly before it expires', async () => {
    let clock = Date.now();
    const api = connect(
      proxyUrl,
      credentialsFromEnv({ ...process.env, ...e.env, SOCIETY_HUB_USERNAME: '' }, 'members:read members:write'),
      () => clock,
    );
    const tokens = () => seen.filter((s) => s.path === '/v1/oauth/token').length;
    const before = tokens();
    await api.authenticate();
    await api.authenticate();
    expect(tokens()).toBe(before + 1);
    // Tokens live 900 s here; within the last minute the next request gets a fresh one first.
    clock += 850_000;
    const societyId = await e.newSociety();
    const { data } = await api.client.GET('/v1/societies/{id}/members', { params: { path: { id: societyId } } });
    expect(data?.items).toEqual([]);
    expect(tokens()).toBe(before + 2);
  });

  it('retries a batch after 503, 429 (honouring Retry-After) and renews the token after 401', {
    timeout: 60_000,
  }, async () => {
    const societyId = await e.newSociety();
    const sheet = memberSheet(60, { dates: 'text', seed: 5 });
    const good = sheet.rows.filter((_, i) => !sheet.bad.has(i));
    const file = join(e.dir, 'flaky.csv');
    await writeCsv(file, csvText(sheet.header, good));
    const seenBefore = seen.length;
    script.push({ status: 503 }, { status: 429, headers: { 'retry-after': '1' } }, { status: 401 });
    const started = Date.now();
    const result = await runCli(['members', file, '--society', societyId, '--api', proxyUrl, '--batch', '25'], e.env);
    expect(result.code, result.stderr).toBe(0);
    expect(summaryOf(result.stdout)).toEqual({ created: good.length, updated: 0, unchanged: 0, rejected: 0 });
    expect(await e.memberCount(societyId)).toBe(good.length);
    expect(result.stderr).toContain('HTTP 503');
    expect(result.stderr).toMatch(/HTTP 429）.*1\.0 秒后/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    // One token at the start, a second after the 401.
    const during = seen.slice(seenBefore);
    expect(during.filter((s) => s.path === '/v1/oauth/token')).toHaveLength(2);
    expect(during.filter((s) => s.path.endsWith('/import')).map((s) => s.status)).toEqual([
      503, 429, 401, 200, 200, 200,
    ]);
  });
});
