import { EditOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Card } from '@/components/card';
import { FormError, topLevelField, useServerErrors } from '@/components/form-shell';
import { QueryError } from '@/components/query-error';
import { policies } from '@/lib/authorization';
import { type MessageKey, useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import { useCreatePilotFunction, usePilotFunctions, useUpdatePilotFunction } from '../api/functions';
import type { PilotFunction } from '../api/types';

interface Values {
  code?: string;
  name?: string;
  nameEn?: string;
  description?: string;
  requiresGrade3A?: boolean;
  requiredQualifications?: string[];
  active?: boolean;
}

const FIELDS = ['code', 'name', 'nameEn', 'description', 'requiredQualifications'] as const;
const CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  code_taken: 'pilotFunction.error.code_taken',
  name_taken: 'pilotFunction.error.name_taken',
};
const CODE = /^[a-z][a-z0-9_]{1,49}$/;

function FunctionModal({ fn, onClose }: { fn?: PilotFunction; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePilotFunction();
  const update = useUpdatePilotFunction();
  const {
    formError: error,
    setFormError: setError,
    onError,
  } = useServerErrors(form, {
    fieldOf: (issue) => topLevelField(FIELDS, issue),
    codeMessages: CODE_MESSAGES,
    summary: false,
  });

  function onFinish(values: Values) {
    setError(undefined);
    const done = () => {
      message.success(t('pilotFunction.saved', { name: values.name ?? '' }));
      onClose();
    };
    const common = {
      nameEn: values.nameEn?.trim() || null,
      description: values.description?.trim() || null,
      requiresGrade3A: values.requiresGrade3A ?? false,
      requiredQualifications: values.requiredQualifications ?? [],
    };
    if (fn) {
      update.mutate(
        {
          code: fn.code,
          version: fn.version,
          patch: { name: values.name?.trim() ?? fn.name, active: values.active ?? fn.active, ...common },
        },
        { onSuccess: done, onError },
      );
      return;
    }
    create.mutate(
      { code: values.code ?? '', name: values.name?.trim() ?? '', ...common },
      { onSuccess: done, onError },
    );
  }

  return (
    <Modal
      open
      title={fn ? t('pilotFunction.editTitle', { name: fn.name }) : t('pilotFunction.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'function-submit' }}
    >
      <FormError error={error} gap={12} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          fn
            ? {
                ...fn,
                nameEn: fn.nameEn ?? '',
                description: fn.description ?? '',
              }
            : { requiresGrade3A: false, requiredQualifications: [] }
        }
      >
        {!fn && (
          <Form.Item
            name="code"
            label={t('pilotFunction.code')}
            extra={t('pilotFunction.codeHelp')}
            rules={[{ required: true, pattern: CODE, message: t('pilotFunction.codeRequired') }]}
          >
            <Input maxLength={50} data-testid="function-code" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('pilotFunction.name')}
          rules={[{ required: true, whitespace: true, message: t('pilotFunction.nameRequired') }, { max: 100 }]}
        >
          <Input maxLength={100} data-testid="function-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('pilotFunction.nameEn')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="requiresGrade3A" valuePropName="checked">
          <Checkbox>{t('pilotFunction.requiresGrade')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="requiredQualifications"
          label={t('pilotFunction.qualifications')}
          rules={[
            {
              validator: async (_, value: string[] | undefined) => {
                if ((value ?? []).some((code) => !CODE.test(code)))
                  throw new Error(t('pilot.validation.qualificationCode'));
              },
            },
          ]}
        >
          <Select mode="tags" tokenSeparators={[',', ' ']} />
        </Form.Item>
        {fn && (
          <Form.Item name="active" label={t('pilotFunction.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The catalogue of functions government departments hand over, with what each requires; staff keep it. */
export function FunctionCatalogue({ adding, onAdded }: { adding: boolean; onAdded: () => void }) {
  const { t, language } = useI18n();
  const user = useCurrentUser();
  const functions = usePilotFunctions();
  const [editing, setEditing] = useState<PilotFunction>();
  const manager = policies.managePilots(user);
  if (functions.isError) return <QueryError error={functions.error} onRetry={() => void functions.refetch()} />;
  return (
    <Card styles={{ body: { padding: 0 } }}>
      <Table<PilotFunction>
        rowKey="code"
        loading={functions.isPending}
        dataSource={functions.data?.items ?? []}
        pagination={false}
        data-testid="functions-table"
        columns={[
          {
            title: t('pilotFunction.name'),
            key: 'name',
            render: (_, fn) => (
              <Typography.Text strong>{language === 'en' && fn.nameEn ? fn.nameEn : fn.name}</Typography.Text>
            ),
          },
          { title: t('pilotFunction.code'), dataIndex: 'code', width: 240 },
          {
            title: t('pilotFunction.requiresGrade'),
            key: 'grade',
            width: 160,
            render: (_, fn) => (fn.requiresGrade3A ? <Tag color="gold">3A+</Tag> : t('common.no')),
          },
          {
            title: t('pilotFunction.qualifications'),
            key: 'qualifications',
            render: (_, fn) =>
              fn.requiredQualifications.length
                ? fn.requiredQualifications.map((q) => <Tag key={q}>{q}</Tag>)
                : t('common.none'),
          },
          {
            title: t('pilot.field.status'),
            key: 'active',
            width: 100,
            render: (_, fn) =>
              fn.active ? (
                <Tag color="green">{t('pilotFunction.active')}</Tag>
              ) : (
                <Tag>{t('pilotFunction.inactive')}</Tag>
              ),
          },
          ...(manager
            ? [
                {
                  title: '',
                  key: 'edit',
                  width: 90,
                  render: (_: unknown, fn: PilotFunction) => (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(fn)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {(adding || editing) && (
        <FunctionModal
          {...(editing ? { fn: editing } : {})}
          onClose={() => {
            setEditing(undefined);
            onAdded();
          }}
        />
      )}
    </Card>
  );
}
