import type { paths } from '@society-hub/client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type Dashboard = Json<paths['/v1/stats/dashboard']['get']['responses'][200]>;

export const dashboardKeys = { all: ['dashboard'] as const };

export async function getDashboard(signal?: AbortSignal): Promise<Dashboard> {
  return expectData(await api.GET('/v1/stats/dashboard', { signal }));
}

export function dashboardQueryOptions() {
  return queryOptions({ queryKey: dashboardKeys.all, queryFn: ({ signal }) => getDashboard(signal) });
}

export function useDashboard() {
  return useQuery(dashboardQueryOptions());
}
