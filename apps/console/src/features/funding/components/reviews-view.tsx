import { Alert, Descriptions, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Card } from '@/components/card';
import { QueryError } from '@/components/query-error';
import { formatDateTime } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useReviews } from '../api/applications';
import type { FundingApplication, FundingProgram } from '../api/types';
import { fundingPanelsMessages } from '../panels-messages';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingPanelsMessages);

/**
 * The reviews of an application. Staff see the experts' names; the applying society sees the reviews
 * anonymously ("评审专家 A") once the decision is public, and nothing before.
 */
export function ReviewsView({ application, program }: { application: FundingApplication; program?: FundingProgram }) {
  const { t } = useI18n();
  const reviews = useReviews(application.id);
  if (reviews.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (reviews.isError) return <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />;
  const { items, hidden } = reviews.data;
  const criterionName = (code: string) => program?.rubric.find((c) => c.code === code)?.name ?? code;
  const weightOf = (code: string) => program?.rubric.find((c) => c.code === code)?.weight;

  return (
    <Flex vertical gap={12} data-testid="reviews-view">
      {application.score !== null && (
        <Alert
          type="info"
          showIcon
          title={t('funding.reviews.score', { score: application.score.toFixed(2) })}
          description={t('funding.reviews.scoreHint')}
        />
      )}
      {hidden > 0 && <Alert type="info" showIcon title={t('funding.reviews.hidden', { n: hidden })} />}
      {items.length === 0 && hidden === 0 && <Empty description={t('funding.reviews.empty')} />}
      {items.map((review) => (
        <Card
          key={review.id}
          size="small"
          title={
            <Flex align="center" gap={8}>
              <Typography.Text strong>{review.reviewer}</Typography.Text>
              <Tag color={review.status === 'submitted' ? 'green' : 'blue'} style={{ marginInlineEnd: 0 }}>
                {t(`funding.assignment.${review.status}`)}
              </Tag>
            </Flex>
          }
          extra={
            review.total !== null ? (
              <Typography.Text strong style={{ fontSize: 16 }}>
                {t('funding.reviews.total', { total: review.total.toFixed(1) })}
              </Typography.Text>
            ) : undefined
          }
          data-testid="review-card"
        >
          {review.scores && review.scores.length > 0 && (
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={review.scores.map((s) => ({
                key: s.code,
                label: criterionName(s.code),
                children: `${s.score} / ${weightOf(s.code) ?? '—'}`,
              }))}
            />
          )}
          {review.justification && (
            <Typography.Paragraph style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }}>
              <Typography.Text type="secondary">{t('funding.reviews.justification')}：</Typography.Text>
              {review.justification}
            </Typography.Paragraph>
          )}
          {review.submittedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('funding.reviews.submittedAt', { at: formatDateTime(review.submittedAt) })}
            </Typography.Text>
          )}
        </Card>
      ))}
    </Flex>
  );
}
