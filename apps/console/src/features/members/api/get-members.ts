import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { memberKeys } from './keys';
import type { MemberListQuery, MemberPage } from './types';

export async function getMembers(societyId: string, query: MemberListQuery, signal?: AbortSignal): Promise<MemberPage> {
  return expectData(
    await api.GET('/v1/societies/{id}/members', { params: { path: { id: societyId }, query }, signal }),
  );
}

export function membersQueryOptions(societyId: string, query: MemberListQuery) {
  return queryOptions({
    queryKey: memberKeys.list(societyId, query),
    queryFn: ({ signal }) => getMembers(societyId, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMembers(societyId: string, query: MemberListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({ ...membersQueryOptions(societyId, query), enabled: options.enabled ?? true });
}
