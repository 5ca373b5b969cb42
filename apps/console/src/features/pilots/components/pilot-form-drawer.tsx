import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { PILOT_MODES, yuanToFen } from '@society-hub/domain';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormError, useServerErrors } from '@/components/form-shell';
import { OneSocietySelect } from '@/features/societies';
import { type MessageKey, registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { usePilotFunctions } from '../api/functions';
import { useProposePilot, useUpdatePilot } from '../api/pilots';
import type { Pilot, PilotCreate, PilotMode, PilotPatch } from '../api/types';
import { pilotsMessages } from '../messages';
import { usePilotLabels } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(labelsMessages, pilotsMessages);

interface FormValues {
  societyId?: string;
  functionCode?: string;
  department?: string;
  title?: string;
  mode?: PilotMode;
  period?: [Dayjs | null, Dayjs | null] | null;
  contractYuan?: number | null;
  scope?: string;
  legalBasis?: string;
  deliverables?: { text?: string }[];
  qualifications?: { code?: string; evidence?: string }[];
}

const FIELD_OF: Record<string, keyof FormValues> = {
  societyId: 'societyId',
  functionCode: 'functionCode',
  department: 'department',
  title: 'title',
  mode: 'mode',
  startsOn: 'period',
  endsOn: 'period',
  contractValueFen: 'contractYuan',
  scope: 'scope',
  legalBasis: 'legalBasis',
};
const CODE = /^[a-z][a-z0-9_]{1,49}$/;
const CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  before_start: 'pilot.validation.endBeforeStart',
};

interface PilotFormDrawerProps {
  /** Absent: a new proposal. */
  pilot?: Pilot;
  /** The society a society officer proposes for (fixed); staff choose. */
  societyId?: string;
  onClose: () => void;
  onSaved: (pilot: Pilot) => void;
  onConflict?: () => void;
}

/** The society's proposal (申报), validated as the API validates; staff use it to correct a pilot too. */
export function PilotFormDrawer({ pilot, societyId, onClose, onSaved, onConflict }: PilotFormDrawerProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = usePilotLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const functions = usePilotFunctions();
  const propose = useProposePilot();
  const update = useUpdatePilot();
  const keyFor = useIdempotencyKey();
  const { formError, setFormError, onError } = useServerErrors(form, {
    fieldOf: (issue) => FIELD_OF[issue.pointer.split('/')[1] ?? ''],
    codeMessages: CODE_MESSAGES,
    onConflict,
  });
  const chosen = Form.useWatch('functionCode', form);
  const fn = functions.data?.items.find((f) => f.code === chosen);

  const initial: FormValues = pilot
    ? {
        societyId: pilot.societyId,
        functionCode: pilot.functionCode,
        department: pilot.department,
        title: pilot.title,
        mode: pilot.mode,
        period: [dayjs(pilot.startsOn), dayjs(pilot.endsOn)],
        contractYuan: pilot.contractValueFen / 100,
        scope: pilot.scope ?? '',
        legalBasis: pilot.legalBasis ?? '',
        deliverables: pilot.deliverables.map((text) => ({ text })),
        qualifications: pilot.qualifications.map((q) => ({ ...q })),
      }
    : { ...(societyId ? { societyId } : {}), mode: 'part', deliverables: [], qualifications: [] };

  function onFinish(values: FormValues) {
    setFormError(undefined);
    const [start, end] = values.period ?? [];
    if (!values.societyId || !values.functionCode || !values.mode || !start || !end) return;
    const fields = {
      functionCode: values.functionCode,
      department: values.department?.trim() ?? '',
      title: values.title?.trim() ?? '',
      mode: values.mode,
      startsOn: start.format('YYYY-MM-DD'),
      endsOn: end.format('YYYY-MM-DD'),
      contractValueFen: yuanToFen(values.contractYuan ?? 0),
      scope: values.scope?.trim() || null,
      legalBasis: values.legalBasis?.trim() || null,
      deliverables: (values.deliverables ?? []).flatMap((d) => (d.text?.trim() ? [d.text.trim()] : [])),
      qualifications: (values.qualifications ?? []).flatMap((q) =>
        q.code && q.evidence?.trim() ? [{ code: q.code.trim(), evidence: q.evidence.trim() }] : [],
      ),
    };
    const done = (saved: Pilot) => {
      message.success(t(pilot ? 'pilot.saved' : 'pilot.proposed', { title: saved.title }));
      onSaved(saved);
    };
    if (!pilot) {
      const body: PilotCreate = { societyId: values.societyId, ...fields };
      propose.mutate({ body, idempotencyKey: keyFor(body) }, { onSuccess: done, onError });
      return;
    }
    const patch: PilotPatch = fields;
    update.mutate({ id: pilot.id, version: pilot.version, patch }, { onSuccess: done, onError });
  }

  return (
    <Drawer
      open
      size={720}
      title={pilot ? t('pilot.editTitle', { title: pilot.title }) : t('pilot.proposeTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={propose.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="pilot-submit"
          >
            {pilot ? t('common.save') : t('pilot.submitPropose')}
          </Button>
        </Space>
      }
    >
      <FormError error={formError} />
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} requiredMark>
        {!societyId && !pilot && (
          <Form.Item
            name="societyId"
            label={t('pilot.field.society')}
            rules={[{ required: true, message: t('pilot.validation.society') }]}
          >
            <OneSocietySelect status="active" testId="pilot-society" />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('pilot.field.title')}
          rules={[{ required: true, whitespace: true, message: t('pilot.validation.title') }, { max: 200 }]}
        >
          <Input maxLength={200} data-testid="pilot-title" />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item
            name="functionCode"
            label={t('pilot.field.function')}
            style={{ flex: 1 }}
            rules={[{ required: true, message: t('pilot.validation.function') }]}
            extra={
              fn &&
              [
                fn.requiresGrade3A ? t('pilot.functionHint.grade') : null,
                fn.requiredQualifications.length
                  ? t('pilot.functionHint.qualifications', { list: fn.requiredQualifications.join('、') })
                  : t('pilot.functionHint.none'),
              ]
                .filter(Boolean)
                .join('；')
            }
          >
            <Select
              loading={functions.isPending}
              options={(functions.data?.items ?? [])
                .filter((f) => f.active || f.code === pilot?.functionCode)
                .map((f) => ({ value: f.code, label: f.name }))}
              data-testid="pilot-function"
            />
          </Form.Item>
          <Form.Item
            name="department"
            label={t('pilot.field.department')}
            style={{ flex: 1 }}
            rules={[{ required: true, whitespace: true, message: t('pilot.validation.department') }, { max: 100 }]}
          >
            <Input maxLength={100} placeholder="市科学技术局" data-testid="pilot-department" />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item
            name="mode"
            label={t('pilot.field.mode')}
            style={{ width: 180 }}
            rules={[{ required: true, message: t('pilot.validation.mode') }]}
          >
            <Select options={PILOT_MODES.map((m) => ({ value: m, label: labels.mode(m) }))} data-testid="pilot-mode" />
          </Form.Item>
          <Form.Item
            name="period"
            label={t('pilot.field.period')}
            style={{ flex: 1 }}
            rules={[
              { required: true, message: t('pilot.validation.period') },
              {
                validator: async (_, value: FormValues['period']) => {
                  const [start, end] = value ?? [];
                  if (start && end?.isBefore(start, 'day')) throw new Error(t('pilot.validation.endBeforeStart'));
                },
              },
            ]}
          >
            <DatePicker.RangePicker style={{ width: '100%' }} data-testid="pilot-period" />
          </Form.Item>
          <Form.Item
            name="contractYuan"
            label={t('pilot.field.contractValue')}
            style={{ width: 200 }}
            rules={[{ required: true, message: t('pilot.validation.contract') }]}
          >
            <InputNumber<number>
              min={0}
              max={1_000_000_000}
              precision={2}
              style={{ width: '100%' }}
              data-testid="pilot-contract"
            />
          </Form.Item>
        </Flex>
        <Form.Item name="scope" label={t('pilot.field.scope')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('pilot.field.legalBasis')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Typography.Text strong>{t('pilot.field.deliverables')}</Typography.Text>
        <Form.List name="deliverables">
          {(items, { add, remove }) => (
            <Flex vertical gap={8} style={{ margin: '8px 0 16px' }}>
              {items.map((item) => (
                <Flex key={item.key} gap={8}>
                  <Form.Item name={[item.name, 'text']} noStyle rules={[{ max: 500 }]}>
                    <Input maxLength={500} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label={t('common.delete')} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                {t('pilot.addDeliverable')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Typography.Text strong>{t('pilot.field.qualifications')}</Typography.Text>
        <Form.List name="qualifications">
          {(items, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginTop: 8 }}>
              {items.map((item) => (
                <Flex key={item.key} gap={8} align="start">
                  <Form.Item
                    name={[item.name, 'code']}
                    style={{ width: 240, marginBottom: 0 }}
                    rules={[{ required: true, pattern: CODE, message: t('pilot.validation.qualificationCode') }]}
                  >
                    <Select
                      showSearch
                      placeholder={t('pilot.field.qualificationCode')}
                      options={[...new Set((functions.data?.items ?? []).flatMap((f) => f.requiredQualifications))].map(
                        (code) => ({ value: code, label: code }),
                      )}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, 'evidence']}
                    style={{ flex: 1, marginBottom: 0 }}
                    rules={[{ required: true, whitespace: true, message: t('pilot.validation.qualificationEvidence') }]}
                  >
                    <Input placeholder={t('pilot.field.qualificationEvidence')} maxLength={500} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label={t('common.delete')} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('pilot.addQualification')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
