import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { AuthFrame } from '@/components/auth-frame';
import { useChangePassword } from '@/features/auth/api/change-password';
import { useLogout } from '@/features/auth/api/logout';
import { bodyFieldErrors } from '@/lib/conflict';
import { registerMessages, useI18n } from '@/lib/i18n';
import { passwordMessages } from '@/lib/messages/password';
import { confirmPasswordRules, newPasswordRules } from '@/lib/password-rules';
import { fieldMessage, problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(passwordMessages);

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Changing one's own password, with the current one. After an administrator's reset the console
 * brings the user here before anything else (the API refuses every other call until then).
 */
export function ChangePasswordRoute() {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useCurrentUser();
  const navigate = useNavigate();
  const change = useChangePassword();
  const logout = useLogout();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState(false);
  const forced = user.mustChangePassword;
  const fieldFailed = bodyFieldErrors(change.error).length > 0;

  return (
    <AuthFrame title={t('password.title')} subtitle={user.displayName ?? user.username}>
      {forced && (
        <Alert
          type="warning"
          showIcon
          title={t('password.forced')}
          style={{ marginBottom: 16 }}
          data-testid="password-forced"
        />
      )}
      {done && <Alert type="success" showIcon title={t('password.done')} style={{ marginBottom: 16 }} />}
      {change.isError && !fieldFailed && (
        <Alert type="error" showIcon title={problemMessage(change.error, i18n)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={change.isPending}
        onFinish={({ currentPassword, newPassword }) =>
          change.mutate(
            { currentPassword, newPassword },
            {
              onSuccess: () => {
                form.resetFields();
                setDone(true);
                if (forced) navigate('/', { replace: true });
              },
              onError: (error) =>
                form.setFields(
                  bodyFieldErrors(error)
                    .filter((issue) => issue.field === 'currentPassword' || issue.field === 'newPassword')
                    .map((issue) => ({
                      name: issue.field as keyof Values,
                      errors: [fieldMessage(issue, i18n)],
                    })),
                ),
            },
          )
        }
      >
        {/* For password managers: whose password this is. */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            autoFocus
            data-testid="password-current"
          />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.help')}
          rules={newPasswordRules(() => user.username, {
            required: t('password.newRequired'),
            tooShort: t('password.help'),
            containsUsername: t('field.contains_username'),
          })}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={confirmPasswordRules('newPassword', {
            required: t('password.newRequired'),
            mismatch: t('password.mismatch'),
          })}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="password-submit">
          {t('password.submit')}
        </Button>
      </Form>
      <Flex justify="center" style={{ marginTop: 16 }}>
        {forced ? (
          <Button type="link" onClick={() => logout.mutate()}>
            {t('password.signOut')}
          </Button>
        ) : (
          <Button type="link" onClick={() => navigate(-1)}>
            {t('password.back')}
          </Button>
        )}
      </Flex>
    </AuthFrame>
  );
}
