import type { paths } from '@society-hub/client';
import { queryOptions, useQueries } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { dashboardKeys } from './get-dashboard';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type CellApplicationPage = Json<paths['/v1/funding-programs/{id}/applications']['get']['responses'][200]>;
export type CellApplication = CellApplicationPage['items'][number];

/**
 * The most a call has in one category, by far (a few dozen in practice): one page holds them all,
 * and the drawer says so when a page was not enough.
 */
export const CELL_PAGE = 500;

export async function getCellApplications(
  programId: string,
  categoryCode: string,
  signal?: AbortSignal,
): Promise<CellApplicationPage> {
  return expectData(
    await api.GET('/v1/funding-programs/{id}/applications', {
      params: { path: { id: programId }, query: { categoryCode, limit: CELL_PAGE } },
      signal,
    }),
  );
}

export function cellApplicationsQueryOptions(programId: string, categoryCode: string) {
  return queryOptions({
    queryKey: [...dashboardKeys.all, 'applications', programId, categoryCode] as const,
    queryFn: ({ signal }) => getCellApplications(programId, categoryCode, signal),
  });
}

/** The applications behind one bar of the funding chart: each program of that year, in that category. */
export function useCellApplications(programIds: readonly string[], categoryCode: string | null) {
  return useQueries({
    queries: programIds.map((id) => ({
      ...cellApplicationsQueryOptions(id, categoryCode ?? ''),
      enabled: !!categoryCode,
    })),
  });
}
