import { Tag } from 'antd';
import { useI18n } from '@/lib/i18n';
import type { MessageStatus } from '../api/messages';

const COLORS: Record<MessageStatus, string> = {
  queued: 'processing',
  sent: 'success',
  failed: 'error',
  kept: 'default',
};

export function MessageStatusTag({ status }: { status: MessageStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`messageLog.status.${status}`)}
    </Tag>
  );
}
