import { LoginOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Flex, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useNavigate } from 'react-router';
import { BrandMark } from '@/components/brand';
import { LanguageSwitch } from '@/components/language-switch';
import { registerMessages, useI18n } from '@/lib/i18n';
import { publicLayoutMessages } from './messages';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(publicLayoutMessages);

const BAND = '#1d5fbf';
/** Buttons on the blue band: white text, a light hover. */
const ON_BAND = {
  textTextColor: '#fff',
  textTextHoverColor: '#fff',
  textTextActiveColor: '#fff',
  textHoverBg: 'rgba(255,255,255,0.15)',
  defaultGhostColor: '#fff',
  defaultGhostBorderColor: 'rgba(255,255,255,0.7)',
};
const WIDTH = 1080;

/**
 * The Association's public pages: no menu and no account, a header band with its name, the language
 * switch and the way in for staff, and a plain footer. Read by anyone, on any screen.
 */
export function PublicLayout({
  title,
  section,
  children,
}: {
  title: string;
  /** The line under the Association's name; the public notices' by default. */
  section?: string;
  children: ReactNode;
}) {
  const { t, language } = useI18n();
  const navigate = useNavigate();

  useEffect(() => {
    const before = document.title;
    document.title = `${title} - ${t('public.org')}`;
    return () => {
      document.title = before;
    };
  }, [title, t]);

  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f3f5f8' }}>
      <header style={{ background: BAND, color: '#fff', borderBottom: '4px solid #c9a227' }}>
        <Flex
          align="center"
          justify="space-between"
          gap={16}
          wrap
          style={{ maxWidth: WIDTH, margin: '0 auto', padding: '18px 24px', width: '100%' }}
        >
          <Flex align="center" gap={14}>
            <span style={{ background: '#fff', borderRadius: 8, padding: 3, display: 'inline-flex' }}>
              <BrandMark size={40} />
            </span>
            <div>
              <Typography.Text
                strong
                style={{
                  color: '#fff',
                  fontSize: 22,
                  letterSpacing: language === 'zh' ? 2 : 0,
                  display: 'block',
                  lineHeight: 1.3,
                }}
                data-testid="public-org"
              >
                {t('public.org')}
              </Typography.Text>
              <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', fontSize: 13 }}>
                {section ?? t('public.section')}
              </Typography.Text>
            </div>
          </Flex>
          <ConfigProvider theme={{ components: { Button: ON_BAND } }}>
            <Flex gap={8} align="center">
              <LanguageSwitch />
              <Button ghost icon={<LoginOutlined />} onClick={() => navigate('/login')} data-testid="public-login">
                {t('public.staffLogin')}
              </Button>
            </Flex>
          </ConfigProvider>
        </Flex>
      </header>
      <main style={{ flex: 1, width: '100%', maxWidth: WIDTH, margin: '0 auto', padding: '24px 24px 40px' }}>
        {children}
      </main>
      <footer style={{ background: '#e8ecf2', borderTop: '1px solid #d9dee7' }}>
        <Flex
          vertical
          align="center"
          gap={4}
          style={{ maxWidth: WIDTH, margin: '0 auto', padding: '16px 24px', color: '#595959', fontSize: 12 }}
        >
          <span>{t('public.footer.host')}</span>
          <span>{t('public.footer.note')}</span>
        </Flex>
      </footer>
    </Flex>
  );
}
