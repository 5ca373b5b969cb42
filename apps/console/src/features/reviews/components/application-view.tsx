import { PaperClipOutlined } from '@ant-design/icons';
import { formatYuan } from '@society-hub/domain';
import { Descriptions, type DescriptionsProps, Empty, Flex, Tag, Typography, theme } from 'antd';
import { Card } from '@/components/card';
import { type PlainColumn, PlainTable } from '@/components/plain-table';
import { formatDate, formatDateTime, formatFileSize } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import type { FundingApplication, FundingProgram } from '../api/types';
import { useFundingLabels } from './labels';

type BudgetLine = FundingApplication['budgetLines'][number];
type Attachment = FundingApplication['attachments'][number];

const money = { fontVariantNumeric: 'tabular-nums' } as const;

/** What the society submitted, as the reviewer needs it beside the scoring form. */
export function ApplicationView({
  application,
  program,
}: {
  application: FundingApplication;
  program: FundingProgram | undefined;
}) {
  const { t } = useI18n();
  const labels = useFundingLabels();
  const budgetTotal = application.budgetLines.reduce((sum, line) => sum + line.amountFen, 0);
  const { token } = theme.useToken();
  const summaryCell = {
    padding: 8,
    border: `1px solid ${token.colorBorderSecondary}`,
    background: token.colorFillAlter,
  };

  const facts: DescriptionsProps['items'] = [
    { key: 'society', label: t('review.field.society'), children: application.societyName, span: 2 },
    {
      key: 'category',
      label: t('review.field.category'),
      children: labels.category(application.categoryCode, program?.categories),
    },
    { key: 'submittedAt', label: t('review.field.submittedAt'), children: formatDateTime(application.submittedAt) },
    {
      key: 'requested',
      label: t('review.field.requested'),
      children: (
        <Typography.Text strong style={money} data-testid="application-requested">
          {formatYuan(application.requestedFen)}
        </Typography.Text>
      ),
    },
    {
      key: 'selfFunded',
      label: t('review.field.selfFunded'),
      children: <span style={money}>{formatYuan(application.selfFundedFen)}</span>,
    },
    { key: 'plannedOn', label: t('review.field.plannedOn'), children: formatDate(application.plannedOn) },
    { key: 'place', label: t('review.field.place'), children: application.place ?? t('common.none') },
    {
      key: 'participants',
      label: t('review.field.participants'),
      children:
        application.expectedParticipants === null
          ? t('common.none')
          : t('review.field.participantsValue', { n: application.expectedParticipants }),
    },
    {
      key: 'disciplines',
      label: t('review.field.disciplines'),
      children:
        application.disciplines.length === 0 ? (
          t('common.none')
        ) : (
          <Flex gap={4} wrap>
            {application.disciplines.map((discipline) => (
              <Tag key={discipline} style={{ marginInlineEnd: 0 }}>
                {discipline}
              </Tag>
            ))}
          </Flex>
        ),
    },
  ];

  const budgetColumns: PlainColumn<BudgetLine>[] = [
    { title: t('review.budget.item'), key: 'item', render: (line) => line.item },
    {
      title: t('review.budget.amount'),
      key: 'amount',
      width: 160,
      align: 'right',
      render: (line) => <span style={money}>{formatYuan(line.amountFen)}</span>,
    },
  ];

  const attachmentColumns: PlainColumn<Attachment>[] = [
    {
      title: t('review.attachment.name'),
      key: 'name',
      render: (attachment) => (
        <Flex gap={6} align="center">
          <PaperClipOutlined style={{ color: '#8c8c8c' }} />
          {attachment.name}
        </Flex>
      ),
    },
    {
      title: t('review.attachment.size'),
      key: 'size',
      width: 100,
      align: 'right',
      render: (attachment) => formatFileSize(attachment.sizeBytes) ?? t('common.none'),
    },
    {
      title: t('review.attachment.note'),
      key: 'note',
      render: (attachment) => attachment.note ?? t('common.none'),
    },
  ];

  return (
    <Card title={t('review.application.title')} data-testid="application-view">
      <Descriptions size="small" bordered column={2} items={facts} styles={{ label: { width: 120 } }} />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('review.application.summary')}
      </Typography.Title>
      {application.summary ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {application.summary}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('review.application.noSummary')}</Typography.Text>
      )}

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('review.application.budget')}
      </Typography.Title>
      <PlainTable<BudgetLine>
        rowKey={(line) => `${line.item}:${line.amountFen}`}
        columns={budgetColumns}
        rows={application.budgetLines}
        empty={t('review.budget.empty')}
        summary={
          <tr>
            <td style={{ ...summaryCell, textAlign: 'left' }}>
              <Typography.Text strong>{t('review.budget.total')}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {t('review.budget.totalHint', {
                  requested: formatYuan(application.requestedFen),
                  self: formatYuan(application.selfFundedFen),
                })}
              </Typography.Text>
            </td>
            <td style={{ ...summaryCell, textAlign: 'right' }}>
              <Typography.Text strong style={money}>
                {formatYuan(budgetTotal)}
              </Typography.Text>
            </td>
          </tr>
        }
        data-testid="application-budget"
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('review.application.attachments')}
      </Typography.Title>
      {application.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.application.noAttachments')} />
      ) : (
        <>
          <PlainTable<Attachment>
            rowKey={(attachment) => attachment.name}
            columns={attachmentColumns}
            rows={application.attachments}
            data-testid="application-attachments"
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
            {t('review.application.attachmentsHint')}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
