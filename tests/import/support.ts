/**
 * For the import CLI tests: the API in-process on a free port, a society and a machine client to import
 * with, the CLI as a child process, and generated member sheets with known bad rows.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withIdNumberCheck } from '@society-hub/domain';
import { ADMIN, startTestApp, type TestApp } from '../support/app';

export const TOOL_DIR = fileURLToPath(new URL('../../tools/import', import.meta.url));

/** The headers of the template, in its order. */
export const CHINESE_HEADERS = [
  '姓名',
  '性别',
  '出生日期',
  '身份证号',
  '手机',
  '邮箱',
  '工作单位',
  '职称',
  '学科',
  '学历',
  '会员类别',
  '入会日期',
  '外部编号',
  '会员类型',
  '统一社会信用代码',
  '联系人',
] as const;

export interface ImportEnv {
  t: TestApp;
  admin: string;
  baseUrl: string;
  /** Environment for the CLI: the machine client's credentials. */
  env: Record<string, string>;
  clientId: string;
  dir: string;
  newSociety(name?: string): Promise<string>;
  memberCount(societyId: string): Promise<number>;
  close(): Promise<void>;
}

export async function startImportEnv(): Promise<ImportEnv> {
  const t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const admin = await t.login(ADMIN.username, ADMIN.password);
  const created = await t.request({
    method: 'POST',
    url: '/v1/clients',
    token: admin,
    payload: { name: '会员系统迁移脚本', scopes: ['members:read', 'members:write', 'experts:write'] },
  });
  if (created.statusCode !== 201) throw new Error(`client not created: ${created.body}`);
  const client = created.json<{ clientId: string; clientSecret: string }>();
  const dir = await mkdtemp(join(tmpdir(), 'sh-import-'));
  return {
    t,
    admin,
    baseUrl: `http://127.0.0.1:${port}`,
    env: { SOCIETY_HUB_CLIENT_ID: client.clientId, SOCIETY_HUB_CLIENT_SECRET: client.clientSecret },
    clientId: client.clientId,
    dir,
    newSociety: (name) => t.createSociety(admin, name ? { name } : {}),
    async memberCount(societyId) {
      const row = await t.database.db
        .selectFrom('members')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('society_id', '=', societyId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async close() {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI (`tools/import/src/cli.ts` under tsx) to completion. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const child = startCli(args, env);
  return child.done;
}

export function startCli(
  args: string[],
  env: Record<string, string>,
): { kill: (signal?: NodeJS.Signals) => void; done: Promise<CliResult>; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: TOOL_DIR,
    env: { PATH: process.env.PATH ?? '', NODE_NO_WARNINGS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const done = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { kill: (signal = 'SIGKILL') => child.kill(signal), done, output: () => stdout + stderr };
}

/** `created N, updated N, unchanged N, rejected N` from the CLI's output. */
export function summaryOf(stdout: string): { created: number; updated: number; unchanged: number; rejected: number } {
  const match = /created (\d+), updated (\d+), unchanged (\d+), rejected (\d+)/.exec(stdout);
  if (!match) throw new Error(`no summary line in:\n${stdout}`);
  return {
    created: Number(match[1]),
    updated: Number(match[2]),
    unchanged: Number(match[3]),
    rejected: Number(match[4]),
  };
}

const TITLES = ['正高级', '副高级', '中级', '初级', '无'] as const;
const CATEGORIES = ['普通', '资深', '学生', '荣誉'] as const;

export type Cell = string | number | Date | null;

export interface GeneratedSheet {
  header: string[];
  rows: Cell[][];
  /** 0-based indexes of the rows that must be rejected, with the column that is wrong. */
  bad: Map<number, string>;
  good: number;
}

/**
 * `count` member rows under the Chinese headers. Every row has a valid ID number (the birth date inside it
 * matches 出生日期); every tenth has no 外部编号 (matched by ID number then). Rows with index ≡ 37 (mod 100)
 * are bad, cycling through: an unknown 职称 (特级) and an impossible date (rejected by the CLI), a wrong ID
 * check character and an invalid e-mail (rejected by the API).
 */
export function memberSheet(count: number, options: { dates: 'text' | 'cells'; seed?: number } = { dates: 'text' }) {
  const seed = options.seed ?? 1;
  const header = [...CHINESE_HEADERS];
  const rows: Cell[][] = [];
  const bad = new Map<number, string>();
  const base = Date.UTC(1960, 0, 1);
  for (let i = 0; i < count; i++) {
    const born = new Date(base + (i + seed * 3000) * 86_400_000);
    const ymd = born.toISOString().slice(0, 10);
    const [y, m, d] = ymd.split('-');
    const idNumber = withIdNumberCheck(`370802${y}${m}${d}${String(100 + seed).slice(-3)}`);
    const birth: Cell = options.dates === 'cells' ? born : `${y}/${Number(m)}/${Number(d)}`;
    const joined: Cell = options.dates === 'cells' ? new Date(Date.UTC(2020, 0, 5)) : '2020-01-05';
    const row: Cell[] = [
      `会员${seed}-${i}`,
      i % 2 === 0 ? '男' : '女',
      birth,
      idNumber,
      `139${String(i).padStart(8, '0')}`,
      `m${seed}-${i}@example.com`,
      '市第一人民医院',
      TITLES[i % TITLES.length] ?? '无',
      '临床医学',
      '硕士研究生',
      CATEGORIES[i % CATEGORIES.length] ?? '普通',
      joined,
      i % 10 === 3 ? null : `EXT-${seed}-${i}`,
      '个人',
      null,
      null,
    ];
    if (i % 100 === 37) {
      const kind = Math.floor(i / 100) % 4;
      if (kind === 0) {
        row[7] = '特级';
        bad.set(i, '职称');
      } else if (kind === 1) {
        row[2] = '2020/13/45';
        bad.set(i, '出生日期');
      } else if (kind === 2) {
        row[3] = `${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}`;
        bad.set(i, '身份证号');
      } else {
        row[5] = 'not-an-email';
        bad.set(i, '邮箱');
      }
    }
    rows.push(row);
  }
  return { header, rows, bad, good: count - bad.size };
}

function csvField(value: Cell): string {
  if (value === null) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n');
}

export async function writeCsv(path: string, text: string, options: { bom?: boolean } = {}): Promise<void> {
  await writeFile(path, `${options.bom ? '\uFEFF' : ''}${text}\r\n`);
}
