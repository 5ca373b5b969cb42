import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssignmentInput, assignReviewers, MINIMUM_REVIEWERS, quorumMet, reviewQuorum } from './assignment';
import { type ApplicantProfile, findConflicts, type ReviewerProfile } from './conflicts';

const reviewer = (expertId: string, overrides: Partial<ReviewerProfile> = {}): ReviewerProfile => ({
  expertId,
  name: `专家${expertId}`,
  employer: `单位${expertId}`,
  societyIds: [],
  disciplines: [],
  available: true,
  declaredSocietyIds: [],
  ...overrides,
});

const application = (applicationId: string, overrides: Partial<ApplicantProfile> = {}): ApplicantProfile => ({
  applicationId,
  societyId: `soc-${applicationId}`,
  societyName: `学会 ${applicationId}`,
  supportingUnit: null,
  chairEmployer: null,
  councilMembers: [],
  memberOfSociety: [],
  disciplines: [],
  ...overrides,
});

const loadsOf = (assignments: { expertId: string }[]) => {
  const loads = new Map<string, number>();
  for (const a of assignments) loads.set(a.expertId, (loads.get(a.expertId) ?? 0) + 1);
  return loads;
};

describe('quorum', () => {
  it('needs the program’s number of active reviewers, never fewer than three', () => {
    expect(MINIMUM_REVIEWERS).toBe(3);
    expect(quorumMet(5, 5)).toBe(true);
    expect(quorumMet(4, 5)).toBe(false);
    expect(quorumMet(2, 2)).toBe(false);
    expect(quorumMet(3, 2)).toBe(true);
    // The program's own number is the quorum: 3 of 4 is one short, whatever the floor.
    expect(reviewQuorum(4)).toBe(4);
    expect(quorumMet(3, 4)).toBe(false);
    expect(quorumMet(4, 4)).toBe(true);
    expect(reviewQuorum(1)).toBe(MINIMUM_REVIEWERS);
  });
});

describe('assignReviewers worked examples', () => {
  it('fills the hardest application first and balances the load', () => {
    // e1 is a member of a1's society; a1 has 4 eligible reviewers, a2 has 5.
    const result = assignReviewers({
      applications: [application('a2'), application('a1', { memberOfSociety: ['e1'] })],
      reviewers: ['e5', 'e4', 'e3', 'e2', 'e1'].map((id) => reviewer(id)),
      perApplication: 3,
      existing: [],
    });
    expect(result.assignments.map((a) => [a.applicationId, a.expertId])).toEqual([
      ['a1', 'e2'],
      ['a1', 'e3'],
      ['a1', 'e4'],
      ['a2', 'e1'],
      ['a2', 'e5'],
      ['a2', 'e2'],
    ]);
    expect(Object.fromEntries(loadsOf(result.assignments))).toEqual({ e1: 1, e2: 2, e3: 1, e4: 1, e5: 1 });
    expect(result.shortfalls).toEqual([]);
  });

  it('prefers a discipline match over a lighter load', () => {
    const result = assignReviewers({
      applications: [application('a1', { disciplines: ['medicine'] })],
      reviewers: [reviewer('e1'), reviewer('e2'), reviewer('e3', { disciplines: ['medicine', 'engineering'] })],
      perApplication: 1,
      existing: [],
      loads: { e3: 10 },
    });
    expect(result.assignments).toEqual([{ applicationId: 'a1', expertId: 'e3', disciplineMatch: true }]);
  });

  it('counts loads from other programs and this program’s active assignments', () => {
    const result = assignReviewers({
      applications: [application('a1'), application('a2')],
      reviewers: ['e1', 'e2', 'e3', 'e4'].map((id) => reviewer(id)),
      perApplication: 1,
      existing: [{ applicationId: 'a9', expertId: 'e1', status: 'assigned' }],
      loads: { e2: 1, e3: 2 },
    });
    // Loads e1 1, e2 1, e3 2, e4 0: a1 takes e4; then e1, e2 and e4 all have 1 and e1 wins on id.
    expect(result.assignments.map((a) => [a.applicationId, a.expertId])).toEqual([
      ['a1', 'e4'],
      ['a2', 'e1'],
    ]);
  });

  it('tops up after a decline without re-using the pair, and reports the shortfall with its causes', () => {
    const input: AssignmentInput = {
      applications: [application('a1', { supportingUnit: '济宁医学院' })],
      reviewers: [
        reviewer('e1'),
        reviewer('e2'),
        reviewer('e3'),
        reviewer('e4', { available: false }),
        reviewer('e5', { employer: '济宁医学院' }),
        reviewer('e6'),
      ],
      perApplication: 5,
      existing: [
        { applicationId: 'a1', expertId: 'e1', status: 'submitted' },
        { applicationId: 'a1', expertId: 'e2', status: 'declined' },
        { applicationId: 'a1', expertId: 'e3', status: 'assigned' },
      ],
    };
    const result = assignReviewers(input);
    expect(result.assignments.map((a) => a.expertId)).toEqual(['e6']);
    expect(result.shortfalls).toEqual([
      {
        applicationId: 'a1',
        needed: 5,
        assigned: 3,
        reason:
          '3 of 5 reviewers: 2 already active, 1 newly assigned; of 6 reviewers, 1 are in conflict, 1 unavailable and 3 already paired with it (active, declined or recused), leaving 1 eligible',
      },
    ]);
  });

  it('assigns nothing to an application that already has its quorum', () => {
    const result = assignReviewers({
      applications: [application('a1')],
      reviewers: ['e1', 'e2', 'e3', 'e4'].map((id) => reviewer(id)),
      perApplication: 3,
      existing: ['e1', 'e2', 'e3'].map((expertId) => ({ applicationId: 'a1', expertId, status: 'assigned' as const })),
    });
    expect(result).toEqual({ assignments: [], shortfalls: [] });
  });
});

describe('assignReviewers properties', () => {
  const DISCIPLINES = ['science', 'engineering', 'medicine'];
  const UNITS = ['济宁医学院', '山东大学', '曲阜师范大学', null];
  const reviewersArb = fc
    .uniqueArray(
      fc.record({
        expertId: fc.integer({ min: 1, max: 40 }).map((n) => `e${String(n).padStart(2, '0')}`),
        employer: fc.constantFrom(...UNITS),
        societyIds: fc.subarray(['s1', 's2', 's3']),
        declaredSocietyIds: fc.subarray(['s1', 's2', 's3']),
        disciplines: fc.subarray(DISCIPLINES),
        available: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
      }),
      { selector: (r) => r.expertId, minLength: 1, maxLength: 15 },
    )
    .map((list) => list.map((r) => reviewer(r.expertId, r)));
  const applicationsArb = fc
    .uniqueArray(
      fc.record({
        applicationId: fc.integer({ min: 1, max: 30 }).map((n) => `a${n}`),
        societyId: fc.constantFrom('s1', 's2', 's3', 's4'),
        supportingUnit: fc.constantFrom(...UNITS),
        chairEmployer: fc.constantFrom(...UNITS),
        memberOfSociety: fc.subarray(['e01', 'e02', 'e03', 'e04']),
        disciplines: fc.subarray(DISCIPLINES),
      }),
      { selector: (a) => a.applicationId, maxLength: 10 },
    )
    .map((list) => list.map((a) => application(a.applicationId, a)));
  const inputArb = fc
    .record({
      applications: applicationsArb,
      reviewers: reviewersArb,
      perApplication: fc.integer({ min: 3, max: 6 }),
      existingRaw: fc.array(
        fc.record({
          a: fc.nat(),
          e: fc.nat(),
          status: fc.constantFrom('assigned' as const, 'declined' as const, 'submitted' as const, 'recused' as const),
        }),
        { maxLength: 10 },
      ),
    })
    .map(({ existingRaw, ...rest }): AssignmentInput => {
      const existing: AssignmentInput['existing'] = [];
      const seen = new Set<string>();
      for (const { a, e, status } of existingRaw) {
        const app = rest.applications[a % Math.max(1, rest.applications.length)];
        const rev = rest.reviewers[e % rest.reviewers.length];
        if (!app || !rev || seen.has(`${app.applicationId}/${rev.expertId}`)) continue;
        seen.add(`${app.applicationId}/${rev.expertId}`);
        existing.push({ applicationId: app.applicationId, expertId: rev.expertId, status });
      }
      return { ...rest, existing };
    });

  it('never assigns a conflicted, unavailable or previously paired reviewer, nor a pair twice, nor beyond the quorum', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { assignments } = assignReviewers(input);
        const pairs = assignments.map((a) => `${a.applicationId}/${a.expertId}`);
        expect(new Set(pairs).size).toBe(pairs.length);
        for (const a of assignments) {
          const app = input.applications.find((x) => x.applicationId === a.applicationId);
          const rev = input.reviewers.find((x) => x.expertId === a.expertId);
          if (!app || !rev) throw new Error('assigned an unknown application or reviewer');
          expect(findConflicts(rev, app)).toEqual([]);
          expect(rev.available).toBe(true);
          expect(input.existing.some((e) => e.applicationId === a.applicationId && e.expertId === a.expertId)).toBe(
            false,
          );
          expect(a.disciplineMatch).toBe(rev.disciplines.some((d) => app.disciplines.includes(d)));
        }
        for (const app of input.applications) {
          const already = input.existing.filter(
            (e) => e.applicationId === app.applicationId && (e.status === 'assigned' || e.status === 'submitted'),
          ).length;
          const added = assignments.filter((a) => a.applicationId === app.applicationId).length;
          expect(added).toBeLessThanOrEqual(Math.max(0, input.perApplication - already));
        }
        expect(assignReviewers(structuredClone(input))).toEqual(assignReviewers(input));
      }),
    );
  });

  it('reaches the quorum wherever enough eligible reviewers exist, and reports the rest', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { assignments, shortfalls } = assignReviewers(input);
        for (const app of input.applications) {
          const paired = new Set(
            input.existing.filter((e) => e.applicationId === app.applicationId).map((e) => e.expertId),
          );
          const eligible = input.reviewers.filter(
            (r) => r.available && !paired.has(r.expertId) && findConflicts(r, app).length === 0,
          ).length;
          const already = input.existing.filter(
            (e) => e.applicationId === app.applicationId && (e.status === 'assigned' || e.status === 'submitted'),
          ).length;
          const now = already + assignments.filter((a) => a.applicationId === app.applicationId).length;
          const shortfall = shortfalls.find((s) => s.applicationId === app.applicationId);
          if (already + eligible >= input.perApplication) {
            expect(now).toBeGreaterThanOrEqual(input.perApplication);
            expect(shortfall).toBeUndefined();
          } else {
            expect(now).toBe(already + eligible);
            expect(shortfall).toMatchObject({ needed: input.perApplication, assigned: now });
          }
        }
      }),
    );
  });

  it('keeps loads within one of each other when everyone is eligible for everything', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 3, max: 12 }),
        fc.integer({ min: 3, max: 6 }),
        (applicationCount, reviewerCount, perApplication) => {
          const applications = Array.from({ length: applicationCount }, (_, i) => application(`a${i}`));
          const reviewers = Array.from({ length: reviewerCount }, (_, i) => reviewer(`e${i}`));
          const { assignments } = assignReviewers({ applications, reviewers, perApplication, existing: [] });
          const loads = reviewers.map((r) => loadsOf(assignments).get(r.expertId) ?? 0);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
          expect(assignments).toHaveLength(applicationCount * Math.min(perApplication, reviewerCount));
        },
      ),
    );
  });
});
