import {
  type Discipline,
  disciplineLabels,
  type SocietyStatus,
  type SocietyType,
  societyStatusLabels,
  societyTypeLabels,
} from '@society-hub/domain';
import { Tag } from 'antd';
import { useI18n } from '@/lib/i18n';

const statusColors: Record<SocietyStatus, string> = {
  preparing: 'blue',
  active: 'green',
  dormant: 'orange',
  disqualified: 'red',
  deregistered: 'default',
};

export function SocietyStatusTag({ status }: { status: SocietyStatus }) {
  const { label } = useI18n();
  return (
    <Tag color={statusColors[status]} data-testid="society-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {label(societyStatusLabels[status])}
    </Tag>
  );
}

export function useSocietyLabels() {
  const { label } = useI18n();
  return {
    type: (value: SocietyType) => label(societyTypeLabels[value]),
    discipline: (value: Discipline) => label(disciplineLabels[value]),
    status: (value: SocietyStatus) => label(societyStatusLabels[value]),
  };
}
