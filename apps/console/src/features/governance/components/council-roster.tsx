import { DeleteOutlined, EditOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { type CouncilPosition, SUPERVISOR_POSITIONS } from '@society-hub/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '@/components/query-error';
import { policies } from '@/lib/authorization';
import { isConflict } from '@/lib/conflict';
import { formatDate } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useCouncilMembers } from '../api/get-council-members';
import { useTerms } from '../api/get-terms';
import { governanceKeys } from '../api/keys';
import { useRemoveCouncilMember } from '../api/remove-council-member';
import type { CouncilMember } from '../api/types';
import { governanceMessages } from '../messages';
import { usePositionLabel } from './labels';
import { CouncilMemberModal } from './on-demand';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(governanceMessages, labelsMessages);

const POSITION_ORDER: readonly CouncilPosition[] = [
  'chair',
  'vice_chair',
  'secretary_general',
  'standing_director',
  'director',
  'chief_supervisor',
  'supervisor',
];

export function CouncilRoster({ societyId }: { societyId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();
  const positionLabel = usePositionLabel();
  const terms = useTerms(societyId);
  const members = useCouncilMembers(societyId);
  const remove = useRemoveCouncilMember();
  const [editing, setEditing] = useState<CouncilMember | 'new'>();
  const canEdit = policies.manageGovernance(user, societyId);

  function onConflict() {
    modal.warning({
      title: t('admin.conflictTitle'),
      content: t('admin.conflictBody'),
      okText: t('common.reload'),
      onOk: () => queryClient.invalidateQueries({ queryKey: governanceKeys.members(societyId) }),
    });
  }

  function confirmRemove(member: CouncilMember) {
    modal.confirm({
      title: t('council.removeTitle', { name: member.personName }),
      content: t('council.removeHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(
          { societyId, memberId: member.id, version: member.version },
          {
            onSuccess: () => message.success(t('council.removed', { name: member.personName })),
            onError: (error) => (isConflict(error) ? onConflict() : message.error(problemMessage(error, i18n))),
          },
        ),
    });
  }

  if (terms.isPending || members.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (terms.isError) return <QueryError error={terms.error} onRetry={() => void terms.refetch()} />;
  if (members.isError) return <QueryError error={members.error} onRetry={() => void members.refetch()} />;

  const current = terms.data.items[0];
  if (!current) return <Alert type="info" showIcon title={t('council.noTerm')} data-testid="council-no-term" />;

  const roster = [...members.data.items].sort(
    (a, b) => POSITION_ORDER.indexOf(a.position) - POSITION_ORDER.indexOf(b.position),
  );
  const council = roster.filter((m) => !SUPERVISOR_POSITIONS.includes(m.position));
  const summary = t('council.summary', {
    council: council.length,
    standing: council.filter((m) => m.standing).length,
    supervisors: roster.length - council.length,
  });

  const yes = (value: boolean) =>
    value ? (
      <Tag color="blue">{t('common.yes')}</Tag>
    ) : (
      <Typography.Text type="secondary">{t('common.no')}</Typography.Text>
    );

  const columns: TableColumnsType<CouncilMember> = [
    { title: t('council.field.personName'), dataIndex: 'personName', width: 120 },
    {
      title: t('council.field.position'),
      dataIndex: 'position',
      width: 110,
      render: (position: CouncilPosition) => positionLabel(position),
    },
    { title: t('council.field.standing'), dataIndex: 'standing', width: 100, render: yes },
    { title: t('council.field.frontline'), dataIndex: 'frontline', width: 120, render: yes },
    {
      title: t('council.field.birthYear'),
      dataIndex: 'birthYear',
      width: 90,
      render: (year: number | null) => year ?? t('common.none'),
    },
    {
      title: t('council.field.employer'),
      dataIndex: 'employer',
      ellipsis: true,
      render: (employer: string | null) => employer ?? t('common.none'),
    },
    {
      title: t('council.field.official'),
      key: 'official',
      width: 200,
      render: (_, member) =>
        !member.official ? (
          <Typography.Text type="secondary">{t('common.no')}</Typography.Text>
        ) : member.approvalRef ? (
          <Typography.Text>{member.approvalRef}</Typography.Text>
        ) : (
          <Tag color="warning" icon={<WarningOutlined />} data-testid="approval-missing">
            {t('council.approvalMissing')}
          </Tag>
        ),
    },
    ...(canEdit
      ? [
          {
            title: t('admin.field.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, member: CouncilMember) => (
              <Flex gap={4}>
                <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(member)}>
                  {t('common.edit')}
                </Button>
                <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => confirmRemove(member)}>
                  {t('common.delete')}
                </Button>
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12} data-testid="council-roster">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex vertical>
          <Typography.Text strong>
            {t('council.title', {
              n: current.sequence,
              start: formatDate(current.startOn),
              end: formatDate(current.endOn),
            })}
          </Typography.Text>
          <Typography.Text type="secondary">{summary}</Typography.Text>
        </Flex>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="member-add">
            {t('council.add')}
          </Button>
        )}
      </Flex>
      <Table<CouncilMember>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={roster}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('council.empty')} /> }}
      />
      {editing && (
        <CouncilMemberModal
          societyId={societyId}
          member={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onConflict={() => {
            setEditing(undefined);
            onConflict();
          }}
        />
      )}
    </Flex>
  );
}
