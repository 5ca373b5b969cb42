import { Badge, Button, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { type Notification, useLatestNotifications, useMarkAllRead, useMarkRead } from '../api/notifications';

/** The bell's popover: the latest notifications; choosing one marks it read and opens what it is about. */
export function NotificationList({ onPick }: { onPick: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const latest = useLatestNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = latest.data?.items ?? [];
  const pick = (n: Notification) => {
    if (!n.read) markRead.mutate([n.id]);
    onPick();
    if (n.link) navigate(n.link);
  };

  return (
    <div style={{ width: 'min(360px, calc(100vw - 48px))' }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t('inbox.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={!items.some((n) => !n.read)}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notification-read-all"
        >
          {t('inbox.markAll')}
        </Button>
      </Flex>
      <div style={{ maxHeight: 400, overflowY: 'auto' }}>
        {latest.isPending ? null : latest.isError ? (
          <Typography.Text type="danger">{t('inbox.failed')}</Typography.Text>
        ) : items.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', padding: 16, margin: 0 }}>
            {t('inbox.empty')}
          </Typography.Paragraph>
        ) : (
          items.map((n) => (
            <button
              type="button"
              key={n.id}
              onClick={() => pick(n)}
              data-testid="notification-item"
              data-read={n.read}
              style={{
                display: 'flex',
                gap: 8,
                alignItems: 'baseline',
                width: '100%',
                padding: '8px 4px',
                border: 0,
                borderTop: '1px solid #f0f0f0',
                background: 'none',
                cursor: 'pointer',
                textAlign: 'start',
              }}
            >
              <Badge status={n.read ? 'default' : 'processing'} title={n.read ? undefined : t('inbox.unread')} />
              <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text strong={!n.read} ellipsis>
                  {n.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt)}
                </Typography.Text>
              </Flex>
            </button>
          ))
        )}
      </div>
    </div>
  );
}
