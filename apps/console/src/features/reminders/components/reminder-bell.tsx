import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover } from 'antd';
import { useState } from 'react';
import { onDemand } from '@/components/on-demand';
import { useI18n } from '@/lib/i18n';
import { useReminders } from '../api/get-reminders';

// The list with its rows is fetched when the popover first opens; the bell shows only the count.
const ReminderList = onDemand(
  () => import('./reminder-list').then((m) => m.ReminderList),
  ({ open }) => open,
);

/** The bell in the header: how many things fall due, and the list of them, each leading to its page. */
export function ReminderBell() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const reminders = useReminders(true);
  const items = reminders.data?.items ?? [];
  const overdue = items.filter((i) => i.urgency === 'overdue').length;

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('reminder.title')}
      content={<ReminderList items={items} open={open} onPick={() => setOpen(false)} />}
    >
      <Button type="text" aria-label={t('reminder.title')} data-testid="reminder-bell">
        <Badge count={items.length} size="small" color={overdue > 0 ? '#cf1322' : '#fa8c16'} offset={[4, -2]}>
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
