import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { CAPACITY_TIERS, SOCIETY_STATUSES, societyStatusLabels } from '@society-hub/domain';
import { Alert, Flex, List, Skeleton, Typography } from 'antd';
import { Card } from '@/components/card';
import { QueryError } from '@/components/query-error';
import { formatDate } from '@/lib/format';
import { isMessageKey, registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { useEligibility } from '../api/pilots';
import type { EligibilityCheck, Pilot } from '../api/types';
import { pilotsMessages } from '../messages';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(labelsMessages, pilotsMessages);

/** The rule's own numbers in the reader's words: the years and results, the tier, the grade, the counts. */
export function useCheckDetail() {
  const { t, label } = useI18n();
  return (check: EligibilityCheck): string => {
    const v = check.values;
    const text = (value: string | number | boolean | null | undefined) =>
      value === null || value === undefined || value === '' ? t('pilot.none') : String(value);
    const inspection = (value: string | number | boolean | null | undefined) => {
      const key = `inspection.${String(value)}`;
      return isMessageKey(key) ? t(key) : t('dashboard.inspection.notRecorded');
    };
    switch (check.rule) {
      case 'society_active': {
        const status = SOCIETY_STATUSES.find((s) => s === v.status);
        return t('pilot.ruleDetail.society_active', {
          status: status ? label(societyStatusLabels[status]) : text(v.status),
        });
      }
      case 'inspections_passed':
        return t('pilot.ruleDetail.inspections_passed', {
          firstYear: text(v.firstYear),
          first: inspection(v.first),
          lastYear: text(v.lastYear),
          last: inspection(v.last),
        });
      case 'governance_sound':
        return t('pilot.ruleDetail.governance_sound', { failing: text(v.failing) });
      case 'capacity_tier': {
        const tier = CAPACITY_TIERS.find((c) => c === v.tier);
        return t('pilot.ruleDetail.capacity_tier', {
          tier: tier ? t(`capacity.tier.${tier}`) : t('dashboard.tier.none'),
        });
      }
      case 'evaluation_grade':
        return v.required
          ? t('pilot.ruleDetail.evaluation_grade', {
              grade: v.grade === null ? t('pilot.none') : `${String(v.grade)}A`,
              awardedOn: text(v.awardedOn),
            })
          : t('pilot.ruleDetail.evaluation_grade_not_required');
      case 'party_organisation': {
        const key = `party.${String(v.form)}`;
        return t('pilot.ruleDetail.party_organisation', { form: isMessageKey(key) ? t(key) : text(v.form) });
      }
      case 'qualifications':
        return t('pilot.ruleDetail.qualifications', { required: text(v.required), lacking: text(v.lacking) });
      case 'concurrent_pilots':
        return t('pilot.ruleDetail.concurrent_pilots', { current: text(v.current), maximum: text(v.maximum) });
    }
    return check.explanation;
  };
}

export function CheckList({ checks, testId }: { checks: readonly EligibilityCheck[]; testId?: string }) {
  const { t } = useI18n();
  const detail = useCheckDetail();
  return (
    <List
      size="small"
      dataSource={[...checks]}
      data-testid={testId}
      renderItem={(check) => (
        <List.Item data-testid="eligibility-check" data-rule={check.rule} data-passed={check.passed}>
          <Flex gap={12} align="start">
            {check.passed ? (
              <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18, marginTop: 2 }} />
            ) : (
              <CloseCircleFilled style={{ color: '#cf1322', fontSize: 18, marginTop: 2 }} />
            )}
            <Flex vertical>
              <Typography.Text strong>{t(`pilot.rule.${check.rule}`)}</Typography.Text>
              <Typography.Text type="secondary">{detail(check)}</Typography.Text>
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** The explained pass/fail list, re-read every time it is shown (SPEC §4: at every decision point). */
export function EligibilityChecklist({ pilot }: { pilot: Pilot }) {
  const { t } = useI18n();
  const eligibility = useEligibility(pilot.id);
  if (eligibility.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (eligibility.isError) return <QueryError error={eligibility.error} onRetry={() => void eligibility.refetch()} />;
  const e = eligibility.data;
  const failing = e.checks.filter((c) => !c.passed).length;
  return (
    <Card size="small" title={t('pilot.eligibility.title')} data-testid="eligibility">
      <Alert
        type={e.eligible ? 'success' : 'warning'}
        showIcon
        title={e.eligible ? t('pilot.eligibility.eligible') : t('pilot.eligibility.notEligible', { n: failing })}
        description={t('pilot.eligibility.assessed', { date: formatDate(e.assessedOn) })}
        style={{ marginBottom: 12 }}
        data-testid="eligibility-summary"
      />
      {pilot.eligibilityOverride && (
        <Alert
          type="info"
          showIcon
          title={t('pilot.eligibility.override', { reason: pilot.eligibilityOverride })}
          style={{ marginBottom: 12 }}
        />
      )}
      <CheckList checks={e.checks} testId="eligibility-list" />
    </Card>
  );
}
