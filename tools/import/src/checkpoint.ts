/**
 * `<input>.import-state.json`: which batches of a file have landed, with their counts, so `--resume`
 * skips them after an interruption and the final summary still covers the whole file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';

export interface BatchTotals {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface Checkpoint {
  version: 1;
  entity: string;
  /** The society for members; empty for the expert pool. */
  target: string;
  api: string;
  file: { size: number; sha256: string };
  batchSize: number;
  report: string;
  /** Keyed by the 0-based batch number. */
  batches: Record<string, BatchTotals>;
  updatedAt: string;
}

export function checkpointPath(input: string): string {
  return `${input}.import-state.json`;
}

export async function fingerprint(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return { size: (await stat(file)).size, sha256: hash.digest('hex') };
}

function isTotals(value: unknown): value is BatchTotals {
  return (
    typeof value === 'object' &&
    value !== null &&
    ['rows', 'created', 'updated', 'unchanged', 'rejected'].every((k) => typeof Reflect.get(value, k) === 'number')
  );
}

function isCheckpoint(value: unknown): value is Checkpoint {
  if (typeof value !== 'object' || value === null) return false;
  const v = (k: string): unknown => Reflect.get(value, k);
  const file = v('file');
  const batches = v('batches');
  return (
    v('version') === 1 &&
    typeof v('entity') === 'string' &&
    typeof v('target') === 'string' &&
    typeof v('api') === 'string' &&
    typeof v('batchSize') === 'number' &&
    typeof v('report') === 'string' &&
    typeof file === 'object' &&
    file !== null &&
    typeof Reflect.get(file, 'size') === 'number' &&
    typeof Reflect.get(file, 'sha256') === 'string' &&
    typeof batches === 'object' &&
    batches !== null &&
    Object.values(batches).every(isTotals)
  );
}

/** The stored checkpoint, `undefined` when there is none; an unreadable one is an error. */
export async function loadCheckpoint(path: string): Promise<Checkpoint | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isCheckpoint(parsed)) throw new Error(`断点文件 ${path} 已损坏：删除它后重新导入即可（重复导入是安全的）`);
  return parsed;
}

/** Written to a temporary file and renamed, so an interruption never leaves half a checkpoint. */
export async function saveCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ ...checkpoint, updatedAt: new Date().toISOString() }, null, 2)}\n`);
  await rename(temporary, path);
}

export async function removeCheckpoint(path: string): Promise<void> {
  await rm(path, { force: true });
}
