import { Col, Form, type FormRule, Input, Row } from 'antd';
import { Card } from '@/components/card';
import { useI18n } from '@/lib/i18n';
import { half, useRequired } from './layout';

/** Registration: the unified social credit code (with an override reason where allowed) and the supporting unit. */
export function RegistrationSection({
  creditCodeRules,
  canEditCreditCode,
  showOverride,
}: {
  creditCodeRules: FormRule[];
  canEditCreditCode: boolean;
  showOverride: boolean;
}) {
  const { t } = useI18n();
  const _required = useRequired();
  return (
    <Card title={t('society.form.section.registration')}>
      <Row gutter={24}>
        <Col {...half}>
          <Form.Item
            name="creditCode"
            label={t('society.field.creditCode')}
            rules={creditCodeRules}
            validateTrigger={['onChange', 'onBlur']}
            dependencies={['creditCodeOverrideReason']}
            normalize={(value: string) => value.toUpperCase()}
            extra={canEditCreditCode ? undefined : t('society.form.creditCodeLocked')}
            hasFeedback
          >
            <Input
              maxLength={18}
              showCount
              disabled={!canEditCreditCode}
              placeholder={t('society.form.creditCodeHelp')}
              style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
              autoComplete="off"
              spellCheck={false}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="supportingUnit" label={t('society.field.supportingUnit')}>
            <Input maxLength={200} placeholder={t('society.form.supportingUnitPlaceholder')} />
          </Form.Item>
        </Col>
        {showOverride && (
          <Col span={24}>
            <Form.Item
              name="creditCodeOverrideReason"
              label={t('society.field.creditCodeOverrideReason')}
              extra={t('society.form.overrideHelp')}
              rules={[{ required: true, whitespace: true, message: t('society.form.overrideRequired') }]}
            >
              <Input.TextArea rows={2} maxLength={500} showCount />
            </Form.Item>
          </Col>
        )}
      </Row>
    </Card>
  );
}
