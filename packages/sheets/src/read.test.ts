import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell, SheetRow } from './cells';
import { decodeText } from './decode';
import { readSheet } from './read';
import { blobSource, bytesSource, READ_SIZE } from './source';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sheets-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** A deterministic generator, so a failure names a row that can be found again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

const COMMON = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗小明华伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛中国科学院研究所医学会',
];
/** Outside the Basic Multilingual Plane: four bytes in UTF-8 and in GB18030, two UTF-16 units. */
const SUPPLEMENTARY = ['𠜎', '𠜱', '𠝹', '𠱓', '𩽾', '𪚥', '𫝀', '🀄'];

function cjkText(next: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const pool = next() < 0.15 ? SUPPLEMENTARY : COMMON;
    text += pool[Math.floor(next() * pool.length)] ?? '王';
  }
  return text;
}

function cjkRows(count: number, columns: number, seed: number): string[][] {
  const next = random(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: columns }, () => cjkText(next, 2 + Math.floor(next() * 40))),
  );
}

async function readAll(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** The first cell that differs, with its row and column, or undefined: a readable failure for big sheets. */
function firstDifference(expected: readonly (readonly Cell[])[], actual: readonly SheetRow[]) {
  if (expected.length !== actual.length) return { rows: { expected: expected.length, actual: actual.length } };
  for (const [r, row] of expected.entries()) {
    const cells = actual[r]?.cells ?? [];
    for (const [c, cell] of row.entries()) {
      if (cells[c] !== cell) return { row: r, column: c, expected: cell, actual: cells[c] };
    }
  }
  return undefined;
}

async function writeWithExcelJs(file: string, rows: readonly (readonly Cell[])[], sharedStrings: boolean) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: sharedStrings });
  const sheet = workbook.addWorksheet('名单');
  for (const row of rows) sheet.addRow([...row]).commit();
  sheet.commit();
  await workbook.commit();
}

/** A minimal ZIP (stored or deflated entries), written by hand: a second writer besides ExcelJS. */
function zip(files: Record<string, string>, method: 0 | 8): Uint8Array<ArrayBuffer> {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const raw = Buffer.from(text, 'utf8');
    const data = method === 8 ? deflateRawSync(raw) : raw;
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    // The directory entry repeats the local header's fields (version to extra length) after “made by”.
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    local.copy(central, 6, 4, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    directory.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directoryBytes, end]));
}

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A one-sheet workbook with inline strings, the XML as given (no shared strings, no styles). */
function handBuiltXlsx(sheetXml: string, method: 0 | 8): Uint8Array<ArrayBuffer> {
  return zip(
    {
      '[Content_Types].xml':
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      '_rels/.rels':
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      'xl/workbook.xml':
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels':
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/worksheets/sheet1.xml': sheetXml,
    },
    method,
  );
}

function inlineSheetXml(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((text) => `<c t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

describe('decoding text piece by piece', () => {
  it('keeps a character cut between two pieces, at every cut', async () => {
    const text = '王小明𠜎𠜱，学会通🀄';
    const bytes = new TextEncoder().encode(text);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const pieces = [bytes.subarray(0, cut), bytes.subarray(cut)];
      async function* source() {
        yield* pieces;
      }
      let out = '';
      for await (const piece of decodeText(source())) out += piece;
      expect(out, `cut at byte ${cut}`).toBe(text);
    }
  });
});

describe('reading XLSX', () => {
  it('round-trips every cell of a multi-megabyte sheet of Chinese text written by ExcelJS', {
    timeout: 120_000,
  }, async () => {
    const rows = cjkRows(12_000, 6, 17);
    for (const sharedStrings of [true, false]) {
      const file = join(dir, `cjk-${sharedStrings}.xlsx`);
      await writeWithExcelJs(file, rows, sharedStrings);
      const bytes = new Uint8Array(await readFile(file));
      // In memory here; as a Blob (a dropped File, in the console) with shared strings.
      const source = sharedStrings ? blobSource(new Blob([bytes])) : bytesSource(bytes);
      const read = await readAll(readSheet('xlsx', source));
      expect(firstDifference(rows, read), `shared strings: ${sharedStrings}`).toBeUndefined();
      expect(read.at(-1)?.rowNumber).toBe(12_000);
    }
  });

  it('keeps characters that straddle a read piece, stored or deflated', { timeout: 60_000 }, async () => {
    const rows = cjkRows(3000, 4, 5);
    const utf8 = new TextEncoder();
    // The first cell is padded so that 𠜎 (four bytes) starts 1, 2 or 3 bytes before the first piece ends.
    const prefix = utf8.encode(inlineSheetXml([['#']])).indexOf('#'.charCodeAt(0));
    for (const before of [1, 2, 3]) {
      const first = `${'x'.repeat(READ_SIZE - prefix - before)}𠜎𠜱`;
      const xml = inlineSheetXml([[first], ...rows]);
      expect(utf8.encode(xml).subarray(READ_SIZE - before, READ_SIZE - before + 4)).toEqual(utf8.encode('𠜎'));
      for (const method of [0, 8] as const) {
        const read = await readAll(readSheet('xlsx', bytesSource(handBuiltXlsx(xml, method))));
        expect(read[0]?.cells[0]).toBe(first);
        expect(firstDifference(rows, read.slice(1))).toBeUndefined();
      }
    }
  });

  it('reads numbers, booleans, dates, formulas and sparse cells as ExcelJS writes them', async () => {
    const file = join(dir, 'types.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '出生日期', '身份证号', '手机', '可参加评审', '合计']);
    // An 18-digit ID number typed into a number cell: Excel keeps 15 significant digits.
    const idAsNumber = Number('110105194912310002');
    const row = sheet.addRow(['王小明', new Date(Date.UTC(1980, 4, 6)), idAsNumber, 13800138000, true]);
    row.getCell(2).numFmt = 'yyyy"年"m"月"d"日"';
    row.getCell(6).value = { formula: 'D2+1', result: 13800138001 };
    sheet.getCell('H4').value = '远处';
    await workbook.xlsx.writeFile(file);
    const read = await readAll(readSheet('xlsx', bytesSource(new Uint8Array(await readFile(file)))));
    expect(read[1]?.cells).toEqual([
      '王小明',
      new Date(Date.UTC(1980, 4, 6)),
      idAsNumber,
      13800138000,
      true,
      13800138001,
    ]);
    expect(read[2]).toEqual({ rowNumber: 4, cells: [null, null, null, null, null, null, null, '远处'] });
  });
});

describe('reading CSV', () => {
  const rows = cjkRows(12_000, 5, 3).map((row, i) => (i % 7 === 0 ? [...row, '含,逗号与"引号"\n和换行'] : row));
  const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const text = rows.map((row) => row.map(csvField).join(',')).join('\r\n');

  it('round-trips UTF-8 with a BOM, whatever the piece boundaries', { timeout: 60_000 }, async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${text}\r\n`);
    const read = await readAll(readSheet('csv', bytesSource(bytes)));
    expect(firstDifference(rows, read)).toBeUndefined();
    // The line a record ends on: each quoted line break adds a line.
    expect(read[1]?.rowNumber).toBe(3);
  });

  it('skips blank rows and counts the lines a quoted line break adds', async () => {
    const csv = '姓名,备注\r\n,,\r\n\r\n"王""小""明","第一行\n第二行"\n  ,\n李四,\n';
    const read = await readAll(readSheet('csv', bytesSource(new TextEncoder().encode(csv))));
    expect(read).toEqual([
      { rowNumber: 1, cells: ['姓名', '备注'] },
      { rowNumber: 5, cells: ['王"小"明', '第一行\n第二行'] },
      { rowNumber: 7, cells: ['李四', ''] },
    ]);
  });

  it('reads GB18030 (also when asked for gbk), characters beyond GBK included', { timeout: 60_000 }, async () => {
    const bytes = new Uint8Array(iconv.encode(text, 'gb18030'));
    for (const encoding of ['gb18030', 'gbk', 'GB2312']) {
      const read = await readAll(readSheet('csv', bytesSource(bytes), { encoding }));
      expect(firstDifference(rows, read), encoding).toBeUndefined();
    }
  });
});
