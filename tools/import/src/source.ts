/**
 * Streams the rows of a CSV or XLSX file, one at a time, so a 100,000-row file is never held whole.
 * Entirely blank rows are skipped; the first remaining row is the header.
 */
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS, { type CellValue } from 'exceljs';
import iconv from 'iconv-lite';
import { type Cell, isBlank } from './cells';

export interface SourceRow {
  /** The row's number as the person sees it: the spreadsheet row, or the CSV line the record ends on. */
  rowNumber: number;
  cells: Cell[];
}

export type SourceFormat = 'csv' | 'xlsx';

export interface SourceOptions {
  /** For CSV: `utf-8` (a BOM is allowed) or any encoding iconv-lite knows, e.g. `gb18030`. */
  encoding: string;
}

export class SourceError extends Error {
  override name = 'SourceError';
}

export function formatOf(file: string): SourceFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.xls') throw new SourceError('不支持旧版 .xls 文件：请在 Excel 中另存为 .xlsx 或 CSV');
  throw new SourceError(`无法识别的文件类型“${ext || file}”：请提供 .csv 或 .xlsx 文件`);
}

export function isUtf8(encoding: string): boolean {
  return /^utf-?8$/i.test(encoding);
}

export function checkEncoding(encoding: string): void {
  if (!isUtf8(encoding) && !iconv.encodingExists(encoding)) {
    throw new SourceError(`不支持的编码“${encoding}”：可用 utf-8 或 gb18030`);
  }
}

/** Every non-blank row of the file, the header first. */
export function readRows(file: string, options: SourceOptions): AsyncGenerator<SourceRow> {
  return formatOf(file) === 'csv' ? readCsv(file, options) : readXlsx(file);
}

/** How many data rows (after the header) the file has: one streaming pass. */
export async function countDataRows(file: string, options: SourceOptions): Promise<number> {
  let count = 0;
  for await (const _row of readRows(file, options)) count += 1;
  return Math.max(0, count - 1);
}

function isCsvRecord(value: unknown): value is { record: unknown[]; info: { lines: number } } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'record' in value &&
    Array.isArray(value.record) &&
    'info' in value &&
    typeof value.info === 'object' &&
    value.info !== null &&
    'lines' in value.info &&
    typeof value.info.lines === 'number'
  );
}

async function* readCsv(file: string, options: SourceOptions): AsyncGenerator<SourceRow> {
  checkEncoding(options.encoding);
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: false,
  });
  const input = createReadStream(file);
  const onEnd = (error: NodeJS.ErrnoException | null) => {
    if (error) parser.destroy(error);
  };
  if (isUtf8(options.encoding)) pipeline(input, parser, onEnd);
  else pipeline(input, iconv.decodeStream(options.encoding), parser, onEnd);
  try {
    for await (const item of parser) {
      if (!isCsvRecord(item)) continue;
      const cells: Cell[] = item.record.map((v) => (typeof v === 'string' ? v : v === null ? null : String(v)));
      if (cells.every((c) => isBlank(c))) continue;
      yield { rowNumber: item.info.lines, cells };
    }
  } catch (error) {
    throw new SourceError(`CSV 文件无法解析：${error instanceof Error ? error.message : String(error)}`);
  } finally {
    input.destroy();
  }
}

/** An ExcelJS cell value reduced to what the importer needs (formulas to their results). */
export function cellOf(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || (typeof result === 'object' && !(result instanceof Date))) return null;
    return result;
  }
  return null;
}

/**
 * ExcelJS's streaming reader sometimes loses the race between a workbook's worksheets and its
 * `xl/workbook.xml` when the latter is stored last (as ExcelJS itself writes files, the template among
 * them) and fails with "Cannot read properties of undefined (reading 'sheets')" before the first row
 * (exceljs/exceljs#3064). Such a failure, before anything was read, is tried again.
 */
const XLSX_ATTEMPTS = 3;

async function* readXlsx(file: string): AsyncGenerator<SourceRow> {
  for (let attempt = 1; ; attempt++) {
    let yielded = false;
    try {
      for await (const row of readXlsxOnce(file)) {
        yielded = true;
        yield row;
      }
      return;
    } catch (error) {
      if (error instanceof SourceError) throw error;
      if (!yielded && attempt < XLSX_ATTEMPTS && error instanceof TypeError) continue;
      throw new SourceError(`XLSX 文件无法读取：${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

async function* readXlsxOnce(file: string): AsyncGenerator<SourceRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Needed to tell a date cell from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of workbook) {
    // Only the first worksheet holds data; the template's second sheet is instructions.
    for await (const row of sheet) {
      const values = row.values;
      if (!Array.isArray(values)) continue;
      const cells: Cell[] = [];
      // `values` is 1-based and sparse.
      for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
      if (cells.every((c) => isBlank(c))) continue;
      yield { rowNumber: row.number, cells };
    }
    break;
  }
}
