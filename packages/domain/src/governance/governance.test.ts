import { describe, expect, it } from 'vitest';
import { type AnnualReportContent, annualReportDueOn, checkAnnualReport } from './annual-report';
import { assessDisqualification } from './disqualification';

const report: AnnualReportContent = {
  members: { individual: 420, institutional: 15, newIndividual: 36, student: 40, youth: 110 },
  activities: {
    academicExchanges: 5,
    academicParticipants: 640,
    popularisationEvents: 8,
    popularisationParticipants: 2100,
    advisoryReports: 2,
    advisoryAdopted: 1,
    brandEvents: 1,
    brandParticipants: 300,
  },
  finances: {
    incomeDuesFen: 12_000_00,
    incomeGovernmentFen: 50_000_00,
    incomeServicesFen: 8_000_00,
    incomeDonationsFen: 0,
    incomeOtherFen: 500_00,
    incomeTotalFen: 70_500_00,
    expenditureFen: 66_000_00,
  },
  staff: { fullTime: 2, partTime: 3 },
  memberHome: { fixedPlace: true, facilities: true, staff: true, funding: false, rules: true },
};

describe('annual report consistency', () => {
  it('accepts a consistent report', () => {
    expect(checkAnnualReport(report)).toEqual([]);
  });

  it('names each contradiction: new members above the total, income lines that do not add up, a negative count', () => {
    const bad: AnnualReportContent = {
      ...report,
      members: { ...report.members, newIndividual: 500 },
      finances: { ...report.finances, incomeTotalFen: 70_000_00 },
      staff: { fullTime: -1, partTime: 0 },
    };
    const issues = checkAnnualReport(bad);
    expect(issues.map((i) => `${i.field}:${i.code}`).sort()).toEqual([
      'finances.incomeTotalFen:sum_mismatch',
      'members.newIndividual:exceeds_total',
      'staff.fullTime:invalid_count',
    ]);
    expect(issues.find((i) => i.code === 'sum_mismatch')?.message).toBe(
      'The income lines add up to 7050000 fen, not 7000000.',
    );
  });

  it('is due on 31 March of the following year unless configured', () => {
    expect(annualReportDueOn(2025)).toBe('2026-03-31');
    expect(annualReportDueOn(2025, '04-30')).toBe('2026-04-30');
  });
});

describe('the disqualification list (能上能下)', () => {
  const base = { dormantSince: null, today: '2026-11-22', lastInspectionYear: 2025 };

  it('lists a society absent or failing two consecutive years, with the evidence', () => {
    const result = assessDisqualification({ ...base, inspections: { 2024: 'absent', 2025: 'fail' } });
    expect(result.level).toBe('candidate');
    expect(result.evidence.map((e) => e.messageZh)).toEqual(['2024 年度年检未参检。', '2025 年度年检不合格。']);
  });

  it('warns after one such year', () => {
    expect(assessDisqualification({ ...base, inspections: { 2024: 'pass', 2025: 'absent' } }).level).toBe('warning');
    expect(assessDisqualification({ ...base, inspections: { 2024: 'fail' } }).level).toBe('warning');
  });

  it('clears a bad year once a later inspection passes', () => {
    expect(assessDisqualification({ ...base, inspections: { 2024: 'fail', 2025: 'basic_pass' } }).level).toBe('none');
  });

  it('lists a society dormant for a full year, and warns before that', () => {
    expect(assessDisqualification({ ...base, inspections: {}, dormantSince: '2025-11-22' }).level).toBe('candidate');
    expect(assessDisqualification({ ...base, inspections: {}, dormantSince: '2025-11-24' }).level).toBe('warning');
  });
});
