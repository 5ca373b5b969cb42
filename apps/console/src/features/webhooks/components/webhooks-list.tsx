import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DEFAULT_PAGE_SIZE, useCursorStack } from '@/components/cursor-pager';
import { ListShell } from '@/components/list-shell';
import { useClients } from '@/features/clients';
import { policies } from '@/lib/authorization';
import { isConflict } from '@/lib/conflict';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useDeleteWebhook } from '../api/delete-webhook';
import { useWebhooks } from '../api/get-webhooks';
import { webhookKeys } from '../api/keys';
import type { Webhook, WebhookWithSecret } from '../api/types';
import { mono } from './labels';
import { DeliveriesDrawer, WebhookFormModal, WebhookSecretModal } from './on-demand';

export function WebhooksList({ creating, onCreateClosed }: { creating: boolean; onCreateClosed: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useCurrentUser();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const canManage = policies.manageAdministration(user);
  const [limit, setLimit] = useState(DEFAULT_PAGE_SIZE);
  const pager = useCursorStack(String(limit));
  const webhooks = useWebhooks({ limit, ...(pager.cursor ? { cursor: pager.cursor } : {}) });
  const clients = useClients({ limit: 500 });
  const remove = useDeleteWebhook();
  const [created, setCreated] = useState<WebhookWithSecret>();
  const [viewing, setViewing] = useState<Webhook>();

  const clientName = (id: string) => clients.data?.items.find((c) => c.id === id)?.name ?? `${id.slice(0, 8)}…`;

  function confirmDelete(webhook: Webhook) {
    modal.confirm({
      title: t('webhook.deleteTitle'),
      content: t('webhook.deleteHint', { url: webhook.url }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'webhook-delete-confirm' },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove
          .mutateAsync({ id: webhook.id, version: webhook.version })
          .then(() => message.success(t('webhook.deleted')))
          .catch((error: unknown) => {
            if (isConflict(error)) void queryClient.invalidateQueries({ queryKey: webhookKeys.lists() });
            message.error(problemMessage(error, i18n));
          }),
    });
  }

  const columns: TableColumnsType<Webhook> = [
    {
      title: t('webhook.field.client'),
      key: 'client',
      width: 180,
      render: (_, w) => (
        <Typography.Text ellipsis={{ tooltip: clientName(w.clientId) }}>{clientName(w.clientId)}</Typography.Text>
      ),
    },
    {
      title: t('webhook.field.url'),
      key: 'url',
      render: (_, w) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text style={{ ...mono, fontSize: 12 }} ellipsis={{ tooltip: w.url }}>
            {w.url}
          </Typography.Text>
          {w.description && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {w.description}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('webhook.field.eventTypes'),
      key: 'types',
      width: 240,
      render: (_, w) => (
        <Flex gap={4} wrap>
          {w.eventTypes.map((type) => (
            <Tag key={type} style={{ marginInlineEnd: 0, ...mono }}>
              {type}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('webhook.field.createdAt'),
      key: 'createdAt',
      width: 150,
      render: (_, w) => formatDateTime(w.createdAt),
    },
    {
      title: t('admin.field.actions'),
      key: 'actions',
      width: canManage ? 190 : 110,
      render: (_, w) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setViewing(w)} data-testid="webhook-deliveries">
            {t('webhook.deliveries')}
          </Button>
          {canManage && (
            <Button type="link" size="small" danger onClick={() => confirmDelete(w)} data-testid="webhook-delete">
              {t('common.delete')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <ListShell<Webhook>
      query={webhooks}
      pager={pager}
      limit={limit}
      onLimitChange={setLimit}
      table={{
        rowKey: 'id',
        columns,
        tableLayout: 'fixed',
        scroll: { x: 1000 },
        locale: { emptyText: <Empty description={t('webhook.empty')} /> },
      }}
      testId="webhooks-table"
    >
      {creating && (
        <WebhookFormModal
          onClose={onCreateClosed}
          onCreated={(webhook) => {
            onCreateClosed();
            setCreated(webhook);
          }}
        />
      )}
      {created && <WebhookSecretModal webhook={created} onClose={() => setCreated(undefined)} />}
      {viewing && <DeliveriesDrawer webhook={viewing} canRedeliver={canManage} onClose={() => setViewing(undefined)} />}
    </ListShell>
  );
}
