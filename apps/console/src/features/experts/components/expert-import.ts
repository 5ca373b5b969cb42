import { type ChoiceTable, type ImportSpec, type Lookup, squash } from '@/components/import-wizard/columns';
import { GENDERS, JUNIOR_TITLES, SENIOR_TITLES } from '@/features/members/components/import-mapping';
import { getSocieties } from '@/features/societies/api/get-societies';

export const EXPERT_IMPORT_FIELDS = [
  'name',
  'gender',
  'birthDate',
  'idNumber',
  'phone',
  'email',
  'employer',
  'titleLevel',
  'disciplines',
  'pools',
  'societyIds',
  'available',
  'externalRef',
] as const;
export type ExpertImportField = (typeof EXPERT_IMPORT_FIELDS)[number];

const POOLS: ChoiceTable = {
  科技专家库: 'science_technology',
  科技: 'science_technology',
  科技专家: 'science_technology',
  science_technology: 'science_technology',
  科普专家库: 'popularisation',
  科普: 'popularisation',
  科普专家: 'popularisation',
  popularisation: 'popularisation',
};

/** Every society's name (as `squash` compares it) → its id: the file names societies, the API takes ids. */
export async function societiesByName(): Promise<Lookup> {
  const byName = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await getSocieties({ sort: 'name', limit: 500, ...(cursor ? { cursor } : {}) });
    for (const society of page.items) byName.set(squash(society.name), society.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return byName;
}

/**
 * The expert pools' spreadsheet: the export's headers (so an exported list can be corrected and imported
 * again) and the import command's, society names in 所属学会, and titles below 副高级 refused with a reason.
 */
export const EXPERT_IMPORT: ImportSpec<ExpertImportField> = {
  fields: EXPERT_IMPORT_FIELDS,
  columns: {
    name: { label: 'expert.field.name', header: '姓名', aliases: ['专家姓名'], kind: { type: 'text' } },
    gender: {
      label: 'expert.field.gender',
      header: '性别',
      aliases: ['sex'],
      kind: { type: 'choice', values: GENDERS },
    },
    birthDate: {
      label: 'expert.field.birthDate',
      header: '出生日期',
      aliases: ['出生年月', '生日', 'birth date'],
      kind: { type: 'date' },
    },
    idNumber: {
      label: 'expert.field.idNumber',
      header: '身份证号',
      aliases: ['身份证号码', '身份证', '证件号码', '公民身份号码'],
      kind: { type: 'idNumber' },
    },
    phone: {
      label: 'expert.field.phone',
      header: '手机',
      aliases: ['手机号', '手机号码', '电话', '联系电话', 'mobile'],
      kind: { type: 'text' },
    },
    email: {
      label: 'expert.field.email',
      header: '邮箱',
      aliases: ['电子邮箱', '电子邮件', 'e-mail'],
      kind: { type: 'text' },
    },
    employer: {
      label: 'expert.field.employer',
      header: '工作单位',
      aliases: ['单位', '所在单位'],
      kind: { type: 'text' },
    },
    titleLevel: {
      label: 'expert.field.titleLevel',
      header: '职称',
      aliases: ['职称级别', '职称等级', 'title'],
      kind: {
        type: 'choice',
        values: SENIOR_TITLES,
        refused: { values: Object.keys(JUNIOR_TITLES), message: 'expert.seniorOnly' },
      },
    },
    disciplines: {
      label: 'expert.field.disciplines',
      header: '专业领域',
      aliases: ['学科', '学科领域', '专业', '研究领域'],
      kind: { type: 'list' },
    },
    pools: {
      label: 'expert.field.pools',
      header: '专家库',
      aliases: ['入库类别', '所属专家库', '专家库类别'],
      kind: { type: 'choices', values: POOLS },
    },
    societyIds: {
      label: 'expert.field.societies',
      header: '所属学会',
      aliases: ['学会', '所属学会id', '学会id'],
      kind: { type: 'lookupList', notFound: 'expertImport.societyNotFound' },
    },
    available: {
      label: 'expert.field.available',
      header: '可参与评审',
      aliases: ['可参加评审', '是否可参与评审', '是否可参加评审'],
      kind: { type: 'boolean' },
    },
    externalRef: {
      label: 'expert.field.externalRef',
      header: '外部编号',
      aliases: ['专家编号', '编号', 'external ref'],
      kind: { type: 'text' },
    },
  },
  required: ['name', 'titleLevel', 'disciplines', 'pools'],
  nameField: 'name',
  preview: ['idNumber', 'employer', 'societyIds'],
  codeMessages: {
    already_expert: 'expert.error.already_expert',
    external_ref_taken: 'expert.error.external_ref_taken',
    id_number_checksum: 'member.error.id_number_checksum_plain',
    id_number_birth_date: 'member.error.id_number_birth_date',
    id_number_format: 'member.error.id_number_format',
    in_future: 'member.error.in_future',
    duplicate_in_batch: 'member.error.duplicate_in_batch',
    unknown_society: 'user.error.unknown_society',
  },
  lookup: societiesByName,
  templateFile: '专家导入模板.csv',
  text: {
    title: 'expertImport.title',
    description: 'expertImport.description',
    mapHint: 'expertImport.mapHint',
    toList: 'expertImport.toList',
  },
};
