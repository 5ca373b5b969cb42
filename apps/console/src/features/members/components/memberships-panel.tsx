import { Alert, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { importWizardMessages } from '@/components/import-wizard/messages';
import { QueryError } from '@/components/query-error';
import { formatDate } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { useMemberships } from '../api/get-memberships';
import type { Membership } from '../api/types';
import { membersMessages } from '../messages';
import { MemberStatusTag, useMemberLabels } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(labelsMessages, membersMessages, importWizardMessages);

/** The same person in other societies (SPEC §2: matched by ID number, else name + birth date + phone). */
export function MembershipsPanel({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const labels = useMemberLabels();
  const memberships = useMemberships(memberId);
  if (memberships.isError) {
    return <QueryError error={memberships.error} onRetry={() => void memberships.refetch()} />;
  }
  return (
    <>
      <Alert type="info" showIcon title={t('member.memberships.hint')} style={{ marginBottom: 12 }} />
      <Table<Membership>
        rowKey="memberId"
        size="small"
        loading={memberships.isPending}
        dataSource={memberships.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('member.memberships.empty') }}
        data-testid="memberships-table"
        columns={[
          {
            key: 'society',
            title: t('member.field.society'),
            render: (_, m) => <Link to={`/members/${m.memberId}`}>{m.societyName}</Link>,
          },
          {
            key: 'status',
            title: t('member.field.status'),
            render: (_, m) => <MemberStatusTag status={m.status} />,
          },
          { key: 'category', title: t('member.field.category'), render: (_, m) => labels.category(m.category) },
          { key: 'joinedOn', title: t('member.field.joinedOn'), render: (_, m) => formatDate(m.joinedOn) },
          {
            key: 'matchedBy',
            title: t('member.memberships.matchedBy'),
            render: (_, m) =>
              m.matchedBy === 'id_number' ? (
                <Tag color="blue">{t('member.memberships.byIdNumber')}</Tag>
              ) : (
                <Tag>{t('member.memberships.byDetails')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
