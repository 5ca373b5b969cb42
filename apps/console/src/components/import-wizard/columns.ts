/**
 * What an import wizard needs to know about one kind of row (a member, an expert): the fields a column
 * can feed and, for each, its sheet column from `@society-hub/sheets` — the template header, the headers
 * that name it, the values it takes and how a cell converts — the same rules the import command reads by.
 * The wizard itself (import-wizard.tsx) knows nothing of members or experts.
 */
import {
  type Cell,
  type CellProblem,
  comparable,
  convertField,
  displayText,
  type FieldSpec,
  fieldForHeader,
  type ImportValue,
  splitList,
} from '@society-hub/sheets';
import type { MessageKey } from '@/lib/i18n';

export type { ImportValue } from '@society-hub/sheets';
/** One row as the import endpoint takes it. */
export type ImportRow = Record<string, ImportValue>;

export interface ImportColumn {
  label: MessageKey;
  /** The sheet column, shared with the import command. */
  sheet: FieldSpec;
  /**
   * Several names in one cell, each resolved to an id through the spec's `lookup` (society names); ids are
   * taken as they are. `notFound` says a name was not found (with `{value}`).
   */
  lookup?: { notFound: MessageKey };
  /** The wizard's words for a value the sheet rules refuse (中级 for an expert), with `{value}`. */
  refused?: MessageKey;
}

/** The sheet column named `field` among the shared ones: a missing one is a programming error, found at load. */
export function sheetField(fields: readonly FieldSpec[], field: string): FieldSpec {
  const found = fields.find((f) => f.field === field);
  if (!found) throw new Error(`no sheet column ${field}`);
  return found;
}

export type PersonField = 'name' | 'gender' | 'birthDate' | 'idNumber' | 'phone' | 'email' | 'employer';

/** The person's columns, the same for members and experts; `column` gives each its entity's label. */
export function personColumns(column: (field: PersonField) => ImportColumn): Record<PersonField, ImportColumn> {
  return {
    name: column('name'),
    gender: column('gender'),
    birthDate: column('birthDate'),
    idNumber: column('idNumber'),
    phone: column('phone'),
    email: column('email'),
    employer: column('employer'),
  };
}

/** Names (normalised with `comparable`) → ids, for `lookup` columns. */
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
  /** Loads what `lookup` columns resolve names against. */
  lookup?: () => Promise<Lookup>;
  templateFile: string;
  text: { title: MessageKey; description: MessageKey; mapHint: MessageKey; toList: MessageKey };
}

export type LocalProblem =
  | { field: string; value: string; problem: CellProblem; message?: MessageKey }
  | { field: string; value: string; problem: { code: 'not_found' }; message: MessageKey };

export interface ConvertedRow {
  body: ImportRow;
  problems: LocalProblem[];
}

/** The field each column feeds, from its header; a field is taken by the first column that names it. */
export function autoMap<F extends string>(spec: ImportSpec<F>, headers: readonly string[]): (F | undefined)[] {
  const taken = new Set<F>();
  return headers.map((header) => {
    const named = spec.fields.filter((field) => !taken.has(field)).map((field) => spec.columns[field].sheet);
    const sheet = fieldForHeader(named, header);
    const field = spec.fields.find((candidate) => spec.columns[candidate].sheet === sheet);
    if (field) taken.add(field);
    return field;
  });
}

/** The template's header row. */
export function templateHeaders<F extends string>(spec: ImportSpec<F>): string[] {
  return spec.fields.flatMap((field) => {
    const sheet = spec.columns[field].sheet;
    return sheet.inTemplate ? [sheet.label] : [];
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function resolveNames(
  field: string,
  text: string,
  lookup: Lookup,
  notFound: MessageKey,
): { ids: string[]; problems: LocalProblem[] } {
  const ids: string[] = [];
  const problems: LocalProblem[] = [];
  for (const item of splitList(text)) {
    const id = UUID.test(item) ? item.toLowerCase() : lookup.get(comparable(item));
    if (!id) problems.push({ field, value: item, problem: { code: 'not_found' }, message: notFound });
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, problems };
}

/**
 * One spreadsheet row as an API row: Chinese values translated (正高级 → senior, 男 → male), dates made
 * ISO, lists split, names resolved to ids, empty cells left out (so a re-import never clears what the sheet
 * does not say). Values that cannot be read are reported here rather than sent.
 */
export function convertRow<F extends string>(
  spec: ImportSpec<F>,
  cells: readonly Cell[],
  mapping: readonly (F | undefined)[],
  lookup: Lookup = new Map(),
): ConvertedRow {
  const body: ImportRow = {};
  const problems: LocalProblem[] = [];
  mapping.forEach((field, index) => {
    if (!field) return;
    const cell = cells[index] ?? null;
    const column = spec.columns[field];
    if (column.lookup) {
      const text = displayText(cell);
      if (text === '') return;
      const resolved = resolveNames(field, text, lookup, column.lookup.notFound);
      body[field] = resolved.ids;
      problems.push(...resolved.problems);
      return;
    }
    const converted = convertField(column.sheet, cell);
    if (converted === undefined) return;
    if ('value' in converted) body[field] = converted.value;
    else {
      const message = converted.problem.code === 'refused_value' ? column.refused : undefined;
      problems.push({ field, value: converted.problem.value, problem: converted.problem, message });
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
    idNumber: spec.columns[field].sheet.type === 'idNumber',
  }));
}
