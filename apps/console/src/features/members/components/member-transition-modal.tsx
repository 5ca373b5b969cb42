import { ExclamationCircleOutlined } from '@ant-design/icons';
import { type MemberStatus, membershipLifecycle } from '@society-hub/domain';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useI18n } from '@/app/i18n';
import { isApiError } from '@/lib/api-client';
import { problemMessage } from '@/lib/problem-message';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useTransitionMember } from '../api/transition-member';
import type { Member } from '../api/types';
import { useMemberLabels } from './labels';
import { isDuesUnpaid, memberActionKey } from './member-actions';
// The words this part shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/labels';
import '@/app/messages/members';
import '@/app/messages/societies';

const FINAL: readonly MemberStatus[] = ['rejected', 'withdrawn'];

interface MemberTransitionModalProps {
  member: Member;
  to: MemberStatus;
  onClose: () => void;
  /** Offered when the server refuses a reactivation for unpaid dues. */
  onRecordDues?: () => void;
  defaultReason?: string;
}

export function MemberTransitionModal({
  member,
  to,
  onClose,
  onRecordDues,
  defaultReason,
}: MemberTransitionModalProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = useMemberLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const transition = useTransitionMember();
  const idempotencyKeyFor = useIdempotencyKey();
  const action = t(memberActionKey(member.status, to));
  const duesUnpaid = transition.isError && isDuesUnpaid(transition.error);

  function errorText(error: unknown): string {
    if (isApiError(error) && error.problem.code === 'invalid_transition') {
      const allowed = (error.problem.allowed ?? [])
        .map((status) => (membershipLifecycle.isState(status) ? labels.status(status) : status))
        .join('、');
      return t('society.transition.invalid', { allowed: allowed || t('common.none') });
    }
    return problemMessage(error, i18n);
  }

  return (
    <Modal
      open
      title={
        <span>
          <ExclamationCircleOutlined style={{ color: '#faad14', marginInlineEnd: 8 }} />
          {t('member.transition.title', { action, name: member.name })}
        </span>
      }
      okText={action}
      okButtonProps={{
        danger: FINAL.includes(to),
        loading: transition.isPending,
        'data-testid': 'member-transition-confirm',
      }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      maskClosable={false}
    >
      <Typography.Paragraph>
        {t('member.transition.summary', { from: labels.status(member.status), to: labels.status(to) })}
      </Typography.Paragraph>
      {FINAL.includes(to) && (
        <Alert type="warning" showIcon title={t('member.transition.final')} style={{ marginBottom: 16 }} />
      )}
      {duesUnpaid ? (
        <Alert
          type="error"
          showIcon
          title={t('member.transition.duesUnpaid', { year: new Date().getFullYear() })}
          style={{ marginBottom: 16 }}
          data-testid="dues-unpaid"
          action={
            onRecordDues && (
              <Button
                size="small"
                type="primary"
                onClick={() => {
                  onClose();
                  onRecordDues();
                }}
                data-testid="dues-unpaid-record"
              >
                {t('member.transition.recordDues')}
              </Button>
            )
          }
        />
      ) : (
        transition.isError && (
          <Alert type="error" showIcon title={errorText(transition.error)} style={{ marginBottom: 16 }} />
        )
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={transition.isPending}
        initialValues={{ reason: defaultReason ?? '' }}
        onFinish={({ reason }) => {
          const request = { to, reason: reason.trim() };
          transition.mutate(
            { id: member.id, request, idempotencyKey: idempotencyKeyFor(request) },
            {
              onSuccess: (updated) => {
                message.success(t('member.transition.done', { to: labels.status(updated.status) }));
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item
          name="reason"
          label={t('member.transition.reason')}
          rules={[{ required: true, whitespace: true, message: t('member.transition.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('member.transition.reasonPlaceholder')}
            data-testid="member-transition-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
