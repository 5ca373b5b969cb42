import { FileTextOutlined, LockOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input } from 'antd';
import { Link, Navigate, useSearchParams } from 'react-router';
import { BrandMark } from '@/components/brand';
import { LanguageSwitch } from '@/components/language-switch';
import { useLogin } from '@/features/auth/api/login';
import { problemMessage } from '@/lib/problem-message';
import { useSession } from '@/lib/session';
import { useI18n } from '../i18n';

// Typography's colours, written out: antd's Typography (with Tooltip and an editor) is not loaded here.
const TEXT = 'rgba(0, 0, 0, 0.88)';
const SECONDARY = 'rgba(0, 0, 0, 0.45)';

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
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 24,
        background: 'linear-gradient(160deg, #eef3fb 0%, #dfe9f7 55%, #c9daf2 100%)',
        position: 'relative',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      {/* A card drawn by hand: antd's Card brings Tabs and Menu (for its tab list) into the sign-in page. */}
      <div
        style={{
          width: 400,
          maxWidth: '100%',
          padding: 24,
          background: '#ffffff',
          border: '1px solid #f0f0f0',
          borderRadius: 4,
          boxShadow: '0 8px 24px rgba(29,95,191,0.12)',
        }}
      >
        <Flex vertical align="center" gap={4} style={{ marginBottom: 28 }}>
          <BrandMark size={48} />
          <h3 style={{ margin: '12px 0 0', fontSize: 24, lineHeight: 1.3333, fontWeight: 600, color: TEXT }}>
            {language === 'zh' ? '学会通' : 'Society Hub'}
          </h3>
          <span style={{ color: SECONDARY }}>{t('app.subtitle')}</span>
        </Flex>
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
      </div>
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
    </Flex>
  );
}
