/**
 * A funding program (SPEC §3, e.g. 2026年度学会项目) is the Association's annual call: a window for
 * applications, a total budget split into categories (each with a cap per application and a category
 * budget), a scoring rubric whose weights sum to 100, a minimum fundable score, the number of reviewers
 * per application (at least 3), how scores are aggregated and money allocated, and the length of the
 * public notice in working days.
 *
 * `checkProgramSettings` lists every problem at once, each with a JSON-pointer path and a message that
 * names the numbers, so a form can mark the fields and staff can see what to change.
 *
 * Worked example (see program.test.ts): the defaults — rubric 30 + 25 + 20 + 15 + 10 = 100, six
 * categories whose budgets sum to ¥2,450,000.00 under a total of ¥2,450,000.00 — pass; lowering the
 * track-record weight to 5 gives one problem at `/rubric`: "rubric weights sum to 95, not 100".
 */
import type { Label } from '../labels';
import { BY_ASSOCIATION, defineStateMachine } from '../state-machine';
import { MINIMUM_REVIEWERS } from './assignment';
import { isIsoDate } from './dates';
import { formatYuan, isFenAmount } from './money';

/** A validation finding: where (a JSON pointer into the checked object), what (a stable code), and why. */
export interface Problem {
  path: string;
  code: string;
  message: string;
}

export const PROGRAM_STATUSES = ['draft', 'open', 'closed', 'reviewing', 'deciding', 'notice', 'finalised'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

/**
 * A call is drafted, opened and closed; staff may reopen a closed call to extend the window. Review
 * follows, then the decision and the public notice. Staff may take the program from the notice back
 * to deciding once every objection is resolved — typically after an upheld objection released money —
 * to allocate again and publish a revised notice (see applicationLifecycle for what the applications
 * do). Finalised is final.
 */
export const programLifecycle = defineStateMachine<ProgramStatus>('draft', {
  draft: { open: BY_ASSOCIATION },
  open: { closed: BY_ASSOCIATION },
  closed: { reviewing: BY_ASSOCIATION, open: BY_ASSOCIATION },
  reviewing: { deciding: BY_ASSOCIATION },
  deciding: { notice: BY_ASSOCIATION },
  notice: { finalised: BY_ASSOCIATION, deciding: BY_ASSOCIATION },
  finalised: {},
});

/** The six default categories of seeds/001. */
export const FUNDING_CATEGORY_CODES = [
  'annual_meeting',
  'academic_exchange',
  'major_event',
  'journal',
  'popularisation',
  'member_congress',
] as const;
export type FundingCategoryCode = (typeof FUNDING_CATEGORY_CODES)[number];

export const fundingCategoryLabels: Record<FundingCategoryCode, Label> = {
  annual_meeting: { zh: '学术年会', en: 'Academic annual meeting' },
  academic_exchange: { zh: '学术与技术交流', en: 'Academic and technology exchange' },
  major_event: { zh: '承办全国性或区域性活动', en: 'Hosting a national or regional event' },
  journal: { zh: '学术期刊', en: 'Academic journal' },
  popularisation: { zh: '科普活动', en: 'Science popularisation' },
  member_congress: { zh: '会员代表大会', en: 'Member congress' },
};

export interface RubricCriterion {
  code: string;
  name: string;
  /** The most points a reviewer can give on this criterion; the weights of a rubric sum to 100. */
  weight: number;
}

/** SPEC §3's example rubric. The first criterion breaks ties in the ranking. */
export const DEFAULT_RUBRIC: RubricCriterion[] = [
  { code: 'academic_level', name: '学术水平', weight: 30 },
  { code: 'social_impact', name: '社会影响', weight: 25 },
  { code: 'feasibility', name: '可行性', weight: 20 },
  { code: 'budget_soundness', name: '预算合理性', weight: 15 },
  { code: 'track_record', name: '以往绩效', weight: 10 },
];

export const rubricCriterionLabels: Record<string, Label> = {
  academic_level: { zh: '学术水平', en: 'Academic level' },
  social_impact: { zh: '社会影响', en: 'Social impact' },
  feasibility: { zh: '可行性', en: 'Feasibility' },
  budget_soundness: { zh: '预算合理性', en: 'Budget soundness' },
  track_record: { zh: '以往绩效', en: 'Track record' },
};

export interface ProgramCategory {
  code: string;
  name: string;
  /** The most one application may receive. */
  capFen: number;
  /** What the category may spend in total. */
  budgetFen: number;
}

const YUAN = 100;

const DEFAULT_CATEGORY_AMOUNTS: Record<FundingCategoryCode, { capYuan: number; budgetYuan: number }> = {
  annual_meeting: { capYuan: 50_000, budgetYuan: 500_000 },
  academic_exchange: { capYuan: 30_000, budgetYuan: 600_000 },
  major_event: { capYuan: 100_000, budgetYuan: 500_000 },
  journal: { capYuan: 50_000, budgetYuan: 200_000 },
  popularisation: { capYuan: 30_000, budgetYuan: 450_000 },
  member_congress: { capYuan: 20_000, budgetYuan: 200_000 },
};

/**
 * Splits `totalFen` in proportion to `weights`, in whole fen and exactly: each share is the floor of
 * total × weight / Σ weights (computed with BigInt, never through floats), and the fen the flooring
 * leaves over go one each to the largest remainders (ties to the earlier weight). The shares sum to
 * `totalFen` (all zero when every weight is zero).
 */
export function splitFenProportionally(totalFen: number, weights: readonly number[]): number[] {
  const whole = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (whole === 0n) return weights.map(() => 0);
  const total = BigInt(totalFen);
  const shares = weights.map((w) => {
    const product = total * BigInt(w);
    return { fen: product / whole, remainder: product % whole };
  });
  let left = total - shares.reduce((sum, s) => sum + s.fen, 0n);
  const order = shares
    .map((s, index) => ({ index, remainder: s.remainder }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (left === 0n) break;
    const share = shares[index];
    if (share) share.fen += 1n;
    left -= 1n;
  }
  return shares.map((s) => Number(s.fen));
}

/**
 * The six categories with starting amounts for a city association's call (a fresh copy each time, so
 * callers may edit it): caps from ¥20,000 (member congress) to ¥100,000 (hosting a national or regional
 * event), budgets for 5–20 funded projects each, ¥2,450,000.00 in all.
 */
export function defaultCategories(): ProgramCategory[] {
  return FUNDING_CATEGORY_CODES.map((code) => ({
    code,
    name: fundingCategoryLabels[code].zh,
    capFen: DEFAULT_CATEGORY_AMOUNTS[code].capYuan * YUAN,
    budgetFen: DEFAULT_CATEGORY_AMOUNTS[code].budgetYuan * YUAN,
  }));
}

/**
 * The default categories for a call of `totalBudgetFen`: that total split in the seeds' proportions
 * (`splitFenProportionally`: whole fen, summing exactly to the total), each cap the seeds' cap or, if
 * smaller, the category's budget — so a call of any budget gets defaults that pass
 * `checkProgramSettings` instead of failing on budgets the caller never sent. For the seeds' own total
 * they are `defaultCategories()`.
 */
export function defaultCategoriesFor(totalBudgetFen: number): ProgramCategory[] {
  const categories = defaultCategories();
  if (!isFenAmount(totalBudgetFen)) return categories;
  const budgets = splitFenProportionally(
    totalBudgetFen,
    categories.map((c) => c.budgetFen),
  );
  return categories.map((c, i) => {
    const budgetFen = budgets[i] ?? 0;
    return { ...c, capFen: Math.min(c.capFen, budgetFen), budgetFen };
  });
}

export const SCORING_METHODS = ['trimmed_mean', 'z_score'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

export const scoringMethodLabels: Record<ScoringMethod, Label> = {
  trimmed_mean: { zh: '去掉最高分和最低分后取平均', en: 'Mean, dropping the highest and lowest' },
  z_score: { zh: '按评审专家标准化（Z 分数）后取平均', en: 'Mean of per-reviewer z-scores' },
};

export const ALLOCATION_STRATEGIES = ['best_first', 'proportional'] as const;
export type AllocationStrategy = (typeof ALLOCATION_STRATEGIES)[number];

export const allocationStrategyLabels: Record<AllocationStrategy, Label> = {
  best_first: { zh: '择优全额资助', en: 'Best first, fully funded' },
  proportional: { zh: '达线按比例资助', en: 'Over the threshold, share of request' },
};

export interface ProgramSettings {
  year: number;
  opensOn: string;
  closesOn: string;
  totalBudgetFen: number;
  categories: ProgramCategory[];
  rubric: RubricCriterion[];
  minimumScore: number;
  reviewersPerApplication: number;
  scoringMethod: ScoringMethod;
  allocationStrategy: AllocationStrategy;
  noticeWorkingDays: number;
  allowMultiplePerCategory: boolean;
}

/** SPEC §3's defaults for a year's call: open 1 March to 30 April, the default categories and rubric. */
export function defaultProgramSettings(year: number): ProgramSettings {
  const categories = defaultCategories();
  return {
    year,
    opensOn: `${year}-03-01`,
    closesOn: `${year}-04-30`,
    totalBudgetFen: categories.reduce((sum, c) => sum + c.budgetFen, 0),
    categories,
    rubric: DEFAULT_RUBRIC.map((c) => ({ ...c })),
    minimumScore: 60,
    reviewersPerApplication: 5,
    scoringMethod: 'trimmed_mean',
    allocationStrategy: 'best_first',
    noticeWorkingDays: 5,
    allowMultiplePerCategory: false,
  };
}

function checkMoney(problems: Problem[], path: string, what: string, value: number): boolean {
  if (isFenAmount(value)) return true;
  problems.push({
    path,
    code: 'money_invalid',
    message: `${what} must be a non-negative whole number of fen, not ${value}`,
  });
  return false;
}

/** Every problem with a program's settings; empty when they can be saved. */
export function checkProgramSettings(s: ProgramSettings): Problem[] {
  const problems: Problem[] = [];

  if (!Number.isInteger(s.year) || s.year < 2000 || s.year > 2100) {
    problems.push({
      path: '/year',
      code: 'year_invalid',
      message: `year ${s.year} is not a year between 2000 and 2100`,
    });
  }
  const opensValid = isIsoDate(s.opensOn);
  const closesValid = isIsoDate(s.closesOn);
  if (!opensValid) {
    problems.push({
      path: '/opensOn',
      code: 'date_invalid',
      message: `opening date "${s.opensOn}" is not a YYYY-MM-DD date`,
    });
  }
  if (!closesValid) {
    problems.push({
      path: '/closesOn',
      code: 'date_invalid',
      message: `closing date "${s.closesOn}" is not a YYYY-MM-DD date`,
    });
  }
  if (opensValid && closesValid && s.opensOn > s.closesOn) {
    problems.push({
      path: '/closesOn',
      code: 'window_inverted',
      message: `the call closes on ${s.closesOn}, before it opens on ${s.opensOn}`,
    });
  }

  const totalValid = checkMoney(problems, '/totalBudgetFen', 'the total budget', s.totalBudgetFen);

  if (s.categories.length === 0) {
    problems.push({ path: '/categories', code: 'categories_empty', message: 'a program needs at least one category' });
  }
  const categoryCodes = new Map<string, number>();
  let budgetsValid = true;
  s.categories.forEach((c, i) => {
    const at = `/categories/${i}`;
    if (c.code.trim() === '') {
      problems.push({ path: `${at}/code`, code: 'code_empty', message: `category ${i + 1} has no code` });
    } else {
      const first = categoryCodes.get(c.code);
      if (first !== undefined) {
        problems.push({
          path: `${at}/code`,
          code: 'category_code_duplicate',
          message: `category code "${c.code}" is used by categories ${first + 1} and ${i + 1}`,
        });
      } else {
        categoryCodes.set(c.code, i);
      }
    }
    if (c.name.trim() === '') {
      problems.push({ path: `${at}/name`, code: 'name_empty', message: `category "${c.code}" has no name` });
    }
    const capValid = checkMoney(problems, `${at}/capFen`, `the cap of category "${c.code}"`, c.capFen);
    const budgetValid = checkMoney(problems, `${at}/budgetFen`, `the budget of category "${c.code}"`, c.budgetFen);
    budgetsValid &&= budgetValid;
    if (capValid && budgetValid && c.capFen > c.budgetFen) {
      problems.push({
        path: `${at}/capFen`,
        code: 'cap_exceeds_budget',
        message: `the cap ${formatYuan(c.capFen)} of category "${c.code}" exceeds its budget ${formatYuan(c.budgetFen)}`,
      });
    }
  });
  if (totalValid && budgetsValid && s.categories.length > 0) {
    const sum = s.categories.reduce((acc, c) => acc + c.budgetFen, 0);
    if (sum > s.totalBudgetFen) {
      problems.push({
        path: '/categories',
        code: 'category_budgets_exceed_total',
        message: `category budgets sum to ${formatYuan(sum)}, more than the total budget ${formatYuan(s.totalBudgetFen)}`,
      });
    }
  }

  if (s.rubric.length === 0) {
    problems.push({ path: '/rubric', code: 'rubric_empty', message: 'the rubric needs at least one criterion' });
  }
  const criterionCodes = new Map<string, number>();
  let weightsValid = true;
  s.rubric.forEach((c, i) => {
    const at = `/rubric/${i}`;
    if (c.code.trim() === '') {
      problems.push({ path: `${at}/code`, code: 'code_empty', message: `criterion ${i + 1} has no code` });
    } else {
      const first = criterionCodes.get(c.code);
      if (first !== undefined) {
        problems.push({
          path: `${at}/code`,
          code: 'criterion_code_duplicate',
          message: `criterion code "${c.code}" is used by criteria ${first + 1} and ${i + 1}`,
        });
      } else {
        criterionCodes.set(c.code, i);
      }
    }
    if (c.name.trim() === '') {
      problems.push({ path: `${at}/name`, code: 'name_empty', message: `criterion "${c.code}" has no name` });
    }
    if (!Number.isInteger(c.weight) || c.weight <= 0) {
      weightsValid = false;
      problems.push({
        path: `${at}/weight`,
        code: 'weight_invalid',
        message: `the weight of criterion "${c.code}" must be a positive whole number, not ${c.weight}`,
      });
    }
  });
  if (weightsValid && s.rubric.length > 0) {
    const sum = s.rubric.reduce((acc, c) => acc + c.weight, 0);
    if (sum !== 100) {
      problems.push({ path: '/rubric', code: 'rubric_weights_sum', message: `rubric weights sum to ${sum}, not 100` });
    }
  }

  if (!Number.isFinite(s.minimumScore) || s.minimumScore < 0 || s.minimumScore > 100) {
    problems.push({
      path: '/minimumScore',
      code: 'minimum_score_range',
      message: `the minimum fundable score must be between 0 and 100, not ${s.minimumScore}`,
    });
  }
  if (!Number.isInteger(s.reviewersPerApplication) || s.reviewersPerApplication < MINIMUM_REVIEWERS) {
    problems.push({
      path: '/reviewersPerApplication',
      code: 'reviewers_too_few',
      message: `each application needs a whole number of at least ${MINIMUM_REVIEWERS} reviewers, not ${s.reviewersPerApplication}`,
    });
  }
  if (!Number.isInteger(s.noticeWorkingDays) || s.noticeWorkingDays < 1) {
    problems.push({
      path: '/noticeWorkingDays',
      code: 'notice_days_invalid',
      message: `the public notice must last a whole number of at least 1 working day, not ${s.noticeWorkingDays}`,
    });
  }
  if (!(SCORING_METHODS as readonly string[]).includes(s.scoringMethod)) {
    problems.push({
      path: '/scoringMethod',
      code: 'unknown_value',
      message: `scoring method "${s.scoringMethod}" is not one of ${SCORING_METHODS.join(', ')}`,
    });
  }
  if (!(ALLOCATION_STRATEGIES as readonly string[]).includes(s.allocationStrategy)) {
    problems.push({
      path: '/allocationStrategy',
      code: 'unknown_value',
      message: `allocation strategy "${s.allocationStrategy}" is not one of ${ALLOCATION_STRATEGIES.join(', ')}`,
    });
  }
  return problems;
}
