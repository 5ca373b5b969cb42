import { yuanToFen } from '@society-hub/domain';
import type { AnnualReportContent } from '../api/types';

/** The form speaks yuan with two decimals; the API speaks integer fen. Blank counts stay NaN so the checks flag them. */
export interface ReportFormValues {
  members: Record<keyof AnnualReportContent['members'], number | null>;
  activities: Record<keyof AnnualReportContent['activities'], number | null>;
  finances: Record<keyof AnnualReportContent['finances'], number | null>;
  staff: Record<keyof AnnualReportContent['staff'], number | null>;
  memberHome: AnnualReportContent['memberHome'];
}

export const MEMBER_FIELDS = ['individual', 'institutional', 'newIndividual', 'student', 'youth'] as const;
export const ACTIVITY_FIELDS = [
  'academicExchanges',
  'academicParticipants',
  'popularisationEvents',
  'popularisationParticipants',
  'advisoryReports',
  'advisoryAdopted',
  'brandEvents',
  'brandParticipants',
] as const;
export const INCOME_FIELDS = [
  'incomeDuesFen',
  'incomeGovernmentFen',
  'incomeServicesFen',
  'incomeDonationsFen',
  'incomeOtherFen',
] as const;
export const FINANCE_FIELDS = [...INCOME_FIELDS, 'incomeTotalFen', 'expenditureFen'] as const;
export const STAFF_FIELDS = ['fullTime', 'partTime'] as const;
export const MEMBER_HOME_FIELDS = ['fixedPlace', 'facilities', 'staff', 'funding', 'rules'] as const;

const count = (value: number | null | undefined): number => (typeof value === 'number' ? value : Number.NaN);

type Section<K extends string> = Partial<Record<K, number | null>> | undefined;

export function toContent(values: Partial<ReportFormValues>): AnnualReportContent {
  const m: Section<(typeof MEMBER_FIELDS)[number]> = values.members;
  const a: Section<(typeof ACTIVITY_FIELDS)[number]> = values.activities;
  const f: Section<(typeof FINANCE_FIELDS)[number]> = values.finances;
  const s: Section<(typeof STAFF_FIELDS)[number]> = values.staff;
  const home = values.memberHome;
  return {
    members: {
      individual: count(m?.individual),
      institutional: count(m?.institutional),
      newIndividual: count(m?.newIndividual),
      student: count(m?.student),
      youth: count(m?.youth),
    },
    activities: {
      academicExchanges: count(a?.academicExchanges),
      academicParticipants: count(a?.academicParticipants),
      popularisationEvents: count(a?.popularisationEvents),
      popularisationParticipants: count(a?.popularisationParticipants),
      advisoryReports: count(a?.advisoryReports),
      advisoryAdopted: count(a?.advisoryAdopted),
      brandEvents: count(a?.brandEvents),
      brandParticipants: count(a?.brandParticipants),
    },
    finances: {
      incomeDuesFen: yuanToFen(f?.incomeDuesFen),
      incomeGovernmentFen: yuanToFen(f?.incomeGovernmentFen),
      incomeServicesFen: yuanToFen(f?.incomeServicesFen),
      incomeDonationsFen: yuanToFen(f?.incomeDonationsFen),
      incomeOtherFen: yuanToFen(f?.incomeOtherFen),
      incomeTotalFen: yuanToFen(f?.incomeTotalFen),
      expenditureFen: yuanToFen(f?.expenditureFen),
    },
    staff: { fullTime: count(s?.fullTime), partTime: count(s?.partTime) },
    memberHome: {
      fixedPlace: home?.fixedPlace ?? false,
      facilities: home?.facilities ?? false,
      staff: home?.staff ?? false,
      funding: home?.funding ?? false,
      rules: home?.rules ?? false,
    },
  };
}

export function toFormValues(content: AnnualReportContent): ReportFormValues {
  const f = content.finances;
  return {
    members: { ...content.members },
    activities: { ...content.activities },
    finances: {
      incomeDuesFen: f.incomeDuesFen / 100,
      incomeGovernmentFen: f.incomeGovernmentFen / 100,
      incomeServicesFen: f.incomeServicesFen / 100,
      incomeDonationsFen: f.incomeDonationsFen / 100,
      incomeOtherFen: f.incomeOtherFen / 100,
      incomeTotalFen: f.incomeTotalFen / 100,
      expenditureFen: f.expenditureFen / 100,
    },
    staff: { ...content.staff },
    memberHome: { ...content.memberHome },
  };
}

export function emptyFormValues(): ReportFormValues {
  return toFormValues({
    members: { individual: 0, institutional: 0, newIndividual: 0, student: 0, youth: 0 },
    activities: {
      academicExchanges: 0,
      academicParticipants: 0,
      popularisationEvents: 0,
      popularisationParticipants: 0,
      advisoryReports: 0,
      advisoryAdopted: 0,
      brandEvents: 0,
      brandParticipants: 0,
    },
    finances: {
      incomeDuesFen: 0,
      incomeGovernmentFen: 0,
      incomeServicesFen: 0,
      incomeDonationsFen: 0,
      incomeOtherFen: 0,
      incomeTotalFen: 0,
      expenditureFen: 0,
    },
    staff: { fullTime: 0, partTime: 0 },
    memberHome: { fixedPlace: false, facilities: false, staff: false, funding: false, rules: false },
  });
}
