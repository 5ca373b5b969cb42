/**
 * The first worksheet of an XLSX file, row by row, as the import sees it: shared and inline strings as
 * text, numbers as numbers, cells with a date format as dates (UTC midnight plus any time of day, the
 * wall-clock value Excel shows), booleans, formulas as their cached result, error values as blank.
 * Only the shared strings and the styles are held whole; the worksheet is streamed.
 */
import type { Cell, SheetRow } from './cells';
import { decodeText } from './decode';
import { type ByteSource, SheetError } from './source';
import { type XmlEvent, xmlEvents } from './xml';
import { entryBytes, readZipDirectory, type ZipEntry } from './zip';

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, and the CJK ones 27–36, 50–58). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Whether a custom number format shows a date or time: y, m, d, h or s outside quotes, escapes and colours. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  const section = bare.split(';')[0] ?? '';
  return /[ymdhs年月日]/i.test(section) && !/^[#0.,%\s]*$/.test(section);
}

class Workbook {
  constructor(
    readonly entries: ReadonlyMap<string, ZipEntry>,
    private readonly source: ByteSource,
  ) {}

  has(path: string): boolean {
    return this.entries.has(path);
  }

  async *events(path: string): AsyncGenerator<XmlEvent[]> {
    const entry = this.entries.get(path);
    if (!entry) throw new SheetError(`XLSX 文件不完整（缺少 ${path}）：请在 Excel 中重新另存为 .xlsx`);
    yield* xmlEvents(decodeText(entryBytes(this.source, entry)));
  }

  async all(path: string): Promise<XmlEvent[]> {
    const out: XmlEvent[] = [];
    for await (const events of this.events(path)) out.push(...events);
    return out;
  }
}

/** `xl/worksheets/sheet1.xml` from a relationship target given relative to `base` (or absolute). */
function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

async function relationships(book: Workbook, part: string): Promise<{ id: string; type: string; path: string }[]> {
  const path = relsPath(part);
  if (!book.has(path)) return [];
  return (await book.all(path)).flatMap((e) =>
    e.type === 'open' && e.name === 'Relationship'
      ? [
          {
            id: e.attributes.Id ?? '',
            type: e.attributes.Type ?? '',
            path: resolvePath(part, e.attributes.Target ?? ''),
          },
        ]
      : [],
  );
}

function attribute(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  if (name in attributes) return attributes[name];
  const suffix = `:${name}`;
  for (const [key, value] of Object.entries(attributes)) if (key.endsWith(suffix)) return value;
  return undefined;
}

interface Parts {
  sheet: string;
  sharedStrings?: string;
  styles?: string;
  date1904: boolean;
}

async function partsOf(book: Workbook): Promise<Parts> {
  const root = await relationships(book, '');
  const workbook = root.find((r) => r.type.endsWith('/officeDocument'))?.path ?? 'xl/workbook.xml';
  const rels = await relationships(book, workbook);
  let sheetId: string | undefined;
  let date1904 = false;
  for (const e of await book.all(workbook)) {
    if (e.type !== 'open') continue;
    if (e.name === 'workbookPr') date1904 = ['1', 'true'].includes(e.attributes.date1904 ?? '');
    if (e.name === 'sheet' && sheetId === undefined) sheetId = attribute(e.attributes, 'id');
  }
  const sheet = rels.find((r) => r.id === sheetId)?.path;
  if (!sheet) throw new SheetError('XLSX 文件中没有工作表');
  return {
    sheet,
    sharedStrings: rels.find((r) => r.type.endsWith('/sharedStrings'))?.path,
    styles: rels.find((r) => r.type.endsWith('/styles'))?.path,
    date1904,
  };
}

/** Text of `<t>` elements, leaving out phonetic guides (`<rPh>`): one string per `<si>`. */
async function sharedStrings(book: Workbook, path: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!path || !book.has(path)) return strings;
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  for await (const events of book.events(path)) {
    for (const e of events) {
      if (e.type === 'open') {
        if (e.name === 'si') {
          current = [];
          if (e.selfClosing) {
            strings.push('');
            current = undefined;
          }
        } else if (e.name === 'rPh') phonetic += e.selfClosing ? 0 : 1;
        else if (e.name === 't') inText = !e.selfClosing;
      } else if (e.type === 'close') {
        if (e.name === 'si' && current) {
          strings.push(unescapeXstring(current.join('')));
          current = undefined;
        } else if (e.name === 'rPh') phonetic -= 1;
        else if (e.name === 't') inText = false;
      } else if (inText && phonetic === 0) current?.push(e.text);
    }
  }
  return strings;
}

/** Which cell styles (`s` attribute) show dates. */
async function dateStyles(book: Workbook, path: string | undefined): Promise<Set<number>> {
  const styles = new Set<number>();
  if (!path || !book.has(path)) return styles;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  for (const e of await book.all(path)) {
    if (e.type === 'open' && e.name === 'numFmt') {
      custom.set(Number(e.attributes.numFmtId), e.attributes.formatCode ?? '');
    } else if (e.type === 'open' && e.name === 'cellXfs') {
      inCellXfs = !e.selfClosing;
    } else if (e.type === 'close' && e.name === 'cellXfs') {
      inCellXfs = false;
    } else if (e.type === 'open' && e.name === 'xf' && inCellXfs) {
      const id = Number(e.attributes.numFmtId ?? 0);
      const code = custom.get(id);
      if (code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(code)) styles.add(index);
      index += 1;
    }
  }
  return styles;
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_` (a line break inside a cell is `_x000D_`…). */
function unescapeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** 0-based column of a reference such as `AB12`. */
function columnOf(reference: string): number | undefined {
  const letters = /^[A-Z]+/i.exec(reference)?.[0];
  if (!letters) return undefined;
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

function excelDate(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial)) return null;
  // Whole seconds: a serial is a binary fraction of a day.
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round((serial * DAY_MS) / 1000) * 1000);
}

export async function* readXlsx(source: ByteSource): AsyncGenerator<SheetRow> {
  const book = new Workbook(await readZipDirectory(source), source);
  const parts = await partsOf(book);
  const strings = await sharedStrings(book, parts.sharedStrings);
  const dates = await dateStyles(book, parts.styles);

  let rowNumber = 0;
  let cells: Cell[] = [];
  let column = 0;
  let type = 'n';
  let style = 0;
  let value: string[] | undefined;
  /** Inside `<v>` or an inline string's `<t>` (not in a phonetic guide). */
  let collecting = false;
  let inInline = false;
  let phonetic = 0;

  const cellValue = (): Cell => {
    const text = value?.join('');
    if (text === undefined) return null;
    switch (type) {
      case 's':
        return strings[Number(text)] ?? null;
      case 'inlineStr':
        return unescapeXstring(text);
      case 'str':
        return unescapeXstring(text);
      case 'b':
        return text.trim() === '1' || text.trim() === 'true';
      case 'e':
        return null;
      case 'd': {
        const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
        return Number.isNaN(date.getTime()) ? text : date;
      }
      default: {
        if (text.trim() === '') return null;
        const number = Number(text);
        if (Number.isNaN(number)) return text;
        return dates.has(style) ? excelDate(number, parts.date1904) : number;
      }
    }
  };

  for await (const events of book.events(parts.sheet)) {
    const rows: SheetRow[] = [];
    for (const e of events) {
      if (e.type === 'open') {
        switch (e.name) {
          case 'row':
            rowNumber = e.attributes.r ? Number(e.attributes.r) : rowNumber + 1;
            cells = [];
            column = 0;
            break;
          case 'c':
            column = (e.attributes.r ? columnOf(e.attributes.r) : undefined) ?? column;
            type = e.attributes.t ?? 'n';
            style = Number(e.attributes.s ?? 0);
            value = undefined;
            if (e.selfClosing) column += 1;
            break;
          case 'v':
            value = [];
            collecting = !e.selfClosing;
            break;
          case 'is':
            inInline = true;
            value = [];
            break;
          case 'rPh':
            if (!e.selfClosing) phonetic += 1;
            break;
          case 't':
            if (inInline && !e.selfClosing) collecting = phonetic === 0;
            break;
        }
      } else if (e.type === 'close') {
        switch (e.name) {
          case 'v':
          case 't':
            collecting = false;
            break;
          case 'is':
            inInline = false;
            break;
          case 'rPh':
            phonetic -= 1;
            break;
          case 'c':
            while (cells.length < column) cells.push(null);
            cells[column] = cellValue();
            column += 1;
            break;
          case 'row':
            rows.push({ rowNumber, cells });
            cells = [];
            break;
        }
      } else if (collecting) value?.push(e.text);
    }
    yield* rows;
  }
}
