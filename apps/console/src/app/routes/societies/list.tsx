import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { SocietiesList } from '@/features/societies/components/societies-list';
import { societiesMessages } from '@/features/societies/messages';
import { policies } from '@/lib/authorization';
import { registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { useCurrentUser } from '@/lib/session';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(labelsMessages, societiesMessages);

export function SocietiesListRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.societies') }]}
        title={t('society.list.title')}
        subTitle={t('society.list.description')}
        extra={
          policies.createSociety(user) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/societies/new')}
              data-testid="society-create"
            >
              {t('society.list.create')}
            </Button>
          )
        }
      />
      <SocietiesList />
    </>
  );
}
