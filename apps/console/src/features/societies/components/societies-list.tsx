import { LeftOutlined, ReloadOutlined, RightOutlined, SearchOutlined, VerticalRightOutlined } from '@ant-design/icons';
import {
  CAPACITY_TIERS,
  DISCIPLINES,
  type Discipline,
  INSPECTION_RESULTS,
  PARTY_ORGANISATIONS,
  type PartyOrganisation,
  SOCIETY_STATUSES,
  SOCIETY_TYPES,
  type SocietyStatus,
  type SocietyType,
} from '@society-hub/domain';
import { Button, Empty, Flex, Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Card } from '@/components/card';
import { pagerMessages } from '@/components/pager-messages';
import { QueryError } from '@/components/query-error';
import { formatDate } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useSocieties } from '../api/get-societies';
import type { Society, SocietyListQuery, SocietySort } from '../api/types';
import { SocietyStatusTag, useSocietyLabels } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(pagerMessages);

const SORTS = ['-createdAt', '-updatedAt', 'createdAt', 'name'] as const satisfies readonly SocietySort[];
const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((value) => value === raw);
}

const TIERS = [...CAPACITY_TIERS, 'none'] as const;
type TierFilter = (typeof TIERS)[number];
const INSPECTION_FILTERS = [...INSPECTION_RESULTS, 'not_recorded'] as const;
type InspectionFilter = (typeof INSPECTION_FILTERS)[number];

interface Filters {
  status: SocietyStatus | undefined;
  tier: TierFilter | undefined;
  partyOrganisation: PartyOrganisation | undefined;
  /** From the dashboard's inspection chart: both or neither. */
  inspection: { year: number; result: InspectionFilter } | undefined;
  /** From the annual-report reminder: the societies that still owe that year's report. */
  annualReportMissing: number | undefined;
  type: SocietyType | undefined;
  discipline: Discipline | undefined;
  q: string;
  sort: (typeof SORTS)[number];
  limit: number;
}

function readFilters(search: URLSearchParams): Filters {
  const limit = Number(search.get('limit'));
  const inspectionYear = Number(search.get('inspectionYear'));
  const inspectionResult = oneOf(INSPECTION_FILTERS, search.get('inspectionResult'));
  const reportYear = Number(search.get('annualReportMissing'));
  return {
    status: oneOf(SOCIETY_STATUSES, search.get('status')),
    tier: oneOf(TIERS, search.get('tier')),
    partyOrganisation: oneOf(PARTY_ORGANISATIONS, search.get('partyOrganisation')),
    inspection:
      Number.isInteger(inspectionYear) && inspectionYear >= 2000 && inspectionResult
        ? { year: inspectionYear, result: inspectionResult }
        : undefined,
    annualReportMissing:
      Number.isInteger(reportYear) && reportYear >= 2000 && reportYear <= 2100 ? reportYear : undefined,
    type: oneOf(SOCIETY_TYPES, search.get('type')),
    discipline: oneOf(DISCIPLINES, search.get('discipline')),
    q: search.get('q')?.trim() ?? '',
    sort: oneOf(SORTS, search.get('sort')) ?? '-createdAt',
    limit: PAGE_SIZES.find((size) => size === limit) ?? DEFAULT_PAGE_SIZE,
  };
}

function toQuery(filters: Filters, cursor: string | undefined): SocietyListQuery {
  return {
    sort: filters.sort,
    limit: filters.limit,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.tier ? { tier: filters.tier } : {}),
    ...(filters.partyOrganisation ? { partyOrganisation: filters.partyOrganisation } : {}),
    ...(filters.inspection
      ? { inspectionYear: filters.inspection.year, inspectionResult: filters.inspection.result }
      : {}),
    ...(filters.annualReportMissing ? { annualReportMissing: filters.annualReportMissing } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.discipline ? { discipline: filters.discipline } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

export function SocietiesList() {
  const { t } = useI18n();
  const labels = useSocietyLabels();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const filters = readFilters(search);
  const filterKey = JSON.stringify(filters);

  /** Keyset pagination has no page numbers: remember the cursors that led to each page to go back. */
  const [cursors, setCursors] = useState<{ key: string; stack: string[] }>({ key: filterKey, stack: [] });
  const stack = cursors.key === filterKey ? cursors.stack : [];
  const cursor = stack.at(-1);
  const societies = useSocieties(toQuery(filters, cursor));

  const [draftQ, setDraftQ] = useState(filters.q);
  useEffect(() => setDraftQ(filters.q), [filters.q]);

  function update(
    patch: Partial<
      Record<
        | 'status'
        | 'type'
        | 'discipline'
        | 'tier'
        | 'partyOrganisation'
        | 'inspectionYear'
        | 'inspectionResult'
        | 'annualReportMissing'
        | 'q'
        | 'sort'
        | 'limit',
        string | undefined
      >
    >,
  ) {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries(patch)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setSearch(next, { replace: true });
  }

  const columns: TableColumnsType<Society> = [
    {
      title: t('society.field.name'),
      key: 'name',
      render: (_, society) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Link strong ellipsis>
            {society.name}
          </Typography.Link>
          {society.nameEn && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: society.nameEn }} style={{ fontSize: 12 }}>
              {society.nameEn}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('society.field.type'),
      dataIndex: 'type',
      width: 110,
      render: (_, society) => labels.type(society.type),
    },
    {
      title: t('society.field.discipline'),
      dataIndex: 'discipline',
      width: 110,
      render: (_, society) => labels.discipline(society.discipline),
    },
    {
      title: t('society.field.status'),
      dataIndex: 'status',
      width: 110,
      render: (_, society) => <SocietyStatusTag status={society.status} />,
    },
    {
      title: t('society.field.creditCodeShort'),
      dataIndex: 'creditCode',
      width: 200,
      render: (_, society) =>
        society.creditCode ? (
          <Typography.Text style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}>
            {society.creditCode}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      title: t('society.field.supportingUnit'),
      dataIndex: 'supportingUnit',
      width: 200,
      ellipsis: true,
      render: (_, society) =>
        society.supportingUnit ?? <Typography.Text type="secondary">{t('society.noSupportingUnit')}</Typography.Text>,
    },
    {
      title: t('society.field.updatedAt'),
      dataIndex: 'updatedAt',
      width: 120,
      render: (_, society) => formatDate(society.updatedAt),
    },
  ];

  const page = societies.data;
  const pageNumber = stack.length + 1;

  return (
    <Flex vertical gap={16}>
      <Card size="small" styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap align="center">
          <Input.Search
            allowClear
            placeholder={t('society.list.searchPlaceholder')}
            prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
            value={draftQ}
            onChange={(event) => setDraftQ(event.target.value)}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            style={{ width: 320 }}
            enterButton={t('common.search')}
            data-testid="society-search"
          />
          <Select<SocietyStatus>
            allowClear
            placeholder={t('society.list.allStatuses')}
            value={filters.status}
            onChange={(value) => update({ status: value })}
            options={SOCIETY_STATUSES.map((value) => ({ value, label: labels.status(value) }))}
            style={{ width: 140 }}
          />
          <Select<SocietyType>
            allowClear
            placeholder={t('society.list.allTypes')}
            value={filters.type}
            onChange={(value) => update({ type: value })}
            options={SOCIETY_TYPES.map((value) => ({ value, label: labels.type(value) }))}
            style={{ width: 140 }}
          />
          <Select<Discipline>
            allowClear
            placeholder={t('society.list.allDisciplines')}
            value={filters.discipline}
            onChange={(value) => update({ discipline: value })}
            options={DISCIPLINES.map((value) => ({ value, label: labels.discipline(value) }))}
            style={{ width: 140 }}
          />
          <Select<TierFilter>
            allowClear
            placeholder={t('society.list.allTiers')}
            value={filters.tier}
            onChange={(value) => update({ tier: value })}
            options={TIERS.map((value) => ({
              value,
              label: value === 'none' ? t('dashboard.tier.none') : t(`capacity.tier.${value}`),
            }))}
            style={{ width: 140 }}
            data-testid="society-tier-filter"
          />
          <Select<PartyOrganisation>
            allowClear
            placeholder={t('society.list.allParty')}
            value={filters.partyOrganisation}
            onChange={(value) => update({ partyOrganisation: value })}
            options={PARTY_ORGANISATIONS.map((value) => ({ value, label: t(`party.${value}`) }))}
            style={{ width: 170 }}
            data-testid="society-party-filter"
          />
          {filters.inspection && (
            <Tag
              closable
              color="blue"
              onClose={() => update({ inspectionYear: undefined, inspectionResult: undefined })}
              data-testid="society-inspection-filter"
              style={{ marginInlineEnd: 0, paddingBlock: 4 }}
            >
              {t('society.list.inspectionFilter', {
                year: filters.inspection.year,
                result:
                  filters.inspection.result === 'not_recorded'
                    ? t('dashboard.inspection.notRecorded')
                    : t(`inspection.${filters.inspection.result}`),
              })}
            </Tag>
          )}
          {filters.annualReportMissing && (
            <Tag
              closable
              color="orange"
              onClose={() => update({ annualReportMissing: undefined })}
              data-testid="society-report-missing-filter"
              style={{ marginInlineEnd: 0, paddingBlock: 4 }}
            >
              {t('society.list.reportMissingFilter', { year: filters.annualReportMissing })}
            </Tag>
          )}
          <Flex align="center" gap={8}>
            <Typography.Text type="secondary">{t('society.list.sort')}</Typography.Text>
            <Select<(typeof SORTS)[number]>
              aria-label={t('society.list.sort')}
              value={filters.sort}
              onChange={(value) => update({ sort: value === '-createdAt' ? undefined : value })}
              options={SORTS.map((value) => ({ value, label: t(`society.sort.${value}`) }))}
              style={{ width: 140 }}
            />
          </Flex>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => setSearch(new URLSearchParams(), { replace: true })}
            disabled={search.size === 0}
          >
            {t('common.reset')}
          </Button>
        </Flex>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        {societies.isError ? (
          <QueryError error={societies.error} onRetry={() => void societies.refetch()} />
        ) : (
          <Table<Society>
            rowKey="id"
            columns={columns}
            dataSource={page?.items ?? []}
            loading={societies.isPending || societies.isPlaceholderData}
            pagination={false}
            tableLayout="fixed"
            scroll={{ x: 1080 }}
            locale={{ emptyText: <Empty description={t('society.list.empty')} /> }}
            onRow={(society) => ({
              onClick: () => navigate(`/societies/${society.id}`),
              style: { cursor: 'pointer' },
            })}
            data-testid="societies-table"
          />
        )}
        <Flex justify="space-between" align="center" style={{ padding: '12px 16px', borderTop: '1px solid #f0f0f0' }}>
          <Typography.Text type="secondary">{t('common.pageNo', { n: pageNumber })}</Typography.Text>
          <Space>
            <Button
              icon={<VerticalRightOutlined />}
              disabled={stack.length === 0}
              onClick={() => setCursors({ key: filterKey, stack: [] })}
            >
              {t('common.firstPage')}
            </Button>
            <Button
              icon={<LeftOutlined />}
              disabled={stack.length === 0}
              onClick={() => setCursors({ key: filterKey, stack: stack.slice(0, -1) })}
            >
              {t('common.prevPage')}
            </Button>
            <Button
              disabled={!page?.nextCursor || societies.isPlaceholderData}
              onClick={() => {
                const next = page?.nextCursor;
                if (next) setCursors({ key: filterKey, stack: [...stack, next] });
              }}
            >
              {t('common.nextPage')}
              <RightOutlined />
            </Button>
            <Select<number>
              value={filters.limit}
              onChange={(value) => update({ limit: value === DEFAULT_PAGE_SIZE ? undefined : String(value) })}
              options={PAGE_SIZES.map((value) => ({ value, label: t('common.pageSize', { n: value }) }))}
              style={{ width: 120 }}
            />
          </Space>
        </Flex>
      </Card>
    </Flex>
  );
}
