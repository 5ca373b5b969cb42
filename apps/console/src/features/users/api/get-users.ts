import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { userKeys } from './keys';
import type { UserListQuery, UserPage } from './types';

export async function getUsers(query: UserListQuery, signal?: AbortSignal): Promise<UserPage> {
  return expectData(await api.GET('/v1/users', { params: { query }, signal }));
}

export function usersQueryOptions(query: UserListQuery) {
  return queryOptions({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => getUsers(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(query: UserListQuery) {
  return useQuery(usersQueryOptions(query));
}
