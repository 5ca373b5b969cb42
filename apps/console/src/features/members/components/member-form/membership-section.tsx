import { MEMBER_CATEGORIES } from '@society-hub/domain';
import { Checkbox, Col, DatePicker, Divider, Form, Input, Row, Select } from 'antd';
import { useI18n } from '@/lib/i18n';
import { currentDay } from '@/lib/today';
import type { Member } from '../../api/types';
import { useMemberLabels } from '../labels';

/** The membership itself: category, date joined, the society's own reference, and (new ones) applied only. */
export function MembershipSection({ member }: { member: Member | undefined }) {
  const { t } = useI18n();
  const labels = useMemberLabels();
  const today = currentDay();
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('member.form.sectionMembership')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="category" label={t('member.field.category')}>
            <Select options={MEMBER_CATEGORIES.map((value) => ({ value, label: labels.category(value) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="joinedOn" label={t('member.field.joinedOn')}>
            <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(today, 'day')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="externalRef" label={t('member.field.externalRef')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        {!member && (
          <Col xs={24}>
            <Form.Item name="applied" valuePropName="checked">
              <Checkbox>{t('member.form.applied')}</Checkbox>
            </Form.Item>
          </Col>
        )}
      </Row>
    </>
  );
}
