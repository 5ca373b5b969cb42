import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProgramSettings } from '@society-hub/domain';
import { Button, Col, Divider, Flex, Form, Input, InputNumber, Progress, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '@/lib/i18n';
import { CODE_PATTERN, CODE_STYLE, type SectionProps } from './section';

interface RubricSectionProps extends SectionProps {
  settings: ProgramSettings;
  listProblems: (path: string) => ReactNode[];
}

/** The scoring rubric: criteria with their weights, which must add up to 100. */
export function RubricSection({ locked, live, settings, listProblems }: RubricSectionProps) {
  const { t } = useI18n();
  const weightSum = settings.rubric.reduce((sum, c) => sum + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('funding.program.section.rubric')}
      </Divider>
      <Form.List name="rubric">
        {(fields, { add, remove }) => (
          <Flex vertical data-testid="rubric-editor">
            <CriterionHeadings />
            {fields.map((field, index) => (
              <CriterionRow
                key={field.key}
                index={field.name}
                position={index}
                locked={locked}
                live={live}
                removable={fields.length > 1}
                onRemove={() => remove(field.name)}
              />
            ))}
            <Flex align="center" gap={16} wrap>
              <Button
                icon={<PlusOutlined />}
                disabled={locked}
                onClick={() => add({ code: '', name: '', weight: null })}
              >
                {t('funding.rubric.add')}
              </Button>
              <WeightsSum sum={weightSum} />
            </Flex>
            <Flex vertical style={{ marginTop: 4 }}>
              {listProblems('/rubric')}
            </Flex>
          </Flex>
        )}
      </Form.List>
    </>
  );
}

function CriterionHeadings() {
  const { t } = useI18n();
  return (
    <Row gutter={8} style={{ marginBottom: 4 }}>
      <Col span={6}>
        <Typography.Text type="secondary">{t('funding.rubric.code')}</Typography.Text>
      </Col>
      <Col span={10}>
        <Typography.Text type="secondary">{t('funding.rubric.name')}</Typography.Text>
      </Col>
      <Col span={6}>
        <Typography.Text type="secondary">{t('funding.rubric.weight')}</Typography.Text>
      </Col>
    </Row>
  );
}

interface RowProps extends SectionProps {
  /** The criterion's antd field name, and its place on screen (the first gets a hint). */
  index: number;
  position: number;
  removable: boolean;
  onRemove: () => void;
}

function CriterionRow({ index, position, locked, live, removable, onRemove }: RowProps) {
  const { t } = useI18n();
  return (
    <Row gutter={8} align="top">
      <Col span={6}>
        <Form.Item
          name={[index, 'code']}
          rules={[{ pattern: CODE_PATTERN, message: t('funding.check.codePattern') }]}
          {...live(`/rubric/${index}/code`)}
        >
          <Input maxLength={40} disabled={locked} aria-label={t('funding.rubric.code')} style={CODE_STYLE} />
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item
          name={[index, 'name']}
          {...live(`/rubric/${index}/name`)}
          extra={position === 0 ? t('funding.rubric.firstHelp') : undefined}
        >
          <Input maxLength={50} disabled={locked} aria-label={t('funding.rubric.name')} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name={[index, 'weight']} {...live(`/rubric/${index}/weight`)}>
          <InputNumber<number>
            min={1}
            max={100}
            precision={0}
            suffix={t('funding.rubric.points')}
            style={{ width: '100%' }}
            disabled={locked}
            aria-label={t('funding.rubric.weightOf', { n: position + 1 })}
          />
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

/** The weights' sum against 100, as a bar and a tag. */
function WeightsSum({ sum }: { sum: number }) {
  const { t } = useI18n();
  return (
    <Flex align="center" gap={8} style={{ flex: 1, minWidth: 260 }} data-testid="weights-sum">
      <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t('funding.rubric.sum', { sum })}</Typography.Text>
      <Progress
        percent={Math.min(sum, 100)}
        showInfo={false}
        status={sum === 100 ? 'success' : sum > 100 ? 'exception' : 'active'}
        style={{ flex: 1, margin: 0 }}
      />
      {sum === 100 ? (
        <Tag color="success" style={{ marginInlineEnd: 0 }}>
          {t('funding.rubric.sumOk')}
        </Tag>
      ) : (
        <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="weights-sum-off">
          {sum > 100 ? t('funding.rubric.sumOver', { n: sum - 100 }) : t('funding.rubric.sumUnder', { n: 100 - sum })}
        </Tag>
      )}
    </Flex>
  );
}
