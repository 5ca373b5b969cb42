import {
  FUNDING_CATEGORY_CODES,
  fundingCategoryLabels,
  programStatusLabels,
  rubricCriterionLabels,
} from '@society-hub/domain';
import { Tag } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '@/lib/i18n';
import type { AssignmentStatus, ProgramStatus, RubricCriterion } from '../api/types';

const assignmentColors: Record<AssignmentStatus, string> = {
  assigned: 'processing',
  submitted: 'success',
  declined: 'default',
  recused: 'default',
};

/** 待评审 / 已评分 / 已谢绝 / 已回避: where the reviewer stands on one application. */
export function AssignmentStatusTag({ status }: { status: AssignmentStatus }) {
  const { t } = useI18n();
  return (
    <Tag
      color={assignmentColors[status]}
      style={{ marginInlineEnd: 0 }}
      data-testid="assignment-status"
      data-status={status}
    >
      {t(`review.status.${status}`)}
    </Tag>
  );
}

const programColors: Record<ProgramStatus, string> = {
  draft: 'default',
  open: 'blue',
  closed: 'gold',
  reviewing: 'processing',
  deciding: 'purple',
  notice: 'orange',
  finalised: 'green',
};

export function ProgramStatusTag({ status }: { status: ProgramStatus }) {
  const { label } = useI18n();
  return (
    <Tag color={programColors[status]} style={{ marginInlineEnd: 0 }}>
      {label(programStatusLabels[status])}
    </Tag>
  );
}

/**
 * Names of a program's categories and rubric criteria. A call names its own categories (in Chinese), so
 * the Chinese interface shows the call's words; the English one uses the domain's names for the default
 * codes and falls back to the call's.
 */
export function useFundingLabels() {
  const { label, language } = useI18n();
  return useMemo(
    () => ({
      category: (code: string, categories: readonly { code: string; name: string }[] = []) => {
        const own = categories.find((category) => category.code === code)?.name;
        const known = FUNDING_CATEGORY_CODES.find((candidate) => candidate === code);
        const domain = known ? label(fundingCategoryLabels[known]) : undefined;
        return (language === 'zh' ? (own ?? domain) : (domain ?? own)) ?? code;
      },
      criterion: (criterion: RubricCriterion) => {
        const domain = rubricCriterionLabels[criterion.code];
        return language === 'zh' || !domain ? criterion.name : label(domain);
      },
    }),
    [label, language],
  );
}
