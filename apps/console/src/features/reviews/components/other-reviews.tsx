import { EyeInvisibleOutlined } from '@ant-design/icons';
import { Empty, Flex, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Card } from '@/components/card';
import { QueryError } from '@/components/query-error';
import { useI18n } from '@/lib/i18n';
import { useReviews } from '../api/get-application';
import type { FundingApplication, Review, RubricCriterion } from '../api/types';
import { useFundingLabels } from './labels';

interface CriterionRow {
  key: string;
  label: string;
  weight: number | null;
  score: (review: Review) => number | null | undefined;
}

/**
 * Every reviewer's scores side by side, anonymous (评审专家 A/B/…), once review has closed; before that
 * only how many are hidden. Criteria run down, reviewers across, so it fits beside the application; the
 * justifications follow.
 */
export function OtherReviews({ application, rubric }: { application: FundingApplication; rubric: RubricCriterion[] }) {
  const { t, language } = useI18n();
  const labels = useFundingLabels();
  const reviews = useReviews(application.id);

  if (reviews.isError) {
    return (
      <Card title={t('review.others.title')}>
        <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />
      </Card>
    );
  }
  if (!reviews.data) {
    return (
      <Card title={t('review.others.title')}>
        <Skeleton active />
      </Card>
    );
  }
  const { items, hidden } = reviews.data;
  const others = items.filter((review) => !review.mine);
  // Mine first, then the others in the API's order (A, B, …).
  const columns = [...items].sort((a, b) => Number(b.mine) - Number(a.mine));

  /** The API names other reviewers “评审专家 A”; the English console says “Reviewer A”. */
  const reviewerName = (review: Review) => {
    if (review.mine) return t('review.others.me');
    const letter = /^评审专家\s*([A-Z]+)$/.exec(review.reviewer)?.[1];
    return language === 'en' && letter ? `Reviewer ${letter}` : review.reviewer;
  };

  const rows: CriterionRow[] = [
    ...rubric.map((criterion) => ({
      key: criterion.code,
      label: labels.criterion(criterion),
      weight: criterion.weight,
      score: (review: Review) => review.scores?.find((s) => s.code === criterion.code)?.score,
    })),
    { key: 'total', label: t('review.form.total'), weight: 100, score: (review: Review) => review.total },
  ];

  const tableColumns: TableColumnsType<CriterionRow> = [
    {
      title: t('review.others.criterion'),
      key: 'criterion',
      render: (_, row) =>
        row.key === 'total' ? (
          <Typography.Text strong>{row.label}</Typography.Text>
        ) : (
          <span>
            {row.label}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
              ({row.weight})
            </Typography.Text>
          </span>
        ),
    },
    ...columns.map((review): TableColumnsType<CriterionRow>[number] => ({
      title: review.mine ? <Tag color="blue">{reviewerName(review)}</Tag> : reviewerName(review),
      key: review.id,
      width: 100,
      align: 'right',
      render: (_, row) => {
        const score = row.score(review);
        const text = score === null || score === undefined ? t('common.none') : String(score);
        return row.key === 'total' ? <Typography.Text strong>{text}</Typography.Text> : text;
      },
    })),
  ];

  return (
    <Card
      title={t('review.others.title')}
      extra={
        application.score !== null && (
          <Typography.Text data-testid="application-score">
            {t('review.others.score')}
            <Typography.Text strong style={{ marginInlineStart: 6, fontSize: 16, color: '#1d5fbf' }}>
              {application.score.toFixed(2)}
            </Typography.Text>
          </Typography.Text>
        )
      }
      data-testid="other-reviews"
    >
      {others.length === 0 ? (
        <Empty
          image={hidden > 0 ? <EyeInvisibleOutlined style={{ fontSize: 40, color: '#bfbfbf' }} /> : undefined}
          styles={{ image: { height: 48 } }}
          description={hidden > 0 ? t('review.others.hidden', { n: hidden }) : t('review.others.none')}
          data-testid="other-reviews-hidden"
        />
      ) : (
        <Flex vertical gap={16}>
          {language === 'en' && application.scoreExplanation && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {application.scoreExplanation}
            </Typography.Text>
          )}
          <Table<CriterionRow>
            rowKey="key"
            size="small"
            bordered
            columns={tableColumns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="other-reviews-table"
          />
          <Flex vertical gap={8}>
            <Typography.Text strong>{t('review.others.justifications')}</Typography.Text>
            {columns.map((review) => (
              <div
                key={review.id}
                style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4, padding: '8px 12px' }}
              >
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {reviewerName(review)}
                </Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '2px 0 0' }}>
                  {review.justification || t('common.none')}
                </Typography.Paragraph>
              </div>
            ))}
          </Flex>
        </Flex>
      )}
    </Card>
  );
}
