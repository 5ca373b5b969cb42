import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { expertKeys } from './keys';
import type { ExpertListQuery, ExpertPage } from './types';

export async function getExperts(query: ExpertListQuery, signal?: AbortSignal): Promise<ExpertPage> {
  return expectData(await api.GET('/v1/experts', { params: { query }, signal }));
}

export function expertsQueryOptions(query: ExpertListQuery) {
  return queryOptions({
    queryKey: expertKeys.list(query),
    queryFn: ({ signal }) => getExperts(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useExperts(query: ExpertListQuery) {
  return useQuery(expertsQueryOptions(query));
}
