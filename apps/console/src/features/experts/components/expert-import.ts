import { comparable, EXPERT_FIELDS } from '@society-hub/sheets';
import {
  type ImportColumn,
  type ImportSpec,
  type Lookup,
  personColumns,
  sheetField,
} from '@/components/import-wizard/columns';
import { getSocieties } from '@/features/societies';

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

/** Every society's name (as `comparable` compares it) → its id: the file names societies, the API takes ids. */
export async function societiesByName(): Promise<Lookup> {
  const byName = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await getSocieties({ sort: 'name', limit: 500, ...(cursor ? { cursor } : {}) });
    for (const society of page.items) byName.set(comparable(society.name), society.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return byName;
}

const column = (field: Exclude<ExpertImportField, 'societyIds'>): ImportColumn => ({
  label: `expert.field.${field}` as const,
  sheet: sheetField(EXPERT_FIELDS, field),
});

/**
 * The expert pools' spreadsheet: the shared sheet columns (`@society-hub/sheets`: the import command's
 * headers and the export's, titles below 副高级 refused with a reason), and society names in 所属学会.
 */
export const EXPERT_IMPORT: ImportSpec<ExpertImportField> = {
  fields: EXPERT_IMPORT_FIELDS,
  columns: {
    ...personColumns(column),
    titleLevel: { ...column('titleLevel'), refused: 'expert.seniorOnly' },
    disciplines: column('disciplines'),
    pools: column('pools'),
    societyIds: {
      label: 'expert.field.societies',
      sheet: sheetField(EXPERT_FIELDS, 'societyIds'),
      lookup: { notFound: 'expertImport.societyNotFound' },
    },
    available: column('available'),
    externalRef: column('externalRef'),
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
