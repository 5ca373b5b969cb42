import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { memberKeys } from './keys';
import type { MembershipList } from './types';

export async function getMemberships(id: string, signal?: AbortSignal): Promise<MembershipList> {
  return expectData(await api.GET('/v1/members/{id}/memberships', { params: { path: { id } }, signal }));
}

export function membershipsQueryOptions(id: string) {
  return queryOptions({
    queryKey: memberKeys.memberships(id),
    queryFn: ({ signal }) => getMemberships(id, signal),
  });
}

/** The same person's memberships of other societies the user may see. */
export function useMemberships(id: string) {
  return useQuery(membershipsQueryOptions(id));
}
