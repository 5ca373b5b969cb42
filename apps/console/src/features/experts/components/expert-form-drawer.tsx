import { EXPERT_POOLS, type ExpertPool, normaliseIdNumber } from '@society-hub/domain';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Switch,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type MessageKey, useI18n } from '@/app/i18n';
import { birthDateFromIdNumber, idNumberProblems } from '@/features/members/components/id-number';
import { SocietySelect } from '@/features/societies/components/society-select';
import { bodyFieldErrors } from '@/lib/conflict';
import { fieldMessage, problemMessage } from '@/lib/problem-message';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateExpert } from '../api/create-expert';
import type { ExpertCreate, ExpertTitle } from '../api/types';

interface ExpertFormValues {
  name?: string;
  gender?: 'male' | 'female';
  idNumber?: string;
  birthDate?: Dayjs | null;
  titleLevel?: ExpertTitle;
  pools?: ExpertPool[];
  disciplines?: string[];
  employer?: string;
  phone?: string;
  email?: string;
  societyIds?: string[];
  available?: boolean;
}

const FIELDS = [
  'name',
  'gender',
  'idNumber',
  'birthDate',
  'titleLevel',
  'pools',
  'disciplines',
  'employer',
  'phone',
  'email',
  'societyIds',
  'available',
] as const;
/** Experts hold 副高级 or above: the form offers only those. */
const EXPERT_TITLES: readonly ExpertTitle[] = ['senior', 'associate_senior'];
const CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  already_expert: 'expert.error.already_expert',
  external_ref_taken: 'member.error.external_ref_taken',
  id_number_checksum: 'member.error.id_number_checksum_plain',
  id_number_birth_date: 'member.error.id_number_birth_date',
  id_number_format: 'member.error.id_number_format',
  in_future: 'member.error.in_future',
  unknown_society: 'user.error.unknown_society',
};
const PHONE = /^[0-9+()\- ]{5,30}$/;

export function ExpertFormDrawer({ onClose }: { onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<ExpertFormValues>();
  const create = useCreateExpert();
  const idempotencyKeyFor = useIdempotencyKey();
  const [formError, setFormError] = useState<string>();

  function onError(error: unknown) {
    const fields: { name: (typeof FIELDS)[number]; errors: string[] }[] = [];
    for (const issue of bodyFieldErrors(error)) {
      const name = FIELDS.find((known) => known === issue.field);
      if (!name) continue;
      const own = CODE_MESSAGES[issue.code];
      const text = own ? t(own) : fieldMessage(issue, i18n);
      const existing = fields.find((entry) => entry.name === name);
      if (existing) existing.errors.push(text);
      else fields.push({ name, errors: [text] });
    }
    if (fields.length > 0) {
      form.setFields(fields);
      setFormError(t('society.form.fixErrors'));
      return;
    }
    setFormError(problemMessage(error, i18n));
  }

  function onFinish(values: ExpertFormValues) {
    setFormError(undefined);
    const name = values.name?.trim();
    if (!name || !values.titleLevel) return;
    const text = (value: string | undefined) => value?.trim() || null;
    const idNumber = values.idNumber ? normaliseIdNumber(values.idNumber) : '';
    const body: ExpertCreate = {
      name,
      titleLevel: values.titleLevel,
      pools: values.pools ?? [],
      disciplines: [...new Set((values.disciplines ?? []).map((d) => d.trim()).filter(Boolean))],
      gender: values.gender ?? null,
      birthDate: values.birthDate ? values.birthDate.format('YYYY-MM-DD') : null,
      employer: text(values.employer),
      phone: text(values.phone),
      email: text(values.email),
      societyIds: values.societyIds ?? [],
      available: values.available ?? true,
      ...(idNumber ? { idNumber } : {}),
    };
    create.mutate(
      { body, idempotencyKey: idempotencyKeyFor(body) },
      {
        onSuccess: (expert) => {
          message.success(t('expert.created', { name: expert.name }));
          onClose();
        },
        onError,
      },
    );
  }

  return (
    <Drawer
      open
      size={680}
      title={t('expert.addTitle')}
      onClose={onClose}
      destroyOnHidden
      maskClosable={false}
      data-testid="expert-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="expert-submit">
            {t('society.form.submitCreate')}
          </Button>
        </Flex>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<ExpertFormValues>
        form={form}
        layout="vertical"
        disabled={create.isPending}
        initialValues={{ titleLevel: 'senior', pools: ['science_technology'], disciplines: [], available: true }}
        onValuesChange={(changed: ExpertFormValues) => {
          if (changed.idNumber !== undefined) {
            const born = birthDateFromIdNumber(changed.idNumber);
            if (born) form.setFieldValue('birthDate', dayjs(born));
          }
        }}
        onFinish={onFinish}
        data-testid="expert-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('expert.field.name')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('society.form.required', { field: t('expert.field.name') }),
                },
              ]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="gender" label={t('expert.field.gender')}>
              <Radio.Group
                options={(['male', 'female'] as const).map((value) => ({ value, label: t(`member.gender.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="titleLevel"
              label={t('expert.field.titleLevel')}
              extra={t('expert.seniorOnly')}
              rules={[{ required: true, message: t('society.form.select', { field: t('expert.field.titleLevel') }) }]}
            >
              <Radio.Group
                optionType="button"
                options={EXPERT_TITLES.map((value) => ({ value, label: t(`member.title.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="pools"
              label={t('expert.field.pools')}
              rules={[{ required: true, type: 'array', min: 1, message: t('expert.poolsRequired') }]}
            >
              <Checkbox.Group options={EXPERT_POOLS.map((value) => ({ value, label: t(`expert.pool.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="disciplines"
              label={t('expert.field.disciplines')}
              rules={[{ required: true, type: 'array', min: 1, message: t('expert.disciplinesRequired') }]}
            >
              <Select
                mode="tags"
                open={false}
                tokenSeparators={[',', '，', '、', ';', '；']}
                placeholder={t('expert.disciplinePlaceholder')}
                data-testid="expert-disciplines"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="idNumber"
              label={t('expert.field.idNumber')}
              dependencies={['birthDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: string | undefined) => {
                    const born: unknown = getFieldValue('birthDate');
                    const birthDate = dayjs.isDayjs(born) ? born.format('YYYY-MM-DD') : null;
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
            <Form.Item name="birthDate" label={t('expert.field.birthDate')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="employer" label={t('expert.field.employer')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label={t('expert.field.phone')}
              rules={[{ pattern: PHONE, message: t('member.form.phoneInvalid') }]}
            >
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="email"
              label={t('expert.field.email')}
              rules={[{ type: 'email', message: t('member.form.emailInvalid') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="societyIds" label={t('expert.field.societies')}>
              <SocietySelect data-testid="expert-societies" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="available" label={t('expert.field.available')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
