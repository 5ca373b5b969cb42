import { Empty, Flex, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { Card } from '@/components/card';
import { QueryError } from '@/components/query-error';
import { SocietyStatusTag } from '@/features/societies';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useDisqualificationCandidates } from '../api/get-disqualification-candidates';
import type { DisqualificationCandidate } from '../api/types';

export function DisqualificationLevelTag({ level }: { level: DisqualificationCandidate['level'] }) {
  const { t } = useI18n();
  return (
    <Tag color={level === 'candidate' ? 'red' : 'orange'} data-testid="disq-level" data-level={level}>
      {t(`disq.level.${level}`)}
    </Tag>
  );
}

export function DisqualificationList() {
  const { t, language } = useI18n();
  const list = useDisqualificationCandidates();

  if (list.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (list.isError) {
    return (
      <Card>
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      </Card>
    );
  }

  const columns: TableColumnsType<DisqualificationCandidate> = [
    {
      title: t('disq.field.level'),
      dataIndex: 'level',
      width: 90,
      render: (level: DisqualificationCandidate['level']) => <DisqualificationLevelTag level={level} />,
    },
    {
      title: t('disq.field.society'),
      key: 'society',
      width: 240,
      render: (_, row) => <Link to={`/societies/${row.society.id}?tab=reports`}>{row.society.name}</Link>,
    },
    {
      title: t('disq.field.status'),
      key: 'status',
      width: 100,
      render: (_, row) => <SocietyStatusTag status={row.society.status} />,
    },
    {
      title: t('disq.field.evidence'),
      key: 'evidence',
      render: (_, row) => (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {row.evidence.map((item) => (
            <li key={`${item.kind}-${item.year ?? item.since ?? ''}`}>
              {language === 'zh' ? item.messageZh : item.message}
            </li>
          ))}
        </ul>
      ),
    },
  ];

  const sections = [
    { level: 'candidate' as const, title: t('disq.candidates'), empty: t('disq.emptyCandidates') },
    { level: 'warning' as const, title: t('disq.warnings'), empty: t('disq.emptyWarnings') },
  ];

  return (
    <Flex vertical gap={16} data-testid="disqualification-list">
      <Typography.Text type="secondary" data-testid="disq-assessed">
        {t('disq.assessedOn', { date: formatDate(list.data.assessedOn) })}
      </Typography.Text>
      {sections.map((section) => {
        const rows = list.data.items.filter((item) => item.level === section.level);
        return (
          <Card
            key={section.level}
            title={
              <Flex gap={8} align="center">
                <DisqualificationLevelTag level={section.level} />
                {section.title}
                <Typography.Text type="secondary">({rows.length})</Typography.Text>
              </Flex>
            }
            styles={{ body: { padding: 0 } }}
            data-testid={`disq-${section.level}`}
          >
            <Table<DisqualificationCandidate>
              rowKey={(row) => row.society.id}
              columns={columns}
              dataSource={rows}
              pagination={false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={section.empty} /> }}
            />
          </Card>
        );
      })}
    </Flex>
  );
}
