import { CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import { ALLOCATION_STRATEGIES, fenToYuan, formatYuan, yuanToFen } from '@society-hub/domain';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Segmented,
  Skeleton,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { Card } from '@/components/card';
import { QueryError } from '@/components/query-error';
import { errorStatus } from '@/lib/api-client';
import { policies } from '@/lib/authorization';
import { isConflict } from '@/lib/conflict';
import { registerMessages, useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useApplication, useUpdateApplication } from '../api/applications';
import { useApplyAllocation, useRanking } from '../api/decisions';
import type { AllocationStrategy, FundingProgram, Ranking, RankingCategory, RankingRow } from '../api/types';
import { fundingMessages } from '../messages';
import { fundingPanelsMessages } from '../panels-messages';
import { allocationMessage, categoryMessage, rankMessage } from './explanations';
import { ApplicationStatusTag, useFundingLabels } from './labels';
import { Yuan } from './money';
import { YuanInput } from './yuan-input';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages, fundingPanelsMessages);

type Item = { kind: 'row'; row: RankingRow; above: RankingRow | undefined } | { kind: 'line'; funded: number };

const REASON_COLORS: Record<string, string> = {
  funded_in_full: 'green',
  funded_share: 'lime',
  below_minimum: 'default',
  budget_exhausted: 'orange',
  not_eligible: 'red',
};

/** 排名与资助: per category, the ranking, the funding line and every row's allocation explained. */
export function RankingTab({ program }: { program: FundingProgram }) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = useFundingLabels();
  const user = useCurrentUser();
  const { modal, message } = App.useApp();
  const [strategy, setStrategy] = useState<AllocationStrategy>(program.allocationStrategy);
  const trialStrategy = strategy === program.allocationStrategy ? undefined : strategy;
  const ranking = useRanking(program.id, trialStrategy);
  const apply = useApplyAllocation(program.id);
  const idempotencyKeyFor = useIdempotencyKey();
  const [adjusting, setAdjusting] = useState<RankingRow>();
  const staff = policies.manageFunding(user);

  if (ranking.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (ranking.isError) return <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} />;
  const data: Ranking = ranking.data.ranking;
  const rows = data.categories.flatMap((c) => c.rows);
  const undecided = rows.filter((r) => !r.decided);
  const canApply = staff && program.status === 'deciding' && undecided.length > 0;
  const canAdjust = staff && program.status === 'deciding';

  if (rows.length === 0) {
    return (
      <Empty
        description={
          ['draft', 'open', 'closed'].includes(program.status)
            ? t('funding.ranking.notYet')
            : t('funding.ranking.empty')
        }
      />
    );
  }

  function confirmApply() {
    const funded = undecided.filter((r) => r.funded);
    const total = funded.reduce((sum, r) => sum + r.allocatedFen, 0);
    modal.confirm({
      title: t('funding.ranking.applyTitle'),
      width: 520,
      content: (
        <Flex vertical gap={8}>
          <Typography.Text>
            {t('funding.ranking.applySummary', {
              strategy: labels.strategy(program.allocationStrategy),
              funded: funded.length,
              total: formatYuan(total),
              rejected: undecided.length - funded.length,
            })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('funding.ranking.applyHint')}</Typography.Text>
        </Flex>
      ),
      okText: t('funding.ranking.apply'),
      okButtonProps: { 'data-testid': 'allocation-confirm' },
      cancelText: t('common.cancel'),
      onOk: () =>
        apply
          .mutateAsync({ idempotencyKey: idempotencyKeyFor({ programId: program.id, version: program.version }) })
          .then((result) => {
            message.success(
              t('funding.ranking.applied', {
                funded: result.approved,
                rejected: result.rejected,
                total: formatYuan(result.allocatedFen),
              }),
            );
          })
          .catch((error: unknown) => {
            message.error(
              errorStatus(error) === 409 ? t('funding.ranking.appliedElsewhere') : problemMessage(error, i18n),
            );
          }),
    });
  }

  return (
    <Flex vertical gap={16} data-testid="ranking-tab">
      <Card size="small">
        <Flex gap={16} wrap align="center" justify="space-between">
          <Flex gap={40} wrap>
            <Statistic
              title={t('funding.ranking.total')}
              value={formatYuan(data.totalBudgetFen)}
              data-testid="ranking-total"
            />
            <Statistic
              title={t('funding.ranking.committed')}
              value={formatYuan(data.committedFen)}
              data-testid="ranking-committed"
            />
            {undecided.length > 0 && (
              <Statistic
                title={t('funding.ranking.trial')}
                value={formatYuan(data.trialAllocatedFen)}
                data-testid="ranking-trial"
              />
            )}
            <Statistic
              title={t('funding.ranking.programRemaining')}
              value={formatYuan(data.remainingFen)}
              data-testid="ranking-remaining"
            />
          </Flex>
          {undecided.length > 0 && (
            <Flex vertical gap={8} align="flex-end">
              <Segmented<AllocationStrategy>
                value={strategy}
                onChange={setStrategy}
                options={ALLOCATION_STRATEGIES.map((value) => ({
                  value,
                  label:
                    value === program.allocationStrategy
                      ? t('funding.ranking.ownStrategy', { name: labels.strategy(value) })
                      : t('funding.ranking.trialStrategy', { name: labels.strategy(value) }),
                }))}
                data-testid="strategy-switch"
              />
              {canApply && (
                <Tooltip title={trialStrategy ? t('funding.ranking.applyOwnOnly') : undefined}>
                  <Button
                    type="primary"
                    icon={<CheckCircleOutlined />}
                    disabled={trialStrategy !== undefined}
                    loading={apply.isPending}
                    onClick={confirmApply}
                    data-testid="allocation-apply"
                  >
                    {t('funding.ranking.apply')}
                  </Button>
                </Tooltip>
              )}
            </Flex>
          )}
        </Flex>
      </Card>
      {data.provisional && <Alert type="warning" showIcon title={t('funding.ranking.provisional')} />}
      {trialStrategy && (
        <Alert
          type="info"
          showIcon
          title={t('funding.ranking.trialNote', {
            trial: labels.strategy(trialStrategy),
            own: labels.strategy(program.allocationStrategy),
            funded: ranking.data.trial?.approved ?? 0,
            total: formatYuan(ranking.data.trial?.allocatedFen ?? 0),
          })}
          data-testid="trial-note"
        />
      )}
      {!canApply && program.status === 'deciding' && undecided.length === 0 && (
        <Alert type="success" showIcon title={t('funding.ranking.allDecided')} data-testid="all-decided" />
      )}
      {data.categories
        .filter((c) => c.rows.length > 0)
        .map((category) => (
          <CategoryRanking
            key={category.categoryCode}
            program={program}
            category={category}
            minimumScore={data.minimumScore}
            onAdjust={canAdjust && category.rows.some((r) => r.status === 'reviewed') ? setAdjusting : undefined}
          />
        ))}
      {adjusting && <AdjustModal row={adjusting} onClose={() => setAdjusting(undefined)} />}
    </Flex>
  );
}

function CategoryRanking({
  program,
  category,
  minimumScore,
  onAdjust,
}: {
  program: FundingProgram;
  category: RankingCategory;
  minimumScore: number;
  onAdjust?: (row: RankingRow) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = useFundingLabels();
  const firstUnfunded = category.rows.findIndex((r) => !r.funded);
  const lineAt = firstUnfunded === -1 ? category.rows.length : firstUnfunded;
  const items: Item[] = [];
  category.rows.forEach((row, index) => {
    if (index === lineAt) items.push({ kind: 'line', funded: lineAt });
    items.push({ kind: 'row', row, above: category.rows[index - 1] });
  });
  if (lineAt === category.rows.length) items.push({ kind: 'line', funded: lineAt });

  const rowOnly = (render: (row: RankingRow, above: RankingRow | undefined) => ReactNode) => (_: unknown, item: Item) =>
    item.kind === 'row' ? render(item.row, item.above) : null;
  const hideOnLine = (item: Item) => (item.kind === 'line' ? { colSpan: 0 } : {});

  const columns: TableColumnsType<Item> = [
    {
      title: t('funding.ranking.rank'),
      key: 'rank',
      width: 72,
      align: 'center',
      onCell: (item) =>
        item.kind === 'line' ? { colSpan: onAdjust ? 7 : 6, style: { padding: 0, background: '#fff1f0' } } : {},
      render: (_, item) =>
        item.kind === 'line' ? (
          <FundingLine category={category} funded={item.funded} total={category.rows.length} />
        ) : (
          <Tooltip title={rankMessage(item.row, item.above, i18n)}>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="rank">
              {item.row.rank}
            </Typography.Text>
          </Tooltip>
        ),
    },
    {
      title: t('funding.board.application'),
      key: 'title',
      width: 200,
      onCell: hideOnLine,
      render: rowOnly((row) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={`/funding/${program.id}/applications/${row.applicationId}`}>
            <Typography.Text strong ellipsis={{ tooltip: row.title }} style={{ color: 'inherit' }}>
              {row.title}
            </Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {row.societyName}
          </Typography.Text>
        </Flex>
      )),
    },
    {
      title: t('funding.field.score'),
      key: 'score',
      width: 120,
      onCell: hideOnLine,
      render: rowOnly((row, above) => (
        <Flex vertical gap={2}>
          <Typography.Text strong data-testid="score">
            {row.score.toFixed(2)}
          </Typography.Text>
          {row.tieBreak && (
            <Tooltip title={rankMessage(row, above, i18n)}>
              <Tag color="purple" style={{ marginInlineEnd: 0, width: 'fit-content' }}>
                {t(`funding.tieBreak.${row.tieBreak}`)}
              </Tag>
            </Tooltip>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('funding.ranking.firstCriterion', {
              name: program.rubric[0]?.name ?? '',
              score: row.firstCriterion.toFixed(2),
            })}
          </Typography.Text>
        </Flex>
      )),
    },
    {
      title: t('funding.application.field.requested'),
      key: 'requested',
      width: 130,
      align: 'right',
      onCell: hideOnLine,
      render: rowOnly((row) => (
        <Flex vertical align="flex-end" gap={2}>
          <Yuan fen={row.requestedFen} />
          {row.basisFen !== row.requestedFen && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('funding.ranking.adjustedTo', { amount: formatYuan(row.basisFen) })}
            </Typography.Text>
          )}
        </Flex>
      )),
    },
    {
      title: t('funding.field.allocated'),
      key: 'allocated',
      width: 130,
      align: 'right',
      onCell: hideOnLine,
      render: rowOnly((row) => (
        <span data-testid="allocated">
          <Yuan fen={row.allocatedFen} strong={row.funded} type={row.funded ? 'success' : 'secondary'} />
        </span>
      )),
    },
    {
      title: t('funding.ranking.explanation'),
      key: 'explanation',
      onCell: hideOnLine,
      render: rowOnly((row) => (
        <Flex vertical gap={4}>
          <Flex gap={6} wrap>
            <Tag color={REASON_COLORS[row.reason] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid="reason">
              {labels.reason(row.reason)}
            </Tag>
            <ApplicationStatusTag status={row.status} />
            {row.decided ? (
              <Tag style={{ marginInlineEnd: 0 }}>{t('funding.ranking.decided')}</Tag>
            ) : (
              <Tag color="processing" style={{ marginInlineEnd: 0 }}>
                {t('funding.ranking.undecided')}
              </Tag>
            )}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="explanation">
            {allocationMessage(row, category, minimumScore, i18n)}
          </Typography.Text>
        </Flex>
      )),
    },
    ...(onAdjust
      ? [
          {
            title: t('funding.board.actions'),
            key: 'actions',
            width: 112,
            onCell: hideOnLine,
            render: rowOnly((row) =>
              row.status === 'reviewed' ? (
                <Button size="small" icon={<EditOutlined />} onClick={() => onAdjust(row)}>
                  {t('funding.ranking.adjust')}
                </Button>
              ) : null,
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={12} wrap>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {category.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('funding.ranking.categoryCount', { n: category.rows.length })}
          </Typography.Text>
        </Flex>
      }
      data-testid={`ranking-${category.categoryCode}`}
    >
      <Flex gap={24} wrap style={{ marginBottom: 12 }}>
        <Money label={t('funding.category.budget')} fen={category.budgetFen} />
        <Money label={t('funding.ranking.committed')} fen={category.committedFen} />
        {category.rows.some((r) => !r.decided) && (
          <>
            <Money label={t('funding.ranking.available')} fen={category.availableFen} />
            <Money label={t('funding.ranking.trialCategory')} fen={category.allocatedFen} />
          </>
        )}
        <Money label={t('funding.ranking.remaining')} fen={category.remainingFen} testId="category-remaining" />
        {category.sharePercent !== null && (
          <Flex vertical data-testid="category-share">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('funding.ranking.share')}
            </Typography.Text>
            <Typography.Text strong>{category.sharePercent.toFixed(2)}%</Typography.Text>
          </Flex>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {categoryMessage(category, i18n)}
      </Typography.Paragraph>
      <Table<Item>
        rowKey={(item) => (item.kind === 'row' ? item.row.applicationId : 'funding-line')}
        size="middle"
        columns={columns}
        dataSource={items}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 960 }}
        data-testid="ranking-table"
      />
    </Card>
  );
}

function Money({ label, fen, testId }: { label: string; fen: number; testId?: string }) {
  return (
    <Flex vertical data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Yuan fen={fen} strong />
    </Flex>
  );
}

/** The line between funded and unfunded rows, drawn across the table. */
function FundingLine({ category, funded, total }: { category: RankingCategory; funded: number; total: number }) {
  const { t } = useI18n();
  // Once every row is decided the trial has no line of its own: the lowest funded score is the line.
  const scores = category.rows.filter((r) => r.funded).map((r) => r.score);
  const line = category.fundingLine ?? (scores.length ? Math.min(...scores) : null);
  const text =
    funded === 0
      ? t('funding.ranking.lineNone')
      : funded === total
        ? t('funding.ranking.lineAll', { score: line?.toFixed(2) ?? '—' })
        : t('funding.ranking.line', { score: line?.toFixed(2) ?? '—' });
  return (
    <Flex align="center" gap={12} style={{ padding: '6px 16px' }} data-testid="funding-line" data-after={funded}>
      <div style={{ flex: 1, borderTop: '2px dashed #cf1322' }} />
      <Typography.Text strong style={{ color: '#cf1322', whiteSpace: 'nowrap' }}>
        {text}
      </Typography.Text>
      <div style={{ flex: 1, borderTop: '2px dashed #cf1322' }} />
    </Flex>
  );
}

/** Staff lower the amount to fund after review, with a reason (or restore the request). */
function AdjustModal({ row, onClose }: { row: RankingRow; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const application = useApplication(row.applicationId);
  const update = useUpdateApplication();
  const [form] = Form.useForm<{ amount: string | null; reason: string }>();
  const [formError, setFormError] = useState<string>();
  return (
    <Modal
      open
      title={t('funding.ranking.adjustTitle', { title: row.title })}
      okText={t('common.save')}
      okButtonProps={{ loading: update.isPending, disabled: !application.data }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      maskClosable={false}
    >
      <Typography.Paragraph type="secondary">
        {t('funding.ranking.adjustHint', { requested: formatYuan(row.requestedFen) })}
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          amount: fenToYuan(row.basisFen),
          reason: application.data?.adjustmentReason ?? '',
        }}
        onFinish={({ amount, reason }) => {
          const current = application.data;
          if (!current) return;
          const fen = yuanToFen(amount);
          if (!Number.isFinite(fen) || fen <= 0 || fen > row.requestedFen) {
            form.setFields([{ name: 'amount', errors: [t('funding.ranking.adjustRange')] }]);
            return;
          }
          const patch =
            fen === row.requestedFen
              ? { adjustedFen: null, adjustmentReason: null }
              : { adjustedFen: fen, adjustmentReason: reason.trim() };
          update.mutate(
            { id: current.id, version: current.version, patch },
            {
              onSuccess: () => {
                message.success(t('funding.ranking.adjusted'));
                onClose();
              },
              onError: (error) =>
                setFormError(isConflict(error) ? t('funding.application.stale') : problemMessage(error, i18n)),
            },
          );
        }}
      >
        <Form.Item name="amount" label={t('funding.field.adjusted')}>
          <YuanInput max={fenToYuan(row.requestedFen)} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('funding.ranking.adjustReason')}
          dependencies={['amount']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                const raw: unknown = getFieldValue('amount');
                const fen = yuanToFen(typeof raw === 'string' ? raw : null);
                if (fen !== row.requestedFen && !value?.trim()) throw new Error(t('funding.move.reasonRequired'));
              },
            }),
          ]}
        >
          <Input.TextArea rows={2} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
