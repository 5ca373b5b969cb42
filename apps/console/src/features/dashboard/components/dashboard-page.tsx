import { formatYuan, INSPECTION_RESULTS, societyStatusLabels } from '@society-hub/domain';
import { Col, Flex, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { lazy, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-error';
import { formatDate } from '@/lib/format';
import { isMessageKey, useI18n } from '@/lib/i18n';
import { type Dashboard, useDashboard } from '../api/get-dashboard';
import { ChartCard, ExportMenu } from './chart-card';
import type { Selection } from './dashboard-charts';
import {
  categoryPoints,
  type FundingRow,
  fundingByYear,
  INSPECTION_SERIES,
  inspectionValue,
  joinedPoints,
  type Labels,
  type Members,
  type PilotRow,
  participationPercent,
  partyPoints,
  pilotsByFunction,
  pointRows,
  statusPoints,
  TIER_STATUSES,
  TIERS,
  tierPoints,
  tierRows,
} from './dashboard-figures';
import { FundingDrawer, JoinedDrawer, MembersDrawer } from './on-demand';

const DonutChart = lazy(async () => ({ default: (await import('./dashboard-charts')).DonutChart }));
const BarsChart = lazy(async () => ({ default: (await import('./dashboard-charts')).BarsChart }));
const StackedChart = lazy(async () => ({ default: (await import('./dashboard-charts')).StackedChart }));

const STATUS_COLORS: Record<string, string> = {
  preparing: '#1d5fbf',
  active: '#52c41a',
  dormant: '#faad14',
  disqualified: '#f5222d',
  deregistered: '#8c8c8c',
};
const INSPECTION_COLORS: Record<string, string> = {
  pass: '#52c41a',
  basic_pass: '#1d5fbf',
  fail: '#f5222d',
  absent: '#faad14',
  notRecorded: '#d9d9d9',
};

function percent(share: number | null): string {
  return share === null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

function useLabels(): Labels {
  const { t, label } = useI18n();
  return useMemo(
    () => ({
      status: (key) => label(societyStatusLabels[key]),
      tier: (key) => (key === 'none' ? t('dashboard.tier.none') : t(`capacity.tier.${key}`)),
      party: (key) => t(`party.${key}`),
      inspection: (key) => (key === 'notRecorded' ? t('dashboard.inspection.notRecorded') : t(`inspection.${key}`)),
      category: (key) => t(`member.category.${key}`),
    }),
    [t, label],
  );
}

/** The Association's dashboard (首页): the figures the seeds report by hand, each leading to its list. */
export function DashboardPage() {
  const { t } = useI18n();
  const dashboard = useDashboard();
  if (dashboard.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (dashboard.isError) return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.dashboard') }]}
        title={t('dashboard.title')}
        tags={<Typography.Text type="secondary">{t('dashboard.asOf', { date: formatDate(d.asOf) })}</Typography.Text>}
        subTitle={t('dashboard.description')}
      />
      <Flex vertical gap={16} data-testid="dashboard">
        <Kpis d={d} />
        <Figures d={d} />
      </Flex>
    </>
  );
}

function Kpis({ d }: { d: Dashboard }) {
  const { t } = useI18n();
  const year = Number(d.asOf.slice(0, 4));
  const thisYear = (d.funding ?? []).filter((r) => r.year === year);
  const granted = thisYear.reduce((sum, r) => sum + r.grantedFen, 0);
  const requested = thisYear.reduce((sum, r) => sum + r.requestedFen, 0);
  const stats = d.members?.stats;
  const cards = [
    {
      key: 'active',
      title: t('dashboard.kpi.active'),
      value: d.societies.byStatus.active,
      detail: t('dashboard.kpi.activeOf', { total: d.societies.total }),
      to: '/societies?status=active',
    },
    {
      key: 'party',
      title: t('dashboard.kpi.party'),
      value: percent(d.partyOrganisation.coverage),
      detail: t('dashboard.kpi.partyOf', {
        covered: d.partyOrganisation.covered,
        societies: d.partyOrganisation.societies,
      }),
      to: '/societies?status=active&partyOrganisation=none',
    },
    {
      key: 'reelections',
      title: t('dashboard.kpi.reelections'),
      value: d.reelections.overdue + d.reelections.dueSoon,
      detail: t('dashboard.kpi.reelectionsDetail', {
        overdue: d.reelections.overdue,
        soon: d.reelections.dueSoon,
        days: d.reelections.warningDays,
      }),
      danger: d.reelections.overdue > 0,
    },
    ...(d.disqualification
      ? [
          {
            key: 'disqualification',
            title: t('dashboard.kpi.disqualification'),
            value: d.disqualification.candidates,
            detail: t('dashboard.kpi.disqualificationDetail', { warned: d.disqualification.warned }),
            to: '/societies/disqualification',
            danger: d.disqualification.candidates > 0,
          },
        ]
      : []),
    ...(stats
      ? [
          {
            key: 'members',
            title: t('dashboard.kpi.members'),
            value: stats.byStatus.active,
            detail: t('dashboard.kpi.membersDetail', { n: stats.joinedThisYear }),
          },
        ]
      : []),
    ...(d.funding
      ? [
          {
            key: 'granted',
            title: t('dashboard.kpi.granted', { year }),
            value: formatYuan(granted),
            detail: t('dashboard.kpi.grantedDetail', { requested: formatYuan(requested) }),
            to: `/funding?year=${year}`,
          },
        ]
      : []),
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((card) => (
        <Col key={card.key} xs={12} md={8} xl={4}>
          <Card size="small" data-testid={`kpi-${card.key}`} style={{ height: '100%' }}>
            <Statistic
              title={card.to ? <Link to={card.to}>{card.title}</Link> : card.title}
              value={card.value}
              styles={{ content: card.danger ? { color: '#cf1322' } : {} }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {card.detail}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Figures({ d }: { d: Dashboard }) {
  const { t } = useI18n();
  const l = useLabels();
  const navigate = useNavigate();
  const societies = (query: string) => navigate(`/societies?${query}`);
  const header = (first: string): [string, string] => [first, t('dashboard.series.societies')];

  const status = statusPoints(d, l);
  const tiers = tierPoints(d, l);
  const party = partyPoints(d, l);

  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <ChartCard
            title={t('dashboard.chart.status')}
            testId="chart-status"
            exportName={t('dashboard.chart.status')}
            rows={() => pointRows(header(t('dashboard.column.status')), status)}
            empty={status.length === 0}
          >
            <DonutChart
              slices={status.map((p) => ({ ...p, color: STATUS_COLORS[p.key] }))}
              seriesName={t('dashboard.chart.status')}
              testId="chart-status-canvas"
              onSelect={({ key }: Selection) => societies(`status=${key}`)}
            />
          </ChartCard>
        </Col>
        <Col xs={24} lg={8}>
          <ChartCard
            title={t('dashboard.chart.tier')}
            testId="chart-tier"
            exportName={t('dashboard.chart.tier')}
            rows={() => tierRows(d, l, { tier: t('capacity.tier'), total: t('dashboard.column.total') })}
            empty={tiers.every((p) => p.value === 0)}
          >
            {/* Stacked by status: only registered societies are assessed, and each segment is one list. */}
            <StackedChart
              categories={TIERS.map((tier) => ({ key: tier, name: l.tier(tier).replace(' ', '\n') }))}
              labelWidth={64}
              series={TIER_STATUSES.map((s) => ({
                key: s,
                name: l.status(s),
                values: TIERS.map((tier) => d.societies.tierByStatus[s][tier]),
                color: STATUS_COLORS[s],
              }))}
              testId="chart-tier-canvas"
              onSelect={({ key, series }: Selection) => {
                if (series) societies(`status=${series}&tier=${key}`);
              }}
            />
          </ChartCard>
        </Col>
        <Col xs={24} lg={8}>
          <ChartCard
            title={t('dashboard.chart.party')}
            testId="chart-party"
            exportName={t('dashboard.chart.party')}
            rows={() => pointRows(header(t('dashboard.column.item')), party)}
            empty={party.length === 0}
          >
            <DonutChart
              slices={party.map((p) => ({ ...p, ...(p.key === 'none' ? { color: '#d9d9d9' } : {}) }))}
              seriesName={t('dashboard.chart.party')}
              testId="chart-party-canvas"
              onSelect={({ key }: Selection) => societies(`status=active&partyOrganisation=${key}`)}
            />
          </ChartCard>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={d.members ? 14 : 24}>
          <ChartCard
            title={t('dashboard.chart.inspections')}
            testId="chart-inspections"
            exportName={t('dashboard.chart.inspections')}
            rows={() => [
              [
                t('dashboard.column.year'),
                t('dashboard.column.expected'),
                ...INSPECTION_SERIES.map((s) => l.inspection(s)),
                t('dashboard.series.participation'),
              ],
              ...d.inspections.map((y) => [
                y.year,
                y.expected,
                ...INSPECTION_SERIES.map((s) => inspectionValue(y, s)),
                percent(y.participation),
              ]),
            ]}
            empty={d.inspections.every((y) => y.expected === 0)}
          >
            <StackedChart
              categories={d.inspections.map((y) => ({ key: String(y.year), name: String(y.year) }))}
              series={INSPECTION_SERIES.map((s) => ({
                key: s,
                name: l.inspection(s),
                values: d.inspections.map((y) => inspectionValue(y, s)),
                color: INSPECTION_COLORS[s],
              }))}
              line={{ name: t('dashboard.series.participation'), values: d.inspections.map(participationPercent) }}
              testId="chart-inspections-canvas"
              onSelect={({ key, series }: Selection) => {
                const result = series === 'notRecorded' ? 'not_recorded' : series;
                if (result && (result === 'not_recorded' || INSPECTION_RESULTS.some((r) => r === result)))
                  societies(`inspectionYear=${key}&inspectionResult=${result}`);
              }}
            />
          </ChartCard>
        </Col>
        {d.members && (
          <Col xs={24} xl={10}>
            <MemberCategories members={d.members} labels={l} />
          </Col>
        )}
      </Row>

      {(d.members || d.funding) && (
        <Row gutter={[16, 16]}>
          {d.members && (
            <Col xs={24} xl={d.funding ? 10 : 24}>
              <MembersJoined members={d.members} />
            </Col>
          )}
          {d.funding && (
            <Col xs={24} xl={d.members ? 14 : 24}>
              <Funding funding={d.funding} />
            </Col>
          )}
        </Row>
      )}

      {d.pilots && (
        <Row gutter={[16, 16]}>
          <Col xs={24}>
            <Pilots pilots={d.pilots} />
          </Col>
        </Row>
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={d.disqualification ? 14 : 24}>
          <Reelections d={d} />
        </Col>
        {d.disqualification && (
          <Col xs={24} xl={10}>
            <Disqualification list={d.disqualification} />
          </Col>
        )}
      </Row>
    </>
  );
}

function MemberCategories({ members, labels }: { members: Members; labels: Labels }) {
  const { t } = useI18n();
  const [category, setCategory] = useState<string | null>(null);
  const categories = categoryPoints(members, labels);
  return (
    <>
      <ChartCard
        title={t('dashboard.chart.members')}
        testId="chart-members"
        exportName={t('dashboard.chart.members')}
        rows={() => pointRows([t('dashboard.column.category'), t('dashboard.series.members')], categories)}
        empty={categories.length === 0}
      >
        <DonutChart
          slices={categories}
          seriesName={t('dashboard.chart.members')}
          testId="chart-members-canvas"
          onSelect={({ key }: Selection) => setCategory(key)}
        />
      </ChartCard>
      <MembersDrawer members={members} category={category} labels={labels} onClose={() => setCategory(null)} />
    </>
  );
}

function MembersJoined({ members }: { members: Members }) {
  const { t } = useI18n();
  const [year, setYear] = useState<number | null>(null);
  const joined = joinedPoints(members);
  return (
    <>
      <ChartCard
        title={t('dashboard.chart.joined')}
        testId="chart-joined"
        exportName={t('dashboard.chart.joined')}
        rows={() => pointRows([t('dashboard.column.year'), t('dashboard.series.joined')], joined)}
        empty={joined.every((p) => p.value === 0)}
      >
        <BarsChart
          bars={joined}
          seriesName={t('dashboard.series.joined')}
          testId="chart-joined-canvas"
          onSelect={({ key }: Selection) => setYear(Number(key))}
        />
      </ChartCard>
      <JoinedDrawer members={members} year={year} onClose={() => setYear(null)} />
    </>
  );
}

function Funding({ funding }: { funding: readonly FundingRow[] }) {
  const { t } = useI18n();
  const [cell, setCell] = useState<{ year: number; categoryCode: string } | null>(null);
  const figure = fundingByYear(funding);
  return (
    <>
      <ChartCard
        title={t('dashboard.chart.funding')}
        testId="chart-funding"
        exportName={t('dashboard.chart.funding')}
        rows={() => [
          [
            t('dashboard.column.year'),
            t('dashboard.column.program'),
            t('dashboard.column.category'),
            t('dashboard.column.applications'),
            t('dashboard.column.requestedFen'),
            t('dashboard.column.funded'),
            t('dashboard.column.grantedFen'),
          ],
          ...funding.map((r) => [
            r.year,
            r.programName,
            r.categoryName,
            r.applications,
            r.requestedFen,
            r.funded,
            r.grantedFen,
          ]),
        ]}
        empty={funding.length === 0}
      >
        <StackedChart
          categories={figure.cells.map((c) => ({
            key: `${c.year}|${c.categoryCode}`,
            name: figure.years.length > 1 ? `${c.year} ${c.categoryName}` : c.categoryName,
          }))}
          series={[
            {
              key: 'requested',
              name: t('dashboard.series.requested'),
              values: figure.cells.map((c) => c.requestedFen / 100),
              color: '#91caff',
            },
            {
              key: 'granted',
              name: t('dashboard.series.granted'),
              values: figure.cells.map((c) => c.grantedFen / 100),
              color: '#1d5fbf',
            },
          ]}
          stacked={false}
          slantedLabels
          valueFormatter={(v) => `¥${v.toLocaleString('zh-CN')}`}
          testId="chart-funding-canvas"
          onSelect={({ key }: Selection) => {
            const [year, categoryCode] = key.split('|');
            if (year && categoryCode) setCell({ year: Number(year), categoryCode });
          }}
        />
      </ChartCard>
      <FundingDrawer funding={funding} cell={cell} onClose={() => setCell(null)} />
    </>
  );
}

function Pilots({ pilots }: { pilots: readonly PilotRow[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const figure = pilotsByFunction(pilots);
  const pilotStatus = (s: string) => {
    const key = `pilot.status.${s}`;
    return isMessageKey(key) ? t(key) : s;
  };
  return (
    <ChartCard
      title={t('dashboard.chart.pilots')}
      testId="chart-pilots"
      exportName={t('dashboard.chart.pilots')}
      rows={() => [
        [
          t('dashboard.column.function'),
          t('dashboard.column.status'),
          t('dashboard.column.pilots'),
          t('dashboard.column.contractValueFen'),
        ],
        ...pilots.map((r) => [r.functionName, pilotStatus(r.status), r.pilots, r.contractValueFen]),
      ]}
      empty={pilots.length === 0}
    >
      <StackedChart
        categories={figure.functions.map((f) => ({ key: f.code, name: f.name }))}
        series={figure.statuses.map((s) => ({
          key: s,
          name: pilotStatus(s),
          values: figure.functions.map((f) => figure.count(f.code, s)),
        }))}
        testId="chart-pilots-canvas"
        onSelect={({ key, series }: Selection) =>
          navigate(`/pilots?functionCode=${encodeURIComponent(key)}${series ? `&status=${series}` : ''}`)
        }
      />
    </ChartCard>
  );
}

function Reelections({ d }: { d: Dashboard }) {
  const { t } = useI18n();
  const r = d.reelections;
  const [params] = useSearchParams();
  const card = useRef<HTMLDivElement>(null);
  // A reminder of re-elections leads here (/?focus=reelections): bring the list into view.
  const focused = params.get('focus') === 'reelections';
  useEffect(() => {
    if (focused) card.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [focused]);
  return (
    <Card
      ref={card}
      size="small"
      title={t('dashboard.reelections.title')}
      data-testid="reelections"
      extra={
        <Flex gap={12} align="center">
          {r.withoutTerm > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dashboard.reelections.withoutTerm', { n: r.withoutTerm })}
            </Typography.Text>
          )}
          <ExportMenu
            fileName={t('dashboard.reelections.title')}
            testId="reelections-export"
            rows={() => [
              [
                t('dashboard.reelections.society'),
                t('dashboard.reelections.endsOn'),
                t('dashboard.reelections.daysLeftColumn'),
                t('dashboard.column.status'),
              ],
              ...r.items.map((row) => [
                row.society.name,
                row.termEndsOn,
                row.daysLeft,
                row.overdue ? t('reminder.overdue') : t('reminder.dueSoon'),
              ]),
            ]}
          />
        </Flex>
      }
    >
      <Table
        size="small"
        rowKey={(row) => row.society.id}
        dataSource={r.items}
        pagination={r.items.length > 8 ? { pageSize: 8, size: 'small' } : false}
        locale={{ emptyText: t('dashboard.reelections.empty', { days: r.warningDays }) }}
        columns={[
          {
            title: t('dashboard.reelections.society'),
            key: 'society',
            render: (_, row) => <Link to={`/societies/${row.society.id}?tab=terms`}>{row.society.name}</Link>,
          },
          {
            title: t('dashboard.reelections.endsOn'),
            dataIndex: 'termEndsOn',
            width: 130,
            render: (value: string) => formatDate(value),
          },
          {
            title: t('dashboard.reelections.left'),
            key: 'left',
            width: 130,
            render: (_, row) =>
              row.overdue ? (
                <Tag color="red">{t('dashboard.reelections.overdue', { n: -row.daysLeft })}</Tag>
              ) : (
                <Tag color={row.daysLeft <= 30 ? 'orange' : 'blue'}>
                  {t('dashboard.reelections.daysLeft', { n: row.daysLeft })}
                </Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

function Disqualification({ list }: { list: NonNullable<Dashboard['disqualification']> }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={t('dashboard.disqualification.title')}
      data-testid="disqualification"
      extra={
        <Flex gap={12} align="center">
          <Link to="/societies/disqualification">{t('dashboard.disqualification.all')}</Link>
          <ExportMenu
            fileName={t('dashboard.disqualification.title')}
            testId="disqualification-export"
            rows={() => [
              [t('dashboard.reelections.society'), t('dashboard.column.status')],
              ...list.items.map((row) => [
                row.society.name,
                row.level === 'candidate'
                  ? t('dashboard.disqualification.candidate')
                  : t('dashboard.disqualification.warning'),
              ]),
            ]}
          />
        </Flex>
      }
    >
      <Table
        size="small"
        rowKey={(row) => row.society.id}
        dataSource={list.items}
        pagination={list.items.length > 8 ? { pageSize: 8, size: 'small' } : false}
        locale={{ emptyText: t('dashboard.disqualification.empty') }}
        columns={[
          {
            title: t('dashboard.reelections.society'),
            key: 'society',
            render: (_, row) => <Link to={`/societies/${row.society.id}`}>{row.society.name}</Link>,
          },
          {
            title: t('dashboard.column.status'),
            key: 'level',
            width: 120,
            render: (_, row) =>
              row.level === 'candidate' ? (
                <Tag color="red">{t('dashboard.disqualification.candidate')}</Tag>
              ) : (
                <Tag color="orange">{t('dashboard.disqualification.warning')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
