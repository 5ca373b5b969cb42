/**
 * Automatic reviewer assignment (SPEC §3): each application is filled up to the program's number of
 * reviewers with active assignments (`assigned` or `submitted`). A reviewer is eligible for an
 * application when they are available, have no conflict of interest with it (see conflicts.ts), and
 * have not been paired with it before — a declined or recused pair is never re-used, and an active pair
 * is already counted.
 *
 * Among the eligible, the choice prefers a discipline match, then the lowest current load (active
 * assignments in this program, plus the new ones made so far, plus `loads` from other programs), then
 * the smaller expert id, so the result is reproducible. Applications are filled in order of fewest
 * eligible reviewers first (then by id), so the hardest to staff are not left with nobody. When everyone
 * is eligible for everything and disciplines do not differ, loads never differ by more than one.
 * Whatever cannot be filled is reported as a shortfall with the counts that explain it.
 *
 * Worked example (see assignment.test.ts): two applications, five reviewers, three per application,
 * reviewer e1 conflicted with application a1: a1 (4 eligible) is filled first with e2, e3, e4; a2 then
 * takes e1 and e5 (load 0) and e2 (load 1, smallest id), leaving loads 1, 2, 1, 1, 1.
 */
import { type ApplicantProfile, findConflicts, type ReviewerProfile } from './conflicts';

/** The fewest reviewers an application may have (SPEC §3), and the floor of a program's setting. */
export const MINIMUM_REVIEWERS = 3;

/**
 * How many reviews an application needs: the program's number of reviewers per application, and
 * never fewer than MINIMUM_REVIEWERS even if a program was misconfigured below it.
 */
export function reviewQuorum(perApplication: number): number {
  return Math.max(perApplication, MINIMUM_REVIEWERS);
}

/**
 * Whether an application has its quorum. Counted on submitted reviews, review may close (the
 * program's gate into deciding and the assignment board say the same); counted on active
 * assignments, it is fully staffed.
 */
export function quorumMet(count: number, perApplication: number): boolean {
  return count >= reviewQuorum(perApplication);
}

export const ASSIGNMENT_STATUSES = ['assigned', 'declined', 'submitted', 'recused'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** Assigned and submitted count towards the quorum; declined and recused do not. */
export function isActiveAssignment(status: AssignmentStatus): boolean {
  return status === 'assigned' || status === 'submitted';
}

export interface ExistingAssignment {
  applicationId: string;
  expertId: string;
  status: AssignmentStatus;
}

export interface AssignmentInput {
  applications: ApplicantProfile[];
  reviewers: ReviewerProfile[];
  perApplication: number;
  existing: ExistingAssignment[];
  /** Other programs' open assignments, by expert id. */
  loads?: Record<string, number>;
}

export interface NewAssignment {
  applicationId: string;
  expertId: string;
  disciplineMatch: boolean;
}

export interface Shortfall {
  applicationId: string;
  /** The number of active reviewers the application should have. */
  needed: number;
  /** The number it has after this assignment. */
  assigned: number;
  reason: string;
}

export interface AssignmentResult {
  assignments: NewAssignment[];
  shortfalls: Shortfall[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Whether a reviewer's disciplines meet the application's (its own, and its society's): the one test
 * for automatic and manual assignment alike, so the same pair is shown the same way however assigned.
 */
export function disciplineMatch(
  reviewer: Pick<ReviewerProfile, 'disciplines'>,
  applicant: Pick<ApplicantProfile, 'disciplines'>,
): boolean {
  return reviewer.disciplines.some((d) => applicant.disciplines.includes(d));
}

/** New assignments that bring every application up to `perApplication` where the pool allows. */
export function assignReviewers(input: AssignmentInput): AssignmentResult {
  const reviewers = [...input.reviewers].sort((a, b) => byId(a.expertId, b.expertId));
  const load = new Map<string, number>();
  for (const r of reviewers) load.set(r.expertId, input.loads?.[r.expertId] ?? 0);
  const paired = new Set<string>();
  const active = new Map<string, number>();
  const pairKey = (applicationId: string, expertId: string) => JSON.stringify([applicationId, expertId]);
  for (const e of input.existing) {
    paired.add(pairKey(e.applicationId, e.expertId));
    if (isActiveAssignment(e.status)) {
      active.set(e.applicationId, (active.get(e.applicationId) ?? 0) + 1);
      load.set(e.expertId, (load.get(e.expertId) ?? 0) + 1);
    }
  }

  const plans = input.applications.map((application) => {
    let unavailable = 0;
    let conflicted = 0;
    let pairedBefore = 0;
    const eligible: ReviewerProfile[] = [];
    for (const r of reviewers) {
      if (paired.has(pairKey(application.applicationId, r.expertId))) pairedBefore += 1;
      else if (!r.available) unavailable += 1;
      else if (findConflicts(r, application).length > 0) conflicted += 1;
      else eligible.push(r);
    }
    return { application, eligible, unavailable, conflicted, pairedBefore };
  });
  plans.sort(
    (a, b) => a.eligible.length - b.eligible.length || byId(a.application.applicationId, b.application.applicationId),
  );

  const assignments: NewAssignment[] = [];
  const shortfalls: Shortfall[] = [];
  const filled = new Set<string>();
  for (const plan of plans) {
    const id = plan.application.applicationId;
    // The same application listed twice is filled once.
    if (filled.has(id)) continue;
    filled.add(id);
    const already = active.get(id) ?? 0;
    const missing = Math.max(0, input.perApplication - already);
    const ranked = plan.eligible
      .map((r) => ({ reviewer: r, match: disciplineMatch(r, plan.application) }))
      .sort(
        (a, b) =>
          Number(b.match) - Number(a.match) ||
          (load.get(a.reviewer.expertId) ?? 0) - (load.get(b.reviewer.expertId) ?? 0) ||
          byId(a.reviewer.expertId, b.reviewer.expertId),
      );
    const chosen = ranked.slice(0, missing);
    for (const { reviewer, match } of chosen) {
      assignments.push({ applicationId: id, expertId: reviewer.expertId, disciplineMatch: match });
      load.set(reviewer.expertId, (load.get(reviewer.expertId) ?? 0) + 1);
    }
    const now = already + chosen.length;
    if (now < input.perApplication) {
      shortfalls.push({
        applicationId: id,
        needed: input.perApplication,
        assigned: now,
        reason:
          `${now} of ${input.perApplication} reviewers: ${already} already active, ${chosen.length} newly assigned; ` +
          `of ${reviewers.length} reviewers, ${plan.conflicted} are in conflict, ${plan.unavailable} unavailable ` +
          `and ${plan.pairedBefore} already paired with it (active, declined or recused), ` +
          `leaving ${plan.eligible.length} eligible`,
      });
    }
  }
  return { assignments, shortfalls };
}
