import { MEMBER_CATEGORIES, TITLE_LEVELS } from '@society-hub/domain';
import { Col, Empty, Flex, Row, Skeleton, Spin, Statistic, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Card } from '@/components/card';
import { QueryError } from '@/components/query-error';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useSocietyMemberStats } from '../api/get-member-stats';
import { useMemberLabels } from './labels';

const CategoryPie = lazy(async () => ({ default: (await import('./member-charts')).CategoryPie }));
const TitleBars = lazy(async () => ({ default: (await import('./member-charts')).TitleBars }));

function ChartFallback() {
  return (
    <Flex align="center" justify="center" style={{ height: 220 }}>
      <Spin />
    </Flex>
  );
}

/** A share (0‥1) as a percentage with one decimal; null when there is nothing to divide by. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

export function MemberStatsCard({ societyId }: { societyId: string }) {
  const { t } = useI18n();
  const labels = useMemberLabels();
  const stats = useSocietyMemberStats(societyId);
  const data = stats.data;
  const slices = useMemo(
    () =>
      data
        ? MEMBER_CATEGORIES.map((key) => ({ name: labels.category(key), value: data.byCategory[key] })).filter(
            (slice) => slice.value > 0,
          )
        : [],
    [data, labels.category],
  );
  const bars = useMemo(
    () => (data ? TITLE_LEVELS.map((key) => ({ name: labels.title(key), value: data.byTitle[key] })) : []),
    [data, labels.title],
  );

  if (stats.isPending) {
    return (
      <Card size="small">
        <Skeleton active paragraph={{ rows: 3 }} />
      </Card>
    );
  }
  if (stats.isError) return <QueryError error={stats.error} onRetry={() => void stats.refetch()} />;
  const s = stats.data;
  const growth =
    s.growthRate === null
      ? t('stats.growthNone')
      : t('stats.growthRate', { rate: `${s.growthRate >= 0 ? '+' : ''}${percent(s.growthRate)}` });

  return (
    <Card
      size="small"
      title={t('stats.title')}
      extra={<Typography.Text type="secondary">{t('stats.asOf', { date: formatDate(s.asOf) })}</Typography.Text>}
      data-testid="member-stats"
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          {/* The current membership first: applicants, lapsed and former members are on record, not members. */}
          <Statistic title={t('stats.active')} value={s.byStatus.active} data-testid="stats-active" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('stats.onRecord', { n: s.total })}
            {s.byStatus.applied > 0 && ` · ${t('stats.applying', { n: s.byStatus.applied })}`}
          </Typography.Text>
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('stats.youthShare')} value={percent(s.youthShare)} data-testid="stats-youth-share" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('stats.youthDetail', { n: s.youth })}
          </Typography.Text>
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('stats.seniorShare')}
            value={percent(s.seniorTitleShare)}
            data-testid="stats-senior-share"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('stats.youthDetail', { n: s.seniorTitles })}
          </Typography.Text>
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('stats.growth')} value={s.joinedThisYear} data-testid="stats-growth" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('stats.growthDetail', { n: s.joinedLastYear })} · {growth}
          </Typography.Text>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('stats.byCategory')}</Typography.Text>
          {slices.length > 0 ? (
            <Suspense fallback={<ChartFallback />}>
              <CategoryPie slices={slices} seriesName={t('stats.byCategory')} />
            </Suspense>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stats.noData')} />
          )}
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('stats.byTitle')}</Typography.Text>
          {s.total > 0 ? (
            <Suspense fallback={<ChartFallback />}>
              <TitleBars bars={bars} seriesName={t('stats.people')} />
            </Suspense>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stats.noData')} />
          )}
        </Col>
      </Row>
    </Card>
  );
}
