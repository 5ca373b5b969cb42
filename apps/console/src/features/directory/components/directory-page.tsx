import { Flex, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { PublicLayout } from '@/components/public-layout/public-layout';
import { useI18n } from '@/lib/i18n';
import { OpenCalls } from './open-calls';
import { SocietyDirectory } from './society-directory';

type Tab = 'societies' | 'calls';

/** The Association's public face: its societies and how to reach them, and the calls open now. No login. */
export function DirectoryPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const tab: Tab = search.get('tab') === 'calls' ? 'calls' : 'societies';
  return (
    <PublicLayout title={t('directory.pageTitle')} section={t('directory.section')}>
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="page-title">
          {t('directory.pageTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 820 }}>
          {t('directory.intro')}
        </Typography.Paragraph>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch(key === 'calls' ? { tab: 'calls' } : {}, { replace: true })}
        items={[
          { key: 'societies', label: t('directory.tab.societies'), children: <SocietyDirectory /> },
          { key: 'calls', label: t('directory.tab.calls'), children: <OpenCalls /> },
        ]}
      />
    </PublicLayout>
  );
}
