import type { MemberCategory, MemberStatus, TitleLevel } from '@society-hub/domain';
import { Tag } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '@/lib/i18n';
import type { MemberGender, MemberKind } from '../api/types';

const statusColors: Record<MemberStatus, string> = {
  applied: 'blue',
  active: 'green',
  rejected: 'default',
  lapsed: 'orange',
  suspended: 'gold',
  withdrawn: 'default',
};

export function MemberStatusTag({ status }: { status: MemberStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={statusColors[status]} data-testid="member-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`member.status.${status}`)}
    </Tag>
  );
}

export function useMemberLabels() {
  const { t } = useI18n();
  return useMemo(
    () => ({
      status: (value: MemberStatus) => t(`member.status.${value}`),
      category: (value: MemberCategory) => t(`member.category.${value}`),
      title: (value: TitleLevel) => t(`member.title.${value}`),
      kind: (value: MemberKind) => t(`member.kind.${value}`),
      gender: (value: MemberGender | null) => (value ? t(`member.gender.${value}`) : t('common.none')),
    }),
    [t],
  );
}
