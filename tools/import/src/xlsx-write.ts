/**
 * Writing XLSX files: the import template (headers, drop-downs for the enumerations, one example row)
 * and, for tests and tooling, a plain streaming sheet writer.
 */

import type { Cell, FieldSpec } from '@society-hub/sheets';
import ExcelJS, { type DataValidation, type Worksheet } from 'exceljs';

/** Rows of the template that get the drop-downs and the column formats. */
const TEMPLATE_ROWS = 5000;

interface RangeValidations {
  add(address: string, validation: DataValidation): unknown;
}

function isRangeValidations(value: unknown): value is RangeValidations {
  return typeof value === 'object' && value !== null && 'add' in value && typeof value.add === 'function';
}

/**
 * One drop-down over the whole column range. ExcelJS's typed per-cell API merges cells into ranges by
 * sorting addresses as text (B10 before B2) and writes overlapping ranges that Excel repairs on open, so
 * the range is given whole through the worksheet's (untyped) validation list when it is there.
 */
function addValidation(sheet: Worksheet, column: number, validation: DataValidation): void {
  const letter = sheet.getColumn(column).letter;
  const list: unknown = Reflect.get(sheet, 'dataValidations');
  if (isRangeValidations(list)) {
    list.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, validation);
    return;
  }
  for (let r = 2; r <= TEMPLATE_ROWS + 1; r++) sheet.getCell(r, column).dataValidation = validation;
}

export async function writeTemplate(file: string, spec: { fields: readonly FieldSpec[]; noun: string }): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Society Hub 学会通';
  workbook.created = new Date();
  const fields = spec.fields.filter((f) => f.inTemplate);
  const sheet = workbook.addWorksheet(`${spec.noun}导入`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = fields.map((f) => ({
    header: f.label,
    key: f.field,
    width: f.width ?? 14,
    style:
      f.type === 'text' || f.type === 'identifier' || f.type === 'idNumber' || f.type === 'phone' || f.type === 'email'
        ? { numFmt: '@' }
        : f.type === 'date'
          ? { numFmt: 'yyyy-mm-dd' }
          : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  fields.forEach((f, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: f.note === '必填' ? 'FFFCE4D6' : 'FFDDEBF7' } };
    if (f.note) cell.note = f.note;
  });

  const example = sheet.getRow(2);
  fields.forEach((f, i) => {
    if (f.example !== undefined) example.getCell(i + 1).value = f.example;
  });

  fields.forEach((f, i) => {
    if ((f.type === 'enum' || f.type === 'enumList' || f.type === 'boolean') && f.options) {
      const labels = f.options.map((o) => o.label);
      // Several choices in one cell: the combination is offered too.
      const list = (f.type === 'enumList' ? [...labels, labels.join('、')] : labels).join(',');
      const validation: DataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list}"`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: f.label,
        error: `请从下拉列表中选择：${f.options.map((o) => o.label).join('/')}`,
      };
      addValidation(sheet, i + 1, validation);
    }
  });

  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'label', width: 18 },
    { header: 'API 字段', key: 'field', width: 16 },
    { header: '说明', key: 'note', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRow({
    label: '（全部）',
    field: '',
    note: '第 2 行是示例，导入前请删除或改成真实数据；整行留空的行会被跳过。',
  });
  for (const f of fields) {
    const parts: string[] = [];
    if (f.note) parts.push(f.note);
    if (f.options) parts.push(`可选：${f.options.map((o) => o.label).join('/')}`);
    if (f.type === 'list' || f.type === 'enumList') parts.push('多个值用、分隔');
    if (f.type === 'date') parts.push('日期，如 2020-01-05 或 2020/1/5');
    help.addRow({ label: f.label, field: f.field, note: parts.join('；') });
  }
  await workbook.xlsx.writeFile(file);
}

/** Writes rows (the first one the header) to a one-sheet XLSX, streaming. Dates become date cells. */
export async function writeSheet(file: string, rows: Iterable<readonly Cell[]>, sheetName = 'Sheet1'): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) {
    const added = sheet.addRow([...row]);
    row.forEach((cell, i) => {
      if (cell instanceof Date) added.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
}
