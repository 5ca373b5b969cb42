/**
 * Reading an uploaded list (members, experts) in the browser with the same reader as the import command
 * (`@society-hub/sheets`): cells keep their types (dates, numbers), so a phone or an 18-digit ID number that
 * Excel stored as a number is read as the command reads it. A CSV that is not UTF-8 (what Excel saves on
 * Chinese Windows) is read again as GB18030.
 */
import { blobSource, type Cell, displayText, formatOf, readSheet, type SheetRow } from '@society-hub/sheets';

export interface Sheet {
  headers: string[];
  /** Data rows, one cell per header (missing cells are null). */
  rows: Cell[][];
  /** The same as the person saw them (dates as YYYY-MM-DD), for the preview and the report of rejected rows. */
  text: string[][];
}

async function rowsOf(file: File, encoding?: string): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readSheet(formatOf(file.name), blobSource(file), { encoding })) rows.push(row);
  return rows;
}

function undecodable(rows: readonly SheetRow[]): boolean {
  return rows.some((row) => row.cells.some((cell) => typeof cell === 'string' && cell.includes('\uFFFD')));
}

export async function readSpreadsheet(file: File): Promise<Sheet> {
  let rows = await rowsOf(file);
  if (formatOf(file.name) === 'csv' && undecodable(rows)) rows = await rowsOf(file, 'gb18030');
  const [header, ...body] = rows;
  const headers = (header?.cells ?? []).map((cell) => displayText(cell).replace(/^\uFEFF/, ''));
  while (headers.length > 0 && headers.at(-1) === '') headers.pop();
  const cells = body.map((row) => headers.map((_, index) => row.cells[index] ?? null));
  return { headers, rows: cells, text: cells.map((row) => row.map((cell) => displayText(cell))) };
}
