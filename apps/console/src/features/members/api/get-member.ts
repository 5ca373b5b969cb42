import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { memberKeys } from './keys';
import type { Member } from './types';

export async function getMember(id: string, signal?: AbortSignal): Promise<Member> {
  return expectData(await api.GET('/v1/members/{id}', { params: { path: { id } }, signal }));
}

export function memberQueryOptions(id: string) {
  return queryOptions({
    queryKey: memberKeys.detail(id),
    queryFn: ({ signal }) => getMember(id, signal),
  });
}

export function useMember(id: string) {
  return useQuery(memberQueryOptions(id));
}
