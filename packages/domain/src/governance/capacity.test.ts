import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, CAPACITY_TIERS, type CapacityInputs, computeCapacity } from './capacity';

const activeReport = {
  fullTimeStaff: 2,
  memberHomeElements: 4,
  individualMembers: 500,
  newIndividualMembers: 40,
  youthMembers: 120,
  academicExchanges: 6,
  academicParticipants: 800,
  popularisationEvents: 12,
  popularisationParticipants: 5000,
  advisoryReports: 3,
  advisoryAdopted: 1,
  brandEvents: 2,
  brandParticipants: 1200,
};

function inputs(overrides: Partial<CapacityInputs> = {}): CapacityInputs {
  return {
    governance: Array(8).fill('pass'),
    partyOrganisation: true,
    secretaryGeneralFullTime: true,
    dormant: false,
    report: activeReport,
    funding: { fundedProjects: 2, completedProjects: 2 },
    pilots: { completed: 1, averageSatisfaction: 90 },
    ...overrides,
  };
}

describe('capacity index worked examples', () => {
  it('scores the documented example: organisation 100, member service 80', () => {
    const index = computeCapacity(inputs());
    expect(index.subScores.organisation).toBe(100);
    expect(index.subScores.member_service).toBe(80);
    expect(index.subScores.service_to_society).toBe(98);
    expect(index.tier).toBe('A');
    const youth = index.contributions.find((c) => c.input === 'youthShare');
    expect(youth).toMatchObject({ value: 24, target: 30, points: 24, maxPoints: 30 });
  });

  it('explains every point: contributions add up to the sub-scores', () => {
    const index = computeCapacity(inputs());
    for (const capability of CAPABILITIES) {
      const sum = index.contributions.filter((c) => c.capability === capability).reduce((s, c) => s + c.points, 0);
      expect(Math.round(sum * 10) / 10).toBeCloseTo(index.subScores[capability], 5);
      const max = index.contributions.filter((c) => c.capability === capability).reduce((s, c) => s + c.maxPoints, 0);
      expect(max).toBe(100);
    }
  });

  it('caps a strong but badly governed society at B', () => {
    const index = computeCapacity(inputs({ governance: [...Array(7).fill('pass'), 'fail'] }));
    expect(index.total).toBeGreaterThanOrEqual(80);
    expect(index.tier).toBe('B');
  });

  it('puts a dormant society in D whatever it reported', () => {
    expect(computeCapacity(inputs({ dormant: true })).tier).toBe('D');
  });

  it('scores a society without a report low', () => {
    const index = computeCapacity(
      inputs({
        report: null,
        funding: { fundedProjects: 0, completedProjects: 0 },
        pilots: { completed: 0, averageSatisfaction: null },
      }),
    );
    expect(index.subScores.academic_exchange).toBe(0);
    expect(index.tier).toBe('D');
  });
});

const reportArb = fc.record({
  fullTimeStaff: fc.nat(10),
  memberHomeElements: fc.nat(5),
  individualMembers: fc.nat(5000),
  newIndividualMembers: fc.nat(5000),
  youthMembers: fc.nat(5000),
  academicExchanges: fc.nat(50),
  academicParticipants: fc.nat(10000),
  popularisationEvents: fc.nat(50),
  popularisationParticipants: fc.nat(50000),
  advisoryReports: fc.nat(20),
  advisoryAdopted: fc.nat(20),
  brandEvents: fc.nat(20),
  brandParticipants: fc.nat(10000),
});
const inputsArb = fc.record({
  governance: fc.array(fc.constantFrom('pass' as const, 'warn' as const, 'fail' as const), {
    minLength: 8,
    maxLength: 8,
  }),
  partyOrganisation: fc.boolean(),
  secretaryGeneralFullTime: fc.boolean(),
  dormant: fc.boolean(),
  report: fc.option(reportArb, { nil: null }),
  funding: fc.record({ fundedProjects: fc.nat(10), completedProjects: fc.nat(10) }),
  pilots: fc.record({
    completed: fc.nat(5),
    averageSatisfaction: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  }),
});

describe('capacity index properties', () => {
  it('keeps every sub-score and the total within 0–100', () => {
    fc.assert(
      fc.property(inputsArb, (i) => {
        const index = computeCapacity(i);
        for (const c of CAPABILITIES) {
          expect(index.subScores[c]).toBeGreaterThanOrEqual(0);
          expect(index.subScores[c]).toBeLessThanOrEqual(100);
        }
        expect(index.total).toBeGreaterThanOrEqual(0);
        expect(index.total).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('never improves the tier when an input worsens', () => {
    const rank = (t: string) => CAPACITY_TIERS.indexOf(t as (typeof CAPACITY_TIERS)[number]);
    fc.assert(
      fc.property(
        inputsArb,
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom('academicExchanges', 'advisoryReports', 'brandEvents', 'popularisationEvents'),
        (i, ruleIndex, field) => {
          const before = computeCapacity(i).tier;
          const governance = [...i.governance];
          governance[ruleIndex] = 'fail';
          const report = i.report ? { ...i.report, [field]: Math.max(0, i.report[field] - 1) } : null;
          const worse = computeCapacity({ ...i, governance, report, partyOrganisation: false }).tier;
          expect(rank(worse)).toBeGreaterThanOrEqual(rank(before));
        },
      ),
    );
  });
});
