import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * Official documents (公文) as A4 PDF, laid out after GB/T 9704-2012: the issuing body's mark in red
 * with the document number and a red rule beneath, a centred title, the body in 3号 (16 pt) with a
 * two-character first-line indent, the issuing body and date at the right with the seal's place
 * marked over them, and page numbers as "— 1 —". Chinese text is set in Noto Serif SC, a font shipped
 * by an npm dependency (SIL Open Font License), so a fresh `pnpm install` renders it without system fonts.
 */

export interface TableColumn {
  header: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface OfficialDocument {
  issuer: string;
  /** 发文字号, e.g. 市科协〔2026〕12号. */
  number: string;
  title: string;
  /** 主送机关, e.g. 各有关学会. */
  addressee?: string;
  paragraphs: readonly string[];
  table?: { columns: readonly TableColumn[]; rows: readonly (readonly string[])[] };
  /** Paragraphs after the table (the objection period, a contact). */
  closing?: readonly string[];
  /** YYYY-MM-DD */
  issuedOn: string;
}

const MM = 72 / 25.4;
/** GB/T 9704 margins: 37 mm top, 35 mm bottom, 28 mm left (binding side), 26 mm right. */
const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const RED = '#d40000';
const BODY_SIZE = 16;
const LINE_GAP = 28 - BODY_SIZE;
const TABLE_SIZE = 12;

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | null = null;

/** Read once and kept: the full CJK fonts are 15 MB each; a document embeds only the glyphs it uses. */
function cjkFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf')),
  };
  return fonts;
}

/** 2026-12-07 → 2026年12月7日, as GB/T 9704-2012 writes the date (Arabic numerals, no leading zeros). */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

export function renderOfficialPdf(input: OfficialDocument): Promise<Buffer> {
  const { regular, bold } = cjkFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    info: {
      Title: input.title,
      Author: input.issuer,
      Subject: input.number,
      // The issue date, so the same document rendered twice differs only in its random file id.
      CreationDate: new Date(`${input.issuedOn}T00:00:00+08:00`),
    },
  });
  doc.registerFont('serif', regular);
  doc.registerFont('serif-bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGINS.left - MARGINS.right;
  header(doc, input, width);
  doc.font('serif-bold').fontSize(22).fillColor('black');
  doc.text(input.title, MARGINS.left, doc.y, { width, align: 'center', lineGap: 8 });
  doc.moveDown(1);
  doc.font('serif').fontSize(BODY_SIZE);
  if (input.addressee) doc.text(`${input.addressee}：`, MARGINS.left, doc.y, { width, lineGap: LINE_GAP });
  for (const paragraph of input.paragraphs) bodyParagraph(doc, paragraph, width);
  if (input.table) table(doc, input.table, width);
  for (const paragraph of input.closing ?? []) bodyParagraph(doc, paragraph, width);
  signature(doc, input, width);
  pageNumbers(doc);
  doc.end();
  return done;
}

/** 版头: the issuing body's mark in red, the document number, and the red rule. */
function header(doc: PDFKit.PDFDocument, input: OfficialDocument, width: number) {
  doc.font('serif-bold').fontSize(30).fillColor(RED);
  doc.text(`${input.issuer}文件`, MARGINS.left, MARGINS.top, { width, align: 'center', characterSpacing: 2 });
  doc.moveDown(0.6);
  doc.font('serif').fontSize(BODY_SIZE).fillColor('black');
  doc.text(input.number, MARGINS.left, doc.y, { width, align: 'center' });
  const ruleY = doc.y + 4 * MM;
  doc
    .moveTo(MARGINS.left, ruleY)
    .lineTo(MARGINS.left + width, ruleY)
    .lineWidth(1.5)
    .strokeColor(RED)
    .stroke();
  doc.y = ruleY + 10 * MM;
}

function bodyParagraph(doc: PDFKit.PDFDocument, text: string, width: number) {
  doc.font('serif').fontSize(BODY_SIZE).fillColor('black');
  doc.text(text, MARGINS.left, doc.y, { width, indent: 2 * BODY_SIZE, lineGap: LINE_GAP, align: 'justify' });
}

/** A ruled table that continues on the next page, repeating nothing but its rows' borders. */
function table(doc: PDFKit.PDFDocument, { columns, rows }: NonNullable<OfficialDocument['table']>, width: number) {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * width);
  const pad = 4;
  const bottom = doc.page.height - MARGINS.bottom;
  doc.moveDown(0.5);
  const drawRow = (cells: readonly string[], header: boolean) => {
    doc.font(header ? 'serif-bold' : 'serif').fontSize(TABLE_SIZE);
    const height =
      Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 0) - 2 * pad }))) + 2 * pad;
    if (doc.y + height > bottom) doc.addPage();
    const top = doc.y;
    let x = MARGINS.left;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      doc.rect(x, top, w, height).lineWidth(0.5).strokeColor('black').stroke();
      doc.fillColor('black').text(cell, x + pad, top + pad, {
        width: w - 2 * pad,
        align: header ? 'center' : (columns[i]?.align ?? 'left'),
      });
      x += w;
    });
    doc.x = MARGINS.left;
    doc.y = top + height;
  };
  drawRow(
    columns.map((c) => c.header),
    true,
  );
  for (const row of rows) drawRow(row, false);
  doc.moveDown(1);
}

/** 发文机关署名 and 成文日期 at the right (four characters in), with the seal's place over them. */
function signature(doc: PDFKit.PDFDocument, input: OfficialDocument, width: number) {
  const blockHeight = 40 * MM;
  if (doc.y + blockHeight > doc.page.height - MARGINS.bottom) doc.addPage();
  const top = doc.y + 10 * MM;
  const rightInset = 4 * BODY_SIZE;
  const date = chineseDate(input.issuedOn);
  doc.font('serif').fontSize(BODY_SIZE).fillColor('black');
  const textWidth = Math.max(doc.widthOfString(input.issuer), doc.widthOfString(date));
  const x = MARGINS.left + width - rightInset - textWidth;
  doc.text(input.issuer, x, top, { width: textWidth, align: 'center', lineBreak: false });
  doc.text(date, x, top + BODY_SIZE + LINE_GAP, { width: textWidth, align: 'center', lineBreak: false });
  // 印章: the seal goes over the signature and date ("上压下"); its place is marked, not forged.
  const centreX = x + textWidth / 2;
  const centreY = top + BODY_SIZE;
  doc
    .circle(centreX, centreY, 21 * MM)
    .lineWidth(1)
    .dash(3, { space: 3 })
    .strokeColor(RED)
    .stroke()
    .undash();
  doc.font('serif').fontSize(9).fillColor(RED);
  doc.text('（印章位置）', centreX - 21 * MM, centreY + 14 * MM, { width: 42 * MM, align: 'center', lineBreak: false });
  doc.fillColor('black');
}

/** "— 1 —" at the foot of every page, 4号 (14 pt). */
function pageNumbers(doc: PDFKit.PDFDocument) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGINS.bottom + 7 * MM;
    doc.font('serif').fontSize(14).fillColor('black');
    // Written below the bottom margin: keep pdfkit from starting a new page for it.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(`— ${i + 1} —`, 0, y, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
