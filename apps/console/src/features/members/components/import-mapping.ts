import { MEMBER_FIELDS } from '@society-hub/sheets';
import { type ImportColumn, type ImportSpec, personColumns, sheetField } from '@/components/import-wizard/columns';

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

const column = (field: MemberImportField): ImportColumn => ({
  label: `member.field.${field}` as const,
  sheet: sheetField(MEMBER_FIELDS, field),
});

/**
 * A member list as the societies keep it: the headers, values (正高级, 教授, 男, 资深会员) and conversions of
 * the shared sheet columns (`@society-hub/sheets`), which the import command reads by too.
 */
export const MEMBER_IMPORT: ImportSpec<MemberImportField> = {
  fields: MEMBER_IMPORT_FIELDS,
  columns: {
    ...personColumns(column),
    titleLevel: column('titleLevel'),
    discipline: column('discipline'),
    degree: column('degree'),
    category: column('category'),
    joinedOn: column('joinedOn'),
    externalRef: column('externalRef'),
    kind: column('kind'),
    orgCreditCode: column('orgCreditCode'),
    contactPerson: column('contactPerson'),
    status: column('status'),
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
