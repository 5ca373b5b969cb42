/**
 * The import run: read the file as a stream, convert each row, send fixed batches of source rows to the
 * import endpoint (retrying what failed on the way), record each landed batch in the checkpoint, and
 * write every rejected row to the report.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { ApiError, type Schemas } from '@society-hub/client';
import type { Cell } from '@society-hub/sheets';
import type { Api } from './api';
import { UsageError } from './api';
import {
  type BatchTotals,
  type Checkpoint,
  checkpointPath,
  fingerprint,
  loadCheckpoint,
  removeCheckpoint,
  saveCheckpoint,
} from './checkpoint';
import { type RejectedRow, Report } from './report';
import { countDataRows, readRows, SheetError, type SheetRow } from './source';
import { type EntitySpec, type HeaderMapping, mapHeaders, RowReader } from './spec';

export type ImportResponse = Schemas['ImportResponse'];
export type FieldError = Schemas['FieldError'];

/** One importable entity: how its rows are read and where they are sent. */
export interface Target<Row extends object> {
  spec: EntitySpec<Row>;
  /** What the target is, for the checkpoint (e.g. the society id). */
  key: string;
  /** Fields by which the API matches an existing record; rows with none of them are created anew each time. */
  matchFields: readonly string[];
  send(api: Api, rows: Row[], dryRun: boolean, idempotencyKey: string, signal: AbortSignal): Promise<ImportResponse>;
}

export type Totals = BatchTotals;

export interface ProgressSink {
  start(total: number | undefined): void;
  update(done: number, totals: Totals): void;
  /** One line of news (batch retried, batch skipped, …). */
  note(message: string): void;
  stop(): void;
}

export interface ImportOptions {
  file: string;
  apiUrl: string;
  encoding: string;
  batchSize: number;
  /** Batches on their way at once (1 sends one at a time). */
  parallel: number;
  dryRun: boolean;
  resume: boolean;
  reportPath: string;
  /** Attempts after the first for one batch. */
  retries: number;
  /** Per request. */
  timeoutMs: number;
  progress: ProgressSink;
  sleep?: (ms: number) => Promise<void>;
}

export interface ImportOutcome {
  totals: Totals;
  reportPath: string | undefined;
  skippedBatches: number;
  /** Rows that carried neither an external reference nor an ID number. */
  unmatchable: number;
}

/** A connection-level failure after every retry: exit code 2, the checkpoint kept. */
export class TransferError extends Error {
  override name = 'TransferError';
}

const RETRY_CAP_SECONDS = 300;

/** Chinese wording for the API's stable error codes (the report is read by people who fill sheets in Chinese). */
const CODE_TEXT: Record<string, string> = {
  required: '必填',
  minLength: '不能为空',
  maxLength: '内容过长',
  format: '格式不正确',
  pattern: '格式不正确',
  enum: '取值不在可选范围内',
  anyOf: '取值无效',
  const: '取值无效',
  type: '类型不正确',
  additionalProperties: '无法识别的字段',
  duplicate_in_batch: '与同一批中前面的一行是同一条记录（外部编号或身份证号重复）',
  in_future: '日期不能晚于今天',
  id_number_format: '身份证号应为 17 位数字加 1 位数字或 X',
  id_number_checksum: '身份证号校验位不正确',
  id_number_birth_date: '身份证号中的出生日期无效，或与“出生日期”不一致',
  credit_code_format: '统一社会信用代码格式不正确',
  credit_code_checksum: '统一社会信用代码校验位不正确',
  credit_code_required: '缺少统一社会信用代码',
  already_member: '此人已是本学会的会员（身份证号与已有会员相同）',
  already_expert: '此人已在专家库中（身份证号与已有专家相同）',
  external_ref_taken: '外部编号已被另一条记录使用',
  unknown_society: '所属学会不存在：请填写学会 id',
};

/** `职称(titleLevel): 取值不在可选范围内`: the API's row-relative path in the file's own words. */
export function describeFieldError(reader: RowReader, error: FieldError): string {
  const path = error.path.replace(/^\/body/, '');
  const [, first, ...rest] = path.split('/');
  const text = CODE_TEXT[error.code] ?? `服务器拒绝了这个值（${error.code}）`;
  if (!first) return text;
  const label = reader.label(first);
  return `${rest.length ? `${label}/${rest.join('/')}` : label}: ${text}`;
}

function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true; // network failure, time-out, connection reset
  if (error.status >= 500 || error.status === 429 || error.status === 408) return true;
  return error.status === 409 && error.problem.code.startsWith('idempotency_key');
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Runs `attempt` until it succeeds: a 401 renews the token (twice at most), network errors, 5xx, 429
 * and a still-running idempotent twin wait (Retry-After when given, else exponential back-off) and try
 * again, up to `retries` times.
 */
export async function withRetry<T>(
  api: Api,
  what: string,
  options: Pick<ImportOptions, 'retries' | 'progress' | 'sleep'>,
  attempt: () => Promise<T>,
): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  let failures = 0;
  let renewals = 0;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && renewals < 2) {
        renewals += 1;
        api.invalidateToken();
        continue;
      }
      if (!retryable(error) || failures >= options.retries) throw error;
      failures += 1;
      const retryAfter = error instanceof ApiError ? api.lastRetryAfter() : undefined;
      const backoff = Math.min(30, 0.5 * 2 ** (failures - 1)) * (0.75 + Math.random() / 2);
      const seconds = Math.min(RETRY_CAP_SECONDS, retryAfter ?? backoff);
      options.progress.note(
        `${what}失败（${error instanceof ApiError ? `HTTP ${error.status}` : error instanceof Error ? error.message : String(error)}），` +
          `${seconds.toFixed(1)} 秒后第 ${failures}/${options.retries} 次重试`,
      );
      await sleep(seconds * 1000);
    }
  }
}

interface PendingRow {
  source: SheetRow;
  reader: RowReader;
}

interface SentBatch<Row> {
  rejected: RejectedRow[];
  valid: { pending: PendingRow; row: Row }[];
  response: ImportResponse | undefined;
}

export async function runImport<Row extends object>(
  api: Api,
  target: Target<Row>,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const { spec } = target;
  const file = resolve(options.file);
  const rows = readRows(file, { encoding: options.encoding });

  // The header first: unknown columns stop the run before anything is sent.
  const first = await rows.next();
  if (first.done) throw new SheetError('文件是空的：第一行应是表头');
  const headerCells = first.value.cells;
  if (headerCells.some((c) => typeof c === 'string' && c.includes('\uFFFD'))) {
    throw new SheetError(
      '表头含有无法解码的字符：文件可能不是 UTF-8 编码。Excel 另存的 CSV 通常是 GB18030，请加 --encoding gb18030',
    );
  }
  const { mapping, errors } = mapHeaders(spec.fields, headerCells);
  if (errors.length > 0) throw new UsageError(`表头有误，未上传任何数据：\n  ${errors.join('\n  ')}`);
  const headers = headerCells.map((c) =>
    c === null
      ? ''
      : String(c)
          .trim()
          .replace(/^\uFEFF/, ''),
  );

  const total = await countDataRows(file, { encoding: options.encoding });

  // The checkpoint: only for real runs.
  const statePath = checkpointPath(file);
  const print = fingerprintOnce(file);
  let checkpoint: Checkpoint | undefined;
  if (!options.dryRun) {
    const stored = await loadCheckpoint(statePath);
    const fileId = await print();
    if (options.resume && stored) {
      const mismatch =
        stored.entity !== spec.entity
          ? `导入对象（${stored.entity}）`
          : stored.target !== target.key
            ? `目标（${stored.target}）`
            : stored.file.sha256 !== fileId.sha256 || stored.file.size !== fileId.size
              ? '文件内容'
              : stored.batchSize !== options.batchSize
                ? `批大小（上次为 --batch ${stored.batchSize}）`
                : undefined;
      if (mismatch) {
        throw new UsageError(
          `无法续传：${mismatch}与断点文件 ${statePath} 不一致。去掉 --resume 重新导入即可（已导入的行会被识别为“未变化”，不会重复）`,
        );
      }
      checkpoint = stored;
    } else {
      if (options.resume) options.progress.note(`没有找到断点文件 ${statePath}，从头开始导入`);
      else if (stored)
        options.progress.note(`发现上次未完成的导入记录，本次从头开始（如需跳过已完成的批次，请加 --resume）`);
      checkpoint = {
        version: 1,
        entity: spec.entity,
        target: target.key,
        api: options.apiUrl,
        file: fileId,
        batchSize: options.batchSize,
        report: resolve(options.reportPath),
        batches: {},
        updatedAt: new Date().toISOString(),
      };
    }
  }

  const resumedReport = checkpoint !== undefined && Object.keys(checkpoint.batches).length > 0;
  const reportPath = resumedReport && checkpoint ? checkpoint.report : resolve(options.reportPath);
  const report = new Report(reportPath, headers, resumedReport);
  await report.open();

  const totals: Totals = { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
  const add = (t: BatchTotals) => {
    totals.rows += t.rows;
    totals.created += t.created;
    totals.updated += t.updated;
    totals.unchanged += t.unchanged;
    totals.rejected += t.rejected;
  };
  const runId = randomUUID();
  let skippedBatches = 0;
  let unmatchable = 0;

  options.progress.start(total);

  /** Converts a batch and sends it; what comes back is settled by `finish`, in batch order. */
  const send = async (batchNumber: number, batch: SheetRow[]): Promise<SentBatch<Row>> => {
    const rejected: RejectedRow[] = [];
    const valid: { pending: PendingRow; row: Row }[] = [];
    for (const source of batch) {
      const reader = readerFor(spec, mapping, source);
      const row = spec.build(reader);
      if (row === undefined)
        rejected.push({ rowNumber: source.rowNumber, cells: source.cells, reasons: reader.errors });
      else {
        valid.push({ pending: { source, reader }, row });
        if (target.matchFields.every((f) => Reflect.get(row, f) === undefined)) unmatchable += 1;
      }
    }
    if (valid.length === 0) return { rejected, valid, response: undefined };
    // One key per batch and run: a retried request is answered once, a later run is matched afresh.
    const key = `import-${runId}-${batchNumber}`;
    const response = await withRetry(api, `第 ${batchNumber + 1} 批`, options, () =>
      target.send(
        api,
        valid.map((v) => v.row),
        options.dryRun,
        key,
        AbortSignal.timeout(options.timeoutMs),
      ),
    );
    return { rejected, valid, response };
  };

  const finish = async (batchNumber: number, batch: SheetRow[], sent: SentBatch<Row>) => {
    const { rejected, valid, response } = sent;
    const outcome: BatchTotals = { rows: batch.length, created: 0, updated: 0, unchanged: 0, rejected: 0 };
    const byIndex = new Map((response?.results ?? []).map((r) => [r.index, r]));
    if (response) {
      valid.forEach((v, index) => {
        const result = byIndex.get(index);
        if (!result) {
          rejected.push({
            rowNumber: v.pending.source.rowNumber,
            cells: v.pending.source.cells,
            reasons: ['服务器未返回这一行的结果'],
          });
          return;
        }
        if (result.outcome === 'error') {
          const reasons = (result.errors ?? []).map((e) => describeFieldError(v.pending.reader, e));
          rejected.push({
            rowNumber: v.pending.source.rowNumber,
            cells: v.pending.source.cells,
            reasons: reasons.length ? reasons : ['服务器拒绝了这一行'],
          });
        } else outcome[result.outcome] += 1;
      });
    }
    rejected.sort((a, b) => a.rowNumber - b.rowNumber);
    outcome.rejected = rejected.length;
    await report.write(rejected);
    add(outcome);
    if (checkpoint) {
      checkpoint.batches[String(batchNumber)] = outcome;
      await saveCheckpoint(statePath, checkpoint);
    }
    options.progress.update(totals.rows, totals);
  };

  // Up to `parallel` batches are on their way at once, so reading the file, the API and the database
  // work side by side; results are settled strictly in batch order (report, checkpoint, progress).
  const window: Promise<void>[] = [];
  let settled: Promise<void> = Promise.resolve();
  const schedule = async (batchNumber: number, batch: SheetRow[]) => {
    const done = checkpoint?.batches[String(batchNumber)];
    if (done) {
      skippedBatches += 1;
      add(done);
      options.progress.update(totals.rows, totals);
      return;
    }
    const sent = send(batchNumber, batch);
    sent.catch(() => {}); // observed through `settled`; never an unhandled rejection
    settled = settled.then(async () => finish(batchNumber, batch, await sent));
    window.push(settled);
    if (window.length >= options.parallel) await window.shift();
  };

  try {
    try {
      let batch: SheetRow[] = [];
      let batchNumber = 0;
      for await (const row of rows) {
        batch.push(row);
        if (batch.length === options.batchSize) {
          await schedule(batchNumber, batch);
          batchNumber += 1;
          batch = [];
        }
      }
      if (batch.length > 0) await schedule(batchNumber, batch);
    } finally {
      // Whatever happened, let the batches already sent settle (and be checkpointed) before leaving.
      await Promise.allSettled(window);
    }
    await settled;
  } catch (error) {
    if (error instanceof SheetError || error instanceof UsageError) throw error;
    if (error instanceof ApiError && !retryable(error)) throw error;
    throw new TransferError(
      `上传中断：${error instanceof Error ? error.message : String(error)}` +
        (checkpoint ? `。已完成的批次记录在 ${statePath}，恢复后加 --resume 继续` : ''),
      { cause: error },
    );
  } finally {
    options.progress.stop();
  }

  // Every batch landed: the checkpoint has done its job.
  if (checkpoint) await removeCheckpoint(statePath);
  return {
    totals,
    reportPath: totals.rejected > 0 || report.count > 0 ? reportPath : undefined,
    skippedBatches,
    unmatchable,
  };
}

function readerFor<Row>(spec: EntitySpec<Row>, mapping: HeaderMapping, source: SheetRow): RowReader {
  const cells = new Map<string, Cell>();
  mapping.columns.forEach((field, i) => {
    if (field !== null) cells.set(field, source.cells[i] ?? null);
  });
  return new RowReader(cells, spec, mapping.headers);
}

function fingerprintOnce(file: string): () => Promise<{ size: number; sha256: string }> {
  let value: Promise<{ size: number; sha256: string }> | undefined;
  return () => {
    value ??= fingerprint(file);
    return value;
  };
}
