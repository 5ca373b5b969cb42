import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { EventFeed } from '@/features/webhooks/components/event-feed';
import { WebhooksList } from '@/features/webhooks/components/webhooks-list';
import { integrationMessages } from '@/features/webhooks/messages';
import { policies } from '@/lib/authorization';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import { ReadOnlyTag } from './read-only-tag';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(integrationMessages);

type Tab = 'subscriptions' | 'feed';

/** Integration for other city systems: webhook subscriptions with their delivery log, and the change feed. */
export function WebhooksRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const tab: Tab = search.get('tab') === 'feed' ? 'feed' : 'subscriptions';
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.admin') }, { title: t('nav.webhooks') }]}
        title={t('webhook.list.title')}
        tags={<ReadOnlyTag />}
        subTitle={t('webhook.list.description')}
        extra={
          policies.manageAdministration(user) &&
          tab === 'subscriptions' && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="webhook-create"
            >
              {t('webhook.createTitle')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch(key === 'feed' ? { tab: 'feed' } : {}, { replace: true })}
        items={[
          {
            key: 'subscriptions',
            label: t('webhook.tab.subscriptions'),
            children: <WebhooksList creating={creating} onCreateClosed={() => setCreating(false)} />,
          },
          { key: 'feed', label: t('webhook.tab.feed'), children: <EventFeed /> },
        ]}
      />
    </>
  );
}
