import { ReloadOutlined } from '@ant-design/icons';
import { PROGRAM_STATUSES } from '@society-hub/domain';
import { Button, Empty, Flex, InputNumber, Select, type TableColumnsType, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { pageSizeOf, useCursorStack } from '@/components/cursor-pager';
import { ListShell, useSearchFilters } from '@/components/list-shell';
import { useI18n } from '@/lib/i18n';
import { usePrograms } from '../api/programs';
import type { FundingProgram, ProgramListQuery, ProgramStatus } from '../api/types';
import { ProgramStatusTag, useFundingLabels } from './labels';
import { Yuan } from './money';

function statusOf(raw: string | null): ProgramStatus | undefined {
  return PROGRAM_STATUSES.find((status) => status === raw);
}

/** The Association's funding calls, newest first, with their status. */
export function ProgramsList() {
  const { t } = useI18n();
  const labels = useFundingLabels();
  const navigate = useNavigate();
  const { search, update, limitValue, reset } = useSearchFilters<'status' | 'year' | 'limit'>();
  const status = statusOf(search.get('status'));
  const yearRaw = Number(search.get('year'));
  const year = Number.isInteger(yearRaw) && yearRaw >= 2000 && yearRaw <= 2100 ? yearRaw : undefined;
  const limit = pageSizeOf(search.get('limit'));
  const pager = useCursorStack(JSON.stringify({ status, year, limit }));
  const query: ProgramListQuery = {
    limit,
    ...(status ? { status } : {}),
    ...(year ? { year } : {}),
    ...(pager.cursor ? { cursor: pager.cursor } : {}),
  };
  const programs = usePrograms(query);

  const columns: TableColumnsType<FundingProgram> = [
    {
      title: t('funding.program.field.name'),
      key: 'name',
      render: (_, program) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Link strong ellipsis>
            {program.name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {program.categories.map((c) => c.name).join('、')}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('funding.program.field.year'), dataIndex: 'year', width: 90 },
    {
      title: t('funding.program.field.status'),
      key: 'status',
      width: 120,
      render: (_, program) => <ProgramStatusTag status={program.status} />,
    },
    {
      title: t('funding.program.field.window'),
      key: 'window',
      width: 220,
      render: (_, program) => t('funding.program.windowRange', { from: program.opensOn, to: program.closesOn }),
    },
    {
      title: t('funding.program.field.totalBudget'),
      key: 'budget',
      width: 160,
      align: 'right',
      render: (_, program) => <Yuan fen={program.totalBudgetFen} />,
    },
    {
      title: t('funding.program.field.strategy'),
      key: 'strategy',
      width: 140,
      render: (_, program) => labels.strategy(program.allocationStrategy),
    },
    {
      title: t('funding.program.field.notice'),
      key: 'notice',
      width: 220,
      render: (_, program) =>
        program.noticeStartsOn && program.noticeEndsOn ? (
          t('funding.program.windowRange', { from: program.noticeStartsOn, to: program.noticeEndsOn })
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
  ];

  return (
    <ListShell<FundingProgram>
      filters={
        <>
          <Select<ProgramStatus>
            allowClear
            placeholder={t('funding.list.allStatuses')}
            value={status}
            onChange={(value) => update({ status: value })}
            options={PROGRAM_STATUSES.map((value) => ({ value, label: labels.programStatus(value) }))}
            style={{ width: 160 }}
            data-testid="program-filter-status"
          />
          <InputNumber<number>
            placeholder={t('funding.list.year')}
            min={2000}
            max={2100}
            precision={0}
            value={year ?? null}
            onChange={(value) => update({ year: value ? String(value) : undefined })}
            style={{ width: 140 }}
            data-testid="program-filter-year"
          />
          <Button icon={<ReloadOutlined />} onClick={reset} disabled={search.size === 0}>
            {t('common.reset')}
          </Button>
        </>
      }
      query={programs}
      pager={pager}
      limit={limit}
      onLimitChange={(value) => update({ limit: limitValue(value) })}
      table={{
        rowKey: 'id',
        columns,
        tableLayout: 'fixed',
        scroll: { x: 1100 },
        locale: { emptyText: <Empty description={t('funding.list.empty')} /> },
        onRow: (program) => ({
          onClick: () => navigate(`/funding/${program.id}`),
          style: { cursor: 'pointer' },
        }),
      }}
      testId="programs-table"
    />
  );
}
