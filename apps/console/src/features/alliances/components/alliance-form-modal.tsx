import { App, Form, Input, Modal } from 'antd';
import { FormError, topLevelField, useServerErrors } from '@/components/form-shell';
import { OneSocietySelect, SocietySelect } from '@/features/societies';
import { type MessageKey, registerMessages, useI18n } from '@/lib/i18n';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateAlliance } from '../api/create-alliance';
import type { Alliance, AllianceCreate, AlliancePatch } from '../api/types';
import { useUpdateAlliance } from '../api/update-alliance';
import { alliancesMessages } from '../messages';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(alliancesMessages);

interface AllianceFormValues {
  name?: string;
  leadSocietyId?: string;
  memberSocietyIds?: string[];
  description?: string;
}

const FIELDS = ['name', 'leadSocietyId', 'memberSocietyIds', 'description'] as const;
const CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  name_taken: 'alliance.error.name_taken',
  unknown_society: 'alliance.error.unknown_society',
};

interface AllianceFormModalProps {
  alliance?: Alliance;
  onClose: () => void;
  onConflict: () => void;
}

export function AllianceFormModal({ alliance, onClose, onConflict }: AllianceFormModalProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<AllianceFormValues>();
  const create = useCreateAlliance();
  const update = useUpdateAlliance();
  const idempotencyKeyFor = useIdempotencyKey();
  const { formError, setFormError, onError } = useServerErrors(form, {
    fieldOf: (issue) => topLevelField(FIELDS, issue),
    codeMessages: CODE_MESSAGES,
    onConflict,
  });
  const submitting = create.isPending || update.isPending;

  function onFinish(values: AllianceFormValues) {
    setFormError(undefined);
    const name = values.name?.trim();
    if (!name || !values.leadSocietyId) return;
    const lead = values.leadSocietyId;
    const members = [...new Set([lead, ...(values.memberSocietyIds ?? [])])];
    const description = values.description?.trim() || null;
    const done = (saved: Alliance) => {
      message.success(t(alliance ? 'alliance.saved' : 'alliance.created', { name: saved.name }));
      onClose();
    };
    if (!alliance) {
      const body: AllianceCreate = { name, leadSocietyId: lead, memberSocietyIds: members, description };
      create.mutate({ body, idempotencyKey: idempotencyKeyFor(body) }, { onSuccess: done, onError });
      return;
    }
    const patch: AlliancePatch = {};
    if (name !== alliance.name) patch.name = name;
    if (lead !== alliance.leadSocietyId) patch.leadSocietyId = lead;
    if ([...members].sort().join() !== [...alliance.memberSocietyIds].sort().join()) patch.memberSocietyIds = members;
    if (description !== alliance.description) patch.description = description;
    if (Object.keys(patch).length === 0) {
      message.info(t('society.form.noChanges'));
      onClose();
      return;
    }
    update.mutate({ id: alliance.id, version: alliance.version, patch }, { onSuccess: done, onError });
  }

  return (
    <Modal
      open
      title={alliance ? t('alliance.editTitle', { name: alliance.name }) : t('alliance.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      width={640}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'alliance-submit' }}
    >
      <Form<AllianceFormValues>
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={
          alliance
            ? {
                name: alliance.name,
                leadSocietyId: alliance.leadSocietyId,
                memberSocietyIds: alliance.memberSocietyIds,
                description: alliance.description ?? '',
              }
            : { memberSocietyIds: [] }
        }
        onFinish={onFinish}
      >
        <FormError error={formError} />
        <Form.Item
          name="name"
          label={t('alliance.field.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('society.form.required', { field: t('alliance.field.name') }),
            },
          ]}
        >
          <Input maxLength={100} placeholder={t('alliance.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="leadSocietyId"
          label={t('alliance.field.lead')}
          extra={t('alliance.leadHelp')}
          rules={[{ required: true, message: t('alliance.leadRequired') }]}
        >
          <OneSocietySelect testId="alliance-lead" />
        </Form.Item>
        <Form.Item name="memberSocietyIds" label={t('alliance.field.members')}>
          <SocietySelect data-testid="alliance-members" />
        </Form.Item>
        <Form.Item name="description" label={t('alliance.field.description')}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
