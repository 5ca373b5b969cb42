import { pilotLifecycle } from '@society-hub/domain';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { type MessageKey, useI18n } from '@/app/i18n';
import { policies } from '@/lib/authorization';
import { problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useEligibility, useTransitionPilot } from '../api/pilots';
import type { Pilot, PilotStatus } from '../api/types';
import { CheckList } from './eligibility-checklist';

const ACTION_LABEL: Record<PilotStatus, MessageKey> = {
  proposed: 'pilot.action.submit',
  eligibility_review: 'pilot.action.submit',
  approved: 'pilot.action.approve',
  rejected: 'pilot.action.reject',
  in_progress: 'pilot.action.start',
  midterm_review: 'pilot.action.midterm',
  acceptance: 'pilot.action.acceptance',
  completed: 'pilot.action.complete',
  terminated: 'pilot.action.terminate',
};

/** The moves this user may make now: the society submits or withdraws its proposal; staff decide the rest. */
function movesFor(pilot: Pilot, staff: boolean, applicant: boolean): PilotStatus[] {
  const allowed = pilotLifecycle.allowedFrom(pilot.status);
  if (staff) return [...allowed];
  if (applicant && pilot.status === 'proposed') return [...allowed];
  return [];
}

function TransitionModal({ pilot, to, onClose }: { pilot: Pilot; to: PilotStatus; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string; override?: string }>();
  const transition = useTransitionPilot();
  const approving = to === 'approved';
  const eligibility = useEligibility(pilot.id);
  const failing = (eligibility.data?.checks ?? []).filter((c) => !c.passed);
  const needsOverride = approving && failing.length > 0;
  const withdraw = pilot.status === 'proposed' && to === 'terminated';

  function submit(values: { reason?: string; override?: string }) {
    transition.mutate(
      {
        id: pilot.id,
        request: {
          to,
          reason: values.reason?.trim() ?? '',
          ...(needsOverride && values.override?.trim() ? { eligibilityOverride: values.override.trim() } : {}),
        },
      },
      {
        onSuccess: (saved) => {
          message.success(t('pilot.action.done', { status: t(`pilot.status.${saved.status}`) }));
          onClose();
        },
      },
    );
  }

  return (
    <Modal
      open
      title={t(withdraw ? 'pilot.action.withdraw' : ACTION_LABEL[to])}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={transition.isPending}
      width={approving ? 720 : 520}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'pilot-transition-confirm', danger: to === 'terminated' || to === 'rejected' }}
    >
      {transition.error && (
        <Alert type="error" showIcon title={problemMessage(transition.error, i18n)} style={{ marginBottom: 12 }} />
      )}
      {approving &&
        (failing.length > 0 ? (
          <>
            <Typography.Paragraph type="warning">{t('pilot.action.notEligibleHint')}</Typography.Paragraph>
            <CheckList checks={failing} testId="approve-failing" />
          </>
        ) : (
          eligibility.data && (
            <Alert type="success" showIcon title={t('pilot.eligibility.eligible')} style={{ marginBottom: 12 }} />
          )
        ))}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('pilot.action.reason')}
          rules={[{ required: true, whitespace: true, message: t('pilot.action.reasonRequired') }, { max: 2000 }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="pilot-transition-reason" />
        </Form.Item>
        {needsOverride && (
          <Form.Item
            name="override"
            label={t('pilot.action.overrideLabel')}
            rules={[{ required: true, whitespace: true, message: t('pilot.action.overrideRequired') }, { max: 2000 }]}
          >
            <Input.TextArea rows={2} maxLength={2000} data-testid="pilot-override" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function PilotActions({ pilot }: { pilot: Pilot }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [to, setTo] = useState<PilotStatus | null>(null);
  const moves = movesFor(pilot, policies.managePilots(user), policies.proposePilot(user, pilot.societyId));
  if (moves.length === 0) return null;
  return (
    <Space wrap>
      {moves.map((move) => (
        <Button
          key={move}
          type={move === 'terminated' || move === 'rejected' ? 'default' : 'primary'}
          danger={move === 'terminated' || move === 'rejected'}
          onClick={() => setTo(move)}
          data-testid={`pilot-to-${move}`}
        >
          {t(pilot.status === 'proposed' && move === 'terminated' ? 'pilot.action.withdraw' : ACTION_LABEL[move])}
        </Button>
      ))}
      {to && <TransitionModal pilot={pilot} to={to} onClose={() => setTo(null)} />}
    </Space>
  );
}
