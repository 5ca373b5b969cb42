import { CalendarOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { formatYuan, localToday } from '@society-hub/domain';
import { Button, Divider, Empty, Flex, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Card } from '@/components/card';
import { PublicLayout } from '@/components/public-layout/public-layout';
import { QueryError } from '@/components/query-error';
import { useFundingLabels } from '@/features/reviews';
import { useI18n } from '@/lib/i18n';
import { usePublicNotices } from '../api/get-public-notices';
import type { PublicNotice, PublicNoticeItem } from '../api/types';
import { ObjectionForm } from './objection-form';

const money = { fontVariantNumeric: 'tabular-nums' } as const;

type Phase = 'upcoming' | 'open' | 'ended';

function phaseOf(notice: PublicNotice, today: string): Phase {
  if (notice.acceptingObjections) return 'open';
  return today < notice.startsOn ? 'upcoming' : 'ended';
}

const phaseColors: Record<Phase, string> = { upcoming: 'blue', open: 'green', ended: 'default' };

function NoticeCard({ notice, today }: { notice: PublicNotice; today: string }) {
  const { t } = useI18n();
  const labels = useFundingLabels();
  const [objecting, setObjecting] = useState(false);
  const phase = phaseOf(notice, today);

  const columns: TableColumnsType<PublicNoticeItem> = [
    { title: t('notice.field.no'), key: 'no', width: 64, align: 'center', render: (_, __, index) => index + 1 },
    { title: t('notice.field.society'), dataIndex: 'societyName', key: 'society', width: 220 },
    { title: t('notice.field.title'), dataIndex: 'title', key: 'title' },
    {
      title: t('notice.field.category'),
      key: 'category',
      width: 180,
      render: (_, item) => labels.category(item.categoryCode, [{ code: item.categoryCode, name: item.categoryName }]),
    },
    {
      title: t('notice.field.amount'),
      key: 'amount',
      width: 160,
      align: 'right',
      render: (_, item) => <span style={money}>{formatYuan(item.allocatedFen)}</span>,
    },
  ];

  return (
    <Card data-testid="notice" data-notice-id={notice.id} styles={{ body: { padding: '28px 32px' } }}>
      <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0, marginBottom: 12 }}>
        {notice.title}
      </Typography.Title>
      <Flex justify="center" align="center" gap={12} wrap style={{ marginBottom: 20 }}>
        <Typography.Text type="secondary">
          <CalendarOutlined style={{ marginInlineEnd: 6 }} />
          {t('notice.period', { from: notice.startsOn, to: notice.endsOn })}
        </Typography.Text>
        <Tag color={phaseColors[phase]} style={{ marginInlineEnd: 0 }} data-testid="notice-phase" data-phase={phase}>
          {t(`notice.phase.${phase}`)}
        </Tag>
      </Flex>
      <Typography.Paragraph style={{ textIndent: '2em', lineHeight: 1.9 }}>
        {t('notice.preamble', { count: notice.items.length, total: formatYuan(notice.totalFen) })}
      </Typography.Paragraph>
      <Table<PublicNoticeItem>
        rowKey="applicationId"
        size="middle"
        bordered
        columns={columns}
        dataSource={notice.items}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('notice.noItems') }}
        data-testid="notice-table"
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4} align="right">
              <Typography.Text strong>{t('notice.total', { count: notice.items.length })}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong style={money} data-testid="notice-total">
                {formatYuan(notice.totalFen)}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Divider style={{ margin: '24px 0 16px' }} />
      {phase === 'open' ? (
        objecting ? (
          <>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('objection.title')}
            </Typography.Title>
            <ObjectionForm notice={notice} onClose={() => setObjecting(false)} />
          </>
        ) : (
          <Flex justify="space-between" align="center" gap={16} wrap>
            <Typography.Text type="secondary">{t('notice.objectionInvite', { to: notice.endsOn })}</Typography.Text>
            <Button
              type="primary"
              icon={<ExclamationCircleOutlined />}
              onClick={() => setObjecting(true)}
              data-testid="objection-open"
            >
              {t('objection.open')}
            </Button>
          </Flex>
        )
      ) : (
        <Typography.Text type="secondary">
          {phase === 'upcoming' ? t('notice.objectionUpcoming', { from: notice.startsOn }) : t('notice.objectionEnded')}
        </Typography.Text>
      )}
    </Card>
  );
}

/** 公示: the projects to be funded, readable by anyone, with objections taken while the notice runs. */
export function NoticesPage() {
  const { t } = useI18n();
  const notices = usePublicNotices();
  const today = localToday();

  return (
    <PublicLayout title={t('notice.pageTitle')}>
      <Flex vertical gap={8} style={{ marginBottom: 20 }}>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="page-title">
          {t('notice.pageTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 820 }}>
          {t('notice.intro')}
        </Typography.Paragraph>
      </Flex>
      {notices.isError ? (
        <Card>
          <QueryError error={notices.error} onRetry={() => void notices.refetch()} />
        </Card>
      ) : !notices.data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : notices.data.items.length === 0 ? (
        <Card>
          <Empty description={t('notice.empty')} data-testid="notices-empty" />
        </Card>
      ) : (
        <Flex vertical gap={24}>
          {notices.data.items.map((notice) => (
            <NoticeCard key={notice.id} notice={notice} today={today} />
          ))}
        </Flex>
      )}
    </PublicLayout>
  );
}
