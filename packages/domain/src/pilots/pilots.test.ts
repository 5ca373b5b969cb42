import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPilotEligibility,
  DEFAULT_PILOT_FUNCTIONS,
  type EligibilityFacts,
  PILOT_ELIGIBILITY_RULES,
  pilotLifecycle,
  pilotPerformance,
} from './pilots';

const standards = DEFAULT_PILOT_FUNCTIONS.find((f) => f.code === 'group_standards');
if (!standards) throw new Error('group_standards is a default function');

/** A society that meets every rule for 团体标准研制 on 2026-12-02. */
const eligible = (): EligibilityFacts => ({
  today: '2026-12-02',
  societyStatus: 'active',
  inspections: { 2024: 'pass', 2025: 'pass' },
  governance: ['pass', 'warn', 'pass'],
  tier: 'B',
  evaluationGrade: 4,
  evaluationGradeOn: '2023-06-30',
  partyOrganisation: 'joint_branch',
  qualificationsHeld: ['standards_registration'],
  function: standards,
  concurrentPilots: 1,
  maxConcurrentPilots: 3,
});

const failing = (facts: EligibilityFacts) =>
  checkPilotEligibility(facts)
    .checks.filter((c) => !c.passed)
    .map((c) => c.rule);

describe('pilot eligibility', () => {
  it('words its counts in the right number: "1 other pilot", "1 governance rule fails", no "(s)"', () => {
    const explain = (facts: EligibilityFacts, rule: string) =>
      checkPilotEligibility(facts).checks.find((c) => c.rule === rule)?.explanation;
    expect(explain(eligible(), 'concurrent_pilots')).toBe('1 other pilot under way; the maximum is 3.');
    expect(explain({ ...eligible(), governance: ['fail', 'pass'] }, 'governance_sound')).toBe(
      '1 governance rule fails.',
    );
    expect(explain(eligible(), 'qualifications')).toBe('Holds the required qualification: standards_registration.');
  });

  it('passes a society meeting every rule, and lists every rule with an explanation', () => {
    const result = checkPilotEligibility(eligible());
    expect(result.eligible).toBe(true);
    expect(result.checks.map((c) => c.rule)).toEqual([...PILOT_ELIGIBILITY_RULES]);
    for (const check of result.checks) expect(check.explanation.length).toBeGreaterThan(10);
  });

  it('removes eligibility for a basic_pass inspection last year, even with a pass the year before', () => {
    const facts = { ...eligible(), inspections: { 2024: 'pass', 2025: 'basic_pass' } as const };
    expect(failing(facts)).toEqual(['inspections_passed']);
    expect(checkPilotEligibility(facts).checks[1]?.explanation).toContain('2025: basic_pass');
    // Two years are required: a missing year before last also fails.
    expect(failing({ ...eligible(), inspections: { 2025: 'pass' } })).toEqual(['inspections_passed']);
  });

  it('accepts a grade of exactly 3A and refuses 2A, or a grade older than five years', () => {
    expect(failing({ ...eligible(), evaluationGrade: 3 })).toEqual([]);
    expect(failing({ ...eligible(), evaluationGrade: 2 })).toEqual(['evaluation_grade']);
    expect(failing({ ...eligible(), evaluationGradeOn: '2021-12-02' })).toEqual(['evaluation_grade']);
    expect(failing({ ...eligible(), evaluationGradeOn: '2021-12-03' })).toEqual([]);
    // A function without the grade requirement takes a society without a grade.
    const consulting = DEFAULT_PILOT_FUNCTIONS.find((f) => f.code === 'decision_consulting');
    if (!consulting) throw new Error('decision_consulting is a default function');
    expect(failing({ ...eligible(), function: consulting, evaluationGrade: null, evaluationGradeOn: null })).toEqual(
      [],
    );
  });

  it('refuses once the concurrent-pilot maximum is reached, not one before', () => {
    expect(failing({ ...eligible(), concurrentPilots: 2 })).toEqual([]);
    expect(failing({ ...eligible(), concurrentPilots: 3 })).toEqual(['concurrent_pilots']);
  });

  it('needs an active society, sound governance, tier A or B, a party organisation and the qualifications', () => {
    expect(
      failing({
        ...eligible(),
        societyStatus: 'dormant',
        governance: ['fail', 'pass'],
        tier: 'C',
        partyOrganisation: 'none',
        qualificationsHeld: [],
      }),
    ).toEqual(['society_active', 'governance_sound', 'capacity_tier', 'party_organisation', 'qualifications']);
    expect(failing({ ...eligible(), tier: null })).toEqual(['capacity_tier']);
  });

  it('is eligible exactly when no check fails, whatever the facts', () => {
    const facts = fc.record({
      societyStatus: fc.constantFrom('preparing', 'active', 'dormant', 'disqualified', 'deregistered' as const),
      first: fc.constantFrom('pass', 'basic_pass', 'fail', 'absent' as const),
      last: fc.constantFrom('pass', 'basic_pass', 'fail', 'absent' as const),
      tier: fc.constantFrom('A', 'B', 'C', 'D', null),
      grade: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      concurrent: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const result = checkPilotEligibility({
          ...eligible(),
          societyStatus: f.societyStatus,
          inspections: { 2024: f.first, 2025: f.last },
          tier: f.tier,
          evaluationGrade: f.grade,
          concurrentPilots: f.concurrent,
        });
        expect(result.eligible).toBe(result.checks.every((c) => c.passed));
        if (f.last !== 'pass') expect(result.eligible).toBe(false);
      }),
    );
  });
});

describe('the pilot lifecycle', () => {
  it('goes from proposal to completion only through review, approval and acceptance', () => {
    expect(pilotLifecycle.allowedFrom('proposed')).toEqual(['eligibility_review', 'terminated']);
    expect(pilotLifecycle.canTransition('proposed', 'approved')).toBe(false);
    expect(pilotLifecycle.canTransition('in_progress', 'completed')).toBe(false);
    expect(pilotLifecycle.canTransition('acceptance', 'completed')).toBe(true);
    expect(pilotLifecycle.isFinal('rejected')).toBe(true);
    expect(pilotLifecycle.isFinal('completed')).toBe(true);
  });
});

describe('pilot performance', () => {
  it('counts milestones kept on time among those due, and rates with the department’s satisfaction', () => {
    const milestones = [
      { dueOn: '2026-03-31', doneOn: '2026-03-30' },
      { dueOn: '2026-06-30', doneOn: '2026-07-10' },
      { dueOn: '2026-09-30', doneOn: '2026-09-30' },
      { dueOn: '2027-03-31', doneOn: null },
    ];
    const result = pilotPerformance(milestones, 92, '2026-12-02');
    expect(result).toMatchObject({ milestonesDue: 3, onTime: 2, onTimeRate: 0.667, satisfaction: 92 });
    expect(result.score).toBeCloseTo((66.7 + 92) / 2, 0);
    expect(result.rating).toBe('good');
    expect(pilotPerformance([], null, '2026-12-02')).toMatchObject({ onTimeRate: null, score: null, rating: null });
    // A milestone done early counts even before it falls due.
    expect(pilotPerformance([{ dueOn: '2027-01-31', doneOn: '2026-11-01' }], null, '2026-12-02').onTimeRate).toBe(1);
  });

  it('keeps the rate within 0–1 and the score within 0–100', () => {
    const day = fc
      .integer({ min: 0, max: 700 })
      .map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(fc.record({ dueOn: day, doneOn: fc.option(day, { nil: null }) }), { maxLength: 12 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        day,
        (milestones, satisfaction, today) => {
          const p = pilotPerformance(milestones, satisfaction, today);
          if (p.onTimeRate !== null) expect(p.onTimeRate).toBeGreaterThanOrEqual(0);
          if (p.onTimeRate !== null) expect(p.onTimeRate).toBeLessThanOrEqual(1);
          if (p.score !== null) expect(p.score).toBeGreaterThanOrEqual(0);
          if (p.score !== null) expect(p.score).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});
