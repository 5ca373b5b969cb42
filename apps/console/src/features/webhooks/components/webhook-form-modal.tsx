import { Form, Input, Modal, Select } from 'antd';
import { FormError, topLevelField, useServerErrors } from '@/components/form-shell';
import { useClients } from '@/features/clients';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateWebhook } from '../api/create-webhook';
import type { WebhookCreate, WebhookWithSecret } from '../api/types';
import { integrationMessages } from '../messages';
import { EVENT_TYPE_SUGGESTIONS } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(integrationMessages);

interface WebhookFormValues {
  clientId?: string;
  url?: string;
  eventTypes?: string[];
  description?: string;
}

const FIELDS = ['clientId', 'url', 'eventTypes', 'description'] as const;

export function WebhookFormModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (webhook: WebhookWithSecret) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<WebhookFormValues>();
  const create = useCreateWebhook();
  const clients = useClients({ limit: 500 });
  const idempotencyKeyFor = useIdempotencyKey();
  const { formError, setFormError, onError } = useServerErrors(form, {
    fieldOf: (issue) => topLevelField(FIELDS, issue),
    codeMessages: { missing_scope: 'webhook.error.missing_scope' },
    messageOf: (issue) =>
      issue.code === 'unsafe_url' ? t('webhook.error.unsafe_url', { reason: issue.message }) : undefined,
  });

  function onFinish(values: WebhookFormValues) {
    setFormError(undefined);
    const body: WebhookCreate = {
      clientId: values.clientId ?? '',
      url: values.url?.trim() ?? '',
      eventTypes: values.eventTypes ?? [],
      description: values.description?.trim() || null,
    };
    create.mutate({ body, idempotencyKey: idempotencyKeyFor(body) }, { onSuccess: onCreated, onError });
  }

  const options = (clients.data?.items ?? [])
    .filter((client) => !client.disabled)
    .map((client) => ({
      value: client.id,
      label: client.name,
      disabled: !client.scopes.includes('events:read'),
    }));

  return (
    <Modal
      open
      title={t('webhook.createTitle')}
      okText={t('webhook.createSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'webhook-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      width={620}
    >
      <FormError error={formError} />
      <Form<WebhookFormValues>
        form={form}
        layout="vertical"
        disabled={create.isPending}
        initialValues={{ eventTypes: ['society.*'] }}
        onFinish={onFinish}
        data-testid="webhook-form"
      >
        <Form.Item
          name="clientId"
          label={t('webhook.field.client')}
          extra={t('webhook.clientHelp')}
          rules={[{ required: true, message: t('webhook.error.client_required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={clients.isPending}
            options={options}
            placeholder={t('webhook.clientPlaceholder')}
            data-testid="webhook-client"
          />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('webhook.field.url')}
          extra={t('webhook.urlHelp')}
          rules={[{ required: true, whitespace: true, message: t('webhook.error.url_required') }]}
        >
          <Input maxLength={2000} placeholder="https://" data-testid="webhook-url" />
        </Form.Item>
        <Form.Item
          name="eventTypes"
          label={t('webhook.field.eventTypes')}
          extra={t('webhook.eventTypesHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('webhook.error.types_required') }]}
        >
          <Select
            mode="tags"
            options={EVENT_TYPE_SUGGESTIONS.map((value) => ({ value, label: value }))}
            tokenSeparators={[',', ' ']}
            data-testid="webhook-types"
          />
        </Form.Item>
        <Form.Item name="description" label={t('webhook.field.description')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
