/**
 * The record of activities (学术交流、科普、建言献策; issue 21): what a society did, one record per
 * activity, from which the annual report's activity figures and the city-wide totals are counted
 * instead of being typed in by hand.
 */
import type { AnnualReportContent } from '../governance/annual-report';

export const ACTIVITY_KINDS = [
  'academic_conference', // 学术会议
  'lecture', // 学术报告、讲座
  'training', // 培训
  'popularisation', // 科普活动
  'advisory_report', // 建言献策（咨询报告）
  'brand_event', // 品牌活动
  'international_exchange', // 国际交流
  'other', // 其他
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** What became of an advisory report: a leader's written instruction (批示) or adoption by a department (采纳). */
export const ADVISORY_OUTCOMES = ['instruction', 'adoption'] as const;
export type AdvisoryOutcome = (typeof ADVISORY_OUTCOMES)[number];

/** The level of the leader or department that gave the instruction or adopted the report. */
export const ADVISORY_LEVELS = ['national', 'provincial', 'municipal', 'district'] as const;
export type AdvisoryLevel = (typeof ADVISORY_LEVELS)[number];

/** Far beyond any single activity (the seeds' largest is a city-wide campaign of millions of 人次). */
export const MAX_PARTICIPANTS = 100_000_000;

/** The facts of an activity the rules look at (the API's record, after a patch is applied). */
export interface ActivityFacts {
  kind: ActivityKind;
  startOn: string;
  endOn: string;
  /** Held (已举办) rather than planned (计划中): only held activities are counted. */
  held: boolean;
  participants: number | null;
  recipient: string | null;
  outcome: AdvisoryOutcome | null;
  outcomeOn: string | null;
  outcomeLevel: AdvisoryLevel | null;
}

export interface ActivityIssue {
  field: keyof ActivityFacts;
  code: string;
  message: string;
}

const ADVISORY_FIELDS = ['recipient', 'outcome', 'outcomeOn', 'outcomeLevel'] as const;

/**
 * Checks one activity on `today` (the Association's calendar day). Every problem is returned at once,
 * each naming its field, so a form or an import row can mark all of them.
 */
export function checkActivity(activity: ActivityFacts, today: string): ActivityIssue[] {
  const issues: ActivityIssue[] = [];
  if (activity.endOn < activity.startOn) {
    issues.push({ field: 'endOn', code: 'end_before_start', message: 'The activity cannot end before it starts.' });
  }
  // A planned activity may lie ahead; one recorded as held has happened by today.
  if (activity.held && activity.endOn > today) {
    issues.push({
      field: 'endOn',
      code: 'in_future',
      message: 'An activity recorded as held cannot end after today; record it as planned.',
    });
  }
  const { participants } = activity;
  if (
    participants !== null &&
    (!Number.isInteger(participants) || participants < 0 || participants > MAX_PARTICIPANTS)
  ) {
    issues.push({ field: 'participants', code: 'invalid_count', message: 'A count is a whole number from 0.' });
  }
  if (activity.kind !== 'advisory_report') {
    for (const field of ADVISORY_FIELDS) {
      if (activity[field] !== null) {
        issues.push({
          field,
          code: 'advisory_only',
          message: 'Only an advisory report has a recipient or an outcome.',
        });
      }
    }
    return issues;
  }
  issues.push(...checkOutcome(activity, today));
  return issues;
}

/** An instruction or adoption comes with its date and level, after the report and not after today. */
function checkOutcome(activity: ActivityFacts, today: string): ActivityIssue[] {
  const issues: ActivityIssue[] = [];
  const { outcome, outcomeOn, outcomeLevel } = activity;
  if (outcome === null) {
    if (outcomeOn !== null)
      issues.push({
        field: 'outcomeOn',
        code: 'outcome_missing',
        message: 'A date needs the instruction or adoption.',
      });
    if (outcomeLevel !== null)
      issues.push({
        field: 'outcomeLevel',
        code: 'outcome_missing',
        message: 'A level needs the instruction or adoption.',
      });
    return issues;
  }
  if (!activity.held) {
    issues.push({
      field: 'outcome',
      code: 'not_held',
      message: 'A planned report cannot have been instructed or adopted yet.',
    });
  }
  if (outcomeOn === null) {
    issues.push({ field: 'outcomeOn', code: 'required', message: 'When was it instructed or adopted?' });
  } else if (outcomeOn < activity.startOn) {
    issues.push({
      field: 'outcomeOn',
      code: 'before_report',
      message: 'It cannot be instructed or adopted before it was written.',
    });
  } else if (outcomeOn > today) {
    issues.push({ field: 'outcomeOn', code: 'in_future', message: 'The date cannot be in the future.' });
  }
  if (outcomeLevel === null) {
    issues.push({ field: 'outcomeLevel', code: 'required', message: 'At which level was it instructed or adopted?' });
  }
  return issues;
}

/** Held activities of one kind in a period: how many, how many took part, how many reports had an outcome. */
export interface KindTotals {
  kind: ActivityKind;
  activities: number;
  participants: number;
  /** Advisory reports instructed or adopted (0 for the other kinds). */
  withOutcome: number;
}

export type ActivityFigures = AnnualReportContent['activities'];

/**
 * Which kinds count under each of the annual report's figures. Lectures and international exchanges
 * are academic exchange (学术交流) in the report's sense; training and other activities have no line of
 * their own in the report, so they are counted in the statistics only.
 */
const ACADEMIC: readonly ActivityKind[] = ['academic_conference', 'lecture', 'international_exchange'];

/** The annual report's activity figures counted from a year's held activities, by kind. */
export function activityFigures(totals: readonly KindTotals[]): ActivityFigures {
  const sum = (kinds: readonly ActivityKind[], of: 'activities' | 'participants' | 'withOutcome') =>
    totals.filter((t) => kinds.includes(t.kind)).reduce((n, t) => n + t[of], 0);
  return {
    academicExchanges: sum(ACADEMIC, 'activities'),
    academicParticipants: sum(ACADEMIC, 'participants'),
    popularisationEvents: sum(['popularisation'], 'activities'),
    popularisationParticipants: sum(['popularisation'], 'participants'),
    advisoryReports: sum(['advisory_report'], 'activities'),
    advisoryAdopted: sum(['advisory_report'], 'withOutcome'),
    brandEvents: sum(['brand_event'], 'activities'),
    brandParticipants: sum(['brand_event'], 'participants'),
  };
}

/** The annual report's activity figures, in the report's order. */
export const ACTIVITY_FIGURE_FIELDS = [
  'academicExchanges',
  'academicParticipants',
  'popularisationEvents',
  'popularisationParticipants',
  'advisoryReports',
  'advisoryAdopted',
  'brandEvents',
  'brandParticipants',
] as const satisfies readonly (keyof ActivityFigures)[];

export interface FigureDifference {
  field: keyof ActivityFigures;
  reported: number;
  computed: number;
}

/** The figures a report states that differ from those counted from the records: each needs a reason. */
export function figureDifferences(reported: ActivityFigures, computed: ActivityFigures): FigureDifference[] {
  return ACTIVITY_FIGURE_FIELDS.flatMap((field) =>
    reported[field] === computed[field] ? [] : [{ field, reported: reported[field], computed: computed[field] }],
  );
}
