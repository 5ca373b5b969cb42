import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etag } from '@/lib/api-client';
import { societyKeys } from './keys';

export interface DeleteSocietyInput {
  id: string;
  version: number;
}

export async function deleteSociety({ id, version }: DeleteSocietyInput): Promise<void> {
  await api.DELETE('/v1/societies/{id}', {
    params: { path: { id } },
    headers: { 'If-Match': etag(version) },
  });
}

export function useDeleteSociety() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSociety,
    onSuccess: (_, { id }) => {
      queryClient.removeQueries({ queryKey: societyKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: societyKeys.lists() });
    },
  });
}
