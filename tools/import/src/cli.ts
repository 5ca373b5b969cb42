#!/usr/bin/env node
/**
 * `society-hub-import`: bulk import from CSV or XLSX through the Society Hub API.
 *
 *   pnpm data-import members ./members.xlsx --society <id> [--dry-run] [--batch 1000] [--report rejected.csv]
 *   pnpm data-import experts ./experts.xlsx [同上选项，无 --society]
 *   pnpm data-import template members|experts ./template.xlsx
 *
 * Exit codes: 0 every row landed, 1 some rows were rejected (see the report), 2 usage or connection error.
 */
import { isAbsolute, resolve } from 'node:path';
import { ApiError } from '@society-hub/client';
import cliProgress from 'cli-progress';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { connect, credentialsFromEnv, describeError, UsageError } from './api';
import {
  type ImportOptions,
  type ProgressSink,
  runImport,
  type Target,
  type Totals,
  TransferError,
  withRetry,
} from './importer';
import { checkEncoding, checkReadable, formatOf, SheetError } from './source';
import { ENTITIES, type EntityName, isEntityName } from './spec';
import { expertsTarget, membersTarget } from './targets';
import { writeTemplate } from './xlsx-write';

export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_ERROR = 2;

/** Paths are the caller's: `pnpm data-import` runs the script inside tools/import, `INIT_CWD` is where pnpm was called. */
function userPath(path: string): string {
  if (isAbsolute(path)) return path;
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function integer(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} 应为 ${min}–${max} 的整数`);
    return n;
  };
}

function summaryLine(t: Totals): string {
  return `created ${t.created}, updated ${t.updated}, unchanged ${t.unchanged}, rejected ${t.rejected}`;
}

/** A progress bar on a terminal; one line per batch otherwise (logs, CI, tests). */
function progressSink(stream: NodeJS.WriteStream): ProgressSink {
  const counts = (t: Totals) => ({
    created: t.created,
    updated: t.updated,
    unchanged: t.unchanged,
    rejected: t.rejected,
  });
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format:
          '{bar} {percentage}% | {value}/{total} 行 | 新增 {created} 更新 {updated} 未变 {unchanged} 拒绝 {rejected} | 剩余 {eta_formatted}',
        hideCursor: true,
        barsize: 30,
        etaBuffer: 20,
      },
      cliProgress.Presets.shades_classic,
    );
    let running = false;
    return {
      start(total) {
        running = true;
        bar.start(total ?? 0, 0, counts({ rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 }));
      },
      update(done, totals) {
        bar.update(done, counts(totals));
      },
      note(message) {
        stream.write(running ? `\r\x1b[K${message}\n` : `${message}\n`);
        if (running) bar.render();
      },
      stop() {
        if (running) bar.stop();
        running = false;
      },
    };
  }
  let total: number | undefined;
  return {
    start(t) {
      total = t;
      stream.write(`共 ${t ?? '?'} 行\n`);
    },
    update(done, t) {
      stream.write(
        `进度 ${done}/${total ?? '?'} 行：新增 ${t.created}，更新 ${t.updated}，未变 ${t.unchanged}，拒绝 ${t.rejected}\n`,
      );
    },
    note(message) {
      stream.write(`${message}\n`);
    },
    stop() {},
  };
}

interface ImportFlags {
  society?: string;
  dryRun: boolean;
  batch: number;
  parallel: number;
  report?: string;
  api: string;
  resume: boolean;
  encoding: string;
  retries: number;
  timeout: number;
}

function targetFor(entity: EntityName, flags: ImportFlags): Target<object> {
  switch (entity) {
    case 'members': {
      if (!flags.society) throw new UsageError('导入会员需要 --society <学会 id>');
      return membersTarget(flags.society);
    }
    case 'experts': {
      if (flags.society)
        throw new UsageError('专家库不属于某个学会：导入专家时不用 --society（所属学会写在“所属学会”列）');
      return expertsTarget();
    }
  }
}

async function importCommand(entity: EntityName, file: string, flags: ImportFlags): Promise<number> {
  const input = userPath(file);
  formatOf(input);
  checkEncoding(flags.encoding);
  await checkReadable(input);
  const target = targetFor(entity, flags);
  const scope = entity === 'members' ? 'members:write' : 'experts:write';
  const credentials = credentialsFromEnv(process.env, scope);
  const apiUrl = flags.api.replace(/\/+$/, '');
  const api = connect(apiUrl, credentials);
  const progress = progressSink(process.stderr);
  const options: ImportOptions = {
    file: input,
    apiUrl,
    encoding: flags.encoding,
    batchSize: flags.batch,
    parallel: flags.parallel,
    dryRun: flags.dryRun,
    resume: flags.resume,
    reportPath: userPath(flags.report ?? `${file}.rejected.csv`),
    retries: flags.retries,
    timeoutMs: flags.timeout * 1000,
    progress,
  };
  // Bad credentials or an unreachable API are reported before the file is read.
  await withRetry(api, '登录', options, () => api.authenticate());
  if (flags.dryRun) progress.note('演练模式（--dry-run）：只校验和匹配，不写入任何数据');
  const outcome = await runImport(api, target, options);
  if (outcome.skippedBatches > 0) progress.note(`按断点跳过了 ${outcome.skippedBatches} 个已完成的批次`);
  if (outcome.unmatchable > 0) {
    progress.note(`提示：${outcome.unmatchable} 行既没有外部编号也没有身份证号，再次导入时无法匹配，会被重复创建`);
  }
  if (outcome.reportPath) progress.note(`被拒绝的行及原因已写入 ${outcome.reportPath}`);
  process.stdout.write(`${flags.dryRun ? '[dry run] ' : ''}${summaryLine(outcome.totals)}\n`);
  return outcome.totals.rejected > 0 ? EXIT_REJECTED : EXIT_OK;
}

function entityArgument(value: string): EntityName {
  if (!isEntityName(value)) {
    throw new InvalidArgumentError(`可导入的对象：${Object.keys(ENTITIES).join('、')}`);
  }
  return value;
}

export function buildProgram(onExit: (code: number) => void): Command {
  const program = new Command('import')
    .description('学会通批量导入：从 CSV 或 XLSX 文件导入会员或专家')
    .exitOverride()
    .showHelpAfterError();

  const addImport = (entity: EntityName, description: string) => {
    const command = program
      .command(entity)
      .description(description)
      .argument('<file>', 'CSV（UTF-8，或用 --encoding gb18030）或 XLSX 文件')
      .option('--api <url>', 'API 地址', process.env.SOCIETY_HUB_API_URL ?? 'http://localhost:3000')
      .option('--dry-run', '只校验和匹配，不写入', false)
      .addOption(
        new Option('--batch <n>', '每批行数（接口上限 1000）').argParser(integer('--batch', 1, 1000)).default(1000),
      )
      .addOption(new Option('--parallel <n>', '同时上传的批数').argParser(integer('--parallel', 1, 8)).default(2))
      .option('--report <file>', '被拒绝行的报告（CSV），默认 <file>.rejected.csv')
      .option('--resume', '跳过断点文件中已完成的批次', false)
      .option('--encoding <name>', 'CSV 文件的编码：utf-8 或 gb18030（gbk、gb2312 按 gb18030 读取）', 'utf-8')
      .addOption(new Option('--retries <n>', '一批失败后的重试次数').argParser(integer('--retries', 0, 20)).default(5))
      .addOption(
        new Option('--timeout <seconds>', '单次请求的超时（秒）').argParser(integer('--timeout', 1, 3600)).default(120),
      );
    if (entity === 'members') command.requiredOption('--society <id>', '学会 id');
    command.action(async (file: string, flags: ImportFlags) => {
      onExit(await importCommand(entity, file, flags));
    });
  };
  addImport('members', '导入会员（按外部编号，否则按身份证号匹配已有会员；重复导入是安全的）');
  addImport('experts', '导入专家库（按外部编号，否则按身份证号匹配已有专家；重复导入是安全的）');

  program
    .command('template')
    .description('生成导入模板（XLSX：中文表头、下拉选项和一行示例）')
    .argument('<entity>', `导入对象：${Object.keys(ENTITIES).join('、')}`, entityArgument)
    .argument('<file>', '输出的 .xlsx 文件')
    .action(async (entity: EntityName, file: string) => {
      const output = userPath(file);
      if (formatOf(output) !== 'xlsx') throw new UsageError('模板只能写成 .xlsx 文件');
      await writeTemplate(output, ENTITIES[entity]);
      process.stderr.write(`模板已写入 ${output}\n`);
      onExit(EXIT_OK);
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  // `pnpm data-import -- …` may pass the separator through.
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  let code = EXIT_ERROR;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    }
    if (error instanceof UsageError || error instanceof SheetError) {
      process.stderr.write(`错误：${error.message}\n`);
    } else if (error instanceof TransferError) {
      process.stderr.write(`错误：${error.message}\n`);
    } else if (error instanceof ApiError) {
      const hint =
        error.status === 401
          ? '（凭据无效或已停用）'
          : error.status === 403
            ? '（权限不足：机器客户端需要 members:write，导入专家需要 experts:write）'
            : error.status === 404
              ? '（学会不存在，或不在当前账号的管理范围内）'
              : '';
      process.stderr.write(`错误：API 拒绝了请求${hint}：${describeError(error)}\n`);
    } else {
      process.stderr.write(`错误：${describeError(error)}\n`);
    }
    return EXIT_ERROR;
  }
}

process.exitCode = await main(process.argv.slice(2));
