import { ReloadOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Empty, Flex, Input, Select, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Card } from '@/components/card';
import { DEFAULT_PAGE_SIZE, pageSizeOf, useCursorStack } from '@/components/cursor-pager';
import { ListShell } from '@/components/list-shell';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useAuditLog } from '../api/get-audit-log';
import type { AuditEntry, AuditListQuery } from '../api/types';
import { ACTION_PRESETS, ActorTag, actorName, RESOURCE_TYPES, useAuditLabels } from './labels';
import { AuditEntryDrawer, DateRangeFilter } from './on-demand';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 } as const;

interface Filters {
  action: string;
  resourceType: string;
  resourceId: string;
  from: string;
  to: string;
  limit: number;
}

type FilterName = Exclude<keyof Filters, 'limit'> | 'limit';

function day(raw: string | null): string {
  return raw && DAY.test(raw) && dayjs(raw).isValid() ? raw : '';
}

function readFilters(search: URLSearchParams): Filters {
  return {
    action: search.get('action')?.trim() ?? '',
    resourceType: search.get('resourceType')?.trim() ?? '',
    resourceId: search.get('resourceId')?.trim() ?? '',
    from: day(search.get('from')),
    to: day(search.get('to')),
    limit: pageSizeOf(search.get('limit')),
  };
}

function toQuery(filters: Filters, cursor: string | undefined): AuditListQuery {
  return {
    limit: filters.limit,
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.resourceType ? { resourceType: filters.resourceType } : {}),
    ...(filters.resourceId ? { resourceId: filters.resourceId } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

export function AuditList() {
  const { t } = useI18n();
  const labels = useAuditLabels();
  const [search, setSearch] = useSearchParams();
  const filters = readFilters(search);
  const pager = useCursorStack(JSON.stringify(filters));
  const entries = useAuditLog(toQuery(filters, pager.cursor));
  const [opened, setOpened] = useState<AuditEntry>();

  const [draftAction, setDraftAction] = useState(filters.action);
  const [draftId, setDraftId] = useState(filters.resourceId);
  useEffect(() => setDraftAction(filters.action), [filters.action]);
  useEffect(() => setDraftId(filters.resourceId), [filters.resourceId]);

  function update(patch: Partial<Record<FilterName, string | undefined>>) {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries(patch)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setSearch(next, { replace: true });
  }

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.field.at'),
      dataIndex: 'at',
      width: 150,
      render: (_, entry) => formatDateTime(entry.at),
    },
    {
      title: t('audit.field.actor'),
      key: 'actor',
      width: 180,
      render: (_, entry) => (
        <Flex gap={6} align="center" style={{ minWidth: 0 }}>
          <ActorTag actor={entry.actor} />
          {actorName(entry.actor) && (
            <Typography.Text ellipsis={{ tooltip: actorName(entry.actor) }}>{actorName(entry.actor)}</Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('audit.field.action'),
      key: 'action',
      width: 210,
      render: (_, entry) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text>{labels.action(entry.action)}</Typography.Text>
          <Typography.Text type="secondary" style={mono}>
            {entry.action}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('audit.field.resource'),
      key: 'resource',
      render: (_, entry) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis={{ tooltip: labels.named(entry) }}>{labels.named(entry)}</Typography.Text>
          {entry.resourceType === 'society' && entry.action !== 'society.delete' ? (
            <Link to={`/societies/${entry.resourceId}`} style={mono} onClick={(event) => event.stopPropagation()}>
              {entry.resourceId}
            </Link>
          ) : (
            <Typography.Text type="secondary" style={mono} ellipsis={{ tooltip: entry.resourceId }}>
              {entry.resourceId}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      width: 200,
      render: (_, entry) =>
        entry.requestId ? (
          <Typography.Text style={mono} ellipsis={{ tooltip: entry.requestId }}>
            {entry.requestId}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      title: '#',
      dataIndex: 'seq',
      width: 70,
      align: 'right',
      render: (_, entry) => <Typography.Text type="secondary">{entry.seq}</Typography.Text>,
    },
  ];

  const filtered = search.size > 0 && !(search.size === 1 && search.has('limit'));

  return (
    <Flex vertical gap={16}>
      <Card size="small" styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap align="center">
          <AutoComplete
            allowClear
            value={draftAction}
            onChange={setDraftAction}
            onSelect={(value: string) => update({ action: value })}
            onBlur={() => update({ action: draftAction.trim() || undefined })}
            onClear={() => update({ action: undefined })}
            options={ACTION_PRESETS.map((value) => ({
              value,
              label: (
                <Flex justify="space-between" gap={12}>
                  <span>{labels.preset(value)}</span>
                  <Typography.Text type="secondary" style={mono}>
                    {value}
                  </Typography.Text>
                </Flex>
              ),
            }))}
            style={{ width: 260 }}
            popupMatchSelectWidth={340}
            data-testid="audit-action"
          >
            <Input
              placeholder={t('audit.filter.action')}
              onPressEnter={() => update({ action: draftAction.trim() || undefined })}
            />
          </AutoComplete>
          <Select<string>
            allowClear
            placeholder={t('audit.filter.allResources')}
            value={filters.resourceType || undefined}
            onChange={(value) => update({ resourceType: value })}
            options={RESOURCE_TYPES.map((value) => ({ value, label: labels.resource(value) }))}
            style={{ width: 150 }}
          />
          <Input.Search
            allowClear
            placeholder={t('audit.filter.resourceId')}
            value={draftId}
            onChange={(event) => setDraftId(event.target.value)}
            onSearch={(value) => update({ resourceId: value.trim() || undefined })}
            style={{ width: 280 }}
            maxLength={100}
          />
          {/* Holds the picker's place while its code arrives, so the bar does not move. */}
          <div style={{ minWidth: 250, minHeight: 32 }}>
            <DateRangeFilter
              from={filters.from}
              to={filters.to}
              placeholder={[t('audit.filter.from'), t('audit.filter.to')]}
              onChange={update}
            />
          </div>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => setSearch(new URLSearchParams(), { replace: true })}
            disabled={search.size === 0}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t('audit.filter.hint')}
        </Typography.Text>
      </Card>
      <ListShell<AuditEntry>
        query={entries}
        pager={pager}
        limit={filters.limit}
        onLimitChange={(value) => update({ limit: value === DEFAULT_PAGE_SIZE ? undefined : String(value) })}
        table={{
          rowKey: 'seq',
          columns,
          tableLayout: 'fixed',
          scroll: { x: 1100 },
          locale: { emptyText: <Empty description={filtered ? t('audit.emptyFiltered') : t('audit.empty')} /> },
          onRow: (entry) => ({ onClick: () => setOpened(entry), style: { cursor: 'pointer' } }),
        }}
        testId="audit-table"
      />
      <AuditEntryDrawer entry={opened} onClose={() => setOpened(undefined)} />
    </Flex>
  );
}
