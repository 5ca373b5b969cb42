/**
 * The columns of the member and expert sheets: each field's template header, the other headers people
 * give it, the values it accepts, and how its cell converts. The import command and the console's import
 * wizard both read sheets by these, so one file imports the same wherever it is dropped.
 */
import { EXPERT_POOLS, type ExpertPool, type MemberCategory, type TitleLevel } from '@society-hub/domain';
import type { Cell } from './cells';
import {
  booleanValue,
  type ChoiceRules,
  type Converted,
  choicesValue,
  choiceValue,
  comparable,
  dateValue,
  type EnumOption,
  emailValue,
  identifierValue,
  listValue,
  phoneValue,
  textValue,
} from './convert';

export type FieldType =
  | 'text'
  /** A code: NFKC-folded, no spaces, upper case (credit codes). */
  | 'identifier'
  | 'idNumber'
  | 'phone'
  | 'email'
  | 'date'
  | 'enum'
  /** Several values from `options` in one cell. */
  | 'enumList'
  /** Several values in one cell (、 , ; / or new lines between them). */
  | 'list'
  | 'boolean';

export interface FieldSpec {
  /** The API field name, also accepted as a header. */
  field: string;
  /** The template's header. */
  label: string;
  /** Other headers accepted on import. */
  aliases?: readonly string[];
  type: FieldType;
  options?: readonly EnumOption[];
  refused?: ChoiceRules<string>['refused'];
  /** Whether the template has this column (the template has exactly the documented headers). */
  inTemplate: boolean;
  /** The template's example value. */
  example?: Cell;
  /** Column width in the template, in characters. */
  width?: number;
  /** Shown as the header's comment in the template. */
  note?: string;
}

export type ImportValue = string | boolean | string[];

/** A cell as the value its field sends. */
export function convertField(spec: FieldSpec, cell: Cell | undefined): Converted<ImportValue> {
  const rules = { options: spec.options ?? [], refused: spec.refused };
  switch (spec.type) {
    case 'text':
      return textValue(cell);
    case 'identifier':
    case 'idNumber':
      return identifierValue(cell);
    case 'phone':
      return phoneValue(cell);
    case 'email':
      return emailValue(cell);
    case 'date':
      return dateValue(cell);
    case 'enum':
      return choiceValue(cell, rules);
    case 'enumList':
      return choicesValue(cell, rules);
    case 'list':
      return listValue(cell);
    case 'boolean':
      return booleanValue(cell);
  }
}

/** The field a header names (its template header, an alias or the API field name). */
export function fieldForHeader(fields: readonly FieldSpec[], header: string): FieldSpec | undefined {
  const key = comparable(header);
  if (key === '') return undefined;
  return fields.find((f) => [f.field, f.label, ...(f.aliases ?? [])].some((name) => comparable(name) === key));
}

export const GENDERS: readonly EnumOption<'male' | 'female'>[] = [
  { value: 'male', label: '男', aliases: ['m', '男性'] },
  { value: 'female', label: '女', aliases: ['f', '女性'] },
];

const SENIOR: EnumOption<'senior'> = {
  value: 'senior',
  label: '正高级',
  aliases: ['正高', '正高级职称', '教授', '研究员', '主任医师', '正高级工程师'],
};
const ASSOCIATE_SENIOR: EnumOption<'associate_senior'> = {
  value: 'associate_senior',
  label: '副高级',
  aliases: ['副高', '副高级职称', '副教授', '副研究员', '副主任医师', '高级工程师'],
};

export const TITLE_LEVELS: readonly EnumOption<TitleLevel>[] = [
  SENIOR,
  ASSOCIATE_SENIOR,
  { value: 'intermediate', label: '中级', aliases: ['中级职称', '讲师', '工程师', '助理研究员', '主治医师'] },
  { value: 'junior', label: '初级', aliases: ['初级职称', '助教', '助理工程师', '技术员'] },
  { value: 'none', label: '无', aliases: ['无职称'] },
];

export const EXPERT_TITLES: readonly EnumOption<'senior' | 'associate_senior'>[] = [SENIOR, ASSOCIATE_SENIOR];

/** Titles below 副高级, recognised so that an expert's 讲师 is refused with the reason, not as unknown. */
const BELOW_ASSOCIATE_SENIOR = TITLE_LEVELS.filter((o) => o.value !== 'senior' && o.value !== 'associate_senior');

export const MEMBER_CATEGORIES: readonly EnumOption<MemberCategory>[] = [
  { value: 'ordinary', label: '普通', aliases: ['普通会员'] },
  { value: 'senior', label: '资深', aliases: ['资深会员'] },
  { value: 'student', label: '学生', aliases: ['学生会员'] },
  { value: 'honorary', label: '荣誉', aliases: ['荣誉会员'] },
];

export const MEMBER_KINDS: readonly EnumOption<'individual' | 'institutional'>[] = [
  { value: 'individual', label: '个人', aliases: ['个人会员'] },
  { value: 'institutional', label: '单位', aliases: ['单位会员', '团体', '团体会员'] },
];

/** A new member is `active` unless the file says 申请中. */
export const IMPORT_STATUSES: readonly EnumOption<'active' | 'applied'>[] = [
  { value: 'active', label: '正常', aliases: ['有效'] },
  { value: 'applied', label: '申请中', aliases: ['待审核', '待审批'] },
];

const POOL_LABELS: Readonly<Record<ExpertPool, EnumOption<ExpertPool>>> = {
  science_technology: { value: 'science_technology', label: '科技专家库', aliases: ['科技', '科技专家'] },
  popularisation: { value: 'popularisation', label: '科普专家库', aliases: ['科普', '科普专家'] },
};
export const EXPERT_POOL_OPTIONS: readonly EnumOption<ExpertPool>[] = EXPERT_POOLS.map((p) => POOL_LABELS[p]);

const YES_NO: readonly EnumOption[] = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

/** The example row's ID number: a well-known valid sample (check character and birth date agree). */
const EXAMPLE_ID_NUMBER = '11010519491231002X';
const ID_NUMBER_NOTE = '请保持“文本”格式，避免 Excel 截断末尾数字';

/** The person's columns, the same for members and experts. */
function personFields(example: { name: string; gender: string; email: string; employer: string }): FieldSpec[] {
  return [
    { field: 'name', label: '姓名', type: 'text', inTemplate: true, example: example.name, width: 12, note: '必填' },
    {
      field: 'gender',
      label: '性别',
      aliases: ['sex'],
      type: 'enum',
      options: GENDERS,
      inTemplate: true,
      example: example.gender,
      width: 8,
    },
    {
      field: 'birthDate',
      label: '出生日期',
      aliases: ['出生年月', '生日', 'birth date', 'date of birth'],
      type: 'date',
      inTemplate: true,
      example: new Date(Date.UTC(1949, 11, 31)),
      width: 12,
    },
    {
      field: 'idNumber',
      label: '身份证号',
      aliases: ['身份证号码', '身份证', '证件号码', '公民身份号码', 'id number'],
      type: 'idNumber',
      inTemplate: true,
      example: EXAMPLE_ID_NUMBER,
      width: 22,
      note: ID_NUMBER_NOTE,
    },
    {
      field: 'phone',
      label: '手机',
      aliases: ['手机号', '手机号码', '电话', '联系电话', 'mobile'],
      type: 'phone',
      inTemplate: true,
      example: '13800138000',
      width: 14,
      note: '手机号，或带区号的固定电话（如 010-12345678）',
    },
    {
      field: 'email',
      label: '邮箱',
      aliases: ['电子邮箱', '电子邮件', 'e-mail'],
      type: 'email',
      inTemplate: true,
      example: example.email,
      width: 24,
    },
    {
      field: 'employer',
      label: '工作单位',
      aliases: ['单位', '所在单位'],
      type: 'text',
      inTemplate: true,
      example: example.employer,
      width: 20,
    },
  ];
}

const personName = (aliases: readonly string[]) => (f: FieldSpec) => (f.field === 'name' ? { ...f, aliases } : f);

export const MEMBER_FIELDS: readonly FieldSpec[] = [
  ...personFields({ name: '张三', gender: '女', email: 'zhangsan@example.com', employer: '市第一人民医院' }).map(
    personName(['名称', '会员姓名', '单位名称']),
  ),
  {
    field: 'titleLevel',
    label: '职称',
    aliases: ['职称级别', '职称等级', 'title'],
    type: 'enum',
    options: TITLE_LEVELS,
    inTemplate: true,
    example: '正高级',
    width: 10,
  },
  {
    field: 'discipline',
    label: '学科',
    aliases: ['专业', '学科专业', '专业领域'],
    type: 'text',
    inTemplate: true,
    example: '临床医学',
    width: 12,
  },
  {
    field: 'degree',
    label: '学历',
    aliases: ['学位', '最高学历'],
    type: 'text',
    inTemplate: true,
    example: '博士研究生',
    width: 12,
  },
  {
    field: 'category',
    label: '会员类别',
    aliases: ['类别'],
    type: 'enum',
    options: MEMBER_CATEGORIES,
    inTemplate: true,
    example: '普通',
    width: 10,
  },
  {
    field: 'joinedOn',
    label: '入会日期',
    aliases: ['入会时间', 'joined on'],
    type: 'date',
    inTemplate: true,
    example: new Date(Date.UTC(2020, 0, 5)),
    width: 12,
  },
  {
    field: 'externalRef',
    label: '外部编号',
    aliases: ['会员编号', '编号', 'external ref'],
    type: 'text',
    inTemplate: true,
    example: 'M-0001',
    width: 14,
    note: '原系统中的会员编号；重复导入时据此（否则据身份证号）匹配已有会员',
  },
  {
    field: 'kind',
    label: '会员类型',
    aliases: ['类型'],
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
    aliases: ['信用代码', 'credit code'],
    type: 'identifier',
    inTemplate: true,
    width: 22,
    note: '单位会员填写',
  },
  {
    field: 'contactPerson',
    label: '联系人',
    aliases: ['contact person'],
    type: 'text',
    inTemplate: true,
    width: 10,
    note: '单位会员填写',
  },
  { field: 'status', label: '状态', aliases: ['会员状态'], type: 'enum', options: IMPORT_STATUSES, inTemplate: false },
];

export const EXPERT_FIELDS: readonly FieldSpec[] = [
  ...personFields({ name: '李华', gender: '男', email: 'lihua@example.com', employer: '市农业科学院' }).map(
    personName(['专家姓名']),
  ),
  {
    field: 'titleLevel',
    label: '职称',
    aliases: ['职称级别', '职称等级', 'title'],
    type: 'enum',
    options: EXPERT_TITLES,
    refused: {
      values: BELOW_ASSOCIATE_SENIOR.flatMap((o) => [o.label, ...(o.aliases ?? [])]),
      reason: '专家须具有正高级或副高级职称',
    },
    inTemplate: true,
    example: '正高级',
    width: 10,
    note: '必填：专家须具有正高级或副高级职称',
  },
  {
    field: 'disciplines',
    label: '学科',
    aliases: ['专业领域', '学科领域', '专业', '研究领域'],
    type: 'list',
    inTemplate: true,
    example: '作物学、植物保护',
    width: 20,
    note: '必填；多个用、分隔',
  },
  {
    field: 'pools',
    label: '专家库',
    aliases: ['入库类别', '所属专家库', '专家库类别'],
    type: 'enumList',
    options: EXPERT_POOL_OPTIONS,
    inTemplate: true,
    example: '科技专家库',
    width: 16,
    note: '必填；两个库都入选时写“科技专家库、科普专家库”',
  },
  {
    field: 'societyIds',
    label: '所属学会',
    aliases: ['学会', '所属学会id', '学会id'],
    type: 'list',
    inTemplate: true,
    width: 40,
    note: '学会 id，多个用、分隔；评审时回避这些学会的申报',
  },
  {
    field: 'available',
    label: '可参加评审',
    aliases: ['是否可参加评审', '可参与评审', '是否可参与评审'],
    type: 'boolean',
    options: YES_NO,
    inTemplate: true,
    example: '是',
    width: 12,
  },
  {
    field: 'externalRef',
    label: '外部编号',
    aliases: ['专家编号', '编号', 'external ref'],
    type: 'text',
    inTemplate: true,
    example: 'E-0001',
    width: 14,
    note: '原系统中的专家编号；重复导入时据此（否则据身份证号）匹配已有专家',
  },
];

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

export interface HeaderMapping {
  /** For each source column (0-based), the API field it feeds, or `null` for an ignored blank header. */
  columns: (string | null)[];
  /** The header each field had in the file. */
  headers: Map<string, string>;
}

/** Maps a header row to fields; unknown or repeated headers are errors listed all at once. */
export function mapHeaders(
  fields: readonly FieldSpec[],
  header: readonly Cell[],
): { mapping: HeaderMapping; errors: string[] } {
  const columns: (string | null)[] = [];
  const headers = new Map<string, string>();
  const errors: string[] = [];
  header.forEach((cell, index) => {
    const text =
      cell === null
        ? ''
        : String(cell)
            .replace(/^\uFEFF/, '')
            .trim();
    if (text === '') {
      columns.push(null);
      return;
    }
    const field = fieldForHeader(fields, text);
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
      `可用的表头：${fields
        .filter((f) => f.inTemplate)
        .map((f) => f.label)
        .join('、')}（也可用 API 字段名，如 ${fields
        .slice(0, 3)
        .map((f) => f.field)
        .join('、')}）`,
    );
  }
  return { mapping: { columns, headers }, errors };
}
