/**
 * Review scores and their aggregation (SPEC §3).
 *
 * A reviewer scores every rubric criterion once, from 0 to its weight, in steps of 0.1 at the finest
 * (reviewers give half points; one decimal keeps totals exact to compare and show), and writes a
 * justification of at least 10 characters. The review's total is the sum, 0–100.
 *
 * An application's score is one of:
 *
 * - `trimmed_mean`: the mean of its reviewers' totals, dropping the single highest and single lowest
 *   when there are 5 or more reviews.
 * - `z_score`: each review is first expressed against its reviewer's own habits over the whole program,
 *   z = (total − reviewer's mean) / reviewer's standard deviation (population; 0 when the reviewer has a
 *   single review or gives everything the same total), so a harsh or lenient reviewer does not decide
 *   the ranking. The application's z is the mean of its reviews' z, trimmed as above, and is mapped back
 *   to the 0–100 scale as grand mean + grand standard deviation × z over all the program's totals,
 *   clamped to 0–100, so the minimum fundable score still means something.
 *
 * Scores are rounded to 2 decimals. `firstCriterion` — the ranking's first tie-break — is the mean of the
 * raw first-criterion scores with the same trimming (highest and lowest of those values dropped at 5 or
 * more), for both methods.
 *
 * Worked example (see scoring.test.ts): totals 72, 80, 81, 85, 93 give (80 + 81 + 85) / 3 = 82.00 under
 * `trimmed_mean`.
 */
import { countOf } from '../plural';
import type { Problem, RubricCriterion, ScoringMethod } from './program';

export const MINIMUM_JUSTIFICATION_LENGTH = 10;

export interface CriterionScore {
  code: string;
  score: number;
}

function hasAtMostOneDecimal(value: number): boolean {
  return Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
}

/** Every problem with one reviewer's scores for one application; empty when the review can be saved. */
export function checkReviewScores(
  rubric: RubricCriterion[],
  scores: CriterionScore[],
  justification: string,
): Problem[] {
  const problems: Problem[] = [];
  const weights = new Map(rubric.map((c) => [c.code, c.weight]));
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    const weight = weights.get(s.code);
    if (weight === undefined) {
      problems.push({
        path: `/scores/${i}/code`,
        code: 'criterion_unknown',
        message: `"${s.code}" is not a criterion of the rubric (${rubric.map((c) => c.code).join(', ')})`,
      });
      return;
    }
    if (seen.has(s.code)) {
      problems.push({
        path: `/scores/${i}/code`,
        code: 'criterion_duplicate',
        message: `criterion "${s.code}" is scored more than once`,
      });
      return;
    }
    seen.add(s.code);
    if (!Number.isFinite(s.score) || s.score < 0 || s.score > weight) {
      problems.push({
        path: `/scores/${i}/score`,
        code: 'score_out_of_range',
        message: `the score ${s.score} for "${s.code}" is outside 0–${weight}`,
      });
    } else if (!hasAtMostOneDecimal(s.score)) {
      problems.push({
        path: `/scores/${i}/score`,
        code: 'score_precision',
        message: `the score ${s.score} for "${s.code}" has more than one decimal place`,
      });
    }
  });
  for (const c of rubric) {
    if (!seen.has(c.code)) {
      problems.push({
        path: '/scores',
        code: 'criterion_missing',
        message: `criterion "${c.code}" (${c.name}) has no score`,
      });
    }
  }
  const length = [...justification.trim()].length;
  if (length < MINIMUM_JUSTIFICATION_LENGTH) {
    problems.push({
      path: '/justification',
      code: 'justification_too_short',
      message: `the justification has ${countOf(length, 'character')}; at least ${MINIMUM_JUSTIFICATION_LENGTH} are needed`,
    });
  }
  return problems;
}

/** The sum of a review's criterion scores, exact to one decimal. */
export function reviewTotal(scores: CriterionScore[]): number {
  return Math.round(scores.reduce((sum, s) => sum + s.score * 10, 0)) / 10;
}

/** The score a review gives the rubric's first criterion (0 when absent), which breaks ranking ties. */
export function firstCriterionScore(rubric: RubricCriterion[], scores: CriterionScore[]): number {
  const first = rubric[0];
  return (first && scores.find((s) => s.code === first.code)?.score) ?? 0;
}

export interface ReviewTotal {
  applicationId: string;
  reviewerId: string;
  total: number;
  firstCriterion: number;
}

/** At 5 or more values the single highest and single lowest are dropped. */
export const TRIM_FROM = 5;

const ascending = (a: number, b: number) => a - b;

/** Summed in ascending order, so the result does not depend on the order the values came in. */
function mean(values: readonly number[]): number {
  const sorted = [...values].sort(ascending);
  return sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
}

function populationSd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

/**
 * The mean, dropping the single highest and single lowest value when there are 5 or more. The result is
 * kept within the kept values' range, which floating-point division could otherwise leave by one ulp.
 */
export function trimmedMean(totals: readonly number[]): number {
  if (totals.length === 0) throw new RangeError('trimmedMean needs at least one value');
  const sorted = [...totals].sort(ascending);
  const kept = sorted.length >= TRIM_FROM ? sorted.slice(1, -1) : sorted;
  const low = kept[0] ?? 0;
  const high = kept[kept.length - 1] ?? 0;
  return Math.min(high, Math.max(low, mean(kept)));
}

export interface AggregatedScore {
  applicationId: string;
  /** 0–100, rounded to 2 decimals. */
  score: number;
  /** Mean of the first rubric criterion, same trimming, rounded to 2 decimals. */
  firstCriterion: number;
  reviewCount: number;
  trimmed: boolean;
  explanation: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const fixed2 = (n: number) => (Object.is(round2(n), -0) ? 0 : round2(n)).toFixed(2);

function listed(values: readonly number[], format: (n: number) => string = String): string {
  return [...values]
    .sort(ascending)
    .map((v) => format(v))
    .join(', ');
}

function trimNote(values: readonly number[], format: (n: number) => string = String): string {
  if (values.length < TRIM_FROM) return '';
  const sorted = [...values].sort(ascending);
  return ` dropping the highest ${format(sorted[sorted.length - 1] ?? 0)} and the lowest ${format(sorted[0] ?? 0)}`;
}

/** Groups reviews by application, in ascending id order so the map's order is reproducible. */
function byApplication(reviews: readonly ReviewTotal[]): Map<string, ReviewTotal[]> {
  const groups = new Map<string, ReviewTotal[]>();
  for (const r of [...reviews].sort((a, b) =>
    a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0,
  )) {
    const group = groups.get(r.applicationId);
    if (group) group.push(r);
    else groups.set(r.applicationId, [r]);
  }
  return groups;
}

/** Every application's score under the program's method, keyed by application id. */
export function aggregateScores(method: ScoringMethod, reviews: ReviewTotal[]): Map<string, AggregatedScore> {
  const result = new Map<string, AggregatedScore>();
  const groups = byApplication(reviews);

  if (method === 'trimmed_mean') {
    for (const [applicationId, group] of groups) {
      const totals = group.map((r) => r.total);
      const score = round2(trimmedMean(totals));
      result.set(applicationId, {
        applicationId,
        score,
        firstCriterion: round2(trimmedMean(group.map((r) => r.firstCriterion))),
        reviewCount: group.length,
        trimmed: group.length >= TRIM_FROM,
        explanation: `mean of ${countOf(group.length, 'reviewer total')} (${listed(totals)})${trimNote(totals)} = ${fixed2(score)}`,
      });
    }
    return result;
  }

  const byReviewer = new Map<string, number[]>();
  for (const r of reviews) {
    const totals = byReviewer.get(r.reviewerId);
    if (totals) totals.push(r.total);
    else byReviewer.set(r.reviewerId, [r.total]);
  }
  const reviewerStats = new Map<string, { mean: number; sd: number }>();
  for (const [reviewerId, totals] of byReviewer) {
    reviewerStats.set(reviewerId, { mean: mean(totals), sd: populationSd(totals) });
  }
  const zOf = (r: ReviewTotal): number => {
    const stats = reviewerStats.get(r.reviewerId);
    return stats && stats.sd > 0 ? (r.total - stats.mean) / stats.sd : 0;
  };
  const allTotals = reviews.map((r) => r.total);
  const grandMean = allTotals.length ? mean(allTotals) : 0;
  const grandSd = populationSd(allTotals);

  for (const [applicationId, group] of groups) {
    const zs = group.map(zOf);
    const meanZ = trimmedMean(zs);
    const raw = grandMean + grandSd * meanZ;
    const score = round2(Math.min(100, Math.max(0, raw)));
    const clamp = raw > 100 ? ', clamped to 100' : raw < 0 ? ', clamped to 0' : '';
    result.set(applicationId, {
      applicationId,
      score,
      firstCriterion: round2(trimmedMean(group.map((r) => r.firstCriterion))),
      reviewCount: group.length,
      trimmed: group.length >= TRIM_FROM,
      explanation:
        `z-scores of ${countOf(group.length, 'review')} against each reviewer's own mean and spread (${listed(zs, fixed2)}); ` +
        `mean z${trimNote(zs, fixed2)} = ${fixed2(meanZ)}; ` +
        `on the program scale ${fixed2(grandMean)} + ${fixed2(grandSd)} × ${fixed2(meanZ)} = ${fixed2(raw)}${clamp}`,
    });
  }
  return result;
}
