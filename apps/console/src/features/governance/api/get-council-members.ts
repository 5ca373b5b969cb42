import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { governanceKeys } from './keys';
import type { CouncilMemberPage } from './types';

/** The current term's roster (a council has at most a few hundred people). */
export async function getCouncilMembers(societyId: string, signal?: AbortSignal): Promise<CouncilMemberPage> {
  return expectData(
    await api.GET('/v1/societies/{id}/council-members', {
      params: { path: { id: societyId }, query: { limit: 500 } },
      signal,
    }),
  );
}

export function councilMembersQueryOptions(societyId: string) {
  return queryOptions({
    queryKey: governanceKeys.members(societyId),
    queryFn: ({ signal }) => getCouncilMembers(societyId, signal),
  });
}

export function useCouncilMembers(societyId: string) {
  return useQuery(councilMembersQueryOptions(societyId));
}
