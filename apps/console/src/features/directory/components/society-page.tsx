import {
  ArrowLeftOutlined,
  EnvironmentOutlined,
  GlobalOutlined,
  MailOutlined,
  PhoneOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { applicationStatusLabels, disciplineLabels, formatYuan, societyTypeLabels } from '@society-hub/domain';
import { Col, Descriptions, Empty, Flex, Row, Skeleton, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card } from '@/components/card';
import { PublicLayout } from '@/components/public-layout/public-layout';
import { QueryError } from '@/components/query-error';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { usePublicSociety } from '../api/get-public-society';
import type { PublicSocietyProfile } from '../api/types';

const money = { fontVariantNumeric: 'tabular-nums' } as const;

function MemberRange({ range }: { range: PublicSocietyProfile['memberCount'] }) {
  const { t } = useI18n();
  if (!range) return <Typography.Text type="secondary">{t('directory.society.membersUnknown')}</Typography.Text>;
  return (
    <>
      {range.below === null
        ? t('directory.society.membersAtLeast', { n: range.atLeast.toLocaleString('zh-CN') })
        : t('directory.society.membersRange', {
            from: range.atLeast.toLocaleString('zh-CN'),
            to: (range.below - 1).toLocaleString('zh-CN'),
          })}
    </>
  );
}

function ContactLine({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Flex gap={8} align="baseline">
      <span style={{ color: '#8c8c8c' }}>{icon}</span>
      <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{children}</span>
    </Flex>
  );
}

function Contacts({ society }: { society: PublicSocietyProfile }) {
  const { t } = useI18n();
  const { person, phone, email } = society.contact;
  const lines = [
    person && (
      <ContactLine key="person" icon={<UserOutlined />}>
        {person}
      </ContactLine>
    ),
    phone && (
      <ContactLine key="phone" icon={<PhoneOutlined />}>
        <a href={`tel:${phone.replace(/[^0-9+]/g, '')}`}>{phone}</a>
      </ContactLine>
    ),
    email && (
      <ContactLine key="email" icon={<MailOutlined />}>
        <a href={`mailto:${email}`}>{email}</a>
      </ContactLine>
    ),
    society.website && (
      <ContactLine key="web" icon={<GlobalOutlined />}>
        <a href={society.website} target="_blank" rel="noopener noreferrer nofollow">
          {society.website.replace(/^https?:\/\//, '')}
        </a>
      </ContactLine>
    ),
    society.officeAddress && (
      <ContactLine key="address" icon={<EnvironmentOutlined />}>
        {society.officeAddress}
      </ContactLine>
    ),
  ].filter(Boolean);
  return (
    <Card title={t('directory.society.contact')} size="small" data-testid="society-contact" style={{ height: '100%' }}>
      {lines.length ? (
        <Flex vertical gap={10}>
          {lines}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('directory.society.noContact')}</Typography.Text>
      )}
    </Card>
  );
}

function Profile({ society }: { society: PublicSocietyProfile }) {
  const { t, label } = useI18n();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Card title={t('directory.society.profile')} size="small" data-testid="society-profile" style={{ height: '100%' }}>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          { key: 'type', label: t('directory.society.type'), children: label(societyTypeLabels[society.type]) },
          {
            key: 'discipline',
            label: t('directory.society.discipline'),
            children: label(disciplineLabels[society.discipline]),
          },
          {
            key: 'founded',
            label: t('directory.society.foundedOn'),
            children: society.foundedOn ? formatDate(society.foundedOn) : none,
          },
          {
            key: 'unit',
            label: t('directory.field.supportingUnit'),
            children: society.supportingUnit ?? t('directory.noUnit'),
          },
          {
            key: 'grade',
            label: t('directory.society.grade'),
            children:
              society.evaluationGrade === null ? (
                t('directory.society.notGraded')
              ) : (
                <Flex gap={6} align="center" wrap>
                  <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                    {society.evaluationGrade}A
                  </Tag>
                  {society.evaluationGradeOn && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('directory.society.gradedOn', { date: formatDate(society.evaluationGradeOn) })}
                    </Typography.Text>
                  )}
                </Flex>
              ),
          },
          {
            key: 'party',
            label: t('directory.society.party'),
            children: t(`party.${society.partyOrganisation}`),
          },
          {
            key: 'members',
            label: t('directory.society.members'),
            children: <MemberRange range={society.memberCount} />,
          },
        ]}
      />
    </Card>
  );
}

function FundedProjects({ society }: { society: PublicSocietyProfile }) {
  const { t, label } = useI18n();
  return (
    <Card title={t('directory.society.funded')} size="small" data-testid="society-funded">
      <Table
        size="small"
        rowKey={(p) => `${p.year}:${p.programName}:${p.title}`}
        dataSource={society.fundedProjects}
        pagination={false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('directory.society.noFunded')} />,
        }}
        columns={[
          { title: t('directory.society.year'), dataIndex: 'year', width: 80 },
          {
            title: t('directory.society.project'),
            key: 'title',
            render: (_, p) => (
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text>{p.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.programName} · {p.categoryName}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('directory.society.granted'),
            key: 'granted',
            align: 'right',
            width: 140,
            render: (_, p) => <span style={money}>{formatYuan(p.grantedFen)}</span>,
          },
          {
            title: t('directory.society.stage'),
            key: 'status',
            width: 100,
            render: (_, p) => <Tag style={{ marginInlineEnd: 0 }}>{label(applicationStatusLabels[p.status])}</Tag>,
          },
        ]}
      />
    </Card>
  );
}

function OpenCallsCard({ society }: { society: PublicSocietyProfile }) {
  const { t } = useI18n();
  return (
    <Card title={t('directory.society.openCalls')} size="small" data-testid="society-open-calls">
      {society.openCalls.length === 0 ? (
        <Typography.Text type="secondary">{t('directory.call.empty')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {society.openCalls.map((call) => (
            <Flex key={call.id} justify="space-between" gap={12} wrap>
              <Link to="/directory?tab=calls">{call.name}</Link>
              <Typography.Text type="secondary">
                {t('directory.society.closesOn', { date: formatDate(call.closesOn) })}
              </Typography.Text>
            </Flex>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('directory.call.howToApply')}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}

/**
 * A society's own public page (as the Jining platform gave each society a page of its own): who it is,
 * how to reach it, its grade and size, what the Association has funded it for, and the calls open now.
 */
export function SocietyPage({ id }: { id: string }) {
  const { t, label } = useI18n();
  const society = usePublicSociety(id);
  const back = (
    <Link to="/directory" data-testid="society-back">
      <ArrowLeftOutlined style={{ marginInlineEnd: 6 }} />
      {t('directory.society.back')}
    </Link>
  );
  if (society.isError) {
    return (
      <PublicLayout title={t('directory.pageTitle')} section={t('directory.section')}>
        {back}
        <Card style={{ marginTop: 12 }}>
          <QueryError
            error={society.error}
            onRetry={() => void society.refetch()}
            notFoundTitle={t('directory.society.notFound')}
          />
        </Card>
      </PublicLayout>
    );
  }
  if (!society.data) {
    return (
      <PublicLayout title={t('directory.pageTitle')} section={t('directory.section')}>
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </PublicLayout>
    );
  }
  const s = society.data;
  return (
    <PublicLayout title={s.name} section={t('directory.section')}>
      <Flex vertical gap={16}>
        {back}
        <Flex vertical gap={4}>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="page-title">
            {s.name}
          </Typography.Title>
          {s.nameEn && <Typography.Text type="secondary">{s.nameEn}</Typography.Text>}
          <Flex gap={6} wrap style={{ marginTop: 4 }}>
            <Tag style={{ marginInlineEnd: 0 }}>{label(societyTypeLabels[s.type])}</Tag>
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {label(disciplineLabels[s.discipline])}
            </Tag>
            {s.evaluationGrade !== null && (
              <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                {t('directory.society.gradeTag', { n: s.evaluationGrade })}
              </Tag>
            )}
          </Flex>
        </Flex>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <Profile society={s} />
          </Col>
          <Col xs={24} lg={9}>
            <Contacts society={s} />
          </Col>
        </Row>
        <FundedProjects society={s} />
        <OpenCallsCard society={s} />
      </Flex>
    </PublicLayout>
  );
}
