/**
 * What each importable entity looks like in a spreadsheet: its columns (Chinese header, API field name
 * and other accepted spellings), how a cell becomes an API value, and the template's example row.
 */
import type { Schemas } from '@society-hub/client';
import { type Cell, identifierText, isBlank, parseDate } from './cells';

export interface EnumOption<V extends string> {
  value: V;
  /** What the template's drop-down offers. */
  label: string;
  /** Other spellings accepted on import (the API value itself is always accepted). */
  aliases?: readonly string[];
}

export interface FieldSpec {
  /** The API field name, also accepted as a header. */
  field: string;
  /** The Chinese header the template writes. */
  label: string;
  /** Other headers accepted on import. */
  aliases?: readonly string[];
  /** `list`: several values in one cell (、 , ; / or new lines between them); `enumList`: the same from `options`. */
  type: 'text' | 'identifier' | 'date' | 'enum' | 'enumList' | 'list' | 'boolean';
  options?: readonly EnumOption<string>[];
  /** Whether the template has this column (the template has exactly the documented headers). */
  inTemplate: boolean;
  /** The template's example value. */
  example?: Cell;
  /** Column width in the template, in characters. */
  width?: number;
  /** Shown as the header's comment in the template. */
  note?: string;
}

export type EntityName = 'members' | 'experts';

export interface EntitySpec<Row> {
  entity: EntityName;
  /** Chinese name of what one row is, for messages. */
  noun: string;
  fields: readonly FieldSpec[];
  /** The API row, or `undefined` when the reader recorded errors. */
  build(reader: RowReader): Row | undefined;
}

/** Makes header text comparable: full-width forms folded, spaces and a trailing required-mark dropped. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .replace(/[*＊]$/, '')
    .toLowerCase();
}

function normaliseChoice(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

const LOST_DIGITS = 'Excel 已把这个长数字存成数值并丢失了末尾几位，请把该列设为“文本”格式后重新填写';

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
    const header = this.headers.get(field) ?? this.spec.fields.find((f) => f.field === field)?.label ?? field;
    return header === field ? field : `${header}(${field})`;
  }

  fail(field: string, message: string): void {
    this.errors.push(`${this.label(field)}: ${message}`);
  }

  private cell(field: string): Cell {
    const cell = this.cells.get(field);
    return cell === undefined || isBlank(cell) ? null : cell;
  }

  text(field: string): string | undefined {
    const cell = this.cell(field);
    if (cell === null) return undefined;
    const { value, lostPrecision } = identifierText(cell);
    if (lostPrecision) this.fail(field, LOST_DIGITS);
    return value;
  }

  identifier(field: string): string | undefined {
    const cell = this.cell(field);
    if (cell === null) return undefined;
    const { value, lostPrecision } = identifierText(cell);
    if (lostPrecision) {
      this.fail(field, LOST_DIGITS);
      return undefined;
    }
    return value?.replace(/\s+/g, '').toUpperCase();
  }

  date(field: string): string | undefined {
    const cell = this.cell(field);
    if (cell === null) return undefined;
    const date = parseDate(cell);
    if (date === undefined) this.fail(field, `无法识别的日期“${String(cell)}”，请写成 2020-01-05 或 2020/1/5`);
    return date;
  }

  choice<V extends string>(field: string, options: readonly EnumOption<V>[]): V | undefined {
    const cell = this.cell(field);
    if (cell === null) return undefined;
    const text = normaliseChoice(String(cell));
    const found = options.find(
      (o) =>
        normaliseChoice(o.value) === text ||
        normaliseChoice(o.label) === text ||
        (o.aliases ?? []).some((a) => normaliseChoice(a) === text),
    );
    if (!found) {
      this.fail(field, `无法识别的值“${String(cell).trim()}”，可选：${options.map((o) => o.label).join('/')}`);
      return undefined;
    }
    return found.value;
  }

  /** Several values in one cell, e.g. `临床医学、药学`; `undefined` when blank. */
  list(field: string): string[] | undefined {
    const cell = this.cell(field);
    if (cell === null) return undefined;
    const items = splitList(String(cell));
    return items.length ? [...new Set(items)] : undefined;
  }

  /** Several choices in one cell, e.g. `科技专家库、科普专家库`. */
  choices<V extends string>(field: string, options: readonly EnumOption<V>[]): V[] | undefined {
    const items = this.list(field);
    if (items === undefined) return undefined;
    const out: V[] = [];
    const unknown: string[] = [];
    for (const item of items) {
      const text = normaliseChoice(item);
      const found = options.find(
        (o) =>
          normaliseChoice(o.value) === text ||
          normaliseChoice(o.label) === text ||
          (o.aliases ?? []).some((a) => normaliseChoice(a) === text),
      );
      if (found) {
        if (!out.includes(found.value)) out.push(found.value);
      } else unknown.push(item);
    }
    if (unknown.length) {
      this.fail(
        field,
        `无法识别的值“${unknown.join('、')}”，可选：${options.map((o) => o.label).join('/')}（多个用、分隔）`,
      );
      return undefined;
    }
    return out;
  }

  boolean(field: string): boolean | undefined {
    const cell = this.cell(field);
    if (cell === null) return undefined;
    if (typeof cell === 'boolean') return cell;
    const text = normaliseChoice(String(cell));
    if (['是', '可', '可以', 'y', 'yes', 'true', '1', '√'].includes(text)) return true;
    if (['否', '不可', '不可以', 'n', 'no', 'false', '0', '×'].includes(text)) return false;
    this.fail(field, `无法识别的值“${String(cell).trim()}”，可选：是/否`);
    return undefined;
  }
}

/** Splits a cell of several values on 、 , ， ; ； / or line breaks. */
export function splitList(text: string): string[] {
  return text
    .split(/[、,，;；/\r\n]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

type MemberCreate = Schemas['MemberCreate'];

export const GENDERS: readonly EnumOption<NonNullable<MemberCreate['gender']>>[] = [
  { value: 'male', label: '男', aliases: ['m', '男性'] },
  { value: 'female', label: '女', aliases: ['f', '女性'] },
];

export const TITLE_LEVELS: readonly EnumOption<Schemas['TitleLevel']>[] = [
  { value: 'senior', label: '正高级', aliases: ['正高', '正高级职称'] },
  { value: 'associate_senior', label: '副高级', aliases: ['副高', '副高级职称'] },
  { value: 'intermediate', label: '中级', aliases: ['中级职称'] },
  { value: 'junior', label: '初级', aliases: ['初级职称'] },
  { value: 'none', label: '无', aliases: ['无职称'] },
];

export const MEMBER_CATEGORIES: readonly EnumOption<Schemas['MemberCategory']>[] = [
  { value: 'ordinary', label: '普通', aliases: ['普通会员'] },
  { value: 'senior', label: '资深', aliases: ['资深会员'] },
  { value: 'student', label: '学生', aliases: ['学生会员'] },
  { value: 'honorary', label: '荣誉', aliases: ['荣誉会员'] },
];

export const MEMBER_KINDS: readonly EnumOption<MemberCreate['kind']>[] = [
  { value: 'individual', label: '个人', aliases: ['个人会员'] },
  { value: 'institutional', label: '单位', aliases: ['单位会员', '团体', '团体会员'] },
];

export const MEMBER_STATUSES: readonly EnumOption<NonNullable<MemberCreate['status']>>[] = [
  { value: 'active', label: '正常', aliases: ['有效'] },
  { value: 'applied', label: '申请中', aliases: ['待审核'] },
];

/** The example row's ID number: a well-known valid sample (check character and birth date agree). */
const EXAMPLE_ID_NUMBER = '11010519491231002X';

export const MEMBERS: EntitySpec<MemberCreate> = {
  entity: 'members',
  noun: '会员',
  fields: [
    { field: 'name', label: '姓名', type: 'text', inTemplate: true, example: '张三', width: 12, note: '必填' },
    { field: 'gender', label: '性别', type: 'enum', options: GENDERS, inTemplate: true, example: '女', width: 8 },
    {
      field: 'birthDate',
      label: '出生日期',
      type: 'date',
      inTemplate: true,
      example: new Date(Date.UTC(1949, 11, 31)),
      width: 12,
    },
    {
      field: 'idNumber',
      label: '身份证号',
      aliases: ['身份证号码', '公民身份号码'],
      type: 'identifier',
      inTemplate: true,
      example: EXAMPLE_ID_NUMBER,
      width: 22,
      note: '请保持“文本”格式，避免 Excel 截断末尾数字',
    },
    {
      field: 'phone',
      label: '手机',
      aliases: ['手机号', '手机号码', '电话'],
      type: 'identifier',
      inTemplate: true,
      example: '13800138000',
      width: 14,
    },
    {
      field: 'email',
      label: '邮箱',
      aliases: ['电子邮箱', '电子邮件'],
      type: 'text',
      inTemplate: true,
      example: 'zhangsan@example.com',
      width: 24,
    },
    {
      field: 'employer',
      label: '工作单位',
      type: 'text',
      inTemplate: true,
      example: '市第一人民医院',
      width: 20,
    },
    {
      field: 'titleLevel',
      label: '职称',
      aliases: ['职称级别'],
      type: 'enum',
      options: TITLE_LEVELS,
      inTemplate: true,
      example: '正高级',
      width: 10,
    },
    { field: 'discipline', label: '学科', type: 'text', inTemplate: true, example: '临床医学', width: 12 },
    { field: 'degree', label: '学历', type: 'text', inTemplate: true, example: '博士研究生', width: 12 },
    {
      field: 'category',
      label: '会员类别',
      type: 'enum',
      options: MEMBER_CATEGORIES,
      inTemplate: true,
      example: '普通',
      width: 10,
    },
    {
      field: 'joinedOn',
      label: '入会日期',
      type: 'date',
      inTemplate: true,
      example: new Date(Date.UTC(2020, 0, 5)),
      width: 12,
    },
    {
      field: 'externalRef',
      label: '外部编号',
      aliases: ['会员编号'],
      type: 'identifier',
      inTemplate: true,
      example: 'M-0001',
      width: 14,
      note: '原系统中的会员编号；重复导入时据此（否则据身份证号）匹配已有会员',
    },
    {
      field: 'kind',
      label: '会员类型',
      type: 'enum',
      options: MEMBER_KINDS,
      inTemplate: true,
      example: '个人',
      width: 10,
      note: '留空视为“个人”',
    },
    {
      field: 'orgCreditCode',
      label: '统一社会信用代码',
      type: 'identifier',
      inTemplate: true,
      width: 22,
      note: '单位会员填写',
    },
    { field: 'contactPerson', label: '联系人', type: 'text', inTemplate: true, width: 10, note: '单位会员填写' },
    { field: 'status', label: '状态', type: 'enum', options: MEMBER_STATUSES, inTemplate: false },
  ],
  build(r) {
    const name = r.text('name');
    if (name === undefined) r.fail('name', '必填');
    const kind = r.choice('kind', MEMBER_KINDS) ?? 'individual';
    const row: MemberCreate = {
      kind,
      name: name ?? '',
      gender: r.choice('gender', GENDERS),
      birthDate: r.date('birthDate'),
      idNumber: r.identifier('idNumber'),
      phone: r.identifier('phone'),
      email: r.text('email'),
      employer: r.text('employer'),
      titleLevel: r.choice('titleLevel', TITLE_LEVELS),
      discipline: r.text('discipline'),
      degree: r.text('degree'),
      category: r.choice('category', MEMBER_CATEGORIES),
      joinedOn: r.date('joinedOn'),
      externalRef: r.text('externalRef'),
      orgCreditCode: r.identifier('orgCreditCode'),
      contactPerson: r.text('contactPerson'),
      status: r.choice('status', MEMBER_STATUSES),
    };
    if (r.errors.length > 0) return undefined;
    // Blank cells are left out, so a re-import never clears what the sheet does not say.
    return dropUndefined(row);
  },
};

function dropUndefined<T extends object>(row: T): T {
  for (const key of Object.keys(row)) {
    if (Reflect.get(row, key) === undefined) Reflect.deleteProperty(row, key);
  }
  return row;
}

type ExpertCreate = Schemas['ExpertCreate'];

export const EXPERT_TITLES: readonly EnumOption<Schemas['ExpertTitle']>[] = [
  { value: 'senior', label: '正高级', aliases: ['正高', '正高级职称'] },
  { value: 'associate_senior', label: '副高级', aliases: ['副高', '副高级职称'] },
];

export const EXPERT_POOLS: readonly EnumOption<Schemas['ExpertPool']>[] = [
  { value: 'science_technology', label: '科技专家库', aliases: ['科技', '科技专家'] },
  { value: 'popularisation', label: '科普专家库', aliases: ['科普', '科普专家'] },
];

const YES_NO: readonly EnumOption<string>[] = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

export const EXPERTS: EntitySpec<ExpertCreate> = {
  entity: 'experts',
  noun: '专家',
  fields: [
    { field: 'name', label: '姓名', type: 'text', inTemplate: true, example: '李华', width: 12, note: '必填' },
    { field: 'gender', label: '性别', type: 'enum', options: GENDERS, inTemplate: true, example: '男', width: 8 },
    {
      field: 'birthDate',
      label: '出生日期',
      type: 'date',
      inTemplate: true,
      example: new Date(Date.UTC(1949, 11, 31)),
      width: 12,
    },
    {
      field: 'idNumber',
      label: '身份证号',
      aliases: ['身份证号码', '公民身份号码'],
      type: 'identifier',
      inTemplate: true,
      example: EXAMPLE_ID_NUMBER,
      width: 22,
      note: '请保持“文本”格式，避免 Excel 截断末尾数字',
    },
    {
      field: 'phone',
      label: '手机',
      aliases: ['手机号', '手机号码', '电话'],
      type: 'identifier',
      inTemplate: true,
      example: '13800138000',
      width: 14,
    },
    {
      field: 'email',
      label: '邮箱',
      aliases: ['电子邮箱', '电子邮件'],
      type: 'text',
      inTemplate: true,
      example: 'lihua@example.com',
      width: 24,
    },
    { field: 'employer', label: '工作单位', type: 'text', inTemplate: true, example: '市农业科学院', width: 20 },
    {
      field: 'titleLevel',
      label: '职称',
      aliases: ['职称级别'],
      type: 'enum',
      options: EXPERT_TITLES,
      inTemplate: true,
      example: '正高级',
      width: 10,
      note: '必填：专家须具有正高级或副高级职称',
    },
    {
      field: 'disciplines',
      label: '学科',
      aliases: ['专业领域', '学科领域'],
      type: 'list',
      inTemplate: true,
      example: '作物学、植物保护',
      width: 20,
      note: '必填；多个用、分隔',
    },
    {
      field: 'pools',
      label: '专家库',
      type: 'enumList',
      options: EXPERT_POOLS,
      inTemplate: true,
      example: '科技专家库',
      width: 16,
      note: '必填；两个库都入选时写“科技专家库、科普专家库”',
    },
    {
      field: 'societyIds',
      label: '所属学会',
      aliases: ['所属学会id', '学会id'],
      type: 'list',
      inTemplate: true,
      width: 40,
      note: '学会 id，多个用、分隔；评审时回避这些学会的申报',
    },
    {
      field: 'available',
      label: '可参加评审',
      aliases: ['是否可参加评审'],
      type: 'boolean',
      options: YES_NO,
      inTemplate: true,
      example: '是',
      width: 12,
    },
    {
      field: 'externalRef',
      label: '外部编号',
      aliases: ['专家编号'],
      type: 'identifier',
      inTemplate: true,
      example: 'E-0001',
      width: 14,
      note: '原系统中的专家编号；重复导入时据此（否则据身份证号）匹配已有专家',
    },
  ],
  build(r) {
    const name = r.text('name');
    if (name === undefined) r.fail('name', '必填');
    const titleLevel = r.choice('titleLevel', EXPERT_TITLES);
    if (titleLevel === undefined && !r.errors.some((e) => e.startsWith(r.label('titleLevel')))) {
      r.fail('titleLevel', '必填（正高级/副高级）');
    }
    const disciplines = r.list('disciplines');
    if (disciplines === undefined) r.fail('disciplines', '必填，多个用、分隔');
    const pools = r.choices('pools', EXPERT_POOLS);
    if (pools === undefined && !r.errors.some((e) => e.startsWith(r.label('pools')))) {
      r.fail('pools', '必填（科技专家库/科普专家库）');
    }
    const rest = {
      gender: r.choice('gender', GENDERS),
      birthDate: r.date('birthDate'),
      idNumber: r.identifier('idNumber'),
      phone: r.identifier('phone'),
      email: r.text('email'),
      employer: r.text('employer'),
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

export interface HeaderMapping {
  /** For each source column (0-based), the API field it feeds, or `null` for an ignored blank header. */
  columns: (string | null)[];
  /** The header each field had in the file. */
  headers: Map<string, string>;
}

/** Maps a header row to fields; unknown or repeated headers are errors listed all at once. */
export function mapHeaders(
  spec: { fields: readonly FieldSpec[]; noun: string },
  header: readonly Cell[],
): { mapping: HeaderMapping; errors: string[] } {
  const byName = new Map<string, FieldSpec>();
  for (const f of spec.fields) {
    for (const name of [f.field, f.label, ...(f.aliases ?? [])]) byName.set(normaliseHeader(name), f);
  }
  const columns: (string | null)[] = [];
  const headers = new Map<string, string>();
  const errors: string[] = [];
  header.forEach((cell, index) => {
    const text =
      cell === null
        ? ''
        : String(cell)
            .trim()
            .replace(/^\uFEFF/, '');
    if (text === '') {
      columns.push(null);
      return;
    }
    const field = byName.get(normaliseHeader(text));
    if (!field) {
      errors.push(`第 ${columnLetter(index)} 列的表头“${text}”无法识别`);
      columns.push(null);
      return;
    }
    const earlier = headers.get(field.field);
    if (earlier !== undefined) {
      errors.push(`表头“${text}”与“${earlier}”是同一字段（${field.field}），只能出现一次`);
      columns.push(null);
      return;
    }
    headers.set(field.field, text);
    columns.push(field.field);
  });
  if (errors.length === 0 && !headers.has('name')) errors.push('缺少必需的列“姓名”(name)');
  if (errors.length > 0) {
    errors.push(
      `可用的表头：${spec.fields
        .filter((f) => f.inTemplate)
        .map((f) => f.label)
        .join('、')}（也可用 API 字段名，如 ${spec.fields
        .slice(0, 3)
        .map((f) => f.field)
        .join('、')}）`,
    );
  }
  return { mapping: { columns, headers }, errors };
}

/** `A`, `B`, … `AA`: how Excel names the column with this 0-based index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
