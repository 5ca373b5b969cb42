import { EditOutlined } from '@ant-design/icons';
import { type MemberStatus, membershipLifecycle } from '@society-hub/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Flex, Skeleton, Tabs, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card } from '@/components/card';
import { onDemand } from '@/components/on-demand';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-error';
import { useSociety } from '@/features/societies';
import { policies } from '@/lib/authorization';
import { formatDate, formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import { useMember } from '../api/get-member';
import { memberKeys } from '../api/keys';
import type { Member } from '../api/types';
import { MemberStatusTag, useMemberLabels } from './labels';
import { memberActionKey } from './member-actions';
import { MemberFormDrawer, MemberTransitionModal } from './on-demand';

// The tabs after the profile, fetched when first chosen: the profile opens without their tables and forms.
const DuesPanel = onDemand(() => import('./dues-panel').then((m) => m.DuesPanel));
const MembershipsPanel = onDemand(() => import('./memberships-panel').then((m) => m.MembershipsPanel));

const DANGER: readonly MemberStatus[] = ['rejected', 'withdrawn', 'suspended', 'lapsed'];

export function MemberDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const member = useMember(id);
  const breadcrumb = [{ title: t('nav.societies'), to: '/societies' }];

  if (member.isPending) {
    return (
      <>
        <PageHeader breadcrumb={breadcrumb} title={<Skeleton.Input active size="small" />} />
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </>
    );
  }
  if (member.isError) {
    return (
      <>
        <PageHeader breadcrumb={breadcrumb} title={t('nav.members')} />
        <Card>
          <QueryError
            error={member.error}
            onRetry={() => void member.refetch()}
            notFoundTitle={t('member.detail.notFound')}
          />
        </Card>
      </>
    );
  }
  return <MemberDetailView member={member.data} />;
}

function MemberDetailView({ member }: { member: Member }) {
  const { t } = useI18n();
  const labels = useMemberLabels();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const society = useSociety(member.societyId);
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab = requested === 'dues' || requested === 'memberships' ? requested : 'profile';
  const [target, setTarget] = useState<MemberStatus>();
  const [editing, setEditing] = useState(false);
  const [duesFormOpen, setDuesFormOpen] = useState(params.get('record') === '1');
  const canManage = policies.manageMembers(user, member.societyId);
  const individual = member.kind === 'individual';
  const societyName = society.data?.name ?? t('common.loading');
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const text = (value: string | null): ReactNode => value ?? none;

  function showConflict() {
    setEditing(false);
    modal.warning({
      title: t('admin.conflictTitle'),
      content: t('admin.conflictBody'),
      okText: t('common.reload'),
      onOk: () => queryClient.invalidateQueries({ queryKey: memberKeys.detail(member.id) }),
    });
  }

  function openDuesForm() {
    setParams({ tab: 'dues' }, { replace: true });
    setDuesFormOpen(true);
  }

  const items = [
    { key: 'name', label: individual ? t('member.field.name') : t('member.field.orgName'), children: member.name },
    { key: 'kind', label: t('member.field.kind'), children: labels.kind(member.kind) },
    ...(individual
      ? [
          { key: 'gender', label: t('member.field.gender'), children: labels.gender(member.gender) },
          { key: 'birthDate', label: t('member.field.birthDate'), children: formatDate(member.birthDate) },
          {
            key: 'idNumber',
            label: t('member.field.idNumber'),
            children: <span style={{ fontFamily: 'monospace' }}>{member.idNumberMasked ?? t('common.none')}</span>,
          },
          { key: 'titleLevel', label: t('member.field.titleLevel'), children: labels.title(member.titleLevel) },
          { key: 'employer', label: t('member.field.employer'), children: text(member.employer) },
          { key: 'degree', label: t('member.field.degree'), children: text(member.degree) },
        ]
      : [
          {
            key: 'orgCreditCode',
            label: t('member.field.orgCreditCode'),
            children: <span style={{ fontFamily: 'monospace' }}>{member.orgCreditCode ?? t('common.none')}</span>,
          },
          { key: 'contactPerson', label: t('member.field.contactPerson'), children: text(member.contactPerson) },
        ]),
    { key: 'phone', label: t('member.field.phone'), children: text(member.phone) },
    { key: 'email', label: t('member.field.email'), children: text(member.email) },
    { key: 'discipline', label: t('member.field.discipline'), children: text(member.discipline) },
    { key: 'category', label: t('member.field.category'), children: labels.category(member.category) },
    { key: 'status', label: t('member.field.status'), children: <MemberStatusTag status={member.status} /> },
    { key: 'joinedOn', label: t('member.field.joinedOn'), children: formatDate(member.joinedOn) },
    { key: 'externalRef', label: t('member.field.externalRef'), children: text(member.externalRef) },
    { key: 'society', label: t('member.field.society'), children: societyName },
    { key: 'createdAt', label: t('member.field.createdAt'), children: formatDateTime(member.createdAt) },
    { key: 'updatedAt', label: t('member.field.updatedAt'), children: formatDateTime(member.updatedAt) },
  ];

  return (
    <>
      <PageHeader
        breadcrumb={[
          { title: t('nav.societies'), to: '/societies' },
          { title: societyName, to: `/societies/${member.societyId}?tab=members` },
          { title: member.name },
        ]}
        title={member.name}
        tags={
          <Flex gap={8} align="center">
            <MemberStatusTag status={member.status} />
            <Typography.Text type="secondary">
              {labels.kind(member.kind)} · {labels.category(member.category)}
            </Typography.Text>
          </Flex>
        }
        extra={
          canManage && (
            <>
              {membershipLifecycle.allowedFrom(member.status).map((to) => (
                <Button
                  key={to}
                  type={to === 'active' ? 'primary' : 'default'}
                  danger={DANGER.includes(to)}
                  onClick={() => setTarget(to)}
                  data-testid={`member-transition-${to}`}
                >
                  {t(memberActionKey(member.status, to))}
                </Button>
              ))}
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="member-edit">
                {t('common.edit')}
              </Button>
            </>
          )
        }
      />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(key) => setParams(key === 'profile' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'profile',
              label: t('member.detail.tab.profile'),
              children: (
                <Descriptions
                  bordered
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  items={items}
                  styles={{ label: { width: 140 } }}
                  data-testid="member-descriptions"
                />
              ),
            },
            {
              key: 'dues',
              label: t('member.detail.tab.dues'),
              children: (
                <DuesPanel
                  memberId={member.id}
                  canRecord={canManage}
                  formOpen={duesFormOpen}
                  onFormOpenChange={setDuesFormOpen}
                />
              ),
            },
            ...(individual
              ? [
                  {
                    key: 'memberships',
                    label: t('member.detail.tab.memberships'),
                    children: <MembershipsPanel memberId={member.id} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {target && (
        <MemberTransitionModal
          member={member}
          to={target}
          onClose={() => setTarget(undefined)}
          onRecordDues={openDuesForm}
        />
      )}
      {editing && (
        <MemberFormDrawer
          key={`${member.id}:${member.version}`}
          societyId={member.societyId}
          member={member}
          onClose={() => setEditing(false)}
          onConflict={showConflict}
        />
      )}
    </>
  );
}
