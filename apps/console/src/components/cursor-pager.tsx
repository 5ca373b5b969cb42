import { LeftOutlined, RightOutlined, VerticalRightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { registerMessages, useI18n } from '@/lib/i18n';
import { pagerMessages } from './pager-messages';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(pagerMessages);

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

export function pageSizeOf(raw: string | null): number {
  const limit = Number(raw);
  return PAGE_SIZES.find((size) => size === limit) ?? DEFAULT_PAGE_SIZE;
}

/**
 * Keyset pagination has no page numbers: remember the cursors that led to each page to go back.
 * A change of filters (`filterKey`) starts again from the first page.
 */
export function useCursorStack(filterKey: string) {
  const [cursors, setCursors] = useState<{ key: string; stack: string[] }>({ key: filterKey, stack: [] });
  const stack = cursors.key === filterKey ? cursors.stack : [];
  return {
    cursor: stack.at(-1),
    pageNumber: stack.length + 1,
    first: () => setCursors({ key: filterKey, stack: [] }),
    previous: () => setCursors({ key: filterKey, stack: stack.slice(0, -1) }),
    next: (cursor: string) => setCursors({ key: filterKey, stack: [...stack, cursor] }),
  };
}

interface CursorPagerProps {
  pager: ReturnType<typeof useCursorStack>;
  nextCursor: string | null | undefined;
  /** While the previous page is shown as a placeholder, its cursor must not be followed. */
  busy: boolean;
  limit: number;
  onLimitChange: (limit: number) => void;
}

export function CursorPager({ pager, nextCursor, busy, limit, onLimitChange }: CursorPagerProps) {
  const { t } = useI18n();
  return (
    <Flex justify="space-between" align="center" style={{ padding: '12px 16px', borderTop: '1px solid #f0f0f0' }}>
      <Typography.Text type="secondary">{t('common.pageNo', { n: pager.pageNumber })}</Typography.Text>
      <Space>
        <Button icon={<VerticalRightOutlined />} disabled={pager.pageNumber === 1} onClick={pager.first}>
          {t('common.firstPage')}
        </Button>
        <Button icon={<LeftOutlined />} disabled={pager.pageNumber === 1} onClick={pager.previous}>
          {t('common.prevPage')}
        </Button>
        <Button
          disabled={!nextCursor || busy}
          onClick={() => {
            if (nextCursor) pager.next(nextCursor);
          }}
        >
          {t('common.nextPage')}
          <RightOutlined />
        </Button>
        <Select<number>
          value={limit}
          onChange={onLimitChange}
          options={PAGE_SIZES.map((value) => ({ value, label: t('common.pageSize', { n: value }) }))}
          style={{ width: 120 }}
        />
      </Space>
    </Flex>
  );
}
