import { formatYuan } from '@society-hub/domain';
import { Col, Divider, Form, Row, Typography } from 'antd';
import { useI18n } from '@/lib/i18n';
import { BudgetLinesEditor, LinesTotal } from '../budget-lines-editor';
import { YuanInput } from '../yuan-input';
import type { DraftChecks } from './use-draft-checks';

/** The money: the amount asked for, the society's own share, and the budget lines that must add up to both. */
export function MoneySection({ checks }: { checks: DraftChecks }) {
  const { t } = useI18n();
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('funding.application.section.money')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="requested"
            label={t('funding.application.field.requested')}
            extra={
              checks.category
                ? t('funding.application.capHint', { cap: formatYuan(checks.category.capFen) })
                : undefined
            }
            {...checks.live('/requestedFen')}
          >
            <YuanInput data-testid="application-requested" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="selfFunded"
            label={t('funding.application.field.selfFunded')}
            {...checks.live('/selfFundedFen')}
          >
            <YuanInput data-testid="application-self-funded" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {t('funding.application.field.budgetLines')}
      </Typography.Text>
      <BudgetLinesEditor
        name="budgetLines"
        testId="budget-lines"
        itemPlaceholder={t('funding.lines.itemPlaceholder')}
        lineProblem={checks.lineProblem}
        footer={
          <LinesTotal
            total={checks.total}
            expected={checks.requestedFen + checks.selfFundedFen}
            expectedLabel={t('funding.lines.sources')}
          />
        }
      />
    </>
  );
}
