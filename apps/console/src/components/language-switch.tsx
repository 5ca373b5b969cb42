import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '@/lib/i18n';

export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <Button
      type={type}
      icon={<GlobalOutlined />}
      aria-label={t('lang.label')}
      onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
      data-testid="language-switch"
    >
      {t('lang.switch')}
    </Button>
  );
}
