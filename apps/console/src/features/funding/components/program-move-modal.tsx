import { localToday, quorumMet, reviewQuorum } from '@society-hub/domain';
import { Alert, Spin, Typography } from 'antd';
import { ReasonedTransitionModal, useSendTransition } from '@/components/reasoned-transition-modal';
import { isApiError } from '@/lib/api-client';
import { registerMessages, useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useObjections, useRanking } from '../api/decisions';
import { useTransitionProgram } from '../api/programs';
import { useAssignmentBoard } from '../api/review-board';
import type { FundingProgram, ProgramStatus } from '../api/types';
import { fundingMessages } from '../messages';
import { fundingPanelsMessages } from '../panels-messages';
import { useFundingLabels } from './labels';
import { moveOf } from './program-moves';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages, fundingPanelsMessages);

/** What stops a move now, worked out before asking the server (which checks the same). */
function useBlockers(program: FundingProgram, to: ProgramStatus): { loading: boolean; blockers: string[] } {
  const { t } = useI18n();
  const closing = program.status === 'reviewing' && to === 'deciding';
  const publishing = program.status === 'deciding' && to === 'notice';
  const finalising = program.status === 'notice' && to === 'finalised';
  const redeciding = program.status === 'notice' && to === 'deciding';
  const board = useAssignmentBoard(program.id, closing);
  const ranking = useRanking(program.id, undefined, publishing);
  const objections = useObjections(program.id, finalising || redeciding);
  const blockers: string[] = [];
  let loading = false;
  if (closing) {
    loading = board.isPending;
    const quorum = reviewQuorum(program.reviewersPerApplication);
    const short = (board.data?.items ?? []).filter(
      (row) => row.status === 'in_review' && !quorumMet(row.submitted, program.reviewersPerApplication),
    );
    if (short.length > 0) {
      blockers.push(
        t('funding.move.decide.short', {
          n: short.length,
          min: quorum,
          titles: short
            .slice(0, 5)
            .map((row) => `“${row.title}”（${row.submitted}/${quorum}）`)
            .join('、'),
        }),
      );
    }
  }
  if (publishing) {
    loading = ranking.isPending;
    const undecided = (ranking.data?.ranking.categories ?? []).flatMap((c) => c.rows).filter((r) => !r.decided);
    if (undecided.length > 0) blockers.push(t('funding.move.notice.undecided', { n: undecided.length }));
  }
  if (finalising) {
    loading = objections.isPending;
    const today = localToday();
    if (program.noticeEndsOn && today <= program.noticeEndsOn) {
      blockers.push(t('funding.move.finalise.running', { date: program.noticeEndsOn }));
    }
    const open = (objections.data?.items ?? []).filter((o) => o.status === 'open').length;
    if (open > 0) blockers.push(t('funding.move.finalise.objections', { n: open }));
  }
  if (redeciding) {
    loading = objections.isPending;
    const open = (objections.data?.items ?? []).filter((o) => o.status === 'open').length;
    if (open > 0) blockers.push(t('funding.move.redecide.objections', { n: open }));
  }
  return { loading, blockers };
}

/** Confirms a move of the program: what it does, what stops it now, and the reason to record. */
export function ProgramMoveModal({
  program,
  to,
  onClose,
}: {
  program: FundingProgram;
  to: ProgramStatus;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = useFundingLabels();
  const transition = useTransitionProgram();
  const send = useSendTransition(transition, {
    id: program.id,
    to,
    done: (saved) => t('funding.move.done', { to: labels.programStatus(saved.status) }),
    onClose,
  });
  const { loading, blockers } = useBlockers(program, to);
  const move = moveOf(program.status, to);
  if (!move) return null;
  const action = t(move.action);

  function errorText(error: unknown): string {
    if (isApiError(error) && error.problem.code === 'rule_violation' && i18n.language === 'zh') {
      return t('funding.move.refused');
    }
    return problemMessage(error, i18n);
  }

  return (
    <ReasonedTransitionModal
      title={t('funding.move.title', { action, name: program.name })}
      action={action}
      confirmTestId="program-move-confirm"
      testId="program-move-modal"
      width={560}
      pending={transition.isPending}
      blocked={loading || blockers.length > 0}
      error={transition.isError ? errorText(transition.error) : null}
      reason={{
        label: t('funding.move.reason'),
        requiredMessage: t('funding.move.reasonRequired'),
        initial: t(move.reason),
        rows: 2,
        testId: 'program-move-reason',
      }}
      onClose={onClose}
      onConfirm={send}
    >
      <Typography.Paragraph>
        {t('funding.move.summary', { from: labels.programStatus(program.status), to: labels.programStatus(to) })}
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        title={t(move.explain, {
          opens: program.opensOn,
          closes: program.closesOn,
          reviewers: program.reviewersPerApplication,
          days: program.noticeWorkingDays,
          method: labels.scoringMethod(program.scoringMethod),
          min: reviewQuorum(program.reviewersPerApplication),
        })}
        style={{ marginBottom: 16 }}
        data-testid="program-move-explain"
      />
      {loading && <Spin size="small" style={{ display: 'block', marginBottom: 16 }} />}
      {blockers.map((blocker) => (
        <Alert
          key={blocker}
          type="warning"
          showIcon
          title={blocker}
          style={{ marginBottom: 16 }}
          data-testid="program-move-blocker"
        />
      ))}
    </ReasonedTransitionModal>
  );
}
