import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { checkReviewScores, MINIMUM_JUSTIFICATION_LENGTH, reviewTotal } from '@society-hub/domain';
import {
  Alert,
  App,
  Button,
  Descriptions,
  type DescriptionsProps,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Statistic,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Card } from '@/components/card';
import { isApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { fieldMessage, problemMessage } from '@/lib/problem-message';
import { usePutMyReview } from '../api/put-my-review';
import type { CriterionScore, QueueItem, RubricCriterion } from '../api/types';
import { useFundingLabels } from './labels';

interface ScoreValues {
  scores?: Partial<Record<string, number | null>>;
  justification?: string;
}

/** Characters as the rule counts them: code points of the trimmed text. */
function lengthOf(text: string | undefined): number {
  return [...(text ?? '').trim()].length;
}

/** The scores filled in, in the rubric's order: what the API receives (a draft may leave some out). */
function filledScores(rubric: RubricCriterion[], values: ScoreValues['scores']): CriterionScore[] {
  return rubric.flatMap((criterion) => {
    const score = values?.[criterion.code];
    return typeof score === 'number' ? [{ code: criterion.code, score }] : [];
  });
}

interface ScoreFormProps {
  applicationId: string;
  item: QueueItem;
  /** The program is reviewing: scores may still be saved. */
  reviewOpen: boolean;
}

/**
 * One input per rubric criterion (0 to its weight, one decimal), the live total and the justification.
 * The checks are the API's own (`checkReviewScores`), run as the reviewer types; a draft may be
 * incomplete, a submission may not. What the server still refuses lands on the field it names.
 */
export function ScoreForm({ applicationId, item, reviewOpen }: ScoreFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const labels = useFundingLabels();
  const [form] = Form.useForm<ScoreValues>();
  const save = usePutMyReview();
  const [formError, setFormError] = useState<string>();
  /** True while checking for a submission: every criterion and the justification are then required. */
  const strict = useRef(false);
  const { rubric } = item;
  const watched = Form.useWatch('scores', form);
  const watchedJustification = Form.useWatch('justification', form) ?? item.justification ?? '';
  const filled = filledScores(rubric, watched);
  const total = reviewTotal(filled);
  const submitted = item.status === 'submitted';

  function issueText(issue: { code: string; message: string }, criterion?: RubricCriterion, text?: string): string {
    switch (issue.code) {
      case 'score_out_of_range':
        return criterion ? t('review.error.range', { max: criterion.weight }) : fieldMessage(issue, i18n);
      case 'score_precision':
        return t('review.error.precision');
      case 'criterion_missing':
        return t('review.error.missing');
      case 'justification_too_short':
        return t('review.error.justification', { min: MINIMUM_JUSTIFICATION_LENGTH, n: lengthOf(text) });
      default:
        return fieldMessage(issue, i18n);
    }
  }

  function scoreRule(criterion: RubricCriterion) {
    return {
      validator: async (_: unknown, value: number | null | undefined) => {
        if (value === null || value === undefined) {
          if (strict.current) throw new Error(t('review.error.missing'));
          return;
        }
        const problem = checkReviewScores([criterion], [{ code: criterion.code, score: value }], '').find(
          (candidate) => candidate.path === '/scores/0/score',
        );
        if (problem) throw new Error(issueText(problem, criterion));
      },
    };
  }

  const justificationRule = {
    validator: async (_: unknown, value: string | undefined) => {
      if (!strict.current) return;
      const problem = checkReviewScores([], [], value ?? '').find(
        (candidate) => candidate.code === 'justification_too_short',
      );
      if (problem) throw new Error(issueText(problem, undefined, value));
    },
  };

  function onServerError(error: unknown, sent: CriterionScore[], justification: string) {
    type Field = Parameters<typeof form.setFields>[0][number];
    const fields = new Map<string, Field & { errors: string[] }>();
    const add = (name: Field['name'], text: string) => {
      const key = JSON.stringify(name);
      const entry = fields.get(key) ?? { name, errors: [] };
      if (!entry.errors.includes(text)) entry.errors.push(text);
      fields.set(key, entry);
    };
    let general: string | undefined;
    for (const issue of isApiError(error) ? (error.problem.errors ?? []) : []) {
      const indexed = /^\/body\/scores\/(\d+)\//.exec(issue.path);
      const criterion = indexed ? rubric.find((c) => c.code === sent[Number(indexed[1])]?.code) : undefined;
      if (criterion) {
        add(['scores', criterion.code], issueText(issue, criterion));
      } else if (issue.code === 'criterion_missing') {
        for (const missing of rubric.filter((c) => !sent.some((s) => s.code === c.code))) {
          add(['scores', missing.code], issueText(issue));
        }
      } else if (issue.path === '/body/justification') {
        add('justification', issueText(issue, undefined, justification));
      } else {
        general = issueText(issue);
      }
    }
    if (fields.size > 0 || general) {
      form.setFields([...fields.values()]);
      setFormError(general ?? t('review.form.fixErrors'));
      return;
    }
    setFormError(
      problemMessage(error, i18n, { rule_violation: 'review.error.closed', conflict: 'review.error.notAssigned' }),
    );
  }

  async function saveReview(submit: boolean) {
    setFormError(undefined);
    strict.current = submit;
    try {
      await form.validateFields();
    } catch {
      setFormError(t('review.form.fixErrors'));
      return;
    }
    const values = form.getFieldsValue();
    const scores = filledScores(rubric, values.scores);
    const justification = values.justification ?? '';
    save.mutate(
      { applicationId, body: { scores, justification, submit } },
      {
        onSuccess: () => {
          if (submit) {
            message.success(t(submitted ? 'review.form.updated' : 'review.form.submitted'));
            navigate('/reviews');
          } else {
            message.success(t('review.form.draftSaved'));
          }
        },
        onError: (error) => onServerError(error, scores, justification),
      },
    );
  }

  const totalBlock = (
    <Flex align="baseline" justify="space-between" wrap gap={8}>
      <Statistic
        title={t('review.form.total')}
        value={total.toFixed(1)}
        suffix="/ 100"
        styles={{ content: { fontVariantNumeric: 'tabular-nums', color: '#1d5fbf' } }}
        data-testid="score-total"
      />
      <Typography.Text type="secondary">
        {t('review.form.scored', { n: filled.length, total: rubric.length })}
      </Typography.Text>
    </Flex>
  );

  if (!reviewOpen || item.status === 'declined' || item.status === 'recused') {
    const scoreItems: DescriptionsProps['items'] = rubric.map((criterion) => {
      const score = item.scores?.find((s) => s.code === criterion.code)?.score;
      return {
        key: criterion.code,
        label: labels.criterion(criterion),
        children: score === undefined ? t('common.none') : `${score} / ${criterion.weight}`,
      };
    });
    return (
      <Card title={t('review.form.title')} data-testid="score-form">
        <Alert
          type="info"
          showIcon
          title={submitted ? t('review.form.closedSubmitted') : t('review.form.closed')}
          style={{ marginBottom: 16 }}
        />
        <Descriptions size="small" bordered column={1} items={scoreItems} />
        <Divider style={{ margin: '16px 0' }} />
        <Statistic
          title={t('review.form.total')}
          value={item.total === null ? t('common.none') : item.total.toFixed(1)}
          suffix={item.total === null ? undefined : '/ 100'}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('review.form.justification')}
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
          {item.justification || t('common.none')}
        </Typography.Paragraph>
      </Card>
    );
  }

  return (
    <Card title={t('review.form.title')} data-testid="score-form">
      {submitted && (
        <Alert
          type="success"
          showIcon
          title={t('review.form.alreadySubmitted', { at: formatDateTime(item.submittedAt) })}
          style={{ marginBottom: 16 }}
        />
      )}
      {formError && (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="score-form-error" />
      )}
      <Form<ScoreValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '132px' }}
        labelWrap
        colon={false}
        disabled={save.isPending}
        initialValues={{
          scores: Object.fromEntries((item.scores ?? []).map((s) => [s.code, s.score])),
          justification: item.justification ?? '',
        }}
      >
        {rubric.map((criterion) => (
          <Form.Item
            key={criterion.code}
            name={['scores', criterion.code]}
            label={labels.criterion(criterion)}
            rules={[scoreRule(criterion)]}
            style={{ marginBottom: 16 }}
          >
            <InputNumber<number>
              step={0.5}
              placeholder={t('review.form.scorePlaceholder', { max: criterion.weight })}
              suffix={t('review.form.outOf', { max: criterion.weight })}
              style={{ width: 180 }}
              data-testid={`score-${criterion.code}`}
            />
          </Form.Item>
        ))}
        <Divider style={{ margin: '4px 0 12px' }} />
        {totalBlock}
        <Divider style={{ margin: '12px 0 16px' }} />
        <Form.Item
          name="justification"
          label={t('review.form.justification')}
          layout="vertical"
          labelCol={{ flex: 'none' }}
          rules={[justificationRule]}
          extra={t('review.form.justificationHelp', {
            min: MINIMUM_JUSTIFICATION_LENGTH,
            n: lengthOf(watchedJustification),
          })}
        >
          <Input.TextArea
            rows={6}
            maxLength={10_000}
            placeholder={t('review.form.justificationPlaceholder')}
            data-testid="score-justification"
          />
        </Form.Item>
        <Flex gap={8} justify="flex-end" wrap>
          {!submitted && (
            <Button
              icon={<SaveOutlined />}
              onClick={() => void saveReview(false)}
              loading={save.isPending && save.variables?.body.submit === false}
              data-testid="score-save-draft"
            >
              {t('review.form.saveDraft')}
            </Button>
          )}
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={() => void saveReview(true)}
            loading={save.isPending && save.variables?.body.submit === true}
            data-testid="score-submit"
          >
            {submitted ? t('review.form.update') : t('review.form.submit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
