import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { societyKeys } from './keys';
import type { Society, SocietyCreate } from './types';

export interface CreateSocietyInput {
  body: SocietyCreate;
  /** The same key for every retry of one submission, so a lost response never creates a duplicate. */
  idempotencyKey: string;
}

export async function createSociety({ body, idempotencyKey }: CreateSocietyInput): Promise<Society> {
  return expectData(
    await api.POST('/v1/societies', {
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  );
}

export function useCreateSociety() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSociety,
    onSuccess: (society) => {
      queryClient.setQueryData(societyKeys.detail(society.id), society);
      return queryClient.invalidateQueries({ queryKey: societyKeys.lists() });
    },
  });
}
