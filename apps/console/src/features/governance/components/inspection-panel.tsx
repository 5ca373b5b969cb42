import { INSPECTION_RESULTS, type InspectionResult } from '@society-hub/domain';
import { Alert, App, Button, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { Card } from '@/components/card';
import { bodyFieldErrors, isConflict } from '@/lib/conflict';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { fieldMessage, problemMessage } from '@/lib/problem-message';
import { useRecordInspection } from '../api/record-inspection';
import type { AnnualReport } from '../api/types';
import { InspectionTag } from './labels';

interface InspectionValues {
  result?: InspectionResult;
  comments?: string;
}

/** The inspection result of a report; the admin records or changes it. */
export function InspectionPanel({ report, canRecord }: { report: AnnualReport; canRecord: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<InspectionValues>();
  const record = useRecordInspection();
  const inspection = report.inspection;
  const [editing, setEditing] = useState(false);
  const [formError, setFormError] = useState<string>();
  const showForm = canRecord && (editing || !inspection);

  function onFinish(values: InspectionValues) {
    setFormError(undefined);
    if (!values.result) return;
    const result = values.result;
    record.mutate(
      {
        societyId: report.societyId,
        year: report.year,
        version: inspection?.version,
        body: { result, comments: values.comments?.trim() || null },
      },
      {
        onSuccess: () => {
          message.success(t('inspection.recorded', { year: report.year, result: t(`inspection.${result}`) }));
          setEditing(false);
        },
        onError: (error) => {
          if (isConflict(error)) {
            setFormError(t('problem.precondition_failed'));
            return;
          }
          const fieldIssues = bodyFieldErrors(error).filter((issue) => issue.field === 'result');
          if (fieldIssues[0]) {
            const issue = fieldIssues[0];
            const text = issue.code === 'no_report' ? t('inspection.error.no_report') : fieldMessage(issue, i18n);
            form.setFields([{ name: 'result', errors: [text] }]);
            setFormError(text);
            return;
          }
          setFormError(problemMessage(error, i18n));
        },
      },
    );
  }

  return (
    <Card size="small" title={t('inspection.title')} data-testid="inspection-panel">
      <Flex vertical gap={12}>
        {inspection && (
          <Flex gap={12} align="center" wrap>
            <InspectionTag result={inspection.result} />
            {inspection.comments && <Typography.Text>{inspection.comments}</Typography.Text>}
            <Typography.Text type="secondary">
              {t('inspection.recordedBy', {
                by: inspection.recordedBy ?? t('common.none'),
                at: formatDateTime(inspection.recordedAt),
              })}
            </Typography.Text>
            {canRecord && !editing && (
              <Button size="small" onClick={() => setEditing(true)} data-testid="inspection-change">
                {t('inspection.change')}
              </Button>
            )}
          </Flex>
        )}
        {!inspection && !canRecord && <InspectionTag result={null} />}
        {showForm && (
          <Form<InspectionValues>
            form={form}
            layout="vertical"
            initialValues={{ result: inspection?.result, comments: inspection?.comments ?? '' }}
            onFinish={onFinish}
            disabled={record.isPending}
            data-testid="inspection-form"
          >
            {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
            <Form.Item
              name="result"
              label={t('inspection.field.result')}
              rules={[{ required: true, message: t('inspection.resultRequired') }]}
              style={{ maxWidth: 320 }}
            >
              <Select
                options={INSPECTION_RESULTS.map((value) => ({ value, label: t(`inspection.${value}`) }))}
                placeholder={t('inspection.resultRequired')}
                data-testid="inspection-result-select"
              />
            </Form.Item>
            <Form.Item name="comments" label={t('inspection.field.comments')}>
              <Input.TextArea rows={2} maxLength={1000} showCount />
            </Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="inspection-submit">
                {inspection ? t('inspection.change') : t('inspection.record')}
              </Button>
              {editing && (
                <Button onClick={() => setEditing(false)} disabled={false}>
                  {t('common.cancel')}
                </Button>
              )}
            </Flex>
          </Form>
        )}
      </Flex>
    </Card>
  );
}
