import { formatYuan, PILOT_STATUSES } from '@society-hub/domain';
import { Tag } from 'antd';
import { useI18n } from '@/lib/i18n';
import type { PilotMode, PilotStatus } from '../api/types';

const STATUS_COLORS: Record<PilotStatus, string> = {
  proposed: 'default',
  eligibility_review: 'processing',
  approved: 'cyan',
  rejected: 'red',
  in_progress: 'blue',
  midterm_review: 'geekblue',
  acceptance: 'purple',
  completed: 'green',
  terminated: 'default',
};

export function PilotStatusTag({ status }: { status: PilotStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="pilot-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`pilot.status.${status}`)}
    </Tag>
  );
}

export function usePilotLabels() {
  const { t } = useI18n();
  return {
    status: (status: PilotStatus) => t(`pilot.status.${status}`),
    mode: (mode: PilotMode) => t(`pilot.mode.${mode}`),
  };
}

export function pilotStatusOf(raw: string | null): PilotStatus | undefined {
  return PILOT_STATUSES.find((s) => s === raw);
}

export function yuan(fen: number): string {
  return formatYuan(fen);
}
