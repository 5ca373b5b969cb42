import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  InputNumber,
  Modal,
  Row,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormError, topLevelField, useServerErrors } from '@/components/form-shell';
import { QueryError } from '@/components/query-error';
import { policies } from '@/lib/authorization';
import { formatDate } from '@/lib/format';
import { type MessageKey, registerMessages, useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import { currentDay } from '@/lib/today';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateTerm } from '../api/create-term';
import { useTerms } from '../api/get-terms';
import type { GovernanceTerm, GovernanceTermCreate } from '../api/types';
import { governanceMessages } from '../messages';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(governanceMessages);

const WARNING_DAYS = 180;

/** Days until the term ends: overdue red, within 180 days orange. */
export function TermRemaining({ term, current }: { term: GovernanceTerm; current: boolean }) {
  const { t } = useI18n();
  if (!current) return <Typography.Text type="secondary">{t('term.ended')}</Typography.Text>;
  const days = dayjs(term.endOn).startOf('day').diff(currentDay(), 'day');
  if (days < 0)
    return (
      <Tag color="red" data-testid="term-remaining">
        {t('term.overdue', { n: -days })}
      </Tag>
    );
  return (
    <Tag color={days <= WARNING_DAYS ? 'orange' : 'green'} data-testid="term-remaining">
      {t('term.daysLeft', { n: days })}
    </Tag>
  );
}

export function TermsList({ societyId }: { societyId: string }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const terms = useTerms(societyId);
  const [recording, setRecording] = useState(false);
  const canEdit = policies.manageGovernance(user, societyId);

  if (terms.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (terms.isError) return <QueryError error={terms.error} onRetry={() => void terms.refetch()} />;
  const items = terms.data.items;
  const currentId = items[0]?.id;
  const nextSequence = (items[0]?.sequence ?? 0) + 1;

  const columns: TableColumnsType<GovernanceTerm> = [
    {
      title: t('term.field.sequence'),
      dataIndex: 'sequence',
      width: 140,
      render: (sequence: number, term) => (
        <Flex gap={8} align="center">
          <Typography.Text strong>{t('term.sequence', { n: sequence })}</Typography.Text>
          {term.id === currentId && <Tag color="blue">{t('term.current')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('term.field.period'),
      key: 'period',
      render: (_, term) => `${formatDate(term.startOn)} — ${formatDate(term.endOn)}`,
    },
    {
      title: t('term.field.representatives'),
      dataIndex: 'representatives',
      width: 140,
      render: (value: number | null) => value ?? t('common.none'),
    },
    {
      title: t('term.field.remaining'),
      key: 'remaining',
      width: 160,
      render: (_, term) => <TermRemaining term={term} current={term.id === currentId} />,
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="terms-list">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('term.title')}</Typography.Text>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="term-record">
            {t('term.record')}
          </Button>
        )}
      </Flex>
      <Table<GovernanceTerm>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('term.empty')} /> }}
      />
      {recording && (
        <TermModal
          societyId={societyId}
          sequence={nextSequence}
          previous={items[0]}
          onClose={() => setRecording(false)}
        />
      )}
    </Flex>
  );
}

interface TermFormValues {
  sequence?: number;
  startOn?: Dayjs | null;
  endOn?: Dayjs | null;
  representatives?: number | null;
}

const FIELDS = ['sequence', 'startOn', 'endOn', 'representatives'] as const;
const CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  sequence_taken: 'term.error.sequence_taken',
  before_start: 'term.error.before_start',
  before_previous: 'term.error.before_previous',
};

function TermModal({
  societyId,
  sequence,
  previous,
  onClose,
}: {
  societyId: string;
  sequence: number;
  previous: GovernanceTerm | undefined;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<TermFormValues>();
  const create = useCreateTerm();
  const idempotencyKeyFor = useIdempotencyKey();
  const { formError, setFormError, onError } = useServerErrors(form, {
    fieldOf: (issue) => topLevelField(FIELDS, issue),
    codeMessages: CODE_MESSAGES,
  });
  const start = previous ? dayjs(previous.endOn) : currentDay();

  function onFinish(values: TermFormValues) {
    setFormError(undefined);
    if (!values.sequence || !values.startOn || !values.endOn) return;
    const body: GovernanceTermCreate = {
      sequence: values.sequence,
      startOn: values.startOn.format('YYYY-MM-DD'),
      endOn: values.endOn.format('YYYY-MM-DD'),
      representatives: values.representatives ?? null,
    };
    create.mutate(
      { societyId, body, idempotencyKey: idempotencyKeyFor(body) },
      {
        onSuccess: (term) => {
          message.success(t('term.recorded', { n: term.sequence }));
          onClose();
        },
        onError,
      },
    );
  }

  return (
    <Modal
      open
      title={t('term.recordTitle', { n: sequence })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'term-submit' }}
    >
      <Form<TermFormValues>
        form={form}
        layout="vertical"
        disabled={create.isPending}
        initialValues={{ sequence, startOn: start, endOn: start.add(5, 'year').subtract(1, 'day') }}
        onFinish={onFinish}
        data-testid="term-form"
      >
        <FormError error={formError} />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="sequence"
              label={t('term.field.sequence')}
              extra={t('term.sequenceHelp')}
              rules={[{ required: true, message: t('society.form.required', { field: t('term.field.sequence') }) }]}
            >
              <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} prefix="第" suffix="届" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="representatives" label={t('term.field.representatives')}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="startOn"
              label={t('term.field.startOn')}
              rules={[{ required: true, message: t('society.form.required', { field: t('term.field.startOn') }) }]}
            >
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="endOn"
              label={t('term.field.endOn')}
              extra={t('term.endHelp')}
              dependencies={['startOn']}
              rules={[
                { required: true, message: t('society.form.required', { field: t('term.field.endOn') }) },
                ({ getFieldValue }) => ({
                  validator: async (_, value: Dayjs | null | undefined) => {
                    const startOn: unknown = getFieldValue('startOn');
                    if (value && dayjs.isDayjs(startOn) && !value.isAfter(startOn, 'day')) {
                      throw new Error(t('term.error.before_start'));
                    }
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
