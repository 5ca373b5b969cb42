import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { webhookKeys } from './keys';
import type { EventPage, EventQuery } from './types';

export async function getEvents(
  query: Omit<EventQuery, 'after'>,
  after: string,
  signal?: AbortSignal,
): Promise<EventPage> {
  return expectData(
    await api.GET('/v1/events', { params: { query: { ...query, ...(after ? { after } : {}) } }, signal }),
  );
}

/** The change feed from its start, a page at a time, as an integrating system reads it. */
export function eventFeedQueryOptions(query: Omit<EventQuery, 'after'>) {
  return infiniteQueryOptions({
    queryKey: webhookKeys.events(query),
    queryFn: ({ pageParam, signal }) => getEvents(query, pageParam, signal),
    initialPageParam: '',
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
  });
}

export function useEventFeed(query: Omit<EventQuery, 'after'>) {
  return useInfiniteQuery(eventFeedQueryOptions(query));
}
