import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { registerMessages, useI18n } from '@/lib/i18n';
import { adminMessages } from '@/lib/messages/admin';
import type { WebhookWithSecret } from '../api/types';
import { integrationMessages } from '../messages';
import { mono } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(adminMessages, integrationMessages);

/** The one moment the signing secret exists in the console: kept in no cache and gone once closed. */
export function WebhookSecretModal({ webhook, onClose }: { webhook: WebhookWithSecret; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t('webhook.secret.title')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      width={640}
      footer={
        <Button type="primary" onClick={onClose} data-testid="webhook-secret-close">
          {t('client.secret.close')}
        </Button>
      }
      data-testid="webhook-secret-modal"
    >
      <Alert
        type="warning"
        showIcon
        title={t('client.secret.warning')}
        description={t('webhook.secret.warningDetail')}
        style={{ marginBottom: 16 }}
      />
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={t('webhook.field.url')}>
          <Typography.Text style={{ ...mono, wordBreak: 'break-all' }}>{webhook.url}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('webhook.field.secret')}>
          <Typography.Text
            copyable={{ tooltips: [t('client.secret.copy'), t('client.secret.copied')] }}
            style={{ ...mono, wordBreak: 'break-all' }}
            data-testid="webhook-secret"
          >
            {webhook.secret}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
        {t('webhook.secret.usage')}
      </Typography.Paragraph>
    </Modal>
  );
}
