/**
 * Reading an uploaded list (members, experts) in the browser: CSV through papaparse, XLSX through exceljs.
 * Both libraries are loaded on demand, so they only ever reach the import wizard's visitors.
 */

export interface Sheet {
  headers: string[];
  /** Data rows as text, one cell per header (missing cells are empty strings). */
  rows: string[][];
}

function trimRows(raw: string[][]): Sheet {
  const nonEmpty = raw.filter((row) => row.some((cell) => cell.trim() !== ''));
  const [header = [], ...body] = nonEmpty;
  const headers = header.map((cell) => cell.replace(/^\uFEFF/, '').trim());
  while (headers.length > 0 && headers.at(-1) === '') headers.pop();
  return {
    headers,
    rows: body.map((row) => headers.map((_, index) => (row[index] ?? '').trim())),
  };
}

export async function readCsv(file: File): Promise<Sheet> {
  const { default: Papa } = await import('papaparse');
  const text = await file.text();
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  if (parsed.errors.length > 0 && parsed.data.length === 0) {
    throw new Error(parsed.errors[0]?.message ?? 'CSV');
  }
  return trimRows(parsed.data);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export async function readXlsx(file: File): Promise<Sheet> {
  type ExcelModule = typeof import('exceljs');
  // exceljs ships a UMD bundle for browsers: its classes sit on the default export once bundled.
  const loaded: ExcelModule & { default?: ExcelModule } = await import('exceljs');
  const Workbook = loaded.default?.Workbook ?? loaded.Workbook;
  const workbook = new Workbook();
  await workbook.xlsx.load(await file.arrayBuffer());
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const raw: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(sheet.actualColumnCount, row.cellCount); column += 1) {
      const cell = row.getCell(column);
      const value = cell.value;
      cells.push(value instanceof Date ? isoDate(value) : cell.text);
    }
    raw.push(cells);
  });
  return trimRows(raw);
}

export function readSpreadsheet(file: File): Promise<Sheet> {
  return /\.xlsx$/i.test(file.name) ? readXlsx(file) : readCsv(file);
}
