import { checkApplicationDraft } from '@society-hub/domain';
import { Alert } from 'antd';
import { ReasonedTransitionModal, useSendTransition } from '@/components/reasoned-transition-modal';
import { isApiError } from '@/lib/api-client';
import { isConflict } from '@/lib/conflict';
import { type MessageKey, registerMessages, useI18n } from '@/lib/i18n';
import { fieldMessage, problemMessage } from '@/lib/problem-message';
import { useScreening, useTransitionApplication } from '../api/applications';
import type { FundingApplication, FundingProgram } from '../api/types';
import { fundingMessages } from '../messages';
import { fundingPanelsMessages } from '../panels-messages';
import { draftProblemMessage } from './explanations';
import { useFundingLabels } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages, fundingPanelsMessages);

const MOVE_TEXT: Record<
  'submitted' | 'withdrawn' | 'closed',
  { action: MessageKey; explain: MessageKey; reason: MessageKey }
> = {
  submitted: {
    action: 'funding.application.submit',
    explain: 'funding.application.submit.explain',
    reason: 'funding.application.submit.reason',
  },
  withdrawn: {
    action: 'funding.application.withdraw',
    explain: 'funding.application.withdraw.explain',
    reason: 'funding.application.withdraw.reason',
  },
  closed: {
    action: 'funding.application.close',
    explain: 'funding.application.close.explain',
    reason: 'funding.application.close.reason',
  },
};

/** Confirms submitting, withdrawing or closing an application, with the reason to record. */
export function ApplicationMoveModal({
  application,
  program,
  to,
  onClose,
}: {
  application: FundingApplication;
  program?: FundingProgram;
  to: 'submitted' | 'withdrawn' | 'closed';
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = useFundingLabels();
  const transition = useTransitionApplication();
  const send = useSendTransition(transition, {
    id: application.id,
    to,
    done: (saved) => t('funding.application.moved', { status: labels.applicationStatus(saved.status) }),
    onClose,
  });
  const screening = useScreening(application.id);
  const text = MOVE_TEXT[to];
  const submitting = to === 'submitted';
  const draft = {
    categoryCode: application.categoryCode,
    requestedFen: application.requestedFen,
    selfFundedFen: application.selfFundedFen,
    budgetLines: application.budgetLines,
  };
  const problems = submitting && program ? checkApplicationDraft({ ...draft, categories: program.categories }) : [];
  const capFen = program?.categories.find((c) => c.code === application.categoryCode)?.capFen ?? null;
  const failedChecks = submitting ? (screening.data?.checks ?? []).filter((c) => !c.passed) : [];

  function errorText(error: unknown): string {
    if (isConflict(error)) return t('funding.application.stale');
    const issues = isApiError(error) ? (error.problem.errors ?? []) : [];
    if (issues.length > 0) return issues.map((issue) => fieldMessage(issue, i18n)).join('；');
    return problemMessage(error, i18n);
  }

  return (
    <ReasonedTransitionModal
      title={t('funding.application.moveTitle', { action: t(text.action), title: application.title })}
      action={t(text.action)}
      confirmTestId="application-move-confirm"
      width={560}
      danger={to === 'withdrawn'}
      pending={transition.isPending}
      blocked={problems.length > 0}
      error={transition.isError ? errorText(transition.error) : null}
      reason={{
        label: t('funding.move.reason'),
        requiredMessage: t('funding.move.reasonRequired'),
        initial: t(text.reason),
        rows: 2,
        testId: 'application-move-reason',
      }}
      onClose={onClose}
      onConfirm={send}
    >
      <Alert type="info" showIcon title={t(text.explain)} style={{ marginBottom: 16 }} />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('funding.application.cannotSubmit')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p) => (
                <li key={p.path + p.code}>{draftProblemMessage(p, { ...draft, capFen }, i18n)}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
          data-testid="submit-blockers"
        />
      )}
      {problems.length === 0 && failedChecks.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('funding.application.screeningWarning', { n: failedChecks.length })}
          style={{ marginBottom: 16 }}
        />
      )}
    </ReasonedTransitionModal>
  );
}
