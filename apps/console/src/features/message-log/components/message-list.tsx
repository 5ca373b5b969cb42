import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Select, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { pageSizeOf, useCursorStack } from '@/components/cursor-pager';
import { ListShell, useSearchFilters } from '@/components/list-shell';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import {
  MESSAGE_CHANNELS,
  MESSAGE_STATUSES,
  type MessageChannel,
  type MessageListQuery,
  type MessageStatus,
  type MessageSummary,
  useMessages,
} from '../api/messages';
import { MessageStatusTag } from './labels';
import { MessageDrawer } from './on-demand';

type FilterName = 'status' | 'channel' | 'limit';

const statusOf = (raw: string | null) => MESSAGE_STATUSES.find((s) => s === raw);
const channelOf = (raw: string | null) => MESSAGE_CHANNELS.find((c) => c === raw);

/** The message log (发信记录): newest first, filtered by status and channel in the address. */
export function MessageList() {
  const { t } = useI18n();
  const { search, update, limitValue, reset } = useSearchFilters<FilterName>();
  const status = statusOf(search.get('status'));
  const channel = channelOf(search.get('channel'));
  const limit = pageSizeOf(search.get('limit'));
  const pager = useCursorStack(JSON.stringify({ status, channel, limit }));
  const query: MessageListQuery = {
    limit,
    ...(status ? { status } : {}),
    ...(channel ? { channel } : {}),
    ...(pager.cursor ? { cursor: pager.cursor } : {}),
  };
  const messages = useMessages(query);
  const [viewing, setViewing] = useState<string>();

  const columns: TableColumnsType<MessageSummary> = [
    {
      title: t('messageLog.field.subject'),
      key: 'subject',
      render: (_, m) => <Typography.Link ellipsis>{m.subject}</Typography.Link>,
    },
    {
      title: t('messageLog.field.recipient'),
      key: 'address',
      width: 220,
      render: (_, m) => (
        <Typography.Text ellipsis data-testid="message-address">
          {m.address}
        </Typography.Text>
      ),
    },
    {
      title: t('messageLog.field.channel'),
      key: 'channel',
      width: 90,
      render: (_, m) => t(`messageLog.channel.${m.channel}`),
    },
    {
      title: t('messageLog.field.status'),
      key: 'status',
      width: 110,
      render: (_, m) => <MessageStatusTag status={m.status} />,
    },
    { title: t('messageLog.field.attempts'), dataIndex: 'attempts', width: 90 },
    {
      title: t('messageLog.field.createdAt'),
      key: 'createdAt',
      width: 150,
      render: (_, m) => formatDateTime(m.createdAt),
    },
  ];

  return (
    <ListShell<MessageSummary>
      filters={
        <>
          <Select<MessageStatus>
            allowClear
            placeholder={t('messageLog.allStatuses')}
            value={status}
            onChange={(value) => update({ status: value })}
            options={MESSAGE_STATUSES.map((value) => ({ value, label: t(`messageLog.status.${value}`) }))}
            style={{ width: 140 }}
            data-testid="message-filter-status"
          />
          <Select<MessageChannel>
            allowClear
            placeholder={t('messageLog.allChannels')}
            value={channel}
            onChange={(value) => update({ channel: value })}
            options={MESSAGE_CHANNELS.map((value) => ({ value, label: t(`messageLog.channel.${value}`) }))}
            style={{ width: 140 }}
            data-testid="message-filter-channel"
          />
          <Button icon={<ReloadOutlined />} onClick={reset} disabled={search.size === 0}>
            {t('common.reset')}
          </Button>
        </>
      }
      query={messages}
      pager={pager}
      limit={limit}
      onLimitChange={(value) => update({ limit: limitValue(value) })}
      table={{
        rowKey: 'id',
        columns,
        tableLayout: 'fixed',
        scroll: { x: 900 },
        locale: { emptyText: <Empty description={t('messageLog.empty')} /> },
        onRow: (m) => ({ onClick: () => setViewing(m.id), style: { cursor: 'pointer' } }),
      }}
      testId="messages-table"
    >
      {viewing && <MessageDrawer id={viewing} onClose={() => setViewing(undefined)} />}
    </ListShell>
  );
}
