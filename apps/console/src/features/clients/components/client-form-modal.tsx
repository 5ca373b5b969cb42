import type { ApiScope } from '@society-hub/domain';
import { Checkbox, Form, Input, Modal } from 'antd';
import { FormError, topLevelField, useServerErrors } from '@/components/form-shell';
import { SocietySelect } from '@/features/societies';
import { registerMessages, useI18n } from '@/lib/i18n';
import { adminMessages } from '@/lib/messages/admin';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateClient } from '../api/create-client';
import type { Client, ClientCreate, ClientPatch, ClientWithSecret } from '../api/types';
import { useUpdateClient } from '../api/update-client';
import { API_SCOPES } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(adminMessages);

interface ClientFormValues {
  name?: string;
  scopes?: ApiScope[];
  department?: string;
  societyIds?: string[];
}

const FIELDS = ['name', 'scopes', 'department', 'societyIds'] as const;

interface ClientFormModalProps {
  /** Absent: register a new client. */
  client?: Client;
  onClose: () => void;
  onCreated: (client: ClientWithSecret) => void;
  onSaved: () => void;
  onConflict: () => void;
}

export function ClientFormModal({ client, onClose, onCreated, onSaved, onConflict }: ClientFormModalProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<ClientFormValues>();
  const create = useCreateClient();
  const update = useUpdateClient();
  const idempotencyKeyFor = useIdempotencyKey();
  const { formError, setFormError, onError } = useServerErrors(form, {
    fieldOf: (issue) => topLevelField(FIELDS, issue),
    codeMessages: {
      unknown_society: 'user.error.unknown_society',
      association_scope: 'client.error.association_scope',
    },
    onConflict,
  });
  const submitting = create.isPending || update.isPending;

  function onFinish(values: ClientFormValues) {
    setFormError(undefined);
    const name = values.name?.trim() ?? '';
    const scopes = API_SCOPES.filter((scope) => values.scopes?.includes(scope));
    const department = values.department?.trim() || null;
    const societyIds = values.societyIds ?? [];
    if (!client) {
      const body: ClientCreate = { name, scopes, department, societyIds };
      create.mutate({ body, idempotencyKey: idempotencyKeyFor(body) }, { onSuccess: onCreated, onError });
      return;
    }
    const patch: ClientPatch = {};
    if (name !== client.name) patch.name = name;
    if (scopes.join() !== API_SCOPES.filter((scope) => client.scopes.includes(scope)).join()) patch.scopes = scopes;
    if (department !== client.department) patch.department = department;
    if ([...societyIds].sort().join() !== [...client.societyIds].sort().join()) patch.societyIds = societyIds;
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    update.mutate({ id: client.id, version: client.version, patch }, { onSuccess: onSaved, onError });
  }

  return (
    <Modal
      open
      title={client ? t('client.editTitle', { name: client.name }) : t('client.createTitle')}
      okText={client ? t('society.form.submitSave') : t('client.createSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: submitting, 'data-testid': 'client-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      width={600}
    >
      <FormError error={formError} />
      <Form<ClientFormValues>
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={
          client
            ? {
                name: client.name,
                scopes: client.scopes,
                department: client.department ?? '',
                societyIds: client.societyIds,
              }
            : { scopes: ['societies:read'], societyIds: [] }
        }
        onFinish={onFinish}
        data-testid="client-form"
      >
        <Form.Item
          name="name"
          label={t('client.field.name')}
          rules={[{ required: true, whitespace: true, message: t('client.error.name_required') }]}
        >
          <Input maxLength={100} placeholder={t('client.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('client.field.scopes')}
          rules={[{ required: true, type: 'array', min: 1, message: t('client.error.scopes_required') }]}
        >
          <Checkbox.Group
            options={API_SCOPES.map((scope) => ({ value: scope, label: `${t(`scope.${scope}`)}（${scope}）` }))}
          />
        </Form.Item>
        <Form.Item name="department" label={t('client.field.department')} extra={t('client.departmentHelp')}>
          <Input maxLength={100} placeholder={t('client.departmentPlaceholder')} />
        </Form.Item>
        <Form.Item name="societyIds" label={t('client.field.societies')} extra={t('client.societiesHelp')}>
          <SocietySelect placeholder={t('client.allSocieties')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
