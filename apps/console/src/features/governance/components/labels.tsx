import type { CouncilPosition, InspectionResult } from '@society-hub/domain';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '@/lib/i18n';
import { currentDay } from '@/lib/today';
import type { Capacity } from '../api/types';

export type CapacityTier = Capacity['tier'];
export type RuleStatus = 'pass' | 'warn' | 'fail';
export type PartyOrganisation = 'none' | 'own_branch' | 'joint_branch' | 'instructor';

export const ruleStatusColors: Record<RuleStatus, string> = { pass: 'success', warn: 'warning', fail: 'error' };

const inspectionColors: Record<InspectionResult, string> = {
  pass: 'green',
  basic_pass: 'blue',
  fail: 'red',
  absent: 'volcano',
};

const tierColors: Record<CapacityTier, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

export function InspectionTag({ result }: { result: InspectionResult | null | undefined }) {
  const { t } = useI18n();
  if (!result) {
    return (
      <Tag style={{ marginInlineEnd: 0 }} data-testid="inspection-result" data-result="">
        {t('inspection.pending')}
      </Tag>
    );
  }
  return (
    <Tag
      color={inspectionColors[result]}
      style={{ marginInlineEnd: 0 }}
      data-testid="inspection-result"
      data-result={result}
    >
      {t(`inspection.${result}`)}
    </Tag>
  );
}

export function TierTag({ tier, large = false }: { tier: CapacityTier; large?: boolean }) {
  const { t } = useI18n();
  return (
    <Tag
      color={tierColors[tier]}
      style={{ marginInlineEnd: 0, ...(large ? { fontSize: 16, padding: '4px 12px', lineHeight: '24px' } : {}) }}
      data-testid="capacity-tier"
      data-tier={tier}
    >
      {t(`capacity.tier.${tier}`)}
    </Tag>
  );
}

export function usePositionLabel(): (position: CouncilPosition) => string {
  const { t } = useI18n();
  return (position) => t(`position.${position}`);
}

/** The evaluation grade (1A–5A) lasts five years from the evaluation date. */
export function gradeValidity(gradeOn: string | null): { until: string; expired: boolean } | undefined {
  if (!gradeOn) return undefined;
  const until = dayjs(gradeOn).add(5, 'year');
  return { until: until.format('YYYY-MM-DD'), expired: until.isBefore(currentDay(), 'day') };
}
