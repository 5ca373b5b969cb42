import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  applicationLifecycle,
  applicationStatusLabels,
  checkApplicationDraft,
  checkFinalReport,
  FINAL_REPORT_MIN_OUTCOMES,
  programStatusLabels,
  SCREENING_CHECK_CODES,
  type ScreeningInput,
  screenApplication,
} from './application';
import { PROGRAM_STATUSES, type ProgramCategory } from './program';

const categories: ProgramCategory[] = [
  { code: 'academic_exchange', name: '学术与技术交流', capFen: 10_000_000, budgetFen: 60_000_000 },
  { code: 'popularisation', name: '科普活动', capFen: 3_000_000, budgetFen: 45_000_000 },
];

const input = (overrides: Partial<ScreeningInput> = {}): ScreeningInput => ({
  societyStatus: 'active',
  lastYearInspection: 'pass',
  inspectionYear: 2025,
  categoryCode: 'academic_exchange',
  categories,
  requestedFen: 8_000_000,
  selfFundedFen: 2_000_000,
  budgetLines: [
    { item: '会场租赁', amountFen: 4_000_000 },
    { item: '专家差旅', amountFen: 6_000_000 },
  ],
  otherApplicationsInCategory: 0,
  allowMultiplePerCategory: false,
  submittedAt: '2026-04-15T10:00:00+08:00',
  opensOn: '2026-03-01',
  closesOn: '2026-04-30',
  ...overrides,
});

const check = (i: ScreeningInput, code: string) => screenApplication(i).checks.find((c) => c.code === code);

describe('application lifecycle', () => {
  it('may be withdrawn from every state before approved, and from none after', () => {
    const before = ['draft', 'submitted', 'screening', 'returned', 'in_review', 'reviewed'] as const;
    for (const s of APPLICATION_STATUSES) {
      expect(applicationLifecycle.canTransition(s, 'withdrawn')).toBe((before as readonly string[]).includes(s));
    }
  });

  it('follows SPEC §3 from submission to closing; closed and withdrawn are final', () => {
    expect(applicationLifecycle.allowedFrom('screening')).toEqual(['in_review', 'rejected', 'returned', 'withdrawn']);
    expect(applicationLifecycle.allowedFrom('returned')).toEqual(['submitted', 'rejected', 'withdrawn']);
    // A final report sent back for correction: the project owes it again.
    expect(applicationLifecycle.allowedFrom('reported')).toEqual(['closed', 'funded']);
    expect(applicationLifecycle.allowedFrom('approved')).toEqual(['notice']);
    expect(applicationLifecycle.allowedFrom('notice')).toEqual(['funded', 'rejected', 'approved']);
    expect(applicationLifecycle.canTransition('funded', 'closed')).toBe(false);
    expect(APPLICATION_STATUSES.filter((s) => applicationLifecycle.isFinal(s))).toEqual(['closed', 'withdrawn']);
  });

  it('lets a reopened decision take projects back: notice to approved, a budget rejection back to reviewed', () => {
    expect(applicationLifecycle.canTransition('notice', 'approved')).toBe(true);
    expect(applicationLifecycle.allowedFrom('rejected')).toEqual(['reviewed']);
    // Never straight to money: a returned rejection is decided again by the allocation.
    expect(applicationLifecycle.canTransition('rejected', 'approved')).toBe(false);
    expect(applicationLifecycle.canTransition('rejected', 'notice')).toBe(false);
  });

  it('labels every status in both languages', () => {
    expect(Object.keys(applicationStatusLabels).sort()).toEqual([...APPLICATION_STATUSES].sort());
    expect(Object.keys(programStatusLabels).sort()).toEqual([...PROGRAM_STATUSES].sort());
    expect(programStatusLabels.notice.zh).toBe('公示中');
  });
});

describe('screening worked examples', () => {
  it('passes a sound application, every check explained', () => {
    const result = screenApplication(input());
    expect(result.passed).toBe(true);
    expect(result.checks.map((c) => c.code)).toEqual([...SCREENING_CHECK_CODES]);
    expect(result.checks.map((c) => c.message)).toEqual([
      'the society is active',
      'the society passed the 2025 annual inspection',
      'category "academic_exchange" (学术与技术交流) is offered by the program',
      'requested ¥80,000.00 is within the category cap ¥100,000.00',
      '2 budget lines sum to ¥100,000.00, which equals requested ¥80,000.00 + self-funded ¥20,000.00 = ¥100,000.00',
      'this is the society\'s only application in category "academic_exchange"',
      'submitted on 2026-04-15 (Beijing time), within the call window 2026-03-01 to 2026-04-30',
    ]);
  });

  it('requesting ¥120,000.00 under a ¥100,000.00 cap fails within_cap; the budget check still speaks for itself', () => {
    const result = screenApplication(
      input({ requestedFen: 12_000_000, budgetLines: [{ item: '会议', amountFen: 14_000_000 }] }),
    );
    expect(result.passed).toBe(false);
    expect(result.checks.filter((c) => !c.passed).map((c) => [c.code, c.message])).toEqual([
      ['within_cap', 'requested ¥120,000.00 exceeds the category cap ¥100,000.00'],
    ]);
  });

  it('fails a dormant society, a failed or missed inspection, but not a missing inspection record', () => {
    expect(check(input({ societyStatus: 'dormant' }), 'society_active')).toEqual({
      code: 'society_active',
      passed: false,
      message: 'the society\'s status is "dormant", not active',
    });
    expect(check(input({ lastYearInspection: 'fail' }), 'inspection')?.passed).toBe(false);
    expect(check(input({ lastYearInspection: 'absent' }), 'inspection')?.message).toBe(
      'the society did not take part in the 2025 annual inspection',
    );
    expect(check(input({ lastYearInspection: 'basic_pass' }), 'inspection')?.passed).toBe(true);
    expect(check(input({ lastYearInspection: null }), 'inspection')?.passed).toBe(true);
  });

  it('names an unknown category, and cannot check its cap', () => {
    const result = screenApplication(input({ categoryCode: 'journal' }));
    expect(result.checks.filter((c) => !c.passed).map((c) => [c.code, c.message])).toEqual([
      ['category', 'category "journal" is not offered by the program (offered: academic_exchange, popularisation)'],
      ['within_cap', 'requested ¥80,000.00, but there is no cap to compare with: category "journal" is not offered'],
    ]);
  });

  it('explains an unbalanced budget with all three sums, and refuses an empty one', () => {
    expect(check(input({ selfFundedFen: 1_999_999 }), 'budget_balanced')?.message).toBe(
      '2 budget lines sum to ¥100,000.00, but requested ¥80,000.00 + self-funded ¥19,999.99 = ¥99,999.99',
    );
    expect(check(input({ budgetLines: [], requestedFen: 0, selfFundedFen: 0 }), 'budget_balanced')).toMatchObject({
      passed: false,
      message: 'the budget has no lines',
    });
  });

  it('allows one application per category unless the program allows more', () => {
    expect(check(input({ otherApplicationsInCategory: 1 }), 'one_per_category')?.message).toBe(
      'the society already has 1 other application in category "academic_exchange"; the program allows one per category',
    );
    expect(
      check(input({ otherApplicationsInCategory: 2, allowMultiplePerCategory: true }), 'one_per_category')?.passed,
    ).toBe(true);
  });

  it('dates the submission in Beijing time: 16:30 UTC on the closing day is already the next day', () => {
    const late = check(input({ submittedAt: '2026-04-30T16:30:00Z' }), 'within_window');
    expect(late).toEqual({
      code: 'within_window',
      passed: false,
      message: 'submitted on 2026-05-01 (Beijing time), after the call window 2026-03-01 to 2026-04-30',
    });
    expect(check(input({ submittedAt: '2026-04-30T15:59:59Z' }), 'within_window')?.passed).toBe(true);
    expect(check(input({ submittedAt: '2026-04-30T23:59:59.999+08:00' }), 'within_window')?.passed).toBe(true);
    // 16:00 UTC on 28 February is midnight on 1 March in Beijing: the opening day, on time.
    expect(check(input({ submittedAt: '2026-02-28T16:00:00Z' }), 'within_window')?.passed).toBe(true);
    expect(check(input({ submittedAt: '2026-02-28T15:59:59Z' }), 'within_window')?.message).toBe(
      'submitted on 2026-02-28 (Beijing time), before the call window 2026-03-01 to 2026-04-30',
    );
    expect(check(input({ submittedAt: null }), 'within_window')?.passed).toBe(false);
    expect(check(input({ submittedAt: '2026-04-15 10:00' }), 'within_window')?.message).toContain('not an RFC 3339');
  });
});

describe('checkApplicationDraft', () => {
  it('has nothing to say about a sound draft', () => {
    expect(checkApplicationDraft(input())).toEqual([]);
  });

  it('points at the fields: the cap at /requestedFen, the balance at /budgetLines', () => {
    expect(checkApplicationDraft(input({ requestedFen: 12_000_000 }))).toEqual([
      {
        path: '/requestedFen',
        code: 'exceeds_cap',
        message: 'requested ¥120,000.00 exceeds the category cap ¥100,000.00',
      },
      {
        path: '/budgetLines',
        code: 'budget_unbalanced',
        message: '2 budget lines sum to ¥100,000.00, but requested ¥120,000.00 + self-funded ¥20,000.00 = ¥140,000.00',
      },
    ]);
  });

  it('checks each amount and line on its own', () => {
    const problems = checkApplicationDraft(
      input({
        categoryCode: 'nope',
        requestedFen: 0,
        selfFundedFen: -5,
        budgetLines: [
          { item: ' ', amountFen: 100 },
          { item: '印刷', amountFen: 1.5 },
        ],
      }),
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/categoryCode', 'category_unknown'],
      ['/requestedFen', 'amount_invalid'],
      ['/selfFundedFen', 'amount_invalid'],
      ['/budgetLines/0/item', 'item_empty'],
      ['/budgetLines/1/amountFen', 'amount_invalid'],
    ]);
    expect(checkApplicationDraft(input({ budgetLines: [] })).map((p) => p.code)).toEqual(['budget_lines_empty']);
  });
});

describe('screening properties', () => {
  const fen = fc.integer({ min: 0, max: 20_000_000 });
  const arbitraryInput = fc.record({
    societyStatus: fc.constantFrom('active', 'dormant', 'preparing'),
    lastYearInspection: fc.constantFrom(
      'pass' as const,
      'basic_pass' as const,
      'fail' as const,
      'absent' as const,
      null,
    ),
    inspectionYear: fc.constant(2025),
    categoryCode: fc.constantFrom('academic_exchange', 'popularisation', 'journal'),
    categories: fc.constant(categories),
    requestedFen: fen,
    selfFundedFen: fen,
    budgetLines: fc.array(fc.record({ item: fc.constantFrom('会场', '差旅', ''), amountFen: fen }), { maxLength: 4 }),
    otherApplicationsInCategory: fc.nat(3),
    allowMultiplePerCategory: fc.boolean(),
    submittedAt: fc.option(
      fc
        .date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-06-30T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString()),
    ),
    opensOn: fc.constant('2026-03-01'),
    closesOn: fc.constant('2026-04-30'),
  });
  // Balanced budgets are rare among random ones; derive some from the amounts.
  const balanced = arbitraryInput.map((i) => ({
    ...i,
    budgetLines: [{ item: '合计', amountFen: i.requestedFen + i.selfFundedFen }],
  }));
  const inputs = fc.oneof(arbitraryInput, balanced);

  it('lists all seven checks in order, passes exactly when every check passes, and is reproducible', () => {
    fc.assert(
      fc.property(inputs, (i) => {
        const result = screenApplication(i);
        expect(result.checks.map((c) => c.code)).toEqual([...SCREENING_CHECK_CODES]);
        expect(result.passed).toBe(result.checks.every((c) => c.passed));
        expect(result.checks.every((c) => c.message.length > 0)).toBe(true);
        expect(screenApplication(structuredClone(i))).toEqual(result);
      }),
    );
  });

  it('a draft without problems always passes the category, cap and budget checks', () => {
    fc.assert(
      fc.property(inputs, (i) => {
        if (checkApplicationDraft(i).length > 0) return;
        const result = screenApplication(i);
        for (const code of ['category', 'within_cap', 'budget_balanced']) {
          expect(result.checks.find((c) => c.code === code)?.passed).toBe(true);
        }
      }),
    );
  });
});

describe('checkFinalReport', () => {
  const report = {
    outcomes: '举办学术年会一次，参会 120 人',
    actualSpendingFen: 150_000,
    spendingLines: [{ amountFen: 100_000 }, { amountFen: 50_000 }],
  };

  it('accepts outcomes in words and lines that add up to the spending reported', () => {
    expect(checkFinalReport(report)).toEqual([]);
  });

  it('counts the outcomes without the spaces around them', () => {
    const padded = `   ${'字'.repeat(FINAL_REPORT_MIN_OUTCOMES - 1)}   `;
    expect(checkFinalReport({ ...report, outcomes: padded }).map((p) => [p.path, p.code])).toEqual([
      ['/outcomes', 'too_short'],
    ]);
    expect(checkFinalReport({ ...report, outcomes: '字'.repeat(FINAL_REPORT_MIN_OUTCOMES) })).toEqual([]);
  });

  it('refuses lines that do not add up to the actual spending', () => {
    const problems = checkFinalReport({ ...report, actualSpendingFen: 150_001 });
    expect(problems).toEqual([
      {
        path: '/spendingLines',
        code: 'unbalanced',
        message: 'The spending lines add up to 150000 fen, not the 150001 fen reported.',
      },
    ]);
  });

  it('finds both at once', () => {
    expect(checkFinalReport({ outcomes: '', actualSpendingFen: 1, spendingLines: [] }).map((p) => p.path)).toEqual([
      '/outcomes',
      '/spendingLines',
    ]);
  });
});
