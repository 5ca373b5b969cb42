import { EditOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { applicationLifecycle, localToday } from '@society-hub/domain';
import { Button, Flex, Skeleton, Tabs, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card } from '@/components/card';
import { onDemand } from '@/components/on-demand';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-error';
import { policies } from '@/lib/authorization';
import { useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import { useApplication } from '../api/applications';
import { useProgram } from '../api/programs';
import type { ApplicationStatus, FundingApplication, FundingProgram } from '../api/types';
import { ApplicationContent } from './application-content';
import { ApplicationStatusTag, useFundingLabels } from './labels';
import { ApplicationFormDrawer, ApplicationMoveModal } from './on-demand';

// The tabs after the content, fetched when first chosen: the application opens without their tables and forms.
const ApplicationHistory = onDemand(() => import('./application-history').then((m) => m.ApplicationHistory));
const FinalReportPanel = onDemand(() => import('./final-report').then((m) => m.FinalReportPanel));
const ReviewsView = onDemand(() => import('./reviews-view').then((m) => m.ReviewsView));
const ScreeningView = onDemand(() => import('./screening-view').then((m) => m.ScreeningView));

export function ApplicationDetail({ programId, applicationId }: { programId: string; applicationId: string }) {
  const { t } = useI18n();
  const application = useApplication(applicationId);
  const program = useProgram(programId);
  const breadcrumb = [{ title: t('nav.funding'), to: '/funding' }];
  if (application.isPending) {
    return (
      <>
        <PageHeader breadcrumb={breadcrumb} title={<Skeleton.Input active size="small" />} />
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </>
    );
  }
  if (application.isError) {
    return (
      <>
        <PageHeader breadcrumb={breadcrumb} title={t('funding.application.title')} />
        <Card>
          <QueryError
            error={application.error}
            onRetry={() => void application.refetch()}
            notFoundTitle={t('funding.application.notFound')}
          />
        </Card>
      </>
    );
  }
  return <ApplicationDetailView application={application.data} program={program.data} />;
}

function ApplicationDetailView({
  application,
  program,
}: {
  application: FundingApplication;
  program?: FundingProgram;
}) {
  const { t } = useI18n();
  const labels = useFundingLabels();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'content';
  const [editing, setEditing] = useState(false);
  const [move, setMove] = useState<'submitted' | 'withdrawn' | 'closed'>();
  const applicant = policies.applyForFunding(user, application.societyId);
  const staff = policies.manageFunding(user);
  const today = localToday();
  const windowOpen =
    program !== undefined && program.status === 'open' && today >= program.opensOn && today <= program.closesOn;
  const funded = ['funded', 'reported', 'closed'].includes(application.status);
  // What the lifecycle lets each side ask for now (packages/domain): the buttons follow it.
  const societyMoves = applicant ? applicationLifecycle.movesFor(application.status, 'society') : [];
  const staffMoves = staff ? applicationLifecycle.movesFor(application.status, 'association') : [];

  const submitButton = (
    <Button
      type="primary"
      icon={<SendOutlined />}
      disabled={!windowOpen}
      onClick={() => setMove('submitted')}
      data-testid="application-submit"
    >
      {t('funding.application.submit')}
    </Button>
  );

  return (
    <>
      <PageHeader
        breadcrumb={[
          { title: t('nav.funding'), to: '/funding' },
          { title: program?.name ?? t('funding.program.title'), to: `/funding/${application.programId}` },
          { title: application.title },
        ]}
        title={application.title}
        tags={
          <Flex gap={8} align="center" wrap>
            <ApplicationStatusTag status={application.status} />
            <Typography.Text type="secondary">
              {application.societyName} · {labels.category(program, application.categoryCode)}
            </Typography.Text>
          </Flex>
        }
        extra={
          <>
            {applicant && application.status === 'draft' && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="application-edit">
                {t('common.edit')}
              </Button>
            )}
            {applicant &&
              application.status === 'draft' &&
              (windowOpen ? (
                submitButton
              ) : (
                <Tooltip
                  title={t('funding.application.windowClosed', {
                    from: program?.opensOn ?? '',
                    to: program?.closesOn ?? '',
                  })}
                >
                  {submitButton}
                </Tooltip>
              ))}
            {societyMoves.includes('withdrawn') && (
              <Button
                danger
                icon={<RollbackOutlined />}
                onClick={() => setMove('withdrawn')}
                data-testid="application-withdraw"
              >
                {t('funding.application.withdraw')}
              </Button>
            )}
            {staffMoves.includes('closed') && (
              <Button type="primary" onClick={() => setMove('closed')} data-testid="application-close">
                {t('funding.application.close')}
              </Button>
            )}
          </>
        }
      />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(key) => setParams(key === 'content' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'content',
              label: t('funding.application.tab.content'),
              children: <ApplicationContent application={application} program={program} />,
            },
            {
              key: 'screening',
              label: t('funding.application.tab.screening'),
              children: <ScreeningView application={application} program={program} />,
            },
            {
              key: 'reviews',
              label: t('funding.application.tab.reviews'),
              children: <ReviewsView application={application} program={program} />,
            },
            ...(funded
              ? [
                  {
                    key: 'report',
                    label: t('funding.application.tab.report'),
                    children: (
                      <FinalReportPanel application={application} canFile={applicant || policies.manageFunding(user)} />
                    ),
                  },
                ]
              : []),
            {
              key: 'history',
              label: t('funding.application.tab.history'),
              children: <ApplicationHistory applicationId={application.id} />,
            },
          ]}
        />
      </Card>
      {editing && program && (
        <ApplicationFormDrawer
          program={program}
          societies={[{ id: application.societyId, name: application.societyName }]}
          application={application}
          onClose={() => setEditing(false)}
        />
      )}
      {move && (
        <ApplicationMoveModal
          application={application}
          program={program}
          to={move}
          onClose={() => setMove(undefined)}
        />
      )}
    </>
  );
}
