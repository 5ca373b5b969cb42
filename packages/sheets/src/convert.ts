/**
 * One cell → one API value, by the kind of field it feeds. Identifier-like cells (ID numbers, phones,
 * e-mail, codes) are folded with NFKC first, so full-width digits and `＠` typed on a Chinese keyboard
 * read as the ASCII ones; names and other free text are kept exactly as written.
 */
import { isPhone, normalisePhone, PHONE_RULE } from '@society-hub/domain';
import { type Cell, identifierText, isBlank, parseDate } from './cells';

export interface EnumOption<V extends string = string> {
  value: V;
  /** What the template's drop-down offers. */
  label: string;
  /** Other spellings accepted on import (the API value itself is always accepted). */
  aliases?: readonly string[];
}

export type CellProblem =
  | { code: 'lost_digits'; value: string }
  | { code: 'bad_date'; value: string }
  | { code: 'bad_boolean'; value: string }
  | { code: 'bad_phone'; value: string }
  | { code: 'unknown_value'; value: string; options: readonly string[]; several: boolean }
  /** Recognised, but not allowed here (中级 for an expert): `reason` says why. */
  | { code: 'refused_value'; value: string; reason: string };

/** A blank cell is `undefined`: left out of the request, so a re-import never clears it. */
export type Converted<T> = { value: T } | { problem: CellProblem } | undefined;

/** The reason a person reads, in Chinese (the import command's report; the console has its own words). */
export function problemText(problem: CellProblem): string {
  switch (problem.code) {
    case 'lost_digits':
      return 'Excel 已把这个长数字存成数值并丢失了末尾几位，请把该列设为“文本”格式后重新填写';
    case 'bad_date':
      return `无法识别的日期“${problem.value}”，请写成 2020-01-05 或 2020/1/5`;
    case 'bad_boolean':
      return `无法识别的值“${problem.value}”，可选：是/否`;
    case 'bad_phone':
      return `电话号码“${problem.value}”不正确：${PHONE_RULE}`;
    case 'unknown_value':
      return `无法识别的值“${problem.value}”，可选：${problem.options.join('/')}${problem.several ? '（多个用、分隔）' : ''}`;
    case 'refused_value':
      return `“${problem.value}”不可用：${problem.reason}`;
  }
}

/** Header and choice text made comparable: full-width forms folded, spaces, `*`, `:` and brackets dropped. */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/[\s*:()]/g, '')
    .toLowerCase();
}

/** Splits a cell of several values on 、 , ， ; ； / or line breaks, without repeats. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，;；/\r\n]+/)
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ];
}

function present(cell: Cell | undefined): cell is Exclude<Cell, null> {
  return cell !== undefined && cell !== null && !isBlank(cell);
}

function shown(cell: Cell): string {
  return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();
}

/** Free text (names, employers) exactly as written, trimmed; a long number that lost digits is refused. */
export function textValue(cell: Cell | undefined): Converted<string> {
  if (!present(cell)) return undefined;
  const { value, lostPrecision } = identifierText(cell);
  if (lostPrecision) return { problem: { code: 'lost_digits', value: shown(cell) } };
  return value === undefined ? undefined : { value };
}

/** A code (ID number, credit code): NFKC-folded, spaces dropped, upper case. */
export function identifierValue(cell: Cell | undefined): Converted<string> {
  const text = textValue(cell);
  if (!text || 'problem' in text) return text;
  return { value: text.value.normalize('NFKC').replace(/\s+/g, '').toUpperCase() };
}

export function emailValue(cell: Cell | undefined): Converted<string> {
  const text = textValue(cell);
  if (!text || 'problem' in text) return text;
  return { value: text.value.normalize('NFKC').replace(/\s+/g, '') };
}

/** A phone stored as a number (13800138000, even 13800138000.0) reads as its digits. */
export function phoneValue(cell: Cell | undefined): Converted<string> {
  const text = textValue(cell);
  if (!text || 'problem' in text) return text;
  const phone = normalisePhone(text.value);
  return isPhone(phone) ? { value: phone } : { problem: { code: 'bad_phone', value: text.value } };
}

export function dateValue(cell: Cell | undefined): Converted<string> {
  if (!present(cell)) return undefined;
  const date = parseDate(cell);
  return date === undefined ? { problem: { code: 'bad_date', value: shown(cell) } } : { value: date };
}

function optionFor<V extends string>(options: readonly EnumOption<V>[], text: string): EnumOption<V> | undefined {
  const key = comparable(text);
  return options.find((o) => [o.value, o.label, ...(o.aliases ?? [])].some((name) => comparable(name) === key));
}

export interface ChoiceRules<V extends string> {
  options: readonly EnumOption<V>[];
  /** Values recognised but not allowed (an expert's 中级), with the reason. */
  refused?: { values: readonly string[]; reason: string };
}

function refusal(rules: ChoiceRules<string>, text: string): CellProblem | undefined {
  const key = comparable(text);
  if (!rules.refused?.values.some((v) => comparable(v) === key)) return undefined;
  return { code: 'refused_value', value: text, reason: rules.refused.reason };
}

export function choiceValue<V extends string>(cell: Cell | undefined, rules: ChoiceRules<V>): Converted<V> {
  if (!present(cell)) return undefined;
  const text = shown(cell);
  const found = optionFor(rules.options, text);
  if (found) return { value: found.value };
  const problem = refusal(rules, text) ?? {
    code: 'unknown_value',
    value: text,
    options: rules.options.map((o) => o.label),
    several: false,
  };
  return { problem };
}

export function listValue(cell: Cell | undefined): Converted<string[]> {
  if (!present(cell)) return undefined;
  const items = splitList(shown(cell));
  return items.length ? { value: items } : undefined;
}

/** Several choices in one cell (科技专家库、科普专家库). */
export function choicesValue<V extends string>(cell: Cell | undefined, rules: ChoiceRules<V>): Converted<V[]> {
  const items = listValue(cell);
  if (!items || 'problem' in items) return items;
  const out: V[] = [];
  const unknown: string[] = [];
  for (const item of items.value) {
    const found = optionFor(rules.options, item);
    if (!found) unknown.push(item);
    else if (!out.includes(found.value)) out.push(found.value);
  }
  if (unknown.length === 0) return { value: out };
  return {
    problem: {
      code: 'unknown_value',
      value: unknown.join('、'),
      options: rules.options.map((o) => o.label),
      several: true,
    },
  };
}

const YES = ['是', '可', '可以', 'y', 'yes', 'true', '1', '√'];
const NO = ['否', '不可', '不可以', 'n', 'no', 'false', '0', '×'];

export function booleanValue(cell: Cell | undefined): Converted<boolean> {
  if (!present(cell)) return undefined;
  if (typeof cell === 'boolean') return { value: cell };
  const key = comparable(shown(cell));
  if (YES.includes(key)) return { value: true };
  if (NO.includes(key)) return { value: false };
  return { problem: { code: 'bad_boolean', value: shown(cell) } };
}
