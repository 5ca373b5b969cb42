import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData, newIdempotencyKey } from '@/lib/api-client';
import { societyKeys } from './keys';
import type { Society, SocietyTransitionRequest } from './types';

export interface TransitionSocietyInput {
  id: string;
  request: SocietyTransitionRequest;
  idempotencyKey?: string;
}

export async function transitionSociety({ id, request, idempotencyKey }: TransitionSocietyInput): Promise<Society> {
  return expectData(
    await api.POST('/v1/societies/{id}/transitions', {
      params: { path: { id } },
      headers: { 'Idempotency-Key': idempotencyKey ?? newIdempotencyKey() },
      body: request,
    }),
  );
}

export function useTransitionSociety() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionSociety,
    onSuccess: (society) => {
      queryClient.setQueryData(societyKeys.detail(society.id), society);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: societyKeys.transitions(society.id) }),
        queryClient.invalidateQueries({ queryKey: societyKeys.lists() }),
      ]);
    },
  });
}
