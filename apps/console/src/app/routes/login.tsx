import { FileTextOutlined, LockOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input } from 'antd';
import { Link, Navigate, useSearchParams } from 'react-router';
import { AuthFrame, SECONDARY } from '@/components/auth-frame';
import { useLogin } from '@/features/auth/api/login';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useSession } from '@/lib/session';

interface Credentials {
  username: string;
  password: string;
}

/** Only same-site paths, so a crafted `next` cannot send the user elsewhere. */
function safeNext(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function LoginRoute() {
  const i18n = useI18n();
  const { t, language } = i18n;
  const session = useSession();
  const [search] = useSearchParams();
  const login = useLogin();

  if (session.status === 'authenticated') return <Navigate to={safeNext(search.get('next'))} replace />;

  return (
    <AuthFrame
      title={language === 'zh' ? '学会通' : 'Society Hub'}
      subtitle={t('app.subtitle')}
      below={
        <>
          <Flex gap={24} wrap justify="center" style={{ marginTop: 20 }}>
            <Link to="/notices" data-testid="login-notices">
              <FileTextOutlined style={{ marginInlineEnd: 6 }} />
              {t('login.notices')}
            </Link>
            <Link to="/directory" data-testid="login-directory">
              <TeamOutlined style={{ marginInlineEnd: 6 }} />
              {t('login.directory')}
            </Link>
          </Flex>
          <span style={{ marginTop: 12, fontSize: 12, color: SECONDARY }}>{t('app.footer')}</span>
        </>
      }
    >
      {search.get('expired') === '1' && !login.isError && (
        <Alert type="warning" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} />
      )}
      {login.isError && (
        <Alert
          type="error"
          showIcon
          title={problemMessage(login.error, i18n, { unauthorized: 'login.invalid' })}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      )}
      <Form<Credentials>
        layout="vertical"
        requiredMark={false}
        size="large"
        onFinish={(values) => login.mutate(values)}
        disabled={login.isPending}
      >
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('login.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
