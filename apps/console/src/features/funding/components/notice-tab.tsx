import { localToday } from '@society-hub/domain';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '@/components/query-error';
import { policies } from '@/lib/authorization';
import { formatDateTime } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useApplications } from '../api/applications';
import { useObjections, useResolveObjection } from '../api/decisions';
import type { FundingProgram, Objection } from '../api/types';
import { fundingMessages } from '../messages';
import { fundingPanelsMessages } from '../panels-messages';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages, fundingPanelsMessages);

const OBJECTION_COLORS: Record<Objection['status'], string> = { open: 'orange', upheld: 'red', dismissed: 'default' };

/** 公示与异议: the notice period and the objections filed against it, resolved by staff. */
export function NoticeTab({ program }: { program: FundingProgram }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const objections = useObjections(program.id);
  const [resolving, setResolving] = useState<Objection>();
  const today = localToday();
  const canResolve = policies.manageFunding(user) && program.status === 'notice';
  const period =
    program.noticeStartsOn && program.noticeEndsOn
      ? t('funding.program.windowRange', { from: program.noticeStartsOn, to: program.noticeEndsOn })
      : null;
  const phase = !period
    ? 'none'
    : program.noticeEndsOn && today > program.noticeEndsOn
      ? 'ended'
      : program.noticeStartsOn && today < program.noticeStartsOn
        ? 'upcoming'
        : 'running';

  const columns: TableColumnsType<Objection> = [
    { title: t('funding.objection.at'), key: 'at', width: 150, render: (_, o) => formatDateTime(o.createdAt) },
    {
      title: t('funding.objection.application'),
      key: 'application',
      width: 200,
      render: (_, o) =>
        o.applicationId ? (
          <Link to={`/funding/${program.id}/applications/${o.applicationId}`}>
            {o.applicationTitle ?? o.applicationId}
          </Link>
        ) : (
          <Typography.Text type="secondary">{t('funding.objection.wholeNotice')}</Typography.Text>
        ),
    },
    {
      title: t('funding.objection.signer'),
      key: 'signer',
      width: 180,
      render: (_, o) => (
        <Flex vertical>
          <Typography.Text>
            {o.signerName}
            <Tag style={{ marginInlineStart: 6 }}>{t(`funding.objection.kind.${o.signerKind}`)}</Tag>
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.contact}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('funding.objection.content'),
      key: 'content',
      render: (_, o) => (
        <Flex vertical gap={4}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true }}>
            {o.content}
          </Typography.Paragraph>
          {o.resolution && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('funding.objection.resolutionBy', {
                resolution: o.resolution,
                by: o.resolvedBy ?? '',
                at: formatDateTime(o.resolvedAt),
              })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('funding.field.status'),
      key: 'status',
      width: 110,
      render: (_, o) => (
        <Tag color={OBJECTION_COLORS[o.status]} style={{ marginInlineEnd: 0 }} data-testid="objection-status">
          {t(`funding.objection.status.${o.status}`)}
        </Tag>
      ),
    },
    ...(canResolve && (objections.data?.items ?? []).some((o) => o.status === 'open')
      ? [
          {
            title: t('funding.board.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, o: Objection) =>
              o.status === 'open' ? (
                <Button size="small" type="primary" onClick={() => setResolving(o)} data-testid="objection-resolve">
                  {t('funding.objection.resolve')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const open = (objections.data?.items ?? []).filter((o) => o.status === 'open').length;
  const upheld = (objections.data?.items ?? []).filter((o) => o.status === 'upheld').length;

  return (
    <Flex vertical gap={16} data-testid="notice-tab">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 3 }}
        items={[
          {
            key: 'period',
            label: t('funding.program.field.notice'),
            children: period ?? <Typography.Text type="secondary">{t('funding.program.noticeNotYet')}</Typography.Text>,
          },
          {
            key: 'length',
            label: t('funding.program.field.noticeDays'),
            children: t('funding.program.noticeDaysCount', { n: program.noticeWorkingDays }),
          },
          {
            key: 'phase',
            label: t('funding.field.status'),
            children: (
              <span data-testid="notice-phase" data-phase={phase}>
                {t(`funding.notice.phase.${phase}`)}
              </span>
            ),
          },
        ]}
      />
      {open > 0 && <Alert type="warning" showIcon title={t('funding.objection.openCount', { n: open })} />}
      {upheld > 0 && program.status === 'notice' && (
        <Alert
          type="info"
          showIcon
          title={t('funding.objection.releasedHint', { n: upheld })}
          data-testid="objection-released-hint"
        />
      )}
      {objections.isError ? (
        <QueryError error={objections.error} onRetry={() => void objections.refetch()} />
      ) : objections.isPending ? (
        <Skeleton active />
      ) : (
        <Table<Objection>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={objections.data.items}
          pagination={false}
          tableLayout="fixed"
          scroll={{ x: 960 }}
          locale={{ emptyText: <Empty description={t('funding.objection.empty')} /> }}
          data-testid="objections-table"
        />
      )}
      {resolving && <ResolveModal program={program} objection={resolving} onClose={() => setResolving(undefined)} />}
    </Flex>
  );
}

function ResolveModal({
  program,
  objection,
  onClose,
}: {
  program: FundingProgram;
  objection: Objection;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const resolve = useResolveObjection(program.id);
  const idempotencyKeyFor = useIdempotencyKey();
  const [form] = Form.useForm<{ outcome: 'upheld' | 'dismissed'; resolution: string; applicationId?: string }>();
  const outcome = Form.useWatch('outcome', form);
  // An objection to the whole notice names no project: upholding it, staff say which one it concerns.
  const wholeNotice = objection.applicationId === null;
  const underNotice = useApplications(program.id, { status: 'notice', limit: 500 }, wholeNotice);
  return (
    <Modal
      open
      title={t('funding.objection.resolveTitle', { name: objection.signerName })}
      okText={t('funding.objection.resolve')}
      okButtonProps={{ loading: resolve.isPending, danger: outcome === 'upheld', 'data-testid': 'objection-confirm' }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      maskClosable={false}
      width={560}
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} type="secondary">
        {objection.content}
      </Typography.Paragraph>
      {resolve.isError && (
        <Alert type="error" showIcon title={problemMessage(resolve.error, i18n)} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={resolve.isPending}
        onFinish={({ outcome: chosen, resolution, applicationId }) => {
          const body = {
            outcome: chosen,
            resolution: resolution.trim(),
            ...(chosen === 'upheld' && wholeNotice && applicationId ? { applicationId } : {}),
          };
          resolve.mutate(
            { id: objection.id, body, idempotencyKey: idempotencyKeyFor({ id: objection.id, ...body }) },
            {
              onSuccess: (done) => {
                message.success(
                  t('funding.objection.resolved', { status: t(`funding.objection.status.${done.status}`) }),
                );
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item
          name="outcome"
          label={t('funding.objection.outcome')}
          rules={[{ required: true, message: t('funding.objection.outcomeRequired') }]}
        >
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="objection-outcome">
            <Radio value="dismissed">{t('funding.objection.dismiss')}</Radio>
            <Radio value="upheld">{t('funding.objection.uphold')}</Radio>
          </Radio.Group>
        </Form.Item>
        {outcome === 'upheld' && wholeNotice && (
          <Form.Item
            name="applicationId"
            label={t('funding.objection.concerns')}
            extra={t('funding.objection.concernsHelp')}
            rules={[{ required: true, message: t('funding.objection.concernsRequired') }]}
          >
            <Select
              loading={underNotice.isPending}
              options={(underNotice.data?.items ?? []).map((a) => ({
                value: a.id,
                label: `${a.societyName} — ${a.title}`,
              }))}
              data-testid="objection-concerns"
            />
          </Form.Item>
        )}
        {outcome === 'upheld' && (
          <Alert type="warning" showIcon title={t('funding.objection.upholdWarning')} style={{ marginBottom: 16 }} />
        )}
        <Form.Item
          name="resolution"
          label={t('funding.objection.resolution')}
          rules={[{ required: true, whitespace: true, message: t('funding.objection.resolutionRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={5000} showCount data-testid="objection-resolution" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
