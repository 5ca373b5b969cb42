import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { AlliancesList } from '@/features/alliances/components/alliances-list';
import { policies } from '@/lib/authorization';
import { useCurrentUser } from '@/lib/session';
import { useI18n } from '../i18n';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/alliances';

export function AlliancesRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.alliances') }]}
        title={t('alliance.title')}
        subTitle={t('alliance.description')}
        extra={
          policies.manageAlliances(user) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="alliance-create"
            >
              {t('alliance.create')}
            </Button>
          )
        }
      />
      <AlliancesList creating={creating} onCreated={() => setCreating(false)} />
    </>
  );
}
