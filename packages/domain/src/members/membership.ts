import { BY_EITHER, defineStateMachine } from '../state-machine';

export const MEMBER_STATUSES = ['applied', 'active', 'rejected', 'lapsed', 'suspended', 'withdrawn'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/**
 * SPEC §2: an application is approved or rejected by the society; an active membership lapses when the
 * year's dues stay unpaid past the grace period, and comes back when they are paid; rejected and
 * withdrawn are final. The register is the society's: its secretariat takes every move, and the
 * Association's staff may take them for it.
 */
export const membershipLifecycle = defineStateMachine<MemberStatus>('applied', {
  applied: { active: BY_EITHER, rejected: BY_EITHER },
  active: { lapsed: BY_EITHER, suspended: BY_EITHER, withdrawn: BY_EITHER },
  lapsed: { active: BY_EITHER, withdrawn: BY_EITHER },
  suspended: { active: BY_EITHER, withdrawn: BY_EITHER },
  rejected: {},
  withdrawn: {},
});

/**
 * How a new member enters the register, whoever records them (one at a time, or by import): as a
 * member in good standing unless recorded as an applicant, having joined on the date given — or today,
 * for someone admitted now; an applicant has not joined yet.
 */
export function newMemberStanding(
  recorded: { status?: 'applied' | 'active' | undefined; joinedOn?: string | null | undefined },
  today: string,
): { status: 'applied' | 'active'; joinedOn: string | null } {
  const status = recorded.status ?? 'active';
  return { status, joinedOn: recorded.joinedOn ?? (status === 'applied' ? null : today) };
}

export const MEMBER_CATEGORIES = ['ordinary', 'senior', 'student', 'honorary'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];

export const TITLE_LEVELS = ['senior', 'associate_senior', 'intermediate', 'junior', 'none'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];

/** Expert pools admit 副高级 (associate senior) titles and above (seeds/001). */
export function qualifiesForExpertPool(title: TitleLevel): boolean {
  return title === 'senior' || title === 'associate_senior';
}

/** Age in whole years on `on` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by = 0, bm = 0, bd = 0] = birthDate.split('-').map(Number);
  const [y = 0, m = 0, d = 0] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** "Youth" in the statistics: under 40 by default (SPEC §2). */
export function isYouth(birthDate: string | null, on: string, limit = 40): boolean {
  return birthDate !== null && ageOn(birthDate, on) < limit;
}

/**
 * The same rule as a birth date to compare with in a query: someone is under `limit` on `on` exactly
 * when born after the returned day (the same month and day, `limit` years earlier).
 */
export function youthBornAfter(on: string, limit = 40): string {
  return `${Number(on.slice(0, 4)) - limit}${on.slice(4)}`;
}

/**
 * Whether an active membership lapses: the year's dues unpaid once the grace period after the year
 * starts has passed.
 */
export function duesLapsed(paidYears: readonly number[], today: string, graceDays: number): boolean {
  const year = Number(today.slice(0, 4));
  if (paidYears.includes(year)) return false;
  // The grace period is the first `graceDays` days of the year, 1 January included.
  const lastGraceDay = new Date(Date.UTC(year, 0, 1) + (graceDays - 1) * 86_400_000).toISOString().slice(0, 10);
  return today > lastGraceDay;
}

/** The Association's expert pools: science and technology (科技专家库) and science popularisation (科普专家库). */
export const EXPERT_POOLS = ['science_technology', 'popularisation'] as const;
export type ExpertPool = (typeof EXPERT_POOLS)[number];
