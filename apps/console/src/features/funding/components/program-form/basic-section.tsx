import { Col, DatePicker, Divider, Form, Input, InputNumber, Row } from 'antd';
import { useI18n } from '@/lib/i18n';
import { YuanInput } from '../yuan-input';
import type { SectionProps } from './section';

/** The call's name, year, window, total budget and description. */
export function BasicSection({ locked, live }: SectionProps) {
  const { t } = useI18n();
  return (
    <>
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
            <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: '100%' }} disabled={locked} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="window"
            label={t('funding.program.field.window')}
            extra={locked ? t('funding.program.closeLaterOnly') : t('funding.program.windowHelp')}
            {...live('/opensOn', '/closesOn')}
          >
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              disabled={locked ? [true, false] : false}
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
            <YuanInput disabled={locked} data-testid="program-total" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="description" label={t('funding.program.field.description')}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
