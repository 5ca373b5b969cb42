import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { governanceKeys } from './keys';
import type { GovernanceReport } from './types';

export async function getGovernance(societyId: string, signal?: AbortSignal): Promise<GovernanceReport> {
  return expectData(await api.GET('/v1/societies/{id}/governance', { params: { path: { id: societyId } }, signal }));
}

export function governanceQueryOptions(societyId: string) {
  return queryOptions({
    queryKey: governanceKeys.checklist(societyId),
    queryFn: ({ signal }) => getGovernance(societyId, signal),
  });
}

export function useGovernance(societyId: string) {
  return useQuery(governanceQueryOptions(societyId));
}
