import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AllocationInput, allocate, summariseCategory } from './allocation';
import type { ProgramCategory } from './program';
import { type RankInput, rankApplications } from './ranking';

const YUAN = 100;

const exchange: ProgramCategory = {
  code: 'academic_exchange',
  name: '学术与技术交流',
  capFen: 60_000 * YUAN,
  budgetFen: 100_000 * YUAN,
};

const row = (
  applicationId: string,
  score: number,
  requestedYuan: number,
  overrides: Partial<RankInput> = {},
): RankInput => ({
  applicationId,
  categoryCode: 'academic_exchange',
  score,
  firstCriterion: 20,
  submittedAt: '2026-04-01T10:00:00+08:00',
  requestedFen: requestedYuan * YUAN,
  adjustedFen: null,
  ...overrides,
});

// Requests of ¥50,000, ¥40,000, ¥30,000 and ¥10,000 in rank order, and one below the minimum.
const worked = rankApplications([
  row('A', 90, 50_000),
  row('B', 85, 40_000),
  row('C', 80, 30_000),
  row('D', 75, 10_000),
  row('E', 55, 5_000),
]);

const input = (overrides: Partial<AllocationInput> = {}): AllocationInput => ({
  strategy: 'best_first',
  minimumScore: 60,
  categories: [exchange],
  ranked: worked,
  totalBudgetFen: 100_000 * YUAN,
  ...overrides,
});

describe('best first, fully funded', () => {
  it('funds A and B; C draws the line and D, although it would fit in the ¥10,000.00 left, is not funded', () => {
    const result = allocate(input());
    const category = result.categories[0];
    expect(category?.rows.map((r) => [r.applicationId, r.allocatedFen, r.reason])).toEqual([
      ['A', 5_000_000, 'funded_in_full'],
      ['B', 4_000_000, 'funded_in_full'],
      ['C', 0, 'budget_exhausted'],
      ['D', 0, 'budget_exhausted'],
      ['E', 0, 'below_minimum'],
    ]);
    expect(category).toMatchObject({
      budgetFen: 10_000_000,
      availableFen: 10_000_000,
      allocatedFen: 9_000_000,
      remainingFen: 1_000_000,
      fundingLine: 85,
      sharePercent: null,
    });
    expect(category?.rows.map((r) => r.explanation)).toEqual([
      'score 90.00 ≥ 60.00; its request ¥50,000.00 fits in the ¥100,000.00 left, leaving ¥50,000.00',
      'score 85.00 ≥ 60.00; its request ¥40,000.00 fits in the ¥50,000.00 left, leaving ¥10,000.00',
      'score 80.00 ≥ 60.00, but its request ¥30,000.00 exceeds the ¥10,000.00 left; the funding line is drawn here',
      'score 75.00, ranked below rank 3 where the funding line was drawn; lower-ranked applications are not funded ahead of it',
      'score 55.00 is below the minimum fundable score 60.00',
    ]);
    expect(category?.explanation).toBe(
      'budget ¥100,000.00; 2 of 5 applications funded with ¥90,000.00, ¥10,000.00 left; funding line at score 85.00',
    );
    expect(result).toMatchObject({ totalAllocatedFen: 9_000_000, totalBudgetFen: 10_000_000, remainingFen: 1_000_000 });
  });

  it('funds the staff-adjusted amount instead of the request', () => {
    const adjusted = rankApplications([row('A', 90, 50_000), row('B', 85, 60_000, { adjustedFen: 50_000 * YUAN })]);
    const rows = allocate(input({ ranked: adjusted })).categories[0]?.rows;
    expect(rows?.map((r) => [r.basisFen, r.allocatedFen])).toEqual([
      [5_000_000, 5_000_000],
      [5_000_000, 5_000_000],
    ]);
    expect(rows?.[1]?.explanation).toContain('its adjusted amount ¥50,000.00 (requested ¥60,000.00)');
  });

  it('sets aside ineligible rows without drawing the line', () => {
    const ranked = rankApplications([
      row('A', 90, 70_000), // over the ¥60,000.00 cap
      row('B', 85, 0),
      row('C', 80, 40_000),
      row('X', 99, 1_000, { categoryCode: 'journal' }),
    ]);
    const result = allocate(input({ ranked }));
    expect(result.categories.map((c) => c.categoryCode)).toEqual(['academic_exchange', 'journal']);
    expect(result.categories[0]?.rows.map((r) => [r.applicationId, r.reason, r.explanation])).toEqual([
      ['A', 'not_eligible', 'its request ¥70,000.00 exceeds the category cap ¥60,000.00'],
      ['B', 'not_eligible', 'the amount to fund must be a positive whole number of fen, not 0'],
      [
        'C',
        'funded_in_full',
        'score 80.00 ≥ 60.00; its request ¥40,000.00 fits in the ¥100,000.00 left, leaving ¥60,000.00',
      ],
    ]);
    expect(result.categories[1]?.rows.map((r) => [r.applicationId, r.reason, r.allocatedFen])).toEqual([
      ['X', 'not_eligible', 0],
    ]);
  });
});

describe('over the threshold, share of request', () => {
  it('gives each of A–D 100,000 / 130,000 = 76.92 % of its request, floored to whole fen', () => {
    const category = allocate(input({ strategy: 'proportional' })).categories[0];
    expect(category?.rows.map((r) => [r.applicationId, r.allocatedFen, r.reason])).toEqual([
      ['A', 3_846_153, 'funded_share'], // 5,000,000 × 10/13 = 3,846,153.8
      ['B', 3_076_923, 'funded_share'], // 4,000,000 × 10/13 = 3,076,923.1
      ['C', 2_307_692, 'funded_share'], // 3,000,000 × 10/13 = 2,307,692.3
      ['D', 769_230, 'funded_share'], // 1,000,000 × 10/13 = 769,230.8
      ['E', 0, 'below_minimum'],
    ]);
    expect(category).toMatchObject({ allocatedFen: 9_999_998, remainingFen: 2, sharePercent: 76.92, fundingLine: 75 });
    expect(category?.rows[0]?.explanation).toBe(
      'score 90.00 ≥ 60.00; every application above the minimum receives ¥100,000.00 / ¥130,000.00 = 76.92 % of its amount, floored to whole fen: ¥38,461.53 of its request ¥50,000.00',
    );
  });

  it('funds everything in full when the budget covers it', () => {
    const category = allocate(
      input({
        strategy: 'proportional',
        categories: [{ ...exchange, budgetFen: 200_000 * YUAN }],
        totalBudgetFen: 200_000 * YUAN,
      }),
    ).categories[0];
    expect(category?.rows.filter((r) => r.funded).every((r) => r.reason === 'funded_in_full')).toBe(true);
    expect(category).toMatchObject({ allocatedFen: 13_000_000, sharePercent: 100 });
  });
});

describe('the program budget', () => {
  const journal: ProgramCategory = {
    code: 'journal',
    name: '学术期刊',
    capFen: 50_000 * YUAN,
    budgetFen: 100_000 * YUAN,
  };
  const journalRows = rankApplications([
    row('J1', 88, 50_000, { categoryCode: 'journal' }),
    row('J2', 70, 40_000, { categoryCode: 'journal' }),
  ]);

  it('caps later categories by what earlier ones left of a program budget smaller than their sum', () => {
    const result = allocate(
      input({ categories: [exchange, journal], ranked: [...worked, ...journalRows], totalBudgetFen: 150_000 * YUAN }),
    );
    // academic_exchange spends ¥90,000.00, so journal may spend only ¥60,000.00 of its ¥100,000.00.
    const second = result.categories[1];
    expect(second).toMatchObject({ budgetFen: 10_000_000, availableFen: 6_000_000, allocatedFen: 5_000_000 });
    expect(second?.explanation).toContain('limited to the ¥60,000.00 left of the program budget ¥150,000.00');
    expect(second?.rows.map((r) => r.reason)).toEqual(['funded_in_full', 'budget_exhausted']);
    expect(result.totalAllocatedFen).toBe(14_000_000);
  });

  it('counts money already committed in the program', () => {
    const result = allocate(input({ totalBudgetFen: 100_000 * YUAN, alreadyCommittedFen: 60_000 * YUAN }));
    expect(result.categories[0]?.availableFen).toBe(4_000_000);
    expect(result.categories[0]?.rows.map((r) => r.reason)).toEqual([
      'budget_exhausted',
      'budget_exhausted',
      'budget_exhausted',
      'budget_exhausted',
      'below_minimum',
    ]);
    expect(result).toMatchObject({ totalAllocatedFen: 0, alreadyCommittedFen: 6_000_000, remainingFen: 4_000_000 });
  });
});

describe('allocation properties', () => {
  const categoriesArb = fc
    .array(fc.record({ cap: fc.integer({ min: 1, max: 500 }), budget: fc.integer({ min: 0, max: 2_000 }) }), {
      minLength: 1,
      maxLength: 3,
    })
    .map((list) =>
      list.map(({ cap, budget }, i) => ({
        code: `c${i}`,
        name: `C${i}`,
        capFen: cap * 1_000,
        budgetFen: budget * 1_000,
      })),
    );
  const itemsArb = fc.uniqueArray(
    fc.record({
      applicationId: fc.string({ minLength: 1, maxLength: 4 }),
      categoryCode: fc.constantFrom('c0', 'c1', 'c2', 'zz'),
      score: fc.integer({ min: 400, max: 1000 }).map((n) => n / 10),
      firstCriterion: fc.integer({ min: 0, max: 30 }),
      submittedAt: fc.constantFrom('2026-04-01T10:00:00Z', '2026-04-02T10:00:00Z'),
      requestedFen: fc.integer({ min: 0, max: 600_000 }),
      adjustedFen: fc.option(fc.integer({ min: 0, max: 600_000 }), { freq: 3 }),
    }),
    { selector: (r) => r.applicationId, maxLength: 30 },
  );
  const inputArb = fc
    .record({
      strategy: fc.constantFrom('best_first' as const, 'proportional' as const),
      minimumScore: fc.integer({ min: 40, max: 90 }),
      categories: categoriesArb,
      items: itemsArb,
      totalBudgetFen: fc.integer({ min: 0, max: 5_000 }).map((n) => n * 1_000 + 7),
      alreadyCommittedFen: fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: undefined }),
    })
    .map(({ items, ...rest }): AllocationInput => ({ ...rest, ranked: rankApplications(items) }));

  it('never spends more than a category’s budget, the program’s budget, or a row’s basis', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const result = allocate(i);
        const programLimit = Math.max(0, i.totalBudgetFen - (i.alreadyCommittedFen ?? 0));
        expect(result.totalAllocatedFen).toBeLessThanOrEqual(programLimit);
        expect(result.totalAllocatedFen).toBe(result.categories.reduce((s, c) => s + c.allocatedFen, 0));
        for (const c of result.categories) {
          expect(c.allocatedFen).toBeLessThanOrEqual(c.budgetFen);
          expect(c.allocatedFen).toBeLessThanOrEqual(c.availableFen);
          expect(c.remainingFen).toBeGreaterThanOrEqual(0);
          expect(c.allocatedFen).toBe(c.rows.reduce((s, r) => s + r.allocatedFen, 0));
          for (const r of c.rows) {
            expect(Number.isInteger(r.allocatedFen)).toBe(true);
            expect(r.allocatedFen).toBeGreaterThanOrEqual(0);
            expect(r.allocatedFen).toBeLessThanOrEqual(r.basisFen);
            expect(r.funded).toBe(r.allocatedFen > 0);
            if (r.score < i.minimumScore) expect(r.allocatedFen).toBe(0);
          }
        }
      }),
    );
  });

  it('lists every ranked row exactly once and is reproducible', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const result = allocate(i);
        const ids = result.categories.flatMap((c) => c.rows.map((r) => r.applicationId));
        expect([...ids].sort()).toEqual(i.ranked.map((r) => r.applicationId).sort());
        expect(allocate(structuredClone(i))).toEqual(result);
      }),
    );
  });

  it('best first: the funded rows are a prefix of the rank order among eligible rows', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const i = { ...raw, strategy: 'best_first' as const };
        for (const c of allocate(i).categories) {
          const competing = c.rows.filter((r) => r.reason !== 'not_eligible' && r.reason !== 'below_minimum');
          const firstUnfunded = competing.findIndex((r) => !r.funded);
          if (firstUnfunded >= 0) expect(competing.slice(firstUnfunded).every((r) => !r.funded)).toBe(true);
          expect(competing.filter((r) => r.funded).every((r) => r.allocatedFen === r.basisFen)).toBe(true);
        }
      }),
    );
  });

  it('proportional: every funded row receives the same share of its basis, up to the floor', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const i = { ...raw, strategy: 'proportional' as const };
        for (const c of allocate(i).categories) {
          const competing = c.rows.filter((r) => r.reason !== 'not_eligible' && r.reason !== 'below_minimum');
          const total = competing.reduce((s, r) => s + r.basisFen, 0);
          const share = total === 0 ? 1 : Math.min(1, c.availableFen / total);
          for (const r of competing) {
            expect(r.allocatedFen).toBeLessThanOrEqual(r.basisFen * share + 1e-6);
            expect(r.allocatedFen).toBeGreaterThan(r.basisFen * share - 1);
          }
        }
      }),
    );
  });
});

describe('summariseCategory', () => {
  it('counts decided and undecided rows together, so a reopened decision reads as what is funded in all', () => {
    const summary = summariseCategory({
      budgetFen: 10_000_000,
      committedFen: 6_000_000,
      availableFen: 4_000_000,
      totalBudgetFen: 10_000_000,
      remainingFen: 0,
      rows: [
        { funded: true, allocatedFen: 6_000_000, score: 90 },
        { funded: false, allocatedFen: 0, score: 85 },
        { funded: true, allocatedFen: 4_000_000, score: 80 },
      ],
    });
    expect(summary).toEqual({
      fundingLine: 80,
      explanation:
        'budget ¥100,000.00, ¥60,000.00 of it already decided; 2 of 3 applications funded with ¥100,000.00, ¥0.00 left; funding line at score 80.00',
    });
  });

  it('says "1 application", not "1 applications"', () => {
    const summary = summariseCategory({
      budgetFen: 100,
      committedFen: 0,
      availableFen: 100,
      totalBudgetFen: 100,
      remainingFen: 100,
      rows: [{ funded: false, allocatedFen: 0, score: 10 }],
    });
    expect(summary.explanation).toBe('budget ¥1.00; 0 of 1 application funded with ¥0.00, ¥1.00 left');
  });
});
