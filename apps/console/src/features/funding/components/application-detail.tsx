import { EditOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { applicationLifecycle, checkApplicationDraft } from '@society-hub/domain';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Skeleton, Tabs, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type MessageKey, useI18n } from '@/app/i18n';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-error';
import { isApiError } from '@/lib/api-client';
import { policies } from '@/lib/authorization';
import { isConflict } from '@/lib/conflict';
import { fieldMessage, problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useApplication, useScreening, useTransitionApplication } from '../api/applications';
import { useProgram } from '../api/programs';
import type { ApplicationStatus, FundingApplication, FundingProgram } from '../api/types';
import { ApplicationContent } from './application-content';
import { ApplicationFormDrawer } from './application-form-drawer';
import { ApplicationHistory } from './application-history';
import { shanghaiToday } from './dates';
import { draftProblemMessage } from './explanations';
import { FinalReportPanel } from './final-report';
import { ApplicationStatusTag, useFundingLabels } from './labels';
import { ReviewsView } from './reviews-view';
import { ScreeningView } from './screening-view';

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

/** Where a society may still take its application back: any state before the decision. */
const WITHDRAWABLE: readonly ApplicationStatus[] = ['draft', 'submitted', 'screening', 'in_review', 'reviewed'].filter(
  (status): status is ApplicationStatus =>
    applicationLifecycle.isState(status) && applicationLifecycle.canTransition(status, 'withdrawn'),
);

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
  const today = shanghaiToday();
  const windowOpen =
    program !== undefined && program.status === 'open' && today >= program.opensOn && today <= program.closesOn;
  const funded = ['funded', 'reported', 'closed'].includes(application.status);

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
            {applicant && WITHDRAWABLE.includes(application.status) && (
              <Button
                danger
                icon={<RollbackOutlined />}
                onClick={() => setMove('withdrawn')}
                data-testid="application-withdraw"
              >
                {t('funding.application.withdraw')}
              </Button>
            )}
            {staff && application.status === 'reported' && (
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

const MOVE_TEXT: Record<
  'submitted' | 'withdrawn' | 'closed',
  { action: MessageKey; explain: MessageKey; reason: MessageKey }
> = {
  submitted: {
    action: 'funding.application.submit',
    explain: 'funding.application.submit.explain',
    reason: 'funding.application.submit.reason',
  },
  withdrawn: {
    action: 'funding.application.withdraw',
    explain: 'funding.application.withdraw.explain',
    reason: 'funding.application.withdraw.reason',
  },
  closed: {
    action: 'funding.application.close',
    explain: 'funding.application.close.explain',
    reason: 'funding.application.close.reason',
  },
};

function ApplicationMoveModal({
  application,
  program,
  to,
  onClose,
}: {
  application: FundingApplication;
  program?: FundingProgram;
  to: 'submitted' | 'withdrawn' | 'closed';
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = useFundingLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const transition = useTransitionApplication();
  const idempotencyKeyFor = useIdempotencyKey();
  const screening = useScreening(application.id);
  const text = MOVE_TEXT[to];
  const submitting = to === 'submitted';
  const draft = {
    categoryCode: application.categoryCode,
    requestedFen: application.requestedFen,
    selfFundedFen: application.selfFundedFen,
    budgetLines: application.budgetLines,
  };
  const problems = submitting && program ? checkApplicationDraft({ ...draft, categories: program.categories }) : [];
  const capFen = program?.categories.find((c) => c.code === application.categoryCode)?.capFen ?? null;
  const failedChecks = submitting ? (screening.data?.checks ?? []).filter((c) => !c.passed) : [];

  function errorText(error: unknown): string {
    if (isConflict(error)) return t('funding.application.stale');
    const issues = isApiError(error) ? (error.problem.errors ?? []) : [];
    if (issues.length > 0) return issues.map((issue) => fieldMessage(issue, i18n)).join('；');
    return problemMessage(error, i18n);
  }

  return (
    <Modal
      open
      title={t('funding.application.moveTitle', { action: t(text.action), title: application.title })}
      okText={t(text.action)}
      okButtonProps={{
        danger: to === 'withdrawn',
        loading: transition.isPending,
        disabled: problems.length > 0,
        'data-testid': 'application-move-confirm',
      }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      maskClosable={false}
      width={560}
    >
      <Alert type="info" showIcon title={t(text.explain)} style={{ marginBottom: 16 }} />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('funding.application.cannotSubmit')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p) => (
                <li key={p.path + p.code}>{draftProblemMessage(p, { ...draft, capFen }, i18n)}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
          data-testid="submit-blockers"
        />
      )}
      {problems.length === 0 && failedChecks.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('funding.application.screeningWarning', { n: failedChecks.length })}
          style={{ marginBottom: 16 }}
        />
      )}
      {transition.isError && (
        <Alert type="error" showIcon title={errorText(transition.error)} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={transition.isPending}
        initialValues={{ reason: t(text.reason) }}
        onFinish={({ reason }) => {
          const request = { to, reason: reason.trim() };
          transition.mutate(
            { id: application.id, request, idempotencyKey: idempotencyKeyFor(request) },
            {
              onSuccess: (updated) => {
                message.success(t('funding.application.moved', { status: labels.applicationStatus(updated.status) }));
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item
          name="reason"
          label={t('funding.move.reason')}
          rules={[{ required: true, whitespace: true, message: t('funding.move.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="application-move-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
