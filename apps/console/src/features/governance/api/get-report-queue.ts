import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { governanceKeys } from './keys';
import type { ReportQueuePage, ReportQueueQuery } from './types';

export async function getReportQueue(query: ReportQueueQuery, signal?: AbortSignal): Promise<ReportQueuePage> {
  return expectData(await api.GET('/v1/annual-reports', { params: { query }, signal }));
}

export function reportQueueQueryOptions(query: ReportQueueQuery) {
  return queryOptions({
    queryKey: governanceKeys.queue(query),
    queryFn: ({ signal }) => getReportQueue(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReportQueue(query: ReportQueueQuery) {
  return useQuery(reportQueueQueryOptions(query));
}
