import { ALLOCATION_STRATEGIES, SCORING_METHODS } from '@society-hub/domain';
import { Col, Divider, Form, InputNumber, Radio, Row, Switch } from 'antd';
import { useI18n } from '@/lib/i18n';
import { useFundingLabels } from '../labels';
import type { SectionProps } from './section';

/** The review and award rules: the pass mark, reviewers, notice days, scoring and allocation. */
export function RulesSection({ locked, live }: SectionProps) {
  const { t } = useI18n();
  const labels = useFundingLabels();
  return (
    <>
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
            <InputNumber<number> min={0} max={100} precision={2} style={{ width: '100%' }} disabled={locked} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="reviewersPerApplication"
            label={t('funding.program.field.reviewers')}
            extra={t('funding.program.reviewersHelp')}
            {...live('/reviewersPerApplication')}
          >
            <InputNumber<number> min={1} max={15} precision={0} style={{ width: '100%' }} disabled={locked} />
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
              disabled={locked}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="scoringMethod" label={t('funding.program.field.scoringMethod')}>
            <Radio.Group
              disabled={locked}
              options={SCORING_METHODS.map((value) => ({ value, label: labels.scoringMethod(value) }))}
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="allocationStrategy" label={t('funding.program.field.strategy')}>
            <Radio.Group
              disabled={locked}
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
            <Switch disabled={locked} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
