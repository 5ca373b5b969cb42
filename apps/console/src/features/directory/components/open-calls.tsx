import { CalendarOutlined, LoginOutlined } from '@ant-design/icons';
import { formatYuan } from '@society-hub/domain';
import { Button, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Card } from '@/components/card';
import { pagerMessages } from '@/components/pager-messages';
import { QueryError } from '@/components/query-error';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useOpenPrograms } from '../api/get-open-programs';
import type { OpenProgram } from '../api/types';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(pagerMessages);

const money = { fontVariantNumeric: 'tabular-nums' } as const;

function CallCard({ program }: { program: OpenProgram }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card data-testid="open-call" data-program-id={program.id}>
      <Flex justify="space-between" align="start" gap={16} wrap>
        <div>
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 6 }}>
            {program.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            <CalendarOutlined style={{ marginInlineEnd: 6 }} />
            {t('directory.call.period', { from: program.opensOn, to: program.closesOn })}
          </Typography.Text>
        </div>
        <Flex vertical align="end">
          <Typography.Text type="secondary">{t('directory.call.budget')}</Typography.Text>
          <Typography.Text strong style={{ ...money, fontSize: 18 }}>
            {formatYuan(program.totalBudgetFen)}
          </Typography.Text>
        </Flex>
      </Flex>
      {program.description && (
        <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>
          {program.description}
        </Typography.Paragraph>
      )}
      <Table
        rowKey="code"
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        dataSource={program.categories}
        columns={[
          { title: t('directory.call.category'), dataIndex: 'name', key: 'name' },
          {
            title: t('directory.call.cap'),
            key: 'cap',
            align: 'right',
            width: 180,
            render: (_, c) => <span style={money}>{formatYuan(c.capFen)}</span>,
          },
          {
            title: t('directory.call.categoryBudget'),
            key: 'budget',
            align: 'right',
            width: 180,
            render: (_, c) => <span style={money}>{formatYuan(c.budgetFen)}</span>,
          },
        ]}
      />
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('directory.call.howToApply')}</Typography.Text>
        <Button icon={<LoginOutlined />} onClick={() => navigate('/login?next=/funding')}>
          {t('directory.call.apply')}
        </Button>
      </Flex>
    </Card>
  );
}

/** Funding calls open for applications now (申报通知). */
export function OpenCalls() {
  const { t } = useI18n();
  const [cursors, setCursors] = useState<string[]>([]);
  const programs = useOpenPrograms(cursors.at(-1));
  if (programs.isError) {
    return (
      <Card>
        <QueryError error={programs.error} onRetry={() => void programs.refetch()} />
      </Card>
    );
  }
  if (!programs.data) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 5 }} />
      </Card>
    );
  }
  if (programs.data.items.length === 0) {
    return (
      <Card>
        <Empty description={t('directory.call.empty')} data-testid="open-calls-empty" />
      </Card>
    );
  }
  const next = programs.data.nextCursor;
  return (
    <Flex vertical gap={16}>
      {programs.data.items.map((program) => (
        <CallCard key={program.id} program={program} />
      ))}
      {(cursors.length > 0 || next) && (
        <Flex justify="center" gap={8}>
          <Button disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('common.prevPage')}
          </Button>
          <Button disabled={!next} onClick={() => next && setCursors([...cursors, next])}>
            {t('common.nextPage')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
