import { Col, Form, Input, Row } from 'antd';
import { Card } from '@/components/card';
import { useI18n } from '@/lib/i18n';
import { half, third } from './layout';

/** How to reach its office. */
export function ContactSection() {
  const { t } = useI18n();
  return (
    <Card title={t('society.form.section.contact')}>
      <Row gutter={24}>
        <Col span={24}>
          <Form.Item name="officeAddress" label={t('society.field.officeAddress')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="contactPerson" label={t('society.field.contactPerson')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item
            name="contactPhone"
            label={t('society.field.contactPhone')}
            rules={[{ pattern: /^[0-9+()\- ]{5,40}$/, message: t('society.form.phoneInvalid') }]}
          >
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item
            name="contactEmail"
            label={t('society.field.contactEmail')}
            rules={[{ type: 'email', message: t('society.form.emailInvalid') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="website"
            label={t('society.field.website')}
            rules={[{ pattern: /^https?:\/\/\S+$/i, message: t('society.form.websiteInvalid') }]}
          >
            <Input maxLength={200} placeholder="https://" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
