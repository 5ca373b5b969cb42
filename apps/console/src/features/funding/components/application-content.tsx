import { formatYuan } from '@society-hub/domain';
import { Alert, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { formatDate, formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import type { BudgetLine, FundingApplication, FundingProgram } from '../api/types';
import { AttachmentsTable } from './attachments-table';
import { useFundingLabels } from './labels';
import { Yuan } from './money';

/** 申报书: what the society applied for, its money, and — once decided — the decision. */
export function ApplicationContent({
  application,
  program,
}: {
  application: FundingApplication;
  program?: FundingProgram;
}) {
  const { t, language } = useI18n();
  const labels = useFundingLabels();
  const category = program?.categories.find((c) => c.code === application.categoryCode);
  const lineTotal = application.budgetLines.reduce((sum, l) => sum + l.amountFen, 0);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  return (
    <Flex vertical gap={16} data-testid="application-content">
      {application.decision && (
        <Alert
          type={application.allocatedFen ? 'success' : 'warning'}
          showIcon
          title={t('funding.decision.summary', {
            rank: application.decision.rank,
            reason: labels.reason(application.decision.reason),
            allocated: formatYuan(application.allocatedFen ?? 0),
          })}
          description={
            language === 'en'
              ? application.decision.explanation
              : t('funding.decision.detail', {
                  score: application.score?.toFixed(2) ?? '—',
                  at: formatDateTime(application.decision.decidedAt),
                })
          }
          data-testid="application-decision"
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        styles={{ label: { width: 140 } }}
        items={[
          { key: 'society', label: t('funding.application.field.society'), children: application.societyName },
          {
            key: 'category',
            label: t('funding.application.field.category'),
            children: (
              <Flex gap={8} align="center" wrap>
                {labels.category(program, application.categoryCode)}
                {category && (
                  <Typography.Text type="secondary">
                    {t('funding.application.capHint', { cap: formatYuan(category.capFen) })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          { key: 'title', label: t('funding.application.field.title'), span: 2, children: application.title },
          {
            key: 'summary',
            label: t('funding.application.field.summary'),
            span: 2,
            children: application.summary ? (
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{application.summary}</Typography.Text>
            ) : (
              none
            ),
          },
          {
            key: 'planned',
            label: t('funding.application.field.plannedOn'),
            children: application.plannedOn ? formatDate(application.plannedOn) : none,
          },
          { key: 'place', label: t('funding.application.field.place'), children: application.place ?? none },
          {
            key: 'participants',
            label: t('funding.application.field.participants'),
            children:
              application.expectedParticipants === null
                ? none
                : t('funding.application.peopleCount', { n: application.expectedParticipants }),
          },
          {
            key: 'disciplines',
            label: t('funding.application.field.disciplines'),
            children: application.disciplines.length
              ? application.disciplines.map((d) => <Tag key={d}>{d}</Tag>)
              : t('funding.application.societyDiscipline'),
          },
          {
            key: 'requested',
            label: t('funding.application.field.requested'),
            children: <Yuan fen={application.requestedFen} strong />,
          },
          {
            key: 'self',
            label: t('funding.application.field.selfFunded'),
            children: <Yuan fen={application.selfFundedFen} />,
          },
          ...(application.adjustedFen !== null
            ? [
                {
                  key: 'adjusted',
                  label: t('funding.field.adjusted'),
                  span: 2,
                  children: (
                    <Flex gap={8} wrap>
                      <Yuan fen={application.adjustedFen} strong />
                      <Typography.Text type="secondary">{application.adjustmentReason}</Typography.Text>
                    </Flex>
                  ),
                },
              ]
            : []),
          ...(application.allocatedFen !== null
            ? [
                {
                  key: 'allocated',
                  label: t('funding.field.allocated'),
                  children: <Yuan fen={application.allocatedFen} strong type="success" />,
                },
                {
                  key: 'score',
                  label: t('funding.field.score'),
                  children: application.score?.toFixed(2) ?? none,
                },
              ]
            : []),
          {
            key: 'submitted',
            label: t('funding.application.field.submittedAt'),
            children: application.submittedAt ? formatDateTime(application.submittedAt) : none,
          },
          { key: 'updated', label: t('society.field.updatedAt'), children: formatDateTime(application.updatedAt) },
        ]}
      />
      <div>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('funding.application.field.budgetLines')}
        </Typography.Text>
        <Table<BudgetLine & { key: number }>
          size="small"
          pagination={false}
          dataSource={application.budgetLines.map((line, key) => ({ ...line, key }))}
          columns={[
            { title: '#', key: 'n', width: 56, render: (_, line) => line.key + 1 },
            { title: t('funding.lines.item'), dataIndex: 'item' },
            {
              title: t('funding.lines.amount'),
              key: 'amount',
              align: 'right',
              width: 200,
              render: (_, line) => <Yuan fen={line.amountFen} />,
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <Typography.Text strong>
                  {t('funding.lines.totalLabel')}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontWeight: 'normal' }}>
                    {t('funding.lines.sourcesEquation', {
                      requested: formatYuan(application.requestedFen),
                      self: formatYuan(application.selfFundedFen),
                    })}
                  </Typography.Text>
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Yuan
                  fen={lineTotal}
                  strong
                  type={lineTotal === application.requestedFen + application.selfFundedFen ? undefined : 'danger'}
                />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
          data-testid="application-budget"
        />
      </div>
      <div>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('funding.application.field.attachments')}
        </Typography.Text>
        <AttachmentsTable attachments={application.attachments} />
      </div>
    </Flex>
  );
}
