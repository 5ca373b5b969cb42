import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { checkApplicationDraft, fenToYuan, formatYuan, type Problem, yuanToFen } from '@society-hub/domain';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Card } from '@/components/card';
import { FormError, useServerErrors } from '@/components/form-shell';
import { type MessageKey, registerMessages, useI18n } from '@/lib/i18n';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateApplication, useUpdateApplication } from '../api/applications';
import type { ApplicationCreate, ApplicationPatch, FundingApplication, FundingProgram } from '../api/types';
import { fundingMessages } from '../messages';
import { fundingPanelsMessages } from '../panels-messages';
import { AttachmentsEditor, type AttachmentValues, attachmentsOf, attachmentValues } from './attachments';
import { BudgetLinesEditor, LinesTotal, type LineValues, linesOf, sumOf } from './budget-lines-editor';
import { draftProblemMessage } from './explanations';
import { YuanInput } from './yuan-input';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages, fundingPanelsMessages);

interface ApplicationFormValues {
  societyId?: string;
  categoryCode?: string;
  title?: string;
  summary?: string;
  plannedOn?: Dayjs | null;
  place?: string;
  expectedParticipants?: number | null;
  disciplines?: string[];
  budgetLines?: LineValues[];
  requested?: string | null;
  selfFunded?: string | null;
  attachments?: AttachmentValues[];
}

const DATE = 'YYYY-MM-DD';

/** The three screening rules a society can satisfy while filling the form, with the problems that break each. */
const RULES: { code: 'category' | 'within_cap' | 'budget_balanced'; label: MessageKey; paths: RegExp }[] = [
  { code: 'category', label: 'funding.rule.category', paths: /^\/categoryCode/ },
  { code: 'within_cap', label: 'funding.rule.within_cap', paths: /^\/requestedFen/ },
  { code: 'budget_balanced', label: 'funding.rule.budget_balanced', paths: /^\/(budgetLines|selfFundedFen)/ },
];

type FieldData = Parameters<FormInstance<ApplicationFormValues>['setFields']>[0][number];
type FieldName = NonNullable<FieldData['name']>;
const FIELDS = [
  'categoryCode',
  'title',
  'summary',
  'plannedOn',
  'place',
  'expectedParticipants',
  'disciplines',
] as const;

/** An API path (`/budgetLines/0/amountFen`) as the form field it belongs to. */
function fieldOf(path: string): FieldName | null {
  const [head, index, field] = path.split('/').filter(Boolean);
  if (head === 'requestedFen') return 'requested';
  if (head === 'selfFundedFen') return 'selfFunded';
  const own = FIELDS.find((name) => name === head);
  if (own) return own;
  const i = Number(index);
  if (head === 'budgetLines' && Number.isInteger(i)) {
    if (field === 'item') return ['budgetLines', i, 'item'];
    if (field === 'amountFen') return ['budgetLines', i, 'amount'];
  }
  if (head === 'attachments' && Number.isInteger(i)) {
    if (field === 'name') return ['attachments', i, 'name'];
    if (field === 'sizeBytes') return ['attachments', i, 'sizeKb'];
    if (field === 'note') return ['attachments', i, 'note'];
  }
  return null;
}

interface ApplicationFormDrawerProps {
  program: FundingProgram;
  /** The societies the officer speaks for. */
  societies: { id: string; name: string }[];
  /** Absent: start a new draft. */
  application?: FundingApplication;
  onClose: () => void;
}

export function ApplicationFormDrawer({ program, societies, application, onClose }: ApplicationFormDrawerProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ApplicationFormValues>();
  const create = useCreateApplication();
  const update = useUpdateApplication();
  const idempotencyKeyFor = useIdempotencyKey();
  const { formError, setFormError, onError } = useServerErrors(form, {
    fieldOf: (issue) => fieldOf(issue.pointer) ?? undefined,
    onConflict: () => setStale(true),
  });
  const [stale, setStale] = useState(false);
  const submitting = create.isPending || update.isPending;

  const [initial] = useState<ApplicationFormValues>(() =>
    application
      ? {
          societyId: application.societyId,
          categoryCode: application.categoryCode,
          title: application.title,
          summary: application.summary ?? '',
          plannedOn: application.plannedOn ? dayjs(application.plannedOn) : null,
          place: application.place ?? '',
          expectedParticipants: application.expectedParticipants,
          disciplines: application.disciplines,
          budgetLines: application.budgetLines.map((l) => ({ item: l.item, amount: fenToYuan(l.amountFen) })),
          requested: fenToYuan(application.requestedFen),
          selfFunded: fenToYuan(application.selfFundedFen),
          attachments: attachmentValues(application.attachments),
        }
      : {
          societyId: societies.length === 1 ? societies[0]?.id : undefined,
          disciplines: [],
          budgetLines: [{ item: '', amount: null }],
          requested: null,
          selfFunded: '0.00',
          attachments: [],
        },
  );

  const [touched, setTouched] = useState(application !== undefined);
  const watched = Form.useWatch((values: ApplicationFormValues) => values, form) ?? initial;
  const categoryCode = watched.categoryCode ?? '';
  const category = program.categories.find((c) => c.code === categoryCode);
  const lines = linesOf(watched.budgetLines);
  const requestedFen = watched.requested ? yuanToFen(watched.requested) : 0;
  const selfFundedFen = watched.selfFunded ? yuanToFen(watched.selfFunded) : 0;
  const problems = checkApplicationDraft({
    categoryCode,
    categories: program.categories,
    requestedFen,
    selfFundedFen,
    budgetLines: lines,
  });
  const draft = { requestedFen, selfFundedFen, budgetLines: lines, capFen: category?.capFen ?? null };
  const say = (problem: Problem) => draftProblemMessage(problem, draft, i18n);
  const live = (path: string) => {
    // Before a category is chosen, say nothing about the amounts yet.
    const problem = problems.find((p) => p.path === path);
    return problem && (categoryCode || path !== '/categoryCode') && touched
      ? { validateStatus: 'error' as const, help: say(problem) }
      : {};
  };
  const total = sumOf(lines);

  function onFinish(values: ApplicationFormValues) {
    setFormError(undefined);
    const budgetLines = linesOf(values.budgetLines).filter((l) => l.item !== '' || Number.isFinite(l.amountFen));
    const badLine = budgetLines.findIndex((l) => !Number.isFinite(l.amountFen));
    const requested = values.requested ? yuanToFen(values.requested) : 0;
    const selfFunded = values.selfFunded ? yuanToFen(values.selfFunded) : 0;
    if (badLine >= 0 || !Number.isFinite(requested) || !Number.isFinite(selfFunded)) {
      setFormError(t('funding.application.amountsNeeded'));
      return;
    }
    const content = {
      categoryCode: values.categoryCode ?? '',
      title: values.title?.trim() ?? '',
      summary: values.summary?.trim() || null,
      plannedOn: values.plannedOn ? values.plannedOn.format(DATE) : null,
      place: values.place?.trim() || null,
      expectedParticipants: values.expectedParticipants ?? null,
      disciplines: [...new Set((values.disciplines ?? []).map((d) => d.trim()).filter(Boolean))],
      budgetLines,
      requestedFen: requested,
      selfFundedFen: selfFunded,
      attachments: attachmentsOf(values.attachments),
    };
    if (!application) {
      // With one society the field is not shown (so not in `values`): it is that society.
      const societyId = values.societyId ?? (societies.length === 1 ? societies[0]?.id : undefined);
      if (!societyId) {
        setFormError(t('funding.application.societyRequired'));
        return;
      }
      const body: ApplicationCreate = { societyId, ...content };
      create.mutate(
        { programId: program.id, body, idempotencyKey: idempotencyKeyFor(body) },
        {
          onSuccess: (created) => {
            message.success(t('funding.application.created', { title: created.title }));
            onClose();
            navigate(`/funding/${program.id}/applications/${created.id}?tab=screening`);
          },
          onError,
        },
      );
      return;
    }
    const patch: ApplicationPatch = content;
    update.mutate(
      { id: application.id, version: application.version, patch },
      {
        onSuccess: (saved) => {
          message.success(t('funding.application.saved', { title: saved.title }));
          onClose();
        },
        onError,
      },
    );
  }

  return (
    <Drawer
      open
      size={880}
      title={
        application
          ? t('funding.application.editTitle', { title: application.title })
          : t('funding.application.createTitle', { program: program.name })
      }
      onClose={onClose}
      destroyOnHidden
      maskClosable={false}
      data-testid="application-drawer"
      footer={
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text type="secondary">{t('funding.application.draftHint')}</Typography.Text>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={submitting}
              disabled={stale}
              onClick={() => {
                setTouched(true);
                form.submit();
              }}
              data-testid="application-save"
            >
              {t('funding.application.saveDraft')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      {stale && <Alert type="warning" showIcon title={t('funding.application.stale')} style={{ marginBottom: 16 }} />}
      <FormError error={formError} testId="application-form-error" />
      <Form<ApplicationFormValues>
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={initial}
        onValuesChange={() => setTouched(true)}
        onFinish={onFinish}
      >
        <Row gutter={16}>
          {!application && societies.length > 1 && (
            <Col xs={24} md={12}>
              <Form.Item
                name="societyId"
                label={t('funding.application.field.society')}
                rules={[{ required: true, message: t('funding.application.societyRequired') }]}
              >
                <Select options={societies.map((s) => ({ value: s.id, label: s.name }))} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item
              name="categoryCode"
              label={t('funding.application.field.category')}
              rules={[{ required: true, message: t('funding.application.categoryRequired') }]}
              {...live('/categoryCode')}
            >
              <Select
                data-testid="application-category"
                options={program.categories.map((c) => ({
                  value: c.code,
                  label: t('funding.application.categoryOption', { name: c.name, cap: formatYuan(c.capFen) }),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="title"
              label={t('funding.application.field.title')}
              rules={[{ required: true, whitespace: true, message: t('funding.application.titleRequired') }]}
            >
              <Input maxLength={200} placeholder={t('funding.application.titlePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="summary" label={t('funding.application.field.summary')}>
              <Input.TextArea rows={3} maxLength={4000} showCount />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="plannedOn" label={t('funding.application.field.plannedOn')}>
              <DatePicker style={{ width: '100%' }} data-testid="application-planned-on" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="place" label={t('funding.application.field.place')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="expectedParticipants" label={t('funding.application.field.participants')}>
              <InputNumber<number>
                min={0}
                max={1_000_000}
                precision={0}
                suffix={t('funding.application.people')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="disciplines"
              label={t('funding.application.field.disciplines')}
              extra={t('funding.application.disciplinesHelp')}
            >
              <Select
                mode="tags"
                tokenSeparators={[',', '，', '、']}
                maxCount={10}
                open={false}
                suffixIcon={null}
                data-testid="application-disciplines"
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('funding.application.section.money')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="requested"
              label={t('funding.application.field.requested')}
              extra={category ? t('funding.application.capHint', { cap: formatYuan(category.capFen) }) : undefined}
              {...live('/requestedFen')}
            >
              <YuanInput data-testid="application-requested" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="selfFunded" label={t('funding.application.field.selfFunded')} {...live('/selfFundedFen')}>
              <YuanInput data-testid="application-self-funded" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('funding.application.field.budgetLines')}
        </Typography.Text>
        <BudgetLinesEditor
          name="budgetLines"
          testId="budget-lines"
          itemPlaceholder={t('funding.lines.itemPlaceholder')}
          lineProblem={(index, field) => {
            const problem = problems.find((p) => p.path === `/budgetLines/${index}/${field}`);
            return problem && touched ? say(problem) : undefined;
          }}
          footer={
            <LinesTotal
              total={total}
              expected={requestedFen + selfFundedFen}
              expectedLabel={t('funding.lines.sources')}
            />
          }
        />
        <Card size="small" style={{ marginTop: 16 }} title={t('funding.rule.title')} data-testid="draft-rules">
          <Flex vertical gap={6}>
            {RULES.map((rule) => {
              const failing = problems.filter((p) => rule.paths.test(p.path));
              const ok = failing.length === 0;
              const text = ok
                ? rule.code === 'category'
                  ? t('funding.rule.category.ok', { name: category?.name ?? '' })
                  : rule.code === 'within_cap'
                    ? t('funding.screen.within_cap.ok', {
                        requested: formatYuan(requestedFen),
                        cap: formatYuan(category?.capFen ?? 0),
                      })
                    : t('funding.rule.budget.ok', { total: formatYuan(total) })
                : failing.map(say).join('；');
              return (
                <Flex
                  key={rule.code}
                  gap={8}
                  align="baseline"
                  data-testid={`rule-${rule.code}`}
                  data-ok={ok ? 'yes' : 'no'}
                >
                  {ok ? (
                    <CheckCircleFilled style={{ color: '#52c41a' }} />
                  ) : (
                    <CloseCircleFilled style={{ color: '#ff4d4f' }} />
                  )}
                  <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                    {t(rule.label)}
                  </Typography.Text>
                  <Typography.Text type={ok ? 'secondary' : 'danger'}>{text}</Typography.Text>
                </Flex>
              );
            })}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('funding.rule.others')}
            </Typography.Text>
          </Flex>
        </Card>

        <Divider titlePlacement="start" plain>
          {t('funding.application.field.attachments')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('funding.attachments.help')}
        </Typography.Paragraph>
        <AttachmentsEditor />
      </Form>
    </Drawer>
  );
}
