import { ExclamationCircleOutlined } from '@ant-design/icons';
import { programLifecycle, quorumMet, reviewQuorum } from '@society-hub/domain';
import { Alert, App, Button, Form, Input, Modal, Spin, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { type MessageKey, useI18n } from '@/app/i18n';
import { isApiError } from '@/lib/api-client';
import { problemMessage } from '@/lib/problem-message';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useObjections, useRanking } from '../api/decisions';
import { useTransitionProgram } from '../api/programs';
import { useAssignmentBoard } from '../api/review-board';
import type { FundingProgram, ProgramStatus } from '../api/types';
import { shanghaiToday } from './dates';
import { useFundingLabels } from './labels';

type Move = `${ProgramStatus}>${ProgramStatus}`;

/** Each move the console offers: its button, what it does (explained before it is done) and a default reason. */
const MOVES: Partial<Record<Move, { action: MessageKey; explain: MessageKey; reason: MessageKey }>> = {
  'draft>open': {
    action: 'funding.move.open',
    explain: 'funding.move.open.explain',
    reason: 'funding.move.open.reason',
  },
  'open>closed': {
    action: 'funding.move.close',
    explain: 'funding.move.close.explain',
    reason: 'funding.move.close.reason',
  },
  'closed>open': {
    action: 'funding.move.reopen',
    explain: 'funding.move.reopen.explain',
    reason: 'funding.move.reopen.reason',
  },
  'closed>reviewing': {
    action: 'funding.move.review',
    explain: 'funding.move.review.explain',
    reason: 'funding.move.review.reason',
  },
  'reviewing>deciding': {
    action: 'funding.move.decide',
    explain: 'funding.move.decide.explain',
    reason: 'funding.move.decide.reason',
  },
  'deciding>notice': {
    action: 'funding.move.notice',
    explain: 'funding.move.notice.explain',
    reason: 'funding.move.notice.reason',
  },
  'notice>finalised': {
    action: 'funding.move.finalise',
    explain: 'funding.move.finalise.explain',
    reason: 'funding.move.finalise.reason',
  },
  'notice>deciding': {
    action: 'funding.move.redecide',
    explain: 'funding.move.redecide.explain',
    reason: 'funding.move.redecide.reason',
  },
};

/** Moves that go back a step: offered beside the way forward, not as the main action. */
const BACKWARDS: readonly Move[] = ['closed>open', 'notice>deciding'];

function moveOf(from: ProgramStatus, to: ProgramStatus) {
  const key: Move = `${from}>${to}`;
  return MOVES[key];
}

/** The lifecycle buttons of a program, for staff. */
export function ProgramActions({ program }: { program: FundingProgram }) {
  const { t } = useI18n();
  const [target, setTarget] = useState<ProgramStatus>();
  const today = shanghaiToday();
  const targets = programLifecycle.allowedFrom(program.status).filter((to) => moveOf(program.status, to));

  return (
    <>
      {targets.map((to) => {
        const move = moveOf(program.status, to);
        if (!move) return null;
        // Reopening needs a closing date still ahead: the call closed on its date otherwise.
        const blocked = to === 'open' && program.status === 'closed' && program.closesOn < today;
        const button = (
          <Button
            key={to}
            type={BACKWARDS.includes(`${program.status}>${to}`) ? 'default' : 'primary'}
            disabled={blocked}
            onClick={() => setTarget(to)}
            data-testid={`program-move-${to}`}
          >
            {t(move.action)}
          </Button>
        );
        return blocked ? (
          <Tooltip key={to} title={t('funding.move.reopen.blocked', { date: program.closesOn })}>
            {button}
          </Tooltip>
        ) : (
          button
        );
      })}
      {target && <ProgramMoveModal program={program} to={target} onClose={() => setTarget(undefined)} />}
    </>
  );
}

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
    const today = shanghaiToday();
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

function ProgramMoveModal({
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
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const transition = useTransitionProgram();
  const idempotencyKeyFor = useIdempotencyKey();
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
    <Modal
      open
      title={
        <span>
          <ExclamationCircleOutlined style={{ color: '#faad14', marginInlineEnd: 8 }} />
          {t('funding.move.title', { action, name: program.name })}
        </span>
      }
      okText={action}
      okButtonProps={{
        loading: transition.isPending,
        disabled: loading || blockers.length > 0,
        'data-testid': 'program-move-confirm',
      }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      maskClosable={false}
      width={560}
      data-testid="program-move-modal"
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
      {transition.isError && (
        <Alert type="error" showIcon title={errorText(transition.error)} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={transition.isPending}
        initialValues={{ reason: t(move.reason) }}
        onFinish={({ reason }) => {
          const request = { to, reason: reason.trim() };
          transition.mutate(
            { id: program.id, request, idempotencyKey: idempotencyKeyFor(request) },
            {
              onSuccess: (updated) => {
                message.success(t('funding.move.done', { to: labels.programStatus(updated.status) }));
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item
          name="reason"
          label={t('funding.move.reason')}
          rules={[{ required: true, whitespace: true, message: t('funding.move.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="program-move-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
