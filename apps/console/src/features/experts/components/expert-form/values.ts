import { EXPERT_POOLS, type ExpertPool, normaliseIdNumber } from '@society-hub/domain';
import dayjs, { type Dayjs } from 'dayjs';
import type { MessageKey } from '@/lib/i18n';
import type { Expert, ExpertCreate, ExpertPatch, ExpertTitle } from '../../api/types';

/** The expert form's values, and what the API is sent for them. */
export interface ExpertFormValues {
  name?: string;
  gender?: 'male' | 'female';
  idNumber?: string;
  birthDate?: Dayjs | null;
  titleLevel?: ExpertTitle;
  pools?: ExpertPool[];
  disciplines?: string[];
  employer?: string;
  phone?: string;
  email?: string;
  societyIds?: string[];
  available?: boolean;
  externalRef?: string;
}

export const FIELDS = [
  'name',
  'gender',
  'idNumber',
  'birthDate',
  'titleLevel',
  'pools',
  'disciplines',
  'employer',
  'phone',
  'email',
  'societyIds',
  'available',
  'externalRef',
] as const;
export const CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  already_expert: 'expert.error.already_expert',
  external_ref_taken: 'expert.error.external_ref_taken',
  id_number_checksum: 'member.error.id_number_checksum_plain',
  id_number_birth_date: 'member.error.id_number_birth_date',
  id_number_format: 'member.error.id_number_format',
  in_future: 'member.error.in_future',
  unknown_society: 'user.error.unknown_society',
};
export const DATE = 'YYYY-MM-DD';

/** The same members in any order. */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/** The form's start: the expert being edited, or a new senior expert of the science and technology pool. */
export function initialValues(expert: Expert | undefined): ExpertFormValues {
  return expert
    ? {
        name: expert.name,
        gender: expert.gender ?? undefined,
        birthDate: expert.birthDate ? dayjs(expert.birthDate) : null,
        titleLevel: expert.titleLevel,
        pools: expert.pools,
        disciplines: expert.disciplines,
        employer: expert.employer ?? '',
        phone: expert.phone ?? '',
        email: expert.email ?? '',
        societyIds: expert.societyIds,
        available: expert.available,
        externalRef: expert.externalRef ?? '',
      }
    : { titleLevel: 'senior', pools: ['science_technology'], disciplines: [], available: true };
}

/** The expert's fields as the API takes them (the ID number apart: it is write-only). */
export function expertFields(values: ExpertFormValues, name: string, titleLevel: ExpertTitle) {
  const text = (value: string | undefined) => value?.trim() || null;
  return {
    name,
    titleLevel,
    pools: EXPERT_POOLS.filter((pool) => values.pools?.includes(pool)),
    disciplines: [...new Set((values.disciplines ?? []).map((d) => d.trim()).filter(Boolean))],
    gender: values.gender ?? null,
    birthDate: values.birthDate ? values.birthDate.format(DATE) : null,
    employer: text(values.employer),
    phone: text(values.phone),
    email: text(values.email),
    societyIds: values.societyIds ?? [],
    available: values.available ?? true,
    externalRef: text(values.externalRef),
  };
}

export function idNumberOf(values: ExpertFormValues): string {
  return values.idNumber ? normaliseIdNumber(values.idNumber) : '';
}

export function expertBody(values: ExpertFormValues, name: string, titleLevel: ExpertTitle): ExpertCreate {
  const idNumber = idNumberOf(values);
  return { ...expertFields(values, name, titleLevel), ...(idNumber ? { idNumber } : {}) };
}

export function expertPatch(
  expert: Expert,
  values: ExpertFormValues,
  name: string,
  titleLevel: ExpertTitle,
): ExpertPatch {
  const fields = expertFields(values, name, titleLevel);
  const idNumber = idNumberOf(values);
  // Only what changed, so a concurrent edit of another field is not overwritten with what the form loaded.
  const patch: ExpertPatch = {};
  if (fields.name !== expert.name) patch.name = fields.name;
  if (fields.titleLevel !== expert.titleLevel) patch.titleLevel = fields.titleLevel;
  if (!sameSet(fields.pools, expert.pools)) patch.pools = fields.pools;
  if (fields.disciplines.join('\n') !== expert.disciplines.join('\n')) patch.disciplines = fields.disciplines;
  if (fields.gender !== expert.gender) patch.gender = fields.gender;
  if (fields.birthDate !== expert.birthDate) patch.birthDate = fields.birthDate;
  if (fields.employer !== expert.employer) patch.employer = fields.employer;
  if (fields.phone !== expert.phone) patch.phone = fields.phone;
  if (fields.email !== expert.email) patch.email = fields.email;
  if (!sameSet(fields.societyIds, expert.societyIds)) patch.societyIds = fields.societyIds;
  if (fields.available !== expert.available) patch.available = fields.available;
  if (fields.externalRef !== expert.externalRef) patch.externalRef = fields.externalRef;
  if (idNumber) patch.idNumber = idNumber;
  return patch;
}
