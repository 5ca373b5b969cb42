import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { societyKeys } from './keys';
import type { SocietyTransitionPage } from './types';

export async function getSocietyTransitions(
  id: string,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<SocietyTransitionPage> {
  return expectData(
    await api.GET('/v1/societies/{id}/transitions', {
      params: { path: { id }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

export function societyTransitionsQueryOptions(id: string) {
  return infiniteQueryOptions({
    queryKey: societyKeys.transitions(id),
    queryFn: ({ pageParam, signal }) => getSocietyTransitions(id, pageParam, signal),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSocietyTransitions(id: string) {
  return useInfiniteQuery(societyTransitionsQueryOptions(id));
}
