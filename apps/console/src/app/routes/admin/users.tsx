import { UserAddOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { UsersList } from '@/features/users/components/users-list';
import { policies } from '@/lib/authorization';
import { registerMessages, useI18n } from '@/lib/i18n';
import { adminMessages } from '@/lib/messages/admin';
import { useCurrentUser } from '@/lib/session';
import { ReadOnlyTag } from './read-only-tag';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(adminMessages);

export function UsersRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.admin') }, { title: t('nav.users') }]}
        title={t('user.list.title')}
        tags={<ReadOnlyTag />}
        subTitle={t('user.list.description')}
        extra={
          policies.manageAdministration(user) && (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setCreating(true)}
              data-testid="user-create"
            >
              {t('user.createTitle')}
            </Button>
          )
        }
      />
      <UsersList creating={creating} onCreated={() => setCreating(false)} />
    </>
  );
}
