/** Every non-blank row of a CSV or XLSX file, the header first: the one way both importers read a sheet. */
import { isBlank, type SheetRow } from './cells';
import { parseCsv } from './csv';
import { decodeText } from './decode';
import { type ByteSource, chunksOf, SheetError } from './source';
import { readXlsx } from './xlsx';

export type SheetFormat = 'csv' | 'xlsx';

/** The format a file name says, or a reason in Chinese why it cannot be read. */
export function formatOf(fileName: string): SheetFormat {
  const dot = fileName.lastIndexOf('.');
  const ext =
    dot > Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) ? fileName.slice(dot).toLowerCase() : '';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.xls') throw new SheetError('不支持旧版 .xls 文件：请在 Excel 中另存为 .xlsx 或 CSV');
  throw new SheetError(`无法识别的文件类型“${ext || fileName}”：请提供 .csv 或 .xlsx 文件`);
}

export interface ReadOptions {
  /** For CSV: `utf-8` (a BOM is allowed), `gb18030` (also for `gbk`/`gb2312`), or another WHATWG encoding. */
  encoding?: string;
}

/** Entirely blank rows (`,,,` in a CSV, cells holding only spaces) are skipped. */
export async function* readSheet(
  format: SheetFormat,
  source: ByteSource,
  options: ReadOptions = {},
): AsyncGenerator<SheetRow> {
  const rows = format === 'csv' ? parseCsv(decodeText(chunksOf(source), options.encoding)) : readXlsx(source);
  for await (const row of rows) if (!row.cells.every((cell) => isBlank(cell))) yield row;
}
