import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Space, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DEFAULT_PAGE_SIZE, pageSizeOf, useCursorStack } from '@/components/cursor-pager';
import { ListShell } from '@/components/list-shell';
import { SocietyNameTags } from '@/features/societies';
import { EnabledBadge } from '@/features/users';
import { policies } from '@/lib/authorization';
import { isConflict } from '@/lib/conflict';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useClients } from '../api/get-clients';
import { clientKeys } from '../api/keys';
import { useRotateClientSecret } from '../api/rotate-client-secret';
import type { Client, ClientWithSecret } from '../api/types';
import { useUpdateClient } from '../api/update-client';
import { ScopeTags } from './labels';
import { ClientFormModal, SecretModal } from './on-demand';

export function ClientsList({ creating, onCreateClosed }: { creating: boolean; onCreateClosed: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useCurrentUser();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const canManage = policies.manageAdministration(user);
  const [search, setSearch] = useSearchParams();
  const limit = pageSizeOf(search.get('limit'));
  const pager = useCursorStack(String(limit));
  const clients = useClients({ limit, ...(pager.cursor ? { cursor: pager.cursor } : {}) });
  const update = useUpdateClient();
  const rotate = useRotateClientSecret();
  const [editing, setEditing] = useState<Client>();
  const [secret, setSecret] = useState<{ client: ClientWithSecret; rotated: boolean }>();

  function showConflict() {
    setEditing(undefined);
    modal.confirm({
      title: t('admin.conflictTitle'),
      content: t('admin.conflictBody'),
      okText: t('common.reload'),
      cancelText: t('common.cancel'),
      onOk: () => queryClient.invalidateQueries({ queryKey: clientKeys.lists() }),
    });
  }

  function toggle(client: Client) {
    const disabling = !client.disabled;
    modal.confirm({
      title: disabling
        ? t('client.disableTitle', { name: client.name })
        : t('client.enableTitle', { name: client.name }),
      content: disabling ? t('client.disableHint') : t('client.enableHint'),
      okText: disabling ? t('admin.disable') : t('admin.enable'),
      okButtonProps: { danger: disabling, 'data-testid': 'toggle-confirm' },
      cancelText: t('common.cancel'),
      onOk: () =>
        update
          .mutateAsync({ id: client.id, version: client.version, patch: { disabled: disabling } })
          .then(() => {
            message.success(
              disabling ? t('user.disabled', { name: client.name }) : t('user.enabled', { name: client.name }),
            );
          })
          .catch((error: unknown) => {
            if (isConflict(error)) showConflict();
            else message.error(problemMessage(error, i18n));
          }),
    });
  }

  function confirmRotate(client: Client) {
    modal.confirm({
      title: t('client.rotateTitle', { name: client.name }),
      content: t('client.rotateHint'),
      okText: t('client.rotate'),
      okButtonProps: { danger: true, 'data-testid': 'rotate-confirm' },
      cancelText: t('common.cancel'),
      onOk: () =>
        rotate
          .mutateAsync({ id: client.id })
          .then((rotated) => setSecret({ client: rotated, rotated: true }))
          .catch((error: unknown) => {
            message.error(problemMessage(error, i18n));
          }),
    });
  }

  const columns: TableColumnsType<Client> = [
    {
      title: t('client.field.name'),
      key: 'name',
      width: 220,
      render: (_, client) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis={{ tooltip: client.name }}>
            {client.name}
          </Typography.Text>
          <Typography.Text
            type="secondary"
            copyable={{ text: client.id, tooltips: [t('client.copyId'), t('client.secret.copied')] }}
            style={{ fontSize: 12, fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
          >
            {client.id.slice(0, 8)}…
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('client.field.scopes'),
      key: 'scopes',
      width: 220,
      render: (_, client) => <ScopeTags scopes={client.scopes} />,
    },
    {
      title: t('client.field.department'),
      dataIndex: 'department',
      width: 150,
      ellipsis: true,
      render: (_, client) =>
        client.department ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    {
      title: t('client.field.societies'),
      key: 'societies',
      render: (_, client) =>
        client.societyIds.length > 0 ? (
          <SocietyNameTags ids={client.societyIds} />
        ) : (
          <Typography.Text type="secondary">{t('client.allSocieties')}</Typography.Text>
        ),
    },
    {
      title: t('admin.field.status'),
      dataIndex: 'disabled',
      width: 90,
      render: (_, client) => <EnabledBadge disabled={client.disabled} />,
    },
    {
      title: t('client.field.secretRotatedAt'),
      dataIndex: 'secretRotatedAt',
      width: 150,
      render: (_, client) => formatDateTime(client.secretRotatedAt),
    },
    ...(canManage
      ? [
          {
            title: t('admin.field.actions'),
            key: 'actions',
            width: 200,
            render: (_: unknown, client: Client) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(client)}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => confirmRotate(client)} data-testid="client-rotate">
                  {t('client.rotate')}
                </Button>
                <Button type="link" size="small" danger={!client.disabled} onClick={() => toggle(client)}>
                  {client.disabled ? t('admin.enable') : t('admin.disable')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <ListShell<Client>
      query={clients}
      pager={pager}
      limit={limit}
      onLimitChange={(value) => {
        const next = new URLSearchParams(search);
        if (value === DEFAULT_PAGE_SIZE) next.delete('limit');
        else next.set('limit', String(value));
        setSearch(next, { replace: true });
      }}
      table={{
        rowKey: 'id',
        columns,
        tableLayout: 'fixed',
        scroll: { x: canManage ? 1240 : 1040 },
        locale: { emptyText: <Empty description={t('client.empty')} /> },
      }}
      testId="clients-table"
    >
      {creating && (
        <ClientFormModal
          onClose={onCreateClosed}
          onCreated={(created) => {
            onCreateClosed();
            setSecret({ client: created, rotated: false });
          }}
          onSaved={onCreateClosed}
          onConflict={showConflict}
        />
      )}
      {editing && (
        <ClientFormModal
          key={`${editing.id}:${editing.version}`}
          client={editing}
          onClose={() => setEditing(undefined)}
          onCreated={() => setEditing(undefined)}
          onSaved={() => {
            message.success(t('society.form.saved'));
            setEditing(undefined);
          }}
          onConflict={showConflict}
        />
      )}
      {secret && <SecretModal client={secret.client} rotated={secret.rotated} onClose={() => setSecret(undefined)} />}
    </ListShell>
  );
}
