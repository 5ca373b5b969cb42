import { Alert, App, Form, Input, Modal } from 'antd';
import { bodyFieldErrors } from '@/lib/conflict';
import { registerMessages, useI18n } from '@/lib/i18n';
import { adminMessages } from '@/lib/messages/admin';
import { passwordMessages } from '@/lib/messages/password';
import { confirmPasswordRules, newPasswordRules } from '@/lib/password-rules';
import { fieldMessage, problemMessage } from '@/lib/problem-message';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useResetPassword } from '../api/reset-password';
import type { User } from '../api/types';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(adminMessages, passwordMessages);
// The words of choosing a password (the field errors the API gives for one).

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useResetPassword();
  const idempotencyKeyFor = useIdempotencyKey();
  const fieldFailed = bodyFieldErrors(reset.error).length > 0;

  return (
    <Modal
      open
      title={t('user.resetTitle', { name: user.displayName ?? user.username })}
      okText={t('user.resetSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: reset.isPending, 'data-testid': 'reset-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('user.resetHint')} style={{ marginBottom: 16 }} />
      {reset.isError && !fieldFailed && (
        <Alert type="error" showIcon title={problemMessage(reset.error, i18n)} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={reset.isPending}
        onFinish={({ password }) => {
          const body = { password };
          reset.mutate(
            { id: user.id, body, idempotencyKey: idempotencyKeyFor(body) },
            {
              onSuccess: () => {
                message.success(t('user.resetDone', { name: user.username }));
                onClose();
              },
              onError: (error) => {
                const errors = bodyFieldErrors(error).filter((issue) => issue.field === 'password');
                if (errors.length > 0)
                  form.setFields([
                    {
                      name: 'password',
                      errors: errors.map((issue) =>
                        issue.code === 'contains_username'
                          ? t('user.error.contains_username')
                          : fieldMessage(issue, i18n),
                      ),
                    },
                  ]);
              },
            },
          );
        }}
      >
        <Form.Item
          name="password"
          label={t('user.field.newPassword')}
          extra={t('user.passwordHelp')}
          rules={newPasswordRules(() => user.username, {
            required: t('user.error.password_required'),
            tooShort: t('user.passwordHelp'),
            containsUsername: t('user.error.contains_username'),
          })}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('user.field.confirm')}
          dependencies={['password']}
          rules={confirmPasswordRules('password', {
            required: t('user.error.confirm_required'),
            mismatch: t('user.error.confirm_mismatch'),
          })}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
