import { Empty, Flex, List, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { formatDate } from '@/lib/format';
import { type Translate, useI18n } from '@/lib/i18n';
import type { Reminder } from '../api/get-reminders';

/** The reminder's line in the reader's language, built from its fields (the API's message is English). */
function reminderText(t: Translate, r: Reminder): string {
  const params = {
    society: r.society?.name ?? '',
    subject: r.subject ?? '',
    year: r.year ?? '',
    count: r.count,
  };
  if (r.kind === 'review')
    return r.resourceType === 'funding_program' ? t('reminder.review.program', params) : t('reminder.review', params);
  if (r.count > 1) return t(`reminder.${r.kind}.many`, params);
  return t(`reminder.${r.kind}`, params);
}

function whenText(t: Translate, r: Reminder): string | null {
  if (r.daysLeft === null || r.dueOn === null) return null;
  if (r.daysLeft < 0) return t('reminder.overdueDays', { n: -r.daysLeft });
  if (r.daysLeft === 0) return t('reminder.today');
  return t('reminder.daysLeft', { n: r.daysLeft });
}

/** The reminders in the bell's popover, each leading to its page; fetched when the popover first opens. */
export function ReminderList({
  items,
  onPick,
}: {
  items: readonly Reminder[];
  /** Whether the popover is open: the list is fetched the first time it is. */
  open: boolean;
  onPick: () => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div style={{ width: 380, maxHeight: 420, overflowY: 'auto' }} data-testid="reminder-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reminder.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(r) => (
            <List.Item
              style={{ cursor: 'pointer', paddingInline: 4 }}
              onClick={() => {
                onPick();
                navigate(r.path);
              }}
              data-testid="reminder-item"
              data-kind={r.kind}
              data-path={r.path}
            >
              <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text ellipsis={{ tooltip: true }}>{reminderText(t, r)}</Typography.Text>
                  <Tag color={r.urgency === 'overdue' ? 'red' : 'orange'} style={{ marginInlineEnd: 0, flexShrink: 0 }}>
                    {r.urgency === 'overdue' ? t('reminder.overdue') : t('reminder.dueSoon')}
                  </Tag>
                </Flex>
                {r.dueOn && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('reminder.due', { date: formatDate(r.dueOn) })} · {whenText(t, r)}
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
