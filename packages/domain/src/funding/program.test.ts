import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkProgramSettings,
  DEFAULT_RUBRIC,
  defaultCategories,
  defaultCategoriesFor,
  defaultProgramSettings,
  FUNDING_CATEGORY_CODES,
  fundingCategoryLabels,
  PROGRAM_STATUSES,
  type ProgramSettings,
  programLifecycle,
  splitFenProportionally,
} from './program';

const settings = (overrides: Partial<ProgramSettings> = {}): ProgramSettings => ({
  ...defaultProgramSettings(2026),
  ...overrides,
});

describe('program lifecycle', () => {
  it('opens, closes, may reopen to extend the window, and goes back to deciding after an upheld objection', () => {
    expect(programLifecycle.initial).toBe('draft');
    expect(programLifecycle.states).toEqual([...PROGRAM_STATUSES]);
    expect(programLifecycle.allowedFrom('draft')).toEqual(['open']);
    expect(programLifecycle.canTransition('closed', 'open')).toBe(true);
    expect(programLifecycle.canTransition('closed', 'reviewing')).toBe(true);
    expect(programLifecycle.canTransition('open', 'reviewing')).toBe(false);
    expect(programLifecycle.canTransition('notice', 'deciding')).toBe(true);
    expect(programLifecycle.canTransition('notice', 'finalised')).toBe(true);
    expect(programLifecycle.canTransition('deciding', 'finalised')).toBe(false);
    expect(programLifecycle.isFinal('finalised')).toBe(true);
    expect(PROGRAM_STATUSES.filter((s) => programLifecycle.isFinal(s))).toEqual(['finalised']);
  });
});

describe('program defaults', () => {
  it('has the six categories of seeds/001 with labels and the rubric of SPEC §3', () => {
    expect(Object.keys(fundingCategoryLabels)).toEqual([...FUNDING_CATEGORY_CODES]);
    expect(fundingCategoryLabels.major_event.zh).toBe('承办全国性或区域性活动');
    expect(DEFAULT_RUBRIC.map((c) => [c.code, c.weight])).toEqual([
      ['academic_level', 30],
      ['social_impact', 25],
      ['feasibility', 20],
      ['budget_soundness', 15],
      ['track_record', 10],
    ]);
    expect(defaultCategories().map((c) => c.code)).toEqual([...FUNDING_CATEGORY_CODES]);
    expect(defaultCategories().find((c) => c.code === 'major_event')?.capFen).toBe(10_000_000);
  });

  it('passes its own checks: weights sum to 100, budgets ¥2,450,000.00 within the total', () => {
    const s = defaultProgramSettings(2026);
    expect(s.totalBudgetFen).toBe(245_000_000);
    expect(s.minimumScore).toBe(60);
    expect(s.reviewersPerApplication).toBe(5);
    expect(s.noticeWorkingDays).toBe(5);
    expect(checkProgramSettings(s)).toEqual([]);
  });

  it('hands out fresh copies, so editing one program does not change the defaults', () => {
    const first = defaultCategories();
    const firstCategory = first[0];
    if (firstCategory) firstCategory.capFen = 1;
    expect(defaultCategories()[0]?.capFen).not.toBe(1);
    const s = defaultProgramSettings(2026);
    const criterion = s.rubric[0];
    if (criterion) criterion.weight = 1;
    expect(DEFAULT_RUBRIC[0]?.weight).toBe(30);
  });
});

describe('defaultCategories for a call’s own budget', () => {
  it('splits a budget below the defaults in the same proportions, in whole fen summing exactly to it', () => {
    const categories = defaultCategoriesFor(100_000_000);
    expect(categories.map((c) => c.budgetFen)).toEqual([
      20_408_163, 24_489_796, 20_408_163, 8_163_266, 18_367_347, 8_163_265,
    ]);
    expect(categories.reduce((sum, c) => sum + c.budgetFen, 0)).toBe(100_000_000);
    expect(checkProgramSettings({ ...defaultProgramSettings(2026), totalBudgetFen: 100_000_000, categories })).toEqual(
      [],
    );
  });

  it('lowers a cap to its category’s budget when the budget is smaller than the cap', () => {
    const categories = defaultCategoriesFor(1_000_000);
    for (const c of categories) expect(c.capFen).toBeLessThanOrEqual(c.budgetFen);
    expect(categories.find((c) => c.code === 'major_event')).toMatchObject({ budgetFen: 204_081, capFen: 204_081 });
    expect(checkProgramSettings({ ...defaultProgramSettings(2026), totalBudgetFen: 1_000_000, categories })).toEqual(
      [],
    );
  });

  it('keeps the seeds’ amounts for the seeds’ total', () => {
    expect(defaultCategoriesFor(245_000_000)).toEqual(defaultCategories());
    expect(defaultCategories().find((c) => c.code === 'journal')).toMatchObject({ budgetFen: 20_000_000 });
  });

  it('never loses or invents a fen, however awkward the total (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (total) => {
        const categories = defaultCategoriesFor(total);
        expect(categories.reduce((sum, c) => sum + c.budgetFen, 0)).toBe(total);
        for (const c of categories) expect(Number.isSafeInteger(c.budgetFen) && c.capFen <= c.budgetFen).toBe(true);
      }),
    );
  });

  it('splitFenProportionally hands the flooring’s leftovers to the largest remainders', () => {
    expect(splitFenProportionally(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitFenProportionally(0, [1, 2])).toEqual([0, 0]);
    expect(splitFenProportionally(7, [0, 0])).toEqual([0, 0]);
  });
});

describe('checkProgramSettings', () => {
  it('names the rubric sum: track record 5 gives "rubric weights sum to 95, not 100"', () => {
    const rubric = DEFAULT_RUBRIC.map((c) => (c.code === 'track_record' ? { ...c, weight: 5 } : { ...c }));
    expect(checkProgramSettings(settings({ rubric }))).toEqual([
      { path: '/rubric', code: 'rubric_weights_sum', message: 'rubric weights sum to 95, not 100' },
    ]);
  });

  it('refuses duplicate and non-integer rubric entries at their paths', () => {
    const rubric = [
      { code: 'a', name: 'A', weight: 50 },
      { code: 'a', name: 'A again', weight: 49.5 },
      { code: 'b', name: '', weight: 0 },
    ];
    const problems = checkProgramSettings(settings({ rubric }));
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/rubric/1/code', 'criterion_code_duplicate'],
      ['/rubric/1/weight', 'weight_invalid'],
      ['/rubric/2/name', 'name_empty'],
      ['/rubric/2/weight', 'weight_invalid'],
    ]);
  });

  it('checks money per category with paths like /categories/2/capFen, and the budgets against the total', () => {
    const categories = defaultCategories();
    const third = categories[2];
    if (!third) throw new Error('expected six default categories');
    third.capFen = third.budgetFen + 1;
    const problems = checkProgramSettings(settings({ categories, totalBudgetFen: 100_000_000 }));
    expect(problems).toEqual([
      {
        path: '/categories/2/capFen',
        code: 'cap_exceeds_budget',
        message: 'the cap ¥500,000.01 of category "major_event" exceeds its budget ¥500,000.00',
      },
      {
        path: '/categories',
        code: 'category_budgets_exceed_total',
        message: 'category budgets sum to ¥2,450,000.00, more than the total budget ¥1,000,000.00',
      },
    ]);
  });

  it('reports every other problem at once', () => {
    const problems = checkProgramSettings(
      settings({
        opensOn: '2026-05-01',
        closesOn: '2026-04-30',
        totalBudgetFen: -1,
        categories: [
          { code: 'x', name: 'X', capFen: 10.5, budgetFen: 100 },
          { code: 'x', name: 'X', capFen: 1, budgetFen: 1 },
        ],
        minimumScore: 101,
        reviewersPerApplication: 2,
        noticeWorkingDays: 0,
      }),
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/closesOn', 'window_inverted'],
      ['/totalBudgetFen', 'money_invalid'],
      ['/categories/0/capFen', 'money_invalid'],
      ['/categories/1/code', 'category_code_duplicate'],
      ['/minimumScore', 'minimum_score_range'],
      ['/reviewersPerApplication', 'reviewers_too_few'],
      ['/noticeWorkingDays', 'notice_days_invalid'],
    ]);
    expect(problems[0]?.message).toBe('the call closes on 2026-04-30, before it opens on 2026-05-01');
    expect(problems.find((p) => p.code === 'reviewers_too_few')?.message).toContain('at least 3');
  });

  it('refuses impossible dates and an empty category list', () => {
    const problems = checkProgramSettings(settings({ opensOn: '2026-02-30', categories: [] }));
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/opensOn', 'date_invalid'],
      ['/categories', 'categories_empty'],
    ]);
  });

  it('flags the rubric sum exactly when positive integer weights do not add up to 100', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 8 }), (weights) => {
        const rubric = weights.map((weight, i) => ({ code: `c${i}`, name: `C${i}`, weight }));
        const sum = weights.reduce((a, b) => a + b, 0);
        const problems = checkProgramSettings(settings({ rubric }));
        expect(problems).toEqual(
          sum === 100
            ? []
            : [{ path: '/rubric', code: 'rubric_weights_sum', message: `rubric weights sum to ${sum}, not 100` }],
        );
      }),
    );
  });
});
