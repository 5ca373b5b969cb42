/**
 * What an import wizard needs to know about one kind of row (a member, an expert): the fields a column
 * can feed, the headers that name them, and how a spreadsheet cell becomes an API value. The wizard itself
 * (import-wizard.tsx) knows nothing of members or experts.
 */
import { normaliseIdNumber } from '@society-hub/domain';
import type { MessageKey } from '@/app/i18n';

export type ImportValue = string | boolean | string[];
/** One row as the import endpoint takes it. */
export type ImportRow = Record<string, ImportValue>;

/** Cell text → API value for a choice: keys are compared without spaces, full-width forms or case. */
export type ChoiceTable = Readonly<Record<string, string>>;

export type ColumnKind =
  | { type: 'text' }
  /** Upper-cased identifiers (credit codes). */
  | { type: 'upper' }
  /** A resident ID number, normalised; shown masked in the preview. */
  | { type: 'idNumber' }
  | { type: 'date' }
  | {
      type: 'choice';
      values: ChoiceTable;
      /** Values recognised but not allowed here (中级 for an expert), with the reason to show. */
      refused?: { values: readonly string[]; message: MessageKey };
    }
  /** Several values in one cell (临床医学、药学). */
  | { type: 'list' }
  /** Several choices in one cell (科技专家库、科普专家库). */
  | { type: 'choices'; values: ChoiceTable }
  /** 是/否. */
  | { type: 'boolean' }
  /**
   * Several names in one cell, each resolved to an id through the spec's `lookup` (society names); ids are
   * taken as they are. `notFound` says a name was not found (with `{value}`).
   */
  | { type: 'lookupList'; notFound: MessageKey };

export interface ImportColumn {
  label: MessageKey;
  /** The template's header; absent when the template leaves the column out. */
  header?: string;
  /** Headers met in people's own spreadsheets that name this field. */
  aliases: readonly string[];
  kind: ColumnKind;
}

/** Names (normalised with `squash`) → ids, for `lookupList` columns. */
export type Lookup = ReadonlyMap<string, string>;

export interface ImportSpec<F extends string> {
  /** The fields in the order of the template and the mapping drop-down. */
  fields: readonly F[];
  columns: Readonly<Record<F, ImportColumn>>;
  /** Fields that must be mapped to a column before the dry run. */
  required: readonly F[];
  /** The field that names a row (shown first in the preview). */
  nameField: F;
  /** Further fields shown in the preview, as the file has them (ID numbers masked). */
  preview: readonly F[];
  /** Values for fields a row leaves empty (a member is an individual unless the file says otherwise). */
  defaults?: Readonly<Partial<Record<F, ImportValue>>>;
  /** The wizard's own words for error codes the import endpoint sends. */
  codeMessages: Readonly<Partial<Record<string, MessageKey>>>;
  /** Loads what `lookupList` columns resolve names against. */
  lookup?: () => Promise<Lookup>;
  templateFile: string;
  text: { title: MessageKey; description: MessageKey; mapHint: MessageKey; toList: MessageKey };
}

export interface LocalProblem {
  field: string;
  value: string;
  kind: 'unknown' | 'date' | 'boolean' | 'notFound' | 'refused';
  /** For `refused` and `notFound`: the message to show (with `{value}`). */
  message?: MessageKey;
}

export interface ConvertedRow {
  body: ImportRow;
  problems: LocalProblem[];
}

/** Header and value text made comparable: full-width forms folded, spaces, marks and brackets dropped. */
export function squash(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/[\s*:()]/g, '')
    .toLowerCase();
}

/** The field each column feeds, from its header; a field is taken by the first column that names it. */
export function autoMap<F extends string>(spec: ImportSpec<F>, headers: readonly string[]): (F | undefined)[] {
  const taken = new Set<F>();
  return headers.map((header) => {
    const key = squash(header);
    const field = spec.fields.find(
      (candidate) =>
        !taken.has(candidate) &&
        [spec.columns[candidate].header ?? '', candidate, ...spec.columns[candidate].aliases].some(
          (alias) => alias !== '' && squash(alias) === key,
        ),
    );
    if (field) taken.add(field);
    return field;
  });
}

/** The template's header row. */
export function templateHeaders<F extends string>(spec: ImportSpec<F>): string[] {
  return spec.fields.flatMap((field) => {
    const header = spec.columns[field].header;
    return header ? [header] : [];
  });
}

/** YYYY-MM-DD from 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日 or 20240301; undefined if unreadable. */
export function parseDate(raw: string): string | undefined {
  const text = raw.trim();
  const match =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, y = '', m = '', d = ''] = match;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : undefined;
}

/** Splits a cell of several values on 、 , ， ; ； / or line breaks, as the import command does. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，;；/\r\n]+/)
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    ),
  ];
}

function choose(table: ChoiceTable, value: string): string | undefined {
  const key = squash(value);
  for (const [text, code] of Object.entries(table)) if (squash(text) === key) return code;
  return undefined;
}

const YES = ['是', '可', '可以', 'y', 'yes', 'true', '1', '√'];
const NO = ['否', '不可', '不可以', 'n', 'no', 'false', '0', '×'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One spreadsheet row as an API row: Chinese values translated (正高级 → senior, 男 → male), dates made
 * ISO, lists split, names resolved to ids, empty cells left out (so a re-import never clears what the sheet
 * does not say). Values that cannot be read are reported here rather than sent.
 */
export function convertRow<F extends string>(
  spec: ImportSpec<F>,
  cells: readonly string[],
  mapping: readonly (F | undefined)[],
  lookup: Lookup = new Map(),
): ConvertedRow {
  const body: ImportRow = {};
  const problems: LocalProblem[] = [];
  mapping.forEach((field, index) => {
    const value = (cells[index] ?? '').trim();
    if (!field || value === '') return;
    const kind = spec.columns[field].kind;
    switch (kind.type) {
      case 'text':
        body[field] = value;
        break;
      case 'upper':
        body[field] = value.toUpperCase();
        break;
      case 'idNumber':
        body[field] = normaliseIdNumber(value);
        break;
      case 'date': {
        const date = parseDate(value);
        if (date) body[field] = date;
        else problems.push({ field, value, kind: 'date' });
        break;
      }
      case 'choice': {
        const code = choose(kind.values, value);
        if (code) body[field] = code;
        else if (kind.refused?.values.some((text) => squash(text) === squash(value)))
          problems.push({ field, value, kind: 'refused', message: kind.refused.message });
        else problems.push({ field, value, kind: 'unknown' });
        break;
      }
      case 'list':
        body[field] = splitList(value);
        break;
      case 'choices': {
        const codes: string[] = [];
        for (const item of splitList(value)) {
          const code = choose(kind.values, item);
          if (!code) problems.push({ field, value: item, kind: 'unknown' });
          else if (!codes.includes(code)) codes.push(code);
        }
        body[field] = codes;
        break;
      }
      case 'boolean': {
        const key = squash(value);
        if (YES.includes(key)) body[field] = true;
        else if (NO.includes(key)) body[field] = false;
        else problems.push({ field, value, kind: 'boolean' });
        break;
      }
      case 'lookupList': {
        const ids: string[] = [];
        for (const item of splitList(value)) {
          const id = UUID.test(item) ? item.toLowerCase() : lookup.get(squash(item));
          if (!id) problems.push({ field, value: item, kind: 'notFound', message: kind.notFound });
          else if (!ids.includes(id)) ids.push(id);
        }
        body[field] = ids;
        break;
      }
    }
  });
  for (const [field, value] of Object.entries<ImportValue | undefined>(spec.defaults ?? {})) {
    if (value !== undefined) body[field] ??= value;
  }
  return { body, problems };
}

/** A field as the mapping and preview steps show it, without the spec's types (those steps load apart). */
export interface FieldColumn {
  field: string;
  label: MessageKey;
  idNumber: boolean;
}

export function fieldColumns<F extends string>(spec: ImportSpec<F>, fields: readonly F[]): FieldColumn[] {
  return fields.map((field) => ({
    field,
    label: spec.columns[field].label,
    idNumber: spec.columns[field].kind.type === 'idNumber',
  }));
}
