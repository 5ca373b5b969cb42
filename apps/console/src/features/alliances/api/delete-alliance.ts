import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etag } from '@/lib/api-client';
import { allianceKeys } from './keys';

export interface DeleteAllianceInput {
  id: string;
  version: number;
}

export async function deleteAlliance({ id, version }: DeleteAllianceInput): Promise<void> {
  await api.DELETE('/v1/alliances/{id}', { params: { path: { id } }, headers: { 'If-Match': etag(version) } });
}

export function useDeleteAlliance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAlliance,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allianceKeys.lists() }),
  });
}
