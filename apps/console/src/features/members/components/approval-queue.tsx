import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { MemberStatus } from '@society-hub/domain';
import { Button, Empty, Flex, Select, Space, Spin, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Card } from '@/components/card';
import { CursorPager, DEFAULT_PAGE_SIZE, pageSizeOf, useCursorStack } from '@/components/cursor-pager';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-error';
import { useSocieties, useSocietyNames } from '@/features/societies';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import { useSearchAsYouType } from '@/lib/use-search-as-you-type';
import { useMembers } from '../api/get-members';
import type { Member } from '../api/types';
import { useMemberLabels } from './labels';
import { MemberTransitionModal } from './on-demand';

/** One society, chosen by name: the officer's own societies, or for the admin any society searched by name. */
function SocietyPicker({ value, onChange }: { value: string | undefined; onChange: (id: string) => void }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const own = useSocietyNames(user.role === 'society_officer' ? user.societyIds : value ? [value] : []);
  const search = useSearchAsYouType();
  const found = useSocieties({ sort: 'name', limit: 20, ...(search.q ? { q: search.q } : {}) });
  const options = new Map<string, string>();
  for (const { id, name } of own) options.set(id, name ?? t('common.loading'));
  if (user.role !== 'society_officer' && !search.settling)
    for (const society of found.data?.items ?? []) options.set(society.id, society.name);
  return (
    <Select<string>
      value={value}
      onChange={onChange}
      showSearch={user.role === 'society_officer' ? undefined : { filterOption: false, onSearch: search.onSearch }}
      placeholder={t('approval.chooseSociety')}
      notFoundContent={search.settling || found.isFetching ? <Spin size="small" /> : t('society.select.empty')}
      options={[...options].map(([id, name]) => ({ value: id, label: name }))}
      style={{ width: 320 }}
      data-testid="approval-society"
    />
  );
}

const APPLIED: MemberStatus = 'applied';

export function ApprovalQueue() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const labels = useMemberLabels();
  const [search, setSearch] = useSearchParams();
  const chosen = search.get('society') ?? (user.role === 'society_officer' ? user.societyIds[0] : undefined);
  const limit = pageSizeOf(search.get('limit'));
  const pager = useCursorStack(`${chosen ?? ''}:${limit}`);
  const members = useMembers(
    chosen ?? '',
    { status: APPLIED, sort: '-createdAt', limit, ...(pager.cursor ? { cursor: pager.cursor } : {}) },
    { enabled: Boolean(chosen) },
  );
  const [acting, setActing] = useState<{ member: Member; to: 'active' | 'rejected' }>();

  function update(name: 'society' | 'limit', value: string | undefined) {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  }

  const columns: TableColumnsType<Member> = [
    {
      title: t('member.field.name'),
      key: 'name',
      width: 160,
      render: (_, member) => (
        <Link to={`/members/${member.id}`}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {member.name}
          </Typography.Text>
        </Link>
      ),
    },
    { title: t('member.field.kind'), key: 'kind', width: 100, render: (_, member) => labels.kind(member.kind) },
    { title: t('member.field.gender'), key: 'gender', width: 64, render: (_, member) => labels.gender(member.gender) },
    {
      title: t('member.field.titleLevel'),
      key: 'titleLevel',
      width: 90,
      render: (_, member) => labels.title(member.titleLevel),
    },
    {
      title: t('member.field.category'),
      key: 'category',
      width: 100,
      render: (_, member) => labels.category(member.category),
    },
    {
      title: t('member.field.employer'),
      key: 'employer',
      ellipsis: true,
      render: (_, member) => member.employer ?? t('common.none'),
    },
    {
      title: t('approval.submittedAt'),
      key: 'createdAt',
      width: 150,
      render: (_, member) => formatDateTime(member.createdAt),
    },
    {
      title: t('admin.field.actions'),
      key: 'actions',
      width: 240,
      fixed: 'right',
      render: (_, member) => (
        <Space size={4}>
          <Button
            size="small"
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => setActing({ member, to: 'active' })}
            data-testid="approval-approve"
          >
            {t('member.action.approve')}
          </Button>
          <Button
            size="small"
            danger
            icon={<CloseOutlined />}
            onClick={() => setActing({ member, to: 'rejected' })}
            data-testid="approval-reject"
          >
            {t('member.action.rejected')}
          </Button>
        </Space>
      ),
    },
  ];

  const page = members.data;

  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.group.societies') }, { title: t('approval.title') }]}
        title={t('approval.title')}
        subTitle={t('approval.description')}
      />
      <Flex vertical gap={16}>
        {(user.role !== 'society_officer' || user.societyIds.length > 1) && (
          <Card size="small">
            <SocietyPicker value={chosen} onChange={(id) => update('society', id)} />
          </Card>
        )}
        <Card styles={{ body: { padding: 0 } }}>
          {!chosen ? (
            <Empty style={{ padding: 32 }} description={t('approval.chooseSociety')} />
          ) : members.isError ? (
            <QueryError error={members.error} onRetry={() => void members.refetch()} />
          ) : (
            <>
              <Table<Member>
                rowKey="id"
                columns={columns}
                dataSource={page?.items ?? []}
                loading={members.isPending || members.isPlaceholderData}
                pagination={false}
                tableLayout="fixed"
                scroll={{ x: 960 }}
                locale={{ emptyText: <Empty description={t('approval.empty')} /> }}
                data-testid="approval-table"
              />
              <CursorPager
                pager={pager}
                nextCursor={page?.nextCursor}
                busy={members.isPlaceholderData}
                limit={limit}
                onLimitChange={(value) => update('limit', value === DEFAULT_PAGE_SIZE ? undefined : String(value))}
              />
            </>
          )}
        </Card>
      </Flex>
      {acting && (
        <MemberTransitionModal
          member={acting.member}
          to={acting.to}
          defaultReason={acting.to === 'active' ? t('approval.approveReason') : undefined}
          onClose={() => setActing(undefined)}
        />
      )}
    </>
  );
}
