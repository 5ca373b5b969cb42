import { Alert, Button, Empty, Flex, Input, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Card } from '@/components/card';
import { QueryError } from '@/components/query-error';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useEventFeed } from '../api/get-events';
import type { FeedEvent } from '../api/types';
import { mono } from './labels';

/**
 * The change feed as other systems read it (GET /v1/events): from the beginning, in commit order, a
 * page at a time, optionally filtered by type. For staff to see what integrators receive.
 */
export function EventFeed() {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [type, setType] = useState('');
  const feed = useEventFeed({ limit: 50, ...(type ? { type } : {}) });
  const events = feed.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<FeedEvent> = [
    { title: t('event.field.at'), key: 'at', width: 150, render: (_, e) => formatDateTime(e.at) },
    { title: t('event.field.type'), key: 'type', width: 230, render: (_, e) => <span style={mono}>{e.type}</span> },
    {
      title: t('event.field.resource'),
      key: 'resource',
      render: (_, e) => (
        <Typography.Text style={{ ...mono, fontSize: 12 }} ellipsis={{ tooltip: e.resourceId }}>
          {e.resourceType} · {e.resourceId}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Card>
      <Alert type="info" showIcon title={t('event.intro')} style={{ marginBottom: 16 }} />
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(value) => setType(value.trim())}
          placeholder={t('event.typePlaceholder')}
          style={{ maxWidth: 420, ...mono }}
          data-testid="event-type-filter"
        />
      </Flex>
      {feed.isError ? (
        <QueryError error={feed.error} onRetry={() => void feed.refetch()} />
      ) : (
        <Table<FeedEvent>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={events}
          loading={feed.isPending}
          pagination={false}
          tableLayout="fixed"
          expandable={{
            expandedRowRender: (e) => (
              <pre style={{ ...mono, fontSize: 12, margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {JSON.stringify(e.data, null, 2)}
              </pre>
            ),
          }}
          locale={{ emptyText: <Empty description={t('event.empty')} /> }}
          data-testid="events-table"
        />
      )}
      <Flex justify="center" style={{ marginTop: 12 }}>
        <Button
          onClick={() => void feed.fetchNextPage()}
          disabled={!feed.hasNextPage}
          loading={feed.isFetchingNextPage}
          data-testid="events-more"
        >
          {feed.hasNextPage ? t('common.loadMore') : t('event.upToDate')}
        </Button>
      </Flex>
    </Card>
  );
}
