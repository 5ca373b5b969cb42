import { Alert, App, Button, Descriptions, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { Card } from '@/components/card';
import { policies } from '@/lib/authorization';
import { formatDateTime } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useEvaluatePilot } from '../api/pilots';
import type { Pilot, PilotStatus } from '../api/types';
import { pilotsMessages } from '../messages';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(pilotsMessages);

const EVALUABLE: readonly PilotStatus[] = ['midterm_review', 'acceptance', 'completed'];

/** The transferring department's evaluation; staff may record it on the department's behalf. */
export function EvaluationTab({ pilot }: { pilot: Pilot }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const user = useCurrentUser();
  const evaluate = useEvaluatePilot(pilot.id);
  const [editing, setEditing] = useState(false);
  const canRecord = policies.managePilots(user) && EVALUABLE.includes(pilot.status);
  const e = pilot.evaluation;
  return (
    <Card size="small" title={t('pilot.evaluation.title')} data-testid="evaluation">
      {e ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('pilot.evaluation.satisfaction')}>
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="evaluation-satisfaction">
              {e.satisfaction}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('pilot.evaluation.comments')}>{e.comments ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label="">
            <Typography.Text type="secondary">
              {t('pilot.evaluation.by', { by: e.evaluatedBy ?? '', date: formatDateTime(e.evaluatedAt) })}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary">{t('pilot.evaluation.none')}</Typography.Paragraph>
      )}
      {!EVALUABLE.includes(pilot.status) && (
        <Typography.Text type="secondary">{t('pilot.evaluation.when')}</Typography.Text>
      )}
      {canRecord && !editing && (
        <Button onClick={() => setEditing(true)} data-testid="evaluation-record">
          {t('pilot.evaluation.record')}
        </Button>
      )}
      {editing && (
        <Form
          layout="vertical"
          initialValues={{ satisfaction: e?.satisfaction ?? 80, comments: e?.comments ?? '' }}
          onFinish={(values: { satisfaction: number; comments?: string }) =>
            evaluate.mutate(
              { satisfaction: values.satisfaction, comments: values.comments?.trim() || null },
              {
                onSuccess: () => {
                  message.success(t('pilot.evaluation.saved'));
                  setEditing(false);
                },
              },
            )
          }
          style={{ maxWidth: 560, marginTop: 12 }}
        >
          {evaluate.error && (
            <Alert type="error" showIcon title={problemMessage(evaluate.error, i18n)} style={{ marginBottom: 12 }} />
          )}
          <Form.Item name="satisfaction" label={t('pilot.evaluation.satisfaction')} rules={[{ required: true }]}>
            <InputNumber<number> min={0} max={100} precision={0} data-testid="evaluation-score" />
          </Form.Item>
          <Form.Item name="comments" label={t('pilot.evaluation.comments')} rules={[{ max: 4000 }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={evaluate.isPending} data-testid="evaluation-save">
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
