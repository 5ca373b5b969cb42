import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { daysUntil, localToday, pilotLifecycle } from '@society-hub/domain';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { QueryError } from '@/components/query-error';
import { policies } from '@/lib/authorization';
import { formatDate } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useAddMilestone, useMilestones, useUpdateMilestone } from '../api/pilots';
import type { Milestone, Pilot } from '../api/types';
import { pilotsMessages } from '../messages';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(pilotsMessages);

function MilestoneState({ milestone }: { milestone: Milestone }) {
  const { t } = useI18n();
  const today = localToday();
  if (milestone.doneOn) {
    const late = daysUntil(milestone.dueOn, milestone.doneOn);
    return late <= 0 ? (
      <Tag color="green">{t('pilot.milestone.onTime')}</Tag>
    ) : (
      <Tag color="orange">{t('pilot.milestone.late', { n: late })}</Tag>
    );
  }
  const left = daysUntil(today, milestone.dueOn);
  return left < 0 ? (
    <Tag color="red">{t('pilot.milestone.overdue', { n: -left })}</Tag>
  ) : (
    <Tag color="blue">{t('pilot.milestone.upcoming', { n: left })}</Tag>
  );
}

function RecordDoneModal({ pilot, milestone, onClose }: { pilot: Pilot; milestone: Milestone; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const update = useUpdateMilestone(pilot.id);
  const [form] = Form.useForm<{ doneOn?: Dayjs; evidence?: string }>();
  return (
    <Modal
      open
      title={t('pilot.milestone.recordTitle', { name: milestone.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      okButtonProps={{ 'data-testid': 'milestone-done-confirm' }}
      destroyOnHidden
    >
      {update.error && (
        <Alert type="error" showIcon title={problemMessage(update.error, i18n)} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ doneOn: dayjs(localToday()), evidence: milestone.evidence ?? '' }}
        onFinish={(values) => {
          if (!values.doneOn) return;
          update.mutate(
            {
              id: milestone.id,
              version: milestone.version,
              patch: { doneOn: values.doneOn.format('YYYY-MM-DD'), evidence: values.evidence?.trim() || null },
            },
            {
              onSuccess: () => {
                message.success(t('pilot.milestone.saved'));
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item name="doneOn" label={t('pilot.milestone.doneOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(day) => day.isAfter(dayjs(localToday()), 'day')} data-testid="milestone-done-on" />
        </Form.Item>
        <Form.Item name="evidence" label={t('pilot.milestone.evidence')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="milestone-evidence" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AddMilestoneForm({ pilot }: { pilot: Pilot }) {
  const { t } = useI18n();
  const add = useAddMilestone(pilot.id);
  const [form] = Form.useForm<{ name?: string; dueOn?: Dayjs }>();
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={(values) => {
        if (!values.name || !values.dueOn) return;
        add.mutate(
          { name: values.name.trim(), dueOn: values.dueOn.format('YYYY-MM-DD') },
          { onSuccess: () => form.resetFields() },
        );
      }}
      style={{ rowGap: 8 }}
    >
      <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('pilot.milestone.nameRequired') }]}>
        <Input
          placeholder={t('pilot.milestone.name')}
          maxLength={200}
          style={{ width: 260 }}
          data-testid="milestone-name"
        />
      </Form.Item>
      <Form.Item name="dueOn" rules={[{ required: true, message: t('pilot.milestone.dueRequired') }]}>
        <DatePicker placeholder={t('pilot.milestone.dueOn')} data-testid="milestone-due" />
      </Form.Item>
      <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="milestone-add">
        {t('pilot.milestone.add')}
      </Button>
    </Form>
  );
}

/** The pilot's milestones on a timeline: when each was due, when it was done, and who accepted it. */
export function MilestonesTab({ pilot }: { pilot: Pilot }) {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useCurrentUser();
  const milestones = useMilestones(pilot.id);
  const accept = useUpdateMilestone(pilot.id);
  const [recording, setRecording] = useState<Milestone | null>(null);
  const open = !pilotLifecycle.isFinal(pilot.status);
  const reporter = open && policies.proposePilot(user, pilot.societyId);
  const staff = policies.managePilots(user);
  if (milestones.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (milestones.isError) return <QueryError error={milestones.error} onRetry={() => void milestones.refetch()} />;
  const items = milestones.data.items;
  return (
    <Flex vertical gap={16}>
      {accept.error && <Alert type="error" showIcon title={problemMessage(accept.error, i18n)} />}
      {items.length === 0 ? (
        <Empty description={t('pilot.milestone.empty')} />
      ) : (
        <Timeline
          data-testid="milestone-timeline"
          items={items.map((m) => ({
            color: m.acceptedOn ? 'green' : m.doneOn ? 'blue' : daysUntil(localToday(), m.dueOn) < 0 ? 'red' : 'gray',
            icon: m.acceptedOn ? (
              <CheckCircleOutlined />
            ) : m.doneOn ? undefined : daysUntil(localToday(), m.dueOn) < 0 ? (
              <ExclamationCircleOutlined />
            ) : (
              <ClockCircleOutlined />
            ),
            content: (
              <Flex vertical gap={4} data-testid="milestone" data-name={m.name}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{m.name}</Typography.Text>
                  <MilestoneState milestone={m} />
                  {m.acceptedOn && (
                    <Tag color="green">
                      {t('pilot.milestone.acceptedBy', { by: m.acceptedBy ?? '', date: formatDate(m.acceptedOn) })}
                    </Tag>
                  )}
                </Flex>
                <Typography.Text type="secondary">
                  {t('pilot.milestone.dueOn')} {formatDate(m.dueOn)}
                  {m.doneOn ? ` · ${t('pilot.milestone.doneOn')} ${formatDate(m.doneOn)}` : ''}
                </Typography.Text>
                {m.evidence && <Typography.Text>{m.evidence}</Typography.Text>}
                {open && !m.acceptedOn && (
                  <Space>
                    {reporter && (
                      <Button size="small" onClick={() => setRecording(m)} data-testid="milestone-record">
                        {t('pilot.milestone.record')}
                      </Button>
                    )}
                    {staff && m.doneOn && (
                      <Button
                        size="small"
                        type="primary"
                        loading={accept.isPending}
                        onClick={() => accept.mutate({ id: m.id, version: m.version, patch: { accepted: true } })}
                        data-testid="milestone-accept"
                      >
                        {t('pilot.milestone.accept')}
                      </Button>
                    )}
                  </Space>
                )}
              </Flex>
            ),
          }))}
        />
      )}
      {reporter && <AddMilestoneForm pilot={pilot} />}
      {recording && <RecordDoneModal pilot={pilot} milestone={recording} onClose={() => setRecording(null)} />}
    </Flex>
  );
}
