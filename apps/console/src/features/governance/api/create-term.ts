import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { governanceKeys } from './keys';
import type { GovernanceTerm, GovernanceTermCreate } from './types';

export interface CreateTermInput {
  societyId: string;
  body: GovernanceTermCreate;
  idempotencyKey: string;
}

export async function createTerm({ societyId, body, idempotencyKey }: CreateTermInput): Promise<GovernanceTerm> {
  return expectData(
    await api.POST('/v1/societies/{id}/terms', {
      params: { path: { id: societyId } },
      headers: { 'Idempotency-Key': idempotencyKey },
      body,
    }),
  );
}

export function useCreateTerm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTerm,
    // A new term changes the roster shown, the checklist and the capacity index.
    onSuccess: (_, { societyId }) => queryClient.invalidateQueries({ queryKey: governanceKeys.society(societyId) }),
  });
}
