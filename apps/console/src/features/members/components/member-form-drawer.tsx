import {
  MEMBER_CATEGORIES,
  type MemberCategory,
  normaliseIdNumber,
  PHONE,
  TITLE_LEVELS,
  type TitleLevel,
} from '@society-hub/domain';
import { App, Button, Checkbox, Col, DatePicker, Divider, Drawer, Flex, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormError, topLevelField, useServerErrors } from '@/components/form-shell';
import { importWizardMessages } from '@/components/import-wizard/messages';
import { type MessageKey, registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateMember } from '../api/create-member';
import type { Member, MemberCreate, MemberGender, MemberKind, MemberPatch } from '../api/types';
import { useUpdateMember } from '../api/update-member';
import { membersMessages } from '../messages';
import { birthDateFromIdNumber, idNumberProblems } from './id-number';
import { useMemberLabels } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(labelsMessages, membersMessages, importWizardMessages);

interface MemberFormValues {
  kind?: MemberKind;
  name?: string;
  gender?: MemberGender;
  idNumber?: string;
  birthDate?: Dayjs | null;
  phone?: string;
  email?: string;
  employer?: string;
  titleLevel?: TitleLevel;
  discipline?: string;
  degree?: string;
  category?: MemberCategory;
  joinedOn?: Dayjs | null;
  externalRef?: string;
  orgCreditCode?: string;
  contactPerson?: string;
  applied?: boolean;
}

const FIELDS = [
  'kind',
  'name',
  'gender',
  'idNumber',
  'birthDate',
  'phone',
  'email',
  'employer',
  'titleLevel',
  'discipline',
  'degree',
  'category',
  'joinedOn',
  'externalRef',
  'orgCreditCode',
  'contactPerson',
] as const;

/** The form's own words for the codes the API sends on member fields. */
const CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  already_member: 'member.error.already_member',
  external_ref_taken: 'member.error.external_ref_taken',
  id_number_checksum: 'member.error.id_number_checksum_plain',
  id_number_birth_date: 'member.error.id_number_birth_date',
  id_number_format: 'member.error.id_number_format',
  in_future: 'member.error.in_future',
};

const DATE = 'YYYY-MM-DD';

interface MemberFormDrawerProps {
  societyId: string;
  /** Absent: register a new member. */
  member?: Member;
  onClose: () => void;
  /** 412: the member changed since it was loaded. */
  onConflict: () => void;
}

export function MemberFormDrawer({ societyId, member, onClose, onConflict }: MemberFormDrawerProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const labels = useMemberLabels();
  const [form] = Form.useForm<MemberFormValues>();
  const create = useCreateMember();
  const update = useUpdateMember();
  const idempotencyKeyFor = useIdempotencyKey();
  const { formError, setFormError, onError } = useServerErrors(form, {
    fieldOf: (issue) => topLevelField(FIELDS, issue),
    codeMessages: CODE_MESSAGES,
    otherFields: 'above',
    onConflict,
  });
  const kind = Form.useWatch('kind', form) ?? member?.kind ?? 'individual';
  const submitting = create.isPending || update.isPending;
  const individual = kind === 'individual';
  const today = dayjs();

  function onFinish(values: MemberFormValues) {
    setFormError(undefined);
    const name = values.name?.trim();
    if (!name) return;
    const chosenKind = member?.kind ?? values.kind ?? 'individual';
    const person = chosenKind === 'individual';
    const text = (value: string | undefined) => value?.trim() || null;
    const idNumber = values.idNumber ? normaliseIdNumber(values.idNumber) : '';
    const fields = {
      name,
      gender: person ? (values.gender ?? null) : null,
      birthDate: person && values.birthDate ? values.birthDate.format(DATE) : null,
      phone: text(values.phone),
      email: text(values.email),
      employer: person ? text(values.employer) : null,
      titleLevel: person ? (values.titleLevel ?? 'none') : 'none',
      discipline: text(values.discipline),
      degree: person ? text(values.degree) : null,
      category: values.category ?? 'ordinary',
      joinedOn: values.joinedOn ? values.joinedOn.format(DATE) : null,
      externalRef: text(values.externalRef),
      orgCreditCode: person ? null : (text(values.orgCreditCode)?.toUpperCase() ?? null),
      contactPerson: person ? null : text(values.contactPerson),
    };
    if (!member) {
      const body: MemberCreate = {
        kind: chosenKind,
        ...fields,
        ...(person && idNumber ? { idNumber } : {}),
        ...(values.applied ? { status: 'applied' as const } : {}),
      };
      create.mutate(
        { societyId, body, idempotencyKey: idempotencyKeyFor(body) },
        {
          onSuccess: (created) => {
            message.success(t('member.form.created', { name: created.name }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    const patch: MemberPatch = {};
    for (const key of Object.keys(fields)) {
      const field = FIELDS.find((known) => known === key);
      if (!field || field === 'kind' || field === 'idNumber') continue;
      const next = fields[field];
      if (next !== member[field]) Object.assign(patch, { [field]: next });
    }
    if (person && idNumber) patch.idNumber = idNumber;
    if (Object.keys(patch).length === 0) {
      message.info(t('society.form.noChanges'));
      onClose();
      return;
    }
    update.mutate(
      { id: member.id, version: member.version, patch },
      {
        onSuccess: (saved) => {
          message.success(t('member.form.saved', { name: saved.name }));
          onClose();
        },
        onError,
      },
    );
  }

  const required = (field: MessageKey) => ({
    required: true,
    whitespace: true,
    message: t('society.form.required', { field: t(field) }),
  });

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
        initialValues={
          member
            ? {
                kind: member.kind,
                name: member.name,
                gender: member.gender ?? undefined,
                birthDate: member.birthDate ? dayjs(member.birthDate) : null,
                phone: member.phone ?? '',
                email: member.email ?? '',
                employer: member.employer ?? '',
                titleLevel: member.titleLevel,
                discipline: member.discipline ?? '',
                degree: member.degree ?? '',
                category: member.category,
                joinedOn: member.joinedOn ? dayjs(member.joinedOn) : null,
                externalRef: member.externalRef ?? '',
                orgCreditCode: member.orgCreditCode ?? '',
                contactPerson: member.contactPerson ?? '',
              }
            : { kind: 'individual', titleLevel: 'none', category: 'ordinary', applied: false }
        }
        onValuesChange={(changed: MemberFormValues) => {
          // The ID number carries the birth date: fill 出生日期 from it as soon as it is complete.
          if (changed.idNumber !== undefined) {
            const born = birthDateFromIdNumber(changed.idNumber);
            if (born) {
              form.setFieldValue('birthDate', dayjs(born));
              void form.validateFields(['birthDate']).catch(() => undefined);
            }
          }
          if (changed.birthDate !== undefined && form.getFieldValue('idNumber')) {
            void form.validateFields(['idNumber']).catch(() => undefined);
          }
        }}
        onFinish={onFinish}
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
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          {t('member.form.sectionPerson')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={individual ? t('member.field.name') : t('member.field.orgName')}
              rules={[required(individual ? 'member.field.name' : 'member.field.orgName')]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          {individual ? (
            <>
              <Col xs={24} md={12}>
                <Form.Item name="gender" label={t('member.field.gender')}>
                  <Radio.Group
                    options={(['male', 'female'] as const).map((value) => ({ value, label: labels.gender(value) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="idNumber"
                  label={t('member.field.idNumber')}
                  extra={
                    member?.idNumberMasked
                      ? t('member.form.idKeep', { masked: member.idNumberMasked })
                      : t('member.form.idHelp')
                  }
                  dependencies={['birthDate']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_, value: string | undefined) => {
                        const born: unknown = getFieldValue('birthDate');
                        const birthDate = dayjs.isDayjs(born) ? born.format(DATE) : null;
                        const [problem] = idNumberProblems(value ?? '', birthDate, t);
                        if (problem) throw new Error(problem);
                      },
                    }),
                  ]}
                >
                  <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="birthDate" label={t('member.field.birthDate')}>
                  <DatePicker
                    style={{ width: '100%' }}
                    disabledDate={(date) => date.isAfter(today, 'day')}
                    data-testid="member-birth-date"
                  />
                </Form.Item>
              </Col>
            </>
          ) : (
            <>
              <Col xs={24} md={12}>
                <Form.Item name="orgCreditCode" label={t('member.field.orgCreditCode')}>
                  <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="contactPerson" label={t('member.field.contactPerson')}>
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label={t('member.field.phone')}
              rules={[{ pattern: PHONE, message: t('member.form.phoneInvalid') }]}
            >
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="email"
              label={t('member.field.email')}
              rules={[{ type: 'email', message: t('member.form.emailInvalid') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          {individual && (
            <>
              <Col xs={24} md={12}>
                <Form.Item name="employer" label={t('member.field.employer')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="titleLevel" label={t('member.field.titleLevel')}>
                  <Select options={TITLE_LEVELS.map((value) => ({ value, label: labels.title(value) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="degree" label={t('member.field.degree')}>
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="discipline" label={t('member.field.discipline')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('member.form.sectionMembership')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="category" label={t('member.field.category')}>
              <Select options={MEMBER_CATEGORIES.map((value) => ({ value, label: labels.category(value) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="joinedOn" label={t('member.field.joinedOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(today, 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="externalRef" label={t('member.field.externalRef')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          {!member && (
            <Col xs={24}>
              <Form.Item name="applied" valuePropName="checked">
                <Checkbox>{t('member.form.applied')}</Checkbox>
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Drawer>
  );
}
