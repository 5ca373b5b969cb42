import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { societyKeys } from './keys';
import type { SocietyListQuery, SocietyPage } from './types';

export async function getSocieties(query: SocietyListQuery, signal?: AbortSignal): Promise<SocietyPage> {
  return expectData(await api.GET('/v1/societies', { params: { query }, signal }));
}

export function societiesQueryOptions(query: SocietyListQuery) {
  return queryOptions({
    queryKey: societyKeys.list(query),
    queryFn: ({ signal }) => getSocieties(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSocieties(query: SocietyListQuery) {
  return useQuery(societiesQueryOptions(query));
}
