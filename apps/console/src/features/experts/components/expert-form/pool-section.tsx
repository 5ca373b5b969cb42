import { EXPERT_POOLS } from '@society-hub/domain';
import { Checkbox, Col, Divider, Form, Input, Radio, Row, Select, Switch } from 'antd';
import { SocietySelect } from '@/features/societies';
import { useI18n } from '@/lib/i18n';
import { EXPERT_TITLES } from '../expert-filters';

/** The expert's place in the pools: title, pools, disciplines, societies, reference and availability. */
export function PoolSection() {
  const { t } = useI18n();
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('expert.form.sectionPool')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="titleLevel"
            label={t('expert.field.titleLevel')}
            extra={t('expert.seniorOnly')}
            rules={[{ required: true, message: t('society.form.select', { field: t('expert.field.titleLevel') }) }]}
          >
            <Radio.Group
              optionType="button"
              options={EXPERT_TITLES.map((value) => ({ value, label: t(`member.title.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="pools"
            label={t('expert.field.pools')}
            rules={[{ required: true, type: 'array', min: 1, message: t('expert.poolsRequired') }]}
          >
            <Checkbox.Group options={EXPERT_POOLS.map((value) => ({ value, label: t(`expert.pool.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="disciplines"
            label={t('expert.field.disciplines')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('expert.disciplinesRequired') },
              { type: 'array', max: 20, message: t('expert.disciplinesTooMany', { n: 20 }) },
            ]}
          >
            <Select
              mode="tags"
              open={false}
              tokenSeparators={[',', '，', '、', ';', '；']}
              placeholder={t('expert.disciplinePlaceholder')}
              data-testid="expert-disciplines"
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="societyIds" label={t('expert.field.societies')} extra={t('expert.societiesHelp')}>
            <SocietySelect data-testid="expert-societies" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="externalRef" label={t('expert.field.externalRef')} extra={t('expert.externalRefHelp')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="available" label={t('expert.field.available')} valuePropName="checked">
            <Switch data-testid="expert-form-available" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
