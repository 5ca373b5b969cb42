import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ALLOCATION_STRATEGIES,
  checkProgramSettings,
  defaultProgramSettings,
  fenToYuan,
  formatYuan,
  localToday,
  type Problem,
  type ProgramSettings,
  SCORING_METHODS,
  yuanToFen,
} from '@society-hub/domain';
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
  Progress,
  Radio,
  Row,
  Switch,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { FormError, useServerErrors } from '@/components/form-shell';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateProgram, useUpdateProgram } from '../api/programs';
import type { AllocationStrategy, FundingProgram, ProgramCreate, ProgramPatch, ScoringMethod } from '../api/types';
import { fundingMessages } from '../messages';
import { fundingPanelsMessages } from '../panels-messages';
import { settingsProblemMessage } from './explanations';
import { useFundingLabels } from './labels';
import { YuanInput } from './yuan-input';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages, fundingPanelsMessages);

interface CategoryValues {
  code?: string;
  name?: string;
  cap?: string | null;
  budget?: string | null;
}

interface CriterionValues {
  code?: string;
  name?: string;
  weight?: number | null;
}

export interface ProgramFormValues {
  name?: string;
  year?: number | null;
  window?: [Dayjs | null, Dayjs | null] | null;
  description?: string;
  totalBudget?: string | null;
  categories?: CategoryValues[];
  rubric?: CriterionValues[];
  minimumScore?: number | null;
  reviewersPerApplication?: number | null;
  scoringMethod?: ScoringMethod;
  allocationStrategy?: AllocationStrategy;
  noticeWorkingDays?: number | null;
  allowMultiplePerCategory?: boolean;
}

const DATE = 'YYYY-MM-DD';

function initialValues(program: FundingProgram | undefined): ProgramFormValues {
  const source = program ?? {
    name: '',
    description: null,
    ...defaultProgramSettings(Number(localToday().slice(0, 4))),
  };
  return {
    name: source.name,
    year: source.year,
    window: [dayjs(source.opensOn), dayjs(source.closesOn)],
    description: source.description ?? '',
    totalBudget: fenToYuan(source.totalBudgetFen),
    categories: source.categories.map((c) => ({
      code: c.code,
      name: c.name,
      cap: fenToYuan(c.capFen),
      budget: fenToYuan(c.budgetFen),
    })),
    rubric: source.rubric.map((c) => ({ ...c })),
    minimumScore: source.minimumScore,
    reviewersPerApplication: source.reviewersPerApplication,
    scoringMethod: source.scoringMethod,
    allocationStrategy: source.allocationStrategy,
    noticeWorkingDays: source.noticeWorkingDays,
    allowMultiplePerCategory: source.allowMultiplePerCategory,
  };
}

/** The settings the form describes, as the domain checks them (a value that is not a number stays NaN). */
function toSettings(values: ProgramFormValues): ProgramSettings {
  const [opens, closes] = values.window ?? [null, null];
  const num = (value: number | null | undefined) => (typeof value === 'number' ? value : Number.NaN);
  return {
    year: num(values.year),
    opensOn: opens ? opens.format(DATE) : '',
    closesOn: closes ? closes.format(DATE) : '',
    totalBudgetFen: yuanToFen(values.totalBudget),
    categories: (values.categories ?? []).map((c) => ({
      code: c?.code?.trim() ?? '',
      name: c?.name?.trim() ?? '',
      capFen: yuanToFen(c?.cap),
      budgetFen: yuanToFen(c?.budget),
    })),
    rubric: (values.rubric ?? []).map((c) => ({
      code: c?.code?.trim() ?? '',
      name: c?.name?.trim() ?? '',
      weight: num(c?.weight),
    })),
    minimumScore: num(values.minimumScore),
    reviewersPerApplication: num(values.reviewersPerApplication),
    scoringMethod: values.scoringMethod ?? 'trimmed_mean',
    allocationStrategy: values.allocationStrategy ?? 'best_first',
    noticeWorkingDays: num(values.noticeWorkingDays),
    allowMultiplePerCategory: values.allowMultiplePerCategory ?? false,
  };
}

type FieldData = Parameters<FormInstance<ProgramFormValues>['setFields']>[0][number];
type FieldName = NonNullable<FieldData['name']>;

const TOP_LEVEL = [
  'name',
  'year',
  'description',
  'minimumScore',
  'reviewersPerApplication',
  'scoringMethod',
  'allocationStrategy',
  'noticeWorkingDays',
  'allowMultiplePerCategory',
] as const;
const CATEGORY_FIELDS = { code: 'code', name: 'name', capFen: 'cap', budgetFen: 'budget' } as const;
const CRITERION_FIELDS = ['code', 'name', 'weight'] as const;

/** A settings path (`/categories/0/capFen`) as the form field it belongs to; null for a whole list. */
function formPath(path: string): FieldName | null {
  const [head, index, field] = path.split('/').filter(Boolean);
  if (head === 'totalBudgetFen') return 'totalBudget';
  if (head === 'opensOn' || head === 'closesOn') return 'window';
  const top = TOP_LEVEL.find((name) => name === head);
  if (top) return top;
  const i = Number(index);
  if (!Number.isInteger(i)) return null;
  if (head === 'categories') {
    const own = Object.entries(CATEGORY_FIELDS).find(([api]) => api === field)?.[1];
    return own ? ['categories', i, own] : null;
  }
  if (head === 'rubric') {
    const own = CRITERION_FIELDS.find((name) => name === field);
    return own ? ['rubric', i, own] : null;
  }
  return null;
}

interface ProgramFormDrawerProps {
  /** Absent: set up a new program. */
  program?: FundingProgram;
  onClose: () => void;
}

export function ProgramFormDrawer({ program, onClose }: ProgramFormDrawerProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = useFundingLabels();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProgramFormValues>();
  const create = useCreateProgram();
  const update = useUpdateProgram();
  const idempotencyKeyFor = useIdempotencyKey();
  const { formError, setFormError, onError } = useServerErrors(form, {
    fieldOf: (issue) => formPath(issue.pointer) ?? undefined,
    onConflict: (): void => setFormError(t('funding.program.conflict')),
  });
  const [initial] = useState(() => initialValues(program));
  const submitting = create.isPending || update.isPending;
  /** Once the call is open only the wording and a later close may change. */
  const settingsLocked = program !== undefined && program.status !== 'draft';

  const watched = Form.useWatch((values: ProgramFormValues) => values, form);
  const settings = useMemo(() => toSettings(watched ?? initial), [watched, initial]);
  const problems = useMemo(() => (settingsLocked ? [] : checkProgramSettings(settings)), [settings, settingsLocked]);
  const problemAt = (path: string): Problem | undefined => problems.find((p) => p.path === path);
  const say = (problem: Problem) => settingsProblemMessage(problem, settings, i18n);
  /** Live findings on one field: shown in place of its own message. */
  const live = (...paths: string[]) => {
    const problem = paths.map(problemAt).find(Boolean);
    return problem ? { validateStatus: 'error' as const, help: say(problem) } : {};
  };

  /** Codes are what the API and exports use: lower-case letters, digits and underscores, a letter first. */
  const codeRule = { pattern: /^[a-z][a-z0-9_]*$/, message: t('funding.check.codePattern') };

  const weightSum = settings.rubric.reduce((sum, c) => sum + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  const categorySum = settings.categories.reduce((sum, c) => sum + (Number.isFinite(c.budgetFen) ? c.budgetFen : 0), 0);

  function onFinish(values: ProgramFormValues) {
    setFormError(undefined);
    if (problems.length > 0) {
      setFormError(t('funding.program.fixProblems', { n: problems.length }));
      return;
    }
    const s = toSettings(values);
    const name = values.name?.trim() ?? '';
    const description = values.description?.trim() || null;
    if (!program) {
      const body: ProgramCreate = {
        name,
        description,
        year: s.year,
        opensOn: s.opensOn,
        closesOn: s.closesOn,
        totalBudgetFen: s.totalBudgetFen,
        categories: s.categories,
        rubric: s.rubric,
        minimumScore: s.minimumScore,
        reviewersPerApplication: s.reviewersPerApplication,
        scoringMethod: s.scoringMethod,
        allocationStrategy: s.allocationStrategy,
        noticeWorkingDays: s.noticeWorkingDays,
        allowMultiplePerCategory: s.allowMultiplePerCategory,
      };
      create.mutate(
        { body, idempotencyKey: idempotencyKeyFor(body) },
        {
          onSuccess: (created) => {
            message.success(t('funding.program.created', { name: created.name }));
            onClose();
            navigate(`/funding/${created.id}`);
          },
          onError,
        },
      );
      return;
    }
    const patch: ProgramPatch = settingsLocked
      ? { name, description, closesOn: s.closesOn }
      : {
          name,
          description,
          year: s.year,
          opensOn: s.opensOn,
          closesOn: s.closesOn,
          totalBudgetFen: s.totalBudgetFen,
          categories: s.categories,
          rubric: s.rubric,
          minimumScore: s.minimumScore,
          reviewersPerApplication: s.reviewersPerApplication,
          scoringMethod: s.scoringMethod,
          allocationStrategy: s.allocationStrategy,
          noticeWorkingDays: s.noticeWorkingDays,
          allowMultiplePerCategory: s.allowMultiplePerCategory,
        };
    update.mutate(
      { id: program.id, version: program.version, patch },
      {
        onSuccess: (saved) => {
          message.success(t('funding.program.saved', { name: saved.name }));
          onClose();
        },
        onError,
      },
    );
  }

  const listProblems = (path: string) =>
    problems
      .filter((p) => p.path === path)
      .map((p) => (
        <Typography.Text key={p.code} type="danger" data-testid={`problem${path.replace(/\//g, '-')}`}>
          {say(p)}
        </Typography.Text>
      ));

  return (
    <Drawer
      open
      size={1000}
      title={program ? t('funding.program.editTitle', { name: program.name }) : t('funding.program.createTitle')}
      onClose={onClose}
      destroyOnHidden
      maskClosable={false}
      data-testid="program-drawer"
      footer={
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text type={problems.length ? 'danger' : 'success'} data-testid="program-check-summary">
            {problems.length
              ? t('funding.program.problemCount', { n: problems.length })
              : t('funding.program.noProblems')}
          </Typography.Text>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={submitting} onClick={() => form.submit()} data-testid="program-submit">
              {program ? t('society.form.submitSave') : t('funding.program.submitCreate')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <FormError error={formError} testId="program-form-error" />
      {settingsLocked && (
        <Alert type="info" showIcon title={t('funding.program.lockedHint')} style={{ marginBottom: 16 }} />
      )}
      <Form<ProgramFormValues>
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={initial}
        onFinish={onFinish}
        requiredMark="optional"
      >
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          {t('funding.program.section.basic')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item
              name="name"
              label={t('funding.program.field.name')}
              rules={[{ required: true, whitespace: true, message: t('funding.program.nameRequired') }]}
            >
              <Input maxLength={100} placeholder={t('funding.program.namePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="year" label={t('funding.program.field.year')} {...live('/year')}>
              <InputNumber<number>
                min={2000}
                max={2100}
                precision={0}
                style={{ width: '100%' }}
                disabled={settingsLocked}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="window"
              label={t('funding.program.field.window')}
              extra={settingsLocked ? t('funding.program.closeLaterOnly') : t('funding.program.windowHelp')}
              {...live('/opensOn', '/closesOn')}
            >
              <DatePicker.RangePicker
                style={{ width: '100%' }}
                disabled={settingsLocked ? [true, false] : false}
                placeholder={[t('funding.program.opensOn'), t('funding.program.closesOn')]}
                data-testid="program-window"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="totalBudget"
              label={t('funding.program.field.totalBudget')}
              extra={t('funding.program.totalBudgetHelp')}
              {...live('/totalBudgetFen')}
            >
              <YuanInput disabled={settingsLocked} data-testid="program-total" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('funding.program.field.description')}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('funding.program.section.categories')}
        </Divider>
        <Form.List name="categories">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0} data-testid="category-editor">
              <Row gutter={8} style={{ marginBottom: 4 }}>
                <Col span={5}>
                  <Typography.Text type="secondary">{t('funding.category.code')}</Typography.Text>
                </Col>
                <Col span={7}>
                  <Typography.Text type="secondary">{t('funding.category.name')}</Typography.Text>
                </Col>
                <Col span={5}>
                  <Typography.Text type="secondary">{t('funding.category.cap')}</Typography.Text>
                </Col>
                <Col span={5}>
                  <Typography.Text type="secondary">{t('funding.category.budget')}</Typography.Text>
                </Col>
              </Row>
              {fields.map((field) => (
                <Row gutter={8} key={field.key} align="top">
                  <Col span={5}>
                    <Form.Item
                      name={[field.name, 'code']}
                      rules={[codeRule]}
                      {...live(`/categories/${field.name}/code`)}
                    >
                      <Input
                        maxLength={40}
                        disabled={settingsLocked}
                        aria-label={t('funding.category.code')}
                        style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[field.name, 'name']} {...live(`/categories/${field.name}/name`)}>
                      <Input maxLength={50} disabled={settingsLocked} aria-label={t('funding.category.name')} />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[field.name, 'cap']} {...live(`/categories/${field.name}/capFen`)}>
                      <YuanInput disabled={settingsLocked} aria-label={t('funding.category.cap')} />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[field.name, 'budget']} {...live(`/categories/${field.name}/budgetFen`)}>
                      <YuanInput disabled={settingsLocked} aria-label={t('funding.category.budget')} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={settingsLocked || fields.length <= 1}
                      onClick={() => remove(field.name)}
                      aria-label={t('common.delete')}
                    />
                  </Col>
                </Row>
              ))}
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Button
                  icon={<PlusOutlined />}
                  disabled={settingsLocked}
                  onClick={() => add({ code: '', name: '', cap: null, budget: null })}
                >
                  {t('funding.category.add')}
                </Button>
                <Typography.Text data-testid="category-sum">
                  {t('funding.category.sum', {
                    sum: formatYuan(categorySum),
                    total: Number.isFinite(settings.totalBudgetFen) ? formatYuan(settings.totalBudgetFen) : '—',
                  })}
                </Typography.Text>
              </Flex>
              <Flex vertical style={{ marginTop: 4 }}>
                {listProblems('/categories')}
              </Flex>
            </Flex>
          )}
        </Form.List>

        <Divider titlePlacement="start" plain>
          {t('funding.program.section.rubric')}
        </Divider>
        <Form.List name="rubric">
          {(fields, { add, remove }) => (
            <Flex vertical data-testid="rubric-editor">
              <Row gutter={8} style={{ marginBottom: 4 }}>
                <Col span={6}>
                  <Typography.Text type="secondary">{t('funding.rubric.code')}</Typography.Text>
                </Col>
                <Col span={10}>
                  <Typography.Text type="secondary">{t('funding.rubric.name')}</Typography.Text>
                </Col>
                <Col span={6}>
                  <Typography.Text type="secondary">{t('funding.rubric.weight')}</Typography.Text>
                </Col>
              </Row>
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key} align="top">
                  <Col span={6}>
                    <Form.Item name={[field.name, 'code']} rules={[codeRule]} {...live(`/rubric/${field.name}/code`)}>
                      <Input
                        maxLength={40}
                        disabled={settingsLocked}
                        aria-label={t('funding.rubric.code')}
                        style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={10}>
                    <Form.Item
                      name={[field.name, 'name']}
                      {...live(`/rubric/${field.name}/name`)}
                      extra={index === 0 ? t('funding.rubric.firstHelp') : undefined}
                    >
                      <Input maxLength={50} disabled={settingsLocked} aria-label={t('funding.rubric.name')} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[field.name, 'weight']} {...live(`/rubric/${field.name}/weight`)}>
                      <InputNumber<number>
                        min={1}
                        max={100}
                        precision={0}
                        suffix={t('funding.rubric.points')}
                        style={{ width: '100%' }}
                        disabled={settingsLocked}
                        aria-label={t('funding.rubric.weightOf', { n: index + 1 })}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={settingsLocked || fields.length <= 1}
                      onClick={() => remove(field.name)}
                      aria-label={t('common.delete')}
                    />
                  </Col>
                </Row>
              ))}
              <Flex align="center" gap={16} wrap>
                <Button
                  icon={<PlusOutlined />}
                  disabled={settingsLocked}
                  onClick={() => add({ code: '', name: '', weight: null })}
                >
                  {t('funding.rubric.add')}
                </Button>
                <Flex align="center" gap={8} style={{ flex: 1, minWidth: 260 }} data-testid="weights-sum">
                  <Typography.Text style={{ whiteSpace: 'nowrap' }}>
                    {t('funding.rubric.sum', { sum: weightSum })}
                  </Typography.Text>
                  <Progress
                    percent={Math.min(weightSum, 100)}
                    showInfo={false}
                    status={weightSum === 100 ? 'success' : weightSum > 100 ? 'exception' : 'active'}
                    style={{ flex: 1, margin: 0 }}
                  />
                  {weightSum === 100 ? (
                    <Tag color="success" style={{ marginInlineEnd: 0 }}>
                      {t('funding.rubric.sumOk')}
                    </Tag>
                  ) : (
                    <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="weights-sum-off">
                      {weightSum > 100
                        ? t('funding.rubric.sumOver', { n: weightSum - 100 })
                        : t('funding.rubric.sumUnder', { n: 100 - weightSum })}
                    </Tag>
                  )}
                </Flex>
              </Flex>
              <Flex vertical style={{ marginTop: 4 }}>
                {listProblems('/rubric')}
              </Flex>
            </Flex>
          )}
        </Form.List>

        <Divider titlePlacement="start" plain>
          {t('funding.program.section.rules')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="minimumScore"
              label={t('funding.program.field.minimumScore')}
              extra={t('funding.program.minimumScoreHelp')}
              {...live('/minimumScore')}
            >
              <InputNumber<number>
                min={0}
                max={100}
                precision={2}
                style={{ width: '100%' }}
                disabled={settingsLocked}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="reviewersPerApplication"
              label={t('funding.program.field.reviewers')}
              extra={t('funding.program.reviewersHelp')}
              {...live('/reviewersPerApplication')}
            >
              <InputNumber<number> min={1} max={15} precision={0} style={{ width: '100%' }} disabled={settingsLocked} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="noticeWorkingDays"
              label={t('funding.program.field.noticeDays')}
              extra={t('funding.program.noticeDaysHelp')}
              {...live('/noticeWorkingDays')}
            >
              <InputNumber<number>
                min={1}
                max={60}
                precision={0}
                suffix={t('funding.program.workingDays')}
                style={{ width: '100%' }}
                disabled={settingsLocked}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="scoringMethod" label={t('funding.program.field.scoringMethod')}>
              <Radio.Group
                disabled={settingsLocked}
                options={SCORING_METHODS.map((value) => ({ value, label: labels.scoringMethod(value) }))}
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="allocationStrategy" label={t('funding.program.field.strategy')}>
              <Radio.Group
                disabled={settingsLocked}
                options={ALLOCATION_STRATEGIES.map((value) => ({ value, label: labels.strategy(value) }))}
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="allowMultiplePerCategory"
              label={t('funding.program.field.allowMultiple')}
              valuePropName="checked"
              extra={t('funding.program.allowMultipleHelp')}
            >
              <Switch disabled={settingsLocked} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
