/**
 * Saving a table the console holds (a chart's data, the rejected rows of an import) as a file the
 * user's Excel opens: CSV as UTF-8 with a byte order mark and CRLF, or XLSX. papaparse and exceljs are
 * loaded on demand, so only the people who download pay for them.
 */
import { saveBlob } from './download';

export type TableFormat = 'csv' | 'xlsx';
export type TableCell = string | number | null;

export async function downloadCsv(name: string, rows: readonly (readonly TableCell[])[]): Promise<void> {
  const { default: Papa } = await import('papaparse');
  const text = `\uFEFF${Papa.unparse(
    rows.map((row) => row.map((cell) => cell ?? '')),
    { newline: '\r\n' },
  )}`;
  saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), name);
}

export async function downloadXlsx(name: string, sheetName: string, rows: readonly (readonly TableCell[])[]) {
  type ExcelModule = typeof import('exceljs');
  // exceljs ships a UMD bundle for browsers: its classes sit on the default export once bundled.
  const loaded: ExcelModule & { default?: ExcelModule } = await import('exceljs');
  const Workbook = loaded.default?.Workbook ?? loaded.Workbook;
  const workbook = new Workbook();
  // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1');
  for (const row of rows) sheet.addRow(row.map((cell) => cell ?? ''));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  saveBlob(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), name);
}

/** `rows` (a header row first) saved as `<baseName>.csv` or `.xlsx`. */
export function downloadTable(baseName: string, format: TableFormat, rows: readonly (readonly TableCell[])[]) {
  return format === 'csv' ? downloadCsv(`${baseName}.csv`, rows) : downloadXlsx(`${baseName}.xlsx`, baseName, rows);
}
