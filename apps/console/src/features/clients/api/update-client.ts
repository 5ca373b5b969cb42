import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etag, expectData } from '@/lib/api-client';
import { clientKeys } from './keys';
import type { Client, ClientPatch } from './types';

export interface UpdateClientInput {
  id: string;
  version: number;
  patch: ClientPatch;
}

export async function updateClient({ id, version, patch }: UpdateClientInput): Promise<Client> {
  return expectData(
    await api.PATCH('/v1/clients/{id}', {
      params: { path: { id } },
      headers: { 'If-Match': etag(version) },
      body: patch,
    }),
  );
}

export function useUpdateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateClient,
    onSettled: () => queryClient.invalidateQueries({ queryKey: clientKeys.lists() }),
  });
}
