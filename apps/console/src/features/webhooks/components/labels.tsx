import { Tag } from 'antd';
import { useI18n } from '@/lib/i18n';
import type { DeliveryStatus } from '../api/types';

const statusColors: Record<DeliveryStatus, string> = { pending: 'processing', succeeded: 'success', failed: 'error' };

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'succeeded', 'failed'];

export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }} data-testid="delivery-status" data-status={status}>
      {t(`webhook.delivery.status.${status}`)}
    </Tag>
  );
}

/** Families offered when subscribing (any exact type may be typed too). */
export const EVENT_TYPE_SUGGESTIONS = [
  '*',
  'society.*',
  'annual_report.*',
  'inspection.*',
  'alliance.*',
  'member.*',
  'expert.*',
  'program.*',
  'application.*',
  'review.*',
  'assignment.*',
  'objection.*',
  'calendar.*',
] as const;

export const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' } as const;
