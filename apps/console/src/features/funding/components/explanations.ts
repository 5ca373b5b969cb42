/**
 * The API explains screening checks, rankings, allocations and shortfalls in English sentences built by
 * the domain package. The English interface shows them as they are; the Chinese one says the same from
 * the structured fields (and the amounts the sentences name), so no English leaks into it.
 */
import {
  formatYuan,
  type Problem,
  type ProgramSettings,
  type SocietyStatus,
  shanghaiDateOf,
  societyStatusLabels,
} from '@society-hub/domain';
import type { I18n } from '@/lib/i18n';
import type { FundingApplication, FundingProgram, RankingCategory, RankingRow, ScreeningCheck } from '../api/types';

type Speaker = Pick<I18n, 't' | 'language' | 'label'>;

const fixed2 = (n: number) => n.toFixed(2);
const AMOUNT = '(-?¥[\\d,]+\\.\\d{2})';

function isSocietyStatus(value: string): value is SocietyStatus {
  return value in societyStatusLabels;
}

/** 形式审查: one check's finding in the reader's language. */
export function screeningMessage(
  check: ScreeningCheck,
  application: Pick<
    FundingApplication,
    'requestedFen' | 'selfFundedFen' | 'budgetLines' | 'categoryCode' | 'submittedAt'
  >,
  program: Pick<FundingProgram, 'categories' | 'opensOn' | 'closesOn' | 'allowMultiplePerCategory'> | undefined,
  { t, language, label }: Speaker,
): string {
  if (language === 'en') return check.message;
  const m = check.message;
  const category = program?.categories.find((c) => c.code === application.categoryCode);
  const year = /\b(\d{4})\b/.exec(m)?.[1] ?? '';
  switch (check.code) {
    case 'society_active': {
      if (check.passed) return t('funding.screen.society_active.ok');
      const status = /"([a-z_]+)"/.exec(m)?.[1] ?? '';
      return t('funding.screen.society_active.fail', {
        status: isSocietyStatus(status) ? label(societyStatusLabels[status]) : status,
      });
    }
    case 'inspection':
      if (m.includes('the society did not take part')) return t('funding.screen.inspection.absent', { year });
      if (m.includes('the society failed')) return t('funding.screen.inspection.fail', { year });
      if (m.includes('the society basically passed')) return t('funding.screen.inspection.basic_pass', { year });
      if (m.includes('the society passed')) return t('funding.screen.inspection.pass', { year });
      return t('funding.screen.inspection.none', { year });
    case 'category':
      return check.passed
        ? t('funding.screen.category.ok', { name: category?.name ?? application.categoryCode })
        : t('funding.screen.category.fail', { code: application.categoryCode });
    case 'within_cap':
      if (application.requestedFen <= 0) return t('funding.draft.requestedPositive');
      if (!category) return t('funding.screen.category.fail', { code: application.categoryCode });
      return t(check.passed ? 'funding.screen.within_cap.ok' : 'funding.screen.within_cap.fail', {
        requested: formatYuan(application.requestedFen),
        cap: formatYuan(category.capFen),
      });
    case 'budget_balanced': {
      if (application.budgetLines.length === 0) return t('funding.draft.noLines');
      const lines = application.budgetLines.reduce((sum, l) => sum + l.amountFen, 0);
      const params = {
        n: application.budgetLines.length,
        lines: formatYuan(lines),
        requested: formatYuan(application.requestedFen),
        self: formatYuan(application.selfFundedFen),
        sources: formatYuan(application.requestedFen + application.selfFundedFen),
      };
      return t(check.passed ? 'funding.screen.budget.ok' : 'funding.screen.budget.fail', params);
    }
    case 'one_per_category': {
      if (check.passed) {
        return program?.allowMultiplePerCategory
          ? t('funding.screen.one_per_category.multiple')
          : t('funding.screen.one_per_category.ok');
      }
      return t('funding.screen.one_per_category.fail', { n: /has (\d+) other/.exec(m)?.[1] ?? '1' });
    }
    case 'within_window': {
      if (m.includes('not been submitted')) return t('funding.screen.window.notSubmitted');
      const date =
        /on (\d{4}-\d{2}-\d{2})/.exec(m)?.[1] ??
        (application.submittedAt ? shanghaiDateOf(application.submittedAt) : null) ??
        '';
      const window = { date, opens: program?.opensOn ?? '', closes: program?.closesOn ?? '' };
      // A draft is previewed as if it were submitted today.
      if (!application.submittedAt) {
        return t(check.passed ? 'funding.screen.window.previewOk' : 'funding.screen.window.previewOutside', window);
      }
      if (check.passed) return t('funding.screen.window.ok', window);
      return t(m.includes('before') ? 'funding.screen.window.early' : 'funding.screen.window.late', window);
    }
    default:
      return m;
  }
}

/** Why a row ranks where it does, given the row above it. */
export function rankMessage(row: RankingRow, above: RankingRow | undefined, { t, language }: Speaker): string {
  if (language === 'en') return row.rankExplanation;
  if (!above) return t('funding.rank.top');
  switch (row.tieBreak) {
    case 'first_criterion':
      return t('funding.rank.first_criterion', {
        rank: above.rank,
        mine: fixed2(row.firstCriterion),
        theirs: fixed2(above.firstCriterion),
      });
    case 'submitted_at':
      return t('funding.rank.submitted_at', { rank: above.rank });
    case 'id':
      return t('funding.rank.id', { rank: above.rank });
    default:
      return t('funding.rank.score', { rank: above.rank, score: fixed2(above.score) });
  }
}

/** The basis of an allocation: the request, or the amount staff adjusted it to. */
function basisText(row: RankingRow, t: Speaker['t']): string {
  return row.basisFen === row.requestedFen
    ? t('funding.alloc.basisRequest', { amount: formatYuan(row.basisFen) })
    : t('funding.alloc.basisAdjusted', { amount: formatYuan(row.basisFen), requested: formatYuan(row.requestedFen) });
}

/** Why a row gets what it gets in the (trial or decided) allocation. */
export function allocationMessage(
  row: RankingRow,
  category: RankingCategory,
  minimumScore: number,
  { t, language }: Speaker,
): string {
  if (language === 'en') return row.explanation;
  const m = row.explanation;
  const score = fixed2(row.score);
  const minimum = fixed2(minimumScore);
  const basis = basisText(row, t);
  switch (row.reason) {
    case 'funded_in_full': {
      const fits = new RegExp(`fits in the ${AMOUNT} left, leaving ${AMOUNT}`).exec(m);
      if (fits)
        return t('funding.alloc.fullLeft', { score, minimum, basis, before: fits[1] ?? '', after: fits[2] ?? '' });
      return t('funding.alloc.full', { score, minimum, basis });
    }
    case 'funded_share':
      return t('funding.alloc.share', {
        score,
        minimum,
        basis,
        share: category.sharePercent === null ? '' : fixed2(category.sharePercent),
        allocated: formatYuan(row.allocatedFen),
      });
    case 'below_minimum':
      return t('funding.alloc.below', { score, minimum });
    case 'budget_exhausted': {
      const left = new RegExp(`exceeds the ${AMOUNT} left`).exec(m);
      if (left) return t('funding.alloc.line', { score, minimum, basis, left: left[1] ?? '' });
      const below = /below rank (\d+)/.exec(m);
      if (below) return t('funding.alloc.belowLine', { score, rank: below[1] ?? '' });
      return t('funding.alloc.nothingLeft', { score, basis });
    }
    case 'not_eligible':
      return t('funding.alloc.notEligible', { basis });
    case 'objection_upheld': {
      const released = new RegExp(`the ${AMOUNT} allocated to it was released`).exec(m);
      return t('funding.alloc.objectionUpheld', { released: released?.[1] ?? formatYuan(0) });
    }
    default:
      return m;
  }
}

/** The category's allocation summary. */
export function categoryMessage(category: RankingCategory, { t }: Speaker): string {
  // Composed in both languages: the API's sentence covers only what is still undecided.
  const funded = category.rows.filter((r) => r.funded).length;
  return t(category.fundingLine === null ? 'funding.alloc.categoryNone' : 'funding.alloc.category', {
    funded,
    total: category.rows.length,
    allocated: formatYuan(category.allocatedFen + category.committedFen),
    left: formatYuan(category.remainingFen),
    line: category.fundingLine === null ? '' : fixed2(category.fundingLine),
  });
}

/** Why automatic assignment fell short for an application. */
export function shortfallMessage(
  shortfall: { needed: number; assigned: number; reason: string },
  { t, language }: Speaker,
): string {
  if (language === 'en') return shortfall.reason;
  const n = (pattern: RegExp) => pattern.exec(shortfall.reason)?.[1] ?? '0';
  return t('funding.board.shortfallDetail', {
    assigned: shortfall.assigned,
    needed: shortfall.needed,
    conflicted: n(/(\d+) are in conflict/),
    unavailable: n(/(\d+) unavailable/),
    paired: n(/(\d+) already paired/),
    eligible: n(/leaving (\d+) eligible/),
  });
}

/** The system's own reasons in an application's history (the people's reasons are shown as written). */
export function historyReason(reason: string, { t, language }: Speaker): string {
  if (language === 'en') return reason;
  if (reason === 'The call closed: 形式审查') return t('funding.history.callClosed');
  if (reason === 'Passed 形式审查') return t('funding.history.screeningPassed');
  if (reason.startsWith('Failed 形式审查')) return t('funding.history.screeningFailed');
  if (reason === 'Review closed') return t('funding.history.reviewClosed');
  if (reason === 'Notice ended without objection') return t('funding.history.noticeEnded');
  if (reason === 'Final report filed') return t('funding.history.reportFiled');
  const notice = /^Public notice (\S+) – (\S+)$/.exec(reason);
  if (notice) return t('funding.history.notice', { from: notice[1] ?? '', to: notice[2] ?? '' });
  const reopened = /^Decision reopened: ([\s\S]*)$/.exec(reason);
  if (reopened) return t('funding.history.reopened', { reason: reopened[1] ?? '' });
  const waiting = /^Back in the running for released money: ([\s\S]*)$/.exec(reason);
  if (waiting) return t('funding.history.backInRunning', { reason: waiting[1] ?? '' });
  const upheld = /^Objection upheld: ([\s\S]*)$/.exec(reason);
  if (upheld) return t('funding.history.upheld', { resolution: upheld[1] ?? '' });
  if (/^score \d/.test(reason) || /^(category|the amount|its )/.test(reason)) return t('funding.history.decision');
  return reason;
}

/** A problem `checkProgramSettings` found, in the reader's language with the numbers it is about. */
export function settingsProblemMessage(problem: Problem, settings: ProgramSettings, { t, language }: Speaker): string {
  if (language === 'en') return problem.message;
  const index = Number(/\/(?:categories|rubric)\/(\d+)/.exec(problem.path)?.[1] ?? -1);
  const category = settings.categories[index];
  const criterion = settings.rubric[index];
  switch (problem.code) {
    case 'year_invalid':
      return t('funding.check.year');
    case 'date_invalid':
      return t('funding.check.date');
    case 'window_inverted':
      return t('funding.check.window', { opens: settings.opensOn, closes: settings.closesOn });
    case 'money_invalid':
      return t('funding.check.money');
    case 'categories_empty':
      return t('funding.check.categoriesEmpty');
    case 'code_empty':
      return t('funding.check.codeEmpty');
    case 'name_empty':
      return t('funding.check.nameEmpty');
    case 'category_code_duplicate':
    case 'criterion_code_duplicate':
      return t('funding.check.codeDuplicate', { code: (category ?? criterion)?.code ?? '' });
    case 'cap_exceeds_budget':
      return t('funding.check.capExceedsBudget', {
        cap: formatYuan(category?.capFen ?? 0),
        budget: formatYuan(category?.budgetFen ?? 0),
      });
    case 'category_budgets_exceed_total':
      return t('funding.check.budgetsExceedTotal', {
        sum: formatYuan(settings.categories.reduce((s, c) => s + c.budgetFen, 0)),
        total: formatYuan(settings.totalBudgetFen),
      });
    case 'rubric_empty':
      return t('funding.check.rubricEmpty');
    case 'weight_invalid':
      return t('funding.check.weight');
    case 'rubric_weights_sum':
      return t('funding.check.weightsSum', { sum: settings.rubric.reduce((s, c) => s + c.weight, 0) });
    case 'minimum_score_range':
      return t('funding.check.minimumScore');
    case 'reviewers_too_few':
      return t('funding.check.reviewers');
    case 'notice_days_invalid':
      return t('funding.check.noticeDays');
    default:
      return t('field.invalid');
  }
}

/** A problem `checkApplicationDraft` found, in the reader's language with its numbers. */
export function draftProblemMessage(
  problem: Problem,
  draft: { requestedFen: number; selfFundedFen: number; budgetLines: { amountFen: number }[]; capFen: number | null },
  { t, language }: Speaker,
): string {
  if (language === 'en') return problem.message;
  const line = Number(/\/budgetLines\/(\d+)/.exec(problem.path)?.[1] ?? -1) + 1;
  switch (problem.code) {
    case 'category_unknown':
      return t('funding.draft.category');
    case 'amount_invalid':
      if (problem.path === '/requestedFen') return t('funding.draft.requestedPositive');
      if (problem.path === '/selfFundedFen') return t('funding.draft.selfFunded');
      return t('funding.draft.lineAmount', { n: line });
    case 'exceeds_cap':
      return t('funding.draft.exceedsCap', {
        requested: formatYuan(draft.requestedFen),
        cap: formatYuan(draft.capFen ?? 0),
      });
    case 'budget_lines_empty':
      return t('funding.draft.noLines');
    case 'item_empty':
      return t('funding.draft.itemEmpty', { n: line });
    case 'budget_unbalanced':
      return t('funding.draft.unbalanced', {
        lines: formatYuan(draft.budgetLines.reduce((s, l) => s + l.amountFen, 0)),
        requested: formatYuan(draft.requestedFen),
        self: formatYuan(draft.selfFundedFen),
        sources: formatYuan(draft.requestedFen + draft.selfFundedFen),
      });
    default:
      return t('field.invalid');
  }
}
