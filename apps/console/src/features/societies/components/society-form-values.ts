import { type Discipline, normaliseCreditCode, type PartyOrganisation, type SocietyType } from '@society-hub/domain';
import dayjs, { type Dayjs } from 'dayjs';
import type { Society } from '../api/types';

export type FullTime = 'full' | 'part' | 'unknown';

export interface SocietyFormValues {
  name?: string;
  nameEn?: string;
  type?: SocietyType;
  discipline?: Discipline;
  foundedOn?: Dayjs | null;
  creditCode?: string;
  creditCodeOverrideReason?: string;
  supportingUnit?: string;
  legalRepresentative?: string;
  chairName?: string;
  secretaryGeneralName?: string;
  secretaryGeneralFullTime?: FullTime;
  officeAddress?: string;
  contactPerson?: string;
  contactPhone?: string;
  contactEmail?: string;
  website?: string;
  partyOrganisation?: PartyOrganisation;
  partyOrganisationOn?: Dayjs | null;
  evaluationGrade?: number | null;
  evaluationGradeOn?: Dayjs | null;
}

/** The editable profile as the API speaks it, with every optional text as string or null. */
export interface SocietyProfile {
  name: string;
  nameEn: string | null;
  type: SocietyType;
  discipline: Discipline;
  foundedOn: string | null;
  creditCode: string | null;
  creditCodeOverrideReason: string | null;
  supportingUnit: string | null;
  legalRepresentative: string | null;
  chairName: string | null;
  secretaryGeneralName: string | null;
  secretaryGeneralFullTime: boolean | null;
  officeAddress: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  website: string | null;
  partyOrganisation: PartyOrganisation;
  partyOrganisationOn: string | null;
  evaluationGrade: number | null;
  evaluationGradeOn: string | null;
}

const PROFILE_KEYS = [
  'name',
  'nameEn',
  'type',
  'discipline',
  'foundedOn',
  'creditCode',
  'creditCodeOverrideReason',
  'supportingUnit',
  'legalRepresentative',
  'chairName',
  'secretaryGeneralName',
  'secretaryGeneralFullTime',
  'officeAddress',
  'contactPerson',
  'contactPhone',
  'contactEmail',
  'website',
  'partyOrganisation',
  'partyOrganisationOn',
  'evaluationGrade',
  'evaluationGradeOn',
] as const satisfies readonly (keyof SocietyProfile)[];

export const FORM_FIELDS: readonly (keyof SocietyFormValues)[] = PROFILE_KEYS;

function text(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function toFormValues(society: Society): SocietyFormValues {
  return {
    name: society.name,
    nameEn: society.nameEn ?? '',
    type: society.type,
    discipline: society.discipline,
    foundedOn: society.foundedOn ? dayjs(society.foundedOn) : null,
    creditCode: society.creditCode ?? '',
    creditCodeOverrideReason: society.creditCodeOverrideReason ?? '',
    supportingUnit: society.supportingUnit ?? '',
    legalRepresentative: society.legalRepresentative ?? '',
    chairName: society.chairName ?? '',
    secretaryGeneralName: society.secretaryGeneralName ?? '',
    secretaryGeneralFullTime:
      society.secretaryGeneralFullTime === null ? 'unknown' : society.secretaryGeneralFullTime ? 'full' : 'part',
    officeAddress: society.officeAddress ?? '',
    contactPerson: society.contactPerson ?? '',
    contactPhone: society.contactPhone ?? '',
    contactEmail: society.contactEmail ?? '',
    website: society.website ?? '',
    partyOrganisation: society.partyOrganisation,
    partyOrganisationOn: society.partyOrganisationOn ? dayjs(society.partyOrganisationOn) : null,
    evaluationGrade: society.evaluationGrade,
    evaluationGradeOn: society.evaluationGradeOn ? dayjs(society.evaluationGradeOn) : null,
  };
}

/** Undefined when a required choice is missing (the form's own rules prevent that). */
export function toProfile(values: SocietyFormValues, overrideVisible: boolean): SocietyProfile | undefined {
  const name = text(values.name);
  if (!name || !values.type || !values.discipline) return undefined;
  const creditCode = normaliseCreditCode(values.creditCode ?? '');
  return {
    name,
    nameEn: text(values.nameEn),
    type: values.type,
    discipline: values.discipline,
    foundedOn: values.foundedOn ? values.foundedOn.format('YYYY-MM-DD') : null,
    creditCode: creditCode || null,
    creditCodeOverrideReason: overrideVisible && creditCode ? text(values.creditCodeOverrideReason) : null,
    supportingUnit: text(values.supportingUnit),
    legalRepresentative: text(values.legalRepresentative),
    chairName: text(values.chairName),
    secretaryGeneralName: text(values.secretaryGeneralName),
    secretaryGeneralFullTime:
      values.secretaryGeneralFullTime === 'full' ? true : values.secretaryGeneralFullTime === 'part' ? false : null,
    officeAddress: text(values.officeAddress),
    contactPerson: text(values.contactPerson),
    contactPhone: text(values.contactPhone),
    contactEmail: text(values.contactEmail),
    website: text(values.website),
    partyOrganisation: values.partyOrganisation ?? 'none',
    partyOrganisationOn:
      values.partyOrganisation && values.partyOrganisation !== 'none' && values.partyOrganisationOn
        ? values.partyOrganisationOn.format('YYYY-MM-DD')
        : null,
    evaluationGrade: values.evaluationGrade ?? null,
    evaluationGradeOn:
      values.evaluationGrade && values.evaluationGradeOn ? values.evaluationGradeOn.format('YYYY-MM-DD') : null,
  };
}

export function profileOf(society: Society): SocietyProfile {
  return {
    name: society.name,
    nameEn: society.nameEn,
    type: society.type,
    discipline: society.discipline,
    foundedOn: society.foundedOn,
    creditCode: society.creditCode,
    creditCodeOverrideReason: society.creditCodeOverrideReason,
    supportingUnit: society.supportingUnit,
    legalRepresentative: society.legalRepresentative,
    chairName: society.chairName,
    secretaryGeneralName: society.secretaryGeneralName,
    secretaryGeneralFullTime: society.secretaryGeneralFullTime,
    officeAddress: society.officeAddress,
    contactPerson: society.contactPerson,
    contactPhone: society.contactPhone,
    contactEmail: society.contactEmail,
    website: society.website,
    partyOrganisation: society.partyOrganisation,
    partyOrganisationOn: society.partyOrganisationOn,
    evaluationGrade: society.evaluationGrade,
    evaluationGradeOn: society.evaluationGradeOn,
  };
}

/** A JSON merge patch of what changed: unchanged fields are left out, cleared ones are sent as null. */
export function diffProfile(before: SocietyProfile, after: SocietyProfile): Partial<SocietyProfile> {
  const patch: Partial<SocietyProfile> = {};
  for (const key of PROFILE_KEYS) {
    if (before[key] !== after[key]) Object.assign(patch, { [key]: after[key] });
  }
  return patch;
}
