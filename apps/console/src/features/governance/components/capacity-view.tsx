import { CAPABILITIES } from '@society-hub/domain';
import {
  Col,
  Empty,
  Flex,
  Progress,
  Row,
  Skeleton,
  Spin,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Card } from '@/components/card';
import { QueryError } from '@/components/query-error';
import { formatDate } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { useCapacity } from '../api/get-capacity';
import type { CapacityContribution } from '../api/types';
import { governanceMessages } from '../messages';
import { TierTag } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(governanceMessages, labelsMessages);

const CapacityRadar = lazy(async () => ({ default: (await import('./capacity-charts')).CapacityRadar }));
const CapacityTrend = lazy(async () => ({ default: (await import('./capacity-charts')).CapacityTrend }));

function ChartFallback({ height }: { height: number }) {
  return (
    <Flex align="center" justify="center" style={{ height }}>
      <Spin />
    </Flex>
  );
}

function formatValue(value: number | boolean | null, t: (key: 'common.yes' | 'common.no' | 'common.none') => string) {
  if (value === null) return t('common.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  return String(Math.round(value * 10) / 10);
}

export function CapacityView({ societyId }: { societyId: string }) {
  const { t, language } = useI18n();
  const capacity = useCapacity(societyId);
  const data = capacity.data;
  const indicators = useMemo(
    () => (data ? CAPABILITIES.map((key) => ({ name: t(`capacity.cap.${key}`), value: data.subScores[key] })) : []),
    [data, t],
  );
  const history = useMemo(() => (data ? data.history.map(({ year, total }) => ({ year, total })) : []), [data]);

  if (capacity.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (capacity.isError) return <QueryError error={capacity.error} onRetry={() => void capacity.refetch()} />;
  const index = capacity.data;

  const columns: TableColumnsType<CapacityContribution> = [
    {
      title: t('capacity.field.capability'),
      dataIndex: 'capability',
      width: 140,
      onCell: (row, rowIndex) => {
        const previous = rowIndex !== undefined && rowIndex > 0 ? index.contributions[rowIndex - 1] : undefined;
        if (previous?.capability === row.capability) return { rowSpan: 0 };
        return { rowSpan: index.contributions.filter((c) => c.capability === row.capability).length };
      },
      render: (capability: CapacityContribution['capability']) => (
        <Flex vertical>
          <Typography.Text strong>{t(`capacity.cap.${capability}`)}</Typography.Text>
          <Typography.Text type="secondary">{index.subScores[capability]}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('capacity.field.input'),
      key: 'input',
      render: (_, row) => (language === 'zh' ? row.labelZh : row.label),
    },
    { title: t('capacity.field.value'), key: 'value', width: 90, render: (_, row) => formatValue(row.value, t) },
    { title: t('capacity.field.target'), key: 'target', width: 100, render: (_, row) => formatValue(row.target, t) },
    {
      title: t('capacity.field.points'),
      key: 'points',
      width: 220,
      render: (_, row) => (
        <Flex align="center" gap={8}>
          <Progress
            percent={row.maxPoints > 0 ? Math.round((row.points / row.maxPoints) * 100) : 0}
            showInfo={false}
            size="small"
            style={{ width: 100, margin: 0 }}
            strokeColor={row.points >= row.maxPoints ? '#52c41a' : '#1d5fbf'}
          />
          <Typography.Text>
            {Math.round(row.points * 10) / 10} / {row.maxPoints}
          </Typography.Text>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="capacity-view">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" style={{ height: '100%' }}>
            <Flex vertical gap={12}>
              <Statistic
                title={t('capacity.total')}
                value={index.total}
                precision={1}
                suffix={<span style={{ fontSize: 16, color: '#8c8c8c', marginInlineStart: 4 }}>/ 100</span>}
                valueStyle={{ fontSize: 40, color: '#1d5fbf' }}
                data-testid="capacity-total"
              />
              <Flex gap={8} align="center">
                <Typography.Text type="secondary">{t('capacity.tier')}</Typography.Text>
                <TierTag tier={index.tier} large />
              </Flex>
              <Typography.Paragraph style={{ margin: 0 }} data-testid="capacity-tier-reason">
                {language === 'en' ? index.tierReason : index.tierReasonZh}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {index.reportYear
                  ? t('capacity.basis', { year: index.reportYear, date: formatDate(index.computedOn) })
                  : t('capacity.noReport', { date: formatDate(index.computedOn) })}
              </Typography.Text>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('capacity.radar')}>
            <Suspense fallback={<ChartFallback height={340} />}>
              <CapacityRadar indicators={indicators} seriesName={t('capacity.title')} />
            </Suspense>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('capacity.trend')}>
        {history.length > 0 ? (
          <Suspense fallback={<ChartFallback height={240} />}>
            <CapacityTrend points={history} seriesName={t('capacity.total')} />
          </Suspense>
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('capacity.trendEmpty')}
            data-testid="capacity-trend-empty"
          />
        )}
      </Card>
      <Card size="small" title={t('capacity.explain')}>
        <Table<CapacityContribution>
          rowKey={(row) => `${row.capability}-${row.input}`}
          size="small"
          bordered
          columns={columns}
          dataSource={index.contributions}
          pagination={false}
        />
      </Card>
    </Flex>
  );
}
