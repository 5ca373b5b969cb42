import { normaliseIdNumber } from '@society-hub/domain';
import type { MessageKey } from '@/app/i18n';

/** The member fields a column can feed, in the order of the template. */
export const IMPORT_FIELDS = [
  'name',
  'gender',
  'birthDate',
  'idNumber',
  'phone',
  'email',
  'employer',
  'titleLevel',
  'discipline',
  'degree',
  'category',
  'joinedOn',
  'externalRef',
  'kind',
  'orgCreditCode',
  'contactPerson',
  'status',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The template's headers: the Chinese names staff already use in their spreadsheets. */
export const TEMPLATE_HEADERS: Record<Exclude<ImportField, 'status'>, string> = {
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  idNumber: '身份证号',
  phone: '手机',
  email: '邮箱',
  employer: '工作单位',
  titleLevel: '职称',
  discipline: '学科',
  degree: '学历',
  category: '会员类别',
  joinedOn: '入会日期',
  externalRef: '外部编号',
  kind: '会员类型',
  orgCreditCode: '统一社会信用代码',
  contactPerson: '联系人',
};

export const FIELD_LABELS: Record<ImportField, MessageKey> = {
  name: 'member.field.name',
  gender: 'member.field.gender',
  birthDate: 'member.field.birthDate',
  idNumber: 'member.field.idNumber',
  phone: 'member.field.phone',
  email: 'member.field.email',
  employer: 'member.field.employer',
  titleLevel: 'member.field.titleLevel',
  discipline: 'member.field.discipline',
  degree: 'member.field.degree',
  category: 'member.field.category',
  joinedOn: 'member.field.joinedOn',
  externalRef: 'member.field.externalRef',
  kind: 'member.field.kind',
  orgCreditCode: 'member.field.orgCreditCode',
  contactPerson: 'member.field.contactPerson',
  status: 'member.field.status',
};

/** Other spellings of the headers met in the societies' own lists. */
const ALIASES: Record<ImportField, readonly string[]> = {
  name: ['姓名', '名称', '会员姓名', '单位名称', 'name'],
  gender: ['性别', 'gender', 'sex'],
  birthDate: ['出生日期', '出生年月', '生日', 'birthdate', 'birth date', 'dateofbirth'],
  idNumber: ['身份证号', '身份证号码', '身份证', '证件号码', 'idnumber', 'id number'],
  phone: ['手机', '手机号', '手机号码', '电话', '联系电话', 'phone', 'mobile'],
  email: ['邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail'],
  employer: ['工作单位', '单位', '所在单位', 'employer'],
  titleLevel: ['职称', '职称级别', '职称等级', 'title', 'titlelevel'],
  discipline: ['学科', '专业', '学科专业', '专业领域', 'discipline'],
  degree: ['学历', '学位', '最高学历', 'degree'],
  category: ['会员类别', '类别', 'category'],
  joinedOn: ['入会日期', '入会时间', 'joinedon', 'joined on'],
  externalRef: ['外部编号', '会员编号', '编号', 'externalref', 'external ref'],
  kind: ['会员类型', '类型', 'kind'],
  orgCreditCode: ['统一社会信用代码', '信用代码', 'orgcreditcode', 'credit code'],
  contactPerson: ['联系人', 'contactperson', 'contact person'],
  status: ['状态', '会员状态', 'status'],
};

function squash(header: string): string {
  return header.replace(/[\s*＊:：()（）]/g, '').toLowerCase();
}

/** The field each column feeds, from its header; a field is taken by the first column that names it. */
export function autoMap(headers: readonly string[]): (ImportField | undefined)[] {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const key = squash(header);
    const field = IMPORT_FIELDS.find(
      (candidate) => !taken.has(candidate) && ALIASES[candidate].some((alias) => squash(alias) === key),
    );
    if (field) taken.add(field);
    return field;
  });
}

const GENDERS: Record<string, 'male' | 'female'> = {
  男: 'male',
  male: 'male',
  m: 'male',
  女: 'female',
  female: 'female',
  f: 'female',
};

const TITLES: Record<string, string> = {
  正高级: 'senior',
  正高: 'senior',
  教授: 'senior',
  研究员: 'senior',
  主任医师: 'senior',
  正高级工程师: 'senior',
  senior: 'senior',
  副高级: 'associate_senior',
  副高: 'associate_senior',
  副教授: 'associate_senior',
  副研究员: 'associate_senior',
  副主任医师: 'associate_senior',
  高级工程师: 'associate_senior',
  associate_senior: 'associate_senior',
  中级: 'intermediate',
  讲师: 'intermediate',
  工程师: 'intermediate',
  助理研究员: 'intermediate',
  主治医师: 'intermediate',
  intermediate: 'intermediate',
  初级: 'junior',
  助教: 'junior',
  助理工程师: 'junior',
  技术员: 'junior',
  junior: 'junior',
  无: 'none',
  none: 'none',
};

const CATEGORIES: Record<string, string> = {
  普通: 'ordinary',
  普通会员: 'ordinary',
  ordinary: 'ordinary',
  资深: 'senior',
  资深会员: 'senior',
  senior: 'senior',
  学生: 'student',
  学生会员: 'student',
  student: 'student',
  荣誉: 'honorary',
  荣誉会员: 'honorary',
  honorary: 'honorary',
};

const KINDS: Record<string, string> = {
  个人: 'individual',
  个人会员: 'individual',
  individual: 'individual',
  单位: 'institutional',
  单位会员: 'institutional',
  团体: 'institutional',
  团体会员: 'institutional',
  institutional: 'institutional',
};

const STATUSES: Record<string, string> = {
  申请中: 'applied',
  待审批: 'applied',
  applied: 'applied',
  正常: 'active',
  active: 'active',
};

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

export interface LocalProblem {
  field: ImportField;
  value: string;
  kind: 'unknown' | 'date';
}

export interface ConvertedRow {
  body: Record<string, string>;
  problems: LocalProblem[];
}

/**
 * One spreadsheet row as an API row: Chinese values translated (正高级 → senior, 男 → male), dates made
 * ISO, empty cells left out. Values that cannot be read are reported here rather than sent.
 */
export function convertRow(cells: readonly string[], mapping: readonly (ImportField | undefined)[]): ConvertedRow {
  const body: Record<string, string> = {};
  const problems: LocalProblem[] = [];
  const lookup = (field: ImportField, value: string, table: Record<string, string>) => {
    const found = table[value] ?? table[value.toLowerCase()];
    if (found) body[field] = found;
    else problems.push({ field, value, kind: 'unknown' });
  };
  const tables: Partial<Record<ImportField, Record<string, string>>> = {
    gender: GENDERS,
    titleLevel: TITLES,
    category: CATEGORIES,
    kind: KINDS,
    status: STATUSES,
  };
  mapping.forEach((field, index) => {
    const value = (cells[index] ?? '').trim();
    if (!field || value === '') return;
    const table = tables[field];
    if (table) {
      lookup(field, value, table);
    } else if (field === 'birthDate' || field === 'joinedOn') {
      const date = parseDate(value);
      if (date) body[field] = date;
      else problems.push({ field, value, kind: 'date' });
    } else if (field === 'idNumber') {
      body[field] = normaliseIdNumber(value);
    } else if (field === 'orgCreditCode') {
      body[field] = value.toUpperCase();
    } else {
      body[field] = value;
    }
  });
  body.kind ??= 'individual';
  return { body, problems };
}
