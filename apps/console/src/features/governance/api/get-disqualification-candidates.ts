import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { governanceKeys } from './keys';
import type { DisqualificationList } from './types';

export async function getDisqualificationCandidates(signal?: AbortSignal): Promise<DisqualificationList> {
  return expectData(await api.GET('/v1/disqualification-candidates', { signal }));
}

export function disqualificationQueryOptions() {
  return queryOptions({
    queryKey: governanceKeys.disqualification(),
    queryFn: ({ signal }) => getDisqualificationCandidates(signal),
  });
}

export function useDisqualificationCandidates() {
  return useQuery(disqualificationQueryOptions());
}
