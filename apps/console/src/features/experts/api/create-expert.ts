import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { expertKeys } from './keys';
import type { Expert, ExpertCreate } from './types';

export interface CreateExpertInput {
  body: ExpertCreate;
  idempotencyKey: string;
}

export async function createExpert({ body, idempotencyKey }: CreateExpertInput): Promise<Expert> {
  return expectData(await api.POST('/v1/experts', { headers: { 'Idempotency-Key': idempotencyKey }, body }));
}

export function useCreateExpert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createExpert,
    onSuccess: (expert) => {
      queryClient.setQueryData(expertKeys.detail(expert.id), expert);
      return queryClient.invalidateQueries({ queryKey: expertKeys.lists() });
    },
  });
}
