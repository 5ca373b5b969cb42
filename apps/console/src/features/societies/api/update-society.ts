import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etag, expectData } from '@/lib/api-client';
import { societyKeys } from './keys';
import type { Society, SocietyPatch } from './types';

export interface UpdateSocietyInput {
  id: string;
  /** The version the user edited; a newer one on the server answers 412. */
  version: number;
  patch: SocietyPatch;
}

export async function updateSociety({ id, version, patch }: UpdateSocietyInput): Promise<Society> {
  return expectData(
    await api.PATCH('/v1/societies/{id}', {
      params: { path: { id } },
      headers: { 'If-Match': etag(version) },
      body: patch,
    }),
  );
}

export function useUpdateSociety() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSociety,
    onSuccess: (society) => {
      queryClient.setQueryData(societyKeys.detail(society.id), society);
      return queryClient.invalidateQueries({ queryKey: societyKeys.lists() });
    },
  });
}
