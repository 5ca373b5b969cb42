/**
 * What each importable entity becomes in the API: its columns come from `@society-hub/sheets` (headers,
 * aliases, values and cell conversion shared with the console's import wizard); this module builds the
 * API row from them and words each problem for the report.
 */
import type { Schemas } from '@society-hub/client';
import {
  booleanValue,
  type Cell,
  type Converted,
  choicesValue,
  choiceValue,
  dateValue,
  EXPERT_FIELDS,
  EXPERT_POOL_OPTIONS,
  EXPERT_TITLES,
  emailValue,
  type FieldSpec,
  GENDERS,
  IMPORT_STATUSES,
  identifierValue,
  listValue,
  MEMBER_CATEGORIES,
  MEMBER_FIELDS,
  MEMBER_KINDS,
  phoneValue,
  problemText,
  TITLE_LEVELS,
  textValue,
} from '@society-hub/sheets';

export { columnLetter, type FieldSpec, type HeaderMapping, mapHeaders } from '@society-hub/sheets';

export type EntityName = 'members' | 'experts';

export interface EntitySpec<Row> {
  entity: EntityName;
  /** Chinese name of what one row is, for messages. */
  noun: string;
  fields: readonly FieldSpec[];
  /** The API row, or `undefined` when the reader recorded errors. */
  build(reader: RowReader): Row | undefined;
}

/** Reads one source row field by field, converting to API values and collecting readable errors. */
export class RowReader {
  readonly errors: string[] = [];

  constructor(
    private readonly cells: ReadonlyMap<string, Cell>,
    private readonly spec: { fields: readonly FieldSpec[] },
    /** The header each field had in the file, for messages in the person's own words. */
    private readonly headers: ReadonlyMap<string, string>,
  ) {}

  /** `职称(titleLevel)`: the header as the file has it (or the template's), then the API field. */
  label(field: string): string {
    const header = this.headers.get(field) ?? this.field(field)?.label ?? field;
    return header === field ? field : `${header}(${field})`;
  }

  fail(field: string, message: string): void {
    this.errors.push(`${this.label(field)}: ${message}`);
  }

  private field(field: string): FieldSpec | undefined {
    return this.spec.fields.find((f) => f.field === field);
  }

  private take<T>(field: string, convert: (cell: Cell | undefined) => Converted<T>): T | undefined {
    const converted = convert(this.cells.get(field));
    if (converted === undefined) return undefined;
    if ('problem' in converted) {
      this.fail(field, problemText(converted.problem));
      return undefined;
    }
    return converted.value;
  }

  text(field: string): string | undefined {
    return this.take(field, textValue);
  }

  /** An ID number or code: full-width forms folded, spaces dropped, upper case. */
  code(field: string): string | undefined {
    return this.take(field, identifierValue);
  }

  phone(field: string): string | undefined {
    return this.take(field, phoneValue);
  }

  email(field: string): string | undefined {
    return this.take(field, emailValue);
  }

  date(field: string): string | undefined {
    return this.take(field, dateValue);
  }

  choice<V extends string>(field: string, options: readonly { value: V; label: string }[]): V | undefined {
    const refused = this.field(field)?.refused;
    return this.take(field, (cell) => choiceValue(cell, { options, refused }));
  }

  /** Several values in one cell, e.g. `临床医学、药学`; `undefined` when blank. */
  list(field: string): string[] | undefined {
    return this.take(field, listValue);
  }

  /** Several choices in one cell, e.g. `科技专家库、科普专家库`. */
  choices<V extends string>(field: string, options: readonly { value: V; label: string }[]): V[] | undefined {
    return this.take(field, (cell) => choicesValue(cell, { options }));
  }

  boolean(field: string): boolean | undefined {
    return this.take(field, booleanValue);
  }
}

type MemberCreate = Schemas['MemberCreate'];

function dropUndefined<T extends object>(row: T): T {
  for (const key of Object.keys(row)) {
    if (Reflect.get(row, key) === undefined) Reflect.deleteProperty(row, key);
  }
  return row;
}

/** The person's columns, the same for members and experts. */
function person(r: RowReader) {
  return {
    gender: r.choice('gender', GENDERS),
    birthDate: r.date('birthDate'),
    idNumber: r.code('idNumber'),
    phone: r.phone('phone'),
    email: r.email('email'),
    employer: r.text('employer'),
  };
}

export const MEMBERS: EntitySpec<MemberCreate> = {
  entity: 'members',
  noun: '会员',
  fields: MEMBER_FIELDS,
  build(r) {
    const name = r.text('name');
    if (name === undefined) r.fail('name', '必填');
    const kind = r.choice('kind', MEMBER_KINDS) ?? 'individual';
    const row: MemberCreate = {
      kind,
      name: name ?? '',
      ...person(r),
      titleLevel: r.choice('titleLevel', TITLE_LEVELS),
      discipline: r.text('discipline'),
      degree: r.text('degree'),
      category: r.choice('category', MEMBER_CATEGORIES),
      joinedOn: r.date('joinedOn'),
      externalRef: r.text('externalRef'),
      orgCreditCode: r.code('orgCreditCode'),
      contactPerson: r.text('contactPerson'),
      status: r.choice('status', IMPORT_STATUSES),
    };
    if (r.errors.length > 0) return undefined;
    // Blank cells are left out, so a re-import never clears what the sheet does not say.
    return dropUndefined(row);
  },
};

type ExpertCreate = Schemas['ExpertCreate'];

export const EXPERTS: EntitySpec<ExpertCreate> = {
  entity: 'experts',
  noun: '专家',
  fields: EXPERT_FIELDS,
  build(r) {
    const name = r.text('name');
    if (name === undefined) r.fail('name', '必填');
    const failed = (field: string) => r.errors.some((e) => e.startsWith(r.label(field)));
    const titleLevel = r.choice('titleLevel', EXPERT_TITLES);
    if (titleLevel === undefined && !failed('titleLevel')) r.fail('titleLevel', '必填（正高级/副高级）');
    const disciplines = r.list('disciplines');
    if (disciplines === undefined) r.fail('disciplines', '必填，多个用、分隔');
    const pools = r.choices('pools', EXPERT_POOL_OPTIONS);
    if (pools === undefined && !failed('pools')) r.fail('pools', '必填（科技专家库/科普专家库）');
    const rest = {
      ...person(r),
      societyIds: r.list('societyIds'),
      available: r.boolean('available'),
      externalRef: r.text('externalRef'),
    };
    if (r.errors.length > 0 || !name || !titleLevel || !disciplines || !pools) return undefined;
    const row: ExpertCreate = { name, titleLevel, disciplines, pools, ...rest };
    return dropUndefined(row);
  },
};

export const ENTITIES = { members: MEMBERS, experts: EXPERTS } as const;

export function isEntityName(value: string): value is EntityName {
  return Object.hasOwn(ENTITIES, value);
}
