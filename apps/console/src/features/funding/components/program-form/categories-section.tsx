import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { formatYuan, type ProgramSettings } from '@society-hub/domain';
import { Button, Col, Divider, Flex, Form, Input, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '@/lib/i18n';
import { YuanInput } from '../yuan-input';
import { CODE_PATTERN, CODE_STYLE, type SectionProps } from './section';

interface CategoriesSectionProps extends SectionProps {
  settings: ProgramSettings;
  listProblems: (path: string) => ReactNode[];
}

/** The funding categories: code, name, cap per project and budget, with their sum against the total. */
export function CategoriesSection({ locked, live, settings, listProblems }: CategoriesSectionProps) {
  const { t } = useI18n();
  const categorySum = settings.categories.reduce((sum, c) => sum + (Number.isFinite(c.budgetFen) ? c.budgetFen : 0), 0);
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('funding.program.section.categories')}
      </Divider>
      <Form.List name="categories">
        {(fields, { add, remove }) => (
          <Flex vertical gap={0} data-testid="category-editor">
            <CategoryHeadings />
            {fields.map((field) => (
              <CategoryRow
                key={field.key}
                index={field.name}
                locked={locked}
                live={live}
                removable={fields.length > 1}
                onRemove={() => remove(field.name)}
              />
            ))}
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Button
                icon={<PlusOutlined />}
                disabled={locked}
                onClick={() => add({ code: '', name: '', cap: null, budget: null })}
              >
                {t('funding.category.add')}
              </Button>
              <Typography.Text data-testid="category-sum">
                {t('funding.category.sum', {
                  sum: formatYuan(categorySum),
                  total: Number.isFinite(settings.totalBudgetFen) ? formatYuan(settings.totalBudgetFen) : '—',
                })}
              </Typography.Text>
            </Flex>
            <Flex vertical style={{ marginTop: 4 }}>
              {listProblems('/categories')}
            </Flex>
          </Flex>
        )}
      </Form.List>
    </>
  );
}

function CategoryHeadings() {
  const { t } = useI18n();
  return (
    <Row gutter={8} style={{ marginBottom: 4 }}>
      <Col span={5}>
        <Typography.Text type="secondary">{t('funding.category.code')}</Typography.Text>
      </Col>
      <Col span={7}>
        <Typography.Text type="secondary">{t('funding.category.name')}</Typography.Text>
      </Col>
      <Col span={5}>
        <Typography.Text type="secondary">{t('funding.category.cap')}</Typography.Text>
      </Col>
      <Col span={5}>
        <Typography.Text type="secondary">{t('funding.category.budget')}</Typography.Text>
      </Col>
    </Row>
  );
}

interface RowProps extends SectionProps {
  /** The category's place in the list (antd's field name). */
  index: number;
  removable: boolean;
  onRemove: () => void;
}

function CategoryRow({ index, locked, live, removable, onRemove }: RowProps) {
  const { t } = useI18n();
  return (
    <Row gutter={8} align="top">
      <Col span={5}>
        <Form.Item
          name={[index, 'code']}
          rules={[{ pattern: CODE_PATTERN, message: t('funding.check.codePattern') }]}
          {...live(`/categories/${index}/code`)}
        >
          <Input maxLength={40} disabled={locked} aria-label={t('funding.category.code')} style={CODE_STYLE} />
        </Form.Item>
      </Col>
      <Col span={7}>
        <Form.Item name={[index, 'name']} {...live(`/categories/${index}/name`)}>
          <Input maxLength={50} disabled={locked} aria-label={t('funding.category.name')} />
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item name={[index, 'cap']} {...live(`/categories/${index}/capFen`)}>
          <YuanInput disabled={locked} aria-label={t('funding.category.cap')} />
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item name={[index, 'budget']} {...live(`/categories/${index}/budgetFen`)}>
          <YuanInput disabled={locked} aria-label={t('funding.category.budget')} />
        </Form.Item>
      </Col>
      <Col span={2}>
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          disabled={locked || !removable}
          onClick={onRemove}
          aria-label={t('common.delete')}
        />
      </Col>
    </Row>
  );
}
