import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';

export type ExportFormat = 'csv' | 'xlsx';
export type Cell = string | number | null;

export interface TableExport {
  format: ExportFormat;
  /** Without extension; may be Chinese (sent RFC 6266/5987-encoded). */
  filename: string;
  sheet: string;
  columns: { key: string; header: string }[];
  /** Rows arrive in pages so a large table is never held in memory whole. */
  rows: AsyncIterable<Record<string, Cell>>;
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Streams a table as CSV (UTF-8 with a BOM, so Excel shows Chinese correctly) or XLSX. One way to
 * export every list in the product.
 */
export function sendTable(reply: FastifyReply, table: TableExport): FastifyReply {
  const file = `${table.filename}.${table.format}`;
  reply
    .header('content-type', EXPORT_CONTENT_TYPES[table.format])
    .header(
      'content-disposition',
      `attachment; filename="export.${table.format}"; filename*=UTF-8''${encodeURIComponent(file)}`,
    )
    .header('cache-control', 'no-store');
  const out = new PassThrough();
  if (table.format === 'csv') {
    const csv = stringify({ header: true, bom: true, columns: table.columns });
    csv.pipe(out);
    void (async () => {
      try {
        for await (const row of table.rows) if (!csv.write(row)) await new Promise((r) => csv.once('drain', r));
        csv.end();
      } catch (error) {
        out.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    })();
  } else {
    void (async () => {
      try {
        // Loaded on the first XLSX export only: exceljs is ~30 MB of memory a process need not carry.
        const { default: ExcelJS } = await import('exceljs');
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
        const sheet = workbook.addWorksheet(table.sheet);
        sheet.columns = table.columns.map((c) => ({
          header: c.header,
          key: c.key,
          width: Math.max(10, c.header.length * 2 + 4),
        }));
        sheet.getRow(1).font = { bold: true };
        for await (const row of table.rows) sheet.addRow(row).commit();
        sheet.commit();
        await workbook.commit();
      } catch (error) {
        out.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    })();
  }
  return reply.send(out);
}

/** Every page of a keyset-paginated list, one row at a time. */
export async function* allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): AsyncIterable<T> {
  let cursor: string | undefined;
  do {
    const result = await page(cursor);
    yield* result.items;
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
}
