import { EyeOutlined, FormOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { formatYuan } from '@society-hub/domain';
import { Button, Empty, Flex, Segmented, Select, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { QueryError, Result } from '@/components/query-error';
import { errorStatus } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { useDeclaration } from '../api/declaration';
import { useMyReviews } from '../api/get-my-reviews';
import { useOpenPrograms } from '../api/get-programs';
import type { FundingProgram, ProgramStatus, QueueItem } from '../api/types';
import { AssignmentStatusTag, ProgramStatusTag, useFundingLabels } from './labels';
import { DeclarationModal } from './on-demand';

type StatusFilter = 'all' | 'assigned' | 'submitted';

/** A declaration changes assignments only until review closes. */
const DECLARABLE: readonly ProgramStatus[] = ['open', 'closed', 'reviewing'];

interface ProgramGroup {
  programId: string;
  programName: string;
  programStatus: ProgramStatus;
  categories: FundingProgram['categories'];
  items: QueueItem[];
}

/** Programs in the order the queue gives (newest assignment first), then calls with nothing assigned yet. */
function groupByProgram(items: QueueItem[], programs: FundingProgram[]): ProgramGroup[] {
  const groups = new Map<string, ProgramGroup>();
  const categoriesOf = (id: string) => programs.find((program) => program.id === id)?.categories ?? [];
  for (const item of items) {
    const group = groups.get(item.programId) ?? {
      programId: item.programId,
      programName: item.programName,
      programStatus: item.programStatus,
      categories: categoriesOf(item.programId),
      items: [],
    };
    group.items.push(item);
    groups.set(item.programId, group);
  }
  for (const program of programs) {
    if (groups.has(program.id)) continue;
    groups.set(program.id, {
      programId: program.id,
      programName: program.name,
      programStatus: program.status,
      categories: program.categories,
      items: [],
    });
  }
  return [...groups.values()];
}

/** The declaration of interest of one program: how many societies are declared, and the button to change it. */
function DeclarationButton({ group, onOpen }: { group: ProgramGroup; onOpen: () => void }) {
  const { t } = useI18n();
  const declaration = useDeclaration(group.programId);
  const declared = declaration.data?.societyIds.length ?? 0;
  return (
    <Flex align="center" gap={8}>
      {declared > 0 && (
        <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="declared-count">
          {t('review.declaration.declared', { n: declared })}
        </Tag>
      )}
      {DECLARABLE.includes(group.programStatus) && (
        <Button size="small" icon={<SafetyCertificateOutlined />} onClick={onOpen} data-testid="declaration-open">
          {t('review.declaration.button')}
        </Button>
      )}
    </Flex>
  );
}

function ProgramCard({
  group,
  status,
  onDeclare,
}: {
  group: ProgramGroup;
  status: StatusFilter;
  onDeclare: (group: ProgramGroup) => void;
}) {
  const { t } = useI18n();
  const labels = useFundingLabels();
  const navigate = useNavigate();
  const shown = status === 'all' ? group.items : group.items.filter((item) => item.status === status);
  const submitted = group.items.filter((item) => item.status === 'submitted').length;
  const reviewing = group.programStatus === 'reviewing';

  const columns: TableColumnsType<QueueItem> = [
    {
      title: t('review.field.title'),
      key: 'title',
      render: (_, item) => (
        <Link to={`/reviews/${item.applicationId}`} data-testid="review-open-link">
          <Typography.Text strong style={{ color: 'inherit' }}>
            {item.title}
          </Typography.Text>
        </Link>
      ),
    },
    { title: t('review.field.society'), key: 'society', width: 200, render: (_, item) => item.societyName },
    {
      title: t('review.field.category'),
      key: 'category',
      width: 160,
      render: (_, item) => labels.category(item.categoryCode, group.categories),
    },
    {
      title: t('review.field.requested'),
      key: 'requested',
      width: 140,
      align: 'right',
      render: (_, item) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatYuan(item.requestedFen)}</span>,
    },
    {
      title: t('review.field.myStatus'),
      key: 'status',
      width: 100,
      render: (_, item) => <AssignmentStatusTag status={item.status} />,
    },
    {
      title: t('review.field.myTotal'),
      key: 'total',
      width: 90,
      align: 'right',
      render: (_, item) => (item.total === null ? t('common.none') : item.total.toFixed(1)),
    },
    {
      title: t('admin.field.actions'),
      key: 'actions',
      width: 110,
      render: (_, item) => (
        <Button
          size="small"
          type={item.status === 'assigned' && reviewing ? 'primary' : 'default'}
          icon={item.status === 'assigned' && reviewing ? <FormOutlined /> : <EyeOutlined />}
          onClick={() => navigate(`/reviews/${item.applicationId}`)}
        >
          {item.status === 'assigned' && reviewing ? t('review.action.score') : t('review.action.view')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      data-testid="review-program"
      data-program={group.programName}
      title={
        <Flex align="center" gap={10} wrap>
          <span>{group.programName}</span>
          <ProgramStatusTag status={group.programStatus} />
          {group.items.length > 0 && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
              {t('review.queue.progress', { done: submitted, total: group.items.length })}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={<DeclarationButton group={group} onOpen={() => onDeclare(group)} />}
      styles={{ body: { padding: 0 } }}
    >
      <Table<QueueItem>
        rowKey="assignmentId"
        columns={columns}
        dataSource={shown}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 900 }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={group.items.length === 0 ? t('review.queue.noneInProgram') : t('review.queue.noneMatching')}
            />
          ),
        }}
        data-testid="review-table"
      />
    </Card>
  );
}

export function ReviewQueue() {
  const { t } = useI18n();
  const queue = useMyReviews();
  const programs = useOpenPrograms();
  const [search, setSearch] = useSearchParams();
  const [declaring, setDeclaring] = useState<ProgramGroup>();
  const statusParam = search.get('status');
  const status: StatusFilter = statusParam === 'assigned' || statusParam === 'submitted' ? statusParam : 'all';
  const programFilter = search.get('program') ?? undefined;

  function update(name: 'status' | 'program', value: string | undefined) {
    const next = new URLSearchParams(search);
    if (value && value !== 'all') next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  }

  const items = queue.data?.items ?? [];
  const groups = groupByProgram(items, programs.data ?? []);
  const shownGroups = programFilter ? groups.filter((group) => group.programId === programFilter) : groups;
  const pending = items.filter((item) => item.status === 'assigned').length;
  const done = items.filter((item) => item.status === 'submitted').length;

  const header = (
    <PageHeader
      breadcrumb={[{ title: t('nav.reviews') }]}
      title={t('review.queue.title')}
      subTitle={t('review.queue.description')}
      tags={
        queue.data && (
          <Flex gap={6}>
            <Tag color="processing" style={{ marginInlineEnd: 0 }} data-testid="queue-pending">
              {t('review.queue.pending', { n: pending })}
            </Tag>
            <Tag color="success" style={{ marginInlineEnd: 0 }}>
              {t('review.queue.done', { n: done })}
            </Tag>
          </Flex>
        )
      }
    />
  );

  if (queue.isError) {
    return (
      <>
        {header}
        <Card>
          {errorStatus(queue.error) === 403 ? (
            <Result status="info" title={t('review.queue.notLinked')} subTitle={t('review.queue.notLinkedHint')} />
          ) : (
            <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
          )}
        </Card>
      </>
    );
  }

  return (
    <>
      {header}
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex gap={12} wrap align="center">
            <Select<string>
              allowClear
              value={programFilter}
              onChange={(value) => update('program', value)}
              placeholder={t('review.queue.allPrograms')}
              options={groups.map((group) => ({ value: group.programId, label: group.programName }))}
              style={{ width: 280 }}
              aria-label={t('review.queue.program')}
              data-testid="queue-program-filter"
            />
            <Segmented<StatusFilter>
              value={status}
              onChange={(value) => update('status', value)}
              options={[
                { value: 'all', label: t('review.queue.all') },
                { value: 'assigned', label: t('review.status.assigned') },
                { value: 'submitted', label: t('review.status.submitted') },
              ]}
              data-testid="queue-status-filter"
            />
          </Flex>
        </Card>
        {queue.isPending ? (
          <Card>
            <Skeleton active />
          </Card>
        ) : shownGroups.length === 0 ? (
          <Card>
            <Empty description={t('review.queue.empty')} data-testid="queue-empty" />
          </Card>
        ) : (
          shownGroups.map((group) => (
            <ProgramCard key={group.programId} group={group} status={status} onDeclare={setDeclaring} />
          ))
        )}
      </Flex>
      {declaring && (
        <DeclarationModal
          programId={declaring.programId}
          programName={declaring.programName}
          onClose={() => setDeclaring(undefined)}
        />
      )}
    </>
  );
}
