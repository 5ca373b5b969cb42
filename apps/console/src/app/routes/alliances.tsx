import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { AlliancesList } from '@/features/alliances/components/alliances-list';
import { alliancesMessages } from '@/features/alliances/messages';
import { policies } from '@/lib/authorization';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(alliancesMessages);

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
