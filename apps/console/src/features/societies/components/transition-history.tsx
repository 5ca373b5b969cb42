import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { QueryError } from '@/components/query-error';
import { formatDateTime } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useSocietyTransitions } from '../api/get-society-transitions';
import type { SocietyTransition } from '../api/types';
import { societiesMessages } from '../messages';
import { SocietyStatusTag } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(societiesMessages);

export function TransitionHistory({ societyId }: { societyId: string }) {
  const { t } = useI18n();
  const history = useSocietyTransitions(societyId);

  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;

  const rows = history.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<SocietyTransition> = [
    {
      title: t('society.history.at'),
      dataIndex: 'at',
      width: 170,
      render: (_, row) => formatDateTime(row.at),
    },
    {
      title: t('society.history.change'),
      key: 'change',
      width: 220,
      render: (_, row) => (
        <Flex align="center" gap={8}>
          {row.from ? (
            <SocietyStatusTag status={row.from} />
          ) : (
            <Typography.Text type="secondary">{t('society.history.created')}</Typography.Text>
          )}
          <ArrowRightOutlined style={{ color: '#8c8c8c', fontSize: 12 }} />
          <SocietyStatusTag status={row.to} />
        </Flex>
      ),
    },
    {
      title: t('society.history.reason'),
      dataIndex: 'reason',
      render: (_, row) => row.reason || <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    {
      title: t('society.history.actor'),
      key: 'actor',
      width: 140,
      render: (_, row) =>
        row.actor?.username ?? <Typography.Text type="secondary">{t('society.history.system')}</Typography.Text>,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Table<SocietyTransition>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={history.isLoading}
        pagination={false}
        locale={{ emptyText: <Empty description={t('society.history.empty')} /> }}
        data-testid="transition-history"
      />
      {history.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
