import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Flex, Skeleton, Tabs, Typography } from 'antd';
import type { ComponentType } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Card } from '@/components/card';
import { onDemand } from '@/components/on-demand';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-error';
import { isApiError } from '@/lib/api-client';
import { policies } from '@/lib/authorization';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useDeleteSociety } from '../api/delete-society';
import { useSociety } from '../api/get-society';
import type { Society } from '../api/types';
import { SocietyStatusTag, useSocietyLabels } from './labels';
import { SocietyProfileView } from './society-profile';
import { TransitionActions } from './transition-actions';

const TransitionHistory = onDemand(() => import('./transition-history').then((m) => m.TransitionHistory));

/**
 * The tabs of a society's page that other features draw (governance, members). The route passes them in:
 * a feature does not reach into another's parts, app/ composes them.
 */
export interface SocietyPanels {
  GovernanceChecklist: ComponentType<{ society: Society }>;
  MembersTab: ComponentType<{ societyId: string }>;
  CouncilRoster: ComponentType<{ societyId: string }>;
  TermsList: ComponentType<{ societyId: string }>;
  AnnualReports: ComponentType<{ societyId: string }>;
  CapacityView: ComponentType<{ societyId: string }>;
}

export function SocietyDetail({ id, panels }: { id: string; panels: SocietyPanels }) {
  const { t } = useI18n();
  const society = useSociety(id);
  const breadcrumb = [{ title: t('nav.societies'), to: '/societies' }];

  if (society.isPending) {
    return (
      <>
        <PageHeader breadcrumb={breadcrumb} title={<Skeleton.Input active size="small" />} />
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </>
    );
  }
  if (society.isError) {
    return (
      <>
        <PageHeader breadcrumb={breadcrumb} title={t('society.list.title')} />
        <Card>
          <QueryError
            error={society.error}
            onRetry={() => void society.refetch()}
            notFoundTitle={t('society.detail.notFound')}
          />
        </Card>
      </>
    );
  }
  return <SocietyDetailView society={society.data} panels={panels} />;
}

function SocietyDetailView({ society, panels }: { society: Society; panels: SocietyPanels }) {
  const { GovernanceChecklist, MembersTab, CouncilRoster, TermsList, AnnualReports, CapacityView } = panels;
  const i18n = useI18n();
  const { t } = i18n;
  const labels = useSocietyLabels();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const remove = useDeleteSociety();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'profile';

  const canEdit = policies.editSociety(user, society.id);
  const canDelete = policies.deleteSociety(user) && society.status === 'preparing';

  function confirmDelete() {
    modal.confirm({
      title: t('society.detail.deleteConfirm', { name: society.name }),
      content: t('society.detail.deleteHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(
          { id: society.id, version: society.version },
          {
            onSuccess: () => {
              message.success(t('society.detail.deleted'));
              navigate('/societies', { replace: true });
            },
            onError: (error) => {
              message.error(
                isApiError(error) && error.status === 412
                  ? t('society.form.conflictTitle')
                  : problemMessage(error, i18n),
              );
            },
          },
        ),
    });
  }

  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.societies'), to: '/societies' }, { title: society.name }]}
        title={society.name}
        tags={
          <Flex gap={8} align="center">
            <SocietyStatusTag status={society.status} />
            <Typography.Text type="secondary">
              {labels.type(society.type)} · {labels.discipline(society.discipline)}
            </Typography.Text>
          </Flex>
        }
        subTitle={society.nameEn}
        extra={
          <>
            {policies.transitionSociety(user) && <TransitionActions society={society} />}
            {canEdit && (
              <Button
                icon={<EditOutlined />}
                onClick={() => navigate(`/societies/${society.id}/edit`)}
                data-testid="society-edit"
              >
                {t('common.edit')}
              </Button>
            )}
            {canDelete && (
              <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
                {t('common.delete')}
              </Button>
            )}
          </>
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
              label: t('society.detail.tab.profile'),
              children: <SocietyProfileView society={society} />,
            },
            {
              key: 'history',
              label: t('society.detail.tab.history'),
              children: <TransitionHistory societyId={society.id} />,
            },
            {
              key: 'governance',
              label: t('society.detail.tab.governance'),
              children: <GovernanceChecklist society={society} />,
            },
            ...(policies.viewMembers(user)
              ? [
                  {
                    key: 'members',
                    label: t('society.detail.tab.members'),
                    children: <MembersTab societyId={society.id} />,
                  },
                ]
              : []),
            {
              key: 'council',
              label: t('society.detail.tab.council'),
              children: <CouncilRoster societyId={society.id} />,
            },
            {
              key: 'terms',
              label: t('society.detail.tab.terms'),
              children: <TermsList societyId={society.id} />,
            },
            ...(policies.viewAnnualReports(user)
              ? [
                  {
                    key: 'reports',
                    label: t('society.detail.tab.reports'),
                    children: <AnnualReports societyId={society.id} />,
                  },
                ]
              : []),
            {
              key: 'capacity',
              label: t('society.detail.tab.capacity'),
              children: <CapacityView societyId={society.id} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
