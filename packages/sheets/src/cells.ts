/**
 * One spreadsheet cell as the importer sees it, whatever the file format: text from CSV, and text,
 * numbers, booleans or dates from XLSX (formulas are reduced to their cached result).
 */
export type Cell = string | number | boolean | Date | null;

/** One non-blank row of a sheet. */
export interface SheetRow {
  /** The row's number as the person sees it: the spreadsheet row, or the CSV line the record ends on. */
  rowNumber: number;
  cells: Cell[];
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Text as the person filling the sheet saw it: trimmed, dates as YYYY-MM-DD, never `undefined`. */
export function displayText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return formatDateTime(cell);
  return String(cell).trim();
}

/** Whether a cell holds nothing (absent, empty or only spaces). */
export function isBlank(cell: Cell | undefined): boolean {
  return displayText(cell) === '';
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatDate(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function formatDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = formatDate(date);
  const time = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  return time === 0
    ? day
    : `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

function validDate(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return formatDate(date);
}

/**
 * A calendar date as `YYYY-MM-DD`, from an Excel date cell, an Excel date serial number, or text such as
 * `2020-01-05`, `2020/1/5`, `2020.1.5`, `2020年1月5日` or `20200105`. `undefined` when it is no date.
 */
export function parseDate(cell: Cell): string | undefined {
  if (cell === null || typeof cell === 'boolean') return undefined;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return undefined;
    // Excel stores local wall-clock dates; ExcelJS hands them over as UTC midnight (plus any time of day).
    return formatDate(cell);
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > 2_958_465) return undefined;
    return formatDate(new Date(EXCEL_EPOCH_MS + Math.floor(cell) * DAY_MS));
  }
  const text = cell.trim().normalize('NFKC');
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text);
  if (match) return validDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match) return validDate(Number(match[1]), Number(match[2]), Number(match[3]));
  // A serial number that reached a CSV file as text.
  if (/^\d{3,7}(?:\.\d+)?$/.test(text)) return parseDate(Number(text));
  return undefined;
}

/**
 * Text of an identifier-like cell (ID number, phone, credit code). Excel keeps at most 15 significant
 * digits of a number, so an 18-digit ID number typed into a number cell has already lost its last digits:
 * that is reported, not guessed.
 */
export function identifierText(cell: Cell): { value?: string; lostPrecision?: boolean } {
  if (cell === null) return {};
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && !Number.isSafeInteger(cell)) return { lostPrecision: true };
    return { value: String(cell) };
  }
  if (cell instanceof Date) return { value: formatDateTime(cell) };
  const text = String(cell).trim();
  // Text like 1.10105E+17 is what a CSV saved by Excel holds for a long number cell.
  if (/^\d(?:\.\d+)?E\+\d+$/i.test(text)) return { lostPrecision: true };
  return text === '' ? {} : { value: text };
}
