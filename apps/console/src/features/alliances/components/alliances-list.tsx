import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Card } from '@/components/card';
import { pagerMessages } from '@/components/pager-messages';
import { QueryError } from '@/components/query-error';
import { SocietyNameTags, useSocietyNames } from '@/features/societies';
import { policies } from '@/lib/authorization';
import { isConflict } from '@/lib/conflict';
import { registerMessages, useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useDeleteAlliance } from '../api/delete-alliance';
import { useAlliances } from '../api/get-alliances';
import { allianceKeys } from '../api/keys';
import type { Alliance } from '../api/types';
import { AllianceFormModal } from './on-demand';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(pagerMessages);

function LeadName({ id }: { id: string }) {
  return <SocietyNameTags ids={[id]} max={1} />;
}

export function AlliancesList({ creating, onCreated }: { creating: boolean; onCreated: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();
  const [cursor, setCursor] = useState<string>();
  const alliances = useAlliances(cursor);
  const remove = useDeleteAlliance();
  const [editing, setEditing] = useState<Alliance>();
  const canManage = policies.manageAlliances(user);
  // Warm the name cache for every society shown, so the tags render together.
  useSocietyNames((alliances.data?.items ?? []).flatMap((a) => a.memberSocietyIds));

  function onConflict() {
    modal.warning({
      title: t('admin.conflictTitle'),
      content: t('admin.conflictBody'),
      okText: t('common.reload'),
      onOk: () => queryClient.invalidateQueries({ queryKey: allianceKeys.lists() }),
    });
  }

  function confirmDelete(alliance: Alliance) {
    modal.confirm({
      title: t('alliance.deleteTitle', { name: alliance.name }),
      content: t('alliance.deleteHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(
          { id: alliance.id, version: alliance.version },
          {
            onSuccess: () => message.success(t('alliance.deleted', { name: alliance.name })),
            onError: (error) => (isConflict(error) ? onConflict() : message.error(problemMessage(error, i18n))),
          },
        ),
    });
  }

  const columns: TableColumnsType<Alliance> = [
    {
      title: t('alliance.field.name'),
      dataIndex: 'name',
      width: 220,
      render: (name: string, alliance) => (
        <Flex vertical>
          <Typography.Text strong>{name}</Typography.Text>
          {alliance.description && (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260 }}>
              {alliance.description}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('alliance.field.lead'),
      dataIndex: 'leadSocietyId',
      width: 200,
      render: (id: string) => <LeadName id={id} />,
    },
    {
      title: t('alliance.field.memberCount'),
      key: 'count',
      width: 90,
      render: (_, alliance) => alliance.memberSocietyIds.length,
    },
    {
      title: t('alliance.field.members'),
      key: 'members',
      render: (_, alliance) => <SocietyNameTags ids={alliance.memberSocietyIds} max={6} />,
    },
    ...(canManage
      ? [
          {
            title: t('admin.field.actions'),
            key: 'actions',
            width: 160,
            render: (_: unknown, alliance: Alliance) => (
              <Flex gap={4}>
                <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(alliance)}>
                  {t('common.edit')}
                </Button>
                <Button
                  size="small"
                  type="link"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => confirmDelete(alliance)}
                >
                  {t('common.delete')}
                </Button>
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card styles={{ body: { padding: 0 } }}>
      {alliances.isError ? (
        <QueryError error={alliances.error} onRetry={() => void alliances.refetch()} />
      ) : (
        <>
          <Table<Alliance>
            rowKey="id"
            columns={columns}
            dataSource={alliances.data?.items}
            loading={alliances.isFetching}
            pagination={false}
            data-testid="alliances-list"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alliance.empty')} /> }}
          />
          {(cursor || alliances.data?.nextCursor) && (
            <Flex justify="flex-end" gap={8} style={{ padding: 12 }}>
              <Button disabled={!cursor} onClick={() => setCursor(undefined)}>
                {t('common.firstPage')}
              </Button>
              <Button
                disabled={!alliances.data?.nextCursor}
                onClick={() => setCursor(alliances.data?.nextCursor ?? undefined)}
              >
                {t('common.nextPage')}
              </Button>
            </Flex>
          )}
        </>
      )}
      {(creating || editing) && (
        <AllianceFormModal
          alliance={editing}
          onClose={() => {
            setEditing(undefined);
            onCreated();
          }}
          onConflict={() => {
            setEditing(undefined);
            onConflict();
          }}
        />
      )}
    </Card>
  );
}
