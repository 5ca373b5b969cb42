/**
 * A file on disk as a sheet: the shared reader (`@society-hub/sheets`) over the file, read in pieces so a
 * 100,000-row file is never held whole. Entirely blank rows are skipped; the first remaining row is the
 * header. Every failure to read is a `SheetError` with a reason in Chinese.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  type ByteSource,
  canonicalEncoding,
  formatOf,
  type ReadOptions,
  readSheet,
  SheetError,
  type SheetRow,
} from '@society-hub/sheets';

export { formatOf, SheetError, type SheetRow } from '@society-hub/sheets';

function openError(file: string, error: unknown): SheetError {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  const name = basename(file);
  if (code === 'ENOENT') return new SheetError(`找不到文件“${name}”（${file}）`);
  if (code === 'EACCES' || code === 'EPERM') return new SheetError(`没有权限读取文件“${name}”`);
  if (code === 'EISDIR') return new SheetError(`“${name}”是一个目录，不是文件`);
  return new SheetError(`无法打开文件“${name}”：${error instanceof Error ? error.message : String(error)}`);
}

/** Checks the encoding name before anything is read (`gbk` and `gb2312` are read as GB18030). */
export function checkEncoding(encoding: string): void {
  canonicalEncoding(encoding);
}

/** Opens the file and closes it again: a missing or unreadable file is reported before logging in. */
export async function checkReadable(file: string): Promise<void> {
  try {
    await (await open(file, 'r')).close();
  } catch (error) {
    throw openError(file, error);
  }
}

/** Every non-blank row of the file, the header first. */
export async function* readRows(file: string, options: ReadOptions): AsyncGenerator<SheetRow> {
  const format = formatOf(file);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw openError(file, error);
  }
  try {
    const { size } = await handle.stat();
    const source: ByteSource = {
      size,
      async read(offset, length) {
        const buffer = new Uint8Array(length);
        const { bytesRead } = await handle.read(buffer, 0, length, offset);
        return buffer.subarray(0, bytesRead);
      },
    };
    yield* readSheet(format, source, options);
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw new SheetError(
      `${format === 'csv' ? 'CSV' : 'XLSX'} 文件“${basename(file)}”无法读取：${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await handle.close();
  }
}

/** How many data rows (after the header) the file has: one streaming pass. */
export async function countDataRows(file: string, options: ReadOptions): Promise<number> {
  let count = 0;
  for await (const _row of readRows(file, options)) count += 1;
  return Math.max(0, count - 1);
}
