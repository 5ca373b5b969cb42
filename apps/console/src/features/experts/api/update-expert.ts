import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etag, expectData } from '@/lib/api-client';
import { expertKeys } from './keys';
import type { Expert, ExpertPatch } from './types';

export interface UpdateExpertInput {
  id: string;
  /** The version the user saw; a newer one on the server answers 412. */
  version: number;
  patch: ExpertPatch;
}

export async function updateExpert({ id, version, patch }: UpdateExpertInput): Promise<Expert> {
  return expectData(
    await api.PATCH('/v1/experts/{id}', {
      params: { path: { id } },
      headers: { 'If-Match': etag(version) },
      body: patch,
    }),
  );
}

export function useUpdateExpert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateExpert,
    onSuccess: (expert) => {
      queryClient.setQueryData(expertKeys.detail(expert.id), expert);
      return queryClient.invalidateQueries({ queryKey: expertKeys.lists() });
    },
  });
}
