import {
  allocationStrategyLabels,
  applicationStatusLabels,
  type ConflictReason,
  conflictReasonLabels,
  type DecisionReason,
  decisionReasonLabels,
  programStatusLabels,
  SCREENING_CHECK_CODES,
  type ScreeningCheckCode,
  scoringMethodLabels,
  screeningCheckLabels,
} from '@society-hub/domain';
import { Tag } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '@/lib/i18n';
import type {
  AllocationStrategy,
  ApplicationStatus,
  DeclineReason,
  FundingProgram,
  ProgramStatus,
  ScoringMethod,
} from '../api/types';

const programColors: Record<ProgramStatus, string> = {
  draft: 'default',
  open: 'green',
  closed: 'orange',
  reviewing: 'blue',
  deciding: 'purple',
  notice: 'gold',
  finalised: 'cyan',
};

const applicationColors: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  screening: 'geekblue',
  returned: 'orange',
  in_review: 'processing',
  reviewed: 'purple',
  approved: 'lime',
  rejected: 'red',
  notice: 'gold',
  funded: 'green',
  reported: 'cyan',
  closed: 'default',
  withdrawn: 'default',
};

export function ProgramStatusTag({ status }: { status: ProgramStatus }) {
  const { label } = useI18n();
  return (
    <Tag color={programColors[status]} data-testid="program-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {label(programStatusLabels[status])}
    </Tag>
  );
}

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { label } = useI18n();
  return (
    <Tag
      color={applicationColors[status]}
      data-testid="application-status"
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {label(applicationStatusLabels[status])}
    </Tag>
  );
}

function isDecisionReason(value: string): value is DecisionReason {
  return value in decisionReasonLabels;
}

function isConflictReason(value: string): value is ConflictReason {
  return value in conflictReasonLabels;
}

export function isScreeningCheckCode(value: string): value is ScreeningCheckCode {
  return (SCREENING_CHECK_CODES as readonly string[]).includes(value);
}

export function useFundingLabels() {
  const { t, label } = useI18n();
  return useMemo(
    () => ({
      programStatus: (value: ProgramStatus) => label(programStatusLabels[value]),
      applicationStatus: (value: ApplicationStatus) => label(applicationStatusLabels[value]),
      scoringMethod: (value: ScoringMethod) => label(scoringMethodLabels[value]),
      strategy: (value: AllocationStrategy) => label(allocationStrategyLabels[value]),
      reason: (value: string) => (isDecisionReason(value) ? label(decisionReasonLabels[value]) : value),
      conflict: (value: string) => (isConflictReason(value) ? label(conflictReasonLabels[value]) : value),
      check: (value: string) => (isScreeningCheckCode(value) ? label(screeningCheckLabels[value]) : value),
      decline: (value: DeclineReason) => t(`funding.decline.${value}`),
      /** A category's name as the program calls it, else its code. */
      category: (program: Pick<FundingProgram, 'categories'> | undefined, code: string) =>
        program?.categories.find((c) => c.code === code)?.name ?? code,
    }),
    [t, label],
  );
}
