import { COUNCIL_POSITIONS, type CouncilPosition } from '@society-hub/domain';
import { App, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { FormError, topLevelField, useServerErrors } from '@/components/form-shell';
import { type MessageKey, registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { currentYear } from '@/lib/today';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useAddCouncilMember } from '../api/add-council-member';
import type { CouncilMember, CouncilMemberCreate, CouncilMemberPatch } from '../api/types';
import { useUpdateCouncilMember } from '../api/update-council-member';
import { governanceMessages } from '../messages';
import { usePositionLabel } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(governanceMessages, labelsMessages);

interface MemberFormValues {
  personName?: string;
  position?: CouncilPosition;
  standing?: boolean;
  frontline?: boolean;
  birthYear?: number | null;
  employer?: string;
  official?: boolean;
  approvalRef?: string;
}

const FIELDS = [
  'personName',
  'position',
  'standing',
  'frontline',
  'birthYear',
  'employer',
  'official',
  'approvalRef',
] as const;
const LEADERS: readonly CouncilPosition[] = ['chair', 'vice_chair', 'secretary_general', 'standing_director'];
const SUPERVISORS: readonly CouncilPosition[] = ['chief_supervisor', 'supervisor'];

const CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  position_taken: 'council.error.position_taken',
  no_term: 'council.error.no_term',
  implausible: 'council.error.implausible',
};

interface CouncilMemberModalProps {
  societyId: string;
  /** Absent: add a new member to the current term. */
  member?: CouncilMember;
  onClose: () => void;
  onConflict: () => void;
}

export function CouncilMemberModal({ societyId, member, onClose, onConflict }: CouncilMemberModalProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const positionLabel = usePositionLabel();
  const [form] = Form.useForm<MemberFormValues>();
  const add = useAddCouncilMember();
  const update = useUpdateCouncilMember();
  const idempotencyKeyFor = useIdempotencyKey();
  const { formError, setFormError, onError } = useServerErrors(form, {
    fieldOf: (issue) => topLevelField(FIELDS, issue),
    codeMessages: CODE_MESSAGES,
    otherFields: 'above',
    onConflict,
  });
  const official = Form.useWatch('official', form) ?? member?.official ?? false;
  const position = Form.useWatch('position', form) ?? member?.position;
  const submitting = add.isPending || update.isPending;
  const thisYear = currentYear();

  function onFinish(values: MemberFormValues) {
    setFormError(undefined);
    if (!values.position || !values.personName) return;
    const isOfficial = values.official ?? false;
    const fields = {
      personName: values.personName.trim(),
      position: values.position,
      standing: SUPERVISORS.includes(values.position) ? false : (values.standing ?? false),
      frontline: values.frontline ?? false,
      birthYear: values.birthYear ?? null,
      employer: values.employer?.trim() || null,
      official: isOfficial,
      approvalRef: isOfficial ? values.approvalRef?.trim() || null : null,
    };
    const done = (saved: CouncilMember) => {
      message.success(t('council.saved', { name: saved.personName }));
      onClose();
    };
    if (!member) {
      const body: CouncilMemberCreate = fields;
      add.mutate({ societyId, body, idempotencyKey: idempotencyKeyFor(body) }, { onSuccess: done, onError });
      return;
    }
    const patch: CouncilMemberPatch = {};
    for (const key of FIELDS) {
      if (fields[key] !== member[key]) Object.assign(patch, { [key]: fields[key] });
    }
    if (Object.keys(patch).length === 0) {
      message.info(t('society.form.noChanges'));
      onClose();
      return;
    }
    update.mutate({ societyId, memberId: member.id, version: member.version, patch }, { onSuccess: done, onError });
  }

  return (
    <Modal
      open
      title={member ? t('council.editTitle', { name: member.personName }) : t('council.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      width={640}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'member-submit' }}
    >
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={
          member
            ? {
                personName: member.personName,
                position: member.position,
                standing: member.standing,
                frontline: member.frontline,
                birthYear: member.birthYear,
                employer: member.employer ?? '',
                official: member.official,
                approvalRef: member.approvalRef ?? '',
              }
            : { standing: false, frontline: true, official: false }
        }
        onValuesChange={(changed: MemberFormValues) => {
          // Leaders sit on the standing council by definition; supervisors never do.
          if (changed.position) form.setFieldValue('standing', LEADERS.includes(changed.position));
        }}
        onFinish={onFinish}
        data-testid="member-form"
      >
        <FormError error={formError} testId="member-form-error" />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="personName"
              label={t('council.field.personName')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('society.form.required', { field: t('council.field.personName') }),
                },
              ]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="position"
              label={t('council.field.position')}
              rules={[{ required: true, message: t('society.form.select', { field: t('council.field.position') }) }]}
            >
              <Select
                options={COUNCIL_POSITIONS.map((value) => ({ value, label: positionLabel(value) }))}
                placeholder={t('society.form.select', { field: t('council.field.position') })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="birthYear"
              label={t('council.field.birthYear')}
              rules={[
                {
                  type: 'integer',
                  min: 1900,
                  max: thisYear - 16,
                  message: t('council.birthYearInvalid'),
                },
              ]}
            >
              <InputNumber style={{ width: '100%' }} min={1900} max={thisYear} precision={0} controls={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="employer" label={t('council.field.employer')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="standing"
              valuePropName="checked"
              extra={t('council.standingHelp')}
              style={{ marginBottom: 8 }}
            >
              <Checkbox disabled={position !== undefined && SUPERVISORS.includes(position)}>
                {t('council.field.standing')}
              </Checkbox>
            </Form.Item>
            <Form.Item name="frontline" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t('council.field.frontline')}</Checkbox>
            </Form.Item>
            <Form.Item name="official" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t('council.field.official')}</Checkbox>
            </Form.Item>
          </Col>
          {official && (
            <Col xs={24}>
              <Form.Item name="approvalRef" label={t('council.field.approvalRef')} extra={t('council.approvalHelp')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
