import { EditOutlined, EyeOutlined, FileAddOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { Card } from '@/components/card';
import { QueryError } from '@/components/query-error';
import { policies } from '@/lib/authorization';
import { formatDate, formatDateTime } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { useCurrentUser } from '@/lib/session';
import { currentDay, currentYear } from '@/lib/today';
import { useAnnualReports } from '../api/get-annual-reports';
import type { AnnualReport } from '../api/types';
import { governanceMessages } from '../messages';
import { AnnualReportForm } from './annual-report-form';
import { InspectionPanel } from './inspection-panel';
import { InspectionTag } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(governanceMessages, labelsMessages);

export function ReportStatusTag({ status }: { status: AnnualReport['status'] }) {
  const { t } = useI18n();
  return (
    <Tag
      color={status === 'submitted' ? 'blue' : 'default'}
      style={{ marginInlineEnd: 0 }}
      data-testid="report-status"
      data-status={status}
    >
      {t(`report.status.${status}`)}
    </Tag>
  );
}

export function DueDate({ report }: { report: Pick<AnnualReport, 'dueOn' | 'status' | 'submittedAt'> }) {
  const { t } = useI18n();
  const late =
    report.status === 'draft'
      ? currentDay().isAfter(dayjs(report.dueOn), 'day')
      : report.submittedAt !== null && dayjs(report.submittedAt).isAfter(dayjs(report.dueOn).endOf('day'));
  return (
    <Flex gap={6} align="center">
      <span>{formatDate(report.dueOn)}</span>
      {late && <Tag color="red">{t('report.overdue')}</Tag>}
    </Flex>
  );
}

export function AnnualReports({ societyId }: { societyId: string }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const reports = useAnnualReports(societyId);
  const [params, setParams] = useSearchParams();
  const canFile = policies.manageGovernance(user, societyId);
  const canInspect = policies.recordInspection(user);
  const selectedYear = Number(params.get('year')) || undefined;

  function select(year: number | undefined) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('tab', 'reports');
        if (year) next.set('year', String(year));
        else next.delete('year');
        return next;
      },
      { replace: true },
    );
  }

  if (reports.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (reports.isError) return <QueryError error={reports.error} onRetry={() => void reports.refetch()} />;
  const items = [...reports.data.items].sort((a, b) => b.year - a.year);
  const lastYear = currentYear() - 1;
  const missingYear = items.some((report) => report.year === lastYear) ? undefined : lastYear;
  const selected = selectedYear ? items.find((report) => report.year === selectedYear) : undefined;

  const columns: TableColumnsType<AnnualReport> = [
    {
      title: t('report.field.year'),
      dataIndex: 'year',
      width: 120,
      render: (year: number) => <Typography.Text strong>{t('report.year', { year })}</Typography.Text>,
    },
    {
      title: t('report.field.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: AnnualReport['status']) => <ReportStatusTag status={status} />,
    },
    { title: t('report.field.dueOn'), key: 'dueOn', width: 170, render: (_, report) => <DueDate report={report} /> },
    {
      title: t('report.field.submittedAt'),
      dataIndex: 'submittedAt',
      width: 170,
      render: (at: string | null) => formatDateTime(at),
    },
    {
      title: t('report.field.inspection'),
      key: 'inspection',
      width: 120,
      render: (_, report) =>
        report.inspection ? (
          <InspectionTag result={report.inspection.result} />
        ) : report.status === 'submitted' ? (
          <InspectionTag result={null} />
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      title: t('admin.field.actions'),
      key: 'actions',
      width: 110,
      render: (_, report) => {
        const editable = canFile && !report.inspection;
        return (
          <Button
            size="small"
            type="link"
            icon={editable ? <EditOutlined /> : <EyeOutlined />}
            onClick={() => select(report.year)}
            data-testid={`report-open-${report.year}`}
          >
            {editable ? t('report.edit') : t('report.open')}
          </Button>
        );
      },
    },
  ];

  const creating = selectedYear !== undefined && !selected && canFile;

  return (
    <Flex vertical gap={16} data-testid="annual-reports">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('report.title')}</Typography.Text>
        {canFile && missingYear && selectedYear !== missingYear && (
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            onClick={() => select(missingYear)}
            data-testid="report-new"
          >
            {t('report.new', { year: missingYear })}
          </Button>
        )}
      </Flex>
      <Table<AnnualReport>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        pagination={false}
        rowClassName={(report) => (report.year === selectedYear ? 'ant-table-row-selected' : '')}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.empty')} /> }}
      />
      {(selected || creating) && selectedYear && (
        <Card
          title={
            <Flex gap={8} align="center">
              {t('report.formTitle', { year: selectedYear })}
              {selected && <ReportStatusTag status={selected.status} />}
            </Flex>
          }
          extra={
            <Button type="text" onClick={() => select(undefined)}>
              {t('report.collapse')}
            </Button>
          }
          data-testid="report-panel"
        >
          <Flex vertical gap={16}>
            {selected?.inspection && <Alert type="info" showIcon title={t('report.closed')} />}
            {selected && !canFile && !selected.inspection && (
              <Tag style={{ alignSelf: 'flex-start' }}>{t('report.readOnly')}</Tag>
            )}
            {selected && (selected.status === 'submitted' || selected.inspection) && (
              <InspectionPanel report={selected} canRecord={canInspect} />
            )}
            <AnnualReportForm
              key={`${selectedYear}-${selected?.version ?? 'new'}`}
              societyId={societyId}
              year={selectedYear}
              report={selected}
              readOnly={!canFile || Boolean(selected?.inspection)}
            />
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
