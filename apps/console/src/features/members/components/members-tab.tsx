import { PlusOutlined, ReloadOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import {
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  type MemberCategory,
  type MemberStatus,
  TITLE_LEVELS,
  type TitleLevel,
} from '@society-hub/domain';
import { App, Button, Empty, Flex, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Card } from '@/components/card';
import { CursorPager, DEFAULT_PAGE_SIZE, pageSizeOf, useCursorStack } from '@/components/cursor-pager';
import { importWizardMessages } from '@/components/import-wizard/messages';
import { QueryError } from '@/components/query-error';
import { policies } from '@/lib/authorization';
import { formatDate } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { useCurrentUser } from '@/lib/session';
import { useMembers } from '../api/get-members';
import type { Member, MemberKind, MemberListQuery } from '../api/types';
import { membersMessages } from '../messages';
import { MemberStatusTag, useMemberLabels } from './labels';
import { MemberStatsCard } from './member-stats-card';
import { MemberFormDrawer } from './on-demand';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(labelsMessages, membersMessages, importWizardMessages);

type YouthFilter = 'yes' | 'no';
const KINDS: readonly MemberKind[] = ['individual', 'institutional'];
const FILTER_PARAMS = ['mstatus', 'category', 'title', 'kind', 'youth', 'mq', 'mlimit'] as const;
type FilterParam = (typeof FILTER_PARAMS)[number];

interface Filters {
  status: MemberStatus | undefined;
  category: MemberCategory | undefined;
  titleLevel: TitleLevel | undefined;
  kind: MemberKind | undefined;
  youth: YouthFilter | undefined;
  q: string;
  limit: number;
}

/** The tab shares the address with the society page, so its parameters carry a prefix where they would clash. */
function readFilters(search: URLSearchParams): Filters {
  const youth = search.get('youth');
  return {
    status: MEMBER_STATUSES.find((value) => value === search.get('mstatus')),
    category: MEMBER_CATEGORIES.find((value) => value === search.get('category')),
    titleLevel: TITLE_LEVELS.find((value) => value === search.get('title')),
    kind: KINDS.find((value) => value === search.get('kind')),
    youth: youth === 'yes' || youth === 'no' ? youth : undefined,
    q: search.get('mq')?.trim() ?? '',
    limit: pageSizeOf(search.get('mlimit')),
  };
}

function toQuery(filters: Filters, cursor: string | undefined): MemberListQuery {
  return {
    limit: filters.limit,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.titleLevel ? { titleLevel: filters.titleLevel } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.youth ? { youth: filters.youth === 'yes' } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

export function MembersTab({ societyId }: { societyId: string }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const labels = useMemberLabels();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const filters = readFilters(search);
  const pager = useCursorStack(JSON.stringify(filters));
  const members = useMembers(societyId, toQuery(filters, pager.cursor));
  const [adding, setAdding] = useState(false);
  const canManage = policies.manageMembers(user, societyId);

  const [draftQ, setDraftQ] = useState(filters.q);
  useEffect(() => setDraftQ(filters.q), [filters.q]);

  function updateSearch(patch: Partial<Record<FilterParam, string | undefined>>) {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries(patch)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setSearch(next, { replace: true });
  }

  function resetFilters() {
    const next = new URLSearchParams(search);
    for (const name of FILTER_PARAMS) next.delete(name);
    setSearch(next, { replace: true });
  }

  const filtered = FILTER_PARAMS.some((name) => name !== 'mlimit' && search.has(name));

  const columns: TableColumnsType<Member> = [
    {
      title: t('member.field.name'),
      key: 'name',
      width: 180,
      render: (_, member) => (
        <Flex align="center" gap={6} style={{ minWidth: 0 }}>
          <Link to={`/members/${member.id}`} data-testid="member-link">
            <Typography.Text strong ellipsis={{ tooltip: member.name }} style={{ color: 'inherit' }}>
              {member.name}
            </Typography.Text>
          </Link>
          {member.kind === 'institutional' && (
            <Tag bordered={false} style={{ marginInlineEnd: 0, flex: 'none' }}>
              {t('member.kind.institutional')}
            </Tag>
          )}
        </Flex>
      ),
    },
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
      render: (_, member) => member.employer ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    {
      title: t('member.field.phone'),
      key: 'phone',
      width: 130,
      render: (_, member) => <span style={{ fontFamily: 'monospace' }}>{member.phone ?? t('common.none')}</span>,
    },
    {
      title: t('member.field.idNumber'),
      key: 'idNumber',
      width: 180,
      render: (_, member) => (
        <span style={{ fontFamily: 'monospace' }}>{member.idNumberMasked ?? t('common.none')}</span>
      ),
    },
    {
      title: t('member.field.status'),
      key: 'status',
      width: 96,
      render: (_, member) => <MemberStatusTag status={member.status} />,
    },
    {
      title: t('member.field.joinedOn'),
      key: 'joinedOn',
      width: 110,
      render: (_, member) => formatDate(member.joinedOn),
    },
  ];

  const page = members.data;

  return (
    <Flex vertical gap={16} data-testid="members-tab">
      <MemberStatsCard societyId={societyId} />
      <Flex gap={12} align="flex-start" justify="space-between">
        <Flex gap={8} wrap align="center" style={{ flex: 1, minWidth: 0 }}>
          <Input.Search
            allowClear
            placeholder={t('member.list.searchPlaceholder')}
            prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
            value={draftQ}
            onChange={(event) => setDraftQ(event.target.value)}
            onSearch={(value) => updateSearch({ mq: value.trim() || undefined })}
            style={{ width: 260 }}
            enterButton={t('common.search')}
            maxLength={50}
            data-testid="member-search"
          />
          <Select<MemberStatus>
            allowClear
            placeholder={t('member.list.allStatuses')}
            value={filters.status}
            onChange={(value) => updateSearch({ mstatus: value })}
            options={MEMBER_STATUSES.map((value) => ({ value, label: labels.status(value) }))}
            style={{ width: 120 }}
            data-testid="member-filter-status"
          />
          <Select<MemberCategory>
            allowClear
            placeholder={t('member.list.allCategories')}
            value={filters.category}
            onChange={(value) => updateSearch({ category: value })}
            options={MEMBER_CATEGORIES.map((value) => ({ value, label: labels.category(value) }))}
            style={{ width: 120 }}
          />
          <Select<TitleLevel>
            allowClear
            placeholder={t('member.list.allTitles')}
            value={filters.titleLevel}
            onChange={(value) => updateSearch({ title: value })}
            options={TITLE_LEVELS.map((value) => ({ value, label: labels.title(value) }))}
            style={{ width: 110 }}
          />
          <Select<MemberKind>
            allowClear
            placeholder={t('member.list.allKinds')}
            value={filters.kind}
            onChange={(value) => updateSearch({ kind: value })}
            options={KINDS.map((value) => ({ value, label: labels.kind(value) }))}
            style={{ width: 120 }}
          />
          <Select<YouthFilter>
            allowClear
            placeholder={t('member.youthAll')}
            value={filters.youth}
            onChange={(value) => updateSearch({ youth: value })}
            options={[
              { value: 'yes', label: t('member.youthYes') },
              { value: 'no', label: t('member.youthNo') },
            ]}
            style={{ width: 130 }}
          />
          <Button icon={<ReloadOutlined />} onClick={resetFilters} disabled={!filtered}>
            {t('common.reset')}
          </Button>
        </Flex>
        {canManage ? (
          <Flex gap={8} style={{ flex: 'none' }}>
            <Button
              icon={<UploadOutlined />}
              onClick={() => navigate(`/societies/${societyId}/members/import`)}
              data-testid="member-import"
            >
              {t('member.list.import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="member-add">
              {t('member.list.add')}
            </Button>
          </Flex>
        ) : (
          <Tag>{t('member.list.readOnly')}</Tag>
        )}
      </Flex>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        {members.isError ? (
          <QueryError error={members.error} onRetry={() => void members.refetch()} />
        ) : (
          <Table<Member>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={page?.items ?? []}
            loading={members.isPending || members.isPlaceholderData}
            pagination={false}
            tableLayout="fixed"
            scroll={{ x: 1140 }}
            locale={{
              emptyText: <Empty description={filtered ? t('member.list.emptyFiltered') : t('member.list.empty')} />,
            }}
            data-testid="members-table"
          />
        )}
        <CursorPager
          pager={pager}
          nextCursor={page?.nextCursor}
          busy={members.isPlaceholderData}
          limit={filters.limit}
          onLimitChange={(value) => updateSearch({ mlimit: value === DEFAULT_PAGE_SIZE ? undefined : String(value) })}
        />
      </Card>
      {adding && (
        <MemberFormDrawer
          societyId={societyId}
          onClose={() => setAdding(false)}
          onConflict={() => {
            setAdding(false);
            modal.warning({ title: t('admin.conflictTitle'), content: t('admin.conflictBody') });
          }}
        />
      )}
    </Flex>
  );
}
