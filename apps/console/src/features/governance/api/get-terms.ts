import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { governanceKeys } from './keys';
import type { GovernanceTermPage } from './types';

/** Terms newest first; a society has a handful, so one page of 100 holds them all. */
export async function getTerms(societyId: string, signal?: AbortSignal): Promise<GovernanceTermPage> {
  return expectData(
    await api.GET('/v1/societies/{id}/terms', { params: { path: { id: societyId }, query: { limit: 100 } }, signal }),
  );
}

export function termsQueryOptions(societyId: string) {
  return queryOptions({
    queryKey: governanceKeys.terms(societyId),
    queryFn: ({ signal }) => getTerms(societyId, signal),
  });
}

export function useTerms(societyId: string) {
  return useQuery(termsQueryOptions(societyId));
}
