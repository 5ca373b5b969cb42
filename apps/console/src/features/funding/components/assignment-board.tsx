import {
  CheckOutlined,
  ExclamationCircleOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UserAddOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { reviewQuorum } from '@society-hub/domain';
import {
  Alert,
  App,
  Button,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Row,
  Select,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { Card } from '@/components/card';
import { QueryError } from '@/components/query-error';
import { policies } from '@/lib/authorization';
import { registerMessages, useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useSearchAsYouType } from '@/lib/use-search-as-you-type';
import { useAssignmentBoard, useAutoAssign, useExpertSearch, useManualAssign, useRecuse } from '../api/review-board';
import type {
  AssignmentBoardRow,
  AutoAssignResult,
  FundingProgram,
  ReviewAssignment,
  ReviewerLoad,
} from '../api/types';
import { fundingMessages } from '../messages';
import { fundingPanelsMessages } from '../panels-messages';
import { shortfallMessage } from './explanations';
import { ApplicationStatusTag, useFundingLabels } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages, fundingPanelsMessages);

const STATUS_COLORS: Record<ReviewAssignment['status'], string> = {
  assigned: 'blue',
  submitted: 'green',
  declined: 'default',
  recused: 'default',
};

/** Active reviewers first, then those who declined or were recused, each in the order assigned. */
function byActivity(a: ReviewAssignment, b: ReviewAssignment): number {
  const ended = (x: ReviewAssignment) => (x.status === 'declined' || x.status === 'recused' ? 1 : 0);
  return ended(a) - ended(b) || a.createdAt.localeCompare(b.createdAt);
}

/** 评审分配: who reviews what, with conflicts, quorum and loads; staff fill gaps automatically or by hand. */
export function AssignmentBoardTab({ program }: { program: FundingProgram }) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = useFundingLabels();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const board = useAssignmentBoard(program.id);
  const autoAssign = useAutoAssign(program.id);
  const [result, setResult] = useState<AutoAssignResult>();
  const [assigning, setAssigning] = useState<AssignmentBoardRow>();
  const [recusing, setRecusing] = useState<ReviewAssignment>();
  const canAssign = policies.manageFunding(user) && program.status === 'reviewing';

  if (board.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (board.isError) return <QueryError error={board.error} onRetry={() => void board.refetch()} />;
  const rows = board.data.items;
  const titleOf = (id: string) => rows.find((r) => r.applicationId === id)?.title ?? id;
  const quorumMet = rows.filter((r) => r.quorumMet).length;
  const quorum = reviewQuorum(program.reviewersPerApplication);

  if (rows.length === 0) {
    return (
      <Empty
        description={
          ['draft', 'open', 'closed'].includes(program.status)
            ? t('funding.board.notYet', { n: program.reviewersPerApplication })
            : t('funding.board.empty')
        }
      />
    );
  }

  const columns: TableColumnsType<AssignmentBoardRow> = [
    {
      title: t('funding.board.application'),
      key: 'application',
      width: 220,
      render: (_, row) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={`/funding/${program.id}/applications/${row.applicationId}?tab=reviews`}>
            <Typography.Text strong ellipsis={{ tooltip: row.title }} style={{ color: 'inherit' }}>
              {row.title}
            </Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {row.societyName} · {labels.category(program, row.categoryCode)}
          </Typography.Text>
          <span>
            <ApplicationStatusTag status={row.status} />
          </span>
        </Flex>
      ),
    },
    {
      title: t('funding.board.quorum'),
      key: 'quorum',
      width: 168,
      render: (_, row) => (
        <Flex vertical gap={4} data-testid="quorum" data-met={row.quorumMet ? 'yes' : 'no'}>
          <Typography.Text>{t('funding.board.activeOf', { active: row.active, needed: row.needed })}</Typography.Text>
          <Progress
            size="small"
            percent={Math.round((Math.min(row.submitted, row.needed) / Math.max(row.needed, 1)) * 100)}
            format={() => `${row.submitted}/${row.needed}`}
            status={row.submitted >= row.needed ? 'success' : 'active'}
          />
          {row.quorumMet ? (
            <Tag color="success" icon={<CheckOutlined />} style={{ marginInlineEnd: 0, width: 'fit-content' }}>
              {t('funding.board.quorumMet', { min: quorum })}
            </Tag>
          ) : (
            <Tag color="warning" icon={<WarningOutlined />} style={{ marginInlineEnd: 0, width: 'fit-content' }}>
              {t('funding.board.quorumShort', { n: row.submitted, min: quorum })}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      title: t('funding.board.reviewers'),
      key: 'reviewers',
      render: (_, row) => (
        <Flex vertical gap={6}>
          {[...row.assignments].sort(byActivity).map((a) => (
            <AssignmentLine
              key={a.id}
              assignment={a}
              onRecuse={
                canAssign && (a.status === 'assigned' || a.status === 'submitted') ? () => setRecusing(a) : undefined
              }
            />
          ))}
          {row.assignments.length === 0 && (
            <Typography.Text type="secondary">{t('funding.board.none')}</Typography.Text>
          )}
        </Flex>
      ),
    },
    ...(canAssign
      ? [
          {
            title: t('funding.board.actions'),
            key: 'actions',
            width: 116,
            render: (_: unknown, row: AssignmentBoardRow) => (
              <Button
                size="small"
                icon={<UserAddOutlined />}
                onClick={() => setAssigning(row)}
                data-testid="assign-manual"
              >
                {t('funding.board.assign')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16} data-testid="assignment-board">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Text>
          {t('funding.board.summary', {
            n: rows.length,
            met: quorumMet,
            min: quorum,
            reviewers: program.reviewersPerApplication,
          })}
        </Typography.Text>
        {canAssign && (
          <Tooltip title={t('funding.board.autoHelp')}>
            <Button
              type="primary"
              icon={<ThunderboltOutlined />}
              loading={autoAssign.isPending}
              onClick={() =>
                autoAssign.mutate(undefined, {
                  onSuccess: (done) => {
                    setResult(done);
                    message.success(t('funding.board.autoDone', { n: done.created }));
                  },
                  onError: (error) => message.error(problemMessage(error, i18n)),
                })
              }
              data-testid="auto-assign"
            >
              {t('funding.board.auto')}
            </Button>
          </Tooltip>
        )}
      </Flex>
      {result && (
        <Alert
          type={result.shortfalls.length ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setResult(undefined) }}
          title={t('funding.board.autoResult', { created: result.created, excluded: result.conflictsExcluded })}
          description={
            result.shortfalls.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {result.shortfalls.map((s) => (
                  <li key={s.applicationId}>
                    “{titleOf(s.applicationId)}”：{shortfallMessage(s, i18n)}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
          data-testid="auto-assign-result"
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={18}>
          <Table<AssignmentBoardRow>
            rowKey="applicationId"
            size="middle"
            columns={columns}
            dataSource={rows}
            pagination={false}
            tableLayout="fixed"
            scroll={{ x: 740 }}
            data-testid="board-table"
          />
        </Col>
        <Col xs={24} xl={6}>
          <ReviewerLoads loads={board.data.reviewerLoads} />
        </Col>
      </Row>
      {assigning && <ManualAssignModal program={program} row={assigning} onClose={() => setAssigning(undefined)} />}
      {recusing && <RecuseModal program={program} assignment={recusing} onClose={() => setRecusing(undefined)} />}
    </Flex>
  );
}

function AssignmentLine({ assignment: a, onRecuse }: { assignment: ReviewAssignment; onRecuse?: () => void }) {
  const { t } = useI18n();
  const labels = useFundingLabels();
  const ended = a.status === 'declined' || a.status === 'recused';
  const why =
    a.status === 'declined' && a.declineReason
      ? `${labels.decline(a.declineReason)}${a.declineNote ? `：${a.declineNote}` : ''}`
      : a.status === 'recused'
        ? (a.declineNote ?? '')
        : '';
  return (
    <Flex align="center" gap={6} wrap data-testid="assignment" data-status={a.status} data-expert={a.expertName}>
      <Tag color={STATUS_COLORS[a.status]} style={{ marginInlineEnd: 0 }}>
        {t(`funding.assignment.${a.status}`)}
      </Tag>
      <Typography.Text delete={ended} type={ended ? 'secondary' : undefined} strong={!ended}>
        {a.expertName}
      </Typography.Text>
      {a.disciplineMatch && !ended && (
        <Tooltip title={t('funding.board.disciplineMatchHelp')}>
          <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
            {t('funding.board.disciplineMatch')}
          </Tag>
        </Tooltip>
      )}
      {a.assignedBy !== 'auto' && (
        <Tooltip title={a.overrideReason ?? undefined}>
          <Tag style={{ marginInlineEnd: 0 }}>{t('funding.board.manual', { by: a.assignedBy })}</Tag>
        </Tooltip>
      )}
      {a.conflicts.map((c) => (
        <Tooltip key={c.reason} title={c.explanation}>
          <Tag color="red" icon={<ExclamationCircleOutlined />} style={{ marginInlineEnd: 0 }}>
            {labels.conflict(c.reason)}
          </Tag>
        </Tooltip>
      ))}
      {why && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {why}
        </Typography.Text>
      )}
      {onRecuse && (
        <Button type="link" size="small" danger onClick={onRecuse} style={{ paddingInline: 4 }} data-testid="recuse">
          {t('funding.board.recuse')}
        </Button>
      )}
    </Flex>
  );
}

function ReviewerLoads({ loads }: { loads: ReviewerLoad[] }) {
  const { t } = useI18n();
  const sorted = [...loads].sort((a, b) => b.active - a.active || a.expertName.localeCompare(b.expertName, 'zh'));
  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={8}>
          <TeamOutlined />
          {t('funding.board.loads')}
        </Flex>
      }
      data-testid="reviewer-loads"
    >
      <Table<ReviewerLoad>
        rowKey="expertId"
        size="small"
        pagination={false}
        dataSource={sorted}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          { title: t('funding.board.expert'), dataIndex: 'expertName', ellipsis: true },
          { title: t('funding.board.loadActive'), dataIndex: 'active', width: 64, align: 'right' },
          { title: t('funding.board.loadSubmitted'), dataIndex: 'submitted', width: 64, align: 'right' },
        ]}
      />
    </Card>
  );
}

function ManualAssignModal({
  program,
  row,
  onClose,
}: {
  program: FundingProgram;
  row: AssignmentBoardRow;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ expertId: string; reason: string }>();
  const search = useSearchAsYouType();
  const experts = useExpertSearch(search.q);
  // The chosen expert stays an option (with their name) when a later search no longer finds them.
  const [chosen, setChosen] = useState<{ value: string; label: string }>();
  const assigned = new Set(row.assignments.map((a) => a.expertId));
  const options = (search.settling ? [] : (experts.data?.items ?? [])).map((e) => ({
    value: e.id,
    disabled: assigned.has(e.id),
    label: `${e.name}${e.employer ? ` · ${e.employer}` : ''}${e.disciplines.length ? `（${e.disciplines.join('、')}）` : ''}`,
  }));
  if (chosen && !options.some((o) => o.value === chosen.value)) options.unshift({ ...chosen, disabled: false });
  const assign = useManualAssign(program.id);
  const idempotencyKeyFor = useIdempotencyKey();

  return (
    <Modal
      open
      title={t('funding.board.assignTitle', { title: row.title })}
      okText={t('funding.board.assign')}
      okButtonProps={{ loading: assign.isPending, 'data-testid': 'assign-confirm' }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      maskClosable={false}
    >
      <Alert type="info" showIcon title={t('funding.board.assignHint')} style={{ marginBottom: 16 }} />
      {assign.isError && (
        <Alert type="error" showIcon title={problemMessage(assign.error, i18n)} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={assign.isPending}
        onFinish={({ expertId, reason }) => {
          const body = { applicationId: row.applicationId, expertId, reason: reason.trim() };
          assign.mutate(
            { body, idempotencyKey: idempotencyKeyFor(body) },
            {
              onSuccess: (created) => {
                message.success(
                  created.conflicts.length
                    ? t('funding.board.assignedOverride', { name: created.expertName })
                    : t('funding.board.assigned', { name: created.expertName }),
                );
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item
          name="expertId"
          label={t('funding.board.expert')}
          rules={[{ required: true, message: t('funding.board.expertRequired') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: search.onSearch }}
            loading={search.settling || experts.isFetching}
            placeholder={t('funding.board.expertPlaceholder')}
            notFoundContent={search.settling || experts.isFetching ? undefined : t('funding.board.noExperts')}
            options={options}
            onChange={(value: string) => setChosen(options.find((o) => o.value === value))}
            data-testid="assign-expert"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('funding.board.assignReason')}
          rules={[{ required: true, whitespace: true, message: t('funding.move.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={1000} showCount data-testid="assign-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RecuseModal({
  program,
  assignment,
  onClose,
}: {
  program: FundingProgram;
  assignment: ReviewAssignment;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const recuse = useRecuse(program.id);
  const idempotencyKeyFor = useIdempotencyKey();
  return (
    <Modal
      open
      title={t('funding.board.recuseTitle', { name: assignment.expertName })}
      okText={t('funding.board.recuse')}
      okButtonProps={{ danger: true, loading: recuse.isPending, 'data-testid': 'recuse-confirm' }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      maskClosable={false}
    >
      <Alert type="warning" showIcon title={t('funding.board.recuseHint')} style={{ marginBottom: 16 }} />
      {recuse.isError && (
        <Alert type="error" showIcon title={problemMessage(recuse.error, i18n)} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={recuse.isPending}
        onFinish={({ reason }) => {
          const request = { assignmentId: assignment.id, reason: reason.trim() };
          recuse.mutate(
            { ...request, idempotencyKey: idempotencyKeyFor(request) },
            {
              onSuccess: (done) => {
                message.success(t('funding.board.recused', { name: assignment.expertName, n: done.created }));
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item
          name="reason"
          label={t('funding.board.recuseReason')}
          rules={[{ required: true, whitespace: true, message: t('funding.move.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={1000} showCount data-testid="recuse-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
