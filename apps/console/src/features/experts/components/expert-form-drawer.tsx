import { EXPERT_POOLS, type ExpertPool, normaliseIdNumber, PHONE } from '@society-hub/domain';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Skeleton,
  Switch,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FormError, topLevelField, useServerErrors } from '@/components/form-shell';
import { importWizardMessages } from '@/components/import-wizard/messages';
import { QueryError } from '@/components/query-error';
import { birthDateFromIdNumber, idNumberProblems, membersMessages } from '@/features/members';
import { SocietySelect } from '@/features/societies';
import { type MessageKey, registerMessages, useI18n } from '@/lib/i18n';
import { adminMessages } from '@/lib/messages/admin';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateExpert } from '../api/create-expert';
import { expertQueryOptions } from '../api/get-expert';
import type { Expert, ExpertCreate, ExpertPatch, ExpertTitle } from '../api/types';
import { useUpdateExpert } from '../api/update-expert';
import { expertsMessages } from '../messages';
import { EXPERT_TITLES } from './expert-filters';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(adminMessages, membersMessages, expertsMessages, importWizardMessages);

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
  externalRef?: string;
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
  'externalRef',
] as const;
const CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  already_expert: 'expert.error.already_expert',
  external_ref_taken: 'expert.error.external_ref_taken',
  id_number_checksum: 'member.error.id_number_checksum_plain',
  id_number_birth_date: 'member.error.id_number_birth_date',
  id_number_format: 'member.error.id_number_format',
  in_future: 'member.error.in_future',
  unknown_society: 'user.error.unknown_society',
};
const DATE = 'YYYY-MM-DD';

/** The same members in any order. */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

interface ExpertFormDrawerProps {
  /** Absent: add a new expert. From the detail (the phone unmasked, the current version). */
  expert?: Expert;
  onClose: () => void;
  /** 412: the expert changed since it was loaded. */
  onConflict?: () => void;
}

/** Adds an expert, or changes one (PATCH with If-Match); the ID number is write-only either way. */
export function ExpertFormDrawer({ expert, onClose, onConflict }: ExpertFormDrawerProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<ExpertFormValues>();
  const create = useCreateExpert();
  const update = useUpdateExpert();
  const idempotencyKeyFor = useIdempotencyKey();
  const { formError, setFormError, onError } = useServerErrors(form, {
    fieldOf: (issue) => topLevelField(FIELDS, issue),
    codeMessages: CODE_MESSAGES,
    otherFields: 'above',
    onConflict,
  });
  const submitting = create.isPending || update.isPending;

  function onFinish(values: ExpertFormValues) {
    setFormError(undefined);
    const name = values.name?.trim();
    if (!name || !values.titleLevel) return;
    const text = (value: string | undefined) => value?.trim() || null;
    const idNumber = values.idNumber ? normaliseIdNumber(values.idNumber) : '';
    const fields = {
      name,
      titleLevel: values.titleLevel,
      pools: EXPERT_POOLS.filter((pool) => values.pools?.includes(pool)),
      disciplines: [...new Set((values.disciplines ?? []).map((d) => d.trim()).filter(Boolean))],
      gender: values.gender ?? null,
      birthDate: values.birthDate ? values.birthDate.format(DATE) : null,
      employer: text(values.employer),
      phone: text(values.phone),
      email: text(values.email),
      societyIds: values.societyIds ?? [],
      available: values.available ?? true,
      externalRef: text(values.externalRef),
    };
    if (!expert) {
      const body: ExpertCreate = { ...fields, ...(idNumber ? { idNumber } : {}) };
      create.mutate(
        { body, idempotencyKey: idempotencyKeyFor(body) },
        {
          onSuccess: (created) => {
            message.success(t('expert.created', { name: created.name }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    // Only what changed, so a concurrent edit of another field is not overwritten with what the form loaded.
    const patch: ExpertPatch = {};
    if (fields.name !== expert.name) patch.name = fields.name;
    if (fields.titleLevel !== expert.titleLevel) patch.titleLevel = fields.titleLevel;
    if (!sameSet(fields.pools, expert.pools)) patch.pools = fields.pools;
    if (fields.disciplines.join('\n') !== expert.disciplines.join('\n')) patch.disciplines = fields.disciplines;
    if (fields.gender !== expert.gender) patch.gender = fields.gender;
    if (fields.birthDate !== expert.birthDate) patch.birthDate = fields.birthDate;
    if (fields.employer !== expert.employer) patch.employer = fields.employer;
    if (fields.phone !== expert.phone) patch.phone = fields.phone;
    if (fields.email !== expert.email) patch.email = fields.email;
    if (!sameSet(fields.societyIds, expert.societyIds)) patch.societyIds = fields.societyIds;
    if (fields.available !== expert.available) patch.available = fields.available;
    if (fields.externalRef !== expert.externalRef) patch.externalRef = fields.externalRef;
    if (idNumber) patch.idNumber = idNumber;
    if (Object.keys(patch).length === 0) {
      message.info(t('society.form.noChanges'));
      onClose();
      return;
    }
    update.mutate(
      { id: expert.id, version: expert.version, patch },
      {
        onSuccess: (saved) => {
          message.success(t('expert.saved', { name: saved.name }));
          onClose();
        },
        onError,
      },
    );
  }

  return (
    <Drawer
      open
      size={720}
      title={expert ? t('expert.editTitle', { name: expert.name }) : t('expert.addTitle')}
      onClose={onClose}
      destroyOnHidden
      maskClosable={false}
      data-testid="expert-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()} data-testid="expert-submit">
            {expert ? t('society.form.submitSave') : t('society.form.submitCreate')}
          </Button>
        </Flex>
      }
    >
      <FormError error={formError} testId="expert-form-error" />
      <Form<ExpertFormValues>
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={
          expert
            ? {
                name: expert.name,
                gender: expert.gender ?? undefined,
                birthDate: expert.birthDate ? dayjs(expert.birthDate) : null,
                titleLevel: expert.titleLevel,
                pools: expert.pools,
                disciplines: expert.disciplines,
                employer: expert.employer ?? '',
                phone: expert.phone ?? '',
                email: expert.email ?? '',
                societyIds: expert.societyIds,
                available: expert.available,
                externalRef: expert.externalRef ?? '',
              }
            : { titleLevel: 'senior', pools: ['science_technology'], disciplines: [], available: true }
        }
        onValuesChange={(changed: ExpertFormValues) => {
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
        data-testid="expert-form"
      >
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          {t('expert.form.sectionPerson')}
        </Divider>
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
              name="idNumber"
              label={t('expert.field.idNumber')}
              extra={
                expert?.idNumberMasked
                  ? t('member.form.idKeep', { masked: expert.idNumberMasked })
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
            <Form.Item name="birthDate" label={t('expert.field.birthDate')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
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
            <Form.Item name="employer" label={t('expert.field.employer')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('expert.form.sectionPool')}
        </Divider>
        <Row gutter={16}>
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
              rules={[
                { required: true, type: 'array', min: 1, message: t('expert.disciplinesRequired') },
                { type: 'array', max: 20, message: t('expert.disciplinesTooMany', { n: 20 }) },
              ]}
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
          <Col xs={24}>
            <Form.Item name="societyIds" label={t('expert.field.societies')} extra={t('expert.societiesHelp')}>
              <SocietySelect data-testid="expert-societies" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="externalRef" label={t('expert.field.externalRef')} extra={t('expert.externalRefHelp')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="available" label={t('expert.field.available')} valuePropName="checked">
              <Switch data-testid="expert-form-available" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

/**
 * Loads the expert afresh (the list masks the phone and may be stale) and opens the form on that one
 * snapshot: the values shown and the version sent with If-Match always belong together, so a change made
 * elsewhere meanwhile ends in 412 rather than being overwritten.
 */
export function ExpertEditDrawer({
  id,
  onClose,
  onConflict,
}: {
  id: string;
  onClose: () => void;
  onConflict: () => void;
}) {
  const { t } = useI18n();
  const expert = useQuery({ ...expertQueryOptions(id), refetchOnMount: 'always' });
  const [snapshot, setSnapshot] = useState<Expert>();
  const fresh = expert.isFetchedAfterMount ? expert.data : undefined;
  useEffect(() => {
    if (fresh) setSnapshot((current) => current ?? fresh);
  }, [fresh]);
  const shown = snapshot ?? fresh;
  if (shown) return <ExpertFormDrawer expert={shown} onClose={onClose} onConflict={onConflict} />;
  return (
    <Drawer open size={720} title={t('expert.editLoading')} onClose={onClose} data-testid="expert-drawer">
      {expert.isError ? (
        <QueryError error={expert.error} onRetry={() => void expert.refetch()} />
      ) : (
        <Skeleton active paragraph={{ rows: 10 }} />
      )}
    </Drawer>
  );
}
