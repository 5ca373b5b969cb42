import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover } from 'antd';
import { useState } from 'react';
import { onDemand } from '@/components/on-demand';
import { useI18n } from '@/lib/i18n';
import { useUnreadCount } from '../api/unread-count';

// The latest notifications and their words are fetched when the popover first opens; the bell shows only the count.
const NotificationList = onDemand(
  () => import('./notification-list').then((m) => m.NotificationList),
  ({ open }) => open,
);

/** The signed-in person's notifications (站内通知): the unread count, polled every minute, and the latest. */
export function NotificationBell() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount().data ?? 0;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      content={<NotificationList open={open} onPick={() => setOpen(false)} />}
    >
      <Button type="text" aria-label={t('nav.notifications')} data-testid="notification-bell" data-unread={unread}>
        <Badge count={unread} size="small" offset={[4, -2]}>
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
