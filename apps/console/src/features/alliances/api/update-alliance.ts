import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etag, expectData } from '@/lib/api-client';
import { allianceKeys } from './keys';
import type { Alliance, AlliancePatch } from './types';

export interface UpdateAllianceInput {
  id: string;
  version: number;
  patch: AlliancePatch;
}

export async function updateAlliance({ id, version, patch }: UpdateAllianceInput): Promise<Alliance> {
  return expectData(
    await api.PATCH('/v1/alliances/{id}', {
      params: { path: { id } },
      headers: { 'If-Match': etag(version) },
      body: patch,
    }),
  );
}

export function useUpdateAlliance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAlliance,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allianceKeys.lists() }),
  });
}
