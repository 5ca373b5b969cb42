import { DISCIPLINES, PARTY_ORGANISATIONS, SOCIETY_TYPES } from '@society-hub/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Flex, Form, type FormRule, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Card } from '@/components/card';
import { type ApiError, isApiError } from '@/lib/api-client';
import { policies } from '@/lib/authorization';
import { useI18n } from '@/lib/i18n';
import { fieldMessage, problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateSociety } from '../api/create-society';
import { societyKeys } from '../api/keys';
import type { Society } from '../api/types';
import { useUpdateSociety } from '../api/update-society';
import {
  creditCodeIssues,
  creditCodeMessage,
  isCreditCodeError,
  isPlausiblePrefix,
  OVERRIDABLE_CREDIT_CODE_ERRORS,
} from './credit-code';
import { useSocietyLabels } from './labels';
import {
  diffProfile,
  FORM_FIELDS,
  profileOf,
  type SocietyFormValues,
  toFormValues,
  toProfile,
} from './society-form-values';

interface SocietyFormProps {
  /** Absent: create a new society. */
  society?: Society;
}

const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };

export function SocietyForm({ society }: SocietyFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = useSocietyLabels();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<SocietyFormValues>();
  const create = useCreateSociety();
  const update = useUpdateSociety();
  const [formError, setFormError] = useState<string>();
  const [serverOverridable, setServerOverridable] = useState(false);
  const idempotencyKeyFor = useIdempotencyKey();

  const canEditCreditCode = policies.editCreditCode(user);
  const canOverride = policies.overrideCreditCode(user);
  const canEditGrade = policies.editEvaluationGrade(user);
  const partyOrganisation = Form.useWatch('partyOrganisation', form) ?? society?.partyOrganisation ?? 'none';
  const evaluationGrade = Form.useWatch('evaluationGrade', form) ?? society?.evaluationGrade ?? null;
  const creditCode = Form.useWatch('creditCode', form) ?? society?.creditCode ?? '';
  const localOverridable = creditCodeIssues(creditCode).some((issue) => issue.overridable);
  const showOverride = canOverride && (localOverridable || serverOverridable);
  const submitting = create.isPending || update.isPending;

  const creditCodeRules: FormRule[] = [
    {
      validateTrigger: 'onChange',
      validator: async (_, raw: string | undefined) => {
        if (!raw) return;
        if (!isPlausiblePrefix(raw)) throw new Error(creditCodeMessage('credit_code_format', raw, t));
      },
    },
    {
      validateTrigger: ['onChange', 'onBlur'],
      validator: async (_, raw: string | undefined) => {
        if (!raw || (raw.trim().length < 18 && isPlausiblePrefix(raw))) return;
        const issues = creditCodeIssues(raw);
        const reason: unknown = form.getFieldValue('creditCodeOverrideReason');
        const overridden = canOverride && typeof reason === 'string' && reason.trim() !== '';
        const blocking = issues.find((issue) => !(issue.overridable && overridden));
        if (blocking) throw new Error(creditCodeMessage(blocking.code, raw, t));
      },
    },
    {
      validateTrigger: 'onBlur',
      validator: async (_, raw: string | undefined) => {
        if (raw && raw.trim().length < 18) throw new Error(creditCodeMessage('credit_code_format', raw, t));
      },
    },
  ];

  function showServerErrors(error: ApiError): boolean {
    const fields: { name: keyof SocietyFormValues; errors: string[] }[] = [];
    let overridable = false;
    for (const issue of error.problem.errors ?? []) {
      const field = issue.path.replace(/^\/body\/?/, '');
      const name = FORM_FIELDS.find((known) => known === field);
      if (!name) continue;
      if (OVERRIDABLE_CREDIT_CODE_ERRORS.includes(issue.code)) overridable = true;
      const text =
        name === 'creditCode' && isCreditCodeError(issue.code)
          ? creditCodeMessage(issue.code, form.getFieldValue('creditCode') ?? '', t)
          : fieldMessage(issue, i18n);
      const existing = fields.find((entry) => entry.name === name);
      if (existing) existing.errors.push(text);
      else fields.push({ name, errors: [text] });
    }
    if (overridable) setServerOverridable(true);
    form.setFields(fields);
    if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
    return fields.length > 0;
  }

  function onConflict(current: Society) {
    modal.confirm({
      title: t('society.form.conflictTitle'),
      content: t('society.form.conflictBody'),
      okText: t('common.reload'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        await queryClient.refetchQueries({ queryKey: societyKeys.detail(current.id), exact: true });
      },
    });
  }

  function onError(error: unknown) {
    if (isApiError(error) && error.status === 412 && society) {
      onConflict(society);
      return;
    }
    if (isApiError(error) && showServerErrors(error)) {
      setFormError(t('society.form.fixErrors'));
      return;
    }
    setFormError(problemMessage(error, i18n));
  }

  async function onFinish(values: SocietyFormValues) {
    setFormError(undefined);
    const profile = toProfile(values, showOverride);
    if (!profile) return;
    if (!society) {
      create.mutate(
        { body: profile, idempotencyKey: idempotencyKeyFor(profile) },
        {
          onSuccess: (created) => {
            message.success(t('society.form.created', { name: created.name }));
            navigate(`/societies/${created.id}`, { replace: true });
          },
          onError,
        },
      );
      return;
    }
    const patch = diffProfile(profileOf(society), profile);
    if (!canEditCreditCode) {
      delete patch.creditCode;
      delete patch.creditCodeOverrideReason;
    }
    if (!canEditGrade) {
      delete patch.evaluationGrade;
      delete patch.evaluationGradeOn;
    }
    if (Object.keys(patch).length === 0) {
      message.info(t('society.form.noChanges'));
      navigate(`/societies/${society.id}`);
      return;
    }
    update.mutate(
      { id: society.id, version: society.version, patch },
      {
        onSuccess: () => {
          message.success(t('society.form.saved'));
          navigate(`/societies/${society.id}`);
        },
        onError,
      },
    );
  }

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('society.form.required', { field }),
  });

  return (
    <Form<SocietyFormValues>
      form={form}
      layout="vertical"
      initialValues={
        society ? toFormValues(society) : { secretaryGeneralFullTime: 'unknown', partyOrganisation: 'none' }
      }
      onFinish={onFinish}
      onFinishFailed={({ errorFields }) => {
        const first = errorFields[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
      }}
      onValuesChange={(changed: SocietyFormValues) => {
        if ('creditCode' in changed) setServerOverridable(false);
      }}
      scrollToFirstError={false}
      disabled={submitting}
      data-testid="society-form"
    >
      <Flex vertical gap={16}>
        {formError && (
          <Alert type="error" showIcon title={formError} closable onClose={() => setFormError(undefined)} />
        )}
        <Card title={t('society.form.section.basic')}>
          <Row gutter={24}>
            <Col {...half}>
              <Form.Item name="name" label={t('society.field.name')} rules={[required(t('society.field.name'))]}>
                <Input maxLength={100} placeholder={t('society.form.namePlaceholder')} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="nameEn" label={t('society.field.nameEn')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item
                name="type"
                label={t('society.field.type')}
                rules={[{ required: true, message: t('society.form.select', { field: t('society.field.type') }) }]}
              >
                <Select
                  options={SOCIETY_TYPES.map((value) => ({ value, label: labels.type(value) }))}
                  placeholder={t('society.form.select', { field: t('society.field.type') })}
                  data-testid="field-type"
                />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item
                name="discipline"
                label={t('society.field.discipline')}
                rules={[
                  { required: true, message: t('society.form.select', { field: t('society.field.discipline') }) },
                ]}
              >
                <Select
                  options={DISCIPLINES.map((value) => ({ value, label: labels.discipline(value) }))}
                  placeholder={t('society.form.select', { field: t('society.field.discipline') })}
                  data-testid="field-discipline"
                />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item name="foundedOn" label={t('society.field.foundedOn')}>
                <DatePicker
                  style={{ width: '100%' }}
                  format="YYYY-MM-DD"
                  disabledDate={(date) => date.isAfter(dayjs(), 'day')}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('society.form.section.registration')}>
          <Row gutter={24}>
            <Col {...half}>
              <Form.Item
                name="creditCode"
                label={t('society.field.creditCode')}
                rules={creditCodeRules}
                validateTrigger={['onChange', 'onBlur']}
                dependencies={['creditCodeOverrideReason']}
                normalize={(value: string) => value.toUpperCase()}
                extra={canEditCreditCode ? undefined : t('society.form.creditCodeLocked')}
                hasFeedback
              >
                <Input
                  maxLength={18}
                  showCount
                  disabled={!canEditCreditCode}
                  placeholder={t('society.form.creditCodeHelp')}
                  style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
                  autoComplete="off"
                  spellCheck={false}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="supportingUnit" label={t('society.field.supportingUnit')}>
                <Input maxLength={200} placeholder={t('society.form.supportingUnitPlaceholder')} />
              </Form.Item>
            </Col>
            {showOverride && (
              <Col span={24}>
                <Form.Item
                  name="creditCodeOverrideReason"
                  label={t('society.field.creditCodeOverrideReason')}
                  extra={t('society.form.overrideHelp')}
                  rules={[{ required: true, whitespace: true, message: t('society.form.overrideRequired') }]}
                >
                  <Input.TextArea rows={2} maxLength={500} showCount />
                </Form.Item>
              </Col>
            )}
          </Row>
        </Card>

        <Card title={t('society.form.section.leadership')}>
          <Row gutter={24}>
            <Col {...half}>
              <Form.Item name="legalRepresentative" label={t('society.field.legalRepresentative')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="chairName" label={t('society.field.chairName')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="secretaryGeneralName" label={t('society.field.secretaryGeneralName')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="secretaryGeneralFullTime" label={t('society.field.secretaryGeneralFullTime')}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'full', label: t('society.fullTime') },
                    { value: 'part', label: t('society.partTime') },
                    { value: 'unknown', label: t('society.unknown') },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('society.form.section.party')}>
          <Row gutter={24}>
            <Col {...half}>
              <Form.Item name="partyOrganisation" label={t('society.field.partyOrganisation')}>
                <Select
                  options={PARTY_ORGANISATIONS.map((value) => ({ value, label: t(`party.${value}`) }))}
                  data-testid="field-party"
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="partyOrganisationOn" label={t('society.field.partyOrganisationOn')}>
                <DatePicker
                  style={{ width: '100%' }}
                  format="YYYY-MM-DD"
                  disabled={partyOrganisation === 'none'}
                  disabledDate={(date) => date.isAfter(dayjs(), 'day')}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="evaluationGrade"
                label={t('society.field.evaluationGrade')}
                extra={canEditGrade ? undefined : t('society.form.gradeAdminOnly')}
              >
                <Select<number | null>
                  allowClear
                  disabled={!canEditGrade}
                  placeholder={t('society.form.gradeNone')}
                  options={[1, 2, 3, 4, 5].map((value) => ({ value, label: t('grade.value', { n: value }) }))}
                  onClear={() => form.setFieldValue('evaluationGrade', null)}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="evaluationGradeOn"
                label={t('society.field.evaluationGradeOn')}
                dependencies={['evaluationGrade']}
                rules={[
                  {
                    required: canEditGrade && Boolean(evaluationGrade),
                    message: t('society.form.gradeOnRequired'),
                  },
                ]}
              >
                <DatePicker
                  style={{ width: '100%' }}
                  format="YYYY-MM-DD"
                  disabled={!canEditGrade || !evaluationGrade}
                  disabledDate={(date) => date.isAfter(dayjs(), 'day')}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('society.form.section.contact')}>
          <Row gutter={24}>
            <Col span={24}>
              <Form.Item name="officeAddress" label={t('society.field.officeAddress')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item name="contactPerson" label={t('society.field.contactPerson')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item
                name="contactPhone"
                label={t('society.field.contactPhone')}
                rules={[{ pattern: /^[0-9+()\- ]{5,40}$/, message: t('society.form.phoneInvalid') }]}
              >
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item
                name="contactEmail"
                label={t('society.field.contactEmail')}
                rules={[{ type: 'email', message: t('society.form.emailInvalid') }]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="website"
                label={t('society.field.website')}
                rules={[{ pattern: /^https?:\/\/\S+$/i, message: t('society.form.websiteInvalid') }]}
              >
                <Input maxLength={200} placeholder="https://" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card
          size="small"
          style={{ position: 'sticky', bottom: 0, zIndex: 10, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}
        >
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => navigate(society ? `/societies/${society.id}` : '/societies')} disabled={false}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="society-submit">
              {society ? t('society.form.submitSave') : t('society.form.submitCreate')}
            </Button>
          </Flex>
        </Card>
      </Flex>
    </Form>
  );
}
