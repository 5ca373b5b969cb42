import { Empty, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { QueryError } from '@/components/query-error';
import { formatDate } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useApplications } from '../api/applications';
import type { FundingApplication, FundingProgram } from '../api/types';
import { fundingMessages } from '../messages';
import { fundingPanelsMessages } from '../panels-messages';
import { FinalReportView } from './final-report';
import { ApplicationStatusTag, useFundingLabels } from './labels';
import { Yuan } from './money';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages, fundingPanelsMessages);

const FUNDED = new Set(['funded', 'reported', 'closed']);

/** 结项: the funded projects and their final reports (expand a row to read the report). */
export function FinalReportsTab({ program }: { program: FundingProgram }) {
  const { t } = useI18n();
  const labels = useFundingLabels();
  const navigate = useNavigate();
  const applications = useApplications(program.id, { limit: 500 });
  if (applications.isError) {
    return <QueryError error={applications.error} onRetry={() => void applications.refetch()} />;
  }
  const funded = (applications.data?.items ?? []).filter((a) => FUNDED.has(a.status));
  const reported = funded.filter((a) => a.finalReport).length;
  const total = funded.reduce((sum, a) => sum + (a.allocatedFen ?? 0), 0);
  const spent = funded.reduce((sum, a) => sum + (a.finalReport?.actualSpendingFen ?? 0), 0);

  const columns: TableColumnsType<FundingApplication> = [
    {
      title: t('funding.application.field.title'),
      key: 'title',
      render: (_, a) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Link
            strong
            ellipsis
            onClick={(event) => {
              event.stopPropagation();
              navigate(`/funding/${program.id}/applications/${a.id}?tab=report`);
            }}
          >
            {a.title}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.societyName} · {labels.category(program, a.categoryCode)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('funding.field.allocated'),
      key: 'allocated',
      width: 150,
      align: 'right',
      render: (_, a) => <Yuan fen={a.allocatedFen} strong />,
    },
    {
      title: t('funding.report.actual'),
      key: 'actual',
      width: 150,
      align: 'right',
      render: (_, a) => <Yuan fen={a.finalReport?.actualSpendingFen} />,
    },
    {
      title: t('funding.report.submittedAt'),
      key: 'at',
      width: 130,
      render: (_, a) => formatDate(a.finalReport?.submittedAt),
    },
    {
      title: t('funding.field.status'),
      key: 'status',
      width: 140,
      render: (_, a) => <ApplicationStatusTag status={a.status} />,
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="final-reports-tab">
      <Typography.Text>
        {t('funding.report.summary', { n: funded.length, reported })}
        <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
          {t('funding.field.allocated')}：
        </Typography.Text>
        <Yuan fen={total} strong />
        <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
          {t('funding.report.actual')}：
        </Typography.Text>
        <Yuan fen={spent} strong />
      </Typography.Text>
      <Table<FundingApplication>
        rowKey="id"
        columns={columns}
        dataSource={funded}
        loading={applications.isPending}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 900 }}
        expandable={{
          rowExpandable: (a) => a.finalReport !== null,
          expandedRowRender: (a) => <FinalReportView application={a} />,
        }}
        locale={{
          emptyText: (
            <Empty
              description={
                program.status === 'finalised' ? t('funding.report.noneFunded') : t('funding.report.notYetProgram')
              }
            />
          ),
        }}
        data-testid="funded-table"
      />
    </Flex>
  );
}
