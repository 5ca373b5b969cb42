import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { signingKeyKeys } from './keys';
import type { SigningKeyList } from './types';

export async function getSigningKeys(signal?: AbortSignal): Promise<SigningKeyList> {
  return expectData(await api.GET('/v1/signing-keys', { signal }));
}

export function signingKeysQueryOptions() {
  return queryOptions({
    queryKey: signingKeyKeys.list(),
    queryFn: ({ signal }) => getSigningKeys(signal),
  });
}

export function useSigningKeys() {
  return useQuery(signingKeysQueryOptions());
}
