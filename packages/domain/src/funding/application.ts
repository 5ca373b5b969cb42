/**
 * A society's application for project funding and its formal screening (形式审查, SPEC §3).
 *
 * Screening is automatic and always lists the same seven checks in the same order, each explained
 * whether it passed or failed, so the society sees everything that is wrong at once:
 *
 *   society_active    the society's status is active
 *   inspection        last year's annual inspection was not `fail` or `absent` (no result on record —
 *                     e.g. a society founded this year — is not a failure: the rule excludes only those
 *                     who failed or skipped the inspection)
 *   category          the category is one of the program's
 *   within_cap        the requested amount is a positive whole number of fen, at most the category cap
 *   budget_balanced   at least one budget line, and the lines sum to requested + self-funded
 *   one_per_category  no other live application of the society in the category, unless the program
 *                     allows more
 *   within_window     submitted on a date between the opening and closing dates, inclusive; the date
 *                     is the submission's wall-clock date in Asia/Shanghai (UTC+8, no daylight saving
 *                     since 1991), because that is the calendar the society and the call speak of: a
 *                     form sent at 00:30 on 1 May Beijing time (16:30 UTC on 30 April) is late for a
 *                     call closing on 30 April, although it is still 30 April in UTC.
 *
 * Worked example (see application.test.ts): requesting ¥120,000.00 in a category capped at
 * ¥100,000.00 fails `within_cap` with "requested ¥120,000.00 exceeds the category cap ¥100,000.00",
 * while the six other checks still report on their own.
 *
 * `checkApplicationDraft` is the field-level subset (category, cap, amounts, budget balance) a society
 * sees while drafting, with JSON-pointer paths. A draft with no problems always passes the `category`,
 * `within_cap` and `budget_balanced` screening checks: both use the same rules below.
 */
import type { Label } from '../labels';
import { countOf } from '../plural';
import { BY_ASSOCIATION, BY_EITHER, BY_SOCIETY, CARRIED, defineStateMachine } from '../state-machine';
import { isIsoDate, shanghaiDateOf } from './dates';
import { formatYuan, isFenAmount } from './money';
import type { Problem, ProgramCategory, ProgramStatus } from './program';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'screening',
  'returned',
  'in_review',
  'reviewed',
  'approved',
  'rejected',
  'notice',
  'funded',
  'reported',
  'closed',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * SPEC §3: withdrawn from any state before approved; screening may reject outright; an upheld
 * objection during the notice rejects the application. Closed and withdrawn are final.
 *
 * When staff reopen the decision after an upheld objection released money (the program goes from
 * notice back to deciding), the projects still under notice return to approved, and those the
 * allocation turned down only because the budget ran out return to reviewed, so the released money
 * can go to the next in rank (递补). That is the one way out of rejected, and only the program's
 * transition takes it: a rejection for any other reason stays final.
 *
 * A draft cannot be submitted once the call has closed; it stays a draft while staff may still reopen
 * the call to extend it, and is withdrawn when review starts (the call can no longer reopen).
 *
 * Who asks for which move: the society submits its own application and may withdraw it; the
 * Association's staff may withdraw it too, admit it to review (overriding a failed screening), reject
 * it, and close a project (结项) once they have accepted its final report. Every other move is carried
 * by another operation: the program's transitions, the review, the allocation, the notice, and the
 * society's filing of its final report.
 *
 * Returns for correction (退回修改, issue 21): while the call is closed and before review opens, staff
 * may send an application in screening back to its society with what to fix (`POST …/returns`). The
 * society edits it and submits it again (returned → submitted), which screens it afresh at once
 * (submitted → screening, carried). It keeps its place in the closed call only until the return's
 * deadline: still returned after that day, it is rejected (returned → rejected, carried by the
 * deadline sweep). A funded project's final report is sent back the same way (reported → funded): the
 * project owes its final report again and files it once corrected, late if it must (the project cannot
 * close without it); past the deadline it shows as overdue.
 */
export const applicationLifecycle = defineStateMachine<ApplicationStatus>('draft', {
  draft: { submitted: BY_SOCIETY, withdrawn: BY_EITHER },
  submitted: { screening: CARRIED, withdrawn: BY_EITHER },
  screening: { in_review: BY_ASSOCIATION, rejected: BY_ASSOCIATION, returned: BY_ASSOCIATION, withdrawn: BY_EITHER },
  returned: { submitted: BY_SOCIETY, rejected: CARRIED, withdrawn: BY_EITHER },
  in_review: { reviewed: CARRIED, withdrawn: BY_EITHER },
  reviewed: { approved: CARRIED, rejected: BY_ASSOCIATION, withdrawn: BY_EITHER },
  approved: { notice: CARRIED },
  rejected: { reviewed: CARRIED },
  notice: { funded: CARRIED, rejected: BY_ASSOCIATION, approved: CARRIED },
  funded: { reported: CARRIED },
  reported: { closed: BY_ASSOCIATION, funded: BY_ASSOCIATION },
  closed: {},
  withdrawn: {},
});

export const applicationStatusLabels: Record<ApplicationStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  screening: { zh: '形式审查', en: 'Screening' },
  returned: { zh: '退回修改', en: 'Returned for correction' },
  in_review: { zh: '专家评审中', en: 'In review' },
  reviewed: { zh: '评审完成', en: 'Reviewed' },
  approved: { zh: '拟资助', en: 'Approved' },
  rejected: { zh: '未获资助', en: 'Rejected' },
  notice: { zh: '公示中', en: 'Under public notice' },
  funded: { zh: '已资助', en: 'Funded' },
  reported: { zh: '已提交结项报告', en: 'Reported' },
  closed: { zh: '已结项', en: 'Closed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const programStatusLabels: Record<ProgramStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  open: { zh: '申报中', en: 'Open for applications' },
  closed: { zh: '申报已截止', en: 'Closed' },
  reviewing: { zh: '评审中', en: 'Reviewing' },
  deciding: { zh: '决策中', en: 'Deciding' },
  notice: { zh: '公示中', en: 'Under public notice' },
  finalised: { zh: '已定案', en: 'Finalised' },
};

export interface BudgetLine {
  item: string;
  amountFen: number;
}

export interface ScreeningInput {
  societyStatus: string;
  lastYearInspection: 'pass' | 'basic_pass' | 'fail' | 'absent' | null;
  inspectionYear: number;
  categoryCode: string;
  categories: ProgramCategory[];
  requestedFen: number;
  selfFundedFen: number;
  budgetLines: BudgetLine[];
  /** Same society, same category, not withdrawn, excluding this one. */
  otherApplicationsInCategory: number;
  allowMultiplePerCategory: boolean;
  /** RFC 3339; null while never submitted. */
  submittedAt: string | null;
  opensOn: string;
  closesOn: string;
}

export const SCREENING_CHECK_CODES = [
  'society_active',
  'inspection',
  'category',
  'within_cap',
  'budget_balanced',
  'one_per_category',
  'within_window',
] as const;
export type ScreeningCheckCode = (typeof SCREENING_CHECK_CODES)[number];

export const screeningCheckLabels: Record<ScreeningCheckCode, Label> = {
  society_active: { zh: '学会状态正常', en: 'Society active' },
  inspection: { zh: '上年度年检合格', en: 'Last year’s inspection' },
  category: { zh: '申报类别有效', en: 'Category offered' },
  within_cap: { zh: '申请金额不超过资助上限', en: 'Within the cap' },
  budget_balanced: { zh: '预算明细与资金来源一致', en: 'Budget balanced' },
  one_per_category: { zh: '同一类别限报一项', en: 'One per category' },
  within_window: { zh: '在申报期内提交', en: 'Within the call window' },
};

export interface ScreeningCheck {
  code: ScreeningCheckCode;
  passed: boolean;
  message: string;
}

export interface ScreeningResult {
  passed: boolean;
  checks: ScreeningCheck[];
}

export interface ApplicationDraftInput {
  categoryCode: string;
  categories: ProgramCategory[];
  requestedFen: number;
  selfFundedFen: number;
  budgetLines: BudgetLine[];
}

function findCategory(input: ApplicationDraftInput): ProgramCategory | undefined {
  return input.categories.find((c) => c.code === input.categoryCode);
}

function offered(categories: ProgramCategory[]): string {
  return categories.length ? categories.map((c) => c.code).join(', ') : 'none';
}

/** The category rule, shared by screening and the draft check. */
function categoryFinding(input: ApplicationDraftInput): { ok: boolean; message: string } {
  const category = findCategory(input);
  return category
    ? { ok: true, message: `category "${category.code}" (${category.name}) is offered by the program` }
    : {
        ok: false,
        message: `category "${input.categoryCode}" is not offered by the program (offered: ${offered(input.categories)})`,
      };
}

/** The cap rule: a positive whole number of fen, at most the category's cap. */
function capFinding(input: ApplicationDraftInput): { ok: boolean; message: string } {
  if (!isFenAmount(input.requestedFen) || input.requestedFen === 0) {
    return {
      ok: false,
      message: `the requested amount must be a positive whole number of fen, not ${input.requestedFen}`,
    };
  }
  const category = findCategory(input);
  if (!category) {
    return {
      ok: false,
      message: `requested ${formatYuan(input.requestedFen)}, but there is no cap to compare with: category "${input.categoryCode}" is not offered`,
    };
  }
  return input.requestedFen > category.capFen
    ? {
        ok: false,
        message: `requested ${formatYuan(input.requestedFen)} exceeds the category cap ${formatYuan(category.capFen)}`,
      }
    : {
        ok: true,
        message: `requested ${formatYuan(input.requestedFen)} is within the category cap ${formatYuan(category.capFen)}`,
      };
}

/** The balance rule: at least one line, whole non-negative amounts, summing to requested + self-funded. */
function budgetFinding(input: ApplicationDraftInput): { ok: boolean; message: string } {
  if (input.budgetLines.length === 0) return { ok: false, message: 'the budget has no lines' };
  if (!isFenAmount(input.selfFundedFen)) {
    return {
      ok: false,
      message: `the self-funded amount must be a non-negative whole number of fen, not ${input.selfFundedFen}`,
    };
  }
  const bad = input.budgetLines.findIndex((line) => !isFenAmount(line.amountFen));
  if (bad >= 0) {
    return {
      ok: false,
      message: `budget line ${bad + 1} ("${input.budgetLines[bad]?.item ?? ''}") must be a non-negative whole number of fen, not ${input.budgetLines[bad]?.amountFen}`,
    };
  }
  const lines = input.budgetLines.reduce((sum, line) => sum + line.amountFen, 0);
  const sources = input.requestedFen + input.selfFundedFen;
  const sourcesText = `requested ${formatYuan(input.requestedFen)} + self-funded ${formatYuan(input.selfFundedFen)} = ${formatYuan(sources)}`;
  const count = countOf(input.budgetLines.length, 'budget line');
  return lines === sources
    ? { ok: true, message: `${count} sum to ${formatYuan(lines)}, which equals ${sourcesText}` }
    : { ok: false, message: `${count} sum to ${formatYuan(lines)}, but ${sourcesText}` };
}

function inspectionFinding(input: ScreeningInput): { ok: boolean; message: string } {
  const year = input.inspectionYear;
  switch (input.lastYearInspection) {
    case 'pass':
      return { ok: true, message: `the society passed the ${year} annual inspection` };
    case 'basic_pass':
      return { ok: true, message: `the society basically passed the ${year} annual inspection` };
    case 'fail':
      return { ok: false, message: `the society failed the ${year} annual inspection` };
    case 'absent':
      return { ok: false, message: `the society did not take part in the ${year} annual inspection` };
    case null:
      return {
        ok: true,
        message: `no ${year} annual inspection result is on record; only a failed or missed inspection excludes a society`,
      };
  }
}

function windowFinding(input: ScreeningInput): { ok: boolean; message: string } {
  if (input.submittedAt === null) return { ok: false, message: 'the application has not been submitted' };
  const date = shanghaiDateOf(input.submittedAt);
  if (date === null) {
    return { ok: false, message: `the submission time "${input.submittedAt}" is not an RFC 3339 timestamp` };
  }
  if (!isIsoDate(input.opensOn) || !isIsoDate(input.closesOn)) {
    return {
      ok: false,
      message: `the call window ${input.opensOn} to ${input.closesOn} is not a pair of YYYY-MM-DD dates`,
    };
  }
  const window = `the call window ${input.opensOn} to ${input.closesOn}`;
  if (date < input.opensOn) return { ok: false, message: `submitted on ${date} (Beijing time), before ${window}` };
  if (date > input.closesOn) return { ok: false, message: `submitted on ${date} (Beijing time), after ${window}` };
  return { ok: true, message: `submitted on ${date} (Beijing time), within ${window}` };
}

/** The formal screening of a submitted application: all seven checks, always, in a fixed order. */
export function screenApplication(input: ScreeningInput): ScreeningResult {
  const findings: Record<ScreeningCheckCode, { ok: boolean; message: string }> = {
    society_active:
      input.societyStatus === 'active'
        ? { ok: true, message: 'the society is active' }
        : { ok: false, message: `the society's status is "${input.societyStatus}", not active` },
    inspection: inspectionFinding(input),
    category: categoryFinding(input),
    within_cap: capFinding(input),
    budget_balanced: budgetFinding(input),
    one_per_category: input.allowMultiplePerCategory
      ? {
          ok: true,
          message: `the program allows more than one application per category (the society has ${input.otherApplicationsInCategory} other)`,
        }
      : input.otherApplicationsInCategory === 0
        ? { ok: true, message: `this is the society's only application in category "${input.categoryCode}"` }
        : {
            ok: false,
            message: `the society already has ${countOf(input.otherApplicationsInCategory, 'other application')} in category "${input.categoryCode}"; the program allows one per category`,
          },
    within_window: windowFinding(input),
  };
  const checks = SCREENING_CHECK_CODES.map((code) => ({
    code,
    passed: findings[code].ok,
    message: findings[code].message,
  }));
  return { passed: checks.every((c) => c.passed), checks };
}

/** What a society sees while drafting: the category, the amounts and the budget's balance, by field. */
export function checkApplicationDraft(input: ApplicationDraftInput): Problem[] {
  const problems: Problem[] = [];
  const category = categoryFinding(input);
  if (!category.ok) problems.push({ path: '/categoryCode', code: 'category_unknown', message: category.message });

  if (!isFenAmount(input.requestedFen) || input.requestedFen === 0) {
    problems.push({
      path: '/requestedFen',
      code: 'amount_invalid',
      message: `the requested amount must be a positive whole number of fen, not ${input.requestedFen}`,
    });
  } else {
    const cap = capFinding(input);
    if (!cap.ok && category.ok) problems.push({ path: '/requestedFen', code: 'exceeds_cap', message: cap.message });
  }
  if (!isFenAmount(input.selfFundedFen)) {
    problems.push({
      path: '/selfFundedFen',
      code: 'amount_invalid',
      message: `the self-funded amount must be a non-negative whole number of fen, not ${input.selfFundedFen}`,
    });
  }
  if (input.budgetLines.length === 0) {
    problems.push({ path: '/budgetLines', code: 'budget_lines_empty', message: 'the budget has no lines' });
  }
  let linesValid = true;
  input.budgetLines.forEach((line, i) => {
    if (line.item.trim() === '') {
      problems.push({
        path: `/budgetLines/${i}/item`,
        code: 'item_empty',
        message: `budget line ${i + 1} has no item`,
      });
    }
    if (!isFenAmount(line.amountFen)) {
      linesValid = false;
      problems.push({
        path: `/budgetLines/${i}/amountFen`,
        code: 'amount_invalid',
        message: `budget line ${i + 1} must be a non-negative whole number of fen, not ${line.amountFen}`,
      });
    }
  });
  if (
    linesValid &&
    input.budgetLines.length > 0 &&
    isFenAmount(input.requestedFen) &&
    isFenAmount(input.selfFundedFen)
  ) {
    const balance = budgetFinding(input);
    if (!balance.ok) problems.push({ path: '/budgetLines', code: 'budget_unbalanced', message: balance.message });
  }
  return problems;
}

/** SPEC §3's final report: what the project achieved, in at least this many characters (spaces aside). */
export const FINAL_REPORT_MIN_OUTCOMES = 10;

export interface FinalReportInput {
  outcomes: string;
  actualSpendingFen: number;
  spendingLines: readonly { amountFen: number }[];
}

/**
 * What a final report must satisfy, by field (paths inside the report): the outcomes said in words, and
 * spending lines that add up to the actual spending reported. That the project is funded is a matter of
 * its state, checked where the report is filed.
 */
export function checkFinalReport(input: FinalReportInput): Problem[] {
  const problems: Problem[] = [];
  if (input.outcomes.trim().length < FINAL_REPORT_MIN_OUTCOMES) {
    problems.push({
      path: '/outcomes',
      code: 'too_short',
      message: `Describe what the project achieved (at least ${FINAL_REPORT_MIN_OUTCOMES} characters).`,
    });
  }
  const lines = input.spendingLines.reduce((sum, line) => sum + line.amountFen, 0);
  if (lines !== input.actualSpendingFen) {
    problems.push({
      path: '/spendingLines',
      code: 'unbalanced',
      message: `The spending lines add up to ${lines} fen, not the ${input.actualSpendingFen} fen reported.`,
    });
  }
  return problems;
}
