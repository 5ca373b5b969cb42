import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RankInput, rankApplications, rankExplanation } from './ranking';

const item = (overrides: Partial<RankInput> & Pick<RankInput, 'applicationId'>): RankInput => ({
  categoryCode: 'academic_exchange',
  score: 80,
  firstCriterion: 24,
  submittedAt: '2026-04-02T10:00:00+08:00',
  requestedFen: 5_000_000,
  adjustedFen: null,
  ...overrides,
});

describe('rankApplications worked example', () => {
  const items = [
    item({ applicationId: 'E', submittedAt: '2026-04-02T02:00:00Z' }), // same instant as C
    item({ applicationId: 'C' }),
    item({ applicationId: 'A', score: 85.2 }),
    item({ applicationId: 'D', submittedAt: '2026-04-01T09:00:00+08:00' }),
    item({ applicationId: 'B', firstCriterion: 26 }),
  ];

  it('orders by score, first criterion, submission instant, then id, and says which rule decided', () => {
    expect(rankApplications(items).map((r) => [r.applicationId, r.rank, r.tieBreak])).toEqual([
      ['A', 1, null],
      ['B', 2, null], // 80 < 85.2: the score alone decided
      ['D', 3, 'first_criterion'], // 24 < 26
      ['C', 4, 'submitted_at'], // 2 April after 1 April
      ['E', 5, 'id'], // the same instant as C, written in UTC
    ]);
  });

  it('explains each row against the one above', () => {
    const ranked = rankApplications(items);
    expect(ranked.map((r, i) => rankExplanation(r, ranked[i - 1]))).toEqual([
      'rank 1 in "academic_exchange" with score 85.20, requesting ¥50,000.00: the highest score in the category',
      'rank 2 in "academic_exchange" with score 80.00, requesting ¥50,000.00: below rank 1\'s score 85.20',
      'rank 3 in "academic_exchange" with score 80.00, requesting ¥50,000.00: tied on score with rank 2, lower on the first criterion (24.00 < 26.00)',
      'rank 4 in "academic_exchange" with score 80.00, requesting ¥50,000.00: tied on score and first criterion (24.00) with rank 3, submitted later (2026-04-02T10:00:00+08:00 after 2026-04-01T09:00:00+08:00)',
      'rank 5 in "academic_exchange" with score 80.00, requesting ¥50,000.00: tied with rank 4 on score, first criterion and submission time; ordered by application id',
    ]);
  });

  it('ranks each category on its own, categories in code order', () => {
    const ranked = rankApplications([
      item({ applicationId: 'p1', categoryCode: 'popularisation', score: 60 }),
      item({ applicationId: 'x1', score: 70 }),
      item({ applicationId: 'p2', categoryCode: 'popularisation', score: 90, adjustedFen: 2_000_000 }),
    ]);
    expect(ranked.map((r) => [r.categoryCode, r.applicationId, r.rank])).toEqual([
      ['academic_exchange', 'x1', 1],
      ['popularisation', 'p2', 1],
      ['popularisation', 'p1', 2],
    ]);
    const p2 = ranked.find((r) => r.applicationId === 'p2');
    if (!p2) throw new Error('p2 is ranked');
    expect(rankExplanation(p2, undefined)).toBe(
      'rank 1 in "popularisation" with score 90.00, requesting ¥50,000.00, adjusted to ¥20,000.00: the highest score in the category',
    );
  });
});

describe('rankApplications properties', () => {
  const instant = fc
    .integer({ min: Date.parse('2026-03-01T00:00:00Z') / 60_000, max: Date.parse('2026-03-03T00:00:00Z') / 60_000 })
    .map((minutes) => new Date(minutes * 60_000).toISOString());
  const items = fc.uniqueArray(
    fc.record({
      applicationId: fc.string({ minLength: 1, maxLength: 3 }),
      categoryCode: fc.constantFrom('a', 'b', 'c'),
      score: fc.integer({ min: 55, max: 60 }),
      firstCriterion: fc.integer({ min: 20, max: 21 }),
      submittedAt: instant,
      requestedFen: fc.integer({ min: 1, max: 10_000_000 }),
      adjustedFen: fc.option(fc.integer({ min: 1, max: 10_000_000 })),
    }),
    { selector: (r) => r.applicationId, maxLength: 25 },
  );

  it('ranks 1..n within each category, by score then the tie-breaks, whatever the input order', () => {
    fc.assert(
      fc.property(items, (input) => {
        const ranked = rankApplications(input);
        expect(ranked).toHaveLength(input.length);
        expect(rankApplications([...input].reverse())).toEqual(ranked);
        for (const code of ['a', 'b', 'c']) {
          const group = ranked.filter((r) => r.categoryCode === code);
          expect(group.map((r) => r.rank)).toEqual(group.map((_, i) => i + 1));
          group.forEach((r, i) => {
            const above = group[i - 1];
            if (!above) {
              expect(r.tieBreak).toBeNull();
              return;
            }
            expect(r.score).toBeLessThanOrEqual(above.score);
            if (r.score < above.score) expect(r.tieBreak).toBeNull();
            else expect(r.tieBreak).not.toBeNull();
            if (r.tieBreak === 'first_criterion') expect(r.firstCriterion).toBeLessThan(above.firstCriterion);
            if (r.tieBreak === 'submitted_at') {
              expect(r.firstCriterion).toBe(above.firstCriterion);
              expect(Date.parse(r.submittedAt)).toBeGreaterThan(Date.parse(above.submittedAt));
            }
            if (r.tieBreak === 'id') {
              expect(r.submittedAt).toBe(above.submittedAt);
              expect(r.applicationId > above.applicationId).toBe(true);
            }
          });
        }
      }),
    );
  });
});
