import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { registerMessages, useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useDeclineReview } from '../api/decline-review';
import type { Decline, DeclineReason } from '../api/types';
import { reviewsMessages } from '../messages';
import { reviewQueueMessages } from '../queue-messages';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(reviewQueueMessages, reviewsMessages);

const REASONS: readonly DeclineReason[] = ['conflict_of_interest', 'not_my_field', 'too_many'];

interface DeclineValues {
  reason?: DeclineReason;
  note?: string;
}

/**
 * 谢绝评审: the reviewer gives an assignment back with a reason and a note. The dialog is the
 * confirmation: it says that the application goes to another expert and cannot be scored here again.
 */
export function DeclineModal({
  applicationId,
  title,
  onClose,
}: {
  applicationId: string;
  title: string;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<DeclineValues>();
  const decline = useDeclineReview();
  const idempotencyKeyFor = useIdempotencyKey();
  const reason = Form.useWatch('reason', form);

  return (
    <Modal
      open
      title={
        <span>
          <ExclamationCircleOutlined style={{ color: '#faad14', marginInlineEnd: 8 }} />
          {t('review.decline.title')}
        </span>
      }
      okText={t('review.decline.confirm')}
      okButtonProps={{ danger: true, loading: decline.isPending, 'data-testid': 'decline-confirm' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      width={560}
    >
      <Typography.Paragraph>{t('review.decline.summary', { title })}</Typography.Paragraph>
      <Alert type="warning" showIcon title={t('review.decline.warning')} style={{ marginBottom: 16 }} />
      {decline.isError && (
        <Alert
          type="error"
          showIcon
          title={problemMessage(decline.error, i18n, {
            rule_violation: 'review.error.closed',
            conflict: 'review.decline.alreadyScored',
          })}
          style={{ marginBottom: 16 }}
          data-testid="decline-error"
        />
      )}
      <Form<DeclineValues>
        form={form}
        layout="vertical"
        disabled={decline.isPending}
        onFinish={(values) => {
          if (!values.reason) return;
          const body: Decline = { reason: values.reason, note: values.note?.trim() || null };
          decline.mutate(
            { applicationId, body, idempotencyKey: idempotencyKeyFor(body) },
            {
              onSuccess: (result) => {
                message.success(t(result.created > 0 ? 'review.decline.done' : 'review.decline.doneUnassigned'));
                onClose();
                navigate('/reviews');
              },
            },
          );
        }}
      >
        <Form.Item
          name="reason"
          label={t('review.decline.reason')}
          rules={[{ required: true, message: t('review.decline.reasonRequired') }]}
        >
          <Radio.Group
            options={REASONS.map((value) => ({ value, label: t(`review.declineReason.${value}`) }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            data-testid="decline-reason"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('review.decline.note')}
          rules={[
            {
              required: reason === 'conflict_of_interest',
              whitespace: true,
              message: t('review.decline.noteRequired'),
            },
          ]}
          extra={reason === 'conflict_of_interest' ? t('review.decline.noteConflictHelp') : undefined}
        >
          <Input.TextArea
            rows={3}
            maxLength={1000}
            showCount
            placeholder={t('review.decline.notePlaceholder')}
            data-testid="decline-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
