import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { societyKeys } from './keys';
import type { Society } from './types';

export async function getSociety(id: string, signal?: AbortSignal): Promise<Society> {
  return expectData(await api.GET('/v1/societies/{id}', { params: { path: { id } }, signal }));
}

export function societyQueryOptions(id: string) {
  return queryOptions({
    queryKey: societyKeys.detail(id),
    queryFn: ({ signal }) => getSociety(id, signal),
  });
}

export function useSociety(id: string) {
  return useQuery(societyQueryOptions(id));
}
