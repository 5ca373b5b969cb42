import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { registerMessages, useI18n } from '@/lib/i18n';
import { adminMessages } from '@/lib/messages/admin';
import type { ClientWithSecret } from '../api/types';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(adminMessages);

const mono = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  wordBreak: 'break-all',
} as const;

/** The one moment the secret exists in the console: it is kept in no cache and gone once closed. */
export function SecretModal({
  client,
  rotated,
  onClose,
}: {
  client: ClientWithSecret;
  rotated: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={
        rotated
          ? t('client.secret.rotatedTitle', { name: client.name })
          : t('client.secret.createdTitle', { name: client.name })
      }
      closable={false}
      maskClosable={false}
      keyboard={false}
      width={640}
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-close">
          {t('client.secret.close')}
        </Button>
      }
      data-testid="client-secret-modal"
    >
      <Alert
        type="warning"
        showIcon
        title={t('client.secret.warning')}
        description={t('client.secret.warningDetail')}
        style={{ marginBottom: 16 }}
      />
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 140 } }}>
        <Descriptions.Item label="client_id">
          <Typography.Text
            copyable={{ tooltips: [t('client.secret.copy'), t('client.secret.copied')] }}
            style={mono}
            data-testid="client-id"
          >
            {client.clientId}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="client_secret">
          <Typography.Text
            copyable={{ tooltips: [t('client.secret.copy'), t('client.secret.copied')] }}
            style={mono}
            data-testid="client-secret"
          >
            {client.clientSecret}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
        {t('client.secret.usage')}
      </Typography.Paragraph>
    </Modal>
  );
}
