import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { formatYuan, yuanToFen } from '@society-hub/domain';
import { Button, Col, Flex, Form, Input, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '@/lib/i18n';
import { YuanInput } from './yuan-input';

export interface LineValues {
  item?: string;
  amount?: string | null;
}

/** The lines as whole fen (a line without a valid amount counts as NaN, so the caller can refuse it). */
export function linesOf(values: (LineValues | undefined)[] | undefined): { item: string; amountFen: number }[] {
  return (values ?? []).map((line) => ({ item: line?.item?.trim() ?? '', amountFen: yuanToFen(line?.amount) }));
}

export function sumOf(lines: { amountFen: number }[]): number {
  return lines.reduce((sum, line) => sum + (Number.isFinite(line.amountFen) ? line.amountFen : 0), 0);
}

interface BudgetLinesEditorProps {
  /** The form list's name: `budgetLines` or `spendingLines`. */
  name: string;
  /** Live findings per line, by index. */
  lineProblem?: (index: number, field: 'item' | 'amountFen') => string | undefined;
  /** Under the list: the live total and how it compares. */
  footer: ReactNode;
  itemPlaceholder?: string;
  testId: string;
}

/** Lines of item and amount (yuan), added and removed in place; the total is the caller's to show. */
export function BudgetLinesEditor({ name, lineProblem, footer, itemPlaceholder, testId }: BudgetLinesEditorProps) {
  const { t } = useI18n();
  const problemProps = (message: string | undefined) =>
    message ? { validateStatus: 'error' as const, help: message } : {};
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical data-testid={testId}>
          {fields.length > 0 && (
            <Row gutter={8} style={{ marginBottom: 4 }}>
              <Col span={14}>
                <Typography.Text type="secondary">{t('funding.lines.item')}</Typography.Text>
              </Col>
              <Col span={8}>
                <Typography.Text type="secondary">{t('funding.lines.amount')}</Typography.Text>
              </Col>
            </Row>
          )}
          {fields.map((field, index) => (
            <Row gutter={8} key={field.key} align="top">
              <Col span={14}>
                <Form.Item name={[field.name, 'item']} {...problemProps(lineProblem?.(index, 'item'))}>
                  <Input
                    maxLength={100}
                    placeholder={itemPlaceholder}
                    aria-label={t('funding.lines.itemOf', { n: index + 1 })}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={[field.name, 'amount']} {...problemProps(lineProblem?.(index, 'amountFen'))}>
                  <YuanInput aria-label={t('funding.lines.amountOf', { n: index + 1 })} />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.delete')}
                />
              </Col>
            </Row>
          ))}
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ item: '', amount: null })}
              data-testid={`${testId}-add`}
            >
              {t('funding.lines.add')}
            </Button>
            {footer}
          </Flex>
        </Flex>
      )}
    </Form.List>
  );
}

/** "合计 ¥X" with how it compares to what it should equal. */
export function LinesTotal({
  total,
  expected,
  expectedLabel,
}: {
  total: number;
  expected: number;
  expectedLabel: string;
}) {
  const { t } = useI18n();
  const balanced = Number.isFinite(expected) && total === expected;
  return (
    <Flex vertical align="flex-end" data-testid="lines-total" data-balanced={balanced ? 'yes' : 'no'}>
      <Typography.Text strong>{t('funding.lines.total', { total: formatYuan(total) })}</Typography.Text>
      <Typography.Text type={balanced ? 'success' : 'danger'} style={{ fontSize: 12 }}>
        {balanced
          ? t('funding.lines.balanced', { what: expectedLabel })
          : t('funding.lines.unbalanced', {
              what: expectedLabel,
              expected: Number.isFinite(expected) ? formatYuan(expected) : '—',
              diff: Number.isFinite(expected) ? formatYuan(Math.abs(total - expected)) : '—',
            })}
      </Typography.Text>
    </Flex>
  );
}
