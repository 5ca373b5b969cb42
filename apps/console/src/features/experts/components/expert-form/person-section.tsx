import { PHONE } from '@society-hub/domain';
import { Col, DatePicker, Divider, Form, Input, Radio, Row } from 'antd';
import dayjs from 'dayjs';
import { idNumberProblems } from '@/features/members';
import { useI18n } from '@/lib/i18n';
import { currentDay } from '@/lib/today';
import type { Expert } from '../../api/types';
import { DATE } from './values';

/** Who the expert is: name, gender, identity, employer and contact. */
export function PersonSection({ expert }: { expert: Expert | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('expert.form.sectionPerson')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label={t('expert.field.name')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('society.form.required', { field: t('expert.field.name') }),
              },
            ]}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="gender" label={t('expert.field.gender')}>
            <Radio.Group
              options={(['male', 'female'] as const).map((value) => ({ value, label: t(`member.gender.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="idNumber"
            label={t('expert.field.idNumber')}
            extra={
              expert?.idNumberMasked
                ? t('member.form.idKeep', { masked: expert.idNumberMasked })
                : t('member.form.idHelp')
            }
            dependencies={['birthDate']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  const born: unknown = getFieldValue('birthDate');
                  const birthDate = dayjs.isDayjs(born) ? born.format(DATE) : null;
                  const [problem] = idNumberProblems(value ?? '', birthDate, t);
                  if (problem) throw new Error(problem);
                },
              }),
            ]}
          >
            <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="birthDate" label={t('expert.field.birthDate')}>
            <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(currentDay(), 'day')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="phone"
            label={t('expert.field.phone')}
            rules={[{ pattern: PHONE, message: t('member.form.phoneInvalid') }]}
          >
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="email"
            label={t('expert.field.email')}
            rules={[{ type: 'email', message: t('member.form.emailInvalid') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="employer" label={t('expert.field.employer')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
