import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Descriptions, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { Card } from '@/components/card';
import { QueryError } from '@/components/query-error';
import type { Society } from '@/features/societies';
import { societiesMessages } from '@/features/societies';
import { formatDate } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { useGovernance } from '../api/get-governance';
import type { GovernanceRuleResult } from '../api/types';
import { governanceMessages } from '../messages';
import { gradeValidity, type RuleStatus } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(governanceMessages, labelsMessages, societiesMessages);

const statusIcon: Record<RuleStatus, React.ReactNode> = {
  pass: <CheckCircleFilled style={{ color: '#52c41a', fontSize: 20 }} />,
  warn: <ExclamationCircleFilled style={{ color: '#faad14', fontSize: 20 }} />,
  fail: <CloseCircleFilled style={{ color: '#ff4d4f', fontSize: 20 }} />,
};
const statusTag: Record<RuleStatus, string> = { pass: 'success', warn: 'warning', fail: 'error' };
const alertType: Record<RuleStatus, 'success' | 'warning' | 'error'> = {
  pass: 'success',
  warn: 'warning',
  fail: 'error',
};

export function GovernanceChecklist({ society }: { society: Society }) {
  const { t, language } = useI18n();
  const governance = useGovernance(society.id);

  if (governance.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (governance.isError) return <QueryError error={governance.error} onRetry={() => void governance.refetch()} />;
  const report = governance.data;
  const counts = { pass: 0, warn: 0, fail: 0 };
  for (const result of report.results) counts[result.status] += 1;

  return (
    <Flex vertical gap={16} data-testid="governance-checklist">
      <Alert
        type={alertType[report.overall]}
        showIcon
        title={t(`gov.overall.${report.overall}`)}
        description={
          <Flex gap={8} wrap align="center">
            <Typography.Text type="secondary">
              {t('gov.evaluatedOn', { date: formatDate(report.evaluatedOn) })}
            </Typography.Text>
            <Tag color="success">
              {t('gov.status.pass')} {counts.pass}
            </Tag>
            <Tag color="warning">
              {t('gov.status.warn')} {counts.warn}
            </Tag>
            <Tag color="error">
              {t('gov.status.fail')} {counts.fail}
            </Tag>
          </Flex>
        }
        data-testid="governance-overall"
        data-status={report.overall}
      />
      <List<GovernanceRuleResult>
        bordered
        dataSource={report.results}
        renderItem={(result) => (
          <List.Item
            key={result.rule}
            data-testid={`rule-${result.rule}`}
            data-status={result.status}
            extra={<Tag color={statusTag[result.status]}>{t(`gov.status.${result.status}`)}</Tag>}
          >
            <List.Item.Meta
              avatar={statusIcon[result.status]}
              title={t(`gov.rule.${result.rule}`)}
              description={
                <Typography.Text type={result.status === 'fail' ? 'danger' : 'secondary'}>
                  {language === 'zh' ? result.explanationZh : result.explanation}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      <PartyAndGrade society={society} />
    </Flex>
  );
}

export function PartyAndGrade({ society }: { society: Society }) {
  const { t } = useI18n();
  const validity = gradeValidity(society.evaluationGradeOn);
  return (
    <Card size="small" title={t('gov.party.title')}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('society.field.partyOrganisation')}>
          <Flex gap={8} align="center">
            <Tag color={society.partyOrganisation === 'none' ? 'default' : 'red'} style={{ marginInlineEnd: 0 }}>
              {t(`party.${society.partyOrganisation}`)}
            </Tag>
            {society.partyOrganisationOn && (
              <Typography.Text type="secondary">{formatDate(society.partyOrganisationOn)}</Typography.Text>
            )}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('society.field.evaluationGrade')}>
          {society.evaluationGrade ? (
            <Flex gap={8} align="center" wrap>
              <Tag
                color={validity?.expired ? 'red' : 'gold'}
                style={{ marginInlineEnd: 0 }}
                data-testid="evaluation-grade"
              >
                {t('grade.value', { n: society.evaluationGrade })}
              </Tag>
              {society.evaluationGradeOn && (
                <Typography.Text type="secondary">{formatDate(society.evaluationGradeOn)}</Typography.Text>
              )}
              {validity && (
                <Typography.Text type={validity.expired ? 'danger' : 'secondary'}>
                  {validity.expired
                    ? t('grade.expired', { date: validity.until })
                    : t('grade.validUntil', { date: validity.until })}
                </Typography.Text>
              )}
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t('grade.none')}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
