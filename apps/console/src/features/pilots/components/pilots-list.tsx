import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { PILOT_STATUSES } from '@society-hub/domain';
import { Button, Empty, Flex, Input, Select, type TableColumnsType, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { pageSizeOf, useCursorStack } from '@/components/cursor-pager';
import { ListShell, useSearchFilters } from '@/components/list-shell';
import { useI18n } from '@/lib/i18n';
import { usePilotFunctions } from '../api/functions';
import { usePilots } from '../api/pilots';
import type { Pilot, PilotListQuery, PilotStatus } from '../api/types';
import { PilotStatusTag, pilotStatusOf, usePilotLabels, yuan } from './labels';

type FilterName = 'status' | 'functionCode' | 'department' | 'q' | 'limit';

/** Every pilot the reader may see, newest first, with filters kept in the address (the dashboard links here). */
export function PilotsList() {
  const { t } = useI18n();
  const labels = usePilotLabels();
  const navigate = useNavigate();
  const functions = usePilotFunctions();
  const { search, update, limitValue, reset } = useSearchFilters<FilterName>();
  const status = pilotStatusOf(search.get('status'));
  const functionCode = search.get('functionCode') ?? undefined;
  const department = search.get('department')?.trim() || undefined;
  const q = search.get('q')?.trim() || undefined;
  const limit = pageSizeOf(search.get('limit'));
  const pager = useCursorStack(JSON.stringify({ status, functionCode, department, q, limit }));
  const query: PilotListQuery = {
    limit,
    ...(status ? { status } : {}),
    ...(functionCode ? { functionCode } : {}),
    ...(department ? { department } : {}),
    ...(q ? { q } : {}),
    ...(pager.cursor ? { cursor: pager.cursor } : {}),
  };
  const pilots = usePilots(query);
  const [draftQ, setDraftQ] = useState(q ?? '');
  const [draftDepartment, setDraftDepartment] = useState(department ?? '');
  useEffect(() => setDraftQ(q ?? ''), [q]);
  useEffect(() => setDraftDepartment(department ?? ''), [department]);

  const columns: TableColumnsType<Pilot> = [
    {
      title: t('pilot.field.title'),
      key: 'title',
      render: (_, pilot) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Link strong ellipsis>
            {pilot.title}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {pilot.societyName}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('pilot.field.function'), dataIndex: 'functionName', width: 180, ellipsis: true },
    { title: t('pilot.field.department'), dataIndex: 'department', width: 180, ellipsis: true },
    { title: t('pilot.field.mode'), key: 'mode', width: 110, render: (_, pilot) => labels.mode(pilot.mode) },
    {
      title: t('pilot.field.status'),
      key: 'status',
      width: 110,
      render: (_, pilot) => <PilotStatusTag status={pilot.status} />,
    },
    {
      title: t('pilot.field.period'),
      key: 'period',
      width: 200,
      render: (_, pilot) => `${pilot.startsOn} ~ ${pilot.endsOn}`,
    },
    {
      title: t('pilot.field.contractValue'),
      key: 'contract',
      width: 140,
      align: 'right',
      render: (_, pilot) => yuan(pilot.contractValueFen),
    },
    {
      title: t('pilot.field.performance'),
      key: 'performance',
      width: 110,
      render: (_, pilot) =>
        pilot.performance.rating ? (
          t(`pilot.rating.${pilot.performance.rating}`)
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
  ];

  return (
    <ListShell<Pilot>
      filters={
        <>
          <Input.Search
            allowClear
            placeholder={t('pilot.list.search')}
            prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
            value={draftQ}
            onChange={(event) => setDraftQ(event.target.value)}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            style={{ width: 280 }}
            enterButton={t('common.search')}
            data-testid="pilot-search"
          />
          <Select<PilotStatus>
            allowClear
            placeholder={t('pilot.list.allStatuses')}
            value={status}
            onChange={(value) => update({ status: value })}
            options={PILOT_STATUSES.map((value) => ({ value, label: labels.status(value) }))}
            style={{ width: 140 }}
            data-testid="pilot-filter-status"
          />
          <Select<string>
            allowClear
            placeholder={t('pilot.list.allFunctions')}
            value={functionCode}
            onChange={(value) => update({ functionCode: value })}
            options={(functions.data?.items ?? []).map((f) => ({ value: f.code, label: f.name }))}
            style={{ width: 200 }}
            data-testid="pilot-filter-function"
          />
          <Input
            allowClear
            placeholder={t('pilot.list.department')}
            value={draftDepartment}
            onChange={(event) => setDraftDepartment(event.target.value)}
            onPressEnter={() => update({ department: draftDepartment.trim() || undefined })}
            onBlur={() => update({ department: draftDepartment.trim() || undefined })}
            style={{ width: 180 }}
          />
          <Button icon={<ReloadOutlined />} onClick={reset} disabled={search.size === 0}>
            {t('common.reset')}
          </Button>
        </>
      }
      query={pilots}
      pager={pager}
      limit={limit}
      onLimitChange={(value) => update({ limit: limitValue(value) })}
      table={{
        rowKey: 'id',
        columns,
        tableLayout: 'fixed',
        scroll: { x: 1200 },
        locale: { emptyText: <Empty description={t('pilot.list.empty')} /> },
        onRow: (pilot) => ({ onClick: () => navigate(`/pilots/${pilot.id}`), style: { cursor: 'pointer' } }),
      }}
      testId="pilots-table"
    />
  );
}
