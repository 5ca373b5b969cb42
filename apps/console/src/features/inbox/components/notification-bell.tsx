import { NotificationOutlined } from '@ant-design/icons';
import { Badge, Button, Popover } from 'antd';
import { useState } from 'react';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useUnreadCount } from '../api/unread-count';
import { inboxMessages } from '../messages';
import { NotificationList } from './notification-list';

registerMessages(inboxMessages);

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
      content={<NotificationList onPick={() => setOpen(false)} />}
    >
      <Button type="text" aria-label={t('inbox.title')} data-testid="notification-bell">
        <Badge count={unread} size="small" offset={[4, -2]}>
          <NotificationOutlined style={{ fontSize: 16 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
