import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { governanceKeys } from './keys';
import type { Capacity } from './types';

export async function getCapacity(societyId: string, signal?: AbortSignal): Promise<Capacity> {
  return expectData(await api.GET('/v1/societies/{id}/capacity', { params: { path: { id: societyId } }, signal }));
}

export function capacityQueryOptions(societyId: string) {
  return queryOptions({
    queryKey: governanceKeys.capacity(societyId),
    queryFn: ({ signal }) => getCapacity(societyId, signal),
  });
}

export function useCapacity(societyId: string) {
  return useQuery(capacityQueryOptions(societyId));
}
