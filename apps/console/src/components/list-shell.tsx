import type { UseQueryResult } from '@tanstack/react-query';
import { Flex, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Card } from './card';
import { CursorPager, DEFAULT_PAGE_SIZE, type useCursorStack } from './cursor-pager';
import { QueryError } from './query-error';

/** A page of a keyset-paginated list, as every list endpoint answers. */
export interface CursorPage<Item> {
  items: Item[];
  nextCursor?: string | null;
}

/**
 * A list's filters in the address (`?status=…&limit=…`), so a filtered list can be bookmarked and the
 * back button restores it. Setting a value to `undefined` (or '') removes it.
 */
export function useSearchFilters<Name extends string>() {
  const [search, setSearch] = useSearchParams();
  function update(patch: Partial<Record<Name, string | undefined>>) {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries<string | undefined>(patch)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setSearch(next, { replace: true });
  }
  return {
    search,
    update,
    /** The page size as a filter: the default is left out of the address. */
    limitValue: (limit: number) => (limit === DEFAULT_PAGE_SIZE ? undefined : String(limit)),
    reset: () => setSearch(new URLSearchParams(), { replace: true }),
  };
}

interface ListShellProps<Item> {
  /** The controls above the list; a list without filters has none. */
  filters?: ReactNode;
  /** The page being shown; while the next one loads, the previous stays as a placeholder. */
  query: UseQueryResult<CursorPage<Item>>;
  pager: ReturnType<typeof useCursorStack>;
  limit: number;
  onLimitChange: (limit: number) => void;
  /** The table's own part: columns, row key, empty text, row handlers. */
  table: Omit<TableProps<Item>, 'dataSource' | 'loading' | 'pagination'>;
  /** The table's `data-testid`. */
  testId?: string;
  /** What the list opens (its drawers and modals), rendered after it. */
  children?: ReactNode;
}

/**
 * The list page every feature has: filters in a small card, then the table (or why it could not load)
 * with the cursor pager under it.
 */
export function ListShell<Item extends object>({
  filters,
  query,
  pager,
  limit,
  onLimitChange,
  table,
  testId,
  children,
}: ListShellProps<Item>) {
  const body = (
    <Card styles={{ body: { padding: 0 } }}>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Item>
          {...table}
          dataSource={query.data?.items ?? []}
          loading={query.isPending || query.isPlaceholderData}
          pagination={false}
          data-testid={testId}
        />
      )}
      <CursorPager
        pager={pager}
        nextCursor={query.data?.nextCursor}
        busy={query.isPlaceholderData}
        limit={limit}
        onLimitChange={onLimitChange}
      />
      {children}
    </Card>
  );
  if (!filters) return body;
  return (
    <Flex vertical gap={16}>
      <Card size="small" styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap align="center">
          {filters}
        </Flex>
      </Card>
      {body}
    </Flex>
  );
}
