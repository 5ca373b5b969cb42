import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { directoryKeys } from './keys';
import type { PublicSocietyPage, PublicSocietyQuery } from './types';

/** Active societies and their published contacts; no login (the browser revalidates with the ETag). */
export async function getPublicSocieties(query: PublicSocietyQuery, signal?: AbortSignal): Promise<PublicSocietyPage> {
  return expectData(await api.GET('/v1/public/societies', { params: { query }, signal }));
}

export function usePublicSocieties(query: PublicSocietyQuery) {
  return useQuery({
    queryKey: directoryKeys.societies(query),
    queryFn: ({ signal }) => getPublicSocieties(query, signal),
    placeholderData: keepPreviousData,
  });
}
