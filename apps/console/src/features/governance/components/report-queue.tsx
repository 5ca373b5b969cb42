import { Empty, Flex, Select, Table, type TableColumnsType, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { Card } from '@/components/card';
import { CursorPager, pageSizeOf, useCursorStack } from '@/components/cursor-pager';
import { QueryError } from '@/components/query-error';
import { policies } from '@/lib/authorization';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import { currentYear } from '@/lib/today';
import { useReportQueue } from '../api/get-report-queue';
import type { AnnualReport, ReportQueueQuery } from '../api/types';
import { DueDate, ReportStatusTag } from './annual-reports';
import { InspectionTag } from './labels';

type StatusFilter = 'submitted' | 'draft' | 'all';
type InspectedFilter = 'false' | 'true' | 'all';

/** The review queue: by default submitted reports still waiting for their inspection result. */
export function ReportQueue() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || undefined;
  const status: StatusFilter =
    params.get('status') === 'draft' ? 'draft' : params.get('status') === 'all' ? 'all' : 'submitted';
  const inspectedRaw = params.get('inspected');
  const inspected: InspectedFilter = inspectedRaw === 'true' ? 'true' : inspectedRaw === 'all' ? 'all' : 'false';
  const limit = pageSizeOf(params.get('limit'));
  const filterKey = `${year}|${status}|${inspected}|${limit}`;
  const pager = useCursorStack(filterKey);
  const query: ReportQueueQuery = {
    limit,
    ...(year ? { year } : {}),
    ...(status !== 'all' ? { status } : {}),
    ...(inspected !== 'all' ? { inspected: inspected === 'true' } : {}),
    ...(pager.cursor ? { cursor: pager.cursor } : {}),
  };
  const queue = useReportQueue(query);
  const canInspect = policies.recordInspection(user);

  function setFilter(name: string, value: string | undefined) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === undefined) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  }

  const thisYear = currentYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  const reportLink = (report: AnnualReport) => `/societies/${report.societyId}?tab=reports&year=${report.year}`;

  const columns: TableColumnsType<AnnualReport> = [
    {
      title: t('report.field.society'),
      dataIndex: 'societyName',
      render: (name: string, report) => <Link to={`/societies/${report.societyId}`}>{name}</Link>,
    },
    {
      title: t('report.field.year'),
      dataIndex: 'year',
      width: 100,
      render: (value: number) => t('report.year', { year: value }),
    },
    {
      title: t('report.field.status'),
      dataIndex: 'status',
      width: 100,
      render: (value: AnnualReport['status']) => <ReportStatusTag status={value} />,
    },
    {
      title: t('report.field.submittedAt'),
      dataIndex: 'submittedAt',
      width: 170,
      render: (at: string | null) => formatDateTime(at),
    },
    { title: t('report.field.dueOn'), key: 'dueOn', width: 170, render: (_, report) => <DueDate report={report} /> },
    {
      title: t('report.field.inspection'),
      key: 'inspection',
      width: 120,
      render: (_, report) => <InspectionTag result={report.inspection?.result} />,
    },
    {
      title: t('admin.field.actions'),
      key: 'actions',
      width: 100,
      render: (_, report) => (
        <Link to={reportLink(report)} data-testid="queue-open">
          {canInspect && !report.inspection && report.status === 'submitted' ? t('queue.review') : t('report.open')}
        </Link>
      ),
    },
  ];

  return (
    <Card styles={{ body: { padding: 0 } }}>
      <Flex gap={12} wrap style={{ padding: 16 }} align="center">
        <Select<number | 'all'>
          value={year ?? 'all'}
          style={{ width: 140 }}
          onChange={(value) => setFilter('year', value === 'all' ? undefined : String(value))}
          options={[
            { value: 'all', label: t('queue.allYears') },
            ...years.map((value) => ({ value, label: t('report.year', { year: value }) })),
          ]}
          data-testid="queue-year"
        />
        <Select<StatusFilter>
          value={status}
          style={{ width: 140 }}
          onChange={(value) => setFilter('status', value === 'submitted' ? undefined : value)}
          options={[
            { value: 'submitted', label: t('report.status.submitted') },
            { value: 'draft', label: t('report.status.draft') },
            { value: 'all', label: t('queue.allStatuses') },
          ]}
          data-testid="queue-status"
        />
        <Select<InspectedFilter>
          value={inspected}
          style={{ width: 140 }}
          onChange={(value) => setFilter('inspected', value === 'false' ? undefined : value)}
          options={[
            { value: 'false', label: t('queue.inspected.false') },
            { value: 'true', label: t('queue.inspected.true') },
            { value: 'all', label: t('queue.inspected.all') },
          ]}
          data-testid="queue-inspected"
        />
      </Flex>
      {queue.isError ? (
        <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <>
          <Table<AnnualReport>
            rowKey="id"
            columns={columns}
            dataSource={queue.data?.items}
            loading={queue.isFetching}
            pagination={false}
            data-testid="report-queue"
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={<Typography.Text type="secondary">{t('queue.empty')}</Typography.Text>}
                />
              ),
            }}
          />
          <CursorPager
            pager={pager}
            nextCursor={queue.data?.nextCursor}
            busy={queue.isPlaceholderData}
            limit={limit}
            onLimitChange={(value) => setFilter('limit', String(value))}
          />
        </>
      )}
    </Card>
  );
}
