import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etag, expectData } from '@/lib/api-client';
import { userKeys } from './keys';
import type { User, UserPatch } from './types';

export interface UpdateUserInput {
  id: string;
  /** The version the administrator saw; a newer one on the server answers 412. */
  version: number;
  patch: UserPatch;
}

export async function updateUser({ id, version, patch }: UpdateUserInput): Promise<User> {
  return expectData(
    await api.PATCH('/v1/users/{id}', {
      params: { path: { id } },
      headers: { 'If-Match': etag(version) },
      body: patch,
    }),
  );
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
}
