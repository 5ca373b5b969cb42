import { DISCIPLINES, SOCIETY_TYPES } from '@society-hub/domain';
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { Card } from '@/components/card';
import { useI18n } from '@/lib/i18n';
import { currentDay } from '@/lib/today';
import { useSocietyLabels } from '../labels';
import { half, third, useRequired } from './layout';

/** The society's name, type, discipline and founding date. */
export function BasicSection() {
  const { t } = useI18n();
  const labels = useSocietyLabels();
  const required = useRequired();
  return (
    <Card title={t('society.form.section.basic')}>
      <Row gutter={24}>
        <Col {...half}>
          <Form.Item name="name" label={t('society.field.name')} rules={[required(t('society.field.name'))]}>
            <Input maxLength={100} placeholder={t('society.form.namePlaceholder')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="nameEn" label={t('society.field.nameEn')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item
            name="type"
            label={t('society.field.type')}
            rules={[{ required: true, message: t('society.form.select', { field: t('society.field.type') }) }]}
          >
            <Select
              options={SOCIETY_TYPES.map((value) => ({ value, label: labels.type(value) }))}
              placeholder={t('society.form.select', { field: t('society.field.type') })}
              data-testid="field-type"
            />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item
            name="discipline"
            label={t('society.field.discipline')}
            rules={[{ required: true, message: t('society.form.select', { field: t('society.field.discipline') }) }]}
          >
            <Select
              options={DISCIPLINES.map((value) => ({ value, label: labels.discipline(value) }))}
              placeholder={t('society.form.select', { field: t('society.field.discipline') })}
              data-testid="field-discipline"
            />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="foundedOn" label={t('society.field.foundedOn')}>
            <DatePicker
              style={{ width: '100%' }}
              format="YYYY-MM-DD"
              disabledDate={(date) => date.isAfter(currentDay(), 'day')}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
