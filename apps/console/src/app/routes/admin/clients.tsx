import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { ClientsList } from '@/features/clients/components/clients-list';
import { policies } from '@/lib/authorization';
import { registerMessages, useI18n } from '@/lib/i18n';
import { adminMessages } from '@/lib/messages/admin';
import { useCurrentUser } from '@/lib/session';
import { ReadOnlyTag } from './read-only-tag';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(adminMessages);

export function ClientsRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.admin') }, { title: t('nav.clients') }]}
        title={t('client.list.title')}
        tags={<ReadOnlyTag />}
        subTitle={t('client.list.description')}
        extra={
          <>
            {/* Machine clients read the change feed and receive webhooks: one step away. */}
            <Link to="/admin/webhooks">
              <Button icon={<SendOutlined />} data-testid="client-integration">
                {t('client.integrationLink')}
              </Button>
            </Link>
            {policies.manageAdministration(user) && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="client-create"
              >
                {t('client.createTitle')}
              </Button>
            )}
          </>
        }
      />
      <ClientsList creating={creating} onCreateClosed={() => setCreating(false)} />
    </>
  );
}
