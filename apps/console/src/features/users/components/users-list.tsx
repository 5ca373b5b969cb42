import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { ROLES, type Role } from '@society-hub/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Input, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DEFAULT_PAGE_SIZE, pageSizeOf, useCursorStack } from '@/components/cursor-pager';
import { ListShell } from '@/components/list-shell';
import { SocietyNameTags } from '@/features/societies';
import { policies } from '@/lib/authorization';
import { isConflict } from '@/lib/conflict';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useUsers } from '../api/get-users';
import { userKeys } from '../api/keys';
import type { User, UserListQuery } from '../api/types';
import { useUpdateUser } from '../api/update-user';
import { EnabledBadge, RoleTag, useUserRuleMessage } from './labels';
import { ResetPasswordModal, UserFormModal } from './on-demand';

type StatusFilter = 'enabled' | 'disabled';

interface Filters {
  role: Role | undefined;
  status: StatusFilter | undefined;
  q: string;
  limit: number;
}

function readFilters(search: URLSearchParams): Filters {
  const status = search.get('status');
  return {
    role: ROLES.find((role) => role === search.get('role')),
    status: status === 'enabled' || status === 'disabled' ? status : undefined,
    q: search.get('q')?.trim() ?? '',
    limit: pageSizeOf(search.get('limit')),
  };
}

function toQuery(filters: Filters, cursor: string | undefined): UserListQuery {
  return {
    limit: filters.limit,
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.status ? { disabled: filters.status === 'disabled' } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

export function UsersList({ creating, onCreated }: { creating: boolean; onCreated: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const self = useCurrentUser();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const canManage = policies.manageAdministration(self);
  const [search, setSearch] = useSearchParams();
  const filters = readFilters(search);
  const pager = useCursorStack(JSON.stringify(filters));
  const users = useUsers(toQuery(filters, pager.cursor));
  const update = useUpdateUser();
  const ruleMessage = useUserRuleMessage();
  const [editing, setEditing] = useState<User>();
  const [resetting, setResetting] = useState<User>();

  const [draftQ, setDraftQ] = useState(filters.q);
  useEffect(() => setDraftQ(filters.q), [filters.q]);

  function updateSearch(patch: Partial<Record<'role' | 'status' | 'q' | 'limit', string | undefined>>) {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries(patch)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setSearch(next, { replace: true });
  }

  function showConflict() {
    setEditing(undefined);
    modal.confirm({
      title: t('admin.conflictTitle'),
      content: t('admin.conflictBody'),
      okText: t('common.reload'),
      cancelText: t('common.cancel'),
      onOk: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
    });
  }

  function toggle(user: User) {
    const disabling = !user.disabled;
    const name = user.displayName ?? user.username;
    modal.confirm({
      title: disabling ? t('user.disableTitle', { name }) : t('user.enableTitle', { name }),
      content: disabling ? t('user.disableHint') : t('user.enableHint'),
      okText: disabling ? t('admin.disable') : t('admin.enable'),
      okButtonProps: { danger: disabling, 'data-testid': 'toggle-confirm' },
      cancelText: t('common.cancel'),
      onOk: () =>
        update
          .mutateAsync({ id: user.id, version: user.version, patch: { disabled: disabling } })
          .then(() => {
            message.success(disabling ? t('user.disabled', { name }) : t('user.enabled', { name }));
          })
          .catch((error: unknown) => {
            if (isConflict(error)) showConflict();
            else message.error(ruleMessage(error, user.id, self.id) ?? problemMessage(error, i18n));
          }),
    });
  }

  const columns: TableColumnsType<User> = [
    {
      title: t('user.field.username'),
      key: 'username',
      width: 200,
      render: (_, user) => (
        <Flex align="center" gap={6} style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis={{ tooltip: user.username }}>
            {user.username}
          </Typography.Text>
          {user.id === self.id && (
            <Tag color="blue" bordered={false} style={{ marginInlineEnd: 0, flex: 'none' }}>
              {t('user.you')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      title: t('user.field.displayName'),
      dataIndex: 'displayName',
      width: 150,
      ellipsis: true,
      render: (_, user) => user.displayName ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    {
      title: t('user.field.role'),
      dataIndex: 'role',
      width: 120,
      render: (_, user) => <RoleTag role={user.role} />,
    },
    {
      title: t('user.field.societies'),
      key: 'societies',
      render: (_, user) =>
        user.role === 'society_officer' ? (
          <SocietyNameTags ids={user.societyIds} />
        ) : (
          <Typography.Text type="secondary">
            {user.role === 'reviewer' ? t('common.none') : t('user.allSocieties')}
          </Typography.Text>
        ),
    },
    {
      title: t('admin.field.status'),
      dataIndex: 'disabled',
      width: 90,
      render: (_, user) => <EnabledBadge disabled={user.disabled} />,
    },
    {
      title: t('society.field.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (_, user) => formatDateTime(user.updatedAt),
    },
    ...(canManage
      ? [
          {
            title: t('admin.field.actions'),
            key: 'actions',
            width: 200,
            render: (_: unknown, user: User) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(user)} data-testid="user-edit">
                  {t('common.edit')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  danger={!user.disabled}
                  onClick={() => toggle(user)}
                  data-testid="user-toggle"
                >
                  {user.disabled ? t('admin.enable') : t('admin.disable')}
                </Button>
                {/* One's own password is changed with the current one (the user menu), not reset. */}
                {user.id === self.id ? (
                  <Link to="/password" data-testid="user-change-own-password">
                    {t('layout.changePassword')}
                  </Link>
                ) : (
                  <Button type="link" size="small" onClick={() => setResetting(user)} data-testid="user-reset">
                    {t('user.resetPassword')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const filtered = search.has('role') || search.has('status') || search.has('q');

  return (
    <ListShell<User>
      filters={
        <>
          <Input.Search
            allowClear
            placeholder={t('user.searchPlaceholder')}
            prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
            value={draftQ}
            onChange={(event) => setDraftQ(event.target.value)}
            onSearch={(value) => updateSearch({ q: value.trim() || undefined })}
            style={{ width: 320 }}
            enterButton={t('common.search')}
            maxLength={50}
            data-testid="user-search"
          />
          <Select<Role>
            allowClear
            placeholder={t('user.allRoles')}
            value={filters.role}
            onChange={(value) => updateSearch({ role: value })}
            options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
            style={{ width: 140 }}
          />
          <Select<StatusFilter>
            allowClear
            placeholder={t('admin.allStatuses')}
            value={filters.status}
            onChange={(value) => updateSearch({ status: value })}
            options={[
              { value: 'enabled', label: t('admin.status.enabled') },
              { value: 'disabled', label: t('admin.status.disabled') },
            ]}
            style={{ width: 120 }}
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
      query={users}
      pager={pager}
      limit={filters.limit}
      onLimitChange={(value) => updateSearch({ limit: value === DEFAULT_PAGE_SIZE ? undefined : String(value) })}
      table={{
        rowKey: 'id',
        columns,
        tableLayout: 'fixed',
        scroll: { x: canManage ? 1180 : 980 },
        locale: {
          emptyText: <Empty description={filtered ? t('user.emptyFiltered') : t('user.empty')} />,
        },
      }}
      testId="users-table"
    >
      {creating && <UserFormModal onClose={onCreated} onConflict={showConflict} />}
      {editing && (
        <UserFormModal
          key={`${editing.id}:${editing.version}`}
          user={editing}
          onClose={() => setEditing(undefined)}
          onConflict={showConflict}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(undefined)} />}
    </ListShell>
  );
}
