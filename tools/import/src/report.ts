/**
 * The rejected-rows report: CSV in UTF-8 with a BOM (so Excel opens it as UTF-8), one line per rejected
 * row with its row number in the source file, the reasons, and the row's original values.
 */
import { appendFile, writeFile } from 'node:fs/promises';
import { type Cell, displayText } from '@society-hub/sheets';

export const REPORT_ROW_HEADER = '行号';
export const REPORT_REASON_HEADER = '错误原因';

export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export interface RejectedRow {
  rowNumber: number;
  cells: readonly Cell[];
  reasons: readonly string[];
}

export class Report {
  private started = false;
  count = 0;

  constructor(
    readonly path: string,
    private readonly headers: readonly string[],
    /** Append to an existing report (a resumed run) instead of starting a new one. */
    private readonly append: boolean,
  ) {}

  /** Creates (or, when appending, keeps) the file with its header line. */
  async open(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const header = `\uFEFF${csvLine([REPORT_ROW_HEADER, REPORT_REASON_HEADER, ...this.headers])}`;
    if (this.append) {
      // `wx` fails when the file exists: then the earlier run's header and rows stay as they are.
      await writeFile(this.path, header, { flag: 'wx' }).catch((error: unknown) => {
        if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      });
    } else {
      await writeFile(this.path, header);
    }
  }

  async write(rows: readonly RejectedRow[]): Promise<void> {
    await this.open();
    if (rows.length === 0) return;
    const text = rows
      .map((row) =>
        csvLine([
          String(row.rowNumber),
          row.reasons.join('；'),
          ...this.headers.map((_header, i) => displayText(row.cells[i] ?? null)),
        ]),
      )
      .join('');
    await appendFile(this.path, text);
    this.count += rows.length;
  }
}
