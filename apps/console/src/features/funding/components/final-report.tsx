import { checkFinalReport } from '@society-hub/domain';
import { Alert, App, Button, Descriptions, Flex, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import { Card } from '@/components/card';
import { isApiError } from '@/lib/api-client';
import { isConflict } from '@/lib/conflict';
import { formatDateTime } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { fieldMessage, problemMessage } from '@/lib/problem-message';
import { useFileFinalReport } from '../api/applications';
import type { BudgetLine, FundingApplication } from '../api/types';
import { fundingMessages } from '../messages';
import { fundingPanelsMessages } from '../panels-messages';
import { BudgetLinesEditor, type LineValues, linesOf, sumOf } from './budget-lines-editor';
import { Yuan } from './money';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages, fundingPanelsMessages);

interface ReportValues {
  spendingLines?: LineValues[];
  outcomes?: string;
  participants?: number | null;
}

/** 结项: the final report of a funded project — actual spending line by line, outcomes and participants. */
export function FinalReportPanel({ application, canFile }: { application: FundingApplication; canFile: boolean }) {
  const report = application.finalReport;
  if (report) return <FinalReportView application={application} />;
  if (application.status !== 'funded') return <NotYet />;
  return canFile ? <FinalReportForm application={application} /> : <NotYet filedLater />;
}

function NotYet({ filedLater = false }: { filedLater?: boolean }) {
  const { t } = useI18n();
  return <Alert type="info" showIcon title={filedLater ? t('funding.report.awaiting') : t('funding.report.notYet')} />;
}

export function FinalReportView({ application }: { application: FundingApplication }) {
  const { t } = useI18n();
  const report = application.finalReport;
  if (!report) return null;
  const allocated = application.allocatedFen ?? 0;
  return (
    <Flex vertical gap={12} data-testid="final-report-view">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'allocated', label: t('funding.field.allocated'), children: <Yuan fen={allocated} /> },
          {
            key: 'actual',
            label: t('funding.report.actual'),
            children: <Yuan fen={report.actualSpendingFen} strong />,
          },
          {
            key: 'participants',
            label: t('funding.report.participants'),
            children: report.participants ?? t('common.none'),
          },
          { key: 'at', label: t('funding.report.submittedAt'), children: formatDateTime(report.submittedAt) },
          {
            key: 'outcomes',
            label: t('funding.report.outcomes'),
            span: 2,
            children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{report.outcomes}</Typography.Text>,
          },
        ]}
      />
      <Table<BudgetLine & { key: number }>
        size="small"
        pagination={false}
        dataSource={report.spendingLines.map((line, key) => ({ ...line, key }))}
        columns={[
          { title: t('funding.lines.item'), dataIndex: 'item' },
          {
            title: t('funding.lines.amount'),
            key: 'amount',
            align: 'right',
            width: 180,
            render: (_, line) => <Yuan fen={line.amountFen} />,
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('funding.report.actual')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Yuan fen={report.actualSpendingFen} strong />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Flex>
  );
}

function FinalReportForm({ application }: { application: FundingApplication }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const file = useFileFinalReport();
  const [formError, setFormError] = useState<string>();
  const watched = Form.useWatch((values: ReportValues) => values, form);
  const lines = linesOf(watched?.spendingLines);
  const total = sumOf(lines);

  function onFinish(values: ReportValues) {
    setFormError(undefined);
    const spendingLines = linesOf(values.spendingLines).filter((l) => l.item !== '' || Number.isFinite(l.amountFen));
    if (spendingLines.length === 0 || spendingLines.some((l) => l.item === '' || !Number.isFinite(l.amountFen))) {
      setFormError(t('funding.report.linesNeeded'));
      return;
    }
    const report = {
      actualSpendingFen: sumOf(spendingLines),
      spendingLines,
      outcomes: values.outcomes?.trim() ?? '',
      participants: values.participants ?? null,
    };
    // The domain's rule for a final report, the one the API applies when it is filed.
    const problems = checkFinalReport(report);
    if (problems.some((problem) => problem.path === '/outcomes')) {
      form.setFields([{ name: 'outcomes', errors: [t('funding.report.outcomesRequired')] }]);
      return;
    }
    if (problems.length > 0) {
      setFormError(t('funding.report.linesNeeded'));
      return;
    }
    file.mutate(
      { id: application.id, version: application.version, report },
      {
        onSuccess: () => message.success(t('funding.report.filed')),
        onError: (error) => {
          if (isConflict(error)) {
            setFormError(t('funding.application.stale'));
            return;
          }
          const issue = isApiError(error) ? error.problem.errors?.[0] : undefined;
          setFormError(issue ? fieldMessage(issue, i18n) : problemMessage(error, i18n));
        },
      },
    );
  }

  return (
    <Card size="small" title={t('funding.report.formTitle')} data-testid="final-report-form">
      <Typography.Paragraph type="secondary">
        {t('funding.report.formHint')} {t('funding.field.allocated')}：
        <Yuan fen={application.allocatedFen} strong />
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<ReportValues>
        form={form}
        layout="vertical"
        disabled={file.isPending}
        initialValues={{ spendingLines: application.budgetLines.map((l) => ({ item: l.item, amount: null })) }}
        onFinish={onFinish}
      >
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('funding.report.lines')}
        </Typography.Text>
        <BudgetLinesEditor
          name="spendingLines"
          testId="spending-lines"
          footer={
            <Typography.Text strong data-testid="spending-total">
              {t('funding.report.actual')}：<Yuan fen={total} strong />
            </Typography.Text>
          }
        />
        <Form.Item
          name="outcomes"
          label={t('funding.report.outcomes')}
          style={{ marginTop: 16 }}
          rules={[
            {
              required: true,
              validator: async (_, value: string | undefined) =>
                checkOutcomes(value, t('funding.report.outcomesRequired')),
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={10000} showCount data-testid="report-outcomes" />
        </Form.Item>
        <Form.Item name="participants" label={t('funding.report.participants')}>
          <InputNumber<number> min={0} precision={0} style={{ width: 200 }} suffix={t('funding.application.people')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="report-submit">
          {t('funding.report.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** The outcomes field against the domain's final report rule (its other findings are about the lines). */
async function checkOutcomes(value: string | undefined, message: string): Promise<void> {
  const problems = checkFinalReport({ outcomes: value ?? '', actualSpendingFen: 0, spendingLines: [] });
  if (problems.some((problem) => problem.path === '/outcomes')) throw new Error(message);
}
