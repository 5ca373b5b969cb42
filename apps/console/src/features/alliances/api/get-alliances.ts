import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { allianceKeys } from './keys';
import type { AlliancePage } from './types';

export async function getAlliances(cursor: string | undefined, signal?: AbortSignal): Promise<AlliancePage> {
  return expectData(
    await api.GET('/v1/alliances', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } }, signal }),
  );
}

export function alliancesQueryOptions(cursor: string | undefined) {
  return queryOptions({
    queryKey: allianceKeys.list(cursor),
    queryFn: ({ signal }) => getAlliances(cursor, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAlliances(cursor: string | undefined) {
  return useQuery(alliancesQueryOptions(cursor));
}
