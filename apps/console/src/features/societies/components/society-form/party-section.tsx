import { PARTY_ORGANISATIONS } from '@society-hub/domain';
import { Col, DatePicker, Form, Row, Select } from 'antd';
import { Card } from '@/components/card';
import { useI18n } from '@/lib/i18n';
import { currentDay } from '@/lib/today';
import type { SocietyFormValues } from '../society-form-values';
import { half, useRequired } from './layout';

/** Its party organisation and its evaluation grade. */
export function PartySection({
  partyOrganisation,
  evaluationGrade,
  canEditGrade,
}: {
  partyOrganisation: string;
  evaluationGrade: number | null;
  canEditGrade: boolean;
}) {
  const { t } = useI18n();
  const form = Form.useFormInstance<SocietyFormValues>();
  const _required = useRequired();
  return (
    <Card title={t('society.form.section.party')}>
      <Row gutter={24}>
        <Col {...half}>
          <Form.Item name="partyOrganisation" label={t('society.field.partyOrganisation')}>
            <Select
              options={PARTY_ORGANISATIONS.map((value) => ({ value, label: t(`party.${value}`) }))}
              data-testid="field-party"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="partyOrganisationOn" label={t('society.field.partyOrganisationOn')}>
            <DatePicker
              style={{ width: '100%' }}
              format="YYYY-MM-DD"
              disabled={partyOrganisation === 'none'}
              disabledDate={(date) => date.isAfter(currentDay(), 'day')}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="evaluationGrade"
            label={t('society.field.evaluationGrade')}
            extra={canEditGrade ? undefined : t('society.form.gradeAdminOnly')}
          >
            <Select<number | null>
              allowClear
              disabled={!canEditGrade}
              placeholder={t('society.form.gradeNone')}
              options={[1, 2, 3, 4, 5].map((value) => ({ value, label: t('grade.value', { n: value }) }))}
              onClear={() => form.setFieldValue('evaluationGrade', null)}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="evaluationGradeOn"
            label={t('society.field.evaluationGradeOn')}
            dependencies={['evaluationGrade']}
            rules={[
              {
                required: canEditGrade && Boolean(evaluationGrade),
                message: t('society.form.gradeOnRequired'),
              },
            ]}
          >
            <DatePicker
              style={{ width: '100%' }}
              format="YYYY-MM-DD"
              disabled={!canEditGrade || !evaluationGrade}
              disabledDate={(date) => date.isAfter(currentDay(), 'day')}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
