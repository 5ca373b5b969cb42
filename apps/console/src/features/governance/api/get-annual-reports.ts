import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { governanceKeys } from './keys';
import type { AnnualReportPage } from './types';

/** A society's reports, one a year: a page of 100 covers its whole history. */
export async function getAnnualReports(societyId: string, signal?: AbortSignal): Promise<AnnualReportPage> {
  return expectData(
    await api.GET('/v1/societies/{id}/annual-reports', {
      params: { path: { id: societyId }, query: { limit: 100 } },
      signal,
    }),
  );
}

export function annualReportsQueryOptions(societyId: string) {
  return queryOptions({
    queryKey: governanceKeys.reports(societyId),
    queryFn: ({ signal }) => getAnnualReports(societyId, signal),
  });
}

export function useAnnualReports(societyId: string) {
  return useQuery(annualReportsQueryOptions(societyId));
}
