import { EditOutlined } from '@ant-design/icons';
import { Button, Col, Descriptions, Flex, Row, Skeleton, Statistic, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card } from '@/components/card';
import { onDemand } from '@/components/on-demand';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-error';
import { policies } from '@/lib/authorization';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import { usePilot, usePilotTransitions } from '../api/pilots';
import type { Pilot } from '../api/types';
import { PilotStatusTag, usePilotLabels, yuan } from './labels';
import { PilotFormDrawer } from './on-demand';
import { PilotActions } from './pilot-actions';

// The tabs after the overview, fetched when first chosen: the overview opens without their tables and forms.
const EligibilityChecklist = onDemand(() => import('./eligibility-checklist').then((m) => m.EligibilityChecklist));
const EvaluationTab = onDemand(() => import('./evaluation-tab').then((m) => m.EvaluationTab));
const MilestonesTab = onDemand(() => import('./milestones-tab').then((m) => m.MilestonesTab));

function Overview({ pilot }: { pilot: Pilot }) {
  const { t } = useI18n();
  const labels = usePilotLabels();
  const p = pilot.performance;
  return (
    <Flex vertical gap={16}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={t('pilot.performance.onTime')}
              value={p.onTimeRate === null ? t('pilot.performance.none') : `${Math.round(p.onTimeRate * 1000) / 10}%`}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('pilot.performance.onTimeDetail', { onTime: p.onTime, due: p.milestonesDue })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={t('pilot.performance.satisfaction')}
              value={p.satisfaction ?? t('pilot.performance.none')}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" data-testid="pilot-rating">
            <Statistic
              title={t('pilot.performance.rating')}
              value={
                p.rating
                  ? `${t(`pilot.rating.${p.rating}`)}${p.score === null ? '' : ` · ${p.score}`}`
                  : t('pilot.performance.none')
              }
            />
          </Card>
        </Col>
      </Row>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('pilot.field.society')}>{pilot.societyName}</Descriptions.Item>
        <Descriptions.Item label={t('pilot.field.function')}>{pilot.functionName}</Descriptions.Item>
        <Descriptions.Item label={t('pilot.field.department')}>{pilot.department}</Descriptions.Item>
        <Descriptions.Item label={t('pilot.field.mode')}>{labels.mode(pilot.mode)}</Descriptions.Item>
        <Descriptions.Item label={t('pilot.field.period')}>{`${pilot.startsOn} ~ ${pilot.endsOn}`}</Descriptions.Item>
        <Descriptions.Item label={t('pilot.field.contractValue')}>{yuan(pilot.contractValueFen)}</Descriptions.Item>
        <Descriptions.Item label={t('pilot.field.scope')} span={2}>
          {pilot.scope ?? t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('pilot.field.legalBasis')} span={2}>
          {pilot.legalBasis ?? t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('pilot.field.deliverables')} span={2}>
          {pilot.deliverables.length ? pilot.deliverables.join('；') : t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('pilot.field.qualifications')} span={2}>
          {pilot.qualifications.length
            ? pilot.qualifications.map((q) => `${q.code}（${q.evidence}）`).join('；')
            : t('common.none')}
        </Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}

function History({ pilot }: { pilot: Pilot }) {
  const { t } = useI18n();
  const history = usePilotTransitions(pilot.id);
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <Table
      size="small"
      rowKey="id"
      loading={history.isPending}
      dataSource={history.data?.items ?? []}
      pagination={false}
      data-testid="pilot-history"
      columns={[
        { title: t('society.history.at'), key: 'at', width: 180, render: (_, row) => formatDateTime(row.at) },
        {
          title: t('pilot.field.status'),
          key: 'move',
          width: 260,
          render: (_, row) => (
            <Flex gap={6} align="center">
              <PilotStatusTag status={row.from} />→<PilotStatusTag status={row.to} />
            </Flex>
          ),
        },
        { title: t('pilot.action.reason'), dataIndex: 'reason' },
        { title: t('society.history.actor'), dataIndex: 'actor', width: 140 },
      ]}
    />
  );
}

function PilotView({ pilot }: { pilot: Pilot }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'overview';
  const [editing, setEditing] = useState(false);
  const editable =
    (policies.managePilots(user) && !['rejected', 'completed', 'terminated'].includes(pilot.status)) ||
    (pilot.status === 'proposed' && policies.proposePilot(user, pilot.societyId));
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.pilots'), to: '/pilots' }, { title: pilot.title }]}
        title={pilot.title}
        tags={
          <Flex gap={8} align="center">
            <PilotStatusTag status={pilot.status} />
            <Typography.Text type="secondary">
              {pilot.societyName} · {pilot.functionName} · {pilot.department}
            </Typography.Text>
          </Flex>
        }
        extra={
          <>
            <PilotActions pilot={pilot} />
            {editable && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="pilot-edit">
                {t('pilot.edit')}
              </Button>
            )}
          </>
        }
      />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'overview', label: t('pilot.tab.overview'), children: <Overview pilot={pilot} /> },
            { key: 'eligibility', label: t('pilot.tab.eligibility'), children: <EligibilityChecklist pilot={pilot} /> },
            { key: 'milestones', label: t('pilot.tab.milestones'), children: <MilestonesTab pilot={pilot} /> },
            { key: 'evaluation', label: t('pilot.tab.evaluation'), children: <EvaluationTab pilot={pilot} /> },
            { key: 'history', label: t('pilot.tab.history'), children: <History pilot={pilot} /> },
          ]}
        />
      </Card>
      {editing && <PilotFormDrawer pilot={pilot} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
    </>
  );
}

export function PilotDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const pilot = usePilot(id);
  if (pilot.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (pilot.isError) {
    return (
      <QueryError error={pilot.error} notFoundTitle={t('pilot.detail.notFound')} onRetry={() => void pilot.refetch()} />
    );
  }
  return <PilotView pilot={pilot.data} />;
}
