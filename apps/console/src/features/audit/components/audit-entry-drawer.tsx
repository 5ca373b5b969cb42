import { Descriptions, Drawer, Empty, Flex, Switch, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { societiesMessages } from '@/features/societies';
import { formatDateTime } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { adminMessages } from '@/lib/messages/admin';
import type { AuditEntry } from '../api/types';
import { auditMessages } from '../messages';
import { ActorTag, actorName, useAuditLabels } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(adminMessages, auditMessages, societiesMessages);

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** One row per field of either side, in the order the resource lists them. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const left = isRecord(before) ? before : {};
  const right = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(right), ...Object.keys(left)])];
  return fields.map((field) => ({
    field,
    before: left[field],
    after: right[field],
    changed: JSON.stringify(left[field]) !== JSON.stringify(right[field]),
  }));
}

function Value({ value, absent }: { value: unknown; absent: string }) {
  if (value === undefined || value === null || value === '')
    return <Typography.Text type="secondary">{absent}</Typography.Text>;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return <span style={{ wordBreak: 'break-all' }}>{String(value)}</span>;
  return (
    <pre style={{ ...mono, margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function AuditEntryDrawer({ entry, onClose }: { entry: AuditEntry | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useAuditLabels();
  const [onlyChanged, setOnlyChanged] = useState(true);
  const hasBoth = entry ? isRecord(entry.before) && isRecord(entry.after) : false;
  const changes = entry ? fieldChanges(entry.before, entry.after) : [];
  const rows = hasBoth && onlyChanged ? changes.filter((change) => change.changed) : changes;

  const allColumns: TableColumnsType<FieldChange> = [
    {
      title: t('audit.diff.field'),
      dataIndex: 'field',
      width: 180,
      render: (_, change) => (
        <Flex vertical>
          <Typography.Text strong={change.changed && hasBoth}>
            {entry ? labels.field(entry.resourceType, change.field) : change.field}
          </Typography.Text>
          <Typography.Text type="secondary" style={mono}>
            {change.field}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('audit.diff.before'),
      key: 'before',
      render: (_, change) => (
        <Value
          value={entry ? labels.value(entry.resourceType, change.field, change.before) : change.before}
          absent={t('common.none')}
        />
      ),
      onCell: (change) => (hasBoth && change.changed ? { style: { background: '#fff1f0' } } : {}),
    },
    {
      title: t('audit.diff.after'),
      key: 'after',
      render: (_, change) => (
        <Value
          value={entry ? labels.value(entry.resourceType, change.field, change.after) : change.after}
          absent={t('common.none')}
        />
      ),
      onCell: (change) => (hasBoth && change.changed ? { style: { background: '#f6ffed' } } : {}),
    },
  ];

  // A creation has no "before" and a deletion no "after": an empty side would only be a column of dashes.
  const columns = allColumns.filter(
    (column) =>
      hasBoth ||
      !entry ||
      (column.key === 'before' ? isRecord(entry.before) : column.key === 'after' ? isRecord(entry.after) : true),
  );

  return (
    <Drawer
      open={entry !== undefined}
      onClose={onClose}
      size={880}
      title={entry ? `${labels.action(entry.action)} · #${entry.seq}` : ''}
      destroyOnHidden
      data-testid="audit-drawer"
    >
      {entry && (
        <Flex vertical gap={24}>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }}>
            <Descriptions.Item label={t('audit.field.at')}>{formatDateTime(entry.at)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.field.actor')}>
              <Flex gap={6} align="center">
                <ActorTag actor={entry.actor} />
                {actorName(entry.actor)}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.field.action')}>
              {labels.action(entry.action)}{' '}
              <Typography.Text type="secondary" style={mono}>
                {entry.action}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.field.resource')}>
              {labels.named(entry)}
              <br />
              {entry.resourceType === 'society' && entry.action !== 'society.delete' ? (
                <Link to={`/societies/${entry.resourceId}`} style={mono}>
                  {entry.resourceId}
                </Link>
              ) : (
                <Typography.Text style={mono}>{entry.resourceId}</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.requestId')}>
              <Typography.Text style={mono} copyable={Boolean(entry.requestId)}>
                {entry.requestId ?? t('common.none')}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.field.ip')}>{entry.ip ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('audit.field.hash')}>
              <Typography.Text style={{ ...mono, wordBreak: 'break-all' }} copyable>
                {entry.hash}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Flex vertical gap={12}>
            <Flex justify="space-between" align="center">
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('audit.diff.title')}
              </Typography.Title>
              {hasBoth && (
                <Flex gap={8} align="center">
                  <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} />
                  <Typography.Text>{t('audit.diff.onlyChanged')}</Typography.Text>
                </Flex>
              )}
            </Flex>
            {hasBoth && (
              <Typography.Text type="secondary">
                {t('audit.diff.changedCount', { n: changes.filter((change) => change.changed).length })}
              </Typography.Text>
            )}
            <Table<FieldChange>
              rowKey="field"
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={false}
              tableLayout="fixed"
              bordered
              locale={{ emptyText: <Empty description={t('audit.diff.empty')} /> }}
              data-testid="audit-diff"
            />
          </Flex>
        </Flex>
      )}
    </Drawer>
  );
}
