import { PHONE, TITLE_LEVELS } from '@society-hub/domain';
import { Col, DatePicker, Divider, Form, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { type MessageKey, useI18n } from '@/lib/i18n';
import { currentDay } from '@/lib/today';
import type { Member } from '../../api/types';
import { idNumberProblems } from '../id-number';
import { useMemberLabels } from '../labels';
import { DATE } from './values';

interface PersonSectionProps {
  member: Member | undefined;
  /** An individual member, not an institution: the personal fields show. */
  individual: boolean;
}

/** Who the member is: name, identity, contact and (for a person) title and education. */
export function PersonSection({ member, individual }: PersonSectionProps) {
  const { t } = useI18n();
  const labels = useMemberLabels();
  const today = currentDay();
  const required = (field: MessageKey) => ({
    required: true,
    whitespace: true,
    message: t('society.form.required', { field: t(field) }),
  });
  return (
    <>
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('member.form.sectionPerson')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label={individual ? t('member.field.name') : t('member.field.orgName')}
            rules={[required(individual ? 'member.field.name' : 'member.field.orgName')]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        {individual ? (
          <>
            <Col xs={24} md={12}>
              <Form.Item name="gender" label={t('member.field.gender')}>
                <Radio.Group
                  options={(['male', 'female'] as const).map((value) => ({ value, label: labels.gender(value) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="idNumber"
                label={t('member.field.idNumber')}
                extra={
                  member?.idNumberMasked
                    ? t('member.form.idKeep', { masked: member.idNumberMasked })
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
              <Form.Item name="birthDate" label={t('member.field.birthDate')}>
                <DatePicker
                  style={{ width: '100%' }}
                  disabledDate={(date) => date.isAfter(today, 'day')}
                  data-testid="member-birth-date"
                />
              </Form.Item>
            </Col>
          </>
        ) : (
          <>
            <Col xs={24} md={12}>
              <Form.Item name="orgCreditCode" label={t('member.field.orgCreditCode')}>
                <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactPerson" label={t('member.field.contactPerson')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} md={12}>
          <Form.Item
            name="phone"
            label={t('member.field.phone')}
            rules={[{ pattern: PHONE, message: t('member.form.phoneInvalid') }]}
          >
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="email"
            label={t('member.field.email')}
            rules={[{ type: 'email', message: t('member.form.emailInvalid') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        {individual && (
          <>
            <Col xs={24} md={12}>
              <Form.Item name="employer" label={t('member.field.employer')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="titleLevel" label={t('member.field.titleLevel')}>
                <Select options={TITLE_LEVELS.map((value) => ({ value, label: labels.title(value) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="degree" label={t('member.field.degree')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="discipline" label={t('member.field.discipline')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
