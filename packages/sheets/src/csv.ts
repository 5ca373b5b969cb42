/**
 * CSV as Excel writes it (RFC 4180: commas, double quotes doubled inside quoted fields, CRLF or LF), read
 * from text pieces as they are decoded. Each record carries the line it ends on, as the person sees it in
 * an editor, so a report can point at it.
 */
import type { Cell, SheetRow } from './cells';

export async function* parseCsv(pieces: AsyncIterable<string>): AsyncGenerator<SheetRow> {
  let field = '';
  let record: string[] = [];
  let quoted = false;
  /** A quote inside a quoted field: either the first of a doubled quote or the field's end. */
  let quoteSeen = false;
  let line = 1;
  let afterCr = false;
  let first = true;

  const endRecord = (): SheetRow => {
    record.push(field);
    field = '';
    const cells: Cell[] = record;
    record = [];
    return { rowNumber: line, cells };
  };

  for await (let piece of pieces) {
    if (first) {
      piece = piece.replace(/^\uFEFF/, '');
      first = false;
    }
    const rows: SheetRow[] = [];
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charAt(i);
      if (afterCr) {
        afterCr = false;
        if (c === '\n') continue;
      }
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c === '"') {
            field += '"';
            continue;
          }
          quoted = false;
          // fall through: the character after the closing quote
        } else if (c === '"') {
          quoteSeen = true;
          continue;
        } else {
          if (c === '\n') line += 1;
          field += c;
          continue;
        }
      }
      if (c === ',') {
        record.push(field);
        field = '';
      } else if (c === '\n' || c === '\r') {
        rows.push(endRecord());
        line += 1;
        afterCr = c === '\r';
      } else if (c === '"' && field === '') {
        quoted = true;
      } else {
        field += c;
      }
    }
    yield* rows;
  }
  if (field !== '' || record.length > 0 || quoted) yield endRecord();
}
