import { ReloadOutlined } from '@ant-design/icons';
import { APPLICATION_STATUSES } from '@society-hub/domain';
import { Button, Empty, Flex, Input, Select, type TableColumnsType, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { DEFAULT_PAGE_SIZE, useCursorStack } from '@/components/cursor-pager';
import { ListShell } from '@/components/list-shell';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useApplications } from '../api/applications';
import type { ApplicationListQuery, ApplicationStatus, FundingApplication, FundingProgram } from '../api/types';
import { fundingMessages } from '../messages';
import { fundingPanelsMessages } from '../panels-messages';
import { ApplicationStatusTag, useFundingLabels } from './labels';
import { Yuan } from './money';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages, fundingPanelsMessages);

interface Filters {
  status?: ApplicationStatus;
  categoryCode?: string;
  q: string;
  limit: number;
}

/** The applications to a program with their status, score and allocation (a society sees its own). */
export function ApplicationsTab({ program, extra }: { program: FundingProgram; extra?: ReactNode }) {
  const { t } = useI18n();
  const labels = useFundingLabels();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({ q: '', limit: DEFAULT_PAGE_SIZE });
  const [draftQ, setDraftQ] = useState('');
  const pager = useCursorStack(JSON.stringify(filters));
  const query: ApplicationListQuery = {
    limit: filters.limit,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.categoryCode ? { categoryCode: filters.categoryCode } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(pager.cursor ? { cursor: pager.cursor } : {}),
  };
  const applications = useApplications(program.id, query);

  const columns: TableColumnsType<FundingApplication> = [
    {
      title: t('funding.application.field.title'),
      key: 'title',
      render: (_, a) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Link strong ellipsis>
            {a.title}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {a.societyName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('funding.application.field.category'),
      key: 'category',
      width: 170,
      ellipsis: true,
      render: (_, a) => labels.category(program, a.categoryCode),
    },
    {
      title: t('funding.application.field.requested'),
      key: 'requested',
      width: 150,
      align: 'right',
      render: (_, a) => <Yuan fen={a.requestedFen} />,
    },
    {
      title: t('funding.field.status'),
      key: 'status',
      width: 130,
      render: (_, a) => <ApplicationStatusTag status={a.status} />,
    },
    {
      title: t('funding.field.score'),
      key: 'score',
      width: 90,
      align: 'right',
      render: (_, a) =>
        a.score === null ? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> : a.score.toFixed(2),
    },
    {
      title: t('funding.field.allocated'),
      key: 'allocated',
      width: 150,
      align: 'right',
      render: (_, a) => <Yuan fen={a.allocatedFen} strong={(a.allocatedFen ?? 0) > 0} />,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Flex gap={12} wrap align="center">
          <Input.Search
            allowClear
            placeholder={t('funding.list.titleSearch')}
            value={draftQ}
            onChange={(event) => setDraftQ(event.target.value)}
            onSearch={(value) => setFilters({ ...filters, q: value.trim() })}
            style={{ width: 260 }}
            enterButton={t('common.search')}
          />
          <Select<ApplicationStatus>
            allowClear
            placeholder={t('funding.list.allStatuses')}
            value={filters.status}
            onChange={(value) => setFilters({ ...filters, status: value })}
            options={APPLICATION_STATUSES.map((value) => ({ value, label: labels.applicationStatus(value) }))}
            style={{ width: 150 }}
            data-testid="application-filter-status"
          />
          <Select<string>
            allowClear
            placeholder={t('funding.list.allCategories')}
            value={filters.categoryCode}
            onChange={(value) => setFilters({ ...filters, categoryCode: value })}
            options={program.categories.map((c) => ({ value: c.code, label: c.name }))}
            style={{ width: 200 }}
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              setDraftQ('');
              setFilters({ q: '', limit: filters.limit });
            }}
            disabled={!filters.status && !filters.categoryCode && !filters.q}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        {extra}
      </Flex>
      <ListShell<FundingApplication>
        query={applications}
        pager={pager}
        limit={filters.limit}
        onLimitChange={(limit) => setFilters({ ...filters, limit })}
        table={{
          rowKey: 'id',
          columns,
          tableLayout: 'fixed',
          scroll: { x: 980 },
          locale: { emptyText: <Empty description={t('funding.application.empty')} /> },
          onRow: (a) => ({
            onClick: () => navigate(`/funding/${program.id}/applications/${a.id}`),
            style: { cursor: 'pointer' },
          }),
        }}
        testId="applications-table"
      />
    </Flex>
  );
}
