import { Col, Form, Input, Radio, Row } from 'antd';
import { Card } from '@/components/card';
import { useI18n } from '@/lib/i18n';
import { half } from './layout';

/** Its legal representative, chair and secretary-general. */
export function LeadershipSection() {
  const { t } = useI18n();
  return (
    <Card title={t('society.form.section.leadership')}>
      <Row gutter={24}>
        <Col {...half}>
          <Form.Item name="legalRepresentative" label={t('society.field.legalRepresentative')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="chairName" label={t('society.field.chairName')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="secretaryGeneralName" label={t('society.field.secretaryGeneralName')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="secretaryGeneralFullTime" label={t('society.field.secretaryGeneralFullTime')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'full', label: t('society.fullTime') },
                { value: 'part', label: t('society.partTime') },
                { value: 'unknown', label: t('society.unknown') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
