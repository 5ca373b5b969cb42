import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { clientKeys } from './keys';
import type { ClientListQuery, ClientPage } from './types';

export async function getClients(query: ClientListQuery, signal?: AbortSignal): Promise<ClientPage> {
  return expectData(await api.GET('/v1/clients', { params: { query }, signal }));
}

export function clientsQueryOptions(query: ClientListQuery) {
  return queryOptions({
    queryKey: clientKeys.list(query),
    queryFn: ({ signal }) => getClients(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useClients(query: ClientListQuery) {
  return useQuery(clientsQueryOptions(query));
}
