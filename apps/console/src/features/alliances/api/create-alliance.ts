import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { allianceKeys } from './keys';
import type { Alliance, AllianceCreate } from './types';

export interface CreateAllianceInput {
  body: AllianceCreate;
  idempotencyKey: string;
}

export async function createAlliance({ body, idempotencyKey }: CreateAllianceInput): Promise<Alliance> {
  return expectData(await api.POST('/v1/alliances', { headers: { 'Idempotency-Key': idempotencyKey }, body }));
}

export function useCreateAlliance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAlliance,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allianceKeys.lists() }),
  });
}
