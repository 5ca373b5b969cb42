import { PlusOutlined } from '@ant-design/icons';
import { formatYuan, yuanToFen } from '@society-hub/domain';
import {
  App,
  Button,
  DatePicker,
  Empty,
  Flex,
  Form,
  InputNumber,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { Card } from '@/components/card';
import { FormError, topLevelField, useServerErrors } from '@/components/form-shell';
import { importWizardMessages } from '@/components/import-wizard/messages';
import { QueryError } from '@/components/query-error';
import { formatDate, formatDateTime } from '@/lib/format';
import { type MessageKey, registerMessages, useI18n } from '@/lib/i18n';
import { currentDay, currentYear } from '@/lib/today';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useMemberDues } from '../api/get-member-dues';
import { useRecordDues } from '../api/record-dues';
import type { DuesPayment, DuesPaymentCreate } from '../api/types';
import { membersMessages } from '../messages';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(membersMessages, importWizardMessages);

interface DuesFormValues {
  year?: number | null;
  amount?: number | null;
  paidOn?: Dayjs | null;
}

const FIELDS = ['year', 'amount', 'paidOn'] as const;
const CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  dues_recorded: 'dues.error.dues_recorded',
  in_future: 'member.error.in_future',
};

export function DuesPanel({
  memberId,
  canRecord,
  formOpen,
  onFormOpenChange,
}: {
  memberId: string;
  canRecord: boolean;
  formOpen: boolean;
  onFormOpenChange: (open: boolean) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const dues = useMemberDues(memberId);
  const record = useRecordDues();
  const idempotencyKeyFor = useIdempotencyKey();
  const [form] = Form.useForm<DuesFormValues>();
  const { formError, setFormError, onError } = useServerErrors(form, {
    fieldOf: (issue) => (issue.pointer === '/amountFen' ? 'amount' : topLevelField(FIELDS, issue)),
    codeMessages: CODE_MESSAGES,
    summary: false,
  });
  const year = currentYear();

  if (dues.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (dues.isError) return <QueryError error={dues.error} onRetry={() => void dues.refetch()} />;
  const paidThisYear = dues.data.items.some((payment) => payment.year === year);
  const items = [...dues.data.items].sort((a, b) => b.year - a.year);

  function onFinish(values: DuesFormValues) {
    setFormError(undefined);
    if (values.year == null || values.amount == null || !values.paidOn) return;
    const body: DuesPaymentCreate = {
      year: values.year,
      amountFen: yuanToFen(values.amount),
      paidOn: values.paidOn.format('YYYY-MM-DD'),
    };
    record.mutate(
      { memberId, body, idempotencyKey: idempotencyKeyFor(body) },
      {
        onSuccess: (payment) => {
          message.success(t('dues.recorded', { year: payment.year }));
          form.resetFields();
          onFormOpenChange(false);
        },
        onError,
      },
    );
  }

  const columns: TableColumnsType<DuesPayment> = [
    { title: t('dues.field.year'), dataIndex: 'year', width: 110 },
    {
      title: t('dues.field.amount'),
      dataIndex: 'amountFen',
      width: 160,
      align: 'right',
      render: (fen: number) => formatYuan(fen),
    },
    { title: t('dues.field.paidOn'), dataIndex: 'paidOn', width: 140, render: (value: string) => formatDate(value) },
    {
      title: t('dues.field.recordedAt'),
      dataIndex: 'createdAt',
      render: (value: string) => formatDateTime(value),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="dues-panel">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Tag color={paidThisYear ? 'green' : 'orange'} data-testid="dues-this-year" data-paid={String(paidThisYear)}>
          {paidThisYear ? t('dues.thisYearPaid', { year }) : t('dues.thisYearUnpaid', { year })}
        </Tag>
        {canRecord && !formOpen && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => onFormOpenChange(true)} data-testid="dues-add">
            {t('dues.record')}
          </Button>
        )}
      </Flex>
      {canRecord && formOpen && (
        <Card size="small" title={t('dues.record')}>
          <FormError error={formError} gap={12} />
          <Form<DuesFormValues>
            form={form}
            layout="inline"
            disabled={record.isPending}
            initialValues={{ year: paidThisYear ? year + 1 : year, paidOn: currentDay() }}
            onFinish={onFinish}
            data-testid="dues-form"
          >
            <Form.Item
              name="year"
              label={t('dues.field.year')}
              rules={[{ required: true, message: t('dues.yearRequired') }]}
            >
              <InputNumber min={2000} max={2100} precision={0} controls={false} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item
              name="amount"
              label={t('dues.field.amount')}
              rules={[{ required: true, message: t('dues.amountRequired') }]}
            >
              <InputNumber min={0} max={1_000_000} precision={2} controls={false} style={{ width: 140 }} prefix="¥" />
            </Form.Item>
            <Form.Item
              name="paidOn"
              label={t('dues.field.paidOn')}
              rules={[{ required: true, message: t('dues.paidOnRequired') }]}
            >
              <DatePicker disabledDate={(date) => date.isAfter(currentDay(), 'day')} />
            </Form.Item>
            <Form.Item>
              <Flex gap={8}>
                <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="dues-submit">
                  {t('common.save')}
                </Button>
                <Button
                  onClick={() => {
                    setFormError(undefined);
                    onFormOpenChange(false);
                  }}
                >
                  {t('common.cancel')}
                </Button>
              </Flex>
            </Form.Item>
          </Form>
        </Card>
      )}
      <Table<DuesPayment>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dues.empty')} /> }}
        data-testid="dues-table"
      />
    </Flex>
  );
}
