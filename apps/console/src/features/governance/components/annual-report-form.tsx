import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { checkAnnualReport, memberHomeScore, type ReportIssue, yuanDigits } from '@society-hub/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Col, Flex, Form, InputNumber, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Card } from '@/components/card';
import { isApiError } from '@/lib/api-client';
import { isConflict } from '@/lib/conflict';
import { type MessageKey, useI18n } from '@/lib/i18n';
import { fieldMessage, problemMessage } from '@/lib/problem-message';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateAnnualReport } from '../api/create-annual-report';
import { governanceKeys } from '../api/keys';
import { useReplaceAnnualReport } from '../api/replace-annual-report';
import type { AnnualReport, AnnualReportContent } from '../api/types';
import {
  ACTIVITY_FIELDS,
  emptyFormValues,
  INCOME_FIELDS,
  MEMBER_FIELDS,
  MEMBER_HOME_FIELDS,
  type ReportFormValues,
  STAFF_FIELDS,
  toContent,
  toFormValues,
} from './annual-report-values';

interface AnnualReportFormProps {
  societyId: string;
  year: number;
  /** Absent: a new report for `year`. */
  report?: AnnualReport;
  /** Auditors, or a report closed by its inspection. */
  readOnly: boolean;
}

/** The dotted content path of a field (`members.newIndividual`) from its form name. */
type FieldPath = `${string}.${string}`;

const quarter = { xs: 24, sm: 12, lg: 6 };

export function AnnualReportForm({ societyId, year, report, readOnly }: AnnualReportFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReportFormValues>();
  const create = useCreateAnnualReport();
  const replace = useReplaceAnnualReport();
  const idempotencyKeyFor = useIdempotencyKey();
  const [serverIssues, setServerIssues] = useState<ReportIssue[]>([]);
  const [formError, setFormError] = useState<string>();
  const [touched, setTouched] = useState(false);
  const initial = report ? toFormValues(report.content) : emptyFormValues();
  const watched = Form.useWatch([], form);
  const content = toContent(watched ?? initial);
  const issues = readOnly ? [] : checkAnnualReport(content);
  const submitting = create.isPending || replace.isPending;

  function issueText(issue: ReportIssue): string {
    const byCode: Record<string, () => string> = {
      exceeds_total: () =>
        issue.field === 'activities.advisoryAdopted'
          ? t('report.error.exceeds_advisory', { n: content.activities.advisoryReports })
          : t('report.error.exceeds_total', { n: content.members.individual }),
      participants_without_events: () => t('report.error.participants_without_events'),
      sum_mismatch: () => t('report.error.sum_mismatch', { sum: yuanDigits(incomeSum) }),
      invalid_count: () => t('report.error.invalid_count'),
      invalid_amount: () => t('report.error.invalid_amount'),
    };
    const own = byCode[issue.code];
    return own ? own() : fieldMessage(issue, i18n);
  }

  const incomeSum = INCOME_FIELDS.reduce((sum, key) => sum + (content.finances[key] || 0), 0);
  const totalMatches = incomeSum === content.finances.incomeTotalFen;

  function itemProps(path: FieldPath) {
    const problems = [...issues, ...serverIssues].filter((issue) => issue.field === path);
    const first = problems[0];
    return first
      ? { validateStatus: 'error' as const, help: <span data-testid={`error-${path}`}>{issueText(first)}</span> }
      : {};
  }

  function countItem(section: 'members' | 'activities' | 'staff', key: string, label: MessageKey) {
    const path: FieldPath = `${section}.${key}`;
    return (
      <Col {...quarter} key={path}>
        <Form.Item name={[section, key]} label={t(label)} {...itemProps(path)}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} controls={false} />
        </Form.Item>
      </Col>
    );
  }

  function moneyItem(key: keyof AnnualReportContent['finances']) {
    const path: FieldPath = `finances.${key}`;
    return (
      <Col {...quarter} key={path}>
        <Form.Item name={['finances', key]} label={t(`report.finances.${key}`)} {...itemProps(path)}>
          <InputNumber<number>
            min={0}
            precision={2}
            step={0.01}
            style={{ width: '100%' }}
            controls={false}
            suffix="元"
          />
        </Form.Item>
      </Col>
    );
  }

  function onError(error: unknown) {
    if (isConflict(error)) {
      modal.warning({
        title: t('report.conflictTitle'),
        content: t('admin.conflictBody'),
        okText: t('common.reload'),
        onOk: () => queryClient.invalidateQueries({ queryKey: governanceKeys.reports(societyId) }),
      });
      return;
    }
    if (isApiError(error)) {
      const mapped: ReportIssue[] = [];
      for (const issue of error.problem.errors ?? []) {
        const match = /^\/body\/content\/(\w+)\/(\w+)$/.exec(issue.path);
        if (match) mapped.push({ field: `${match[1]}.${match[2]}`, code: issue.code, message: issue.message });
      }
      if (mapped.length > 0) {
        setServerIssues(mapped);
        setFormError(t('society.form.fixErrors'));
        return;
      }
    }
    setFormError(problemMessage(error, i18n));
  }

  function save(submit: boolean) {
    setFormError(undefined);
    setTouched(true);
    if (issues.length > 0) {
      setFormError(t('society.form.fixErrors'));
      return;
    }
    const done = (saved: AnnualReport) => {
      setServerIssues([]);
      message.success(submit ? t('report.submitted', { year: saved.year }) : t('report.saved'));
    };
    if (!report) {
      const body = { year, content, submit };
      create.mutate({ societyId, body, idempotencyKey: idempotencyKeyFor(body) }, { onSuccess: done, onError });
      return;
    }
    replace.mutate(
      { societyId, year, version: report.version, body: { content, submit } },
      { onSuccess: done, onError },
    );
  }

  function confirmSubmit() {
    if (issues.length > 0) {
      save(true);
      return;
    }
    modal.confirm({
      title: t('report.submitConfirm', { year }),
      content: t('report.submitHint'),
      okText: t('report.submit'),
      cancelText: t('common.cancel'),
      onOk: () => save(true),
    });
  }

  const submitted = report?.status === 'submitted';

  return (
    <Form<ReportFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={readOnly || submitting}
      onValuesChange={() => {
        setServerIssues([]);
        setTouched(true);
      }}
      data-testid="report-form"
    >
      <Flex vertical gap={16}>
        {formError && touched && (
          <Alert
            type="error"
            showIcon
            title={formError}
            closable
            onClose={() => setFormError(undefined)}
            data-testid="report-form-error"
          />
        )}
        <Card size="small" title={t('report.section.members')}>
          <Row gutter={16}>{MEMBER_FIELDS.map((key) => countItem('members', key, `report.members.${key}`))}</Row>
        </Card>
        <Card size="small" title={t('report.section.activities')}>
          <Row gutter={16}>
            {ACTIVITY_FIELDS.map((key) => countItem('activities', key, `report.activities.${key}`))}
          </Row>
        </Card>
        <Card size="small" title={t('report.section.finances')}>
          <Row gutter={16}>
            {INCOME_FIELDS.map((key) => moneyItem(key))}
            {moneyItem('incomeTotalFen')}
            {moneyItem('expenditureFen')}
          </Row>
          <Flex align="center" gap={8} wrap data-testid="income-check" data-matches={totalMatches ? 'true' : 'false'}>
            {totalMatches ? (
              <CheckCircleFilled style={{ color: '#52c41a' }} />
            ) : (
              <CloseCircleFilled style={{ color: '#ff4d4f' }} />
            )}
            <Typography.Text>{t('report.totalCheck', { sum: yuanDigits(incomeSum) })}</Typography.Text>
            <Typography.Text type={totalMatches ? 'success' : 'danger'}>
              {totalMatches
                ? t('report.totalMatches')
                : t('report.totalMismatch', { total: yuanDigits(content.finances.incomeTotalFen || 0) })}
            </Typography.Text>
            {!totalMatches && !readOnly && (
              <Button size="small" onClick={() => form.setFieldValue(['finances', 'incomeTotalFen'], incomeSum / 100)}>
                {t('report.useSum')}
              </Button>
            )}
          </Flex>
        </Card>
        <Row gutter={16}>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('report.section.staff')} style={{ height: '100%' }}>
              <Row gutter={16}>
                {STAFF_FIELDS.map((key) => {
                  const path: FieldPath = `staff.${key}`;
                  return (
                    <Col xs={24} sm={12} key={path}>
                      <Form.Item name={['staff', key]} label={t(`report.staff.${key}`)} {...itemProps(path)}>
                        <InputNumber min={0} precision={0} style={{ width: '100%' }} controls={false} />
                      </Form.Item>
                    </Col>
                  );
                })}
              </Row>
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card
              size="small"
              title={t('report.section.memberHome')}
              extra={<Tag color="blue">{t('report.memberHomeScore', { n: memberHomeScore(content) })}</Tag>}
              style={{ height: '100%' }}
            >
              <Flex wrap gap={16}>
                {MEMBER_HOME_FIELDS.map((key) => (
                  <Form.Item key={key} name={['memberHome', key]} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox>{t(`report.memberHome.${key}`)}</Checkbox>
                  </Form.Item>
                ))}
              </Flex>
            </Card>
          </Col>
        </Row>
        {!readOnly && (
          <Flex justify="flex-end" gap={8}>
            {submitted ? (
              <Button type="primary" loading={submitting} onClick={() => save(false)} data-testid="report-save">
                {t('common.save')}
              </Button>
            ) : (
              <>
                <Button loading={submitting} onClick={() => save(false)} data-testid="report-save">
                  {t('report.saveDraft')}
                </Button>
                <Button type="primary" loading={submitting} onClick={confirmSubmit} data-testid="report-submit">
                  {t('report.submit')}
                </Button>
              </>
            )}
          </Flex>
        )}
      </Flex>
    </Form>
  );
}
