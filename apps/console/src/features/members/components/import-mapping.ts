import type { ChoiceTable, ImportSpec } from '@/components/import-wizard/columns';

/** The member fields a column can feed, in the order of the template. */
export const MEMBER_IMPORT_FIELDS = [
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
export type MemberImportField = (typeof MEMBER_IMPORT_FIELDS)[number];

export const GENDERS: ChoiceTable = {
  男: 'male',
  male: 'male',
  m: 'male',
  女: 'female',
  female: 'female',
  f: 'female',
};

/** Titles as the societies' lists write them, by level. */
export const SENIOR_TITLES: ChoiceTable = {
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
};

export const JUNIOR_TITLES: ChoiceTable = {
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

const CATEGORIES: ChoiceTable = {
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

const KINDS: ChoiceTable = {
  个人: 'individual',
  个人会员: 'individual',
  individual: 'individual',
  单位: 'institutional',
  单位会员: 'institutional',
  团体: 'institutional',
  团体会员: 'institutional',
  institutional: 'institutional',
};

const STATUSES: ChoiceTable = {
  申请中: 'applied',
  待审批: 'applied',
  applied: 'applied',
  正常: 'active',
  active: 'active',
};

/**
 * A member list as the societies keep it: the template's Chinese headers and the other spellings met in
 * their own spreadsheets, with Chinese values (正高级, 男, 资深会员) translated to the API's codes.
 */
export const MEMBER_IMPORT: ImportSpec<MemberImportField> = {
  fields: MEMBER_IMPORT_FIELDS,
  columns: {
    name: {
      label: 'member.field.name',
      header: '姓名',
      aliases: ['名称', '会员姓名', '单位名称'],
      kind: { type: 'text' },
    },
    gender: {
      label: 'member.field.gender',
      header: '性别',
      aliases: ['sex'],
      kind: { type: 'choice', values: GENDERS },
    },
    birthDate: {
      label: 'member.field.birthDate',
      header: '出生日期',
      aliases: ['出生年月', '生日', 'birth date', 'dateofbirth'],
      kind: { type: 'date' },
    },
    idNumber: {
      label: 'member.field.idNumber',
      header: '身份证号',
      aliases: ['身份证号码', '身份证', '证件号码', '公民身份号码', 'id number'],
      kind: { type: 'idNumber' },
    },
    phone: {
      label: 'member.field.phone',
      header: '手机',
      aliases: ['手机号', '手机号码', '电话', '联系电话', 'mobile'],
      kind: { type: 'text' },
    },
    email: {
      label: 'member.field.email',
      header: '邮箱',
      aliases: ['电子邮箱', '电子邮件', 'e-mail'],
      kind: { type: 'text' },
    },
    employer: {
      label: 'member.field.employer',
      header: '工作单位',
      aliases: ['单位', '所在单位'],
      kind: { type: 'text' },
    },
    titleLevel: {
      label: 'member.field.titleLevel',
      header: '职称',
      aliases: ['职称级别', '职称等级', 'title'],
      kind: { type: 'choice', values: { ...SENIOR_TITLES, ...JUNIOR_TITLES } },
    },
    discipline: {
      label: 'member.field.discipline',
      header: '学科',
      aliases: ['专业', '学科专业', '专业领域'],
      kind: { type: 'text' },
    },
    degree: { label: 'member.field.degree', header: '学历', aliases: ['学位', '最高学历'], kind: { type: 'text' } },
    category: {
      label: 'member.field.category',
      header: '会员类别',
      aliases: ['类别'],
      kind: { type: 'choice', values: CATEGORIES },
    },
    joinedOn: {
      label: 'member.field.joinedOn',
      header: '入会日期',
      aliases: ['入会时间', 'joined on'],
      kind: { type: 'date' },
    },
    externalRef: {
      label: 'member.field.externalRef',
      header: '外部编号',
      aliases: ['会员编号', '编号', 'external ref'],
      kind: { type: 'text' },
    },
    kind: {
      label: 'member.field.kind',
      header: '会员类型',
      aliases: ['类型'],
      kind: { type: 'choice', values: KINDS },
    },
    orgCreditCode: {
      label: 'member.field.orgCreditCode',
      header: '统一社会信用代码',
      aliases: ['信用代码', 'credit code'],
      kind: { type: 'upper' },
    },
    contactPerson: {
      label: 'member.field.contactPerson',
      header: '联系人',
      aliases: ['contact person'],
      kind: { type: 'text' },
    },
    status: {
      label: 'member.field.status',
      // Not in the template (new members are active unless the file says 申请中), but read when present.
      aliases: ['状态', '会员状态'],
      kind: { type: 'choice', values: STATUSES },
    },
  },
  required: ['name'],
  nameField: 'name',
  preview: ['idNumber', 'employer'],
  defaults: { kind: 'individual' },
  codeMessages: {
    already_member: 'member.error.already_member',
    external_ref_taken: 'member.error.external_ref_taken',
    id_number_checksum: 'member.error.id_number_checksum_plain',
    id_number_birth_date: 'member.error.id_number_birth_date',
    id_number_format: 'member.error.id_number_format',
    in_future: 'member.error.in_future',
    duplicate_in_batch: 'member.error.duplicate_in_batch',
  },
  templateFile: '会员导入模板.csv',
  text: {
    title: 'import.title',
    description: 'import.description',
    mapHint: 'import.map.hint',
    toList: 'import.toList',
  },
};
