import { EditOutlined, FormOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card } from '@/components/card';
import { onDemand } from '@/components/on-demand';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-error';
import { policies } from '@/lib/authorization';
import { useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import { useProgram } from '../api/programs';
import type { FundingProgram } from '../api/types';
import { acceptsApplications, useOwnSocieties } from './applying';
import { ProgramStatusTag } from './labels';
import { ApplicationFormDrawer, ProgramFormDrawer } from './on-demand';
import { ProgramActions } from './program-actions';
import { ProgramOverview } from './program-overview';

// The tabs after the overview, fetched when first chosen: the overview opens without their tables and forms.
const ApplicationsTab = onDemand(() => import('./applications-tab').then((m) => m.ApplicationsTab));
const AssignmentBoardTab = onDemand(() => import('./assignment-board').then((m) => m.AssignmentBoardTab));
const FinalReportsTab = onDemand(() => import('./final-reports-tab').then((m) => m.FinalReportsTab));
const NoticeTab = onDemand(() => import('./notice-tab').then((m) => m.NoticeTab));
const RankingTab = onDemand(() => import('./ranking-tab').then((m) => m.RankingTab));

export function ProgramDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const program = useProgram(id);
  const breadcrumb = [{ title: t('nav.funding'), to: '/funding' }];
  if (program.isPending) {
    return (
      <>
        <PageHeader breadcrumb={breadcrumb} title={<Skeleton.Input active size="small" />} />
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </>
    );
  }
  if (program.isError) {
    return (
      <>
        <PageHeader breadcrumb={breadcrumb} title={t('funding.program.title')} />
        <Card>
          <QueryError
            error={program.error}
            onRetry={() => void program.refetch()}
            notFoundTitle={t('funding.program.notFound')}
          />
        </Card>
      </>
    );
  }
  return <ProgramDetailView program={program.data} />;
}

function ProgramDetailView({ program }: { program: FundingProgram }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'overview';
  const [editing, setEditing] = useState(false);
  const [applying, setApplying] = useState(false);
  const societies = useOwnSocieties();
  const staff = policies.viewFundingReview(user);
  const manager = policies.manageFunding(user);
  const applicant = user.role === 'society_officer' && societies.length > 0;
  const canApply = applicant && acceptsApplications(program);

  const applyButton = canApply ? (
    <Button type="primary" icon={<FormOutlined />} onClick={() => setApplying(true)} data-testid="apply">
      {t('funding.application.apply')}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.funding'), to: '/funding' }, { title: program.name }]}
        title={program.name}
        tags={
          <Flex gap={8} align="center">
            <ProgramStatusTag status={program.status} />
            <Typography.Text type="secondary">
              {/* Under notice and after, the dates that matter are the notice's, not the long-past call's. */}
              {program.noticeStartsOn && program.noticeEndsOn
                ? t('funding.program.noticeLine', { from: program.noticeStartsOn, to: program.noticeEndsOn })
                : t('funding.program.windowLine', { from: program.opensOn, to: program.closesOn })}
            </Typography.Text>
          </Flex>
        }
        extra={
          <>
            {manager && <ProgramActions program={program} />}
            {manager && (program.status === 'draft' || program.status === 'open') && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="program-edit">
                {t('common.edit')}
              </Button>
            )}
            {applyButton}
          </>
        }
      />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'overview',
              label: t('funding.program.tab.overview'),
              children: <ProgramOverview program={program} />,
            },
            {
              key: 'applications',
              label: staff ? t('funding.program.tab.applications') : t('funding.program.tab.mine'),
              children: <ApplicationsTab program={program} />,
            },
            ...(staff
              ? [
                  {
                    key: 'assignments',
                    label: t('funding.program.tab.assignments'),
                    children: <AssignmentBoardTab program={program} />,
                  },
                  {
                    key: 'ranking',
                    label: t('funding.program.tab.ranking'),
                    children: <RankingTab program={program} />,
                  },
                  { key: 'notice', label: t('funding.program.tab.notice'), children: <NoticeTab program={program} /> },
                  {
                    key: 'reports',
                    label: t('funding.program.tab.reports'),
                    children: <FinalReportsTab program={program} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && <ProgramFormDrawer program={program} onClose={() => setEditing(false)} />}
      {applying && <ApplicationFormDrawer program={program} societies={societies} onClose={() => setApplying(false)} />}
    </>
  );
}
