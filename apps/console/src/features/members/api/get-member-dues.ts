import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { memberKeys } from './keys';
import type { DuesList } from './types';

export async function getMemberDues(id: string, signal?: AbortSignal): Promise<DuesList> {
  return expectData(await api.GET('/v1/members/{id}/dues', { params: { path: { id } }, signal }));
}

export function memberDuesQueryOptions(id: string) {
  return queryOptions({
    queryKey: memberKeys.dues(id),
    queryFn: ({ signal }) => getMemberDues(id, signal),
  });
}

export function useMemberDues(id: string) {
  return useQuery(memberDuesQueryOptions(id));
}
