import { App, Button, Descriptions, Drawer, Flex, Spin, Typography } from 'antd';
import { QueryError } from '@/components/query-error';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useMessage, useRedeliverMessage } from '../api/messages';
import { MessageStatusTag } from './labels';

const pre = { whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0, fontSize: 12 } as const;

/** One message: its subject, text as sent and the provider's last answer, and sending it again. */
export function MessageDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message: toast } = App.useApp();
  const message = useMessage(id);
  const redeliver = useRedeliverMessage();
  const m = message.data;

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('messageLog.detail')}
      size={720}
      destroyOnHidden
      data-testid="message-drawer"
      extra={
        // Whoever may read the log may send again (ACCESS.messages: the same roles).
        m && (
          <Button
            type="primary"
            loading={redeliver.isPending}
            disabled={m.status === 'queued'}
            onClick={() =>
              redeliver.mutate(id, {
                onSuccess: () => void toast.success(t('messageLog.redelivered')),
                onError: (error) => void toast.error(problemMessage(error, i18n)),
              })
            }
            data-testid="message-redeliver"
          >
            {t('messageLog.redeliver')}
          </Button>
        )
      }
    >
      {message.isError ? (
        <QueryError error={message.error} onRetry={() => void message.refetch()} />
      ) : !m ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={t('messageLog.field.subject')}>{m.subject}</Descriptions.Item>
          <Descriptions.Item label={t('messageLog.field.recipient')}>
            {t(`messageLog.channel.${m.channel}`)} · {m.address}
          </Descriptions.Item>
          <Descriptions.Item label={t('messageLog.field.status')}>
            <MessageStatusTag status={m.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('messageLog.field.attempts')}>{m.attempts}</Descriptions.Item>
          <Descriptions.Item label={t('messageLog.field.createdAt')}>{formatDateTime(m.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('messageLog.field.sentAt')}>{formatDateTime(m.sentAt)}</Descriptions.Item>
          <Descriptions.Item label={t('messageLog.field.body')}>
            <pre style={pre} data-testid="message-body">
              {m.body}
            </pre>
          </Descriptions.Item>
          <Descriptions.Item label={t('messageLog.field.provider')}>
            <pre style={pre} data-testid="message-provider">
              {m.providerResponse ?? '—'}
            </pre>
          </Descriptions.Item>
          {m.lastError && (
            <Descriptions.Item label={t('messageLog.field.lastError')}>
              <Typography.Text type="danger">{m.lastError}</Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Drawer>
  );
}
