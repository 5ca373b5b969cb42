import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from './program';
import {
  aggregateScores,
  type CriterionScore,
  checkReviewScores,
  firstCriterionScore,
  type ReviewTotal,
  reviewTotal,
  trimmedMean,
} from './scoring';

const JUSTIFICATION = '选题前沿，方案可行，预算基本合理。';

const fullScores: CriterionScore[] = [
  { code: 'academic_level', score: 25.5 },
  { code: 'social_impact', score: 20 },
  { code: 'feasibility', score: 16.5 },
  { code: 'budget_soundness', score: 12.1 },
  { code: 'track_record', score: 8.2 },
];

const review = (applicationId: string, reviewerId: string, total: number, firstCriterion = 0): ReviewTotal => ({
  applicationId,
  reviewerId,
  total,
  firstCriterion,
});

describe('checkReviewScores', () => {
  it('accepts every criterion once, within its weight, in tenths, with a justification', () => {
    expect(checkReviewScores(DEFAULT_RUBRIC, fullScores, JUSTIFICATION)).toEqual([]);
  });

  it('names each problem at its path', () => {
    const scores: CriterionScore[] = [
      { code: 'academic_level', score: 31 },
      { code: 'social_impact', score: 20.25 },
      { code: 'social_impact', score: 20 },
      { code: 'originality', score: 5 },
      { code: 'feasibility', score: -1 },
      { code: 'budget_soundness', score: 15 },
    ];
    expect(checkReviewScores(DEFAULT_RUBRIC, scores, '  很好  ')).toEqual([
      {
        path: '/scores/0/score',
        code: 'score_out_of_range',
        message: 'the score 31 for "academic_level" is outside 0–30',
      },
      {
        path: '/scores/1/score',
        code: 'score_precision',
        message: 'the score 20.25 for "social_impact" has more than one decimal place',
      },
      {
        path: '/scores/2/code',
        code: 'criterion_duplicate',
        message: 'criterion "social_impact" is scored more than once',
      },
      {
        path: '/scores/3/code',
        code: 'criterion_unknown',
        message:
          '"originality" is not a criterion of the rubric (academic_level, social_impact, feasibility, budget_soundness, track_record)',
      },
      {
        path: '/scores/4/score',
        code: 'score_out_of_range',
        message: 'the score -1 for "feasibility" is outside 0–20',
      },
      { path: '/scores', code: 'criterion_missing', message: 'criterion "track_record" (以往绩效) has no score' },
      {
        path: '/justification',
        code: 'justification_too_short',
        message: 'the justification has 2 characters; at least 10 are needed',
      },
    ]);
  });

  it('counts the justification in characters after trimming: 9 Chinese characters are too few, 10 enough', () => {
    expect(checkReviewScores(DEFAULT_RUBRIC, fullScores, ' 一二三四五六七八九 ').map((p) => p.code)).toEqual([
      'justification_too_short',
    ]);
    expect(checkReviewScores(DEFAULT_RUBRIC, fullScores, '一二三四五六七八九十')).toEqual([]);
  });

  it('totals exactly to one decimal, and reads the first criterion', () => {
    expect(reviewTotal(fullScores)).toBe(82.3);
    expect(
      reviewTotal([
        { code: 'a', score: 0.1 },
        { code: 'b', score: 0.2 },
      ]),
    ).toBe(0.3);
    expect(firstCriterionScore(DEFAULT_RUBRIC, fullScores)).toBe(25.5);
    expect(firstCriterionScore(DEFAULT_RUBRIC, [])).toBe(0);
  });
});

describe('trimmedMean', () => {
  it('drops the highest and lowest at five values: 72, 80, 81, 85, 93 → (80 + 81 + 85) / 3 = 82', () => {
    expect(trimmedMean([93, 80, 72, 85, 81])).toBe(82);
  });

  it('keeps everything below five values', () => {
    expect(trimmedMean([70, 80, 90, 100])).toBe(85);
    expect(trimmedMean([61])).toBe(61);
    expect(() => trimmedMean([])).toThrow(RangeError);
  });

  it('always lies between the lowest and highest value and ignores order', () => {
    const totals = fc.array(
      fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(totals, (values) => {
        const m = trimmedMean(values);
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
        expect(trimmedMean([...values].reverse())).toBe(m);
      }),
    );
  });
});

describe('aggregateScores: trimmed mean', () => {
  it('explains the worked example', () => {
    const reviews = [93, 80, 72, 85, 81].map((t, i) => review('app-1', `r${i}`, t, 20 + i));
    expect(aggregateScores('trimmed_mean', reviews).get('app-1')).toEqual({
      applicationId: 'app-1',
      score: 82,
      // first-criterion values 20…24: the same trimming drops 20 and 24.
      firstCriterion: 22,
      reviewCount: 5,
      trimmed: true,
      explanation: 'mean of 5 reviewer totals (72, 80, 81, 85, 93) dropping the highest 93 and the lowest 72 = 82.00',
    });
  });

  it('rounds to two decimals and does not trim three reviews', () => {
    const result = aggregateScores('trimmed_mean', [
      review('a', 'r1', 70),
      review('a', 'r2', 80),
      review('a', 'r3', 81),
    ]);
    expect(result.get('a')).toMatchObject({ score: 77, trimmed: false, reviewCount: 3 });
    const thirds = aggregateScores('trimmed_mean', [
      review('b', 'r1', 70),
      review('b', 'r2', 70),
      review('b', 'r3', 71),
    ]);
    expect(thirds.get('b')?.score).toBe(70.33);
  });
});

describe('aggregateScores: z-score', () => {
  it('maps each reviewer’s z back to the program scale: grand mean 80, grand sd √(1000/6)', () => {
    // Both reviewers rank A < B < C, one 20 points harsher: z = −√1.5, 0, +√1.5 for each.
    const reviews = [
      review('A', 'r1', 60),
      review('B', 'r1', 70),
      review('C', 'r1', 80),
      review('A', 'r2', 80),
      review('B', 'r2', 90),
      review('C', 'r2', 100),
    ];
    const result = aggregateScores('z_score', reviews);
    // 80 ± √(1000/6) · √1.5 = 80 ± 10·√2.5 = 80 ± 15.81
    expect([...result.values()].map((s) => [s.applicationId, s.score])).toEqual([
      ['A', 64.19],
      ['B', 80],
      ['C', 95.81],
    ]);
    expect(result.get('A')?.explanation).toBe(
      "z-scores of 2 reviews against each reviewer's own mean and spread (-1.22, -1.22); mean z = -1.22; on the program scale 80.00 + 12.91 × -1.22 = 64.19",
    );
  });

  it('gives z = 0 to a reviewer with one review or one total for everything', () => {
    const result = aggregateScores('z_score', [
      review('A', 'solo', 95),
      review('A', 'flat', 70),
      review('B', 'flat', 70),
    ]);
    expect(result.get('A')?.score).toBe(result.get('B')?.score);
  });

  it('clamps to 0–100', () => {
    const reviews = [
      ...['r1', 'r2', 'r3'].flatMap((r) => [review('top', r, 100), review('mid', r, 99), review('low', r, 0)]),
    ];
    const result = aggregateScores('z_score', reviews);
    for (const s of result.values()) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(100);
    }
  });

  it('is not swayed by a lenient reviewer the way the trimmed mean is', () => {
    // r3 only reviews A and C and is harsh; r4 only reviews B and C and is lenient.
    const reviews = [
      review('A', 'r1', 80),
      review('B', 'r1', 78),
      review('A', 'r2', 80),
      review('B', 'r2', 78),
      review('A', 'r3', 70),
      review('C', 'r3', 60),
      review('B', 'r4', 90),
      review('C', 'r4', 80),
    ];
    const order = (m: Map<string, { score: number }>) =>
      [...m.entries()].sort((x, y) => y[1].score - x[1].score).map(([id]) => id);
    const r4Harsher = reviews.map((r) => (r.reviewerId === 'r4' ? { ...r, total: r.total - 20 } : r));
    // The trimmed mean ranks B (82.00) above A (76.67) only because r4 is lenient; 20 points less flips it.
    expect(order(aggregateScores('trimmed_mean', reviews))).toEqual(['B', 'A', 'C']);
    expect(order(aggregateScores('trimmed_mean', r4Harsher))).toEqual(['A', 'B', 'C']);
    // Every common reviewer prefers A: z-scores say so whatever r4's level.
    expect(order(aggregateScores('z_score', reviews))).toEqual(['A', 'B', 'C']);
    expect(order(aggregateScores('z_score', r4Harsher))).toEqual(['A', 'B', 'C']);
  });
});

describe('aggregateScores properties', () => {
  const reviewsArb = fc
    .tuple(
      fc.integer({ min: 2, max: 6 }),
      fc.integer({ min: 2, max: 8 }),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 30 })), {
        minLength: 1,
        maxLength: 40,
      }),
    )
    .map(([reviewerCount, applicationCount, raw]) => {
      const seen = new Set<string>();
      const reviews: ReviewTotal[] = [];
      for (const [r, a, total, first] of raw) {
        const reviewerId = `r${r % reviewerCount}`;
        const applicationId = `a${a % applicationCount}`;
        if (seen.has(`${applicationId}/${reviewerId}`)) continue;
        seen.add(`${applicationId}/${reviewerId}`);
        reviews.push(review(applicationId, reviewerId, total, first));
      }
      return reviews;
    });
  const method = fc.constantFrom('trimmed_mean' as const, 'z_score' as const);

  it('scores every reviewed application within 0–100 with its review count, independent of input order', () => {
    fc.assert(
      fc.property(method, reviewsArb, (m, reviews) => {
        const result = aggregateScores(m, reviews);
        expect([...result.keys()].sort()).toEqual([...new Set(reviews.map((r) => r.applicationId))].sort());
        for (const s of result.values()) {
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(100);
          expect(s.reviewCount).toBe(reviews.filter((r) => r.applicationId === s.applicationId).length);
          expect(s.trimmed).toBe(s.reviewCount >= 5);
        }
        expect(aggregateScores(m, [...reviews].reverse())).toEqual(result);
      }),
    );
  });

  it('z-score: a reviewer adding a constant to all their totals does not change the ranking', () => {
    fc.assert(
      fc.property(reviewsArb, fc.nat(), fc.integer({ min: -30, max: 30 }), (reviews, pick, shift) => {
        const reviewerIds = [...new Set(reviews.map((r) => r.reviewerId))];
        const shifted = reviewerIds[pick % reviewerIds.length];
        const before = aggregateScores('z_score', reviews);
        const after = aggregateScores(
          'z_score',
          reviews.map((r) => (r.reviewerId === shifted ? { ...r, total: r.total + shift } : r)),
        );
        for (const a of before.values()) {
          for (const b of before.values()) {
            if (a.score > b.score) {
              expect(after.get(a.applicationId)?.score).toBeGreaterThanOrEqual(after.get(b.applicationId)?.score ?? 0);
            }
          }
        }
      }),
    );
  });
});
