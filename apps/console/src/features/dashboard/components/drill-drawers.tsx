import { formatYuan, MEMBER_CATEGORIES } from '@society-hub/domain';
import { Drawer, Table } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '@/app/i18n';
import type { Dashboard } from '../api/get-dashboard';
import type { Labels } from './dashboard-figures';

type Category = (typeof MEMBER_CATEGORIES)[number];

/** Behind a slice of the member categories: each society's active members of that category. */
export function MembersDrawer({
  d,
  category,
  labels,
  onClose,
}: {
  d: Dashboard;
  category: string | null;
  labels: Labels;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const key: Category | undefined = MEMBER_CATEGORIES.find((c) => c === category);
  const rows = key
    ? d.members.bySociety
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
            render: (_, row) => <Link to={`/societies/${row.society.id}?tab=members`}>{row.society.name}</Link>,
          },
          {
            title: t('dashboard.drawer.count'),
            key: 'count',
            align: 'right',
            width: 100,
            render: (_, row) => (key ? row[key] : 0),
          },
        ]}
      />
    </Drawer>
  );
}

/** Behind a funding bar: the programs of that year and category, with their figures and a way in. */
export function FundingDrawer({
  d,
  cell,
  onClose,
}: {
  d: Dashboard;
  cell: { year: number; categoryCode: string } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const rows = cell ? d.funding.filter((r) => r.year === cell.year && r.categoryCode === cell.categoryCode) : [];
  return (
    <Drawer
      open={cell !== null}
      onClose={onClose}
      size={640}
      title={
        cell
          ? t('dashboard.drawer.funding', { year: cell.year, category: rows[0]?.categoryName ?? cell.categoryCode })
          : ''
      }
      data-testid="drill-funding"
    >
      <Table
        size="small"
        rowKey={(row) => `${row.programId}:${row.categoryCode}`}
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: t('dashboard.drawer.program'),
            key: 'program',
            render: (_, row) => <Link to={`/funding/${row.programId}?tab=ranking`}>{row.programName}</Link>,
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
    </Drawer>
  );
}
