import { applicationStatusLabels, formatYuan, MEMBER_CATEGORIES } from '@society-hub/domain';
import { Alert, Drawer, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '@/components/query-error';
import { registerMessages, useI18n } from '@/lib/i18n';
import { type CellApplication, useCellApplications } from '../api/get-cell-applications';
import { dashboardMessages } from '../messages';
import type { FundingRow, Labels, Members } from './dashboard-figures';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(dashboardMessages);

type Category = (typeof MEMBER_CATEGORIES)[number];

/**
 * Behind a slice of the member categories: each society's active members of that category, each count
 * leading to exactly those members (the society's member list filtered the same way).
 */
export function MembersDrawer({
  members,
  category,
  labels,
  onClose,
}: {
  members: Members;
  category: string | null;
  labels: Labels;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const key: Category | undefined = MEMBER_CATEGORIES.find((c) => c === category);
  const rows = key
    ? members.bySociety
        .filter((s) => s[key] > 0)
        .sort((a, b) => b[key] - a[key] || a.society.name.localeCompare(b.society.name))
    : [];
  return (
    <Drawer
      open={key !== undefined}
      onClose={onClose}
      size={520}
      title={key ? t('dashboard.drawer.members', { category: labels.category(key) }) : ''}
      data-testid="drill-members"
    >
      <Table
        size="small"
        rowKey={(row) => row.society.id}
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: t('dashboard.drawer.society'),
            key: 'society',
            render: (_, row) => row.society.name,
          },
          {
            title: t('dashboard.drawer.count'),
            key: 'count',
            align: 'right',
            width: 140,
            render: (_, row) => (
              <Link
                to={`/societies/${row.society.id}?tab=members&mstatus=active&category=${key}`}
                data-testid="drill-members-link"
              >
                {t('dashboard.drawer.people', { n: key ? row[key] : 0 })}
              </Link>
            ),
          },
        ]}
      />
    </Drawer>
  );
}

/** Behind a bar of the joiners chart: how many of that year's joiners each society took in. */
export function JoinedDrawer({
  members,
  year,
  onClose,
}: {
  members: Members;
  year: number | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const rows =
    year === null
      ? []
      : members.bySociety
          .map((s) => ({ society: s.society, joined: s.joinedByYear.find((j) => j.year === year)?.joined ?? 0 }))
          .filter((s) => s.joined > 0)
          .sort((a, b) => b.joined - a.joined || a.society.name.localeCompare(b.society.name));
  const total = rows.reduce((sum, r) => sum + r.joined, 0);
  return (
    <Drawer
      open={year !== null}
      onClose={onClose}
      size={520}
      title={year === null ? '' : t('dashboard.drawer.joined', { year })}
      data-testid="drill-joined"
    >
      <Typography.Paragraph type="secondary">{t('dashboard.drawer.joinedHint', { n: total })}</Typography.Paragraph>
      <Table
        size="small"
        rowKey={(row) => row.society.id}
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: t('dashboard.drawer.society'),
            key: 'society',
            render: (_, row) => <Link to={`/societies/${row.society.id}?tab=members`}>{row.society.name}</Link>,
          },
          { title: t('dashboard.drawer.joinedCount'), dataIndex: 'joined', align: 'right', width: 120 },
        ]}
      />
    </Drawer>
  );
}

/** Statuses the chart leaves out of “applications”: never submitted, or taken back. */
const NOT_COUNTED: readonly CellApplication['status'][] = ['draft', 'withdrawn'];
/** Statuses the chart counts as funded, with their granted amount. */
const FUNDED: readonly CellApplication['status'][] = ['approved', 'notice', 'funded', 'reported', 'closed'];

/**
 * Behind a funding bar: the calls of that year in that category, then the applications the bar counts
 * (submitted ones; drafts and withdrawn ones left out, as in the chart), each leading to its page.
 */
export function FundingDrawer({
  funding,
  cell,
  onClose,
}: {
  funding: readonly FundingRow[];
  cell: { year: number; categoryCode: string } | null;
  onClose: () => void;
}) {
  const { t, label } = useI18n();
  const programs = cell ? funding.filter((r) => r.year === cell.year && r.categoryCode === cell.categoryCode) : [];
  const pages = useCellApplications(
    programs.map((p) => p.programId),
    cell?.categoryCode ?? null,
  );
  const failed = pages.find((p) => p.isError);
  const loading = pages.some((p) => p.isPending);
  const truncated = programs.filter((_, i) => pages[i]?.data?.nextCursor);
  const applications = pages
    .flatMap((page, i) =>
      (page.data?.items ?? []).map((application) => ({ application, programId: programs[i]?.programId ?? '' })),
    )
    .filter(({ application }) => !NOT_COUNTED.includes(application.status));
  return (
    <Drawer
      open={cell !== null}
      onClose={onClose}
      size={760}
      title={
        cell
          ? t('dashboard.drawer.funding', { year: cell.year, category: programs[0]?.categoryName ?? cell.categoryCode })
          : ''
      }
      data-testid="drill-funding"
    >
      <Flex vertical gap={16}>
        <Table
          size="small"
          rowKey={(row) => `${row.programId}:${row.categoryCode}`}
          dataSource={programs}
          pagination={false}
          columns={[
            {
              title: t('dashboard.drawer.program'),
              key: 'program',
              render: (_, row) => <Link to={`/funding/${row.programId}?tab=applications`}>{row.programName}</Link>,
            },
            { title: t('dashboard.drawer.applications'), dataIndex: 'applications', align: 'right', width: 80 },
            {
              title: t('dashboard.series.requested'),
              key: 'requested',
              align: 'right',
              render: (_, row) => formatYuan(row.requestedFen),
            },
            { title: t('dashboard.drawer.funded'), dataIndex: 'funded', align: 'right', width: 80 },
            {
              title: t('dashboard.series.granted'),
              key: 'granted',
              align: 'right',
              render: (_, row) => formatYuan(row.grantedFen),
            },
          ]}
        />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('dashboard.drawer.applicationList')}
        </Typography.Title>
        {truncated.length > 0 && <Alert type="info" showIcon title={t('dashboard.drawer.truncated')} />}
        {failed ? (
          <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
        ) : (
          <Table<{ application: CellApplication; programId: string }>
            size="small"
            rowKey={({ application }) => application.id}
            dataSource={applications}
            loading={loading}
            pagination={applications.length > 20 ? { pageSize: 20, size: 'small' } : false}
            data-testid="drill-funding-applications"
            columns={[
              {
                title: t('dashboard.drawer.applicationTitle'),
                key: 'title',
                render: (_, { application, programId }) => (
                  <Flex vertical style={{ minWidth: 0 }}>
                    <Link to={`/funding/${programId}/applications/${application.id}`}>{application.title}</Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {application.societyName}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                title: t('dashboard.column.status'),
                key: 'status',
                width: 110,
                render: (_, { application }) => (
                  <Tag color={FUNDED.includes(application.status) ? 'green' : undefined}>
                    {label(applicationStatusLabels[application.status])}
                  </Tag>
                ),
              },
              {
                title: t('dashboard.series.requested'),
                key: 'requested',
                align: 'right',
                width: 130,
                render: (_, { application }) => formatYuan(application.requestedFen),
              },
              {
                title: t('dashboard.series.granted'),
                key: 'granted',
                align: 'right',
                width: 130,
                render: (_, { application }) =>
                  FUNDED.includes(application.status) && application.allocatedFen !== null
                    ? formatYuan(application.allocatedFen)
                    : t('common.none'),
              },
            ]}
          />
        )}
      </Flex>
    </Drawer>
  );
}
