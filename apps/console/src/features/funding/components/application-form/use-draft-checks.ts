import { checkApplicationDraft, type Problem, yuanToFen } from '@society-hub/domain';
import { Form, type FormInstance } from 'antd';
import { useI18n } from '@/lib/i18n';
import type { FundingProgram } from '../../api/types';
import { linesOf, sumOf } from '../budget-lines-editor';
import { draftProblemMessage } from '../explanations';
import type { ApplicationFormValues } from './values';

/** A field's live finding, as `Form.Item` props (shown in place of its own message). */
export type LiveStatus = { validateStatus?: 'error'; help?: string };

/**
 * The domain's screening rules a society can satisfy while filling the form, run on every change:
 * the chosen category, the amounts and the budget lines' total.
 */
export function useDraftChecks(
  form: FormInstance<ApplicationFormValues>,
  initial: ApplicationFormValues,
  program: FundingProgram,
  touched: boolean,
) {
  const i18n = useI18n();
  const watched = Form.useWatch((values: ApplicationFormValues) => values, form) ?? initial;
  const categoryCode = watched.categoryCode ?? '';
  const category = program.categories.find((c) => c.code === categoryCode);
  const lines = linesOf(watched.budgetLines);
  const requestedFen = watched.requested ? yuanToFen(watched.requested) : 0;
  const selfFundedFen = watched.selfFunded ? yuanToFen(watched.selfFunded) : 0;
  const problems = checkApplicationDraft({
    categoryCode,
    categories: program.categories,
    requestedFen,
    selfFundedFen,
    budgetLines: lines,
  });
  const draft = { requestedFen, selfFundedFen, budgetLines: lines, capFen: category?.capFen ?? null };
  const say = (problem: Problem) => draftProblemMessage(problem, draft, i18n);
  const live = (path: string): LiveStatus => {
    // Before a category is chosen, say nothing about the amounts yet.
    const problem = problems.find((p) => p.path === path);
    return problem && (categoryCode || path !== '/categoryCode') && touched
      ? { validateStatus: 'error', help: say(problem) }
      : {};
  };
  const lineProblem = (index: number, field: string) => {
    const problem = problems.find((p) => p.path === `/budgetLines/${index}/${field}`);
    return problem && touched ? say(problem) : undefined;
  };
  return { category, problems, say, live, lineProblem, requestedFen, selfFundedFen, total: sumOf(lines) };
}

export type DraftChecks = ReturnType<typeof useDraftChecks>;
