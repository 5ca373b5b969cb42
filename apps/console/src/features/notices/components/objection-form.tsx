import { CheckCircleFilled } from '@ant-design/icons';
import {
  checkObjection,
  isAnonymousSignature,
  isObjectionContact,
  OBJECTION_CONTENT_MIN_LENGTH,
} from '@society-hub/domain';
import { Alert, Button, Descriptions, Flex, Form, Input, Radio, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { type MessageKey, useI18n } from '@/lib/i18n';
import { fieldMessage, problemMessage } from '@/lib/problem-message';
import { useFileObjection } from '../api/file-objection';
import type { ObjectionCreate, ObjectionReceipt, PublicNotice, SignerKind } from '../api/types';

/** The whole notice rather than one project. */
const WHOLE = 'whole';

interface ObjectionValues {
  target?: string;
  signerKind: SignerKind;
  signerName?: string;
  contact?: string;
  content?: string;
}

const FIELDS = ['signerName', 'contact', 'content'] as const;

/** The page's words for the codes the API sends on objection fields. */
const CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  anonymous: 'objection.error.anonymous',
  contact_format: 'objection.error.contact',
  too_short: 'objection.error.contentShort',
  minLength: 'objection.error.tooShort',
  not_in_notice: 'objection.error.notInNotice',
};

/** 提出异议: signed by a person (实名) or a unit (单位), with a way to reach them; a receipt once filed. */
export function ObjectionForm({ notice, onClose }: { notice: PublicNotice; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<ObjectionValues>();
  const file = useFileObjection();
  const [receipt, setReceipt] = useState<{ filed: ObjectionReceipt; target: string }>();
  /** What went wrong, kept as the error so its words follow a language switch. */
  const [failure, setFailure] = useState<{ error: unknown; onFields: boolean }>();
  const signerKind = Form.useWatch('signerKind', form) ?? 'person';

  function failureText({ error, onFields }: { error: unknown; onFields: boolean }): string {
    if (isApiError(error) && error.status === 429) {
      const minutes = error.retryAfter === undefined ? undefined : Math.max(1, Math.ceil(error.retryAfter / 60));
      return minutes === undefined
        ? t('objection.error.rateLimited')
        : t('objection.error.rateLimitedFor', { minutes });
    }
    if (onFields) return t('objection.error.fix');
    return problemMessage(error, i18n, {
      rule_violation: 'objection.error.closed',
      not_found: 'objection.error.noNotice',
    });
  }

  function onError(error: unknown) {
    const fields: { name: (typeof FIELDS)[number] | 'target'; errors: string[] }[] = [];
    for (const issue of isApiError(error) ? (error.problem.errors ?? []) : []) {
      const field = issue.path.replace(/^\/body\//, '');
      const own = CODE_MESSAGES[issue.code];
      const text = own ? t(own) : fieldMessage(issue, i18n);
      const name = field === 'applicationId' ? 'target' : FIELDS.find((known) => known === field);
      if (name) fields.push({ name, errors: [text] });
    }
    if (fields.length > 0) form.setFields(fields);
    setFailure({ error, onFields: fields.length > 0 });
  }

  function onFinish(values: ObjectionValues) {
    setFailure(undefined);
    const body: ObjectionCreate = {
      applicationId: values.target && values.target !== WHOLE ? values.target : null,
      signerKind: values.signerKind,
      signerName: (values.signerName ?? '').trim(),
      contact: (values.contact ?? '').trim(),
      content: (values.content ?? '').trim(),
    };
    // The API's own checks, once more on the whole: the fields have run them as the visitor typed.
    if (checkObjection(body).length > 0) return;
    const project = notice.items.find((item) => item.applicationId === body.applicationId);
    const target = project ? `${project.societyName} — ${project.title}` : t('objection.wholeNotice');
    file.mutate({ noticeId: notice.id, body }, { onSuccess: (filed) => setReceipt({ filed, target }), onError });
  }

  if (receipt) {
    return (
      <Result
        icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
        title={t('objection.receipt.title')}
        subTitle={t('objection.receipt.subtitle')}
        data-testid="objection-receipt"
        styles={{ body: { background: 'transparent', padding: '0 0 8px' } }}
      >
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            {
              key: 'id',
              label: t('objection.receipt.id'),
              children: (
                <Typography.Text copyable code data-testid="objection-receipt-id">
                  {receipt.filed.id}
                </Typography.Text>
              ),
            },
            { key: 'at', label: t('objection.receipt.at'), children: formatDateTime(receipt.filed.createdAt) },
            { key: 'notice', label: t('objection.receipt.notice'), children: notice.title },
            { key: 'target', label: t('objection.receipt.target'), children: receipt.target },
            { key: 'status', label: t('objection.receipt.status'), children: t('objection.receipt.open') },
          ]}
        />
        <Flex gap={8} justify="center" style={{ marginTop: 24 }}>
          <Button onClick={() => setReceipt(undefined)}>{t('objection.receipt.again')}</Button>
          <Button type="primary" onClick={onClose}>
            {t('objection.receipt.close')}
          </Button>
        </Flex>
      </Result>
    );
  }

  return (
    <div data-testid="objection-form">
      <Alert type="info" showIcon title={t('objection.rules')} style={{ marginBottom: 16 }} />
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failureText(failure)}
          style={{ marginBottom: 16 }}
          data-testid="objection-error"
        />
      )}
      <Form<ObjectionValues>
        form={form}
        layout="vertical"
        initialValues={{ target: WHOLE, signerKind: 'person' }}
        disabled={file.isPending}
        onFinish={onFinish}
        requiredMark
      >
        <Form.Item name="target" label={t('objection.field.target')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: WHOLE, label: t('objection.wholeNotice') },
              ...notice.items.map((item) => ({
                value: item.applicationId,
                label: `${item.societyName} — ${item.title}`,
              })),
            ]}
            data-testid="objection-target"
          />
        </Form.Item>
        <Form.Item name="signerKind" label={t('objection.field.signerKind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'person', label: t('objection.signer.person') },
              { value: 'unit', label: t('objection.signer.unit') },
            ]}
            data-testid="objection-signer-kind"
          />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="signerName"
            label={signerKind === 'unit' ? t('objection.field.unitName') : t('objection.field.personName')}
            style={{ flex: '1 1 240px' }}
            rules={[
              {
                required: true,
                whitespace: true,
                message: signerKind === 'unit' ? t('objection.error.unitRequired') : t('objection.error.nameRequired'),
              },
              {
                validator: async (_, value: string | undefined) => {
                  if (value?.trim() && isAnonymousSignature(value)) throw new Error(t('objection.error.anonymous'));
                },
              },
            ]}
          >
            <Input
              maxLength={100}
              placeholder={
                signerKind === 'unit' ? t('objection.placeholder.unitName') : t('objection.placeholder.personName')
              }
              autoComplete={signerKind === 'unit' ? 'organization' : 'name'}
            />
          </Form.Item>
          <Form.Item
            name="contact"
            label={t('objection.field.contact')}
            style={{ flex: '1 1 240px' }}
            rules={[
              { required: true, whitespace: true, message: t('objection.error.contactRequired') },
              {
                validator: async (_, value: string | undefined) => {
                  if (value?.trim() && !isObjectionContact(value)) throw new Error(t('objection.error.contact'));
                },
              },
            ]}
          >
            <Input maxLength={200} placeholder={t('objection.placeholder.contact')} autoComplete="tel" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="content"
          label={t('objection.field.content')}
          rules={[
            { required: true, whitespace: true, message: t('objection.error.contentRequired') },
            {
              validator: async (_, value: string | undefined) => {
                if (value?.trim() && value.trim().length < OBJECTION_CONTENT_MIN_LENGTH) {
                  throw new Error(t('objection.error.contentShort'));
                }
              },
            },
          ]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount placeholder={t('objection.placeholder.content')} />
        </Form.Item>
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="objection-submit">
            {t('objection.submit')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
