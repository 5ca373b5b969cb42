import type { InspectionResult } from '../governance/annual-report';
import type { CapacityTier } from '../governance/capacity';
import type { RuleStatus } from '../governance/rules';
import { countOf } from '../plural';
import type { PartyOrganisation, SocietyStatus } from '../society';
import { BY_ASSOCIATION, BY_EITHER, defineStateMachine } from '../state-machine';

/**
 * Government-function-transfer pilots (承接政府转移职能试点, SPEC §4): which society may take over a
 * function from a government department, how a pilot moves from proposal to acceptance, and how well
 * it went. Pure rules; the API gathers the facts.
 */

export const PILOT_STATUSES = [
  'proposed',
  'eligibility_review',
  'approved',
  'rejected',
  'in_progress',
  'midterm_review',
  'acceptance',
  'completed',
  'terminated',
] as const;
export type PilotStatus = (typeof PILOT_STATUSES)[number];

/**
 * proposed → eligibility_review → approved / rejected → in_progress → midterm_review → acceptance →
 * completed / terminated. A proposal may be withdrawn (terminated) before review; a pilot under way
 * may be terminated at any stage.
 */
export const pilotLifecycle = defineStateMachine<PilotStatus>('proposed', {
  // A society submits its proposal for review or withdraws it; every decision after that is staff's.
  proposed: { eligibility_review: BY_EITHER, terminated: BY_EITHER },
  eligibility_review: { approved: BY_ASSOCIATION, rejected: BY_ASSOCIATION },
  approved: { in_progress: BY_ASSOCIATION, terminated: BY_ASSOCIATION },
  rejected: {},
  in_progress: { midterm_review: BY_ASSOCIATION, terminated: BY_ASSOCIATION },
  midterm_review: { acceptance: BY_ASSOCIATION, terminated: BY_ASSOCIATION },
  acceptance: { completed: BY_ASSOCIATION, terminated: BY_ASSOCIATION },
  completed: {},
  terminated: {},
});

/** Statuses in which a pilot occupies the society (counted against the concurrent maximum). */
export const ACTIVE_PILOT_STATUSES: readonly PilotStatus[] = [
  'approved',
  'in_progress',
  'midterm_review',
  'acceptance',
];

/** How the function is handed over: in whole, in part, or bought as a service (2015 national scheme). */
export const PILOT_MODES = ['whole', 'part', 'purchased_service'] as const;
export type PilotMode = (typeof PILOT_MODES)[number];

export interface PilotFunctionDefinition {
  code: string;
  name: string;
  nameEn: string;
  /** Whether the function asks for a social-organisation evaluation grade of 3A or above. */
  requiresGrade3A: boolean;
  /** Qualifications the society must hold for this function (free codes, e.g. `standards_body`). */
  requiredQualifications: string[];
}

/** The seven functions of SPEC §4, as the Association starts with them; staff may add and edit. */
export const DEFAULT_PILOT_FUNCTIONS: readonly PilotFunctionDefinition[] = [
  {
    code: 'technology_evaluation',
    name: '科技评估',
    nameEn: 'Technology evaluation',
    requiresGrade3A: true,
    requiredQualifications: [],
  },
  {
    code: 'group_standards',
    name: '团体标准研制',
    nameEn: 'Group standards',
    requiresGrade3A: true,
    requiredQualifications: ['standards_registration'],
  },
  {
    code: 'engineering_qualification',
    name: '工程技术领域职业资格认定',
    nameEn: 'Professional qualification in engineering',
    requiresGrade3A: true,
    requiredQualifications: ['qualification_assessment'],
  },
  {
    code: 'award_nomination',
    name: '科技奖励提名推荐',
    nameEn: 'Science award nomination',
    requiresGrade3A: true,
    requiredQualifications: [],
  },
  {
    code: 'third_party_evaluation',
    name: '第三方评估',
    nameEn: 'Third-party evaluation',
    requiresGrade3A: false,
    requiredQualifications: [],
  },
  {
    code: 'decision_consulting',
    name: '决策咨询',
    nameEn: 'Decision consulting',
    requiresGrade3A: false,
    requiredQualifications: [],
  },
  {
    code: 'purchased_services',
    name: '政府购买服务',
    nameEn: 'Government-purchased services',
    requiresGrade3A: false,
    requiredQualifications: [],
  },
];

export const PILOT_ELIGIBILITY_RULES = [
  'society_active',
  'inspections_passed',
  'governance_sound',
  'capacity_tier',
  'evaluation_grade',
  'party_organisation',
  'qualifications',
  'concurrent_pilots',
] as const;
export type PilotEligibilityRule = (typeof PILOT_ELIGIBILITY_RULES)[number];

export interface EligibilityFacts {
  /** The day the check is made (YYYY-MM-DD); the inspection years and the grade's validity follow from it. */
  today: string;
  societyStatus: SocietyStatus;
  /** Inspection results by year. */
  inspections: Readonly<Record<number, InspectionResult>>;
  /** The latest inspection year that should have a result (the year before `today` by default). */
  lastInspectionYear?: number;
  governance: readonly RuleStatus[];
  /** The tier of the latest capacity assessment, or null when never assessed. */
  tier: CapacityTier | null;
  /** 1–5 (A grades), or null; with the day it was awarded (valid five years). */
  evaluationGrade: number | null;
  evaluationGradeOn: string | null;
  partyOrganisation: PartyOrganisation;
  qualificationsHeld: readonly string[];
  function: Pick<PilotFunctionDefinition, 'code' | 'requiresGrade3A' | 'requiredQualifications'>;
  /** Other pilots of the society now approved or under way. */
  concurrentPilots: number;
  maxConcurrentPilots: number;
}

export interface EligibilityCheck {
  rule: PilotEligibilityRule;
  passed: boolean;
  /** In English; the console words it from `rule` and `values`. */
  explanation: string;
  values: Record<string, string | number | boolean | null>;
}

export interface Eligibility {
  eligible: boolean;
  checks: EligibilityCheck[];
}

const GRADE_VALID_YEARS = 5;

function gradeExpiry(awardedOn: string): string {
  return `${Number(awardedOn.slice(0, 4)) + GRADE_VALID_YEARS}${awardedOn.slice(4)}`;
}

/**
 * The explained pass/fail list of SPEC §4. Every rule is always evaluated and listed, so staff see the
 * whole picture at every decision point, not only the first failure.
 */
export function checkPilotEligibility(facts: EligibilityFacts): Eligibility {
  const checks: EligibilityCheck[] = [];
  const add = (rule: PilotEligibilityRule, passed: boolean, explanation: string, values: EligibilityCheck['values']) =>
    checks.push({ rule, passed, explanation, values });

  add(
    'society_active',
    facts.societyStatus === 'active',
    facts.societyStatus === 'active' ? 'The society is active.' : `The society is ${facts.societyStatus}, not active.`,
    { status: facts.societyStatus },
  );

  const last = facts.lastInspectionYear ?? Number(facts.today.slice(0, 4)) - 1;
  const years = [last - 1, last];
  const results = years.map((year) => facts.inspections[year] ?? null);
  const missing = years.filter((_, i) => results[i] !== 'pass');
  add(
    'inspections_passed',
    missing.length === 0,
    missing.length === 0
      ? `Annual inspections ${years[0]} and ${years[1]} were both passed.`
      : `The annual inspection must be 合格 (pass) in ${years[0]} and ${years[1]}; ${missing
          .map((year) => `${year}: ${facts.inspections[year] ?? 'no result'}`)
          .join(', ')}.`,
    { firstYear: years[0] ?? null, lastYear: last, first: results[0] ?? null, last: results[1] ?? null },
  );

  const failing = facts.governance.filter((s) => s === 'fail').length;
  add(
    'governance_sound',
    failing === 0,
    failing === 0
      ? 'No governance rule fails.'
      : `${countOf(failing, 'governance rule')} ${failing === 1 ? 'fails' : 'fail'}.`,
    { failing },
  );

  const tierOk = facts.tier === 'A' || facts.tier === 'B';
  add(
    'capacity_tier',
    tierOk,
    tierOk
      ? `Capacity tier ${facts.tier}.`
      : facts.tier
        ? `Capacity tier ${facts.tier}; A or B is required.`
        : 'The capacity index has not been assessed; tier A or B is required.',
    { tier: facts.tier },
  );

  if (facts.function.requiresGrade3A) {
    const valid = facts.evaluationGradeOn !== null && gradeExpiry(facts.evaluationGradeOn) > facts.today;
    const passed = facts.evaluationGrade !== null && facts.evaluationGrade >= 3 && valid;
    add(
      'evaluation_grade',
      passed,
      facts.evaluationGrade === null
        ? 'This function requires an evaluation grade of 3A or above; the society has none.'
        : !valid
          ? `The ${facts.evaluationGrade}A grade awarded on ${facts.evaluationGradeOn ?? '—'} has expired (valid five years).`
          : facts.evaluationGrade >= 3
            ? `Evaluation grade ${facts.evaluationGrade}A (3A or above is required).`
            : `Evaluation grade ${facts.evaluationGrade}A; this function requires 3A or above.`,
      { required: true, grade: facts.evaluationGrade, awardedOn: facts.evaluationGradeOn },
    );
  } else {
    add('evaluation_grade', true, 'This function does not require an evaluation grade.', {
      required: false,
      grade: facts.evaluationGrade,
      awardedOn: facts.evaluationGradeOn,
    });
  }

  add(
    'party_organisation',
    facts.partyOrganisation !== 'none',
    facts.partyOrganisation !== 'none'
      ? `Party organisation established (${facts.partyOrganisation}).`
      : 'No party organisation has been established.',
    { form: facts.partyOrganisation },
  );

  const lacking = facts.function.requiredQualifications.filter((q) => !facts.qualificationsHeld.includes(q));
  add(
    'qualifications',
    lacking.length === 0,
    facts.function.requiredQualifications.length === 0
      ? 'This function requires no particular qualification.'
      : lacking.length === 0
        ? `Holds the required ${facts.function.requiredQualifications.length === 1 ? 'qualification' : 'qualifications'}: ${facts.function.requiredQualifications.join(', ')}.`
        : `Lacks the required ${lacking.length === 1 ? 'qualification' : 'qualifications'}: ${lacking.join(', ')}.`,
    { required: facts.function.requiredQualifications.join(','), lacking: lacking.join(',') },
  );

  add(
    'concurrent_pilots',
    facts.concurrentPilots < facts.maxConcurrentPilots,
    facts.concurrentPilots < facts.maxConcurrentPilots
      ? `${countOf(facts.concurrentPilots, 'other pilot')} under way; the maximum is ${facts.maxConcurrentPilots}.`
      : `Already ${countOf(facts.concurrentPilots, 'pilot')} under way: the maximum of ${facts.maxConcurrentPilots} is reached.`,
    { current: facts.concurrentPilots, maximum: facts.maxConcurrentPilots },
  );

  return { eligible: checks.every((c) => c.passed), checks };
}

export interface MilestoneFacts {
  dueOn: string;
  doneOn: string | null;
}

export interface PilotPerformance {
  /** Milestones due by today (or already done). */
  milestonesDue: number;
  /** Of them, done on or before their due date. */
  onTime: number;
  /** onTime / milestonesDue, 0–1; null while nothing has fallen due. */
  onTimeRate: number | null;
  /** The department's satisfaction, 0–100, once it has evaluated. */
  satisfaction: number | null;
  /** 0–100: the mean of the on-time rate (as a percentage) and satisfaction, of those known. */
  score: number | null;
  rating: 'excellent' | 'good' | 'pass' | 'poor' | null;
}

/**
 * How a pilot is going (SPEC §4 "Performance"): milestones kept on time and the department's
 * satisfaction, with an overall rating — excellent from 90, good from 75, pass from 60.
 */
export function pilotPerformance(
  milestones: readonly MilestoneFacts[],
  satisfaction: number | null,
  today: string,
): PilotPerformance {
  const due = milestones.filter((m) => m.dueOn <= today || m.doneOn !== null);
  const onTime = due.filter((m) => m.doneOn !== null && m.doneOn <= m.dueOn).length;
  const onTimeRate = due.length > 0 ? Math.round((onTime / due.length) * 1000) / 1000 : null;
  const parts = [...(onTimeRate === null ? [] : [onTimeRate * 100]), ...(satisfaction === null ? [] : [satisfaction])];
  const score = parts.length > 0 ? Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 10) / 10 : null;
  const rating =
    score === null ? null : score >= 90 ? 'excellent' : score >= 75 ? 'good' : score >= 60 ? 'pass' : 'poor';
  return { milestonesDue: due.length, onTime, onTimeRate, satisfaction, score, rating };
}
