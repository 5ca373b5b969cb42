import { queryOptions } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { expertKeys } from './keys';
import type { Expert } from './types';

/** One expert as the detail answers it: the phone in full (lists mask it) and the current version. */
export async function getExpert(id: string, signal?: AbortSignal): Promise<Expert> {
  return expectData(await api.GET('/v1/experts/{id}', { params: { path: { id } }, signal }));
}

export function expertQueryOptions(id: string) {
  return queryOptions({ queryKey: expertKeys.detail(id), queryFn: ({ signal }) => getExpert(id, signal) });
}
