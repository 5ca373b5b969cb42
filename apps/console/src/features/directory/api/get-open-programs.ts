import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { directoryKeys } from './keys';
import type { OpenProgramPage } from './types';

/** Funding calls open for applications now; no login. */
export async function getOpenPrograms(cursor: string | undefined, signal?: AbortSignal): Promise<OpenProgramPage> {
  return expectData(
    await api.GET('/v1/public/funding-programs', {
      params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

export function useOpenPrograms(cursor: string | undefined) {
  return useQuery({
    queryKey: directoryKeys.programs(cursor),
    queryFn: ({ signal }) => getOpenPrograms(cursor, signal),
    placeholderData: keepPreviousData,
  });
}
