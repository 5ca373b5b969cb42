import { EditOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { EXPERT_POOLS, type ExpertPool } from '@society-hub/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Input, Select, Switch, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { DEFAULT_PAGE_SIZE, useCursorStack } from '@/components/cursor-pager';
import { ListShell } from '@/components/list-shell';
import { SocietyNameTags } from '@/features/societies';
import { policies } from '@/lib/authorization';
import { isConflict } from '@/lib/conflict';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useExperts } from '../api/get-experts';
import { expertKeys } from '../api/keys';
import type { Expert, ExpertTitle } from '../api/types';
import { useUpdateExpert } from '../api/update-expert';
import {
  type Availability,
  EXPERT_TITLES,
  expertListQuery,
  type FilterParam,
  hasExpertFilters,
  readExpertFilters,
} from './expert-filters';
import { ExpertEditDrawer, ExpertFormDrawer } from './on-demand';

const POOL_COLORS: Record<ExpertPool, string> = { science_technology: 'blue', popularisation: 'green' };

export function ExpertsList({ creating, onCreated }: { creating: boolean; onCreated: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useCurrentUser();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const canManage = policies.manageExperts(user);
  const [search, setSearch] = useSearchParams();
  const filters = readExpertFilters(search);
  const pager = useCursorStack(JSON.stringify(filters));
  const experts = useExperts(expertListQuery(filters, pager.cursor));
  const update = useUpdateExpert();
  const [pending, setPending] = useState<string>();
  const [editing, setEditing] = useState<string>();
  const [draftQ, setDraftQ] = useState(filters.q);
  const [draftDiscipline, setDraftDiscipline] = useState(filters.discipline);
  useEffect(() => setDraftQ(filters.q), [filters.q]);
  useEffect(() => setDraftDiscipline(filters.discipline), [filters.discipline]);

  function showConflict() {
    modal.warning({
      title: t('admin.conflictTitle'),
      content: t('admin.conflictBody'),
      okText: t('common.reload'),
      onOk: () => queryClient.invalidateQueries({ queryKey: expertKeys.all }),
    });
  }

  function updateSearch(patch: Partial<Record<FilterParam, string | undefined>>) {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries(patch)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setSearch(next, { replace: true });
  }

  function toggleAvailable(expert: Expert, available: boolean) {
    setPending(expert.id);
    update.mutate(
      { id: expert.id, version: expert.version, patch: { available } },
      {
        onSuccess: () =>
          message.success(
            available
              ? t('expert.availableOn', { name: expert.name })
              : t('expert.availableOff', { name: expert.name }),
          ),
        onError: (error) => {
          if (isConflict(error)) showConflict();
          else message.error(problemMessage(error, i18n));
        },
        onSettled: () => setPending(undefined),
      },
    );
  }

  const columns: TableColumnsType<Expert> = [
    {
      title: t('expert.field.name'),
      dataIndex: 'name',
      width: 110,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('expert.field.pools'),
      key: 'pools',
      width: 200,
      render: (_, expert) => (
        <Flex gap={4} wrap>
          {expert.pools.map((pool) => (
            <Tag key={pool} color={POOL_COLORS[pool]} style={{ marginInlineEnd: 0 }} data-testid="expert-pool">
              {t(`expert.pool.${pool}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('expert.field.disciplines'),
      key: 'disciplines',
      render: (_, expert) => expert.disciplines.join('、'),
    },
    {
      title: t('expert.field.titleLevel'),
      key: 'titleLevel',
      width: 90,
      render: (_, expert) => t(`member.title.${expert.titleLevel}`),
    },
    {
      title: t('expert.field.employer'),
      key: 'employer',
      ellipsis: true,
      render: (_, expert) => expert.employer ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    {
      title: t('expert.field.societies'),
      key: 'societies',
      width: 180,
      render: (_, expert) => <SocietyNameTags ids={expert.societyIds} max={2} />,
    },
    {
      title: t('expert.field.phone'),
      key: 'phone',
      width: 130,
      render: (_, expert) => <span style={{ fontFamily: 'monospace' }}>{expert.phone ?? t('common.none')}</span>,
    },
    {
      title: t('expert.field.available'),
      key: 'available',
      width: 110,
      fixed: 'right',
      render: (_, expert) => (
        <Switch
          checked={expert.available}
          disabled={!canManage}
          loading={pending === expert.id}
          onChange={(checked) => toggleAvailable(expert, checked)}
          data-testid="expert-available"
        />
      ),
    },
    ...(canManage
      ? [
          {
            title: t('admin.field.actions'),
            key: 'actions',
            width: 90,
            fixed: 'right' as const,
            render: (_: unknown, expert: Expert) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(expert.id)}
                data-testid="expert-edit"
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const filtered = hasExpertFilters(search);

  return (
    <ListShell<Expert>
      filters={
        <>
          <Input.Search
            allowClear
            placeholder={t('expert.searchPlaceholder')}
            prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
            value={draftQ}
            onChange={(event) => setDraftQ(event.target.value)}
            onSearch={(value) => updateSearch({ q: value.trim() || undefined })}
            style={{ width: 280 }}
            enterButton={t('common.search')}
            maxLength={50}
          />
          <Input
            allowClear
            placeholder={t('expert.disciplineFilter')}
            value={draftDiscipline}
            onChange={(event) => {
              setDraftDiscipline(event.target.value);
              if (!event.target.value) updateSearch({ discipline: undefined });
            }}
            onPressEnter={() => updateSearch({ discipline: draftDiscipline.trim() || undefined })}
            onBlur={() => updateSearch({ discipline: draftDiscipline.trim() || undefined })}
            style={{ width: 160 }}
            maxLength={50}
          />
          <Select<ExpertPool>
            allowClear
            placeholder={t('expert.allPools')}
            value={filters.pool}
            onChange={(value) => updateSearch({ pool: value })}
            options={EXPERT_POOLS.map((value) => ({ value, label: t(`expert.pool.${value}`) }))}
            style={{ width: 140 }}
          />
          <Select<ExpertTitle>
            allowClear
            placeholder={t('expert.allTitles')}
            value={filters.titleLevel}
            onChange={(value) => updateSearch({ title: value })}
            options={EXPERT_TITLES.map((value) => ({ value, label: t(`member.title.${value}`) }))}
            style={{ width: 120 }}
          />
          <Select<Availability>
            allowClear
            placeholder={t('expert.allAvailability')}
            value={filters.available}
            onChange={(value) => updateSearch({ available: value })}
            options={[
              { value: 'yes', label: t('expert.availableYes') },
              { value: 'no', label: t('expert.availableNo') },
            ]}
            style={{ width: 130 }}
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => setSearch(new URLSearchParams(), { replace: true })}
            disabled={search.size === 0}
          >
            {t('common.reset')}
          </Button>
        </>
      }
      query={experts}
      pager={pager}
      limit={filters.limit}
      onLimitChange={(value) => updateSearch({ limit: value === DEFAULT_PAGE_SIZE ? undefined : String(value) })}
      table={{
        rowKey: 'id',
        columns,
        tableLayout: 'fixed',
        scroll: { x: canManage ? 1170 : 1080 },
        locale: {
          emptyText: <Empty description={filtered ? t('member.list.emptyFiltered') : t('expert.empty')} />,
        },
      }}
      testId="experts-table"
    >
      {creating && <ExpertFormDrawer onClose={onCreated} />}
      {editing && (
        <ExpertEditDrawer
          id={editing}
          onClose={() => setEditing(undefined)}
          onConflict={() => {
            setEditing(undefined);
            showConflict();
          }}
        />
      )}
    </ListShell>
  );
}
