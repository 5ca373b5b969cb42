/**
 * Drawing the funding line (SPEC §3). Each application is funded on its basis — the staff-adjusted
 * amount when there is one, otherwise the requested amount — never more.
 *
 * - `best_first` ("best first, fully funded"): in rank order, each application scoring at least the
 *   minimum is funded in full while its basis fits in what is left of the category's budget. The first
 *   one that does not fit draws the line: it and every application ranked after it are
 *   `budget_exhausted`, even if a smaller request further down would still fit. Skipping ahead would let
 *   a lower-ranked project overtake a higher-ranked one, which the notice could not justify; the money
 *   left over stays visible as `remainingFen` for staff to decide on (e.g. by adjusting an amount).
 * - `proportional` ("over the threshold, share of request"): every application scoring at least the
 *   minimum receives the same fraction p = min(1, available / Σ basis) of its basis, floored to whole
 *   fen, so the category never spends more than it has (the few fen lost to flooring stay unspent).
 *   `sharePercent` is p as a percentage to 2 decimals.
 *
 * Limits: what a category may spend ("available") is its budget, further capped by what is left of the
 * program budget — total budget, minus `alreadyCommittedFen` (money committed earlier in this program),
 * minus what the categories before it (in the program's order) have just allocated. So the program
 * total never exceeds its budget even when the category budgets add up to more.
 *
 * A row is `not_eligible` (and receives nothing, without drawing the line) when its basis is not a
 * positive whole number of fen, exceeds the category cap, or its category is not one of the program's;
 * rows of unknown categories are listed after the program's categories under a zero budget, so every
 * ranked row appears exactly once in the result.
 *
 * Worked example (see allocation.test.ts): a ¥100,000.00 budget and requests of ¥50,000.00, ¥40,000.00,
 * ¥30,000.00, ¥10,000.00 in rank order fund the first two under `best_first` (¥10,000.00 left, the third
 * draws the line, the fourth is not funded although it would fit); under `proportional` each receives
 * 100,000 / 130,000 = 76.92 % of its request: ¥38,461.53, ¥30,769.23, ¥23,076.92, ¥7,692.30.
 */
import type { Label } from '../labels';
import { countOf } from '../plural';
import { formatYuan, isFenAmount } from './money';
import type { AllocationStrategy, ProgramCategory } from './program';
import type { RankedApplication } from './ranking';

export const ALLOCATION_REASONS = [
  'funded_in_full',
  'funded_share',
  'below_minimum',
  'budget_exhausted',
  'not_eligible',
] as const;
export type AllocationReason = (typeof ALLOCATION_REASONS)[number];

export const allocationReasonLabels: Record<AllocationReason, Label> = {
  funded_in_full: { zh: '全额资助', en: 'Funded in full' },
  funded_share: { zh: '按比例资助', en: 'Funded in part' },
  below_minimum: { zh: '未达最低资助分数', en: 'Below the minimum score' },
  budget_exhausted: { zh: '预算不足', en: 'Budget exhausted' },
  not_eligible: { zh: '不符合资助条件', en: 'Not eligible' },
};

/**
 * Why an application's decision is what it is: the reason its allocation gave, or `objection_upheld`
 * when an objection to the public notice was upheld and the decision taken back (its money released).
 */
export const DECISION_REASONS = [
  'funded_in_full',
  'funded_share',
  'below_minimum',
  'budget_exhausted',
  'not_eligible',
  'objection_upheld',
] as const satisfies readonly [...typeof ALLOCATION_REASONS, 'objection_upheld'];
export type DecisionReason = (typeof DECISION_REASONS)[number];

export const decisionReasonLabels: Record<DecisionReason, Label> = {
  ...allocationReasonLabels,
  objection_upheld: { zh: '异议成立，不予资助', en: 'Objection upheld, not funded' },
};

export interface AllocationRow {
  applicationId: string;
  categoryCode: string;
  rank: number;
  score: number;
  requestedFen: number;
  /** adjusted ?? requested */
  basisFen: number;
  allocatedFen: number;
  funded: boolean;
  reason: AllocationReason;
  explanation: string;
}

export interface CategoryAllocation {
  categoryCode: string;
  /** The category's own budget. */
  budgetFen: number;
  /** What it could spend: its budget, capped by what was left of the program budget when it came up. */
  availableFen: number;
  allocatedFen: number;
  /** availableFen − allocatedFen. */
  remainingFen: number;
  /** Lowest score funded; null when nothing was funded. */
  fundingLine: number | null;
  /** Proportional only: the share of each basis granted, in percent to 2 decimals. */
  sharePercent: number | null;
  explanation: string;
  rows: AllocationRow[];
}

export interface AllocationInput {
  strategy: AllocationStrategy;
  minimumScore: number;
  categories: ProgramCategory[];
  ranked: RankedApplication[];
  totalBudgetFen: number;
  alreadyCommittedFen?: number;
}

export interface AllocationResult {
  categories: CategoryAllocation[];
  totalAllocatedFen: number;
  totalBudgetFen: number;
  alreadyCommittedFen: number;
  /** totalBudgetFen − alreadyCommittedFen − totalAllocatedFen, never below 0. */
  remainingFen: number;
}

const fixed2 = (n: number) => n.toFixed(2);

/** Amounts that are not whole fen count as the whole fen below them (and nothing when negative). */
function wholeFen(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
}

function byRank(a: RankedApplication, b: RankedApplication): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
}

type Draft = Omit<AllocationRow, 'allocatedFen' | 'funded' | 'reason' | 'explanation'>;

function draftRow(r: RankedApplication): Draft {
  return {
    applicationId: r.applicationId,
    categoryCode: r.categoryCode,
    rank: r.rank,
    score: r.score,
    requestedFen: r.requestedFen,
    basisFen: r.adjustedFen ?? r.requestedFen,
  };
}

function basisText(d: Draft): string {
  return d.basisFen === d.requestedFen
    ? `its request ${formatYuan(d.basisFen)}`
    : `its adjusted amount ${formatYuan(d.basisFen)} (requested ${formatYuan(d.requestedFen)})`;
}

function finish(d: Draft, allocatedFen: number, reason: AllocationReason, explanation: string): AllocationRow {
  return { ...d, allocatedFen, funded: allocatedFen > 0, reason, explanation };
}

/** Why a row cannot compete at all, or null when it can. */
function ineligibility(d: Draft, category: ProgramCategory | undefined): string | null {
  if (!category) return `category "${d.categoryCode}" is not one of the program's categories`;
  if (!isFenAmount(d.basisFen) || d.basisFen === 0) {
    return `the amount to fund must be a positive whole number of fen, not ${d.basisFen}`;
  }
  if (d.basisFen > category.capFen) {
    return `${basisText(d)} exceeds the category cap ${formatYuan(category.capFen)}`;
  }
  return null;
}

function belowMinimum(d: Draft, minimumScore: number): string {
  return `score ${fixed2(d.score)} is below the minimum fundable score ${fixed2(minimumScore)}`;
}

function allocateBestFirst(
  drafts: Draft[],
  category: ProgramCategory,
  availableFen: number,
  minimumScore: number,
): AllocationRow[] {
  let left = availableFen;
  let line: Draft | null = null;
  return drafts.map((d) => {
    const why = ineligibility(d, category);
    if (why) return finish(d, 0, 'not_eligible', why);
    if (d.score < minimumScore) return finish(d, 0, 'below_minimum', belowMinimum(d, minimumScore));
    if (line) {
      return finish(
        d,
        0,
        'budget_exhausted',
        `score ${fixed2(d.score)}, ranked below rank ${line.rank} where the funding line was drawn; lower-ranked applications are not funded ahead of it`,
      );
    }
    if (d.basisFen <= left) {
      const before = left;
      left -= d.basisFen;
      return finish(
        d,
        d.basisFen,
        'funded_in_full',
        `score ${fixed2(d.score)} ≥ ${fixed2(minimumScore)}; ${basisText(d)} fits in the ${formatYuan(before)} left, leaving ${formatYuan(left)}`,
      );
    }
    line = d;
    return finish(
      d,
      0,
      'budget_exhausted',
      `score ${fixed2(d.score)} ≥ ${fixed2(minimumScore)}, but ${basisText(d)} exceeds the ${formatYuan(left)} left; the funding line is drawn here`,
    );
  });
}

function allocateProportional(
  drafts: Draft[],
  category: ProgramCategory,
  availableFen: number,
  minimumScore: number,
): { rows: AllocationRow[]; sharePercent: number } {
  const competing = drafts.filter((d) => !ineligibility(d, category) && d.score >= minimumScore);
  const totalBasis = competing.reduce((sum, d) => sum + d.basisFen, 0);
  const full = totalBasis <= availableFen;
  const share = full ? 1 : availableFen / totalBasis;
  const sharePercent = Math.round(share * 10_000) / 100;
  const shareText = full
    ? `the ${formatYuan(availableFen)} available covers all ${formatYuan(totalBasis)} asked above the minimum`
    : `every application above the minimum receives ${formatYuan(availableFen)} / ${formatYuan(totalBasis)} = ${fixed2(sharePercent)} % of its amount, floored to whole fen`;
  const rows = drafts.map((d) => {
    const why = ineligibility(d, category);
    if (why) return finish(d, 0, 'not_eligible', why);
    if (d.score < minimumScore) return finish(d, 0, 'below_minimum', belowMinimum(d, minimumScore));
    // Exact integer arithmetic: basis × available can exceed 2^53.
    const allocated = full ? d.basisFen : Number((BigInt(d.basisFen) * BigInt(availableFen)) / BigInt(totalBasis));
    const reason: AllocationReason =
      allocated === d.basisFen ? 'funded_in_full' : allocated > 0 ? 'funded_share' : 'budget_exhausted';
    return finish(
      d,
      allocated,
      reason,
      `score ${fixed2(d.score)} ≥ ${fixed2(minimumScore)}; ${shareText}: ${formatYuan(allocated)} of ${basisText(d)}`,
    );
  });
  return { rows, sharePercent };
}

const applications = (n: number) => countOf(n, 'application');

export interface CategoryStanding {
  /** The category's own budget. */
  budgetFen: number;
  /** Committed to it by earlier decisions (already counted in `rows` when they are listed there). */
  committedFen: number;
  /** What the undecided could still get: the budget less what is committed, capped by the program's. */
  availableFen: number;
  totalBudgetFen: number;
  remainingFen: number;
  /** Every ranked application of the category, decided or not, with what it gets now. */
  rows: readonly { funded: boolean; allocatedFen: number; score: number }[];
}

/**
 * The one sentence that sums up a category — its budget, what earlier decisions committed, how many
 * of its ranked applications are funded with how much, what is left and where the line is — and the
 * funding line itself (the lowest funded score). It describes every row it is given, so a ranking that
 * lists decided and undecided applications together says how many are funded in all.
 */
export function summariseCategory(c: CategoryStanding): { explanation: string; fundingLine: number | null } {
  const budget = wholeFen(c.budgetFen);
  const open = Math.max(0, budget - wholeFen(c.committedFen));
  const limit = [
    `budget ${formatYuan(budget)}`,
    ...(c.committedFen > 0 ? [`${formatYuan(c.committedFen)} of it already decided`] : []),
    ...(c.availableFen < open
      ? [`limited to the ${formatYuan(c.availableFen)} left of the program budget ${formatYuan(c.totalBudgetFen)}`]
      : []),
  ].join(', ');
  const funded = c.rows.filter((r) => r.funded);
  const fundedFen = funded.reduce((sum, r) => sum + r.allocatedFen, 0);
  const fundingLine = funded.length ? Math.min(...funded.map((r) => r.score)) : null;
  return {
    fundingLine,
    explanation:
      `${limit}; ${funded.length} of ${applications(c.rows.length)} funded with ${formatYuan(fundedFen)}, ` +
      `${formatYuan(c.remainingFen)} left` +
      (fundingLine === null ? '' : `; funding line at score ${fixed2(fundingLine)}`),
  };
}

/**
 * The trial (or final) allocation of a program's money: per category in the program's order, then any
 * unknown categories. Pure and reproducible: the same input gives a deep-equal result.
 */
export function allocate(input: AllocationInput): AllocationResult {
  const committed = wholeFen(input.alreadyCommittedFen ?? 0);
  let programLeft = Math.max(0, wholeFen(input.totalBudgetFen) - committed);

  // A repeated category code (which checkProgramSettings refuses) counts once, with its first budget.
  const seen = new Set<string>();
  const categories: ProgramCategory[] = [];
  for (const c of input.categories) {
    if (seen.has(c.code)) continue;
    seen.add(c.code);
    categories.push(c);
  }
  const byCategory = new Map<string, RankedApplication[]>();
  for (const r of input.ranked) {
    const group = byCategory.get(r.categoryCode);
    if (group) group.push(r);
    else byCategory.set(r.categoryCode, [r]);
  }

  const result: CategoryAllocation[] = [];
  for (const category of categories) {
    const drafts = [...(byCategory.get(category.code) ?? [])].sort(byRank).map(draftRow);
    const budget = wholeFen(category.budgetFen);
    const availableFen = Math.min(budget, programLeft);
    let rows: AllocationRow[];
    let sharePercent: number | null = null;
    if (input.strategy === 'proportional') {
      const proportional = allocateProportional(drafts, category, availableFen, input.minimumScore);
      rows = proportional.rows;
      sharePercent = proportional.sharePercent;
    } else {
      rows = allocateBestFirst(drafts, category, availableFen, input.minimumScore);
    }
    const allocatedFen = rows.reduce((sum, r) => sum + r.allocatedFen, 0);
    programLeft -= allocatedFen;
    const summary = summariseCategory({
      budgetFen: budget,
      committedFen: 0,
      availableFen,
      totalBudgetFen: input.totalBudgetFen,
      remainingFen: availableFen - allocatedFen,
      rows,
    });
    result.push({
      categoryCode: category.code,
      budgetFen: category.budgetFen,
      availableFen,
      allocatedFen,
      remainingFen: availableFen - allocatedFen,
      fundingLine: summary.fundingLine,
      sharePercent,
      explanation: summary.explanation,
      rows,
    });
  }

  const unknown = [...byCategory.keys()].filter((code) => !seen.has(code)).sort();
  for (const code of unknown) {
    const rows = [...(byCategory.get(code) ?? [])]
      .sort(byRank)
      .map(draftRow)
      .map((d) => finish(d, 0, 'not_eligible', ineligibility(d, undefined) ?? ''));
    result.push({
      categoryCode: code,
      budgetFen: 0,
      availableFen: 0,
      allocatedFen: 0,
      remainingFen: 0,
      fundingLine: null,
      sharePercent: null,
      explanation: `category "${code}" is not one of the program's categories; none of its ${applications(rows.length)} can be funded`,
      rows,
    });
  }

  const totalAllocatedFen = result.reduce((sum, c) => sum + c.allocatedFen, 0);
  return {
    categories: result,
    totalAllocatedFen,
    totalBudgetFen: input.totalBudgetFen,
    alreadyCommittedFen: committed,
    remainingFen: Math.max(0, wholeFen(input.totalBudgetFen) - committed - totalAllocatedFen),
  };
}
