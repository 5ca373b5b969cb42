import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { memberKeys } from './keys';
import type { MemberStats } from './types';

export async function getSocietyMemberStats(societyId: string, signal?: AbortSignal): Promise<MemberStats> {
  return expectData(await api.GET('/v1/societies/{id}/member-stats', { params: { path: { id: societyId } }, signal }));
}

export function societyMemberStatsQueryOptions(societyId: string) {
  return queryOptions({
    queryKey: memberKeys.societyStats(societyId),
    queryFn: ({ signal }) => getSocietyMemberStats(societyId, signal),
  });
}

export function useSocietyMemberStats(societyId: string) {
  return useQuery(societyMemberStatsQueryOptions(societyId));
}
