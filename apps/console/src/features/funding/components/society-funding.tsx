import { CalendarOutlined, FormOutlined } from '@ant-design/icons';
import { formatYuan, localToday } from '@society-hub/domain';
import { Button, Col, Empty, Flex, Row, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Card } from '@/components/card';
import { QueryError } from '@/components/query-error';
import { useI18n } from '@/lib/i18n';
import { useApplicationsOf } from '../api/applications';
import { usePrograms } from '../api/programs';
import type { FundingApplication, FundingProgram } from '../api/types';
import { acceptsApplications, useOwnSocieties } from './applying';
import { ApplicationStatusTag, ProgramStatusTag, useFundingLabels } from './labels';
import { Yuan } from './money';
import { ApplicationFormDrawer } from './on-demand';

/** A society secretariat's funding page: the calls open now, and every application of its society. */
export function SocietyFunding() {
  const { t } = useI18n();
  const programs = usePrograms({ limit: 100 });
  const [applyingTo, setApplyingTo] = useState<FundingProgram>();
  const societies = useOwnSocieties();
  if (programs.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (programs.isError) return <QueryError error={programs.error} onRetry={() => void programs.refetch()} />;
  // A call still being drafted is the Association's business; societies see it once it opens.
  const published = programs.data.items.filter((p) => p.status !== 'draft');
  const open = published.filter((p) => p.status === 'open');

  return (
    <Flex vertical gap={24}>
      <section>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('funding.society.openCalls')}
        </Typography.Title>
        {open.length === 0 ? (
          <Card>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('funding.society.noOpenCalls')} />
          </Card>
        ) : (
          <Row gutter={[16, 16]}>
            {open.map((program) => (
              <Col key={program.id} xs={24} xl={12}>
                <OpenCall program={program} onApply={() => setApplyingTo(program)} />
              </Col>
            ))}
          </Row>
        )}
      </section>
      <section>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('funding.society.mine')}
        </Typography.Title>
        <OwnApplications programs={published} />
      </section>
      {applyingTo && (
        <ApplicationFormDrawer program={applyingTo} societies={societies} onClose={() => setApplyingTo(undefined)} />
      )}
    </Flex>
  );
}

function OpenCall({ program, onApply }: { program: FundingProgram; onApply: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const today = localToday();
  const daysLeft = dayjs(program.closesOn).diff(dayjs(today), 'day');
  const accepting = acceptsApplications(program);
  return (
    <Card
      title={
        <Flex align="center" gap={8} wrap>
          <Typography.Text strong>{program.name}</Typography.Text>
          <ProgramStatusTag status={program.status} />
        </Flex>
      }
      extra={
        <Button type="link" onClick={() => navigate(`/funding/${program.id}`)}>
          {t('funding.society.details')}
        </Button>
      }
      data-testid="open-call"
    >
      <Flex vertical gap={12}>
        <Flex align="center" gap={8} wrap>
          <CalendarOutlined />
          <Typography.Text>
            {t('funding.program.windowLine', { from: program.opensOn, to: program.closesOn })}
          </Typography.Text>
          {accepting ? (
            <Tag color={daysLeft <= 3 ? 'red' : 'green'}>{t('funding.society.daysLeft', { n: daysLeft + 1 })}</Tag>
          ) : (
            <Tag>{t('funding.society.notAccepting')}</Tag>
          )}
        </Flex>
        <Flex gap={6} wrap>
          {program.categories.map((c) => (
            <Tag key={c.code} style={{ marginInlineEnd: 0 }}>
              {t('funding.application.categoryOption', { name: c.name, cap: formatYuan(c.capFen) })}
            </Tag>
          ))}
        </Flex>
        {program.description && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
            {program.description}
          </Typography.Paragraph>
        )}
        <Flex justify="flex-end">
          <Button type="primary" icon={<FormOutlined />} disabled={!accepting} onClick={onApply} data-testid="apply">
            {t('funding.application.apply')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

function OwnApplications({ programs }: { programs: FundingProgram[] }) {
  const { t } = useI18n();
  const labels = useFundingLabels();
  const navigate = useNavigate();
  const results = useApplicationsOf(programs.map((p) => p.id));
  const failed = results.find((r) => r.isError);
  const rows: { application: FundingApplication; program: FundingProgram }[] = programs.flatMap((program, index) =>
    (results[index]?.data?.items ?? []).map((application) => ({ application, program })),
  );

  const columns: TableColumnsType<(typeof rows)[number]> = [
    {
      title: t('funding.application.field.title'),
      key: 'title',
      render: (_, { application, program }) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Link strong ellipsis>
            {application.title}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {program.name} · {labels.category(program, application.categoryCode)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('funding.application.field.society'),
      key: 'society',
      width: 180,
      ellipsis: true,
      render: (_, { application }) => application.societyName,
    },
    {
      title: t('funding.application.field.requested'),
      key: 'requested',
      width: 150,
      align: 'right',
      render: (_, { application }) => <Yuan fen={application.requestedFen} />,
    },
    {
      title: t('funding.field.status'),
      key: 'status',
      width: 140,
      render: (_, { application }) => <ApplicationStatusTag status={application.status} />,
    },
    {
      title: t('funding.field.allocated'),
      key: 'allocated',
      width: 150,
      align: 'right',
      render: (_, { application }) => <Yuan fen={application.allocatedFen} strong />,
    },
    {
      title: t('society.field.updatedAt'),
      key: 'updated',
      width: 120,
      render: (_, { application }) => dayjs(application.updatedAt).format('YYYY-MM-DD'),
    },
  ];

  if (failed?.isError) return <QueryError error={failed.error} onRetry={() => void failed.refetch()} />;
  return (
    <Card styles={{ body: { padding: 0 } }}>
      <Table
        rowKey={(row) => row.application.id}
        columns={columns}
        dataSource={rows}
        loading={results.some((r) => r.isPending)}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('funding.society.noApplications')} /> }}
        onRow={({ application, program }) => ({
          onClick: () => navigate(`/funding/${program.id}/applications/${application.id}`),
          style: { cursor: 'pointer' },
        })}
        data-testid="own-applications"
      />
    </Card>
  );
}
