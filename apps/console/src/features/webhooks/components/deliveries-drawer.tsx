import { RedoOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Empty, Flex, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CursorPager, DEFAULT_PAGE_SIZE, useCursorStack } from '@/components/cursor-pager';
import { QueryError } from '@/components/query-error';
import { formatDateTime } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useDeliveries } from '../api/get-deliveries';
import { useRedeliver } from '../api/redeliver';
import type { Delivery, DeliveryStatus, Webhook } from '../api/types';
import { integrationMessages } from '../messages';
import { DELIVERY_STATUSES, DeliveryStatusTag, mono } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(integrationMessages);

type StatusFilter = DeliveryStatus | 'all';

function Outcome({ statusCode, error }: { statusCode: number | null; error: string | null }) {
  const { t } = useI18n();
  if (statusCode === null && error === null)
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Flex gap={6} align="center" style={{ minWidth: 0 }}>
      {statusCode !== null && (
        <Tag color={statusCode >= 200 && statusCode < 300 ? 'green' : 'red'} style={{ marginInlineEnd: 0, ...mono }}>
          {statusCode}
        </Tag>
      )}
      {error && (
        <Typography.Text type="secondary" ellipsis={{ tooltip: error }} style={{ fontSize: 12 }}>
          {error}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The delivery log of one subscription: each event once, with its attempts, and a way to send it again. */
export function DeliveriesDrawer({
  webhook,
  canRedeliver,
  onClose,
}: {
  webhook: Webhook;
  canRedeliver: boolean;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [limit, setLimit] = useState(DEFAULT_PAGE_SIZE);
  const pager = useCursorStack(`${status}:${limit}`);
  const deliveries = useDeliveries(webhook.id, {
    limit,
    ...(status === 'all' ? {} : { status }),
    ...(pager.cursor ? { cursor: pager.cursor } : {}),
  });
  const redeliver = useRedeliver();

  function send(delivery: Delivery) {
    redeliver.mutate(
      { webhookId: webhook.id, deliveryId: delivery.id },
      {
        onSuccess: () => message.success(t('webhook.delivery.requeued')),
        onError: (error) => message.error(problemMessage(error, i18n)),
      },
    );
  }

  const columns: TableColumnsType<Delivery> = [
    {
      title: t('webhook.delivery.queuedAt'),
      key: 'createdAt',
      width: 150,
      render: (_, d) => formatDateTime(d.createdAt),
    },
    {
      title: t('webhook.delivery.eventType'),
      dataIndex: 'eventType',
      width: 200,
      render: (_, d) => <span style={mono}>{d.eventType}</span>,
    },
    {
      title: t('webhook.delivery.status'),
      key: 'status',
      width: 100,
      render: (_, d) => <DeliveryStatusTag status={d.status} />,
    },
    { title: t('webhook.delivery.attempts'), dataIndex: 'attempts', width: 80, align: 'right' },
    {
      title: t('webhook.delivery.lastResult'),
      key: 'last',
      render: (_, d) => <Outcome statusCode={d.lastStatusCode} error={d.lastError} />,
    },
    {
      title: t('webhook.delivery.when'),
      key: 'when',
      width: 170,
      render: (_, d) =>
        d.status === 'pending' && d.nextAttemptAt
          ? t('webhook.delivery.nextAt', { at: formatDateTime(d.nextAttemptAt) })
          : formatDateTime(d.deliveredAt ?? d.lastAttemptAt),
    },
    ...(canRedeliver
      ? [
          {
            title: t('admin.field.actions'),
            key: 'actions',
            width: 110,
            render: (_: unknown, d: Delivery) => (
              <Button
                size="small"
                icon={<RedoOutlined />}
                loading={redeliver.isPending && redeliver.variables?.deliveryId === d.id}
                onClick={() => send(d)}
                data-testid="delivery-redeliver"
              >
                {t('webhook.delivery.redeliver')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const attemptColumns: TableColumnsType<Delivery['log'][number]> = [
    { title: '#', dataIndex: 'attempt', width: 50 },
    { title: t('webhook.delivery.attemptAt'), key: 'at', width: 160, render: (_, a) => formatDateTime(a.at) },
    { title: t('webhook.delivery.duration'), key: 'ms', width: 100, render: (_, a) => `${a.durationMs} ms` },
    {
      title: t('webhook.delivery.result'),
      key: 'result',
      render: (_, a) => <Outcome statusCode={a.statusCode} error={a.error} />,
    },
  ];

  const page = deliveries.data;
  return (
    <Drawer
      open
      onClose={onClose}
      size={1000}
      title={t('webhook.delivery.title', { url: webhook.url })}
      destroyOnHidden
      data-testid="deliveries-drawer"
    >
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Segmented<StatusFilter>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t('webhook.delivery.all') },
            ...DELIVERY_STATUSES.map((value) => ({ value, label: t(`webhook.delivery.status.${value}`) })),
          ]}
        />
        <Typography.Text type="secondary">{t('webhook.delivery.hint')}</Typography.Text>
      </Flex>
      {deliveries.isError ? (
        <QueryError error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : (
        <Table<Delivery>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={page?.items ?? []}
          loading={deliveries.isPending}
          pagination={false}
          tableLayout="fixed"
          scroll={{ x: 900 }}
          expandable={{
            rowExpandable: (d) => d.log.length > 0,
            expandedRowRender: (d) => (
              <Table
                rowKey={(a) => `${a.at}:${a.attempt}`}
                size="small"
                columns={attemptColumns}
                dataSource={d.log}
                pagination={false}
              />
            ),
          }}
          locale={{ emptyText: <Empty description={t('webhook.delivery.empty')} /> }}
          data-testid="deliveries-table"
        />
      )}
      <CursorPager
        pager={pager}
        nextCursor={page?.nextCursor}
        busy={deliveries.isPlaceholderData}
        limit={limit}
        onLimitChange={setLimit}
      />
    </Drawer>
  );
}
