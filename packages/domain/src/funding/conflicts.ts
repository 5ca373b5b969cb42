/**
 * Conflicts of interest (回避, SPEC §3): a reviewer must not score an application when
 *
 *   society_affiliation  the reviewer's expert record lists the applying society among their affiliations
 *   society_member       the reviewer is a member of the applying society (matched upstream by ID-number hash)
 *   council_member       the reviewer sits on its council: same name and same employer as a council member
 *   supporting_unit      the reviewer works at the society's supporting unit (挂靠单位)
 *   chair_employer       the reviewer works where the society's chair works
 *   declared             the reviewer declared an interest in the society for this program
 *
 * Names of people and organisations are compared after normalisation: Unicode NFKC (full-width letters,
 * digits, spaces and brackets become their half-width forms), trimmed, runs of whitespace collapsed,
 * whitespace next to a bracket removed, Latin letters lower-cased; people's names, as the governance
 * rules compare them (`personNameKey`: every whitespace removed). A council member matches only when
 * both the name and the employer are known and equal: a name alone is too common to exclude a reviewer
 * on (two 王伟 are not one person).
 *
 * Worked example (see conflicts.test.ts): a reviewer 李明 at "山东大学（齐鲁医学院）" conflicts with a
 * society whose council lists 李明 of "山东大学 (齐鲁医学院)" and whose supporting unit is
 * "山东大学(齐鲁医学院)": reasons council_member and supporting_unit.
 */
import { personNameKey } from '../governance/rules';
import type { Label } from '../labels';

export interface ReviewerProfile {
  expertId: string;
  name: string;
  employer: string | null;
  /** The expert's declared affiliations. */
  societyIds: string[];
  disciplines: string[];
  available: boolean;
  /** The reviewer's declaration of interest for this program. */
  declaredSocietyIds: string[];
}

export interface ApplicantProfile {
  applicationId: string;
  societyId: string;
  /** How explanations name the society: people read its name, never its internal id. */
  societyName: string;
  supportingUnit: string | null;
  chairEmployer: string | null;
  councilMembers: { personName: string; employer: string | null }[];
  /** expertIds found as members of this society (matched by ID-number hash upstream). */
  memberOfSociety: string[];
  disciplines: string[];
}

export const CONFLICT_REASONS = [
  'society_affiliation',
  'society_member',
  'council_member',
  'supporting_unit',
  'chair_employer',
  'declared',
] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

export const conflictReasonLabels: Record<ConflictReason, Label> = {
  society_affiliation: { zh: '与申报学会有隶属关系', en: 'Affiliated with the society' },
  society_member: { zh: '申报学会会员', en: 'Member of the society' },
  council_member: { zh: '申报学会理事会成员', en: 'On the society’s council' },
  supporting_unit: { zh: '就职于学会挂靠单位', en: 'Works at the supporting unit' },
  chair_employer: { zh: '与学会理事长同一单位', en: 'Works with the society’s chair' },
  declared: { zh: '本人申明回避', en: 'Declared by the reviewer' },
};

export interface Conflict {
  reason: ConflictReason;
  explanation: string;
}

/** The form in which names of people and organisations are compared; '' for none. */
export function normaliseName(value: string | null): string {
  if (value === null) return '';
  return value
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*([()[\]{}])\s*/g, '$1')
    .toLowerCase();
}

function sameName(a: string | null, b: string | null): boolean {
  const na = normaliseName(a);
  return na !== '' && na === normaliseName(b);
}

/** Every reason the reviewer may not score the application, in a fixed order; empty when none. */
export function findConflicts(reviewer: ReviewerProfile, applicant: ApplicantProfile): Conflict[] {
  const conflicts: Conflict[] = [];
  const society = applicant.societyId;
  const named = applicant.societyName;
  if (reviewer.societyIds.includes(society)) {
    conflicts.push({
      reason: 'society_affiliation',
      explanation: `the reviewer's expert record lists an affiliation with the applying society ${named}`,
    });
  }
  if (applicant.memberOfSociety.includes(reviewer.expertId)) {
    conflicts.push({
      reason: 'society_member',
      explanation: `the reviewer is a member of the applying society ${named}`,
    });
  }
  const reviewerKey = personNameKey(reviewer.name);
  const council = applicant.councilMembers.find(
    (m) => reviewerKey !== '' && personNameKey(m.personName) === reviewerKey && sameName(m.employer, reviewer.employer),
  );
  if (council) {
    conflicts.push({
      reason: 'council_member',
      explanation: `the council of ${named} lists ${council.personName} of ${council.employer ?? ''}, the reviewer's name and employer`,
    });
  }
  if (sameName(reviewer.employer, applicant.supportingUnit)) {
    conflicts.push({
      reason: 'supporting_unit',
      explanation: `the reviewer works at ${reviewer.employer ?? ''}, the supporting unit of ${named}`,
    });
  }
  if (sameName(reviewer.employer, applicant.chairEmployer)) {
    conflicts.push({
      reason: 'chair_employer',
      explanation: `the reviewer works at ${reviewer.employer ?? ''}, the employer of the chair of ${named}`,
    });
  }
  if (reviewer.declaredSocietyIds.includes(society)) {
    conflicts.push({
      reason: 'declared',
      explanation: `the reviewer declared an interest in ${named} for this program`,
    });
  }
  return conflicts;
}
