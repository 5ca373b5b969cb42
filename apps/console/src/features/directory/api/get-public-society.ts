import { useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { directoryKeys } from './keys';
import type { PublicSocietyProfile } from './types';

/** One active society's public page; no login (404 once it is no longer active). */
export async function getPublicSociety(id: string, signal?: AbortSignal): Promise<PublicSocietyProfile> {
  return expectData(await api.GET('/v1/public/societies/{id}', { params: { path: { id } }, signal }));
}

export function usePublicSociety(id: string) {
  return useQuery({
    queryKey: directoryKeys.society(id),
    queryFn: ({ signal }) => getPublicSociety(id, signal),
  });
}
