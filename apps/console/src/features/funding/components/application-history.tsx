import { ArrowRightOutlined } from '@ant-design/icons';
import { applicationLifecycle } from '@society-hub/domain';
import { Empty, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { QueryError } from '@/components/query-error';
import { formatDateTime } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useApplicationTransitions } from '../api/applications';
import type { ApplicationTransition } from '../api/types';
import { fundingMessages } from '../messages';
import { fundingPanelsMessages } from '../panels-messages';
import { historyReason } from './explanations';
import { ApplicationStatusTag } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages, fundingPanelsMessages);

function StatusOrText({ value }: { value: string }) {
  return applicationLifecycle.isState(value) ? (
    <ApplicationStatusTag status={value} />
  ) : (
    <Typography.Text type="secondary">{value}</Typography.Text>
  );
}

/** The application's history: every change of status, with the reason and who made it. */
export function ApplicationHistory({ applicationId }: { applicationId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const history = useApplicationTransitions(applicationId);
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;

  const columns: TableColumnsType<ApplicationTransition> = [
    { title: t('society.history.at'), key: 'at', width: 170, render: (_, row) => formatDateTime(row.at) },
    {
      title: t('society.history.change'),
      key: 'change',
      width: 260,
      render: (_, row) => (
        <Flex align="center" gap={8}>
          <StatusOrText value={row.from} />
          <ArrowRightOutlined style={{ color: '#8c8c8c', fontSize: 12 }} />
          <StatusOrText value={row.to} />
        </Flex>
      ),
    },
    {
      title: t('society.history.reason'),
      key: 'reason',
      render: (_, row) => historyReason(row.reason, i18n) || t('common.none'),
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
    <Table<ApplicationTransition>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={history.data?.items ?? []}
      loading={history.isPending}
      pagination={false}
      locale={{ emptyText: <Empty description={t('society.history.empty')} /> }}
      data-testid="application-history"
    />
  );
}
