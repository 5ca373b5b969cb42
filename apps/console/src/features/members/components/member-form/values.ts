import { type MemberCategory, normaliseIdNumber, type TitleLevel } from '@society-hub/domain';
import dayjs, { type Dayjs } from 'dayjs';
import type { MessageKey } from '@/lib/i18n';
import type { Member, MemberCreate, MemberGender, MemberKind, MemberPatch } from '../../api/types';

/** The member form's values, and what the API is sent for them. */
export interface MemberFormValues {
  kind?: MemberKind;
  name?: string;
  gender?: MemberGender;
  idNumber?: string;
  birthDate?: Dayjs | null;
  phone?: string;
  email?: string;
  employer?: string;
  titleLevel?: TitleLevel;
  discipline?: string;
  degree?: string;
  category?: MemberCategory;
  joinedOn?: Dayjs | null;
  externalRef?: string;
  orgCreditCode?: string;
  contactPerson?: string;
  applied?: boolean;
}

export const FIELDS = [
  'kind',
  'name',
  'gender',
  'idNumber',
  'birthDate',
  'phone',
  'email',
  'employer',
  'titleLevel',
  'discipline',
  'degree',
  'category',
  'joinedOn',
  'externalRef',
  'orgCreditCode',
  'contactPerson',
] as const;

/** The form's own words for the codes the API sends on member fields. */
export const CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  already_member: 'member.error.already_member',
  external_ref_taken: 'member.error.external_ref_taken',
  id_number_checksum: 'member.error.id_number_checksum_plain',
  id_number_birth_date: 'member.error.id_number_birth_date',
  id_number_format: 'member.error.id_number_format',
  in_future: 'member.error.in_future',
};

export const DATE = 'YYYY-MM-DD';

/** The form's start: the member being edited, or a new individual, ordinary member. */
export function initialValues(member: Member | undefined): MemberFormValues {
  return member
    ? {
        kind: member.kind,
        name: member.name,
        gender: member.gender ?? undefined,
        birthDate: member.birthDate ? dayjs(member.birthDate) : null,
        phone: member.phone ?? '',
        email: member.email ?? '',
        employer: member.employer ?? '',
        titleLevel: member.titleLevel,
        discipline: member.discipline ?? '',
        degree: member.degree ?? '',
        category: member.category,
        joinedOn: member.joinedOn ? dayjs(member.joinedOn) : null,
        externalRef: member.externalRef ?? '',
        orgCreditCode: member.orgCreditCode ?? '',
        contactPerson: member.contactPerson ?? '',
      }
    : { kind: 'individual', titleLevel: 'none', category: 'ordinary', applied: false };
}

/** A new member's body: an institutional member has no personal fields; an applicant waits for approval. */
export function memberBody(values: MemberFormValues, name: string): MemberCreate {
  const kind = values.kind ?? 'individual';
  const idNumber = idNumberOf(values, kind);
  return {
    kind,
    ...memberFields(values, name, kind),
    ...(idNumber ? { idNumber } : {}),
    ...(values.applied ? { status: 'applied' as const } : {}),
  };
}

/** What changed on an existing member (the ID number is sent whenever one is typed: it is never shown). */
export function memberPatch(member: Member, values: MemberFormValues, name: string): MemberPatch {
  const fields = memberFields(values, name, member.kind);
  const patch: MemberPatch = {};
  for (const key of Object.keys(fields)) {
    const field = FIELDS.find((known) => known === key);
    if (!field || field === 'kind' || field === 'idNumber') continue;
    const next = fields[field];
    if (next !== member[field]) Object.assign(patch, { [field]: next });
  }
  const idNumber = idNumberOf(values, member.kind);
  if (idNumber) patch.idNumber = idNumber;
  return patch;
}

function idNumberOf(values: MemberFormValues, kind: MemberKind): string {
  return kind === 'individual' && values.idNumber ? normaliseIdNumber(values.idNumber) : '';
}

function memberFields(values: MemberFormValues, name: string, kind: MemberKind) {
  const person = kind === 'individual';
  const text = (value: string | undefined) => value?.trim() || null;
  return {
    name,
    gender: person ? (values.gender ?? null) : null,
    birthDate: person && values.birthDate ? values.birthDate.format(DATE) : null,
    phone: text(values.phone),
    email: text(values.email),
    employer: person ? text(values.employer) : null,
    titleLevel: person ? (values.titleLevel ?? 'none') : 'none',
    discipline: text(values.discipline),
    degree: person ? text(values.degree) : null,
    category: values.category ?? 'ordinary',
    joinedOn: values.joinedOn ? values.joinedOn.format(DATE) : null,
    externalRef: text(values.externalRef),
    orgCreditCode: person ? null : (text(values.orgCreditCode)?.toUpperCase() ?? null),
    contactPerson: person ? null : text(values.contactPerson),
  };
}
