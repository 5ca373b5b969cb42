import { Button, Drawer, Flex, Form, Radio } from 'antd';
import { FormError } from '@/components/form-shell';
import { importWizardMessages } from '@/components/import-wizard/messages';
import { registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import type { Member } from '../api/types';
import { membersMessages } from '../messages';
import { syncBirthDate } from './id-number';
import { useMemberLabels } from './labels';
import { MembershipSection } from './member-form/membership-section';
import { PersonSection } from './member-form/person-section';
import { useMemberSubmit } from './member-form/use-member-submit';
import { initialValues, type MemberFormValues } from './member-form/values';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(labelsMessages, membersMessages, importWizardMessages);

interface MemberFormDrawerProps {
  societyId: string;
  /** Absent: register a new member. */
  member?: Member;
  onClose: () => void;
  /** 412: the member changed since it was loaded. */
  onConflict: () => void;
}

/** Registers a member or edits one: the sections are in `member-form/`. */
export function MemberFormDrawer({ societyId, member, onClose, onConflict }: MemberFormDrawerProps) {
  const { t } = useI18n();
  const labels = useMemberLabels();
  const [form] = Form.useForm<MemberFormValues>();
  const { submit, submitting, formError } = useMemberSubmit(form, societyId, member, onClose, onConflict);
  const kind = Form.useWatch('kind', form) ?? member?.kind ?? 'individual';

  return (
    <Drawer
      open
      size={720}
      title={member ? t('member.form.editTitle', { name: member.name }) : t('member.form.addTitle')}
      onClose={onClose}
      destroyOnHidden
      maskClosable={false}
      data-testid="member-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()} data-testid="member-submit">
            {member ? t('society.form.submitSave') : t('society.form.submitCreate')}
          </Button>
        </Flex>
      }
    >
      <FormError error={formError} testId="member-form-error" />
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={initialValues(member)}
        onValuesChange={(changed: MemberFormValues) => syncBirthDate(form, changed)}
        onFinish={submit}
        data-testid="member-form"
      >
        {!member && (
          <Form.Item name="kind" label={t('member.field.kind')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={(['individual', 'institutional'] as const).map((value) => ({
                value,
                label: labels.kind(value),
              }))}
              data-testid="member-kind"
            />
          </Form.Item>
        )}
        <PersonSection member={member} individual={kind === 'individual'} />
        <MembershipSection member={member} />
      </Form>
    </Drawer>
  );
}
