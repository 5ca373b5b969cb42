/**
 * Spreadsheet helpers for the import tests (tests/import), which reach this package's libraries only
 * through its own modules: fill a template the way a person would, and read back what a template offers.
 */
import { type Cell, displayText } from '@society-hub/sheets';
import ExcelJS, { type CellValue } from 'exceljs';
import iconv from 'iconv-lite';

export { readRows } from './source';
export { writeSheet } from './xlsx-write';

/** An ExcelJS cell value reduced to a cell (formulas to their results). */
function cellOf(value: CellValue): Cell {
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

/** Opens an XLSX file, writes `rows` under the last used row of its first sheet, and saves it as `out`. */
export async function fillWorkbook(
  file: string,
  out: string,
  rows: readonly (readonly Cell[])[],
  replaceFrom?: number,
) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${file} has no worksheet`);
  let next = replaceFrom ?? sheet.actualRowCount + 1;
  for (const values of rows) {
    const row = sheet.getRow(next);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
    row.commit();
    next += 1;
  }
  await workbook.xlsx.writeFile(out);
}

export interface WorkbookSummary {
  sheets: string[];
  headers: string[];
  /** Row 2 of the first sheet as text. */
  example: string[];
  /** For each header with a list validation on row 2: the offered values. */
  dropDowns: Record<string, string[]>;
  /** The same validation still applies this far down (row 1000). */
  dropDownsAtRow1000: Record<string, string[]>;
}

function listOf(cell: ExcelJS.Cell): string[] | undefined {
  const validation = cell.dataValidation;
  if (validation?.type !== 'list') return undefined;
  const formula: unknown = validation.formulae[0];
  if (typeof formula !== 'string') return undefined;
  return formula.replace(/^"|"$/g, '').split(',');
}

export async function describeWorkbook(file: string): Promise<WorkbookSummary> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${file} has no worksheet`);
  const headers: string[] = [];
  const example: string[] = [];
  const dropDowns: Record<string, string[]> = {};
  const dropDownsAtRow1000: Record<string, string[]> = {};
  for (let c = 1; c <= sheet.columnCount; c++) {
    const header = displayText(cellOf(sheet.getCell(1, c).value));
    headers.push(header);
    example.push(displayText(cellOf(sheet.getCell(2, c).value)));
    const list = listOf(sheet.getCell(2, c));
    if (list) dropDowns[header] = list;
    const far = listOf(sheet.getCell(1000, c));
    if (far) dropDownsAtRow1000[header] = far;
  }
  return { sheets: workbook.worksheets.map((s) => s.name), headers, example, dropDowns, dropDownsAtRow1000 };
}

/** Text in another encoding (e.g. GB18030, as Excel saves CSV on Chinese Windows). */
export function encodeText(text: string, encoding: string): Buffer {
  return iconv.encode(text, encoding);
}
