import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { problemMessage } from '@/lib/problem-message';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useEligibility, useTransitionPilot } from '../api/pilots';
import type { Pilot, PilotStatus } from '../api/types';
import { pilotsMessages } from '../messages';
import { CheckList } from './eligibility-checklist';
import { ACTION_LABEL } from './pilot-moves';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(labelsMessages, pilotsMessages);

/** Confirms a move of the pilot, with its reason; approving despite failed checks asks why. */
export function PilotTransitionModal({ pilot, to, onClose }: { pilot: Pilot; to: PilotStatus; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string; override?: string }>();
  const transition = useTransitionPilot();
  const idempotencyKeyFor = useIdempotencyKey();
  const approving = to === 'approved';
  const eligibility = useEligibility(pilot.id);
  const failing = (eligibility.data?.checks ?? []).filter((c) => !c.passed);
  const needsOverride = approving && failing.length > 0;
  const withdraw = pilot.status === 'proposed' && to === 'terminated';

  function submit(values: { reason?: string; override?: string }) {
    const request = {
      to,
      reason: values.reason?.trim() ?? '',
      ...(needsOverride && values.override?.trim() ? { eligibilityOverride: values.override.trim() } : {}),
    };
    transition.mutate(
      { id: pilot.id, request, idempotencyKey: idempotencyKeyFor(request) },
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
