/**
 * The annual report (年度报告) a society files for the previous year, and the annual inspection (年检)
 * the Association's staff record on it (SPEC §1).
 */
import { BY_ASSOCIATION, BY_EITHER, BY_SOCIETY, defineStateMachine } from '../state-machine';

export const ANNUAL_REPORT_STATUSES = ['draft', 'submitted', 'returned'] as const;
export type AnnualReportStatus = (typeof ANNUAL_REPORT_STATUSES)[number];

/**
 * A society (or the staff for it) files its report (draft → submitted, by saving it with `submit`); the Association's staff
 * may send a filed report back for correction (退回修改, issue 21) with what to fix and a deadline, and
 * the society corrects it and files it again (returned → submitted). A returned report counts as not
 * filed: the inspection can record only 未参检 (absent) for it. Past its deadline it stays returned and
 * the society can no longer file it again on its own; the inspection then records it as not filed.
 */
export const annualReportLifecycle = defineStateMachine<AnnualReportStatus>('draft', {
  draft: { submitted: BY_EITHER },
  submitted: { returned: BY_ASSOCIATION },
  returned: { submitted: BY_SOCIETY },
});

export interface AnnualReportContent {
  members: {
    individual: number;
    institutional: number;
    /** Joined during the year; part of `individual`. */
    newIndividual: number;
    /** Students; part of `individual`. */
    student: number;
    /** Under 40; part of `individual`. */
    youth: number;
  };
  activities: {
    academicExchanges: number;
    academicParticipants: number;
    popularisationEvents: number;
    popularisationParticipants: number;
    advisoryReports: number;
    /** Of the advisory reports, those adopted or endorsed by government. */
    advisoryAdopted: number;
    brandEvents: number;
    brandParticipants: number;
  };
  finances: {
    incomeDuesFen: number;
    incomeGovernmentFen: number;
    incomeServicesFen: number;
    incomeDonationsFen: number;
    incomeOtherFen: number;
    /** Must equal the sum of the income lines. */
    incomeTotalFen: number;
    expenditureFen: number;
  };
  staff: { fullTime: number; partTime: number };
  /** The "member home" standard (会员之家): each element met or not. */
  memberHome: { fixedPlace: boolean; facilities: boolean; staff: boolean; funding: boolean; rules: boolean };
}

export interface ReportIssue {
  /** Dotted path inside the report content, e.g. `members.newIndividual`. */
  field: string;
  code: string;
  message: string;
}

const MAX_COUNT = 10_000_000;
const MAX_FEN = 100_000_000_000_00; // 100 billion yuan: far beyond any society; guards against typos in fen

/**
 * Checks that a report is consistent with itself. Every problem is returned at once, each naming its
 * field, so the form can mark all of them.
 */
export function checkAnnualReport(report: AnnualReportContent): ReportIssue[] {
  const issues: ReportIssue[] = [];
  const counts: [string, number][] = [
    ...Object.entries(report.members).map(([k, v]): [string, number] => [`members.${k}`, v]),
    ...Object.entries(report.activities).map(([k, v]): [string, number] => [`activities.${k}`, v]),
    ...Object.entries(report.staff).map(([k, v]): [string, number] => [`staff.${k}`, v]),
  ];
  for (const [field, value] of counts) {
    if (!Number.isInteger(value) || value < 0 || value > MAX_COUNT) {
      issues.push({ field, code: 'invalid_count', message: 'A count is a whole number from 0.' });
    }
  }
  for (const [key, value] of Object.entries(report.finances)) {
    if (!Number.isInteger(value) || value < 0 || value > MAX_FEN) {
      issues.push({
        field: `finances.${key}`,
        code: 'invalid_amount',
        message: 'An amount is a whole number of fen from 0.',
      });
    }
  }
  const m = report.members;
  for (const part of ['newIndividual', 'student', 'youth'] as const) {
    if (m[part] > m.individual) {
      issues.push({
        field: `members.${part}`,
        code: 'exceeds_total',
        message: `Cannot exceed the ${m.individual} individual members.`,
      });
    }
  }
  const a = report.activities;
  if (a.advisoryAdopted > a.advisoryReports) {
    issues.push({
      field: 'activities.advisoryAdopted',
      code: 'exceeds_total',
      message: `Cannot exceed the ${a.advisoryReports} advisory reports.`,
    });
  }
  const pairs = [
    ['academicExchanges', 'academicParticipants'],
    ['popularisationEvents', 'popularisationParticipants'],
    ['brandEvents', 'brandParticipants'],
  ] as const;
  for (const [events, participants] of pairs) {
    if (a[events] === 0 && a[participants] > 0) {
      issues.push({
        field: `activities.${participants}`,
        code: 'participants_without_events',
        message: 'Participants are reported but no events.',
      });
    }
  }
  const f = report.finances;
  const lines = f.incomeDuesFen + f.incomeGovernmentFen + f.incomeServicesFen + f.incomeDonationsFen + f.incomeOtherFen;
  if (lines !== f.incomeTotalFen) {
    issues.push({
      field: 'finances.incomeTotalFen',
      code: 'sum_mismatch',
      message: `The income lines add up to ${lines} fen, not ${f.incomeTotalFen}.`,
    });
  }
  return issues;
}

export const INSPECTION_RESULTS = ['pass', 'basic_pass', 'fail', 'absent'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** The report for `year` is due by this date (31 March of the following year unless configured). */
export function annualReportDueOn(year: number, dueMonthDay = '03-31'): string {
  return `${year + 1}-${dueMonthDay}`;
}

/** How many of the five "member home" elements a report meets. */
export function memberHomeScore(report: AnnualReportContent): number {
  return Object.values(report.memberHome).filter(Boolean).length;
}
