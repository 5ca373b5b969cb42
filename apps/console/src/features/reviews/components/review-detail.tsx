import { ArrowLeftOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Row, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { QueryError, Result } from '@/components/query-error';
import { useI18n } from '@/lib/i18n';
import { useApplication } from '../api/get-application';
import { useMyReviews } from '../api/get-my-reviews';
import { useProgram } from '../api/get-programs';
import { ApplicationView } from './application-view';
import { AssignmentStatusTag, ProgramStatusTag } from './labels';
import { DeclineModal, OtherReviews } from './on-demand';
import { ScoreForm } from './score-form';

/** One assigned application: the society's submission on the left, the reviewer's scoring on the right. */
export function ReviewDetail({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queue = useMyReviews();
  const application = useApplication(applicationId);
  const program = useProgram(application.data?.programId);
  const [declining, setDeclining] = useState(false);
  const item = queue.data?.items.find((candidate) => candidate.applicationId === applicationId);

  const breadcrumb = [{ title: t('nav.reviews'), to: '/reviews' }];
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/reviews')}>
      {t('review.detail.back')}
    </Button>
  );

  if (application.isError || queue.isError) {
    return (
      <>
        <PageHeader breadcrumb={breadcrumb} title={t('review.detail.title')} extra={back} />
        <Card>
          <QueryError
            error={application.error ?? queue.error}
            notFoundTitle={t('review.detail.notFound')}
            onRetry={() => void Promise.all([application.refetch(), queue.refetch()])}
          />
        </Card>
      </>
    );
  }
  if (!application.data || !queue.data) {
    return (
      <>
        <PageHeader breadcrumb={breadcrumb} title={t('review.detail.title')} />
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </>
    );
  }
  if (!item) {
    return (
      <>
        <PageHeader breadcrumb={breadcrumb} title={application.data.title} extra={back} />
        <Card>
          <Result status="404" title={t('review.detail.notFound')} subTitle={t('review.detail.notFoundHint')} />
        </Card>
      </>
    );
  }

  const reviewOpen = item.programStatus === 'reviewing';
  const canDecline = reviewOpen && item.status === 'assigned';

  return (
    <>
      <PageHeader
        breadcrumb={[...breadcrumb, { title: item.programName }, { title: item.title }]}
        title={item.title}
        tags={
          <Flex gap={6} align="center">
            <AssignmentStatusTag status={item.status} />
            <Tag style={{ marginInlineEnd: 0 }}>{item.programName}</Tag>
            <ProgramStatusTag status={item.programStatus} />
          </Flex>
        }
        extra={
          <>
            {back}
            {canDecline && (
              <Button danger icon={<StopOutlined />} onClick={() => setDeclining(true)} data-testid="decline-open">
                {t('review.decline.button')}
              </Button>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <ApplicationView application={application.data} program={program.data} />
            <OtherReviews application={application.data} rubric={item.rubric} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          {/* Beside a long application the form stays in view; a form taller than the window scrolls inside. */}
          <div style={{ position: 'sticky', top: 16, maxHeight: 'calc(100vh - 32px)', overflowY: 'auto' }}>
            <ScoreForm key={item.assignmentId} applicationId={applicationId} item={item} reviewOpen={reviewOpen} />
          </div>
        </Col>
      </Row>
      {declining && (
        <DeclineModal applicationId={applicationId} title={item.title} onClose={() => setDeclining(false)} />
      )}
    </>
  );
}
