import { formatYuan } from '@society-hub/domain';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useI18n } from '@/lib/i18n';
import type { FundingProgram } from '../../api/types';
import type { LiveStatus } from './use-draft-checks';

interface AboutSectionProps {
  program: FundingProgram;
  /** The societies the officer speaks for, and whether to ask which (a new draft, more than one). */
  societies: { id: string; name: string }[];
  chooseSociety: boolean;
  live: (path: string) => LiveStatus;
}

/** What the project is: the society, category, title, summary, date, place, audience and disciplines. */
export function AboutSection({ program, societies, chooseSociety, live }: AboutSectionProps) {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      {chooseSociety && (
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
  );
}
